"""What is due for review ("Ulangi"): counts for the home screen and the day's list.

A question is *due* when its card is in the Review state and due before the end of
the local day, or is (re)learning and due within :data:`calendar.LEARN_AHEAD`. The
day's review session asks the due questions, most overdue first, then questions
never answered yet ("new"), each capped per day by the settings; reviews already
done today count against the caps. Only questions still in the catalog count.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, tzinfo

from latsar_tui.content.model import Catalog
from latsar_tui.review.calendar import LEARN_AHEAD, day_bounds
from latsar_tui.review.catalog_table import load_catalog_tables
from latsar_tui.review.scheduling import State
from latsar_tui.settings import Settings
from latsar_tui.store.db import to_text
from latsar_tui.store.progress import ProgressStore

# The due condition on a card row ``c``; parameters :day_end and :learn_ahead.
DUE_SQL = (
    f"((c.state = {int(State.Review)} AND c.due < :day_end) "
    f"OR (c.state != {int(State.Review)} AND c.due <= :learn_ahead))"
)


@dataclass(frozen=True, slots=True)
class DueSummary:
    """Due counts for the home screen and the size of today's review session."""

    total: int  # due now, before the daily cap
    by_module: dict[str, int]  # module id ('' for banks without a module) -> due
    by_bank: dict[str, int]
    new_available: int  # questions never answered
    reviewed_today: int  # due questions already reviewed today (count against the cap)
    new_today: int  # questions answered for the first time today
    session_due: int  # what "Ulangi" asks now, after the caps
    session_new: int

    @property
    def session_size(self) -> int:
        """How many questions a review session started now would ask."""
        return self.session_due + self.session_new


def _params(now: datetime, tz: tzinfo | None) -> dict[str, str]:
    start, end = day_bounds(now, tz)
    return {
        "day_start": to_text(start),
        "day_end": to_text(end),
        "learn_ahead": to_text(now + LEARN_AHEAD),
    }


def _done_today(conn: sqlite3.Connection, params: dict[str, str]) -> tuple[int, int]:
    """(due questions reviewed today, questions answered for the first time today)."""
    row = conn.execute(
        """
        SELECT count(DISTINCT CASE WHEN state_before != 0 AND due_before < :day_end
                                   THEN bank_id || char(31) || question_id END),
               count(DISTINCT CASE WHEN state_before = 0
                                   THEN bank_id || char(31) || question_id END)
        FROM review_logs
        WHERE review_datetime >= :day_start AND review_datetime < :day_end
        """,
        params,
    ).fetchone()
    return int(row[0]), int(row[1])


def due_summary(
    catalog: Catalog,
    store: ProgressStore,
    settings: Settings,
    now: datetime,
    tz: tzinfo | None = None,
) -> DueSummary:
    """Due counts per module, per bank and overall, and today's session size."""
    params = _params(now, tz)
    with store.connection() as conn:
        load_catalog_tables(conn, catalog)
        by_bank = {
            row[0]: int(row[1])
            for row in conn.execute(
                f"SELECT c.bank_id, count(*) FROM cards AS c JOIN temp.cat_questions AS q "
                f"USING (bank_id, question_id) WHERE {DUE_SQL} GROUP BY c.bank_id",
                params,
            )
        }
        by_module = {
            row[0]: int(row[1])
            for row in conn.execute(
                f"SELECT q.module_id, count(*) FROM cards AS c JOIN temp.cat_questions AS q "
                f"USING (bank_id, question_id) WHERE {DUE_SQL} GROUP BY q.module_id",
                params,
            )
        }
        new_available = int(
            conn.execute(
                "SELECT count(*) FROM temp.cat_questions AS q WHERE NOT EXISTS "
                "(SELECT 1 FROM cards AS c WHERE c.bank_id = q.bank_id "
                "AND c.question_id = q.question_id)"
            ).fetchone()[0]
        )
        reviewed_today, new_today = _done_today(conn, params)
    total = sum(by_bank.values())
    return DueSummary(
        total=total,
        by_module=by_module,
        by_bank=by_bank,
        new_available=new_available,
        reviewed_today=reviewed_today,
        new_today=new_today,
        session_due=min(total, max(settings.daily_due - reviewed_today, 0)),
        session_new=min(new_available, max(settings.daily_new - new_today, 0)),
    )


def review_items(
    catalog: Catalog,
    store: ProgressStore,
    settings: Settings,
    now: datetime,
    tz: tzinfo | None = None,
) -> list[tuple[str, str]]:
    """Today's review list: due questions, most overdue first, then new ones, capped."""
    params = _params(now, tz)
    with store.connection() as conn:
        load_catalog_tables(conn, catalog)
        reviewed_today, new_today = _done_today(conn, params)
        due_left = max(settings.daily_due - reviewed_today, 0)
        new_left = max(settings.daily_new - new_today, 0)
        due = conn.execute(
            f"SELECT c.bank_id, c.question_id FROM cards AS c JOIN temp.cat_questions AS q "
            f"USING (bank_id, question_id) WHERE {DUE_SQL} "
            "ORDER BY c.due, q.position LIMIT :limit",
            {**params, "limit": due_left},
        ).fetchall()
        new = conn.execute(
            "SELECT q.bank_id, q.question_id FROM temp.cat_questions AS q WHERE NOT EXISTS "
            "(SELECT 1 FROM cards AS c WHERE c.bank_id = q.bank_id "
            "AND c.question_id = q.question_id) ORDER BY q.position LIMIT ?",
            (new_left,),
        ).fetchall()
    return [(str(b), str(q)) for b, q in [*due, *new]]


def due_by_bank(
    catalog: Catalog,
    store: ProgressStore,
    now: datetime,
    tz: tzinfo | None = None,
) -> dict[str, int]:
    """Due questions per bank id (the home screen's "Ulang" column)."""
    return due_summary(catalog, store, Settings(), now, tz).by_bank

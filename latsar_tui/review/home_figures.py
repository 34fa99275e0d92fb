"""The home screen's figures, recomputed only for the banks and modules that changed.

The home screen shows, per module, the lessons read and the questions due, and per
bank the best and last score and the questions due, plus the day's review summary.
After an answer only that answer's bank changed, so :class:`HomeFigures` keeps the
figures of the last refresh and asks the store's journal (``changes_since``) what was
written since: only those banks' scores and due counts, and those modules' lessons
read, are queried again. Time passing changes due counts too: a new local day
recomputes everything, and within a day only the banks with a (re)learning card that
came within :data:`calendar.LEARN_AHEAD` since the last refresh are recomputed. The
figures always equal a full recomputation (``due.due_summary``; the tests compare).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, tzinfo

from latsar_tui.content.model import Catalog
from latsar_tui.review.catalog_table import load_catalog_tables
from latsar_tui.review.due import DUE_SQL, DueSummary, _done_today, _params
from latsar_tui.review.scheduling import State
from latsar_tui.settings import Settings
from latsar_tui.store.progress import BankScore, ProgressStore


@dataclass(slots=True)
class _State:
    catalog: Catalog
    mark: int
    day_end: str
    learn_ahead: str
    read: dict[str, set[str]]
    scores: dict[str, BankScore]
    due: dict[str, int]  # bank id -> due (banks with none left out, as due_summary)
    new: dict[str, int]  # bank id -> questions never answered (likewise)


@dataclass(slots=True)
class HomeFigures:
    """The figures of the last refresh, and how much each refresh recomputed."""

    _state: _State | None = None
    # Cumulative counts of what was queried again (read by the tests and the bench).
    banks_recomputed: int = 0
    modules_recomputed: int = 0
    full_recomputes: int = 0

    def refresh(
        self,
        catalog: Catalog,
        store: ProgressStore,
        settings: Settings,
        now: datetime,
        tz: tzinfo | None = None,
    ) -> tuple[dict[str, set[str]], dict[str, BankScore], DueSummary]:
        """(lessons read per module, scores per bank, due summary) as of ``now``."""
        params = _params(now, tz)
        state = self._state
        changes = store.changes_since(None if state is None else state.mark)
        if (
            state is None
            or changes.everything
            or state.catalog is not catalog
            or state.day_end != params["day_end"]
            or state.learn_ahead > params["learn_ahead"]
        ):
            state = self._full(catalog, store, params, changes.mark)
        else:
            self._update(
                state,
                store,
                params,
                banks=changes.banks,
                modules=changes.modules,
                mark=changes.mark,
            )
        with store.connection() as conn:
            reviewed_today, new_today = _done_today(conn, params)
        by_module: dict[str, int] = {}
        for bank in catalog.banks:
            count = state.due.get(bank.id, 0)
            if count:
                module = bank.module or ""
                by_module[module] = by_module.get(module, 0) + count
        total = sum(state.due.values())
        new_available = sum(state.new.values())
        summary = DueSummary(
            total=total,
            by_module=by_module,
            by_bank=dict(state.due),
            new_available=new_available,
            reviewed_today=reviewed_today,
            new_today=new_today,
            session_due=min(total, max(settings.daily_due - reviewed_today, 0)),
            session_new=min(new_available, max(settings.daily_new - new_today, 0)),
        )
        return dict(state.read), dict(state.scores), summary

    def _full(
        self, catalog: Catalog, store: ProgressStore, params: dict[str, str], mark: int
    ) -> _State:
        self.full_recomputes += 1
        self.banks_recomputed += len(catalog.banks)
        self.modules_recomputed += len(catalog.modules)
        with store.connection() as conn:
            load_catalog_tables(conn, catalog)
            due, new = _bank_counts(conn, params, None)
        state = _State(
            catalog=catalog,
            mark=mark,
            day_end=params["day_end"],
            learn_ahead=params["learn_ahead"],
            read={m.id: store.lessons_read(m.id) for m in catalog.modules},
            scores=store.bank_scores(),
            due=due,
            new=new,
        )
        self._state = state
        return state

    def _update(
        self,
        state: _State,
        store: ProgressStore,
        params: dict[str, str],
        *,
        banks: Collection[str],
        modules: Collection[str],
        mark: int,
    ) -> None:
        known_banks = {bank.id for bank in state.catalog.banks}
        known_modules = {module.id for module in state.catalog.modules}
        with store.connection() as conn:
            load_catalog_tables(conn, state.catalog)
            # Cards that were not due at the last refresh and are now: only (re)learning
            # cards can be, within one day (a review card is due for the whole day).
            came_due = {
                str(row[0])
                for row in conn.execute(
                    f"SELECT DISTINCT bank_id FROM cards WHERE state != {int(State.Review)} "
                    "AND due > :before AND due <= :learn_ahead",
                    {"before": state.learn_ahead, "learn_ahead": params["learn_ahead"]},
                )
            }
            touched = sorted((set(banks) | came_due) & known_banks)
            if touched:
                due, new = _bank_counts(conn, params, touched)
                for bank_id in touched:
                    _put(state.due, bank_id, due.get(bank_id, 0))
                    _put(state.new, bank_id, new.get(bank_id, 0))
        scored = sorted(set(banks) & known_banks)
        if scored:
            scores = store.bank_scores(scored)
            for bank_id in scored:
                if bank_id in scores:
                    state.scores[bank_id] = scores[bank_id]
                else:
                    state.scores.pop(bank_id, None)
        read = sorted(set(modules) & known_modules)
        for module_id in read:
            state.read[module_id] = store.lessons_read(module_id)
        self.banks_recomputed += len(touched)
        self.modules_recomputed += len(read)
        state.mark = mark
        state.learn_ahead = params["learn_ahead"]


def _put(counts: dict[str, int], key: str, value: int) -> None:
    if value:
        counts[key] = value
    else:
        counts.pop(key, None)


def _bank_counts(
    conn: sqlite3.Connection, params: dict[str, str], banks: list[str] | None
) -> tuple[dict[str, int], dict[str, int]]:
    """(due per bank, never answered per bank) for ``banks`` (None: every bank)."""
    only = {"only": None if banks is None else json.dumps(banks)}
    # :only is the banks asked for, as a JSON list (NULL: every bank).
    due = {
        str(row[0]): int(row[1])
        for row in conn.execute(
            "SELECT c.bank_id, count(*) FROM cards AS c JOIN temp.cat_questions AS q "
            f"USING (bank_id, question_id) WHERE {DUE_SQL} "
            "AND (:only IS NULL OR c.bank_id IN (SELECT value FROM json_each(:only))) "
            "GROUP BY c.bank_id",
            {**params, **only},
        )
    }
    new = {
        str(row[0]): int(row[1])
        for row in conn.execute(
            "SELECT q.bank_id, count(*) FROM temp.cat_questions AS q "
            "WHERE (:only IS NULL OR q.bank_id IN (SELECT value FROM json_each(:only))) "
            "AND NOT EXISTS "
            "(SELECT 1 FROM cards AS c WHERE c.bank_id = q.bank_id "
            "AND c.question_id = q.question_id) GROUP BY q.bank_id",
            only,
        )
    }
    return due, new

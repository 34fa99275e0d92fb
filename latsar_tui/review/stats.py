"""Progress statistics: mastery per module, lesson and tag, activity, streaks, recall.

Every figure over the answers is one SQL aggregate (GROUP BY, window functions) on
the store's connection, joined with the catalog's TEMP tables; Python only loops over
the aggregated rows and over the cards (one per question ever answered) for FSRS's
predicted recall.

The figures and their one-sentence definitions (shown in ``?`` on the screen):

- *Penguasaan* of a group: the share of all its questions whose latest answer scored
  full marks and whose predicted recall now is at least MASTERY_RECALL (90 %).
- *Benar* of a group: the mean score of the latest answer over its answered questions.
- *Ingatan* of a group, and "ingatan saat ini" overall: the mean recall FSRS predicts
  now over the answered questions last reviewed more than RECALL_MIN_AGE ago; left
  out ("—") when there are none, because just after an answer FSRS predicts ~100 %
  whatever the answer was, which says nothing.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from latsar_tui.content.model import Catalog
from latsar_tui.i18n import N_, _
from latsar_tui.review.calendar import day_start, today
from latsar_tui.review.catalog_table import load_catalog_tables
from latsar_tui.review.due import DueSummary, due_summary
from latsar_tui.review.mistakes import LAST_SCORES_SQL
from latsar_tui.review.plan import ExamPlan, exam_plan, predicted_recall
from latsar_tui.review.scheduling import RECALL_THRESHOLD
from latsar_tui.settings import Settings
from latsar_tui.store.db import to_text
from latsar_tui.store.progress import ProgressStore

ACTIVITY_DAYS = 30
# A question counts as mastered when its latest answer was right and FSRS still
# predicts at least this recall for it now.
MASTERY_RECALL = 0.9
# Recall is averaged only over questions last reviewed longer ago than this.
RECALL_MIN_AGE = timedelta(days=1)
NO_MODULE_TITLE = N_("Bank soal tanpa modul")  # translated at use


@dataclass(frozen=True, slots=True)
class Mastery:
    """How well one module, lesson or tag is known (percentages 0..100)."""

    key: str
    title: str
    total: int  # questions in the catalog
    answered: int  # of which answered at least once
    mastery: float  # share of all questions: last score full and recall now >= 90 %
    accuracy: float | None  # average last score over the answered ones ("Benar")
    recall: float | None  # mean recall now over those last reviewed > 1 day ago


@dataclass(frozen=True, slots=True)
class DayActivity:
    """Answers given on one local day, and their average score (percent)."""

    day: date
    answers: int
    average: float | None


@dataclass(frozen=True, slots=True)
class Statistics:
    """Every figure of the statistics screen and ``latsar stats``."""

    generated_at: datetime
    total_answers: int
    average_score: float | None  # percent, over every answer
    questions_total: int
    questions_answered: int
    by_module: list[Mastery]
    by_lesson: list[Mastery]
    by_tag: list[Mastery]
    days: list[DayActivity]  # the last ACTIVITY_DAYS local days, oldest first
    streak: int  # consecutive days with answers, ending today (or yesterday)
    average_last_week: float | None  # percent, the last 7 days
    average_week_before: float | None  # percent, the 7 days before those
    recall_now: float | None  # percent: mean recall now, questions reviewed > 1 day ago
    recall_counted: int  # how many questions recall_now is the mean of
    recalled_now: int  # of those, predicted recalled now (>= threshold)
    due: DueSummary
    plan: ExamPlan | None
    recall_threshold: float = RECALL_THRESHOLD


def _pct(value: Any) -> float | None:
    return None if value is None else 100.0 * float(value)


def _fill_temp_tables(
    conn: sqlite3.Connection, catalog: Catalog, recalls: list[tuple[str, str, float, int]]
) -> None:
    load_catalog_tables(conn, catalog)
    conn.execute(
        "CREATE TEMP TABLE IF NOT EXISTS last_scores (bank_id TEXT, question_id TEXT, "
        "score REAL, PRIMARY KEY (bank_id, question_id)) WITHOUT ROWID"
    )
    conn.execute(
        "CREATE TEMP TABLE IF NOT EXISTS card_recall (bank_id TEXT, question_id TEXT, "
        "recall REAL, old INTEGER, PRIMARY KEY (bank_id, question_id)) WITHOUT ROWID"
    )
    conn.execute("DELETE FROM temp.last_scores")
    conn.execute("DELETE FROM temp.card_recall")
    conn.execute(
        f"INSERT INTO temp.last_scores SELECT bank_id, question_id, score FROM ({LAST_SCORES_SQL})"
    )
    conn.executemany("INSERT OR IGNORE INTO temp.card_recall VALUES (?, ?, ?, ?)", recalls)


_GROUP_SELECT = """
    SELECT {key}, count(*), count(l.score),
           coalesce(sum(CASE WHEN l.score >= 1 AND r.recall >= {mastery_recall}
                             THEN 1 ELSE 0 END), 0),
           avg(l.score), avg(CASE WHEN r.old THEN r.recall END), min(q.position)
    FROM {source}
    LEFT JOIN temp.last_scores AS l
           ON l.bank_id = q.bank_id AND l.question_id = q.question_id
    LEFT JOIN temp.card_recall AS r
           ON r.bank_id = q.bank_id AND r.question_id = q.question_id
    {where}
    GROUP BY {key}
    ORDER BY {order}
"""


def _mastery(conn: sqlite3.Connection, key: str, source: str, where: str, order: str) -> list[Any]:
    sql = _GROUP_SELECT.format(
        key=key, source=source, where=where, order=order, mastery_recall=MASTERY_RECALL
    )
    return conn.execute(sql).fetchall()


def _to_mastery(row: Any, key: str, title: str) -> Mastery:
    total = int(row[1])
    return Mastery(
        key=key,
        title=title,
        total=total,
        answered=int(row[2]),
        mastery=100.0 * float(row[3]) / total if total else 0.0,
        accuracy=_pct(row[4]),
        recall=_pct(row[5]),
    )


def _lesson_title(catalog: Catalog, module_id: str, lesson_id: str) -> str:
    module = catalog.module(module_id)
    lesson = module.lesson(lesson_id) if module is not None else None
    return lesson.title if lesson is not None else lesson_id


def _is_old(last_review: datetime | None, now: datetime) -> bool:
    """Reviewed long enough ago for its predicted recall to say something."""
    return last_review is not None and now - last_review > RECALL_MIN_AGE


def _has_answers(conn: sqlite3.Connection, start: datetime, end: datetime) -> bool:
    row = conn.execute(
        "SELECT EXISTS (SELECT 1 FROM answers WHERE answered_at >= ? AND answered_at < ?)",
        (to_text(start), to_text(end)),
    ).fetchone()
    return bool(row[0])


def _streak(conn: sqlite3.Connection, now_day: date, tz: tzinfo | None) -> int:
    """Consecutive local days with answers, ending today (or yesterday, if today has none).

    One index seek per day of the streak, never a scan of the answers.
    """
    day = now_day
    if not _has_answers(conn, day_start(day, tz), day_start(day + timedelta(days=1), tz)):
        day -= timedelta(days=1)  # today is not over: yesterday's streak still counts
    streak = 0
    while _has_answers(conn, day_start(day, tz), day_start(day + timedelta(days=1), tz)):
        streak += 1
        day -= timedelta(days=1)
    return streak


def _activity(
    conn: sqlite3.Connection, first_day: date, days: int, tz: tzinfo | None
) -> list[DayActivity]:
    """Answers and average score per local day: an index range per day, no date parsing."""
    result = []
    for i in range(days):
        day = first_day + timedelta(days=i)
        count, average = conn.execute(
            "SELECT count(*), avg(score) FROM answers WHERE answered_at >= ? AND answered_at < ?",
            (to_text(day_start(day, tz)), to_text(day_start(day + timedelta(days=1), tz))),
        ).fetchone()
        result.append(DayActivity(day, int(count), _pct(average)))
    return result


def compute_statistics(
    catalog: Catalog,
    store: ProgressStore,
    settings: Settings,
    now: datetime,
    tz: tzinfo | None = None,
) -> Statistics:
    """Every statistic at ``now`` (local days in ``tz``, default the system's)."""
    recalls = predicted_recall(catalog, store, now)
    answered_recalls = [
        (r.bank_id, r.question_id, r.recall, int(_is_old(r.last_review, now)))
        for r in recalls
        if r.recall is not None
    ]
    now_day = today(now, tz)
    first_day = now_day - timedelta(days=ACTIVITY_DAYS - 1)
    week = day_start(now_day - timedelta(days=6), tz)
    week_before = day_start(now_day - timedelta(days=13), tz)
    with store.connection() as conn:
        _fill_temp_tables(conn, catalog, answered_recalls)
        modules = _mastery(
            conn,
            "q.module_id",
            "temp.cat_questions AS q",  # i18n: ignore SQL
            "",
            "7",
        )
        lessons = _mastery(
            conn,
            "q.module_id, q.lesson_id",  # i18n: ignore SQL
            "temp.cat_questions AS q",  # i18n: ignore SQL
            "WHERE q.lesson_id IS NOT NULL",  # i18n: ignore SQL
            "8",
        )
        tags = _mastery(
            conn,
            "t.tag",
            "temp.cat_tags AS t JOIN temp.cat_questions AS q "  # i18n: ignore SQL
            "ON q.bank_id = t.bank_id AND q.question_id = t.question_id",
            "",
            "1",
        )
        total_answers, average = conn.execute("SELECT count(*), avg(score) FROM answers").fetchone()
        days = _activity(conn, first_day, ACTIVITY_DAYS, tz)
        last_week, week_before_avg = conn.execute(
            "SELECT avg(CASE WHEN answered_at >= :week THEN score END), "
            "avg(CASE WHEN answered_at < :week THEN score END) "
            "FROM answers WHERE answered_at >= :before",
            {
                "week": to_text(week),
                "before": to_text(week_before),
            },
        ).fetchone()
        streak = _streak(conn, now_day, tz)
    answered_count = len(answered_recalls)
    old_values = [value for _bank, _question, value, old in answered_recalls if old]
    return Statistics(
        generated_at=now,
        total_answers=int(total_answers),
        average_score=_pct(average),
        questions_total=len(recalls),
        questions_answered=answered_count,
        by_module=[
            _to_mastery(
                row,
                row[0],
                (m.title if (m := catalog.module(row[0])) is not None else row[0])
                if row[0]
                else _(NO_MODULE_TITLE),
            )
            for row in modules
        ],
        by_lesson=[
            _to_mastery(row[1:], f"{row[0]}/{row[1]}", _lesson_title(catalog, row[0], row[1]))
            for row in lessons
        ],
        by_tag=[_to_mastery(row, row[0], row[0]) for row in tags],
        days=days,
        streak=streak,
        average_last_week=_pct(last_week),
        average_week_before=_pct(week_before_avg),
        recall_now=_pct(sum(old_values) / len(old_values)) if old_values else None,
        recall_counted=len(old_values),
        recalled_now=sum(1 for value in old_values if value >= RECALL_THRESHOLD),
        due=due_summary(catalog, store, settings, now, tz),
        plan=exam_plan(catalog, store, settings, now, tz),
    )

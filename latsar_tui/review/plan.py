"""The exam-date plan: days left, the share of questions predicted to be recalled on
the trainee's evaluation date, and the "Persiapan ujian" list.

Recall on a date is FSRS's retrievability of the question's card at that date's
morning (``Scheduler.get_card_retrievability``); a question counts as recalled when
it is at least :data:`scheduling.RECALL_THRESHOLD` (0.9, the retention the scheduler
aims for). A question never answered has no card and counts as 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from latsar_tui.content.model import Catalog
from latsar_tui.review.calendar import exam_moment, today
from latsar_tui.review.catalog_table import load_catalog_tables
from latsar_tui.review.scheduling import RECALL_THRESHOLD, retrievability
from latsar_tui.settings import Settings
from latsar_tui.store.cards import card_from_row
from latsar_tui.store.progress import ProgressStore

DEFAULT_PREP_COUNT = 20


@dataclass(frozen=True, slots=True)
class PredictedRecall:
    """One catalog question's predicted recall at a moment (None if never answered)."""

    bank_id: str
    question_id: str
    module_id: str
    recall: float | None
    position: int
    last_review: datetime | None = None  # when the question was last answered

    @property
    def recall_or_zero(self) -> float:
        """The prediction, counting a question never answered as 0."""
        return 0.0 if self.recall is None else self.recall


@dataclass(frozen=True, slots=True)
class ExamPlan:
    """Where the trainee stands for the evaluation date."""

    exam_date: date
    days_left: int  # 0 on the day itself, negative once it has passed
    total: int  # questions in the catalog
    recalled: int  # of which predicted recall >= threshold on the exam date
    threshold: float = RECALL_THRESHOLD

    @property
    def share(self) -> float:
        """Share of questions predicted to be recalled (0..1)."""
        return self.recalled / self.total if self.total else 0.0


def predicted_recall(catalog: Catalog, store: ProgressStore, at: datetime) -> list[PredictedRecall]:
    """Every catalog question's predicted recall at ``at``, in catalog order."""
    with store.connection() as conn:
        load_catalog_tables(conn, catalog)
        rows = conn.execute(
            "SELECT q.bank_id, q.question_id, q.module_id, q.position, "
            "c.bank_id, c.question_id, c.card_id, c.state, c.step, c.stability, "
            "c.difficulty, c.due, c.last_review, c.reps, c.lapses "
            "FROM temp.cat_questions AS q LEFT JOIN cards AS c "
            "USING (bank_id, question_id) ORDER BY q.position"
        ).fetchall()
    result = []
    for row in rows:
        if row[4] is None:
            result.append(PredictedRecall(row[0], row[1], row[2], None, int(row[3])))
            continue
        card = card_from_row(row[4:]).card
        result.append(
            PredictedRecall(
                row[0],
                row[1],
                row[2],
                retrievability(card, at),
                int(row[3]),
                card.last_review,
            )
        )
    return result


def exam_plan(
    catalog: Catalog,
    store: ProgressStore,
    settings: Settings,
    now: datetime,
    tz: tzinfo | None = None,
) -> ExamPlan | None:
    """The plan for the settings' exam date, or None when no date is set."""
    if settings.exam_date is None:
        return None
    at = max(exam_moment(settings.exam_date, tz), now)
    recalls = predicted_recall(catalog, store, at)
    return ExamPlan(
        exam_date=settings.exam_date,
        days_left=(settings.exam_date - today(now, tz)).days,
        total=len(recalls),
        recalled=sum(1 for r in recalls if r.recall_or_zero >= RECALL_THRESHOLD),
    )


def prep_items(
    catalog: Catalog,
    store: ProgressStore,
    exam_date: date,
    now: datetime,
    *,
    tz: tzinfo | None = None,
    count: int = DEFAULT_PREP_COUNT,
) -> list[tuple[str, str]]:
    """The ``count`` questions least likely to be recalled on the exam date.

    Lowest predicted recall first (never-answered questions, at 0, lead), ties in
    catalog order.
    """
    at = max(exam_moment(exam_date, tz), now)
    recalls = sorted(
        predicted_recall(catalog, store, at), key=lambda r: (r.recall_or_zero, r.position)
    )
    return [(r.bank_id, r.question_id) for r in recalls[:count]]

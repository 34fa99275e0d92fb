"""How an answer moves a question's review schedule: the FSRS scheduler and the rating.

The scheduling itself is the ``fsrs`` package's; this module only decides

* which card an answer belongs to (one per bank id and question id, with a
  ``card_id`` derived from the pair, so it is the same on every device),
* which FSRS rating a scored answer counts as (see :func:`rating_for`), and
* how the scheduler is configured (see :data:`SCHEDULER`).

Fuzzing is off: the same answers always give the same schedule, so an exported
history restored elsewhere, or replayed after a merge, lands on the same due dates.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

from fsrs import Card, Rating, ReviewLog, Scheduler, State

__all__ = [
    "EASY_WITHIN_SECONDS",
    "RECALL_THRESHOLD",
    "SCHEDULER",
    "Card",  # i18n: ignore names
    "Rating",  # i18n: ignore names
    "ReviewLog",
    "State",  # i18n: ignore names
    "card_id_for",
    "new_card",
    "quick_seconds",
    "rating_for",
    "review",
]

# One learning step: a question answered right the first time graduates at once to
# days-long intervals (a quiz item is not a flashcard seen for the first time), and
# one answered wrong comes back ten minutes later, the same day.
SCHEDULER = Scheduler(
    desired_retention=0.9,
    learning_steps=(timedelta(minutes=10),),
    relearning_steps=(timedelta(minutes=10),),
    maximum_interval=365,
    enable_fuzzing=False,
)

# A question counts as "recalled" on a date when FSRS predicts at least this chance of
# answering it right then: the retention the scheduler itself aims for.
RECALL_THRESHOLD = 0.9

# An answer that scored 1 counts as Easy (instead of Good) when the card was already in
# the Review state and the answer came within this many seconds. Longer question types
# get more time, since reading a case is not hesitating.
EASY_WITHIN_SECONDS: dict[str, float] = {
    "true_false": 8.0,
    "single": 12.0,
    "multiple": 20.0,
    "ordering": 25.0,
    "scenario": 30.0,
    "branching": 60.0,
    # Typing a term takes longer than picking one; matching is several picks.
    "short_answer": 15.0,
    "matching": 30.0,
}
DEFAULT_EASY_WITHIN_SECONDS = 12.0

# Scores at or above this, but below 1, count as Hard; below it, Again.
HARD_FROM_SCORE = 0.6
_FULL_SCORE = 1.0 - 1e-9

# card_id must stay exact in JSON (a double) and fit SQLite's signed 64-bit INTEGER.
_CARD_ID_MASK = 2**53 - 1


def card_id_for(bank_id: str, question_id: str) -> int:
    """The card id of a question: the first 8 bytes of sha256, within 1..2**53-1."""
    digest = hashlib.sha256(f"{bank_id}\x1f{question_id}".encode()).digest()
    return (int.from_bytes(digest[:8], "big") & _CARD_ID_MASK) or 1


def new_card(bank_id: str, question_id: str, now: datetime) -> Card:
    """A card that has never been reviewed, due at ``now``."""
    return Card(card_id=card_id_for(bank_id, question_id), due=now.astimezone(UTC))


def quick_seconds(question_type: str | None) -> float:
    """Within how many seconds a right answer to this type of question counts as quick."""
    if question_type is None:
        return DEFAULT_EASY_WITHIN_SECONDS
    return EASY_WITHIN_SECONDS.get(question_type, DEFAULT_EASY_WITHIN_SECONDS)


def rating_for(
    score: float,
    *,
    state_before: State | None,
    time_taken: float | None = None,
    question_type: str | None = None,
) -> Rating:
    """The FSRS rating of an answer that scored ``score`` (0..1).

    1 → Good, or Easy when the card was already in Review (``state_before``) and the
    answer was quick (:func:`quick_seconds`); 0.6 ≤ score < 1 → Hard; below → Again.
    ``state_before`` is None for a question never answered before.
    """
    if score >= _FULL_SCORE:
        quick = time_taken is not None and time_taken <= quick_seconds(question_type)
        return Rating.Easy if state_before is State.Review and quick else Rating.Good
    if score >= HARD_FROM_SCORE:
        return Rating.Hard
    return Rating.Again


def review(
    card: Card, rating: Rating, at: datetime, duration_seconds: float | None = None
) -> tuple[Card, ReviewLog]:
    """The card after a review at ``at`` (UTC-aware), and the fsrs review log."""
    if at.tzinfo is None:
        raise ValueError("review times must be timezone-aware")  # i18n: ignore programming error
    duration = None if duration_seconds is None else round(duration_seconds * 1000)
    return SCHEDULER.review_card(card, rating, at.astimezone(UTC), duration)


def retrievability(card: Card, at: datetime) -> float:
    """FSRS's predicted chance of recalling the card at ``at`` (0 if never reviewed)."""
    return float(SCHEDULER.get_card_retrievability(card, at.astimezone(UTC)))

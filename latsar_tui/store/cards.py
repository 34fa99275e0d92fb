"""FSRS cards and review logs in the progress database.

Every answer, in any mode, passes through :func:`apply_answer` inside the same
transaction that stores the answer (``ProgressStore.record_answer`` calls it), so no
front end can record an answer and forget the schedule. The review log of each
answer is kept, with the answer's uuid, so that parameters can be optimised later
and an imported history can be merged without counting a review twice.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from latsar_tui.review.scheduling import (
    SCHEDULER,
    Card,
    Rating,
    ReviewLog,
    State,
    card_id_for,
    new_card,
    rating_for,
    review,
)
from latsar_tui.store.db import from_text, to_text

CARD_COLUMNS = (
    "bank_id, question_id, card_id, state, step, stability, difficulty, due, last_review, "
    "reps, lapses"  # i18n: ignore SQL
)
LOG_COLUMNS = (
    "card_id, bank_id, question_id, rating, review_datetime, review_duration, state_before, "
    "due_before, answer_uuid"  # i18n: ignore SQL
)
# state_before of a review of a card never reviewed before.
NEW = 0


@dataclass(frozen=True, slots=True)
class CardRecord:
    """A question's FSRS card, with how often it was reviewed and forgotten."""

    bank_id: str
    question_id: str
    card: Card
    reps: int
    lapses: int


def card_from_row(row: Sequence[Any]) -> CardRecord:
    """A CardRecord from a row selected with :data:`CARD_COLUMNS`."""
    card = Card(
        card_id=int(row[2]),
        state=State(int(row[3])),
        step=row[4],
        stability=row[5],
        difficulty=row[6],
        due=from_text(row[7]),
        last_review=None if row[8] is None else from_text(row[8]),
    )
    return CardRecord(row[0], row[1], card, int(row[9]), int(row[10]))


def card_row(record: CardRecord) -> tuple[Any, ...]:
    """The row of a CardRecord, in :data:`CARD_COLUMNS` order."""
    card = record.card
    return (
        record.bank_id,
        record.question_id,
        card.card_id,
        int(card.state),
        card.step,
        card.stability,
        card.difficulty,
        to_text(card.due),
        None if card.last_review is None else to_text(card.last_review),
        record.reps,
        record.lapses,
    )


def load_card(conn: sqlite3.Connection, bank_id: str, question_id: str) -> CardRecord | None:
    """The stored card of a question, or None if it was never answered."""
    row = conn.execute(
        f"SELECT {CARD_COLUMNS} FROM cards WHERE bank_id = ? AND question_id = ?",
        (bank_id, question_id),
    ).fetchone()
    return None if row is None else card_from_row(row)


def save_card(conn: sqlite3.Connection, record: CardRecord) -> None:
    """Insert or replace a question's card."""
    conn.execute(
        f"INSERT OR REPLACE INTO cards ({CARD_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        card_row(record),
    )


def review_time(
    conn: sqlite3.Connection, bank_id: str, question_id: str, answered_at: datetime
) -> datetime:
    """When an answer counts as given: ``answered_at``, or the card's last review if later.

    Two copies of the app (or plain mode beside the CLI) answering the same question
    each take their time before waiting for the write lock, so the later time can be
    written first; reviewing the other answer "before" a review already applied
    would leave a card that no replay of its answers gives. Call in the transaction.
    """
    row = conn.execute(
        "SELECT last_review FROM cards WHERE bank_id = ? AND question_id = ?",
        (bank_id, question_id),
    ).fetchone()
    if row is None or row[0] is None:
        return answered_at
    return max(answered_at, from_text(row[0]))


def apply_answer(
    conn: sqlite3.Connection,
    *,
    bank_id: str,
    question_id: str,
    score: float,
    answered_at: datetime,
    answer_uuid: str,
    time_taken_seconds: float | None = None,
    question_type: str | None = None,
) -> CardRecord:
    """Review the question's card with the answer's rating; store card and log.

    Call inside the transaction that stores the answer.
    """
    before = load_card(conn, bank_id, question_id)
    card = before.card if before is not None else new_card(bank_id, question_id, answered_at)
    state_before = before.card.state if before is not None else None
    rating = rating_for(
        score,
        state_before=state_before,
        time_taken=time_taken_seconds,
        question_type=question_type,
    )
    after, log = review(card, rating, answered_at, time_taken_seconds)
    lapsed = state_before is State.Review and rating is Rating.Again
    record = CardRecord(
        bank_id,
        question_id,
        after,
        reps=(before.reps if before else 0) + 1,
        lapses=(before.lapses if before else 0) + int(lapsed),
    )
    save_card(conn, record)
    conn.execute(
        f"INSERT INTO review_logs ({LOG_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            log.card_id,
            bank_id,
            question_id,
            int(log.rating),
            to_text(log.review_datetime),
            log.review_duration,
            NEW if state_before is None else int(state_before),
            None if before is None else to_text(before.card.due),
            answer_uuid,
        ),
    )
    return record


def backfill(conn: sqlite3.Connection) -> int:
    """Replay, oldest first, every answer that has no review log yet; returns how many.

    Used once when the review tables are created, for answers given before them.
    """
    rows = conn.execute(
        "SELECT bank_id, question_id, score, time_taken_seconds, answered_at, uuid "
        "FROM answers AS a WHERE NOT EXISTS "
        "(SELECT 1 FROM review_logs AS r WHERE r.answer_uuid = a.uuid) "
        "ORDER BY answered_at, id"
    ).fetchall()
    for bank_id, question_id, score, taken, answered_at, uuid in rows:
        apply_answer(
            conn,
            bank_id=bank_id,
            question_id=question_id,
            score=float(score),
            answered_at=from_text(answered_at),
            answer_uuid=uuid,
            time_taken_seconds=taken,
        )
    return len(rows)


def replay(conn: sqlite3.Connection, bank_id: str, question_id: str) -> CardRecord | None:
    """Rebuild a card from all its stored review logs (after a merge), and save it."""
    rows = conn.execute(
        "SELECT rating, review_datetime, state_before FROM review_logs "
        "WHERE bank_id = ? AND question_id = ? ORDER BY review_datetime, id",
        (bank_id, question_id),
    ).fetchall()
    if not rows:
        return None
    card_id = card_id_for(bank_id, question_id)
    logs = [ReviewLog(card_id, Rating(int(r[0])), from_text(r[1]), None) for r in rows]
    card = SCHEDULER.reschedule_card(Card(card_id=card_id, due=logs[0].review_datetime), logs)
    lapses = sum(1 for r in rows if int(r[0]) == Rating.Again and int(r[2]) == State.Review)
    record = CardRecord(bank_id, question_id, card, reps=len(rows), lapses=lapses)
    save_card(conn, record)
    return record

"""The FSRS schedule driven by answers through the store, with a fake clock."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from review_factories import START, answer, two_module_catalog

from latsar_tui.paths import Paths
from latsar_tui.quiz.clock import FakeClock
from latsar_tui.quiz.session import Mode, QuizSession, Scope
from latsar_tui.review.scheduling import (
    Rating,
    State,
    card_id_for,
    rating_for,
)
from latsar_tui.store import db
from latsar_tui.store.progress import ProgressStore


@pytest.fixture
def store(paths: Paths) -> Iterator[ProgressStore]:
    with ProgressStore.open(paths) as opened:
        yield opened


def test_rating_mapping() -> None:
    new = None
    assert rating_for(1.0, state_before=new, time_taken=1) is Rating.Good
    assert rating_for(1.0, state_before=State.Learning, time_taken=1) is Rating.Good
    assert rating_for(1.0, state_before=State.Review, time_taken=5, question_type="single") is (
        Rating.Easy
    )
    # Quick is per type: 5 s is quick for a single-answer item, 40 s is not.
    assert rating_for(1.0, state_before=State.Review, time_taken=40, question_type="single") is (
        Rating.Good
    )
    assert rating_for(1.0, state_before=State.Review, time_taken=40, question_type="branching") is (
        Rating.Easy
    )
    assert rating_for(1.0, state_before=State.Review, time_taken=None) is Rating.Good
    assert rating_for(0.99, state_before=State.Review, time_taken=1) is Rating.Hard
    assert rating_for(0.6, state_before=new) is Rating.Hard
    assert rating_for(0.59, state_before=new) is Rating.Again
    assert rating_for(0.0, state_before=State.Review) is Rating.Again


def test_card_ids_are_stable_distinct_and_json_safe() -> None:
    first = card_id_for("b1", "q1")
    assert first == card_id_for("b1", "q1")
    assert 0 < first < 2**53
    assert len({card_id_for("b1", f"q{i}") for i in range(500)} | {card_id_for("b2", "q1")}) == 501
    # The separator keeps ("b1x", "q") and ("b1", "xq") apart.
    assert card_id_for("ab", "c") != card_id_for("a", "bc")


def test_wrong_answer_comes_back_the_same_day(store: ProgressStore) -> None:
    answer(store, "b1", "q0", 0.0, START)
    card = store.card("b1", "q0")
    assert card is not None and card.card.state is State.Learning
    assert START < card.card.due <= START + timedelta(hours=1)
    # A question already in review that is forgotten also comes back within the hour.
    answer(store, "b1", "q1", 1.0, START)
    reviewed = store.card("b1", "q1")
    assert reviewed is not None and reviewed.card.state is State.Review
    later = reviewed.card.due
    answer(store, "b1", "q1", 0.0, later)
    lapsed = store.card("b1", "q1")
    assert lapsed is not None and lapsed.card.state is State.Relearning
    assert lapsed.card.due - later <= timedelta(hours=1)
    assert lapsed.lapses == 1 and lapsed.reps == 2


def test_right_answers_move_out_to_days_then_weeks(store: ProgressStore) -> None:
    clock = FakeClock(START)
    intervals = []
    for _ in range(5):
        answer(store, "b1", "q0", 1.0, clock.now())
        card = store.card("b1", "q0")
        assert card is not None
        interval = card.card.due - clock.now()
        intervals.append(interval)
        clock.advance(seconds=interval.total_seconds())  # come back exactly when due
    assert timedelta(days=1) <= intervals[0] < timedelta(days=7)
    assert intervals[-1] >= timedelta(weeks=3)
    assert intervals == sorted(intervals)


def test_partial_score_is_hard_and_logged(store: ProgressStore) -> None:
    answer(store, "b1", "q0", 1.0, START)
    answer(store, "b1", "q0", 0.7, START + timedelta(days=3))
    with store.connection() as conn:
        rows = conn.execute(
            "SELECT rating, state_before, answer_uuid IS NOT NULL FROM review_logs ORDER BY id"
        ).fetchall()
        uuids = conn.execute("SELECT count(DISTINCT uuid) FROM answers").fetchone()[0]
    assert rows == [(int(Rating.Good), 0, 1), (int(Rating.Hard), int(State.Review), 1)]
    assert uuids == 2
    logs = store.review_logs()
    assert [log.rating for log in logs] == [Rating.Good, Rating.Hard]
    assert logs[0].card_id == card_id_for("b1", "q0") and logs[0].review_duration == 30_000
    assert logs[1].review_datetime == START + timedelta(days=3)


def test_every_mode_updates_the_card(store: ProgressStore) -> None:
    catalog = two_module_catalog()
    clock = FakeClock(START)
    session = QuizSession.start(catalog, store, Scope(bank_id="b1"), Mode.EXAM, seed=1, clock=clock)
    for index in range(session.total):
        shown = session.go_to(index)
        clock.advance(5)
        session.answer(0 if shown.question.id != "q1" else 1)
    assert store.cards() == []  # an exam's answers count only once submitted
    session.finish()
    cards = {c.question_id: c for c in store.cards()}
    assert set(cards) == {"q0", "q1", "q2", "q3"}
    assert cards["q1"].card.state is State.Learning  # wrong: relearn in minutes
    assert cards["q0"].card.state is State.Review


def test_migration_rebuilds_cards_for_earlier_answers(paths: Paths) -> None:
    """A version-1 database: its answers get cards when the review tables arrive."""
    paths.ensure()
    conn = sqlite3.connect(paths.database, isolation_level=None)
    with db.transaction(conn):
        db.MIGRATIONS[0](conn)
        conn.execute("PRAGMA user_version = 1")
    for i, score in enumerate([1.0, 0.0, 1.0]):
        conn.execute(
            "INSERT INTO answers (bank_id, question_id, question_hash, answer_json, score, "
            "answered_at) VALUES ('b1', ?, 'h', '0', ?, ?)",
            (f"q{i % 2}", score, db.to_text(START + timedelta(days=i))),
        )
    conn.close()
    with ProgressStore.open(paths) as store:
        cards = {c.question_id: c for c in store.cards()}
        assert cards["q0"].reps == 2 and cards["q1"].reps == 1
        assert cards["q0"].card.last_review == START + timedelta(days=2)
        with store.connection() as c:
            assert c.execute("SELECT count(*) FROM review_logs").fetchone()[0] == 3
            assert c.execute("SELECT count(*) FROM answers WHERE uuid IS NULL").fetchone()[0] == 0


def test_times_are_utc_aware(store: ProgressStore) -> None:
    answer(store, "b1", "q0", 1.0, datetime(2026, 3, 2, 16, 0, tzinfo=UTC))
    card = store.card("b1", "q0")
    assert card is not None and card.card.due.tzinfo is not None
    assert card.card.due.utcoffset() == timedelta(0)

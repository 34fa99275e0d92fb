"""The progress store: records, aggregates, and the promise that each write commits."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime, timedelta

import pytest

from latsar_tui.paths import Paths
from latsar_tui.store.db import StoreError
from latsar_tui.store.progress import AttemptItem, BankScore, ProgressStore

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def _attempt(
    store: ProgressStore, bank_id: str | None = "bank-a", time_limit_seconds: int | None = None
) -> int:
    return store.create_attempt(
        mode="latihan",
        title="Latihan A",
        scope_json='{"bank_id": "bank-a"}',
        seed=42,
        items=[
            AttemptItem(0, "bank-a", "q1", "h1", (2, 0, 1)),
            AttemptItem(1, "bank-a", "q2", "h2", ()),
        ],
        bank_id=bank_id,
        started_at=T0,
        time_limit_seconds=time_limit_seconds,
    )


def _answer(
    store: ProgressStore, attempt_id: int | None, qid: str = "q1", score: float = 1.0
) -> int:
    return store.record_answer(
        attempt_id=attempt_id,
        bank_id="bank-a",
        question_id=qid,
        question_hash="h1",
        answer_json="0",
        score=score,
        time_taken_seconds=12.5,
        answered_at=T0 + timedelta(seconds=30),
    )


def test_attempt_round_trip(paths: Paths) -> None:
    with ProgressStore.open(paths) as store:
        assert store.notice is None
        attempt_id = _attempt(store, time_limit_seconds=600)
        record = store.attempt(attempt_id)
        assert record is not None
        assert record.mode == "latihan"
        assert record.seed == 42
        assert record.time_limit_seconds == 600
        assert record.started_at == T0
        assert record.started_at.tzinfo is not None
        assert not record.is_finished
        assert store.attempt_items(attempt_id) == [
            AttemptItem(0, "bank-a", "q1", "h1", (2, 0, 1)),
            AttemptItem(1, "bank-a", "q2", "h2", ()),
        ]
        assert [a.id for a in store.unfinished_attempts()] == [attempt_id]
        store.update_time_used(attempt_id, 91.5)
        store.finish_attempt(attempt_id, T0 + timedelta(minutes=5), 62.5, timed_out=True)
        record = store.attempt(attempt_id)
        assert record is not None
        assert record.time_used_seconds == 91.5
        assert record.finished_at == T0 + timedelta(minutes=5)
        assert record.percent == 62.5
        assert record.timed_out
        assert store.unfinished_attempts() == []
        assert [a.id for a in store.finished_attempts()] == [attempt_id]
        assert store.attempt(attempt_id + 100) is None


def test_timestamps_are_stored_as_utc_text(paths: Paths) -> None:
    with ProgressStore.open(paths) as store:
        attempt_id = _attempt(store)
        _answer(store, attempt_id)
    conn = sqlite3.connect(paths.database)
    started = conn.execute("SELECT started_at FROM attempts").fetchone()[0]
    answered = conn.execute("SELECT answered_at FROM answers").fetchone()[0]
    conn.close()
    assert started == "2026-03-01T09:00:00.000000+00:00"
    assert answered == "2026-03-01T09:00:30.000000+00:00"


def test_answers_and_time_used_together(paths: Paths) -> None:
    with ProgressStore.open(paths) as store:
        attempt_id = _attempt(store)
        first = _answer(store, attempt_id)
        store.record_answer(
            attempt_id=attempt_id,
            bank_id="bank-a",
            question_id="q2",
            question_hash="h2",
            answer_json="[0,1]",
            score=0.5,
            time_used_seconds=77.0,
        )
        free = _answer(store, None, qid="q9")
        answers = store.answers_for_attempt(attempt_id)
        assert [a.question_id for a in answers] == ["q1", "q2"]
        assert answers[0].id == first
        assert answers[0].time_taken_seconds == 12.5
        assert answers[1].score == 0.5
        assert answers[1].time_taken_seconds is None
        record = store.attempt(attempt_id)
        assert record is not None and record.time_used_seconds == 77.0
        assert [a.id for a in store.answers_for_question("bank-a", "q9")] == [free]


def test_score_outside_unit_interval_is_refused(paths: Paths) -> None:
    with ProgressStore.open(paths) as store, pytest.raises(sqlite3.IntegrityError):
        _answer(store, None, score=1.5)


def test_lessons_read(paths: Paths) -> None:
    with ProgressStore.open(paths) as store:
        store.mark_lesson_read("mod", "l1")
        store.mark_lesson_read("mod", "l1", at=T0)
        store.mark_lesson_read("mod", "l2")
        store.mark_lesson_read("other", "l3")
        assert store.lessons_read("mod") == {"l1", "l2"}
        assert store.lessons_read("nothing") == set()


def test_bank_scores_over_finished_whole_bank_attempts(paths: Paths) -> None:
    with ProgressStore.open(paths) as store:
        assert store.bank_scores() == {}
        for minutes, percent in [(1, 50.0), (2, 90.0), (3, 70.0)]:
            attempt_id = _attempt(store)
            store.finish_attempt(attempt_id, T0 + timedelta(minutes=minutes), percent, False)
        _attempt(store)  # unfinished: not counted
        lesson_scope = _attempt(store, bank_id=None)  # not a whole bank: not counted
        store.finish_attempt(lesson_scope, T0 + timedelta(minutes=9), 100.0, False)
        other = _attempt(store, bank_id="bank-b")
        store.finish_attempt(other, T0, 40.0, False)
        assert store.bank_scores() == {
            "bank-a": BankScore(best_percent=90.0, last_percent=70.0, attempts=3),
            "bank-b": BankScore(best_percent=40.0, last_percent=40.0, attempts=1),
        }
        assert len(store.finished_attempts(limit=2)) == 2


def test_finish_unknown_attempt_raises(paths: Paths) -> None:
    with ProgressStore.open(paths) as store, pytest.raises(StoreError):
        store.finish_attempt(404, T0, 0.0, False)


def test_two_connections_wait_for_each_other(paths: Paths) -> None:
    """A second copy of the app waits for the first one's write instead of failing."""
    first = ProgressStore.open(paths)
    second = ProgressStore.open(paths)
    try:
        holder = sqlite3.connect(paths.database, isolation_level=None, check_same_thread=False)
        holder.execute("BEGIN IMMEDIATE")
        holder.execute("INSERT INTO lesson_reads VALUES ('mod', 'held', '2026-01-01')")
        released = threading.Event()

        def release() -> None:
            released.wait(5)
            holder.execute("COMMIT")

        thread = threading.Thread(target=release)
        thread.start()
        # The write lock is held: this write has to wait for the busy timeout.
        timer = threading.Timer(0.2, released.set)
        timer.start()
        _answer(first, None)
        thread.join()
        holder.close()
        _answer(second, None, qid="q2")
        assert len(first.answers_for_question("bank-a", "q2")) == 1
        assert second.lessons_read("mod") == {"held"}
    finally:
        first.close()
        second.close()

"""Small faults around one write: a COMMIT that fails, a window that may not write, an
answer whose time is before its card's last review, an import with nowhere to go."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from latsar_tui.paths import Paths
from latsar_tui.store.cards import replay
from latsar_tui.store.db import transaction
from latsar_tui.store.progress import AttemptItem, NotWriter, ProgressStore
from latsar_tui.store.transfer import TransferError, import_progress

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_a_commit_that_fails_is_rolled_back_and_lets_go_of_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "t.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
    conn.execute(
        "CREATE TABLE child (parent INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)"
    )
    # A deferred foreign key is checked at COMMIT: the COMMIT itself fails.
    with pytest.raises(sqlite3.IntegrityError), transaction(conn):
        conn.execute("INSERT INTO child VALUES (7)")
    assert not conn.in_transaction
    other = sqlite3.connect(path, isolation_level=None, timeout=0.1)
    with transaction(other):  # the write lock was let go
        other.execute("INSERT INTO parent VALUES (1)")
    with transaction(conn):  # and the first connection writes on as usual
        conn.execute("INSERT INTO child VALUES (1)")
    assert conn.execute("SELECT count(*) FROM child").fetchone()[0] == 1
    other.close()
    conn.close()


def _exam(store: ProgressStore) -> tuple[int, AttemptItem]:
    item = AttemptItem(0, "bank", "q1", "h")
    attempt_id = store.create_attempt(
        mode="ujian", title="Ujian", scope_json="{}", seed=1, items=[item], started_at=NOW
    )
    return attempt_id, item


def test_a_read_only_window_saves_no_exam_draft_flag_or_submission(paths: Paths) -> None:
    with ProgressStore.open(paths) as store:
        attempt_id, item = _exam(store)
        store.read_only = True  # the second window chose "baca saja"
        with pytest.raises(NotWriter):
            store.save_draft(
                attempt_id, item, question_type="single", answer_json="0", score=1.0, at=NOW
            )
        with pytest.raises(NotWriter):
            store.set_flag(attempt_id, item, True, NOW)
        with pytest.raises(NotWriter):
            store.submit_drafts(attempt_id, NOW, timed_out=False)
        assert store.drafts(attempt_id) == {}
        record = store.attempt(attempt_id)
        assert record is not None and not record.is_finished


def test_an_answer_timed_before_the_cards_last_review_is_reviewed_after_it(
    paths: Paths,
) -> None:
    # What a process that waited for the write lock hands in: a time before the answer
    # another process stored meanwhile for the same question.
    with ProgressStore.open(paths) as store:
        for moment in (NOW, NOW - timedelta(seconds=2)):
            store.record_answer(
                bank_id="bank",
                question_id="q1",
                question_hash="h",
                answer_json="0",
                score=1.0,
                answered_at=moment,
                question_type="single",
            )
        answers = store.answers_for_question("bank", "q1")
        assert [a.answered_at for a in answers] == [NOW, NOW]
        card = store.card("bank", "q1")
        assert card is not None and card.card.last_review == NOW and card.reps == 2
        with store.connection() as conn:
            assert replay(conn, "bank", "q1") == card


def test_an_import_into_a_store_that_cannot_save_is_refused(paths: Paths) -> None:
    with ProgressStore.open(paths) as store:
        store.unsaved = "Folder data hanya-baca: tidak dapat ditulis."
        with pytest.raises(TransferError, match="hanya-baca"):
            import_progress(store, paths, {"answers": []})

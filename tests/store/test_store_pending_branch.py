"""The pending_branch table: a database from the previous schema gains it with its
history intact, and the store keeps, replaces and drops a case's partial path."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from latsar_tui.paths import Paths
from latsar_tui.store import db
from latsar_tui.store.progress import AttemptItem, ProgressStore

NOW = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)


def _attempt(store: ProgressStore) -> int:
    return store.create_attempt(
        mode="latihan",
        title="Kasus",
        scope_json='{"scope": {"bank_id": "bank"}, "pass_mark": 70}',
        seed=1,
        items=[AttemptItem(0, "bank", "b1", "hash", ())],
        bank_id="bank",
        module_id=None,
        time_limit_seconds=None,
        started_at=NOW,
    )


def test_migration_from_the_previous_version_keeps_attempts(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    # This test is about the step that adds pending_branch, from the version before it
    # to the current one (later migrations run too).
    previous = db.MIGRATIONS[: db.MIGRATIONS.index(db._v4_pending_branch)]
    monkeypatch.setattr(db, "MIGRATIONS", previous)
    with ProgressStore.open(paths) as old:
        attempt_id = _attempt(old)
    monkeypatch.undo()

    with ProgressStore.open(paths) as store:
        assert store.notice is None
        with store.connection() as conn:
            assert conn.execute("PRAGMA user_version").fetchone()[0] == len(db.MIGRATIONS)
        assert [a.id for a in store.unfinished_attempts()] == [attempt_id]
        assert store.pending_branches(attempt_id) == {}
        store.save_pending_branch(attempt_id, 0, [2, 0], at=NOW)
        assert store.pending_branches(attempt_id) == {0: (2, 0)}


def test_pending_paths_are_replaced_dropped_and_go_with_their_attempt(paths: Paths) -> None:
    with ProgressStore.open(paths) as store:
        first, second = _attempt(store), _attempt(store)
        store.save_pending_branch(first, 0, [0])
        store.save_pending_branch(first, 0, [0, 1])
        store.save_pending_branch(second, 0, [1])
        assert store.pending_branches(first) == {0: (0, 1)}
        store.record_answer(
            attempt_id=first,
            bank_id="bank",
            question_id="b1",
            question_hash="hash",
            answer_json="[0, 1, 0]",
            score=1.0,
            answered_at=NOW,
            position=0,
        )
        assert store.pending_branches(first) == {}
        assert store.pending_branches(second) == {0: (1,)}
        with store.connection() as conn:
            conn.execute("UPDATE pending_branch SET choices_json = 'not json'")
            assert store.pending_branches(second) == {}  # unreadable: start the case again
            conn.execute("DELETE FROM attempts WHERE id = ?", (second,))
            count = conn.execute("SELECT count(*) FROM pending_branch").fetchone()[0]
        assert count == 0  # ON DELETE CASCADE

"""Two real processes on one data folder: the second is told the first is open, can
never answer into an attempt the first finished, and never replaces its result."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from typing import Any

import pytest

from latsar_tui.paths import Paths
from latsar_tui.store.lock import InstanceLock
from latsar_tui.store.progress import AttemptFinished, AttemptItem, NotWriter, ProgressStore

NOW = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)

# Copy B: another Python process on the same LATSAR_HOME, doing what the second
# window of the app did in the bug report. It prints one JSON object.
COPY_B = textwrap.dedent(
    """
    import json, sqlite3, sys
    from datetime import UTC, datetime
    from latsar_tui.paths import Paths
    from latsar_tui.store.lock import InstanceLock
    from latsar_tui.store.progress import ProgressStore, StoreError

    attempt_id, action = int(sys.argv[1]), sys.argv[2]
    paths = Paths.resolve()
    out = {"lock_free": InstanceLock(paths.lock_file).acquire()}
    store = ProgressStore.open(paths)
    if action == "takeover":
        store.claim_writer()
        out["took_over"] = True
    else:
        for name, call in [
            ("answer", lambda: store.record_answer(
                attempt_id=attempt_id, bank_id="bank", question_id="q2",
                question_hash="h", answer_json="0", score=0.0)),
            ("finish", lambda: store.finish_attempt(
                attempt_id, datetime.now(UTC), 5.7, False)),
        ]:
            try:
                call()
                out[name] = "accepted"
            except StoreError as error:
                out[name] = type(error).__name__ + ": " + str(error)
        # Around the store's methods, straight at SQLite: the trigger still refuses.
        conn = sqlite3.connect(paths.database)
        try:
            conn.execute("UPDATE attempts SET percent = 5.7 WHERE id = ?", (attempt_id,))
            conn.commit()
            out["raw_update"] = "accepted"
        except sqlite3.Error as error:
            out["raw_update"] = str(error)
        conn.close()
    print(json.dumps(out))
    """
)


def _copy_b(attempt_id: int, action: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", COPY_B, str(attempt_id), action],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _attempt(store: ProgressStore) -> int:
    return store.create_attempt(
        mode="ulangi",
        title="Ulangi",
        scope_json="{}",
        seed=1,
        items=[AttemptItem(0, "bank", "q1", "h"), AttemptItem(1, "bank", "q2", "h")],
        started_at=NOW,
    )


@pytest.fixture
def copy_a(paths: Paths) -> Any:
    lock = InstanceLock(paths.lock_file)
    assert lock.acquire()
    store = ProgressStore.open(paths)
    store.claim_writer()
    yield store
    store.close()
    lock.release()


def test_a_finished_attempt_refuses_answers_and_keeps_its_result(copy_a: ProgressStore) -> None:
    attempt_id = _attempt(copy_a)
    copy_a.record_answer(
        attempt_id=attempt_id,
        bank_id="bank",
        question_id="q1",
        question_hash="h",
        answer_json="1",
        score=1.0,
    )
    copy_a.finish_attempt(attempt_id, datetime.now(UTC), 14.0, False)

    seen = _copy_b(attempt_id, "answer")

    assert seen["lock_free"] is False  # B is told another window holds the folder
    assert seen["answer"].startswith("AttemptFinished")
    assert seen["finish"].startswith("AttemptFinished")
    assert "already finished" in seen["raw_update"]
    after = copy_a.attempt(attempt_id)
    assert after is not None and after.percent == 14.0
    assert [a.question_id for a in copy_a.answers_for_attempt(attempt_id)] == ["q1"]
    # A itself cannot replace its own result either.
    with pytest.raises(AttemptFinished):
        copy_a.finish_attempt(attempt_id, datetime.now(UTC), 14.0, False)


def test_a_window_taken_over_by_another_process_may_no_longer_write(
    copy_a: ProgressStore,
) -> None:
    attempt_id = _attempt(copy_a)
    seen = _copy_b(attempt_id, "takeover")
    assert seen == {"lock_free": False, "took_over": True}
    with pytest.raises(NotWriter):
        copy_a.record_answer(
            attempt_id=attempt_id,
            bank_id="bank",
            question_id="q1",
            question_hash="h",
            answer_json="1",
            score=1.0,
        )
    assert copy_a.answers_for_attempt(attempt_id) == []
    assert copy_a.read_only


def test_the_lock_is_free_again_once_its_holder_lets_go(paths: Paths) -> None:
    first, second = InstanceLock(paths.lock_file), InstanceLock(paths.lock_file)
    assert first.acquire()
    assert not second.acquire()
    first.release()
    assert second.acquire()
    second.release()


def test_a_read_only_store_refuses_every_write(paths: Paths) -> None:
    with ProgressStore.open(paths) as store:
        store.read_only = True
        with pytest.raises(NotWriter):
            store.mark_lesson_read("m", "l")
        assert store.lessons_read("m") == set()

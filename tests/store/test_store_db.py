"""The database file: migrations, bad files moved aside, newer schemas refused, crashes."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from latsar_tui.paths import Paths
from latsar_tui.store import db
from latsar_tui.store.db import APPLICATION_ID, StoreError, migrate, schema_version
from latsar_tui.store.progress import ProgressStore


def _pragma(path: Path, name: str) -> object:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def _tables(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    finally:
        conn.close()
    return {row[0] for row in rows}


def test_new_database_gets_the_current_schema(paths: Paths) -> None:
    with ProgressStore.open(paths) as store:
        assert store.notice is None
        assert store.path == paths.database
    assert _pragma(paths.database, "user_version") == schema_version()
    assert _pragma(paths.database, "application_id") == APPLICATION_ID
    assert _pragma(paths.database, "journal_mode") == "wal"
    assert {"attempts", "attempt_items", "answers", "lesson_reads"} <= _tables(paths.database)


def test_connection_pragmas(paths: Paths) -> None:
    with ProgressStore.open(paths) as store:
        conn = store._conn
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == db.BUSY_TIMEOUT_MS
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_migrations_run_from_version_zero(paths: Paths, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every migration in order, each in its own transaction, from an empty file."""
    seen: list[int] = []

    def v2(conn: sqlite3.Connection) -> None:
        seen.append(conn.execute("PRAGMA user_version").fetchone()[0])
        conn.execute("CREATE TABLE later (x INTEGER)")

    conn = sqlite3.connect(paths.database, isolation_level=None)
    current = schema_version()
    assert migrate(conn) == current
    assert conn.execute("PRAGMA user_version").fetchone()[0] == current
    monkeypatch.setattr(db, "MIGRATIONS", [*db.MIGRATIONS, v2])
    assert migrate(conn) == current + 1
    assert migrate(conn) == current + 1  # nothing left to do
    conn.close()
    assert seen == [current]
    assert "later" in _tables(paths.database)
    with ProgressStore.open(paths) as store:
        assert store.notice is None


def test_failed_migration_leaves_the_previous_version(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ProgressStore.open(paths):
        pass

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half (x INTEGER)")
        raise RuntimeError("boom")

    current = schema_version()
    monkeypatch.setattr(db, "MIGRATIONS", [*db.MIGRATIONS, broken])
    with pytest.raises(RuntimeError):
        ProgressStore.open(paths)
    assert _pragma(paths.database, "user_version") == current
    assert "half" not in _tables(paths.database)


def test_newer_database_is_refused_and_left_alone(paths: Paths) -> None:
    with ProgressStore.open(paths):
        pass
    conn = sqlite3.connect(paths.database)
    conn.execute(f"PRAGMA user_version = {schema_version() + 1}")
    conn.commit()
    conn.close()
    before = paths.database.read_bytes()
    with pytest.raises(StoreError, match="lebih baru"):
        ProgressStore.open(paths)
    assert paths.database.read_bytes() == before
    assert not paths.backups.exists()


def _only_backup(paths: Paths) -> Path:
    backups = sorted(paths.backups.glob("progress-*.sqlite3"))
    assert len(backups) == 1, backups
    assert backups[0].name.startswith("progress-")
    return backups[0]


def test_foreign_sqlite_file_is_moved_aside(paths: Paths) -> None:
    conn = sqlite3.connect(paths.database)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.execute("INSERT INTO notes VALUES ('catatan penting')")
    conn.commit()
    conn.close()
    original = paths.database.read_bytes()
    with ProgressStore.open(paths) as store:
        backup = _only_backup(paths)
        assert backup.read_bytes() == original
        assert store.notice is not None
        assert str(backup) in store.notice
        assert "bukan basis data Latsar" in store.notice
        assert "dipindahkan ke" in store.notice
        store.mark_lesson_read("mod", "l1")
        assert store.lessons_read("mod") == {"l1"}
    assert _pragma(paths.database, "application_id") == APPLICATION_ID


def test_garbage_file_is_moved_aside(paths: Paths) -> None:
    garbage = b"this is not sqlite at all\n" * 400
    paths.database.write_bytes(garbage)
    Path(f"{paths.database}-wal").write_bytes(b"stray wal")
    with ProgressStore.open(paths) as store:
        backup = _only_backup(paths)
        assert backup.read_bytes() == garbage
        assert Path(f"{backup}-wal").read_bytes() == b"stray wal"
        assert store.notice is not None
        assert str(backup) in store.notice
        assert "rusak" in store.notice
    # A second opening finds a healthy database and says nothing.
    with ProgressStore.open(paths) as store:
        assert store.notice is None


def test_corrupt_latsar_database_is_moved_aside(paths: Paths) -> None:
    with ProgressStore.open(paths) as store:
        for i in range(300):
            store.mark_lesson_read("mod", f"lesson-{i:04d}-" + "x" * 200)
    # Checkpoint the WAL into the main file, then damage a page past the header.
    conn = sqlite3.connect(paths.database)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(paths.database.read_bytes())
    page = 4096
    assert len(data) > 4 * page
    data[2 * page : 3 * page] = b"\xff" * page
    paths.database.write_bytes(bytes(data))
    with ProgressStore.open(paths) as store:
        backup = _only_backup(paths)
        assert backup.read_bytes() == bytes(data)
        assert store.notice is not None and "rusak" in store.notice
        assert store.lessons_read("mod") == set()


def test_empty_file_is_a_new_database(paths: Paths) -> None:
    paths.database.write_bytes(b"")
    with ProgressStore.open(paths) as store:
        assert store.notice is None
    assert not paths.backups.exists()


def test_two_backups_in_one_second_do_not_collide(paths: Paths) -> None:
    for text in (b"first garbage file" * 100, b"second garbage file" * 100):
        paths.database.write_bytes(text)
        db.open_database(
            paths.database, paths.backups, now=db.from_text("2026-01-01T00:00:00+00:00")
        )[0].close()
    contents = sorted(p.read_bytes()[:6] for p in paths.backups.glob("progress-*.sqlite3"))
    assert contents == [b"first ", b"second"]


_CHILD = """
import sys, time
from latsar_tui.store.progress import ProgressStore
store = ProgressStore.open()
store.record_answer(bank_id="bank-a", question_id="q-killed", question_hash="h",
                    answer_json="1", score=1.0, time_taken_seconds=3.0)
print("recorded", flush=True)
time.sleep(60)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX only")
def test_answer_survives_sigkill(paths: Paths) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD],
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),  # LATSAR_HOME points at this test's folder
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "recorded"
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
        if child.stdout is not None:
            child.stdout.close()
    with ProgressStore.open(paths) as store:
        answers = store.answers_for_question("bank-a", "q-killed")
        assert store.notice is None
    assert [(a.answer_json, a.score) for a in answers] == [("1", 1.0)]

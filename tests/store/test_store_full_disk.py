"""The disk fills up mid-quiz: the answer that failed is reported, Latsar goes on
read-only (answers kept in memory), and every answer stored before is intact."""

from __future__ import annotations

import os
import sqlite3

import pytest
from full_disk_helpers import FullDisk, full_disk
from read_only_helpers import catalog

from latsar_tui.paths import Paths
from latsar_tui.plain.runner import PlainApp
from latsar_tui.quiz.session import Mode, QuizSession, Scope
from latsar_tui.store import progress
from latsar_tui.store.db import StoreError
from latsar_tui.store.progress import DiskFull, ProgressStore

__all__ = ["full_disk"]  # the fixture, imported for pytest

FULL = "Disk penuh: jawaban terakhir tidak tersimpan"


def _stored_on_disk(paths: Paths) -> list[tuple[str, float]]:
    with ProgressStore.open(paths) as store:
        assert store.saving
        with store.connection() as conn:
            rows = conn.execute("SELECT question_id, score FROM answers ORDER BY id").fetchall()
        return [(row[0], row[1]) for row in rows]


def test_a_full_disk_refuses_that_answer_then_goes_on_in_memory(full_disk: FullDisk) -> None:
    # As root (here) the real case really is a full tmpfs, not a stand-in.
    assert full_disk.mounted or full_disk.kind == "injected" or os.geteuid() != 0
    paths = Paths.resolve().ensure()
    with ProgressStore.open(paths) as store:
        session = QuizSession.start(catalog(), store, Scope(bank_id="baca"), Mode.PRACTICE, seed=1)
        first = session.current()
        assert first is not None
        session.answer(0, time_taken=3.0)
        card_before = store.card("baca", first.question.id)

        full_disk.fill()
        second = session.current()
        assert second is not None
        try:
            session.answer(0, time_taken=3.0)
        except DiskFull as error:
            message, cause = str(error), error.__cause__
        else:
            raise AssertionError("the answer on a full disk was not refused")
        assert message.startswith(FULL)
        if full_disk.mounted:  # SQLite itself met the full tmpfs
            assert getattr(cause, "sqlite_errorname", None) == "SQLITE_FULL", cause
        assert not store.saving and store.unsaved == message
        # The session did not count it: the same question waits, and is taken now.
        assert session.current() == second and session.answered_count == 1
        session.answer(0, time_taken=3.0)
        result = session.finish()
        assert result.answered == 2
        assert store.card("baca", first.question.id) == card_before
        assert len(store.answers_for_attempt(session.attempt_id)) == 2  # in memory

    full_disk.free()
    # On disk: exactly what was stored before the disk filled up, nothing half-written.
    assert _stored_on_disk(paths) == [(first.question.id, 1.0)]
    with ProgressStore.open(paths) as store:
        assert store.card("baca", first.question.id) == card_before
        record = store.attempt(session.attempt_id)
        assert record is not None and not record.is_finished  # resumable, nothing lost
        with store.connection() as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_plain_mode_reports_the_lost_answer_and_goes_on(full_disk: FullDisk) -> None:
    paths = Paths.resolve().ensure()
    out: list[str] = []
    with ProgressStore.open(paths) as store:
        replies = iter(["2", "1", "1", "FILL", "1", "1"])

        def ask(prompt: str) -> str:
            out.append(prompt)
            reply = next(replies, "q")
            if reply == "FILL":  # after the first answer: the disk is full now
                full_disk.fill()
                reply = next(replies)
            return reply

        assert PlainApp(catalog(), store, ask=ask, say=out.append).run() == 0
    full_disk.free()

    text = "\n".join(out)
    assert "Traceback" not in text
    assert sum(line.startswith(FULL) for line in out) == 1
    # The question whose answer was lost was asked again, and the quiz ended normally.
    assert any(line.startswith("Nilai ") for line in out)
    assert "Hasil ini tidak disimpan" in text
    assert len(_stored_on_disk(paths)) == 1


def test_a_disk_already_full_at_start_opens_read_only_and_says_so(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ProgressStore.open(paths) as store:
        store.mark_lesson_read("baca", "l1")
    real_open = progress.open_database

    def no_room(*args: object, **kwargs: object) -> object:
        # What open_database raises when migrating a new version finds no room.
        try:
            raise sqlite3.OperationalError("database or disk is full")
        except sqlite3.OperationalError as error:
            raise StoreError("Basis data progres tidak dapat disiapkan") from error

    monkeypatch.setattr(progress, "open_database", no_room)
    with ProgressStore.open(paths) as store:
        assert not store.saving
        assert store.notice is not None and store.notice.startswith("Disk penuh:")
        assert store.lessons_read("baca") == {"l1"}  # what was stored is readable
        store.mark_lesson_read("baca", "l1")  # and it goes on in memory
    monkeypatch.setattr(progress, "open_database", real_open)
    with ProgressStore.open(paths) as store, store.connection() as conn:
        assert conn.execute("SELECT count(*) FROM lesson_reads").fetchone()[0] == 1

"""Backing up and restoring progress: same statistics after a wipe, no duplicates."""

from __future__ import annotations

import json
from datetime import UTC, date, timedelta
from pathlib import Path

import pytest
from review_factories import START, answer, two_module_catalog

from latsar_tui.paths import Paths
from latsar_tui.quiz.clock import FakeClock
from latsar_tui.quiz.session import Mode, QuizSession, Scope
from latsar_tui.review.stats import compute_statistics
from latsar_tui.settings import Settings, load_settings, save_settings
from latsar_tui.store.progress import ProgressStore
from latsar_tui.store.transfer import (
    TransferError,
    import_progress,
    read_backup,
    write_export,
)


def _history(store: ProgressStore) -> None:
    """Two weeks of practice: a session a day on alternating banks, some mistakes."""
    catalog = two_module_catalog()
    clock = FakeClock(START - timedelta(days=14))
    for day in range(14):
        bank_id = "b1" if day % 2 == 0 else "b2"
        session = QuizSession.start(
            catalog, store, Scope(bank_id=bank_id), Mode.PRACTICE, seed=day, clock=clock
        )
        while (shown := session.current()) is not None:
            clock.advance(15)
            wrong = (day + int(shown.question.id[1:])) % 3 == 0
            session.answer(1 if wrong else 0)
        session.finish()
        clock.advance(days=1)
    store.mark_lesson_read("m1", "l1", START - timedelta(days=3))


def _counts(store: ProgressStore) -> dict[str, int]:
    with store.connection() as conn:
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in (
                "attempts",
                "attempt_items",
                "answers",
                "lesson_reads",
                "cards",
                "review_logs",
            )
        }


def _wipe(paths: Paths) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{paths.database}{suffix}").unlink(missing_ok=True)
    paths.settings_file.unlink(missing_ok=True)


def test_export_wipe_import_gives_the_same_statistics(paths: Paths, tmp_path: Path) -> None:
    catalog = two_module_catalog()
    settings = Settings(exam_date=date(2026, 3, 20), daily_due=30, daily_new=5)
    save_settings(paths, settings)
    backup = tmp_path / "cadangan" / "progres.json"
    with ProgressStore.open(paths) as store:
        _history(store)
        before = compute_statistics(catalog, store, settings, START, UTC)
        counts = _counts(store)
        cards = store.cards()
        written = write_export(store, paths, backup)
    assert written["answers"] == counts["answers"] == 56
    _wipe(paths)
    assert load_settings(paths) == Settings()
    with ProgressStore.open(paths) as store:
        assert _counts(store)["answers"] == 0
        report = import_progress(store, paths, read_backup(backup))
        assert report.answers == 56 and report.attempts == 14 and report.settings
        assert report.cards_added == 8 and report.cards_rebuilt == 0
        assert load_settings(paths) == settings
        after = compute_statistics(catalog, store, load_settings(paths), START, UTC)
        assert after == before
        assert store.cards() == cards
        assert _counts(store) == counts
        # The same file again: nothing new.
        again = import_progress(store, paths, read_backup(backup))
        assert (again.answers, again.attempts, again.review_logs, again.lesson_reads) == (
            0,
            0,
            0,
            0,
        )
        assert again.answers_skipped == 56
        assert _counts(store) == counts
        assert compute_statistics(catalog, store, settings, START, UTC) == before
        # History still opens: attempts keep their questions and answers.
        last = store.finished_attempts(limit=1)[0]
        assert len(store.answers_for_attempt(last.id)) == 4


def test_merging_two_histories_rebuilds_the_shared_cards(paths: Paths, tmp_path: Path) -> None:
    backup = tmp_path / "lain.json"
    other = Paths.resolve(tmp_path / "perangkat-lain").ensure()
    with ProgressStore.open(other) as store:
        answer(store, "b1", "q0", 1.0, START)
        answer(store, "b1", "q1", 0.0, START)
        write_export(store, other, backup)
    with ProgressStore.open(paths) as store:
        answer(store, "b1", "q0", 1.0, START + timedelta(days=2))
        report = import_progress(store, paths, read_backup(backup), restore_settings=False)
        assert (report.answers, report.cards_added, report.cards_rebuilt) == (2, 1, 1)
        merged = store.card("b1", "q0")
        assert merged is not None and merged.reps == 2
        # The same card as if both answers had been given on one device.
        with ProgressStore.open(Paths.resolve(tmp_path / "satu").ensure()) as single:
            answer(single, "b1", "q0", 1.0, START)
            answer(single, "b1", "q0", 1.0, START + timedelta(days=2))
            expected = single.card("b1", "q0")
        assert expected is not None and merged.card == expected.card


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ({"format": "latsar-progress", "version": 99}, "versi 99"),
        ({"format": "lain", "version": 1}, "bukan cadangan progres"),
        ({"format": "latsar-progress", "version": 1, "answers": {}}, "bukan daftar"),
    ],
)
def test_incompatible_files_are_refused(
    paths: Paths, tmp_path: Path, content: dict[str, object], message: str
) -> None:
    source = tmp_path / "cadangan.json"
    source.write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(TransferError, match=message):
        read_backup(source)


def test_damaged_records_change_nothing(paths: Paths, tmp_path: Path) -> None:
    with ProgressStore.open(paths) as store:
        answer(store, "b1", "q0", 1.0, START)
        data = {
            "format": "latsar-progress",
            "version": 1,
            "answers": [
                {
                    "uuid": "x",
                    "bank_id": "b1",
                    "question_id": "q9",
                    "question_hash": "h",
                    "answer_json": "0",
                    "score": 1.0,
                    "answered_at": "2026-03-02T09:00:00+00:00",
                },
                {"uuid": "y", "bank_id": "b1"},
            ],
        }
        with pytest.raises(TransferError, match="tidak diubah"):
            import_progress(store, paths, data)
        assert _counts(store)["answers"] == 1

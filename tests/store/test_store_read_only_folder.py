"""A data folder that cannot be written: Latsar says so and keeps working read-only.

The folder holds a real history (a finished attempt, an unfinished one, a lesson
read). A reader who may not write there opens it through the domain, plain mode, the
CLI and the TUI: the store is opened read-only (a copy in memory), practice still
works with answers kept in memory only, every front end says they are not saved, and
not one byte of the folder changes.
"""

from __future__ import annotations

from pathlib import Path

from read_only_helpers import ReadOnlyHome, catalog, read_only_home, snapshot

from latsar_tui.paths import Paths
from latsar_tui.quiz.session import Mode, QuizSession, Scope
from latsar_tui.store.progress import ProgressStore

__all__ = ["read_only_home"]  # the fixture, imported for pytest

NOTICE = "Folder data hanya-baca"


def _history(home: Path) -> dict[str, int]:
    """Store a small history the way the app does; returns its counts."""
    with ProgressStore.open(Paths.resolve(home).ensure()) as store:
        done = QuizSession.start(catalog(), store, Scope(bank_id="baca"), Mode.PRACTICE, seed=1)
        while done.current() is not None:
            done.answer(0, time_taken=3.0)
        done.finish()
        open_one = QuizSession.start(catalog(), store, Scope(bank_id="baca"), Mode.PRACTICE, seed=2)
        open_one.answer(1, time_taken=4.0)
        store.mark_lesson_read("baca", "l1")
        return {"answers": 3, "finished": 1, "unfinished": 1}


def _prepared(holder: ReadOnlyHome) -> dict[str, str]:
    _history(holder.home)
    holder.freeze()
    return snapshot(holder.home)


DOMAIN = """
import json
from latsar_tui.paths import Paths
from latsar_tui.quiz.session import Mode, QuizSession, Scope
from latsar_tui.store.progress import ProgressStore

store = ProgressStore.open(Paths.resolve())
out = {"notice": store.notice, "saving": store.saving}
out["finished_before"] = len(store.finished_attempts())
out["unfinished_before"] = len(store.unfinished_attempts())
out["read_before"] = sorted(store.lessons_read("baca"))
session = QuizSession.start(CATALOG, store, Scope(bank_id="baca"), Mode.PRACTICE, seed=3)
while session.current() is not None:
    session.answer(0, time_taken=2.0)
result = session.finish()
store.mark_lesson_read("baca", "l1")
out["percent"] = result.percent
out["kept_in_memory"] = len(store.answers_for_attempt(session.attempt_id))
with store.connection() as conn:
    out["answers_now"] = conn.execute("SELECT count(*) FROM answers").fetchone()[0]
store.close()
again = ProgressStore.open(Paths.resolve())
with again.connection() as conn:
    out["answers_reopened"] = conn.execute("SELECT count(*) FROM answers").fetchone()[0]
print(json.dumps(out))
"""


def test_the_domain_opens_read_only_practises_in_memory_and_changes_nothing(
    read_only_home: ReadOnlyHome,
) -> None:
    before = _prepared(read_only_home)

    seen = read_only_home.run_code(DOMAIN)

    assert seen["notice"].startswith(NOTICE) and "tidak dapat disimpan" in seen["notice"]
    assert seen["saving"] is False
    # What was stored is all readable...
    assert (seen["finished_before"], seen["unfinished_before"]) == (1, 1)
    assert seen["read_before"] == ["l1"]
    # ... practice works on the copy in memory ...
    assert seen["percent"] == 100.0 and seen["kept_in_memory"] == 2
    assert seen["answers_now"] == 5
    # ... and none of it reached the folder: reopened, it holds the first 3 answers.
    assert seen["answers_reopened"] == 3
    assert snapshot(read_only_home.home) == before


PLAIN = """
import json
from latsar_tui.paths import Paths
from latsar_tui.plain.runner import PlainApp
from latsar_tui.store.progress import ProgressStore

replies = iter(["2", "1", "1", "1", "q"])  # Latihan soal, the bank, two right answers
lines = []
with ProgressStore.open(Paths.resolve()) as store:
    code = PlainApp(CATALOG, store, ask=lambda prompt: next(replies, "q"), say=lines.append).run()
print(json.dumps({"code": code, "lines": lines}))
"""


def test_plain_mode_says_so_at_start_and_that_results_were_not_saved(
    read_only_home: ReadOnlyHome,
) -> None:
    before = _prepared(read_only_home)

    seen = read_only_home.run_code(PLAIN)

    lines = seen["lines"]
    assert seen["code"] == 0
    # One line at the start, before the menu.
    assert lines[1].startswith(NOTICE) and "tidak dapat disimpan" in lines[1]
    assert "Menu utama" in lines
    assert any(line.startswith("Nilai ") for line in lines)
    assert any(line.startswith("Hasil ini tidak disimpan") for line in lines)
    assert not any("tersimpan di Riwayat" in line for line in lines)
    assert snapshot(read_only_home.home) == before


def test_the_real_commands_run_on_a_read_only_folder(read_only_home: ReadOnlyHome) -> None:
    before = _prepared(read_only_home)

    plain = read_only_home.run(["-m", "latsar_tui", "teks"], stdin="q\n")
    validate = read_only_home.run(["-m", "latsar_tui", "validate"])

    assert plain.returncode == 0, plain.stderr
    assert "Traceback" not in plain.stderr + plain.stdout
    assert NOTICE in plain.stdout and "Menu utama" in plain.stdout
    assert validate.returncode == 0, validate.stdout + validate.stderr
    assert "Traceback" not in validate.stderr + validate.stdout
    assert snapshot(read_only_home.home) == before


TUI = """
import asyncio, json
from pathlib import Path
from ui_helpers import keys_for_right_answer, settle, start_from_home
from latsar_tui.content.loader import load_catalog
from latsar_tui.paths import Paths
from latsar_tui.quiz.clock import FakeClock
from latsar_tui.store.progress import ProgressStore
from latsar_tui.ui.app import LatsarApp
from latsar_tui.ui.screens.home import HomeScreen
from latsar_tui.ui.screens.quiz import QuizScreen
from latsar_tui.ui.screens.results import ResultsScreen

async def main():
    paths = Paths.resolve()
    store = ProgressStore.open(paths)
    app = LatsarApp(paths, catalog_loader=lambda: CATALOG, clock=FakeClock(), seed=7,
                    store=store, tick_seconds=0.05)
    out = {}
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        out["home"] = isinstance(app.screen, HomeScreen)
        out["sub_title"] = app.sub_title
        await start_from_home(pilot, downs=1, exam=False)
        out["quiz"] = isinstance(app.screen, QuizScreen)
        for _ in range(2):
            await pilot.press(*keys_for_right_answer(app.screen))
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
        out["results"] = isinstance(app.screen, ResultsScreen)
        out["notices"] = [str(n.message) for n in app._notifications]
        with app.store.connection() as conn:
            out["answers_in_memory"] = conn.execute(
                "SELECT count(*) FROM answers").fetchone()[0]
    print(json.dumps(out))

asyncio.run(main())
"""


def test_the_tui_shows_the_notice_and_lets_the_learner_practise(
    read_only_home: ReadOnlyHome,
) -> None:
    before = _prepared(read_only_home)

    seen = read_only_home.run_code(TUI)

    assert seen["home"] and seen["quiz"] and seen["results"]
    notices = " ".join(seen["notices"])
    assert NOTICE in notices and "jawaban tidak dapat disimpan" in notices
    assert "Hasil ini tidak disimpan" in notices
    assert "hanya-baca" in seen["sub_title"]
    assert seen["answers_in_memory"] == 5
    assert snapshot(read_only_home.home) == before

"""Pilot test: the disk fills up in the middle of a quiz in the TUI.

The answer that could not be written is reported, the quiz stays on that question
and takes it again (now kept in memory), the quiz runs to its results, which say
they were not saved, and what was stored before is still on disk.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from full_disk_helpers import FullDisk, full_disk
from ui_helpers import SIZE, keys_for_right_answer, make_app, settle, start_from_home

from latsar_tui.store.progress import ProgressStore
from latsar_tui.ui.screens.quiz import QuizScreen
from latsar_tui.ui.screens.results import ResultsScreen

__all__ = ["full_disk"]  # the fixture, imported for pytest


def _notices(app: object) -> str:
    return " ".join(str(n.message) for n in app._notifications)  # type: ignore[attr-defined]


async def test_a_full_disk_mid_quiz_is_reported_and_the_quiz_goes_on(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, full_disk: FullDisk
) -> None:
    app = make_app(monkeypatch, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_from_home(pilot, downs=1, exam=False)
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        session = screen.session
        await pilot.press(*keys_for_right_answer(screen))
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert session.answered_count == 1

        full_disk.fill()
        waiting = session.current()
        await pilot.press(*keys_for_right_answer(screen))
        await settle(pilot)
        assert "Disk penuh: jawaban terakhir tidak tersimpan" in _notices(app)
        assert app.screen is screen and session.current() == waiting
        assert session.answered_count == 1
        assert "hanya-baca" in app.sub_title
        # The question is shown afresh: answered again, the answer is kept in memory.
        await pilot.press(*keys_for_right_answer(app.screen))
        await settle(pilot)
        assert session.answered_count == 2 and screen.waiting_next
        await pilot.press("enter")
        await settle(pilot)

        for _ in range(40):  # the rest, to the results
            if not isinstance(app.screen, QuizScreen):
                break
            await pilot.press(*keys_for_right_answer(app.screen))
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert session.answered_count == session.total
        assert "Hasil ini tidak disimpan" in _notices(app)
        attempt_id = session.attempt_id

    full_disk.free()
    with ProgressStore.open(app.paths) as store:
        assert store.saving
        assert len(store.answers_for_attempt(attempt_id)) == 1
        record = store.attempt(attempt_id)
        assert record is not None and not record.is_finished

"""Feedback and results name the lesson to reread, and m opens it at once (issue 10)."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_helpers import SIZE, keys_for_right_answer, make_app, screen_text, settle, start_from_home

from latsar_tui.ui.screens.lesson import LessonScreen
from latsar_tui.ui.screens.quiz import QuizScreen
from latsar_tui.ui.screens.results import ResultsScreen


async def test_m_opens_the_lesson_from_feedback_and_results(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app = make_app(monkeypatch, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_from_home(pilot, downs=1, exam=False)
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        assert screen.presented.question.id == "q-single"  # lesson "pengantar"
        await pilot.press(*keys_for_right_answer(screen))
        await settle(pilot)
        assert "Baca ulang: Pengantar Pelayanan" in screen_text(app)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, LessonScreen)
        assert "Pengantar Pelayanan" in screen_text(app)
        await pilot.press("escape")  # back to the feedback, still waiting for Enter
        await settle(pilot)
        assert app.screen is screen and screen.waiting_next
        await pilot.press("x", "y")  # end the quiz now: the results
        await settle(pilot, 0.4)
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("down")  # the first question's details
        await settle(pilot)
        assert "Baca ulang: Pengantar Pelayanan" in screen_text(app)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, LessonScreen)

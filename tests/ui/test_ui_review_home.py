"""Pilot walks through the spaced review wired into the real app: the due counts on
home, the review hub opened with u, a review session to its end, and the theme the
learner picks remembered for the next start."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path
from typing import Any

import pytest
from ui_helpers import (
    SIZE,
    keys_for_right_answer,
    make_app,
    screen_text,
    settle,
    start_from_home,
    wait_until,
)

from latsar_tui.content.model import BranchingQuestion
from latsar_tui.quiz.clock import FakeClock
from latsar_tui.quiz.session import Mode
from latsar_tui.settings import Settings, load_settings, save_settings
from latsar_tui.ui.screens.history import HistoryScreen
from latsar_tui.ui.screens.home import HomeScreen
from latsar_tui.ui.screens.quiz import QuizScreen
from latsar_tui.ui.screens.results import ResultsScreen
from latsar_tui.ui.screens.review_home import ReviewScreen
from latsar_tui.ui.screens.stats import StatsScreen


async def _answer_to_the_end(pilot: Any) -> int:
    """Answer every question on the quiz screen right; returns how many were asked."""
    app = pilot.app
    asked = 0
    while isinstance(app.screen, QuizScreen):
        screen = app.screen
        asked += 1
        branching = isinstance(screen.presented.question, BranchingQuestion)
        await pilot.press(*keys_for_right_answer(screen))
        await settle(pilot, 0.05)
        while branching and screen.branch_step is not None and app.screen is screen:
            if screen.waiting_next:  # a consequence on screen: on to the next step
                await pilot.press("enter")
                await settle(pilot, 0.05)
            await pilot.press(*keys_for_right_answer(screen))
            await settle(pilot, 0.05)
        if screen.waiting_next:  # feedback (not in an exam): on to the next question
            await pilot.press("enter")
            await settle(pilot, 0.05)
    return asked


def _ulang_cell(app: Any, row_key: str) -> str:
    table = app.screen.query_one("#catalog")
    return str(table.get_cell(row_key, "Ulang"))


async def test_review_from_home_drops_the_due_count(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    clock = FakeClock()
    app = make_app(monkeypatch, tmp_path, clock=clock, tz=UTC)
    save_settings(app.paths, Settings(daily_new=0))  # review only what was answered
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, 0.05)
        assert "Ulangi: 0 soal jatuh tempo · sesi hari ini 0 soal" in screen_text(app)
        await start_from_home(pilot, downs=2, exam=True)  # three questions get cards
        assert await _answer_to_the_end(pilot) == 3
        assert isinstance(app.screen, ResultsScreen)
        clock.advance(days=30)
        await pilot.press("escape")
        await settle(pilot, 0.05)
        assert isinstance(app.screen, HomeScreen)
        text = screen_text(app)
        assert "Ulangi: 3 soal jatuh tempo · sesi hari ini 3 soal (3 ulangan + 0 baru)" in text
        assert _ulang_cell(app, "b:dasar-ujian") == "3"
        assert _ulang_cell(app, "m:dasar") == "3"  # the module row: its banks' due
        assert _ulang_cell(app, "b:dasar-latihan") == "0"

        await pilot.press("u")
        await settle(pilot, 0.05)
        assert isinstance(app.screen, ReviewScreen)
        assert "Ulangi sekarang: 3 soal" in screen_text(app)
        await pilot.press("u")
        await settle(pilot, 0.05)
        quiz = app.screen
        assert isinstance(quiz, QuizScreen) and quiz.session.mode is Mode.REVIEW
        assert " Ulangi " in screen_text(app)  # the mode by name on the status line
        assert await _answer_to_the_end(pilot) == 3
        assert isinstance(app.screen, ResultsScreen)
        assert "Hasil Ulangi" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot, 0.05)
        assert isinstance(app.screen, HomeScreen)
        assert "Ulangi: 0 soal jatuh tempo" in screen_text(app)
        assert _ulang_cell(app, "b:dasar-ujian") == "0"
        assert _ulang_cell(app, "m:dasar") == "0"

        await pilot.press("s")
        await settle(pilot, 0.05)
        assert isinstance(app.screen, StatsScreen)
        assert "Jawaban tersimpan: 6" in screen_text(app)
        await pilot.press("escape", "h")
        await settle(pilot, 0.05)
        assert isinstance(app.screen, HistoryScreen)  # the history opened, not home
        assert "Ulangi" in screen_text(app) and "Ujian" in screen_text(app)


async def test_chosen_theme_is_saved_and_applied_on_next_start(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app = make_app(monkeypatch, tmp_path)
    save_settings(app.paths, Settings(theme="no-such-theme", daily_new=3))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, 0.05)
        assert app.theme == "textual-dark"  # an unknown saved name is ignored
        await pilot.press("ctrl+p", *"tema")  # the palette's Tema command, then "nord"
        assert await wait_until(pilot, lambda: "Ganti tema warna tampilan" in screen_text(app))
        await pilot.press("enter", *"nord")
        assert await wait_until(pilot, lambda: "nord" in screen_text(app))
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: app.theme == "nord")
    saved = load_settings(app.paths)
    assert saved.theme == "nord" and saved.daily_new == 3  # the other settings kept

    second = make_app(monkeypatch, tmp_path)
    async with second.run_test(size=SIZE) as pilot:
        await settle(pilot, 0.05)
        assert second.theme == "nord"

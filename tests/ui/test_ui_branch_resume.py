"""Pilot walk: one step of a branching case, quit, and a new app continues the case
at its second step with the first step and its consequence still on screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_helpers import SIZE, keys_for_right_answer, make_app, screen_text, settle

from latsar_tui.quiz.session import Mode, Scope
from latsar_tui.store.progress import ProgressStore
from latsar_tui.ui.screens.quiz import QuizScreen
from latsar_tui.ui.screens.results import ResultsScreen

CASE = Scope(items=(("dasar-latihan", "q-branching"),))


async def test_branching_case_resumes_at_the_next_step(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app = make_app(monkeypatch, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.start_quiz(CASE, Mode.PRACTICE)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        await pilot.press(*keys_for_right_answer(screen))  # "Buka loket tambahan"
        await settle(pilot)
        assert "Akibatnya: Antrean mulai berkurang." in screen_text(app)
        await pilot.press("q")
        await settle(pilot)
    assert app.return_code == 0

    second = make_app(monkeypatch, tmp_path)
    async with second.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        assert "0/1 dijawab" in screen_text(second)  # a step is not an answer
        await pilot.press("l")
        await settle(pilot)
        screen = second.screen
        assert isinstance(screen, QuizScreen)
        assert screen.branch_choices == [0] and screen.branch_step == "info"
        text = screen_text(second)
        assert "Langkah 1" in text and "Pilihan Anda: Buka loket tambahan  (5 poin)" in text
        assert "Akibatnya: Antrean mulai berkurang." in text
        assert "Langkah 2" in text and "Warga bertanya berapa lama lagi." in text
        assert "Kasus dilanjutkan di langkah 2" in text
        await pilot.press(*keys_for_right_answer(screen))
        await settle(pilot)
        text = screen_text(second)
        assert "Poin diperoleh: 10 dari 10" in text
        # The feedback explains the score step by step, each against its own best.
        assert "(langkah 1: 5 dari 5 poin)" in text and "(langkah 2: 5 dari 5 poin)" in text
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(second.screen, ResultsScreen)
        assert "Skor 100%" in screen_text(second)
    with ProgressStore.open(second.paths) as store:
        (attempt,) = store.finished_attempts()
        assert store.pending_branches(attempt.id) == {}
        (answer,) = store.answers_for_attempt(attempt.id)
        assert answer.answer_json == "[0,0]" and answer.score == 1.0

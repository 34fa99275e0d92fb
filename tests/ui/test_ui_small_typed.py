"""At 60x20, short answer and matching (the typed question types) are whole on screen:
the prompt, every left item and right choice, and the footer keys, answered by keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_ui_small_terminal import SMALL, _assert_footer_whole, _flat
from ui_helpers import make_app, screen_text, settle, start_from_home

from latsar_tui.content.model import MatchingQuestion, ShortAnswerQuestion
from latsar_tui.ui.screens.quiz import QuizScreen
from latsar_tui.ui.screens.results import ResultsScreen


async def test_short_answer_and_matching_at_60x20(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app = make_app(monkeypatch, tmp_path, roots=("typed",))
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await start_from_home(pilot, downs=1, exam=False)
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        question = screen.presented.question
        assert isinstance(question, ShortAnswerQuestion)
        assert _flat(question.prompt) in _flat(screen_text(app))
        _assert_footer_whole(app)
        await pilot.press(*"akuntabel", "enter")
        await settle(pilot)
        assert "✓ Benar" in screen_text(app)
        _assert_footer_whole(app)
        await pilot.press("enter")
        await settle(pilot)
        question = screen.presented.question
        assert isinstance(question, MatchingQuestion)
        text = _flat(screen_text(app))
        assert _flat(question.prompt) in text
        for pair in question.pairs:
            assert pair.left in text and pair.right in text, pair
        for distractor in question.distractors:
            assert distractor in text
        _assert_footer_whole(app)
        letters = "abcdefghijkl"
        keys = [letters[screen.presented.display_index(i)] for i in range(len(question.pairs))]
        await pilot.press(*keys, "enter")
        await settle(pilot)
        assert "✓ Benar" in screen_text(app)
        _assert_footer_whole(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert "Skor 100%" in _flat(screen_text(app))

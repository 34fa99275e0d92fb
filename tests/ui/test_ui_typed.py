"""Pilot walks of short answer and matching, by key presses only, and resume."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_helpers import SIZE, make_app, screen_text, settle, start_from_home

from latsar_tui.content.model import MatchingQuestion
from latsar_tui.store.progress import ProgressStore
from latsar_tui.ui.screens.quiz import QuizScreen
from latsar_tui.ui.screens.results import ResultsScreen


def _matching_keys(screen: QuizScreen) -> list[str]:
    """Per left item (in order), the letter under which its right is shown."""
    presented = screen.presented
    assert presented is not None and isinstance(presented.question, MatchingQuestion)
    letters = "abcdefghijkl"
    return [letters[presented.display_index(i)] for i in range(len(presented.question.pairs))]


async def test_short_answer_and_matching_by_keys(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app = make_app(monkeypatch, tmp_path, roots=("typed",))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_from_home(pilot, downs=1, exam=False)
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        assert screen.presented is not None and screen.presented.question.id == "isian-1"
        assert "Isian singkat" in screen_text(app)
        await pilot.press("enter")  # empty: nothing is sent
        await settle(pilot)
        assert "Pembahasan" not in screen_text(app)
        # "s" and "q" are letters of the answer here, not the screen's keys.
        await pilot.press(*"Akuntabl", "space", "full_stop", "enter")
        await settle(pilot)
        text = screen_text(app)
        assert "✓ Benar" in text and "Salah ketik diterima" in text
        assert "Diterima: akuntabel" in text
        await pilot.press("enter")
        await settle(pilot)
        assert screen.presented is not None and screen.presented.question.id == "jodoh-1"
        text = screen_text(app)
        assert "[b]BKN[/b]" in text and "Pilihan kanan:" in text
        keys = _matching_keys(screen)
        await pilot.press("enter")  # nothing matched yet: not sent
        await settle(pilot)
        assert "Pembahasan" not in screen_text(app)
        # One wrong pick first, then moved back with ↑ and corrected.
        wrong = next(k for k in "abcd" if k != keys[0])
        await pilot.press(wrong, "up", keys[0], keys[1], keys[2], "enter")
        await settle(pilot)
        text = screen_text(app)
        assert "✓ Benar" in text and "✓ Ombudsman RI → mengawasi pelayanan publik" in text
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert "Skor 100%" in screen_text(app)
    with ProgressStore.open(app.paths) as store:
        assert store.bank_scores()["ketik-latihan"].best_percent == 100


async def test_half_typed_answer_is_not_stored_and_resume_keeps_the_question(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app = make_app(monkeypatch, tmp_path, roots=("typed",))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_from_home(pilot, downs=1, exam=False)
        await pilot.press(*"akunt")  # typed, never sent
        await pilot.press("escape")
        await settle(pilot)
    with ProgressStore.open(app.paths) as store:
        (attempt,) = store.unfinished_attempts()
        assert store.answers_for_attempt(attempt.id) == []
    second = make_app(monkeypatch, tmp_path, roots=("typed",))
    async with second.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        screen = second.screen
        assert isinstance(screen, QuizScreen)
        assert screen.presented is not None and screen.presented.question.id == "isian-1"
        assert screen.query_one("#answer").value == ""

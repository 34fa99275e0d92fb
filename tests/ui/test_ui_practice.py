"""Pilot walks: a practice quiz through all six question types, and the results."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_helpers import SIZE, keys_for_right_answer, make_app, screen_text, settle, start_from_home

from latsar_tui.store.progress import ProgressStore
from latsar_tui.ui.screens.history import HistoryScreen
from latsar_tui.ui.screens.home import HomeScreen
from latsar_tui.ui.screens.quiz import QuizScreen
from latsar_tui.ui.screens.results import ResultsScreen


async def test_practice_quiz_answers_all_six_types(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app = make_app(monkeypatch, tmp_path)
    seen_types = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_from_home(pilot, downs=1, exam=False)
        for _ in range(6):
            screen = app.screen
            assert isinstance(screen, QuizScreen)
            question = screen.presented.question
            seen_types.append(str(question.type))
            assert question.prompt in screen_text(app)
            if str(question.type) == "branching":
                await pilot.press(*keys_for_right_answer(screen))
                await settle(pilot)
                text = screen_text(app)
                assert "Akibatnya: Antrean mulai berkurang." in text  # the consequence
                await pilot.press("enter")
                await settle(pilot)
                assert "Warga bertanya berapa lama lagi." in screen_text(app)  # next step
            await pilot.press(*keys_for_right_answer(screen))
            await settle(pilot)
            text = screen_text(app)
            # A scenario counts points (it has no wrong option); the rest say Benar.
            best = "✓ 5 dari 5 poin" if str(question.type) == "scenario" else "✓ Benar"
            assert best in text and "Pembahasan" in text
            assert question.explanation in text
            if str(question.type) == "scenario":
                # every option with its points and feedback, the chosen one marked
                assert "5 poin" in text and "3 poin" in text and "1 poin" in text
                assert "Tidak akuntabel." in text and "← pilihan Anda" in text
            if str(question.type) == "ordering":
                assert "Urutan Anda:" in text and "✓ 1. Terima pengaduan" in text
            if str(question.type) == "branching":
                assert "Jalur yang Anda tempuh:" in text
                assert "Poin diperoleh: 10 dari 10" in text
            await pilot.press("enter")
            await settle(pilot)
        assert seen_types == [
            "single",
            "multiple",
            "true_false",
            "scenario",
            "ordering",
            "branching",
        ]
        assert isinstance(app.screen, ResultsScreen)
        text = screen_text(app)
        assert "Skor 100%" in text and "6 dari 6 poin" in text
    with ProgressStore.open(app.paths) as store:
        assert store.bank_scores()["dasar-latihan"].best_percent == 100


async def test_results_screen_browses_questions_and_history(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app = make_app(monkeypatch, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # Practice on one lesson's questions: "Pengantar Pelayanan" (single + exam's u1)
        await start_from_home(pilot, downs=1, exam=False, scope_downs=1)
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        assert screen.session.total == 2
        # Answer the first wrongly on purpose and the second right.
        question = screen.presented.question
        wrong = next(
            str(screen.presented.display_index(i) + 1)
            for i in range(len(question.options))
            if not question.options[i].correct
        )
        await pilot.press(wrong)
        await settle(pilot)
        assert "✗ Kurang tepat" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press(*keys_for_right_answer(app.screen))
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        text = screen_text(app)
        assert "Skor 50%" in text and "1 dari 2 poin" in text
        assert "Per tag" in text and "Per pelajaran" in text and "Pengantar Pelayanan" in text
        assert "LULUS" not in text  # practice has no pass/fail
        await pilot.press("down")
        await settle(pilot)
        text = screen_text(app)
        assert "Jawaban Anda" in text and "Jawaban yang benar" in text and "Warga" in text
        assert "Warga adalah pusat pelayanan publik." in text  # explanation
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        assert "50%" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert "Skor 50%" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)

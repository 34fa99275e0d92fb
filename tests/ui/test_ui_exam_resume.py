"""Pilot walks: an exam running out of time, and quitting then resuming a quiz."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

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

from latsar_tui.quiz.clock import FakeClock
from latsar_tui.store.progress import ProgressStore
from latsar_tui.ui.screens.quiz import QuizScreen
from latsar_tui.ui.screens.results import ResultsScreen


async def test_exam_times_out_with_fake_clock(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    clock = FakeClock()
    app = make_app(monkeypatch, tmp_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_from_home(pilot, downs=2, exam=True)
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        assert "Ujian" in screen_text(app) and "Sisa waktu 01:00" in screen_text(app)
        await pilot.press(*keys_for_right_answer(screen))
        await settle(pilot)
        text = screen_text(app)
        assert "Pembahasan" not in text and "✓ Benar" not in text  # no feedback in an exam
        assert "1 dijawab" in text
        clock.advance(30)
        assert await wait_until(pilot, lambda: "Sisa waktu 00:30" in screen_text(app))
        clock.advance(31)
        assert await wait_until(pilot, lambda: isinstance(app.screen, ResultsScreen))
        text = screen_text(app)
        assert "waktu habis" in text
        assert "Skor 33%" in text and "TIDAK LULUS" in text and "batas 60%" in text
    with ProgressStore.open(app.paths) as store:
        (attempt,) = store.finished_attempts()
        assert attempt.timed_out


async def test_quit_mid_quiz_and_resume_in_new_app(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    clock = FakeClock()
    app = make_app(monkeypatch, tmp_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_from_home(pilot, downs=2, exam=True)  # exam: shuffled, 1 minute
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        order = [(p.question.id, p.order) for p in screen.session.questions]
        await pilot.press(*keys_for_right_answer(screen))
        await settle(pilot)
        assert screen.presented.position == 0  # an exam stays on the answered question
        await pilot.press("right")
        await settle(pilot)
        expected = screen.presented
        shown = screen_text(app)
        clock.advance(25)
        await pilot.press("q")
        await settle(pilot)
    assert app.return_code == 0

    # Ten seconds later: an exam's clock ran on while the app was closed.
    second = make_app(monkeypatch, tmp_path, clock=FakeClock(clock.now() + timedelta(seconds=10)))
    async with second.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Lanjutkan: Ujian Singkat Pelayanan" in screen_text(second)
        assert "1/3 dijawab" in screen_text(second)
        await pilot.press("l")
        await settle(pilot)
        screen = second.screen
        assert isinstance(screen, QuizScreen)
        assert [(p.question.id, p.order) for p in screen.session.questions] == order
        assert screen.presented.position == expected.position == 1
        assert screen.presented.question.id == expected.question.id
        assert screen.presented.order == expected.order
        text = screen_text(second)
        assert "Sisa waktu 00:25" in text  # the deadline stood while the app was closed

        def below_status(text: str) -> str:
            return text.split("\n", 3)[3]

        assert below_status(text) == below_status(shown)
        await pilot.press("ctrl+c")
        await settle(pilot)
    assert second.return_code == 0
    with ProgressStore.open(second.paths) as store:
        assert [a.title for a in store.unfinished_attempts()] == ["Ujian Singkat Pelayanan"]


async def test_exam_of_all_types_then_quiz_from_lesson(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app = make_app(monkeypatch, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_from_home(pilot, downs=1, exam=True)
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        for _ in range(screen.session.total):
            question = screen.presented.question
            await pilot.press(*keys_for_right_answer(screen))
            await settle(pilot)
            if str(question.type) == "branching":
                # No consequence in an exam: the next step comes straight away.
                assert "Akibatnya" not in screen_text(app)
                assert "Warga bertanya berapa lama lagi." in screen_text(app)
                await pilot.press(*keys_for_right_answer(screen))
                await settle(pilot)
            assert "Pembahasan" not in screen_text(app)
            assert "✓ dijawab" in screen_text(app)
            await pilot.press("right")
            await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert "Kirim jawaban ujian?" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert "Skor 100%" in screen_text(app) and "✓ LULUS (batas 70%)" in screen_text(app)
        # From the lesson reader, k offers that lesson's questions first.
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("up", "enter", "n")  # the home cursor stayed on the bank row
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        await pilot.press("enter", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        assert screen.session.scope.lesson_id == "standar"
        assert screen.session.total == 3  # two from the practice bank, one from the exam

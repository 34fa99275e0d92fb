"""Pilot tests of issue 10: slips that answer unseen, and the exam run like the CAT."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from ui_helpers import make_app, screen_text, settle, start_from_home

from latsar_tui.quiz.clock import FakeClock
from latsar_tui.quiz.session import Mode, Scope
from latsar_tui.store.progress import ProgressStore
from latsar_tui.ui.screens.exam_grid import ExamGridScreen
from latsar_tui.ui.screens.home import HomeScreen
from latsar_tui.ui.screens.quiz import ConfirmScreen, QuizScreen
from latsar_tui.ui.screens.results import ResultsScreen
from latsar_tui.ui.widgets.answer_lists import ChoiceList

ROOTS = ("basic", "slips")


def _answers(app: Any) -> list[str]:
    with app.store.connection() as conn:
        return [row[0] for row in conn.execute("SELECT answer_json FROM answers ORDER BY id")]


async def _open(app: Any, pilot: Any, question_id: str, mode: Mode = Mode.PRACTICE) -> QuizScreen:
    app.start_quiz(Scope(items=(("slips", question_id),)), mode)
    await settle(pilot)
    assert isinstance(app.screen, QuizScreen)
    return app.screen


async def test_b_answers_benar_in_true_false(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app = make_app(monkeypatch, tmp_path, ROOTS)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await _open(app, pilot, "tf1")
        assert "1/b Benar · 2/s Salah" in screen_text(app)
        await pilot.press("b")
        await settle(pilot)
        assert _answers(app) == ["true"]
        assert "✓" in screen_text(app)  # tf1 is true: b was graded right


async def test_a_digit_does_not_answer_while_an_option_is_hidden(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app = make_app(monkeypatch, tmp_path, ROOTS)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await _open(app, pilot, "lima")
        choices = screen.query_one("#answer", ChoiceList)
        assert choices.option_count == 5
        # The long case pushes the options below the fold at 80x24: the guard is live.
        assert not choices.all_options_visible()
        await pilot.press("5")
        await settle(pilot)
        assert _answers(app) == []  # a digit only moved the highlight
        assert choices.highlighted == 4
        assert choices.option_visible(4)  # and brought that option into view
        await pilot.press("enter")
        await settle(pilot)
        assert len(_answers(app)) == 1  # Enter answered the option now on screen


async def test_enter_in_the_confirm_dialog_does_not_end_the_quiz(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app = make_app(monkeypatch, tmp_path, ROOTS)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await _open(app, pilot, "tf1")
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen and not screen.session.is_finished
        assert app.store.attempt(screen.session.attempt_id).finished_at is None


async def test_exam_skip_flag_back_change_and_submit_with_summary(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app = make_app(monkeypatch, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await start_from_home(pilot, downs=2, exam=True)  # 3 questions, 1 minute
        screen = app.screen
        assert isinstance(screen, QuizScreen) and screen.confirm  # on by default in Ujian
        session = screen.session
        first = screen.presented
        await pilot.press("right")  # skip the first question
        await settle(pilot)
        assert screen.presented.position == 1
        await pilot.press("r")  # flag the second ragu-ragu
        await settle(pilot)
        assert "R ragu" in screen_text(app)
        await pilot.press("left")  # back to the first
        await settle(pilot)
        assert screen.presented == first and "○ kosong" in screen_text(app)
        await pilot.press("1")  # konfirmasi jawaban: a key only marks
        await settle(pilot)
        assert not session.is_answered(first.position)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.presented == first and "✓ dijawab" in screen_text(app)
        await pilot.press("2", "enter")  # change it
        await settle(pilot)
        drafts = app.store.drafts(session.attempt_id)
        assert drafts[first.position].answer_json is not None
        changed = drafts[first.position].answer_json
        assert _answers(app) == []  # nothing scored before submission
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, ExamGridScreen)
        grid = screen_text(app)
        assert "1✓" in grid and "2R" in grid and "3·" in grid
        await pilot.press("escape", "x")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConfirmScreen)
        assert "1 dijawab, 1 ragu-ragu, 2 belum dijawab" in dialog.question
        await pilot.press("enter")  # the safe choice: not submitted
        await settle(pilot)
        assert app.screen is screen and not session.is_finished
        await pilot.press("x", "y")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
    with ProgressStore.open(app.paths) as store:
        (attempt,) = store.finished_attempts()
        assert [a.answer_json for a in store.answers_for_attempt(attempt.id)] == [changed]
        assert len(store.cards()) == 1  # only the standing answer feeds the review


async def test_exam_past_its_deadline_is_submitted_on_reopening(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    clock = FakeClock()
    app = make_app(monkeypatch, tmp_path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await start_from_home(pilot, downs=2, exam=True)
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        attempt_id = screen.session.attempt_id
        await pilot.press("1", "enter")
        await settle(pilot)
        standing = app.store.drafts(attempt_id)[screen.presented.position].answer_json
        await pilot.press("q")  # closed mid-exam, 1 of 3 answered
        await settle(pilot)
    clock.advance(minutes=5)  # the one-minute exam ended while the app was closed
    second = make_app(monkeypatch, tmp_path, clock=clock)
    async with second.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(second.screen, HomeScreen)
        assert "Lanjutkan:" not in screen_text(second)
        record = second.store.attempt(attempt_id)
        assert record is not None and record.is_finished and record.timed_out
        assert record.finished_at == record.deadline
        answers = second.store.answers_for_attempt(attempt_id)
        assert [a.answer_json for a in answers] == [standing]
        assert record.percent == pytest.approx(100 * answers[0].score / 3)
        assert json.loads(standing) is not None
        assert clock.now() - record.deadline == timedelta(minutes=4)

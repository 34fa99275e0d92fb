"""Pilot tests of issue 10, point 1: no answer without seeing it, none by a slip."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_helpers import make_app, screen_text, settle

from latsar_tui.content.loader import load_catalog
from latsar_tui.paths import Paths
from latsar_tui.quiz.clock import FakeClock
from latsar_tui.quiz.session import Mode, QuizSession, Scope
from latsar_tui.store.progress import ProgressStore
from latsar_tui.ui.screens.help import HelpScreen
from latsar_tui.ui.screens.home import HomeScreen
from latsar_tui.ui.screens.quiz import QuizScreen


def _store_state(paths: Paths) -> tuple[object, ...]:
    """Everything a key could change: attempts (finished or not) and answers."""
    with ProgressStore.open(paths) as store, store.connection() as conn:
        attempts = conn.execute(
            "SELECT id, finished_at, percent, time_used_seconds FROM attempts ORDER BY id"
        ).fetchall()
        answers = conn.execute("SELECT id, answer_json FROM answers ORDER BY id").fetchall()
        cards = conn.execute("SELECT count(*) FROM cards").fetchone()
    return (attempts, answers, cards)


async def test_keys_behind_the_too_small_notice_change_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    clock = FakeClock()
    app = make_app(monkeypatch, tmp_path, clock=clock)
    # An unfinished practice quiz that `l` would resume and `2` would answer.
    with ProgressStore.open(app.paths) as store:
        catalog = load_catalog(app.paths, app.extra_content)
        QuizSession.start(catalog, store, Scope(bank_id="dasar-latihan"), Mode.PRACTICE, seed=1)
    before = _store_state(app.paths)
    async with app.run_test(size=(59, 19)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Layar terminal terlalu kecil" in text and "latsar teks" in text
        await pilot.press("l", "2", "s", "enter", "x", "y", "enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)  # `l` did not resume the quiz
        # Help still opens (and closes) behind the notice.
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    assert _store_state(app.paths) == before


async def test_the_same_keys_act_once_the_terminal_is_big_enough(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The gate above is the notice, not a broken `l`: at 80x24 `l` resumes.
    app = make_app(monkeypatch, tmp_path)
    with ProgressStore.open(app.paths) as store:
        catalog = load_catalog(app.paths, app.extra_content)
        QuizSession.start(catalog, store, Scope(bank_id="dasar-latihan"), Mode.PRACTICE, seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, QuizScreen)

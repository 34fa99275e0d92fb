"""Pilot tests of one writer per data folder: the second window is told, and an
answer into an attempt another window finished is refused with the reason shown."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from ui_helpers import SIZE, keys_for_right_answer, make_app, screen_text, settle, start_from_home

from latsar_tui.store.lock import InstanceLock
from latsar_tui.store.progress import ProgressStore
from latsar_tui.ui.screens.home import HomeScreen
from latsar_tui.ui.screens.other_window import OtherWindowScreen
from latsar_tui.ui.screens.quiz import QuizScreen


def _notices(app: object) -> str:
    return " ".join(str(n.message) for n in app._notifications)  # type: ignore[attr-defined]


async def test_a_second_window_is_told_and_can_go_on_read_only(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app = make_app(monkeypatch, tmp_path)
    other = InstanceLock(app.paths.lock_file)
    assert other.acquire()  # the first window
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, OtherWindowScreen)
            assert "sudah terbuka di jendela lain" in screen_text(app)
            await pilot.press("b")
            await settle(pilot)
            assert isinstance(app.screen, HomeScreen)
            assert app.store.read_only
            assert "hanya-baca" in _notices(app) and "hanya-baca" in app.sub_title
    finally:
        other.release()


async def test_answering_into_an_attempt_another_window_finished_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app = make_app(monkeypatch, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_from_home(pilot, downs=1, exam=False)
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        attempt_id = screen.session.attempt_id
        # The other window (its own connection) finishes the same attempt first.
        with ProgressStore.open(app.paths) as elsewhere:
            elsewhere.finish_attempt(attempt_id, datetime.now(UTC), 14.0, False)
        await pilot.press(*keys_for_right_answer(screen))
        await settle(pilot)
        assert "sudah diselesaikan" in _notices(app)
        assert not isinstance(app.screen, QuizScreen)
        assert app.store.answers_for_attempt(attempt_id) == []
        record = app.store.attempt(attempt_id)
        assert record is not None and record.percent == 14.0

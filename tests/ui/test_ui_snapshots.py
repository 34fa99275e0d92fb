"""SVG snapshots of the main screens at 100×30 on fixture content, fixed seed and clock.

Regenerate after a deliberate visual change with ``pytest tests/ui --snapshot-update``
and look at the new SVGs before committing them. No screen here has a blinking cursor
(no text input is on screen), so the captures are stable.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ui_helpers import SIZE, keys_for_right_answer, make_app, settle, start_from_home


async def _settled(pilot: Any) -> None:
    await settle(pilot, 0.2)


def test_home_snapshot(snap_compare: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    app = make_app(monkeypatch, tmp_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=_settled)


def test_lesson_snapshot(
    snap_compare: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    async def open_lesson(pilot: Any) -> None:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot, 0.3)

    app = make_app(monkeypatch, tmp_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=open_lesson)


def test_question_snapshot(
    snap_compare: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    async def open_question(pilot: Any) -> None:
        await settle(pilot)
        await start_from_home(pilot, downs=1, exam=False)
        await pilot.press(*keys_for_right_answer(pilot.app.screen), "enter")  # to question 2
        await settle(pilot, 0.3)

    app = make_app(monkeypatch, tmp_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=open_question)


def test_feedback_snapshot(
    snap_compare: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    async def scenario_feedback(pilot: Any) -> None:
        await settle(pilot)
        await start_from_home(pilot, downs=1, exam=False)
        for _ in range(3):  # single, multiple, true/false: answered right
            await pilot.press(*keys_for_right_answer(pilot.app.screen))
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
        await pilot.press("2")  # the scenario, answered with its second option
        await settle(pilot, 0.3)

    app = make_app(monkeypatch, tmp_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=scenario_feedback)


def test_results_snapshot(
    snap_compare: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    async def exam_results(pilot: Any) -> None:
        await settle(pilot)
        await start_from_home(pilot, downs=2, exam=True)
        await pilot.press(*keys_for_right_answer(pilot.app.screen), "right")
        await settle(pilot)
        for _ in range(2):  # the other two questions: the first option, right or not
            # An exam: the key marks, Enter answers, right moves on; x then y submits.
            await pilot.press("1", "enter", "right")
            await settle(pilot, 0.3)
        await pilot.press("x", "y")
        await settle(pilot, 0.3)
        # A toast lives for seconds of wall time: whether it is still up depends on
        # the machine's speed, so the picture is taken without it.
        pilot.app.clear_notifications()
        await settle(pilot)

    app = make_app(monkeypatch, tmp_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=exam_results)

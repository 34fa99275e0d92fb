"""Helpers for the UI tests: an app on fixture content only, and the screen as text."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from textual.app import App

from latsar_tui.content import roots as content_roots
from latsar_tui.content.loader import load_catalog
from latsar_tui.paths import Paths
from latsar_tui.quiz.clock import FakeClock
from latsar_tui.ui.app import LatsarApp

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ui"
SIZE = (100, 30)


def make_app(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    roots: Sequence[str] = ("basic",),
    *,
    clock: FakeClock | None = None,
    **options: Any,
) -> LatsarApp:
    """A LatsarApp that sees only the named fixture roots (no built-in content)."""
    empty = tmp_path / "empty-builtin"
    empty.mkdir(exist_ok=True)
    monkeypatch.setattr(content_roots, "builtin_content_root", lambda: empty)
    paths = Paths.resolve().ensure()
    extra = [FIXTURES / name for name in roots]
    options.setdefault("seed", 7)
    options.setdefault("tick_seconds", 0.05)
    return LatsarApp(
        paths,
        extra_content=extra,
        catalog_loader=lambda: load_catalog(paths, extra),
        clock=clock or FakeClock(),
        **options,
    )


def screen_text(app: App[Any]) -> str:
    """What the terminal shows right now, as plain text lines."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def settle(pilot: Any, delay: float = 0.15) -> None:
    """Let the content worker, timers, Markdown rendering and screen changes finish."""
    await pilot.pause(delay)
    waited = 0.0
    while getattr(pilot.app, "catalog_loading", False) and waited < 10.0:
        await pilot.pause(0.02)  # the catalog is read in a worker thread
        waited += 0.02
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


async def wait_until(pilot: Any, condition: Callable[[], bool], timeout: float = 5.0) -> bool:
    """Pause until ``condition()`` holds (timers fire late on a busy machine)."""
    waited = 0.0
    while not condition() and waited < timeout:
        await pilot.pause(0.05)
        waited += 0.05
    await settle(pilot, 0.05)
    return condition()


def keys_for_right_answer(screen: Any) -> list[str]:
    """The key presses that answer the quiz screen's question (or branching step) right.

    Reads only what is on screen (the display order the engine chose) and the model's
    right answer; the presses themselves go through the normal key bindings.
    """
    from latsar_tui.content.model import (
        BranchingQuestion,
        MultipleQuestion,
        OrderingQuestion,
        ScenarioQuestion,
        SingleQuestion,
        TrueFalseQuestion,
    )

    presented = screen.presented
    question = presented.question
    # With "konfirmasi jawaban" (on in Ujian) a key marks the option; Enter answers.
    then = ["enter"] if screen.confirm else []
    if isinstance(question, TrueFalseQuestion):
        return ["b" if question.answer else "s", *then]
    if isinstance(question, SingleQuestion):
        return [str(presented.display_index(question.correct_index) + 1), *then]
    if isinstance(question, ScenarioQuestion):
        return [str(presented.display_index(question.best_index) + 1), *then]
    if isinstance(question, MultipleQuestion):
        ticks = [str(presented.display_index(i) + 1) for i in sorted(question.correct_indices)]
        return [*ticks, "enter"]
    if isinstance(question, OrderingQuestion):
        # Selection sort with the widget's own keys: highlight, then move up with "-".
        current = list(screen.query_one("#answer").sequence)
        keys: list[str] = ["home"]
        highlighted = 0
        for target in range(len(current)):
            where = current.index(target)
            step = "down" if where > highlighted else "up"
            keys += [step] * abs(where - highlighted)
            keys += ["minus"] * (where - target)
            current.insert(target, current.pop(where))
            highlighted = target
        return [*keys, "enter"]
    assert isinstance(question, BranchingQuestion)
    from latsar_tui.quiz.scoring import step_best

    # Each step is judged on its own: its best choice, wherever the shuffle put it.
    step = question.step(screen.branch_step)
    best = next(i for i, c in enumerate(step.choices) if c.score == step_best(step))
    return [str(presented.step_order(step.id).index(best) + 1), *then]


async def start_from_home(pilot: Any, downs: int, exam: bool, scope_downs: int = 0) -> None:
    """From home: the row ``downs`` below the top, Enter, then mode and scope by keys."""
    await pilot.press(*(["down"] * downs), "enter")
    await settle(pilot)
    await pilot.press(*(["down"] if exam else []), "enter", *(["down"] * scope_downs), "enter")
    await settle(pilot)

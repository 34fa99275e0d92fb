"""Drives the TUI in English on the English fixture and prints every screen as JSON.

Run as its own process by tests/ui/test_ui_english.py: key labels and screen texts
are bound when the UI modules are imported, so the language must be set before that
import, as ``latsar --lang en`` does. Usage: ``python english_driver.py DATA_DIR``.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from latsar_tui import i18n  # noqa: E402

i18n.setup("en")

import pytest  # noqa: E402
from ui_helpers import keys_for_right_answer, make_app, screen_text, settle  # noqa: E402

from latsar_tui.content.model import MatchingQuestion, ShortAnswerQuestion  # noqa: E402
from latsar_tui.ui.screens.quiz import QuizScreen  # noqa: E402


async def drive(data: Path, width: int, height: int) -> dict[str, str]:
    """Every main screen and one question of every type, with feedback and results."""
    os.environ["LATSAR_HOME"] = str(data / "home")
    # The tests' own app factory: fixture content only, a fake clock, a fixed seed.
    app = make_app(pytest.MonkeyPatch(), data, roots=("english",))
    screens: dict[str, str] = {}
    async with app.run_test(size=(width, height)) as pilot:
        await settle(pilot)
        screens["home"] = screen_text(app)
        for key, name in (("s", "stats"), ("h", "history"), ("u", "review"), ("?", "help")):
            await pilot.press("question_mark" if key == "?" else key)
            await settle(pilot, 0.3)
            screens[name] = screen_text(app)
            await pilot.press("escape")
            await settle(pilot)
        await pilot.press("enter")  # the module: the lesson reader
        await settle(pilot, 0.3)
        screens["lesson"] = screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("down", "enter")  # the bank: choose mode and scope
        await settle(pilot)
        screens["choose"] = screen_text(app)
        await pilot.press("enter", "enter")
        await settle(pilot)
        number = 0
        while isinstance(app.screen, QuizScreen) and number < 12:
            screen = app.screen
            question = screen.presented.question
            number += 1
            screens[f"question {question.type}"] = screen_text(app)
            if isinstance(question, ShortAnswerQuestion):
                keys = [*question.answers[0], "enter"]
            elif isinstance(question, MatchingQuestion):
                letters = "abcdefghijkl"
                presented = screen.presented
                keys = [letters[presented.display_index(i)] for i in range(len(question.pairs))]
                keys.append("enter")
            else:
                keys = keys_for_right_answer(screen)
            if str(question.type) == "branching":
                await pilot.press(*keys)
                await settle(pilot)
                screens["branching consequence"] = screen_text(app)
                await pilot.press("enter")
                await settle(pilot)
                keys = keys_for_right_answer(screen)
            await pilot.press(*keys)
            await settle(pilot)
            screens[f"feedback {question.type}"] = screen_text(app)
            await pilot.press("enter")
            await settle(pilot)
        screens["results"] = screen_text(app)
    return screens


if __name__ == "__main__":
    width, height = (int(v) for v in (sys.argv[2] if len(sys.argv) > 2 else "100x30").split("x"))
    print(json.dumps(asyncio.run(drive(Path(sys.argv[1]), width, height)), ensure_ascii=False))

"""At 60x20, the smallest size the app is laid out for, every main screen is usable:
the prompt, every option and every footer key are on screen in full, for every
question type, answered by keys only."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Footer
from ui_helpers import keys_for_right_answer, make_app, screen_text, settle, start_from_home

from latsar_tui.content.model import (
    BranchingQuestion,
    MultipleQuestion,
    OrderingQuestion,
    ScenarioQuestion,
    SingleQuestion,
)
from latsar_tui.ui.screens.quiz import QuizScreen
from latsar_tui.ui.screens.results import ResultsScreen

SMALL = (60, 20)


def _flat(text: str) -> str:
    """Screen text with box drawing and line breaks gone, spaces collapsed: a text that
    wrapped over two lines inside a box still reads as one."""
    return " ".join(re.sub(r"[│┃╭╮╰╯━─┏┓┗┛▶▁▂▃▄▅▆▇█▉]", " ", text).split())


def _assert_footer_whole(app: Any) -> None:
    """Every action the footer offers is on screen whole, as "key description"."""
    if not app.screen.query(Footer):
        return  # a dialog: it says itself how to close it (checked by the caller)
    text = _flat(screen_text(app))
    offered: dict[str, list[str]] = {}
    for _node, binding, _enabled, _tip in app.screen.active_bindings.values():
        if binding.show and binding.description:
            shown = f"{app.get_key_display(binding)} {binding.description}"
            offered.setdefault(binding.action, []).append(shown)
    for action, labels in offered.items():
        # The footer shows one key per action (n and ] both go to the next lesson).
        assert any(label in text for label in labels), f"footer {labels} not whole ({action})"


def _visible_texts(question: Any, screen: QuizScreen) -> list[str]:
    if isinstance(question, SingleQuestion | MultipleQuestion | ScenarioQuestion):
        return [option.text for option in question.options]
    if isinstance(question, OrderingQuestion):
        return list(question.items)
    if isinstance(question, BranchingQuestion):
        step = question.step(screen.branch_step)
        return [choice.text for choice in step.choices]
    return ["Benar", "Salah"]


async def test_every_type_at_60x20(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    app = make_app(monkeypatch, tmp_path)
    seen = []
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert "Layar terminal terlalu kecil" not in screen_text(app)
        assert "Dasar Pelayanan Publik" in _flat(screen_text(app))
        _assert_footer_whole(app)
        await start_from_home(pilot, downs=1, exam=False)
        while isinstance(app.screen, QuizScreen):
            screen = app.screen
            question = screen.presented.question
            seen.append(str(question.type))
            steps = 2 if isinstance(question, BranchingQuestion) else 1
            for step in range(steps):
                text = _flat(screen_text(app))
                if step == 0:
                    assert _flat(question.prompt) in text, question.id
                for option in _visible_texts(question, screen):
                    assert option in text, (question.id, option)
                _assert_footer_whole(app)
                await pilot.press(*keys_for_right_answer(screen))
                await settle(pilot)
                if step + 1 < steps:
                    await pilot.press("enter")  # from the consequence to the next step
                    await settle(pilot)
            text = _flat(screen_text(app))
            assert "Benar" in text or "5 dari 5 poin" in text, question.id
            _assert_footer_whole(app)
            await pilot.press("enter")
            await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert "Skor 100%" in _flat(screen_text(app))
        _assert_footer_whole(app)
    assert sorted(seen) == sorted(
        ["single", "multiple", "true_false", "scenario", "ordering", "branching"]
    )


@pytest.mark.parametrize(
    ("key", "heading"),
    [
        ("enter", "Pelajaran 1 dari"),  # the lesson reader
        ("s", "Penguasaan per modul"),
        ("h", "Riwayat"),
        ("u", "Ulangi"),
        ("question_mark", "Esc untuk menutup"),
    ],
)
async def test_main_screens_at_60x20(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, key: str, heading: str
) -> None:
    app = make_app(monkeypatch, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        home = app.screen
        await pilot.press(key)
        await settle(pilot, 0.4)
        assert app.screen is not home, key
        assert heading in _flat(screen_text(app))
        _assert_footer_whole(app)


async def test_exam_time_left_stays_on_screen_at_60x20(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The status line of the CAT exam is longest once a question is answered and marked
    ragu-ragu; the time left must still be on it, whole, at 60 columns."""
    app = make_app(monkeypatch, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await start_from_home(pilot, downs=2, exam=True)
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        assert "Sisa waktu 01:00" in screen_text(app)
        await pilot.press(*keys_for_right_answer(screen), "r")
        await settle(pilot)
        status = screen_text(app).splitlines()[1]  # under the header
        assert "dijawab" in status and re.search(r"Sisa waktu \d\d:\d\d", status), status
        _assert_footer_whole(app)


async def test_exam_key_hint_wraps_between_keys_at_60x20(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The exam's key hint is longer than 60 columns: it wraps, and only between keys."""
    app = make_app(monkeypatch, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await start_from_home(pilot, downs=2, exam=True)
        lines = screen_text(app).splitlines()
        hint = [line.strip() for line in lines if "pindah" in line or "ragu" in line]
        assert "r ragu" in " ".join(hint) and "g daftar" in " ".join(hint), hint
        for line in hint:
            assert not line.endswith((" r", " g", "→")), line  # no key without its word

"""Ordering feedback shows the learner's own steps in full at any width (issue 10)."""

from __future__ import annotations

import re

from textual.app import App, ComposeResult
from textual.widgets import Static

from latsar_tui.content.model import OrderingQuestion
from latsar_tui.ui.widgets.feedback import ordering_columns

LONG = "Mencatat pengaduan lengkap dengan nama pelapor, waktu, dan pokok keluhannya"
QUESTION = OrderingQuestion(
    id="o1",
    prompt="Urutkan.",
    explanation="Karena begitu.",
    items=("Menerima pengaduan", LONG, "Menindaklanjuti", "Mengabari pelapor"),
)


class _Show(App[None]):
    def compose(self) -> ComposeResult:
        yield Static(ordering_columns(QUESTION, (1, 0, 2, 3)))


async def test_long_steps_wrap_instead_of_being_cut() -> None:
    app = _Show()
    async with app.run_test(size=(44, 20)) as pilot:
        await pilot.pause()
        lines = [strip.text for strip in app.screen._compositor.render_strips()]
    text = " ".join(" ".join(lines).split())
    assert "…" not in text
    assert LONG in text  # the learner's own wrong first step, whole
    assert "✗ 1. " + LONG.split(maxsplit=1)[0] in text and "✓ 3. Menindaklanjuti" in text
    assert re.search(r"yang benar: Menerima pengaduan", text)

"""Statistics at 80 and 100 columns: each mastery row (module, lesson, tag) stays on one
line, the title cut with an ellipsis, and its percentage always printed as text."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_helpers import keys_for_right_answer, make_app, screen_text, settle, start_from_home

from latsar_tui.review.stats import Mastery
from latsar_tui.ui.screens.stats import StatsScreen
from latsar_tui.ui.widgets.mastery import MasteryTable


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_mastery_rows_fit_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(monkeypatch, tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await start_from_home(pilot, downs=1, exam=False)
        await pilot.press(*keys_for_right_answer(app.screen))
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot, 0.3)
        screen = app.screen
        assert isinstance(screen, StatsScreen) and screen.stats is not None
        for widget_id, rows in (
            ("#stats-modules", screen.stats.by_module),
            ("#stats-lessons", screen.stats.by_lesson),
            ("#stats-tags", screen.stats.by_tag),
        ):
            assert rows
            # A header line and one line per row: nothing wrapped.
            assert screen.query_one(widget_id).size.height == len(rows) + 1
        text = screen_text(app)
        row = next(line for line in text.splitlines() if "Dasar Pelayanan Publik" in line)
        assert "1/9" in row and "100%" in row and "%" in row.split("1/9")[0]


def test_long_titles_are_cut_with_an_ellipsis_and_keep_every_figure() -> None:
    rows = [
        Mastery("a", "Judul [bold]yang[/] sangat panjang sekali " * 3, 120, 7, 41.6, 80.0, 93.2),
        Mastery("b", "Pendek", 3, 0, 0.0, None, None),
    ]
    for width in (74, 94):
        lines = [line.plain for line in MasteryTable(rows, "Pelajaran").lines(width)]
        assert all(len(line) <= width for line in lines), lines
        assert lines[0].startswith("Pelajaran")
        assert "Judul [bold]yang[/]" in lines[1] and "…" in lines[1]
        assert lines[1].rstrip().endswith("93%") and " 42%" in lines[1] and "7/120" in lines[1]
        assert "80%" in lines[1]
        assert lines[2].startswith("Pendek") and " 0%" in lines[2] and "0/3" in lines[2]

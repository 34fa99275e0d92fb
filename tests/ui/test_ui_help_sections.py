"""`?` opens the help at the keys of the screen it was pressed on, and on the
statistics screen every figure there is defined."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_helpers import make_app, screen_text, settle

from latsar_tui.ui.screens.help import HelpScreen
from latsar_tui.ui.screens.stats import StatsScreen


async def test_help_on_the_statistics_screen_defines_its_figures(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app = make_app(monkeypatch, tmp_path)
    async with app.run_test(size=(80, 40)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, StatsScreen)
        await pilot.press("question_mark")
        await settle(pilot, 0.3)
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Di mana saja" not in text and "Beranda" not in text
        assert "Statistik" in text and "Arti setiap angka" in text
        for figure in ("Ingatan saat ini:", "Penguasaan (kolom):", "Benar (kolom):"):
            assert figure in text

"""The smaller points of issue 10: the palette in Indonesian and finding lessons, the
history with ISO dates and lulus/belum lulus."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from ui_helpers import SIZE, make_app, screen_text, settle, wait_until

from latsar_tui.store.progress import AttemptItem
from latsar_tui.ui.screens.history import HistoryScreen
from latsar_tui.ui.screens.lesson import LessonScreen


async def test_the_palette_speaks_indonesian_and_finds_lessons(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app = make_app(monkeypatch, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"tema")
        assert await wait_until(pilot, lambda: "Ganti tema warna tampilan" in screen_text(app))
        assert "Change the current theme" not in screen_text(app)
        await pilot.press(*["backspace"] * 4, *"zzqxw")
        assert await wait_until(pilot, lambda: "Tidak ada yang cocok" in screen_text(app))
        assert "No matches found" not in screen_text(app)
        await pilot.press(*["backspace"] * 5, *"Satu-satunya")
        assert await wait_until(pilot, lambda: "Pelajaran: Satu-satunya" in screen_text(app))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LessonScreen)
        assert app.screen.lesson.title.startswith("Satu-satunya")


async def test_history_shows_iso_dates_and_whether_an_exam_passed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app = make_app(monkeypatch, tmp_path)
    for percent in (50.0, 80.0):
        attempt_id = app.store.create_attempt(
            mode="ujian",
            title=f"Ujian {percent:.0f}",
            scope_json='{"scope": {}, "pass_mark": 70}',
            seed=1,
            items=[AttemptItem(0, "b", "q", "h")],
        )
        app.store.finish_attempt(attempt_id, datetime(2026, 12, 2, 8, tzinfo=UTC), percent, False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        text = screen_text(app)
        assert re.search(r"2026-12-0[12] \d\d:\d\d", text), text
        assert "02-12-2026" not in text
        rows = [line for line in text.splitlines() if "Ujian 50" in line or "Ujian 80" in line]
        assert len(rows) == 2
        assert all(("belum lulus" in r) == ("Ujian 50" in r) for r in rows), rows
        assert any(" lulus " in r and "Ujian 80" in r for r in rows), rows

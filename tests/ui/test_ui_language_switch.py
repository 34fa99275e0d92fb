"""The palette's language entry saves the choice and ends the app for its restart."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_helpers import SIZE, make_app, settle

from latsar_tui.settings import load_settings


async def test_choosing_english_saves_it_and_asks_for_a_restart(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app = make_app(monkeypatch, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.set_language("id")  # the language in use: nothing to do
        assert app.language_restart is None and app.is_running
        app.set_language("en")
        await pilot.pause()
    assert app.language_restart == "en"
    assert load_settings(app.paths).language == "en"

"""The app makes no network connection: with sockets blocked the main flows still work."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from ui_helpers import SIZE, make_app, settle

from latsar_tui.ui.screens.home import HomeScreen


class _NoNetwork(socket.socket):
    def __init__(self, *args: object, **kwargs: object) -> None:
        raise AssertionError("the app tried to open a socket")


async def test_home_review_and_stats_without_sockets(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app = make_app(monkeypatch, tmp_path)
    async with app.run_test(size=SIZE) as pilot:  # the event loop's own pipe comes first
        monkeypatch.setattr(socket, "socket", _NoNetwork)
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen) and app.catalog.banks
        app.action_reload_content()
        await settle(pilot)
        await pilot.press("s")  # statistics
        await settle(pilot)
        await pilot.press("escape", "u")  # review hub
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)

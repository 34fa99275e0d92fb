"""run_app, the CLI's door into the TUI: an unusable database is a clean error."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest

from latsar_tui.commands.base import CommandContext, CommandError
from latsar_tui.paths import Paths
from latsar_tui.store.db import APPLICATION_ID
from latsar_tui.ui import app as app_module
from latsar_tui.ui.app import run_app


def test_run_app_refuses_a_database_from_a_newer_version(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    def never_run(self: Any) -> None:
        raise AssertionError("the TUI must not start on an unusable database")

    monkeypatch.setattr(app_module.LatsarApp, "run", never_run)
    with sqlite3.connect(paths.database) as conn:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("PRAGMA user_version = 999")
    with pytest.raises(CommandError, match="lebih baru"):
        run_app(CommandContext(paths=paths))
    with sqlite3.connect(paths.database) as conn:  # left untouched
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 999

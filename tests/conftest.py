"""Fixtures shared by every test: an isolated data folder, never the developer's home."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# The tests speak the default language whatever the developer's shell chose; tests of
# English set it themselves (in their own process where the UI is involved).
os.environ.pop("LATSAR_LANG", None)

from latsar_tui import i18n
from latsar_tui.paths import ENV_CONTENT, ENV_HOME, Paths


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point LATSAR_HOME at a fresh temporary folder and drop LATSAR_CONTENT."""
    home = tmp_path / "latsar-home"
    monkeypatch.setenv(ENV_HOME, str(home))
    monkeypatch.delenv(ENV_CONTENT, raising=False)
    i18n.setup(i18n.DEFAULT_LANGUAGE)
    yield home


@pytest.fixture
def paths(isolated_home: Path) -> Paths:
    """Resolved paths inside the isolated home, folders created."""
    return Paths.resolve().ensure()

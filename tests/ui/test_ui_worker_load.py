"""The first frame does not wait for content: it is read in a worker thread."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from ui_helpers import FIXTURES, SIZE, screen_text, wait_until

from latsar_tui.content import roots as content_roots
from latsar_tui.content.loader import load_catalog
from latsar_tui.content.model import Catalog
from latsar_tui.paths import Paths
from latsar_tui.quiz.clock import FakeClock
from latsar_tui.ui.app import LatsarApp
from latsar_tui.ui.screens.home import HomeScreen


async def test_home_screen_shows_before_a_slow_loader_finishes(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    empty = tmp_path / "empty-builtin"
    empty.mkdir()
    monkeypatch.setattr(content_roots, "builtin_content_root", lambda: empty)
    paths = Paths.resolve().ensure()
    extra = [FIXTURES / "basic"]
    release = threading.Event()
    started = threading.Event()

    def slow_loader() -> Catalog:
        started.set()
        release.wait(timeout=20)  # the test decides when loading ends
        return load_catalog(paths, extra)

    app = LatsarApp(paths, extra_content=extra, catalog_loader=slow_loader, clock=FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.1)
        assert started.is_set()
        assert isinstance(app.screen, HomeScreen)
        assert app.catalog_loading
        text = screen_text(app)
        assert "Memuat konten" in text  # the progress note while the worker reads
        assert app.screen.query_one("#catalog").loading
        release.set()
        assert await wait_until(pilot, lambda: not app.catalog_loading)
        text = screen_text(app)
        assert "Memuat konten" not in text
        assert app.catalog.banks  # the home table filled in
        assert app.screen.query_one("#catalog").has_focus


async def test_a_failing_loader_is_reported_not_a_crash(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    paths = Paths.resolve().ensure()

    def broken_loader() -> Catalog:
        raise OSError("disk dicabut")

    app = LatsarApp(paths, catalog_loader=broken_loader, clock=FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        assert await wait_until(pilot, lambda: not app.catalog_loading)
        assert isinstance(app.screen, HomeScreen)
        assert any("disk dicabut" in str(n.message) for n in app._notifications)


def test_first_frame_imports_skip_other_screens() -> None:
    """Importing the app does not import plotext or the statistics screen."""
    import subprocess

    code = (
        "import sys, latsar_tui.ui.app; "
        "print(sorted(m for m in ('plotext', 'latsar_tui.ui.screens.stats', "
        "'importlib.metadata', 'latsar_tui.ui.screens.quiz') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"

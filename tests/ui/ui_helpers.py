"""Helpers for the UI tests: an app on fixture content only, and the screen as text."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from textual.app import App

from latsar_tui.content import roots as content_roots
from latsar_tui.content.loader import load_catalog
from latsar_tui.paths import Paths
from latsar_tui.quiz.clock import FakeClock
from latsar_tui.ui.app import LatsarApp

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ui"
SIZE = (100, 30)


def make_app(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    roots: Sequence[str] = ("basic",),
    *,
    clock: FakeClock | None = None,
    **options: Any,
) -> LatsarApp:
    """A LatsarApp that sees only the named fixture roots (no built-in content)."""
    empty = tmp_path / "empty-builtin"
    empty.mkdir(exist_ok=True)
    monkeypatch.setattr(content_roots, "builtin_content_root", lambda: empty)
    paths = Paths.resolve().ensure()
    extra = [FIXTURES / name for name in roots]
    options.setdefault("seed", 7)
    options.setdefault("tick_seconds", 0.05)
    return LatsarApp(
        paths,
        extra_content=extra,
        catalog_loader=lambda: load_catalog(paths, extra),
        clock=clock or FakeClock(),
        **options,
    )


def screen_text(app: App[Any]) -> str:
    """What the terminal shows right now, as plain text lines."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())

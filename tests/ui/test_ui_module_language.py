"""Content stays in the language it was written in, and says so (issue 13).

A module whose ``language`` differs from the interface shows the language's name on
the home screen and in the lesson reader's title line; one in the interface's own
language shows nothing extra. Only the tag is asserted: it does not depend on the
English catalogue.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from ui_helpers import FIXTURES, SIZE, make_app, screen_text, settle

from latsar_tui import i18n
from latsar_tui.i18n import content_language_note
from latsar_tui.ui.screens.lesson import LessonScreen


@pytest.fixture
def english() -> Iterator[None]:
    """The English interface for one test; Indonesian again afterwards, whatever happens."""
    assert i18n.setup("en") == "en"
    try:
        yield
    finally:
        i18n.setup("id")


def _content(tmp_path: Path) -> str:
    """The basic fixture with "Modul Kedua" written in English (``language: en``)."""
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "basic", root)
    second = root / "modules" / "kedua.yaml"
    second.write_text(second.read_text(encoding="utf-8") + "language: en\n", encoding="utf-8")
    return str(root)


def _row(text: str, title: str) -> str:
    return next(line for line in text.splitlines() if title in line)


async def test_english_interface_names_indonesian_modules(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, english: None
) -> None:
    app = make_app(monkeypatch, tmp_path, roots=(_content(tmp_path),))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "(in Indonesian)" in _row(text, "Dasar Pelayanan Publik")
        assert "(" not in _row(text, "Modul Kedua")  # English, like the interface
        await pilot.press("enter")  # the first module, in the lesson reader
        await settle(pilot)
        assert isinstance(app.screen, LessonScreen)
        assert "Pengantar Pelayanan (in Indonesian)" in screen_text(app)


async def test_indonesian_interface_names_only_the_english_module(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert i18n.current_language() == "id"
    app = make_app(monkeypatch, tmp_path, roots=(_content(tmp_path),))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "berbahasa Indonesia" not in text
        assert "(berbahasa Inggris)" in _row(text, "Modul Kedua")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LessonScreen)
        text = screen_text(app)
        assert "Pengantar Pelayanan" in text and "berbahasa" not in text


def test_language_note_reads_the_primary_subtag(english: None) -> None:
    assert content_language_note("id-ID") == "(in Indonesian)"
    assert content_language_note("en-GB") == ""
    assert content_language_note("jv") == "(in jv)"  # no name for Javanese: the tag as written

"""Text from YAML with Rich/Textual markup and brackets appears exactly as written."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_helpers import SIZE, keys_for_right_answer, make_app, screen_text, settle

from latsar_tui.ui.screens.quiz import QuizScreen
from latsar_tui.ui.screens.results import ResultsScreen


async def test_markup_in_content_is_shown_literally(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app = make_app(monkeypatch, tmp_path, roots=("markup",), seed=3)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Modul [bold]Kurung[/] Siku" in text
        assert "Latihan [bold]Kurung[/]" in text
        await pilot.press("enter")
        await settle(pilot)
        text = screen_text(app)
        assert "Pelajaran [i]miring[/i]" in text
        assert "Teks isi dengan [bold]tebal palsu[/] dan [red tanpa penutup." in text
        assert "Poin [b]penting[/b] \\ garis miring" in text
        await pilot.press("escape", "down", "enter")
        await settle(pilot)
        await pilot.press("enter", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        text = screen_text(app)
        assert "Pilih [bold]yang[/] benar [link=x]di sini[/link] [" in text
        assert "[b]Benar[/b] kurung" in text and "Opsi [dim]redup" in text
        await pilot.press(*keys_for_right_answer(screen))
        await settle(pilot)
        text = screen_text(app)
        assert "Umpan [/] balik [red]merah[" in text
        assert "Pembahasan [u]garis[/u] bawah." in text
        await pilot.press("enter")
        await settle(pilot)
        text = screen_text(app)
        assert "Situasi [on red]latar[/on red] merah" in text
        assert "Langkah [@click=app.quit]keluar[/] apa?" in text
        assert "Opsi [5] lima" in text and "Opsi [1] satu" in text
        await pilot.press("2" if "1/a  Opsi [1] satu" in text else "1")
        await settle(pilot)
        text = screen_text(app)
        assert "Satu [/bold] poin" in text and "Lima [b]poin[/b]" in text
        assert "Penjelasan [/]." in text
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("down")
        await settle(pilot)
        assert "Pilih [bold]yang[/] benar [link=x]di sini[/link] [" in screen_text(app)
        # Command palette entries built from YAML titles stay literal too.
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"Kurung")
        await settle(pilot, 0.4)
        text = screen_text(app)
        assert "Modul: Modul [bold]Kurung[/] Siku" in text
        assert "Bank soal: Latihan [bold]Kurung[/]" in text

"""Pilot walks: home, lesson reader, broken files, small terminal, help and palette."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_helpers import SIZE, make_app, screen_text, settle, wait_until

from latsar_tui.quiz.clock import FakeClock
from latsar_tui.ui.screens.home import HomeScreen
from latsar_tui.ui.screens.lesson import LessonScreen, reading_seconds
from latsar_tui.ui.screens.quiz import QuizScreen


async def test_home_to_lesson_to_next_lesson(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    clock = FakeClock()
    app = make_app(monkeypatch, tmp_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Selamat datang di Latsar" in text
        assert "Dasar Pelayanan Publik" in text and "Latihan Dasar Pelayanan" in text
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LessonScreen)
        text = screen_text(app)
        assert "Pelajaran 1 dari 3" in text and "Pengantar Pelayanan" in text
        assert "Undang-Undang Nomor 25 Tahun 2009" in text  # sources as text
        assert "https://example.invalid/uu-25-2009" in text
        await pilot.press("n")
        await settle(pilot)
        text = screen_text(app)
        assert "Pelajaran 2 dari 3" in text and "Standar pelayanan" in text
        # The short first lesson fit on screen, so it was read; the long second one
        # needs scrolling and is read only after its reading time at 200 words/min.
        assert app.store.lessons_read("dasar") == {"pengantar"}
        lesson = app.screen.lesson
        needed = reading_seconds(lesson, 200)
        words = len(lesson.body.split()) + sum(len(p.split()) for p in lesson.key_points)
        assert needed == pytest.approx(max(5.0, words * 60 / 200))
        clock.advance(needed - 1)
        await settle(pilot)
        assert "standar" not in app.store.lessons_read("dasar")
        clock.advance(2)
        assert await wait_until(pilot, lambda: "standar" in app.store.lessons_read("dasar"))
        assert app.store.lessons_read("dasar") == {"pengantar", "standar"}
        await pilot.press("n")
        await settle(pilot)
        assert "Pelajaran 3 dari 3" in screen_text(app)
        await pilot.press("p", "p")
        await settle(pilot)
        assert "Pelajaran 1 dari 3" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "100%" in screen_text(app)  # the short third lesson was read too
        assert "Selamat datang" not in screen_text(app)


async def test_a_lesson_covered_by_another_screen_is_not_read_by_time(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    clock = FakeClock()
    app = make_app(monkeypatch, tmp_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter", "n")
        await settle(pilot)
        needed = reading_seconds(app.screen.lesson, 200)
        await pilot.press("question_mark")  # the help covers the lesson
        await settle(pilot)
        clock.advance(needed * 3)
        await settle(pilot, 0.3)
        assert "standar" not in app.store.lessons_read("dasar")
        await pilot.press("escape")  # visible again: the clock counts from now
        await settle(pilot, 0.3)
        assert "standar" not in app.store.lessons_read("dasar")
        clock.advance(needed + 1)
        assert await wait_until(pilot, lambda: "standar" in app.store.lessons_read("dasar"))


async def test_lesson_read_when_scrolled_to_end(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app = make_app(monkeypatch, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter", "n")
        await settle(pilot)
        assert "standar" not in app.store.lessons_read("dasar")
        await pilot.press("enter", "end")  # focus the lesson body, scroll to its end
        await settle(pilot)
        assert "standar" in app.store.lessons_read("dasar")


async def test_broken_bank_listed_and_valid_bank_usable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app = make_app(monkeypatch, tmp_path, roots=("broken",))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Berkas yang tidak dapat dimuat (1)" in text
        assert "tests/fixtures/ui/broken/question_banks/rusak.yaml:11:" in text
        assert "'feedbak' bukan field opsi" in text  # the message (wrapped on screen)
        assert "Bank yang Valid" in text
        await pilot.press("enter")  # the valid bank is the only row
        await settle(pilot)
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, QuizScreen)
        assert "Bumi itu bulat." in screen_text(app)


async def test_small_terminal_shows_notice(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    app = make_app(monkeypatch, tmp_path)
    async with app.run_test(size=(59, 20)) as pilot:
        await settle(pilot)
        assert "Layar terminal terlalu kecil" in screen_text(app)
        await pilot.resize_terminal(60, 20)  # the smallest size the app is laid out for
        await settle(pilot)
        text = screen_text(app)
        assert "Layar terminal terlalu kecil" not in text
        assert "Dasar Pelayanan Publik" in text


async def test_help_and_command_palette(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    app = make_app(monkeypatch, tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "down", "k")  # "Modul Kedua" has no questions
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "Belum ada soal untuk materi ini." in screen_text(app)
        await pilot.press("question_mark")
        await settle(pilot)
        # Opened at the home screen's keys, not at the top ("Di mana saja").
        assert "Di mana saja" not in screen_text(app)
        assert "Ulangi: soal jatuh tempo, persiapan ujian, kesalahan" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"Modul Kedua")
        await settle(pilot, 0.4)
        assert "Modul: Modul Kedua" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LessonScreen)
        assert "Satu-satunya Pelajaran" in screen_text(app)
        # The review entries: nothing answered yet, so no mistakes to drill.
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"kesalahan")
        assert await wait_until(pilot, lambda: "Soal yang jawaban terakhirnya" in screen_text(app))
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: "Tidak ada kesalahan" in screen_text(app))
        assert isinstance(app.screen, LessonScreen)

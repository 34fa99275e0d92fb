"""Long option texts wrap with a hanging indent: continuation lines start under the
option's text, not under its ``▶ 1/a`` keys or its ``5 poin`` head, at 80×24 and 100×30."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from ui_helpers import FIXTURES, keys_for_right_answer, settle, start_from_home

from latsar_tui.content import roots as content_roots
from latsar_tui.content.loader import load_catalog
from latsar_tui.paths import Paths
from latsar_tui.quiz.clock import FakeClock
from latsar_tui.ui.app import LatsarApp
from latsar_tui.ui.screens.quiz import QuizScreen
from latsar_tui.ui.widgets.answer_lists import ChoiceList

LONG_OPTIONS = [
    {
        "text": "Memproses bagian berkas yang sudah lengkap hari ini juga, lalu menuliskan "
        "dokumen yang kurang dan nomor layanan yang bisa dihubungi oleh [bold]warga[/].",
        "score": 5,
        "feedback": "Inilah perilaku berorientasi pelayanan yang utuh: memahami kebutuhan "
        "warga serta bersikap cekatan dan solutif, apalagi bagi kelompok rentan.",
    },
    {
        "text": "Mengarahkan warga ke meja informasi agar ditanyakan lagi persyaratan "
        "lengkapnya di sana walaupun Anda sudah tahu apa yang kurang.",
        "score": 2,
        "feedback": "Warga dipingpong ke meja lain; kebutuhannya tidak terpenuhi dan "
        "waktunya terbuang, bertentangan dengan asas kemudahan.",
    },
    {
        "text": "Menjelaskan bahwa loket segera tutup dan meminta warga kembali besok pagi "
        "dengan berkas yang lengkap tanpa menyebutkan apa yang kurang.",
        "score": 1,
        "feedback": "Jujur soal waktu, tetapi warga belum tahu apa yang harus dibawa.",
    },
    {
        "text": "Menyebutkan dokumen yang kurang dengan jelas, menuliskannya di kertas, dan "
        "berjanji melayaninya lebih dahulu besok pagi tanpa perlu mengantre lagi.",
        "score": 4,
        "feedback": "Ramah dan jelas, tetapi bagian yang lengkap bisa diproses hari ini.",
    },
    {
        "text": "Mengatakan bahwa berkasnya tidak lengkap, meminta warga melengkapinya "
        "sendiri, lalu memanggil nomor antrean berikutnya tanpa penjelasan lain.",
        "score": 3,
        "feedback": "Prosedurnya benar, tetapi warga pulang tanpa tahu apa yang kurang.",
    },
]


def _long_root(tmp_path: Path) -> Path:
    """The basic fixture with its scenario's options made long enough to wrap."""
    root = tmp_path / "long"
    shutil.copytree(FIXTURES / "basic", root)
    bank_path = root / "question_banks" / "dasar-latihan.yaml"
    bank = yaml.safe_load(bank_path.read_text(encoding="utf-8"))
    for question in bank["questions"]:
        if question["type"] == "scenario":
            question["options"] = LONG_OPTIONS
    bank_path.write_text(yaml.safe_dump(bank, allow_unicode=True), encoding="utf-8")
    return root


def _app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> LatsarApp:
    empty = tmp_path / "empty-builtin"
    empty.mkdir()
    monkeypatch.setattr(content_roots, "builtin_content_root", lambda: empty)
    paths = Paths.resolve().ensure()
    extra = [_long_root(tmp_path)]
    return LatsarApp(
        paths,
        extra_content=extra,
        catalog_loader=lambda: load_catalog(paths, extra),
        clock=FakeClock(),
        seed=7,
        tick_seconds=0.05,
    )


# Every kind of row head: an answer option, a scenario's points, a feedback line.
ANY_HEAD = re.compile(r"[▶ ] \d/[a-h]  |[▶ ] \d poin  |↳ ")


def _lines(app: Any) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def _inner(line: str) -> str:
    """A line without the boxes' borders and scrollbars around it."""
    return line.strip("│┃ ▁▂▃▄▅▆▇█")


def _indent(line: str) -> int:
    """The column where a line's text starts (borders and spaces skipped)."""
    return len(line) - len(line.lstrip("│┃ "))


def _check_hanging(lines: list[str], head: re.Pattern[str]) -> int:
    """Every continuation of a row whose head matches starts at that row's text column.

    A row goes on until the next row of any kind, a blank line or a box edge.
    Returns how many continuation lines were checked.
    """
    checked = 0
    for number, line in enumerate(lines):
        match = head.search(line)
        if not match:
            continue
        column = match.end()
        for following in lines[number + 1 :]:
            inner = _inner(following)
            if not inner or ANY_HEAD.search(following) or "━" in following or "─" in following:
                break
            assert _indent(following) == column, "\n".join(lines)
            checked += 1
    return checked


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_long_options_hang_under_their_text(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = _app(monkeypatch, tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await start_from_home(pilot, downs=1, exam=False)
        for _ in range(3):  # single, multiple, true/false
            await pilot.press(*keys_for_right_answer(app.screen))
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        assert str(screen.presented.question.type) == "scenario"

        lines = _lines(app)
        assert _check_hanging(lines, re.compile(r"[▶ ] \d/[a-h]  ")) >= 3
        # Brackets in option text are shown as written, not taken as markup.
        answer = screen.query_one("#answer", ChoiceList)
        prompts = [answer.get_option_at_index(i).prompt for i in range(answer.option_count)]
        assert any("[bold]warga[/]." in getattr(prompt, "plain", "") for prompt in prompts)

        if size == (80, 24):
            # The last long options sit below the body's edge; ↓ scrolls to them.
            assert not any("5/e" in line for line in lines), "\n".join(lines)
            await pilot.press("down", "down", "down", "down")
            await settle(pilot, 0.3)
            assert any("▶ 5/e" in line for line in _lines(app)), "\n".join(_lines(app))
            await pilot.press("up", "up", "up", "up")
            await settle(pilot, 0.3)
            assert any("▶ 1/a" in line for line in _lines(app))

        await pilot.press("2")
        await settle(pilot, 0.3)
        lines = _lines(app)
        assert _check_hanging(lines, re.compile(r"[▶ ] \d poin  ")) >= 3
        # A feedback line hangs too: its continuation starts after "↳ ".
        assert _check_hanging(lines, re.compile(r"↳ ")) >= 1

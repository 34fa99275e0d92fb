"""The plain (screen-reader) front end, driven by scripted input lines."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from latsar_tui.content.loader import load_catalog
from latsar_tui.content.model import Catalog
from latsar_tui.paths import Paths
from latsar_tui.plain.runner import PlainApp, markdown_to_plain
from latsar_tui.store.progress import ProgressStore

MODULE = """\
schema: latsar/module@1
id: uji
title: Modul [b]Uji[/b]
summary: Ringkasan.
sources:
  - id: sumber
    title: Sumber Uji
lessons:
  - id: satu
    title: Pelajaran Satu
    body: |
      ### Judul

      Isi **tebal** pertama.
    key_points: [Poin A]
    sources: [sumber]
  - id: dua
    title: Pelajaran Dua
    body: Isi kedua.
"""

BANK = """\
schema: latsar/bank@1
id: uji-bank
title: Bank Uji
module: uji
questions:
  - id: s1
    type: single
    lesson: satu
    sources: [sumber]
    prompt: "Pilih [red]merah[/red]"
    explanation: Karena merah.
    options:
      - {text: "[red]", correct: true, feedback: Tepat sekali.}
      - {text: biru}
  - id: t1
    type: true_false
    lesson: satu
    sources: [sumber]
    prompt: Langit biru.
    explanation: Langit tampak biru.
    answer: true
"""

CASE_BANK = """\
schema: latsar/bank@1
id: uji-kasus
title: Kasus Uji
module: uji
questions:
  - id: k1
    type: branching
    lesson: satu
    sources: [sumber]
    context: Seorang warga datang.
    prompt: Ikuti kasus ini.
    explanation: Karena begitu.
    start: awal
    steps:
      awal:
        text: Langkah pertama.
        choices:
          - {text: Sapa warga, score: 5, feedback: Warga merasa dihargai., next: akhir}
          - {text: Abaikan, score: 0, feedback: Warga kesal., next: akhir}
      akhir:
        text: Langkah kedua.
        choices:
          - {text: Selesaikan, score: 5, feedback: Tuntas.}
          - {text: Tunda, score: 1, feedback: Tertunda.}
"""


@pytest.fixture
def catalog(tmp_path: Path) -> Catalog:
    root = tmp_path / "konten"
    (root / "modules").mkdir(parents=True)
    (root / "question_banks").mkdir()
    (root / "modules" / "uji.yaml").write_text(MODULE, encoding="utf-8")
    (root / "question_banks" / "uji-bank.yaml").write_text(BANK, encoding="utf-8")
    (root / "question_banks" / "uji-kasus.yaml").write_text(CASE_BANK, encoding="utf-8")
    loaded = load_catalog(Paths.resolve(tmp_path / "home"), [root])
    ours = [f.format() for f in loaded.findings if "konten" in f.path]
    assert not ours, ours
    ours = tuple(b for b in loaded.banks if b.id.startswith("uji-"))
    return Catalog(modules=tuple(m for m in loaded.modules if m.id == "uji"), banks=ours)


@pytest.fixture
def store(paths: Paths) -> Iterator[ProgressStore]:
    with ProgressStore.open(paths) as opened:
        yield opened


SAVED_NONE = (
    "Sesi disimpan; 0 jawaban sudah tersimpan. Lanjutkan dari menu utama, pilihan 6: "
    "Lanjutkan sesi yang belum selesai."
)


def _run(catalog: Catalog, store: ProgressStore, replies: list[str]) -> list[str]:
    out: list[str] = []
    feed = iter(replies)

    def ask(prompt: str) -> str:
        out.append(prompt)
        return next(feed)

    assert PlainApp(catalog, store, ask=ask, say=out.append).run() == 0
    return out


def test_reading_lessons_marks_them_read(catalog: Catalog, store: ProgressStore) -> None:
    out = _run(catalog, store, ["1", "1", "1", "", "", "q"])
    text = "\n".join(out)
    assert "1. Modul [b]Uji[/b] (0 dari 2 materi dibaca)" in out
    assert "Isi tebal pertama." in text
    assert "Sumber: Sumber Uji" in out
    assert "Ini materi terakhir modul ini." in out
    assert store.lessons_read("uji") == {"satu", "dua"}


def test_practice_shows_literal_text_and_feedback(catalog: Catalog, store: ProgressStore) -> None:
    out: list[str] = []
    menu = iter(["2", "1", "q"])  # Latihan, the first bank; at the end, q leaves

    def ask(prompt: str) -> str:
        out.append(prompt)
        if not prompt.startswith("Jawaban"):
            return next(menu)
        if out[-4] == "Langit biru.":
            return "1"  # Benar
        # Options are shown shuffled: pick the number printed before "[red]".
        return next(line for line in reversed(out) if line.endswith(". [red]"))[0]

    assert PlainApp(catalog, store, ask=ask, say=out.append).run() == 0
    assert "Pilih [red]merah[/red]" in out
    assert "Tepat sekali." in out
    assert "Penjelasan: Karena merah." in out
    assert out.count("Benar.") == 2
    assert "Nilai 100 persen, 2 dari 2 poin, 2 dari 2 soal dijawab." in out
    assert len(store.finished_attempts()) == 1


def test_quitting_mid_quiz_keeps_the_attempt_resumable(
    catalog: Catalog, store: ProgressStore
) -> None:
    out = _run(catalog, store, ["2", "1", "q", "q"])
    assert SAVED_NONE in out
    assert len(store.unfinished_attempts()) == 1
    assert "6. Lanjutkan sesi yang belum selesai" in out


def test_review_offers_new_questions_and_saves_when_left(
    catalog: Catalog, store: ProgressStore
) -> None:
    out = _run(catalog, store, ["4", "q", "q"])
    assert "4. Ulangi (3 soal untuk hari ini)" in out
    assert out[out.index("Ulangi") + 1] == "3 soal."
    assert [a.title for a in store.unfinished_attempts()] == ["Ulangi"]


def test_mistakes_drill_without_mistakes_says_so(catalog: Catalog, store: ProgressStore) -> None:
    out = _run(catalog, store, ["5", "q"])
    # The engine's own message, not the menu line "Latihan kesalahan" printed again.
    assert "Tidak ada kesalahan untuk dilatih" in "\n".join(out), out
    assert store.unfinished_attempts() == []


def _run_choosing(
    catalog: Catalog, store: ProgressStore, replies: list[str], choices: list[str]
) -> list[str]:
    """Like :func:`_run`, but each "Pilihan" prompt answers with the number printed
    before the next text of ``choices`` (branching choices are shown shuffled)."""
    out: list[str] = []
    feed = iter(replies)
    wanted = iter(choices)

    pending = next(wanted, None)

    def ask(prompt: str) -> str:
        nonlocal pending
        if pending is not None:
            for line in reversed(out):
                if line.endswith(f". {pending}"):
                    pending = next(wanted, None)
                    out.append(prompt)
                    return line.split(".")[0]
                if line.startswith(("Pilihan", "Jawaban")):
                    break  # only the lines printed since the last prompt count
        out.append(prompt)
        return next(feed)

    assert PlainApp(catalog, store, ask=ask, say=out.append).run() == 0
    return out


def test_branching_case_left_half_way_resumes_at_the_next_step(
    catalog: Catalog, store: ProgressStore
) -> None:
    first = _run_choosing(catalog, store, ["2", "2", "q", "q"], ["Sapa warga"])
    assert "Langkah 1." in first
    assert "Akibatnya: Warga merasa dihargai." in first
    assert "Langkah 2." in first and "Langkah kedua." in first
    assert SAVED_NONE in first

    again = _run_choosing(catalog, store, ["6", "1", "q"], ["Tunda"])
    assert "Melanjutkan kasus. Langkah yang sudah Anda ambil:" in again
    assert "- Sapa warga" in again
    assert "Langkah pertama." not in again
    assert "Langkah 1: 5 dari 5 poin." in again
    assert "Langkah 2: 1 dari 5 poin." in again
    assert "Poin Anda 6 dari 10 yang mungkin di langkah yang Anda lalui." in again
    assert store.unfinished_attempts() == []


def test_eof_leaves_cleanly(catalog: Catalog, store: ProgressStore) -> None:
    def ask(prompt: str) -> str:
        raise EOFError

    assert PlainApp(catalog, store, ask=ask, say=lambda line: None).run() == 0


def test_markdown_to_plain() -> None:
    text = textwrap.dedent(
        """\
        ### Judul
        Ini **penting** dan *miring*
        dengan `kode`, [tautan](https://contoh.id) dan (*core
        values*).
        - butir [b]literal[/b]
        - **"Bangga Melayani
          Bangsa"**
        """
    )
    # Emphasis across a line break leaves no asterisk for a screen reader to read out.
    assert markdown_to_plain(text) == (
        "Judul\n\nIni penting dan miring dengan kode, tautan (https://contoh.id) dan (core "
        'values).\n\n- butir [b]literal[/b]\n- "Bangga Melayani Bangsa"'
    )

"""Plain mode answers short answer (a typed line) and matching (``1c 2a 3b``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from latsar_tui.content.loader import load_catalog
from latsar_tui.content.model import Catalog
from latsar_tui.paths import Paths
from latsar_tui.plain.runner import PlainApp
from latsar_tui.plain.typed import parse_pairs
from latsar_tui.store.progress import ProgressStore

BANK = """\
schema: latsar/bank@1
id: uji-ketik
title: Bank Ketik
questions:
  - id: sa1
    type: short_answer
    prompt: Nilai dasar yang berarti bertanggung jawab?
    answers: [akuntabel]
    tolerance: 1
    explanation: Akuntabel.
  - id: mt1
    type: matching
    prompt: Jodohkan.
    explanation: Begitu.
    pairs:
      - {left: Satu, right: one}
      - {left: Dua, right: two}
      - {left: Tiga, right: three}
    distractors: [four]
"""


@pytest.fixture
def catalog(tmp_path: Path) -> Catalog:
    root = tmp_path / "konten"
    (root / "question_banks").mkdir(parents=True)
    (root / "question_banks" / "uji-ketik.yaml").write_text(BANK, encoding="utf-8")
    loaded = load_catalog(Paths.resolve(tmp_path / "home"), [root])
    assert not [f.format() for f in loaded.findings if "konten" in f.path]
    return Catalog(banks=tuple(b for b in loaded.banks if b.id == "uji-ketik"))


@pytest.fixture
def store(paths: Paths) -> Iterator[ProgressStore]:
    with ProgressStore.open(paths) as opened:
        yield opened


def _letter_of(out: list[str], text: str) -> str:
    line = next(line for line in reversed(out) if re.fullmatch(rf"[a-l]\. {text}", line))
    return line[0]


def test_typed_answer_and_pairs_by_lines(catalog: Catalog, store: ProgressStore) -> None:
    out: list[str] = []
    menu = iter(["2", "1", "q"])
    sent: list[str] = []

    def ask(prompt: str) -> str:
        out.append(prompt)
        if prompt.startswith("Jawaban Anda"):
            reply = "" if not sent else "  Akuntabl. "  # an empty line is refused first
        elif prompt.startswith("Jodohkan"):
            if "satu" not in sent:
                reply = "satu"  # malformed: asked again
            else:
                one, two, three = (_letter_of(out, t) for t in ("one", "two", "three"))
                reply = f"1{one} 2{three} 3{two}"
        else:
            return next(menu)
        sent.append(reply)
        return reply

    assert PlainApp(catalog, store, ask=ask, say=out.append).run() == 0
    text = "\n".join(out)
    assert "Ketik jawaban Anda; jawaban kosong tidak dikirim." in out
    assert "Salah ketik diterima; ejaan yang benar: akuntabel." in out
    assert "Diterima: akuntabel" in out
    assert "Ketik pasangan seperti 1a 2b: nomor kiri lalu huruf kanan." in out
    assert "✓ Satu → one" in out and "✗ Dua → three" in out
    assert "Pasangan yang benar:" in text
    assert "Nilai 66,7 persen" in text or "Nilai 66.7 persen" in text, text[-600:]
    (attempt,) = store.finished_attempts()
    assert attempt is not None


def test_parse_pairs() -> None:
    assert parse_pairs("1c 2a 3b", 3, 4) == [2, 0, 1]
    assert parse_pairs("1-C, 2=a 3:b", 3, 4) == [2, 0, 1]
    assert parse_pairs("1a 2a 3a", 3, 4) == [0, 0, 0]
    assert parse_pairs("1c 2a", 3, 4) == "Belum dijodohkan: nomor 3."
    twice = "Nomor 1 disebut dua kali; sebut tiap nomor kiri sekali."
    assert parse_pairs("1c 1a 3b", 3, 4) == twice
    assert parse_pairs("1e 2a 3b", 3, 4) == "Huruf kanan hanya a sampai d."
    assert parse_pairs("4a 2a 3b", 3, 4) == "Nomor kiri hanya 1 sampai 3."
    assert isinstance(parse_pairs("satu dua", 3, 4), str)

"""Imports of real files from public repositories leave no markup behind (issue 11).

The fixtures in ``tests/fixtures/trainer/public/`` are Moodle's own GIFT, Aiken and
Moodle XML test fixtures and GIFT files of another open-source converter
(GIFT-grammar-PEG.js); ORIGIN.md says where each comes from. They were not written
for this importer, so they catch what hand-made samples miss: HTML in options and
feedback, entities, images, Markdown in plain fields, files with nothing importable.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from latsar_tui.cli import main
from latsar_tui.content.loader import load_paths
from latsar_tui.content.model import (
    Bank,
    ChoiceOption,
    MultipleQuestion,
    ScenarioQuestion,
    SingleQuestion,
    TrueFalseQuestion,
)

PUBLIC = Path(__file__).resolve().parents[1] / "fixtures" / "trainer" / "public"

TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?/?>")
ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]+);")
# Markdown emphasis: **x**, __x__, *x* around a word (not "2*3" or a lone "*").
MARKDOWN_EMPHASIS = re.compile(r"\*\*|__\S|(?<![\w*])\*(?=\S)[^*\n]+(?<=\S)\*(?![\w*])")

IMPORTS = [
    ("moodle-questions.gift.txt", "gift"),
    ("peg-giftFormatPhpExamples.gift", "gift"),
    ("peg-mcHTMLComment.gift", "gift"),
    ("peg-tf1_html.gift", "gift"),
    ("peg-totara_moodle_multichoice.gift", "gift"),
    ("moodle-questions.aiken.txt", "aiken"),
    ("moodle-multichoice.xml", "moodle-xml"),
    ("moodle-truefalse.xml", "moodle-xml"),
]


def _import(tmp_path: Path, name: str, fmt: str, capsys: pytest.CaptureFixture[str]) -> str:
    out = tmp_path / "kelas" / "question_banks" / "impor.yaml"
    code = main(["import", str(PUBLIC / name), "--format", fmt, "-o", str(out), "--force"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out


def _bank(tmp_path: Path) -> Bank:
    catalog = load_paths([tmp_path / "kelas" / "question_banks" / "impor.yaml"], context=[])
    assert not catalog.errors, catalog.errors
    (bank,) = catalog.banks
    return bank


def _fields(bank: Bank) -> tuple[list[str], list[str]]:
    """(plain fields, Markdown fields) of every question of the bank."""
    plain: list[str] = []
    markdown: list[str] = []
    for q in bank.questions:
        markdown.extend(t for t in (q.prompt, q.context, q.explanation) if t)
        if isinstance(q, SingleQuestion | MultipleQuestion):
            options: tuple[ChoiceOption, ...] = q.options
            plain.extend(o.text for o in options)
            plain.extend(o.feedback for o in options if o.feedback)
        elif isinstance(q, ScenarioQuestion):
            plain.extend(o.text for o in q.options)
            plain.extend(o.feedback for o in q.options)
        elif isinstance(q, TrueFalseQuestion):
            plain.extend(t for t in (q.feedback_true, q.feedback_false) if t)
    return plain, markdown


@pytest.mark.parametrize(("name", "fmt"), IMPORTS, ids=[n for n, _ in IMPORTS])
def test_no_markup_in_any_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, fmt: str
) -> None:
    _import(tmp_path, name, fmt, capsys)
    plain, markdown = _fields(_bank(tmp_path))
    assert plain or markdown
    for text in plain + markdown:
        assert not TAG.search(text), text
        assert not ENTITY.search(text), text
        assert "\xa0" not in text and "[html]" not in text and "[moodle]" not in text
    for text in plain:
        assert not MARKDOWN_EMPHASIS.search(text), text


def test_html_options_and_feedback_become_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _import(tmp_path, "moodle-questions.gift.txt", "gift", capsys)
    bank = _bank(tmp_path)
    q2 = bank.question("q2")
    assert isinstance(q2, SingleQuestion)
    # "~red # [html]wrong, it's yellow": HTML in feedback, as Moodle's parser reads it.
    assert [o.feedback for o in q2.options] == [
        "right; good!",
        "wrong, it's yellow",
        "wrong, it's yellow",
    ]
    _import(tmp_path, "peg-mcHTMLComment.gift", "gift", capsys)
    (question,) = _bank(tmp_path).questions
    assert question.prompt.startswith("¿En qué supuestos")
    assert "Ley de Enjuiciamiento Criminal (http://www.formacioncnp.es" in question.explanation
    assert "LE0000017566" not in question.explanation  # an HTML comment, not text


def test_dropped_images_are_listed_with_file_line_and_marked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _import(tmp_path, "moodle-multichoice.xml", "moodle-xml", capsys)
    source = str(PUBLIC / "moodle-multichoice.xml")
    (line,) = [row for row in out.splitlines() if "gambar/berkas tidak ikut" in row]
    assert line.strip().startswith(f"{source}:12: greeting: 5 gambar/berkas")
    for name in ("bonjour.mp3", "flag-uk.jpg", "flag-france.jpg", "flag-german.jpg"):
        assert name in line
    question = _bank(tmp_path).question("greeting")
    assert isinstance(question, SingleQuestion)
    assert "TODO: periksa berkas yang tidak ikut diimpor: bonjour.mp3" in question.prompt
    assert all(o.text.startswith("(TODO: periksa gambar") for o in question.options)
    assert question.options[1].text.endswith("(French flag) French")

    # latsar pack refuses the bank until a trainer has looked.
    pack = tmp_path / "kelas.latsarpack"
    assert main(["pack", str(tmp_path / "kelas"), "-o", str(pack)]) == 1
    assert "penanda 'TODO:'" in capsys.readouterr().err
    assert not pack.exists()


def test_true_false_feedback_images_are_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _import(tmp_path, "moodle-truefalse.xml", "moodle-xml", capsys)
    for name in ("logo.jpg", "infos.jpg", "thumbdown.jpg", "thumbup.jpg"):
        assert name in out
    (question,) = _bank(tmp_path).questions
    assert isinstance(question, TrueFalseQuestion)
    assert question.feedback_true is not None and "Your answer is incorrect." in (
        question.feedback_true
    )
    assert "Modular Object-Oriented Dynamic Learning Education" in question.prompt


def test_markup_in_aiken_plain_text_is_removed_and_flagged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _import(tmp_path, "moodle-questions.aiken.txt", "aiken", capsys)
    assert "markup HTML" in out and "moodle-questions.aiken.txt:8:" in out
    flagged = _bank(tmp_path).questions[1]
    assert flagged.explanation.startswith("TODO: periksa")
    assert "& images" in flagged.prompt


def test_an_import_that_yields_nothing_says_why_item_by_item(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "b.yaml"
    source = PUBLIC / "peg-formatExamples.gift"
    # Its one item is a matching question, imported since issue 15.
    assert main(["import", str(source), "--format", "gift", "-o", str(out)]) == 0
    assert "type: matching" in out.read_text(encoding="utf-8")
    out.unlink()
    capsys.readouterr()

    empty = tmp_path / "kosong.gift"
    empty.write_text("// hanya komentar\n", encoding="utf-8")
    assert main(["import", str(empty), "--format", "gift", "-o", str(out)]) == 1
    assert "tidak ditemukan satu pun butir berformat gift" in capsys.readouterr().err


def test_moodle_xml_markdown_becomes_plain_text_in_plain_fields(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    xml = tmp_path / "md.xml"
    xml.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="multichoice">
    <name><text>md</text></name>
    <questiontext format="markdown"><text>Mana yang **benar**?</text></questiontext>
    <generalfeedback format="markdown"><text>Karena *akuntabel*.</text></generalfeedback>
    <single>true</single>
    <answer fraction="100" format="markdown"><text>**Akuntabel**</text>
      <feedback format="markdown"><text>Tepat, *itu* intinya.</text></feedback></answer>
    <answer fraction="0" format="markdown"><text>__Adaptif__ saja</text>
      <feedback format="markdown"><text>Lihat [modul](https://example.org).</text></feedback>
    </answer>
  </question>
</quiz>
""",
        encoding="utf-8",
    )
    out = tmp_path / "kelas" / "question_banks" / "impor.yaml"
    assert main(["import", str(xml), "--format", "moodle-xml", "-o", str(out)]) == 0
    question = _bank(tmp_path).question("md")
    assert isinstance(question, SingleQuestion)
    assert question.prompt == "Mana yang **benar**?"  # a Markdown field keeps Markdown
    assert [o.text for o in question.options] == ["Akuntabel", "Adaptif saja"]
    assert [o.feedback for o in question.options] == [
        "Tepat, itu intinya.",
        "Lihat modul (https://example.org).",
    ]


def test_export_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _import(tmp_path, "peg-totara_moodle_multichoice.gift", "gift", capsys)
    bank = str(tmp_path / "kelas" / "question_banks" / "impor.yaml")
    target = tmp_path / "keluar.gift"
    target.write_text("suntingan saya\n", encoding="utf-8")
    assert main(["export", bank, "--format", "gift", "-o", str(target)]) == 1
    assert "--force" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "suntingan saya\n"
    assert main(["export", bank, "--format", "gift", "-o", str(target), "--force"]) == 0
    assert "::q2::" in target.read_text(encoding="utf-8")

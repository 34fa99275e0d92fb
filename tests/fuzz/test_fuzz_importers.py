"""Fuzzing ``latsar import``: GIFT, Aiken, Moodle XML and CSV, near their syntax and raw.

The path is the CLI's: ``parse_import`` on the file's bytes, then ``render_import``
(bank YAML checked by the loader). Allowed outcomes: an import result and its YAML
with findings, or ``ImportFailure`` with a message.
"""

from __future__ import annotations

from pathlib import Path

from fuzzkit import ENCODINGS, FIXTURES, FUZZ, encoded, flipped, guarded, refusal, spliced
from hypothesis import event, example, given
from hypothesis import strategies as st

from latsar_tui.content.model import Bank, Finding
from latsar_tui.trainer.csvbank import csv_template
from latsar_tui.trainer.export import ImportFormat, parse_import, render_import
from latsar_tui.trainer.importing import ImportFailure, ImportResult

TRAINER = FIXTURES / "trainer"


def _texts(*patterns: str) -> list[str]:
    files = sorted({p for pattern in patterns for p in TRAINER.glob(pattern)})
    return [p.read_bytes().decode("utf-8-sig") for p in files]


SEEDS: dict[ImportFormat, list[str]] = {
    "gift": _texts("*.gift", "public/*.gift", "*.gift.txt", "public/*.gift.txt"),
    "aiken": _texts("public/*.aiken.txt"),
    "moodle-xml": _texts("*.xml", "public/*.xml"),
    "csv": [csv_template()],
}
SNIPPETS: dict[ImportFormat, list[str]] = {
    "gift": [
        "{",
        "}",
        "=",
        "~",
        "#",
        "####",
        "::",
        "::judul::",
        "\\",
        "\\{",
        "\\=",
        "\\:",
        "%50%",
        "%-100%",
        "%1e309%",
        "%nan%",
        "->",
        "{T}",
        "{FALSE#x#y}",
        "{#3.5:0.1}",
        "{#1..2}",
        "$CATEGORY: a/b\n",
        "[html]",
        "[markdown]",
        "<img src='x.png'>",
        "// komentar\n",
        "\n\n",
        "{=a =b ~c}",
        "{=a -> b =c -> d}",
        "{~%200%x}",
    ],
    "aiken": [
        "ANSWER: A\n",
        "ANSWER: Z\n",
        "ANSWER:\n",
        "answer: b\n",
        "ANSWER: A, B\n",
        "A. x\n",
        "B) y\n",
        "G. z\n",
        "a) z\n",
        "\n\n",
        "<b>x</b>",
        "\r\n",
    ],
    "moodle-xml": [
        "<question type='multichoice'>",
        "<question type='truefalse'>",
        "<question type='shortanswer'>",
        "<question type='matching'>",
        "<question type='category'>",
        "<question type='essay'>",
        "</question>",
        "<answer fraction='100'><text>x</text></answer>",
        "<answer fraction='-1e400'>",
        "<answer fraction='nan'>",
        "<subquestion><text>a</text><answer><text>b</text></answer></subquestion>",
        "<questiontext format='html'><text><![CDATA[<p>x</p>]]></text></questiontext>",
        "<single>maybe</single>",
        "<![CDATA[",
        "]]>",
        "<!DOCTYPE quiz [<!ENTITY a 'aaaa'>]>",
        "&a;",
        "&#0;",
        "&#x110000;",
        "<?xml version='1.0' encoding='latin-1'?>",
        "<file name='a.png' encoding='base64'>AAAA</file>",
        "<",
        ">",
        "&",
    ],
    "csv": [
        '"',
        '""',
        ",",
        ";",
        "\t",
        "\r",
        "\n",
        "\r\n",
        "\ufeff",
        "\x00",
        "single",
        "multiple",
        "true_false",
        "scenario",
        "short_answer",
        "matching",
        "A,B",
        "Z",
        "5,3,x",
        "a|b|",
        "a -> b|c ->",
        "jujur=2",
        "=0.5",
        '"' + "x" * 140_000,
        "x" * 140_000,
    ],
}
FORMATS: list[ImportFormat] = ["gift", "aiken", "moodle-xml", "csv"]


def _run(data: bytes, fmt: ImportFormat) -> None:
    output = Path("question_banks/impor.yaml")
    with guarded():
        try:
            result = parse_import(data, fmt, "fuzz.src")
        except ImportFailure as error:
            refusal(error)
            event(f"{fmt}: file refused")
            return
        assert isinstance(result, ImportResult)
        assert all(item.reason.strip() for item in result.skipped)
        try:
            rendered = render_import(result, bank_id="impor", fmt=fmt, output=output)
        except ImportFailure as error:
            assert not result.questions
            refusal(error)
            event(f"{fmt}: no question")
            return
    assert isinstance(rendered.bank, Bank) and rendered.text
    event(f"{fmt}: bank {'with errors' if rendered.errors else 'valid'}")
    assert all(isinstance(f, Finding) and f.message.strip() for f in rendered.findings)


@st.composite
def near_syntax(draw: st.DrawFn) -> tuple[bytes, ImportFormat]:
    fmt = draw(st.sampled_from(FORMATS))
    text = draw(spliced(draw(st.sampled_from(SEEDS[fmt])), SNIPPETS[fmt]))
    encoding = draw(st.sampled_from(ENCODINGS))
    return encoded(text, encoding), fmt


@st.composite
def from_pieces(draw: st.DrawFn) -> tuple[bytes, ImportFormat]:
    fmt = draw(st.sampled_from(FORMATS))
    pieces = st.sampled_from(SNIPPETS[fmt]) | st.text(max_size=10)
    text = "".join(draw(st.lists(pieces, max_size=30)))
    if fmt == "csv" and draw(st.booleans()):
        text = csv_template().splitlines()[0] + "\n" + text
    if fmt == "moodle-xml" and draw(st.booleans()):
        text = "<quiz>" + text + "</quiz>"
    return encoded(text, draw(st.sampled_from(ENCODINGS))), fmt


@FUZZ
@given(case=near_syntax())
# An unclosed quote swallowing more than the csv module's field limit (csv.Error leaked).
@example(case=(b'id,type,prompt\n"' + b"x" * 140_000, "csv"))
@example(case=(b'"' + b"x" * 140_000, "csv"))
def test_text_near_each_syntax_imports_or_is_refused(case: tuple[bytes, ImportFormat]) -> None:
    _run(*case)


@FUZZ
@given(case=from_pieces())
def test_syntax_pieces_import_or_are_refused(case: tuple[bytes, ImportFormat]) -> None:
    _run(*case)


@FUZZ
@given(data=st.binary(max_size=3000), fmt=st.sampled_from(FORMATS))
def test_raw_bytes_import_or_are_refused(data: bytes, fmt: ImportFormat) -> None:
    _run(data, fmt)


@FUZZ
@given(
    case=st.sampled_from(FORMATS).flatmap(
        lambda fmt: st.tuples(
            st.sampled_from(SEEDS[fmt]).map(lambda t: t.encode("utf-8")).flatmap(flipped),
            st.just(fmt),
        )
    )
)
def test_flipped_bytes_import_or_are_refused(case: tuple[bytes, ImportFormat]) -> None:
    _run(*case)

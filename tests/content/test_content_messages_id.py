"""Validator messages are Indonesian, and YAML syntax errors name the likely slip.

A trainer who writes ``text: Langkah 1: lapor`` gets told about the colon, not the
parser's "mapping values are not allowed here"; both parsers (libyaml and pure Python)
word their errors differently, so each case runs with both.
"""

from __future__ import annotations

import re

import pytest
from content_helpers import ERRORS, SUPPORT, yaml_parser  # noqa: F401 - fixture

from latsar_tui.content.loader import load_paths, load_text
from latsar_tui.content.roots import ContentRoot

BANK_HEAD = "schema: latsar/bank@1\nid: b\ntitle: B\nquestions:\n"

CASES = {
    "colon": (BANK_HEAD + "  - id: q1\n    prompt: Langkah 1: lapor\n", 6, "':' (titik dua)"),
    "indent": ("schema: latsar/bank@1\nid: b\n  title: B\n", 3, "menjorok lebih dalam"),
    "missing-dash": (
        BANK_HEAD + "  - id: q1\n    type: single\n  id: q2\n",
        7,
        "tanda '- '",
    ),
    "list-indent": (BANK_HEAD + "  - id: q1\n   type: single\n", 6, "indentasinya"),
    "unclosed-quote": (BANK_HEAD + '  - id: q1\n    prompt: "Apa\n', 7, "tidak pernah ditutup"),
    "star": (BANK_HEAD + "  - id: q1\n    prompt: *Penting* sekali\n", 6, "tanda kutip"),
    "at": (BANK_HEAD + "  - id: q1\n    prompt: @atasan\n", 6, "'@'"),
}


@pytest.mark.usefixtures("yaml_parser")
@pytest.mark.parametrize("case", sorted(CASES))
def test_syntax_errors_explain_the_usual_cause(case: str) -> None:
    text, line, hint = CASES[case]
    _, findings = load_text(text, "b.yaml")
    (finding,) = findings
    assert finding.code in {"yaml-syntax", "duplicate-key"}
    assert finding.line == line
    assert finding.message.startswith(("sintaks YAML salah", "field "))
    assert hint in finding.message


def test_text_starting_with_hash_is_explained() -> None:
    text = BANK_HEAD + "  - id: q1\n    type: single\n    prompt: #1 lapor dulu\n"
    _, findings = load_text(text, "b.yaml")
    prompt = [f for f in findings if f.code == "empty-text"]
    assert prompt and "'#'" in prompt[0].message


# Words that only an English message would use (the parser's own words, quoted after
# "pesan parser:", and field names in quotes are left out of the check).
ENGLISH = re.compile(r"\b(must|found|needs|the|is not|should|missing|cannot)\b")


def test_every_fixture_message_is_indonesian() -> None:
    checked = 0
    for path in sorted(ERRORS.glob("*.yaml")):
        catalog = load_paths([path], context=[ContentRoot(SUPPORT, "extra")])
        for finding in catalog.findings:
            own = finding.message.split("(pesan parser:")[0]
            own = re.sub(r"'[^']*'", "''", own)  # quoted names and values
            assert not ENGLISH.search(own), (path.name, finding.message)
            checked += 1
    assert checked > 40

"""Fuzzing the content loader: mangled modules and banks, YAML-ish text and raw bytes.

The only outcomes allowed are content or findings (``load_text`` and ``load_paths``
never raise on a file's contents), within the time and memory guard.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml
from fuzzkit import ENCODINGS, FIXTURES, FUZZ, encoded, flipped, guarded, mangled, one_spot, spliced
from hypothesis import event, given
from hypothesis import strategies as st

from latsar_tui.content.loader import load_paths, load_text
from latsar_tui.content.model import Bank, Finding, Module, Severity

# Valid documents with every question type (single, multiple, true_false, ordering,
# scenario, branching, short_answer, matching), to mangle from.
SEEDS = [
    FIXTURES / "content/valid/modules/contoh-modul.yaml",
    FIXTURES / "content/valid/question_banks/contoh-bank.yaml",
    FIXTURES / "ui/typed/modules/ketik.yaml",
    FIXTURES / "ui/typed/question_banks/ketik-latihan.yaml",
    FIXTURES / "ui/basic/question_banks/dasar-latihan.yaml",
]
SEED_TEXTS = [path.read_text(encoding="utf-8") for path in SEEDS]
SEED_TREES = [yaml.safe_load(text) for text in SEED_TEXTS]
KINDS = st.sampled_from([None, "module", "bank"])

YAML_SNIPPETS = [
    "&a ",
    "*a",
    "*nope",
    "<<: *a\n",
    "!!python/object/apply:os.system ['true']",
    "!!binary AAAA",
    "!!str ",
    "!custom ",
    "\t",
    "\x00",
    "\x85",
    "\ufeff",
    "{",
    "}",
    "[",
    "]",
    "- ",
    ": ",
    "? ",
    "'",
    '"',
    '"\\x',
    "|\n",
    ">-\n",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "%TAG ! tag:x,2000:\n",
    "# komentar\n",
    "\n  ",
    "id: id-lain\n",
    "type: matching\n",
    "type: branching\n",
    "questions:\n",
    "[" * 200,
    "- " * 200,
]


def _alias_bomb(levels: int) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, levels):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines) + "\n"


texts_near_yaml = st.one_of(
    st.sampled_from(SEED_TEXTS).flatmap(lambda text: spliced(text, YAML_SNIPPETS)),
    st.integers(1, 5000).map(lambda n: "[" * n + "]" * n),
    st.integers(1, 5000).map(lambda n: "{a: " * n + "}" * n),
    st.integers(1, 3000).map(lambda n: "".join(f"{'  ' * i}k:\n" for i in range(n))),
    st.integers(1, 12).map(_alias_bomb),
    st.text(alphabet=st.sampled_from(list("-:[]{}&*!|>'\"#%@`?, \n\tabc01")), max_size=300),
)


def _dump(tree: Any) -> str:
    return yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)


def _check(model: Module | Bank | None, findings: list[Finding]) -> None:
    for finding in findings:
        assert isinstance(finding, Finding)
        assert finding.message.strip() and finding.code.strip()
        assert finding.line >= 1 and finding.column >= 1
    event("content" if model is not None else "findings only")
    if model is None:
        assert any(f.severity is Severity.ERROR for f in findings), "no content, no error"
    else:
        assert isinstance(model, Module | Bank)


def test_the_seeds_load_cleanly() -> None:
    # The fuzzing starts from content that loads: were they broken, every mangled
    # example would only exercise the error path.
    for path, text in zip(SEEDS, SEED_TEXTS, strict=True):
        model, findings = load_text(text, str(path))
        assert model is not None, [f.format() for f in findings]


@FUZZ
@given(tree=st.sampled_from(SEED_TREES).flatmap(lambda t: mangled(t) | one_spot(t)), kind=KINDS)
def test_mangled_documents_give_content_or_findings(tree: Any, kind: Any) -> None:
    text = _dump(tree)
    with guarded():
        model, findings = load_text(text, "<fuzz>", kind)
    _check(model, findings)


@FUZZ
@given(text=texts_near_yaml, kind=KINDS)
def test_text_near_yaml_gives_content_or_findings(text: str, kind: Any) -> None:
    with guarded():
        model, findings = load_text(text, "<fuzz>", kind)
    _check(model, findings)


file_bytes = st.one_of(
    st.binary(max_size=2000),
    st.tuples(
        st.sampled_from(SEED_TREES).flatmap(mangled).map(_dump), st.sampled_from(ENCODINGS)
    ).map(lambda pair: encoded(*pair)),
    st.tuples(texts_near_yaml, st.sampled_from(ENCODINGS)).map(lambda pair: encoded(*pair)),
    st.sampled_from(SEED_TEXTS).map(lambda t: t.encode("utf-8")).flatmap(flipped),
)


@FUZZ
@given(data=file_bytes, folder=st.sampled_from(["modules", "question_banks"]))
def test_raw_bytes_in_a_content_file_give_a_catalog(data: bytes, folder: str) -> None:
    with tempfile.TemporaryDirectory() as temp:
        file = Path(temp) / "root" / folder / "fuzz.yaml"
        file.parent.mkdir(parents=True)
        file.write_bytes(data)
        with guarded():
            catalog = load_paths([file], context=[])
    loaded = len(catalog.modules) + len(catalog.banks)
    assert loaded + len(catalog.broken) == 1, "the file is either content or broken"
    _check(
        None if catalog.broken else catalog.modules[0] if catalog.modules else catalog.banks[0],
        list(catalog.findings),
    )

"""Size limits: too big a content file, text field or import is refused, and says why."""

from __future__ import annotations

from pathlib import Path

import pytest

from latsar_tui.content import yamlnodes
from latsar_tui.content.loader import load_paths
from latsar_tui.content.yamlnodes import compose_text
from latsar_tui.trainer.export import parse_import
from latsar_tui.trainer.gift import parse_gift
from latsar_tui.trainer.importing import ImportFailure


def test_a_content_file_over_the_size_limit_is_refused_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(yamlnodes, "MAX_FILE_BYTES", 1000)  # not 50 MB of test data
    bank = tmp_path / "question_banks" / "besar.yaml"
    bank.parent.mkdir()
    bank.write_text("schema: latsar/bank@1\n# " + "x" * 2000 + "\n", encoding="utf-8")
    catalog = load_paths([bank], context=[])
    assert [f.code for f in catalog.findings] == ["file-too-large"]
    assert catalog.findings[0].path.endswith("besar.yaml")
    assert "pecah isinya menjadi beberapa bank" in catalog.findings[0].message


def test_fifty_megabytes_is_the_limit() -> None:
    assert yamlnodes.MAX_FILE_BYTES == 50 * 1024 * 1024
    assert yamlnodes.MAX_TEXT_CHARS == 20_000


def test_a_text_field_over_twenty_thousand_characters_names_file_and_line(
    tmp_path: Path,
) -> None:
    bank = tmp_path / "question_banks" / "panjang.yaml"
    bank.parent.mkdir()
    bank.write_text(
        "schema: latsar/bank@1\nid: panjang\ntitle: Panjang\nquestions:\n"
        "  - id: q1\n    type: true_false\n    answer: true\n"
        f"    prompt: {'a' * 20_001}\n    explanation: ok\n",
        encoding="utf-8",
    )
    catalog = load_paths([bank], context=[])
    too_long = [f for f in catalog.findings if f.code == "text-too-long"]
    assert len(too_long) == 1
    assert too_long[0].line == 8
    assert too_long[0].path.endswith("panjang.yaml")
    assert "20.001" in too_long[0].message
    assert catalog.broken


def test_exactly_twenty_thousand_characters_is_fine() -> None:
    composed = compose_text(f"a: {'b' * 20_000}\n")
    assert not composed.problems


def test_many_nodes_without_aliases_is_a_size_message_not_an_alias_bomb(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(yamlnodes, "MAX_EXPANDED_NODES", 500)
    text = "items:\n" + "".join(f"  - {{a: {i}, b: {i}}}\n" for i in range(200))
    composed = compose_text(text)
    assert [p.code for p in composed.problems] == ["too-many-nodes"]
    assert "pecah isinya" in composed.problems[0].message


def test_a_200000_question_gift_file_is_refused_with_a_size_message() -> None:
    text = "".join(f"::q{i}:: Soal {i}? {{T}}\n\n" for i in range(200_000))
    with pytest.raises(ImportFailure) as caught:
        parse_gift(text, "besar.gift")
    message = str(caught.value)
    assert message.startswith("besar.gift: 200,000 soal terlalu banyak")
    assert "alias" not in message


def test_an_import_file_over_fifty_megabytes_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from latsar_tui.trainer import importing

    monkeypatch.setattr(importing, "MAX_IMPORT_BYTES", 100)
    with pytest.raises(ImportFailure, match="terlalu besar"):
        parse_import(b"x" * 200, "aiken", "besar.txt")

"""The YAML composer: positions, scalar types, tags, duplicate keys, alias bound."""

from __future__ import annotations

import datetime

import pytest
import yaml
from content_helpers import yaml_parser  # noqa: F401 - fixture

from latsar_tui.content import yamlnodes
from latsar_tui.content.yamlnodes import (
    Mapping,
    Scalar,
    Sequence,
    compose_bytes,
    compose_text,
    expanded_size,
    use_libyaml,
)

pytestmark = pytest.mark.usefixtures("yaml_parser")


def _values(text: str) -> dict[str, object]:
    root = compose_text(text).root
    assert isinstance(root, Mapping)
    result: dict[str, object] = {}
    for key, value in root.pairs:
        assert isinstance(key, Scalar) and isinstance(value, Scalar)
        result[str(key.value)] = value.value
    return result


def test_scalars_resolve_like_yaml_1_1() -> None:
    values = _values(
        "a: yes\nb: 'yes'\nc: 12\nd: '12'\ne: 1.5\nf: ~\ng: 2024-01-02\nh: on\ni: text\nj:\n"
        "k: 0x1f\nl: <<\n"
    )
    assert values == {
        "a": True,
        "b": "yes",
        "c": 12,
        "d": "12",
        "e": 1.5,
        "f": None,
        "g": datetime.date(2024, 1, 2),
        "h": True,
        "i": "text",
        "j": None,
        "k": 31,
        "l": "<<",
    }


def test_positions_are_one_based_and_point_at_keys_and_values() -> None:
    root = compose_text("top:\n  - name: x\n    list: [a, b]\n").root
    assert isinstance(root, Mapping) and (root.line, root.column) == (1, 1)
    (_key, seq), *_ = root.pairs
    assert isinstance(seq, Sequence) and (seq.line, seq.column) == (2, 3)
    item = seq.items[0]
    assert isinstance(item, Mapping) and (item.line, item.column) == (2, 5)
    name_key, name_value = item.pairs[0]
    assert (name_key.line, name_key.column, name_value.column) == (2, 5, 11)
    inner = item.pairs[1][1]
    assert isinstance(inner, Sequence) and (inner.items[1].line, inner.items[1].column) == (3, 15)


def test_aliases_within_the_bound_are_expanded_by_sharing() -> None:
    composed = compose_text("a: &x [1, 2, 3]\nb: *x\nc: [*x, *x]\n")
    assert composed.problems == []
    root = composed.root
    assert isinstance(root, Mapping)
    assert root.pairs[0][1] is root.pairs[1][1]
    # root + 3 keys + [1,2,3] twice + [*x, *x] (1 + 2 * 4)
    assert expanded_size(root) == 1 + 3 + 4 + 4 + 9


def test_alias_bound_is_a_fixed_number(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlnodes, "MAX_EXPANDED_NODES", 20)
    text = "a: &x [1, 2, 3, 4, 5]\nb: [*x, *x, *x]\n"
    composed = compose_text(text)
    assert [p.code for p in composed.problems] == ["alias-bomb"]
    assert composed.root is None


def test_every_explicit_tag_is_reported_once() -> None:
    composed = compose_text("a: !!str x\nb: !!map {c: d}\nc: ! e\nd: !!python/name:os.system ''\n")
    assert [(p.code, p.line, p.column) for p in composed.problems] == [
        ("yaml-tag", 1, 4),
        ("yaml-tag", 2, 4),
        ("yaml-tag", 3, 4),
        ("yaml-tag", 4, 4),
    ]
    assert "'!!python/name:os.system'" in composed.problems[3].message


def test_duplicate_keys_keep_the_first_and_report_the_second() -> None:
    composed = compose_text("a: 1\nb: 2\na: 3\n1: x\n'1': y\ntrue: z\n")
    assert [(p.code, p.line, p.column) for p in composed.problems] == [("duplicate-key", 3, 1)]
    assert "pertama di baris 1" in composed.problems[0].message
    root = composed.root
    assert isinstance(root, Mapping)
    assert next((k.value, v.value) for k, v in root.pairs if isinstance(k, Scalar)) == ("a", 1)
    assert isinstance(root.pairs[0][1], Scalar) and len(root.pairs) == 5


def test_bom_is_dropped_and_positions_unchanged() -> None:
    composed = compose_bytes(b"\xef\xbb\xbfa: 1\n")
    assert composed.problems == []
    root = composed.root
    assert isinstance(root, Mapping) and (root.pairs[0][0].line, root.pairs[0][0].column) == (1, 1)


def test_not_utf8_in_a_later_line() -> None:
    composed = compose_bytes("a: é\n".encode() + b"b: \xff\n")
    (problem,) = composed.problems
    assert (problem.code, problem.line, problem.column) == ("not-utf8", 2, 4)
    assert "byte 9 (0xff)" in problem.message


def test_deep_nesting_is_a_finding_not_a_crash() -> None:
    composed = compose_text("[" * 5000)
    assert composed.root is None and composed.problems[0].code == "yaml-syntax"


def test_control_characters_are_a_syntax_finding() -> None:
    composed = compose_text("a: b\x01\n")
    assert [p.code for p in composed.problems] == ["yaml-syntax"]


def test_second_document_is_rejected() -> None:
    composed = compose_text("a: 1\n---\nb: 2\n")
    assert [(p.code, p.line) for p in composed.problems] == [("yaml-syntax", 2)]


def test_parser_choice_follows_env_and_argument(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LATSAR_PURE_YAML", "1")
    assert use_libyaml() is False
    monkeypatch.setenv("LATSAR_PURE_YAML", "0")
    assert use_libyaml() is bool(yaml.__with_libyaml__)
    assert use_libyaml(pure=True) is False

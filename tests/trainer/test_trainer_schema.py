"""JSON Schemas: shipped files are current, shipped content passes, schema and loader agree."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from latsar_tui.content import validate as loader_rules
from latsar_tui.content.loader import load_text
from latsar_tui.content.model import QuestionType
from latsar_tui.paths import builtin_content_root
from latsar_tui.trainer.scaffold import bank_starter, module_starter
from latsar_tui.trainer.schema import build_schema, schema_path, schema_text

ROOT = builtin_content_root()


def validator(kind: str) -> jsonschema.Draft7Validator:
    schema = json.loads(schema_path(kind).read_text(encoding="utf-8"))  # type: ignore[arg-type]
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


@pytest.mark.parametrize("kind", ["module", "bank"])
def test_shipped_schema_file_is_current(kind: str) -> None:
    assert schema_path(kind).read_text(encoding="utf-8") == schema_text(kind)  # type: ignore[arg-type]


def shipped_files() -> list[tuple[str, Path]]:
    files = [("module", p) for p in sorted((ROOT / "modules").glob("*.y*ml"))]
    files += [("bank", p) for p in sorted((ROOT / "question_banks").glob("*.y*ml"))]
    return files


def test_there_is_shipped_content() -> None:
    assert shipped_files()


@pytest.mark.parametrize(("kind", "path"), shipped_files(), ids=lambda v: getattr(v, "name", v))
def test_every_shipped_file_passes_the_schema(kind: str, path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator(kind).iter_errors(data)]
    assert errors == []


def _props(schema: dict[str, Any], name: str) -> set[str]:
    return set(schema["definitions"][name]["properties"])


def test_field_names_agree_with_the_loader() -> None:
    module = build_schema("module")
    bank = build_schema("bank")
    assert set(module["properties"]) == set(loader_rules.MODULE_FIELDS)
    assert set(module["required"]) == set(loader_rules.MODULE_REQUIRED)
    assert _props(module, "source") == set(loader_rules.SOURCE_FIELDS)
    assert _props(module, "lesson") == set(loader_rules.LESSON_FIELDS)
    assert set(module["definitions"]["lesson"]["required"]) == set(loader_rules.LESSON_REQUIRED)
    assert set(bank["properties"]) == set(loader_rules.BANK_FIELDS)
    assert set(bank["required"]) == set(loader_rules.BANK_REQUIRED)
    question = bank["definitions"]["question"]
    every = set(loader_rules.QUESTION_COMMON).union(*loader_rules.TYPE_FIELDS.values())
    assert set(question["properties"]) == every
    assert set(question["required"]) == set(loader_rules.QUESTION_REQUIRED)
    assert set(question["properties"]["type"]["enum"]) == {str(t) for t in QuestionType}
    for rule in question["allOf"]:
        qtype = QuestionType(rule["if"]["properties"]["type"]["const"])
        forbidden = {k for k, v in rule["then"]["properties"].items() if v is False}
        allowed = every - forbidden
        assert allowed == set(loader_rules.QUESTION_COMMON) | set(loader_rules.TYPE_FIELDS[qtype])
        assert set(rule["then"]["required"]) == set(loader_rules.TYPE_REQUIRED[qtype])
        if qtype in loader_rules.OPTION_LIMITS:
            options = rule["then"]["properties"]["options"]
            assert (options["minItems"], options["maxItems"]) == loader_rules.OPTION_LIMITS[qtype]
    assert _props(bank, "option") == set(loader_rules.CHOICE_OPTION_FIELDS)
    assert _props(bank, "scenario_option") == set(loader_rules.SCENARIO_OPTION_FIELDS)
    assert _props(bank, "step") == set(loader_rules.STEP_FIELDS)
    assert _props(bank, "choice") == set(loader_rules.BRANCH_CHOICE_FIELDS)
    assert set(bank["definitions"]["choice"]["required"]) == set(
        loader_rules.BRANCH_CHOICE_REQUIRED
    )
    assert _props(bank, "partial") == set(loader_rules.PARTIAL_FIELDS)
    assert _props(bank, "pair") == set(loader_rules.PAIR_FIELDS)
    answers = question["properties"]["answers"]
    assert (answers["minItems"], answers["maxItems"]) == loader_rules.ANSWER_LIMITS
    pairs = question["properties"]["pairs"]
    assert (pairs["minItems"], pairs["maxItems"]) == loader_rules.PAIR_LIMITS
    assert question["properties"]["distractors"]["maxItems"] == loader_rules.DISTRACTOR_MAX
    items = question["properties"]["items"]
    assert (items["minItems"], items["maxItems"]) == loader_rules.ITEM_LIMITS
    choices = bank["definitions"]["step"]["properties"]["choices"]
    assert (choices["minItems"], choices["maxItems"]) == loader_rules.CHOICE_LIMITS
    assert bank["definitions"]["id"]["pattern"] == "^" + loader_rules.ID_PATTERN.pattern + "$"


BAD_BANKS = {
    "unknown option field": """
      - id: a
        type: single
        prompt: P
        explanation: E
        options:
          - {text: x, correct: true, feedbak: y}
          - {text: z}
""",
    "scenario option without score": """
      - id: a
        type: scenario
        context: C
        prompt: P
        explanation: E
        options:
          - {text: x, score: 5, feedback: f}
          - {text: z, feedback: f}
""",
    "field of another type": """
      - id: a
        type: true_false
        prompt: P
        explanation: E
        answer: true
        items: [a, b, c]
""",
    "too many options": """
      - id: a
        type: single
        prompt: P
        explanation: E
        options: [{text: a, correct: true}, {text: b}, {text: c}, {text: d}, {text: e},
                  {text: f}, {text: g}]
""",
    "short answer share of 1": """
      - id: a
        type: short_answer
        prompt: P
        explanation: E
        answers: [akuntabel]
        partial: [{answer: jujur, share: 1}]
""",
    "matching with two pairs": """
      - id: a
        type: matching
        prompt: P
        explanation: E
        pairs: [{left: a, right: x}, {left: b, right: y}]
""",
    "matching pair without right": """
      - id: a
        type: matching
        prompt: P
        explanation: E
        pairs: [{left: a, right: x}, {left: b, right: y}, {left: c}]
""",
    "bad id": """
      - id: Soal Satu
        type: true_false
        prompt: P
        explanation: E
        answer: true
""",
}


@pytest.mark.parametrize("body", BAD_BANKS.values(), ids=list(BAD_BANKS))
def test_schema_and_loader_both_reject(body: str) -> None:
    text = "schema: latsar/bank@1\nid: b\ntitle: B\nquestions:\n" + body
    _, findings = load_text(text, "b.yaml", "bank")
    assert [f for f in findings if f.severity == "error"]
    assert list(validator("bank").iter_errors(yaml.safe_load(text)))


def test_starters_pass_schema_and_loader() -> None:
    for kind, text in (
        ("module", module_starter("contoh")),
        ("bank", bank_starter("contoh")),
        ("bank", bank_starter("contoh", "m", "pelajaran-1", "sumber")),
    ):
        assert list(validator(kind).iter_errors(yaml.safe_load(text))) == []
        model, findings = load_text(text, "x.yaml", kind)  # type: ignore[arg-type]
        assert model is not None, [f.format() for f in findings]

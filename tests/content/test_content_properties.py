"""Property tests: any valid-shaped bank loads back as written; junk never raises."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from latsar_tui.content.loader import load_text
from latsar_tui.content.model import (
    Bank,
    BranchingQuestion,
    MultipleQuestion,
    OrderingQuestion,
    ScenarioQuestion,
    Severity,
    SingleQuestion,
)
from latsar_tui.content.validate import CODES
from latsar_tui.content.yamlnodes import compose_bytes

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ids = st.from_regex(r"[a-z0-9][a-z0-9._-]{0,20}", fullmatch=True)
# Any text a trainer could type, surrogates excluded (they cannot be saved as UTF-8).
texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40
).filter(lambda s: s.strip() != "")


def _same_text(text: str) -> str:
    # The validator's duplicate-option rule: trimmed, whitespace collapsed, any case.
    return " ".join(text.split()).casefold()


def distinct_texts(count: int) -> st.SearchStrategy[list[str]]:
    """``count`` texts no two of which the validator would call the same option."""
    return st.lists(texts, min_size=count, max_size=count, unique_by=_same_text)


@st.composite
def choice_options(draw: st.DrawFn, low: int, high: int, exactly_one: bool) -> list[Any]:
    count = draw(st.integers(low, high))
    right = (
        {draw(st.integers(0, count - 1))}
        if exactly_one
        else set(draw(st.sets(st.integers(0, count - 1), min_size=1)))
    )
    options = []
    for i, text in enumerate(draw(distinct_texts(count))):
        option: dict[str, Any] = {"text": text, "correct": i in right}
        if draw(st.booleans()):
            option["feedback"] = draw(texts)
        options.append(option)
    return options


@st.composite
def branching_steps(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    names = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    steps: dict[str, Any] = {}
    for index, name in enumerate(names):
        count = draw(st.integers(2, 5))
        choices = []
        for position, text in enumerate(draw(distinct_texts(count))):
            choice: dict[str, Any] = {
                "text": text,
                "score": draw(st.integers(0, 5)),
                "feedback": draw(texts),
            }
            # The first choice leads on to the next step, so every step is reachable
            # and the steps can never loop; other choices may jump further ahead.
            later = names[index + 1 :]
            if later and (position == 0 or draw(st.booleans())):
                choice["next"] = later[0] if position == 0 else draw(st.sampled_from(later))
            choices.append(choice)
        steps[name] = {"text": draw(texts), "choices": choices}
    return names[0], steps


@st.composite
def questions(draw: st.DrawFn, qid: str) -> dict[str, Any]:
    kind = draw(
        st.sampled_from(["single", "multiple", "true_false", "scenario", "ordering", "branching"])
    )
    question: dict[str, Any] = {
        "id": qid,
        "type": kind,
        "prompt": draw(texts),
        "explanation": draw(texts),
    }
    if draw(st.booleans()):
        question["tags"] = draw(st.lists(ids, max_size=3))
    if draw(st.booleans()):
        question["difficulty"] = draw(st.integers(1, 3))
    if kind in ("scenario", "branching") or draw(st.booleans()):
        question["context"] = draw(texts)
    if kind == "single":
        question["options"] = draw(choice_options(2, 6, True))
    elif kind == "multiple":
        question["options"] = draw(choice_options(2, 8, False))
    elif kind == "true_false":
        question["answer"] = draw(st.booleans())
    elif kind == "scenario":
        scores = draw(st.permutations([1, 2, 3, 4]))[: draw(st.integers(1, 4))]
        option_texts = draw(distinct_texts(len(scores) + 1))
        question["options"] = [
            {"text": text, "score": score, "feedback": draw(texts)}
            for text, score in zip(option_texts, [5, *scores], strict=True)
        ]
    elif kind == "ordering":
        question["items"] = draw(distinct_texts(draw(st.integers(3, 8))))
    else:
        question["start"], question["steps"] = draw(branching_steps())
    return question


@st.composite
def banks(draw: st.DrawFn) -> dict[str, Any]:
    qids = draw(st.lists(ids, min_size=1, max_size=5, unique=True))
    bank: dict[str, Any] = {
        "schema": "latsar/bank@1",
        "id": draw(ids),
        "title": draw(texts),
        "questions": [draw(questions(qid)) for qid in qids],
    }
    if draw(st.booleans()):
        bank["pass_mark"] = draw(st.integers(1, 100))
    return bank


@FAST
@given(banks(), st.booleans())
def test_valid_banks_always_load(data: dict[str, Any], flow: bool) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=flow)
    # PyYAML does not round-trip every string (a NEL, U+0085, comes back as a space),
    # so the oracle is what PyYAML itself reads back, not the data we dumped.
    data = yaml.safe_load(text)
    model, findings = load_text(text)
    errors = [f for f in findings if f.severity is Severity.ERROR]
    assert errors == [], text
    assert isinstance(model, Bank)
    assert model.title == data["title"]
    assert [q.id for q in model.questions] == [q["id"] for q in data["questions"]]
    for question, raw in zip(model.questions, data["questions"], strict=True):
        assert str(question.type) == raw["type"]
        assert question.prompt == raw["prompt"]
        assert question.context == raw.get("context")
        assert question.explanation == raw["explanation"]
        assert question.tags == tuple(raw.get("tags", ()))
        if isinstance(question, SingleQuestion | MultipleQuestion):
            assert [(o.text, o.correct) for o in question.options] == [
                (o["text"], o["correct"]) for o in raw["options"]
            ]
        elif isinstance(question, ScenarioQuestion):
            assert [o.score for o in question.options] == [o["score"] for o in raw["options"]]
        elif isinstance(question, OrderingQuestion):
            assert list(question.items) == raw["items"]
        elif isinstance(question, BranchingQuestion):
            assert question.start == raw["start"]
            assert [step.id for step in question.steps] == list(raw["steps"])


@FAST
@given(st.binary(max_size=300))
def test_random_bytes_give_findings_never_exceptions(data: bytes) -> None:
    composed = compose_bytes(data)
    assert all(problem.code in CODES for problem in composed.problems)


yaml_bits = st.sampled_from(
    [
        ":",
        "- ",
        " ",
        "  ",
        "\n",
        "\t",
        "[",
        "]",
        "{",
        "}",
        ",",
        "&a ",
        "*a",
        "!!str ",
        "!x ",
        "'",
        '"',
        "id",
        "schema",
        "latsar/bank@1",
        "questions",
        "type",
        "single",
        "1",
        "yes",
        "# c",
        "?",
        "|",
        ">",
        "---",
        "é",
        "\ufeff",
        "options",
        "- text: a",
    ]
)


@FAST
@given(st.lists(yaml_bits, max_size=40).map("".join))
def test_yaml_like_junk_gives_findings_never_exceptions(text: str) -> None:
    model, findings = load_text(text)
    assert all(f.code in CODES and f.line >= 1 and f.column >= 1 for f in findings)
    if model is None:
        assert any(f.severity is Severity.ERROR for f in findings)

"""Property tests: YAML -> GIFT -> YAML and YAML -> Moodle XML -> YAML keep the questions.

Banks are generated with text full of GIFT's special characters, brackets, percent
signs, backslashes, format markers, unicode and newlines. After the trip the prompts,
options, correctness or scores, feedback and explanations must be equal. Tags are not
compared: GIFT and Moodle put questions in a category, which the importer turns into
a tag.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from latsar_tui.content.loader import load_catalog, load_text
from latsar_tui.content.model import (
    Bank,
    ChoiceOption,
    MatchingQuestion,
    MatchPair,
    Module,
    MultipleQuestion,
    PartialAnswer,
    Question,
    ScenarioOption,
    ScenarioQuestion,
    ShortAnswerQuestion,
    SingleQuestion,
    TrueFalseQuestion,
)
from latsar_tui.quiz.typed_answers import normalise
from latsar_tui.trainer.export import ExportFormat, export_bank, parse_import, render_import
from latsar_tui.trainer.yamlwrite import dump_bank, dump_module

_ALPHABET = st.one_of(
    st.characters(whitelist_categories=("L", "N", "P", "S", "Zs")),
    st.sampled_from([*"~=#{}:\\[]%/->\n*_`!&<>\"'", "😀", "é", "ß", "\u00a0"]),
)
_SNIPPETS = st.sampled_from(
    [
        "[b]tebal[/b]",
        "[link=x]",
        "[html]",
        "[markdown]",
        "%50%",
        "####",
        "::t::",
        "->",
        "\\n",
        "{T}",
        "// bukan komentar",
        "$CATEGORY: x",
    ]
)


@st.composite
def texts(draw: st.DrawFn, *, blank_lines: bool = True) -> str:
    parts = draw(
        st.lists(
            st.one_of(st.text(_ALPHABET, min_size=1, max_size=12), _SNIPPETS),
            min_size=1,
            max_size=4,
        )
    )
    text = " ".join(parts).strip()
    if not blank_lines:
        lines = [line for line in text.split("\n") if line.strip()]
        text = "\n".join(lines).strip()
    return text if text else "teks"


def option_texts(count: int) -> st.SearchStrategy[list[str]]:
    """``count`` option texts the validator accepts as distinct (trimmed, any case)."""
    return st.lists(
        texts(), min_size=count, max_size=count, unique_by=lambda t: " ".join(t.split()).casefold()
    )


def typed_texts(count: int) -> st.SearchStrategy[list[str]]:
    """Answers or pair sides: distinct once normalised, without GIFT's '->' and '*'
    (which GIFT cannot carry in these types; the exporter skips such items, see below)."""
    return st.lists(
        texts().filter(lambda t: "->" not in t and "*" not in t and normalise(t) != ""),
        min_size=count,
        max_size=count,
        unique_by=normalise,
    )


def feedbacks() -> st.SearchStrategy[str | None]:
    return st.one_of(st.none(), texts())


@st.composite
def questions(draw: st.DrawFn, qid: str) -> Question:
    kind = draw(
        st.sampled_from(
            ["single", "multiple", "true_false", "scenario", "short_answer", "matching"]
        )
    )
    prompt = draw(texts())
    explanation = draw(texts())
    if kind == "short_answer":
        words = draw(typed_texts(draw(st.integers(1, 5))))
        cut = draw(st.integers(1, len(words)))
        shares = draw(
            st.lists(st.sampled_from([0.1, 0.25, 0.5, 0.75, 0.9, 0.333]), min_size=len(words))
        )
        return ShortAnswerQuestion(
            id=qid,
            prompt=prompt,
            explanation=explanation,
            answers=tuple(words[:cut]),
            partial=tuple(
                PartialAnswer(answer=w, share=sh)
                for w, sh in zip(words[cut:], shares, strict=False)
            ),
            # In GIFT the wrong-answer feedback shares the answer block, where '->'
            # means a matching pair: such an item is refused for GIFT (tested apart).
            feedback_wrong=draw(feedbacks().filter(lambda t: t is None or "->" not in t)),
        )
    if kind == "matching":
        n = draw(st.integers(3, 8))
        extra = draw(st.integers(0, 4))
        lefts = draw(typed_texts(n))
        rights = draw(typed_texts(n + extra))
        return MatchingQuestion(
            id=qid,
            prompt=prompt,
            explanation=explanation,
            pairs=tuple(MatchPair(left=a, right=b) for a, b in zip(lefts, rights, strict=False)),
            distractors=tuple(rights[n:]),
        )
    if kind == "single":
        n = draw(st.integers(2, 6))
        right = draw(st.integers(0, n - 1))
        options = tuple(
            ChoiceOption(text=text, correct=i == right, feedback=draw(feedbacks()))
            for i, text in enumerate(draw(option_texts(n)))
        )
        return SingleQuestion(id=qid, prompt=prompt, explanation=explanation, options=options)
    if kind == "multiple":
        n = draw(st.integers(2, 8))
        flags = draw(st.lists(st.booleans(), min_size=n, max_size=n).filter(any))
        options = tuple(
            ChoiceOption(text=text, correct=flag, feedback=draw(feedbacks()))
            for flag, text in zip(flags, draw(option_texts(n)), strict=True)
        )
        return MultipleQuestion(id=qid, prompt=prompt, explanation=explanation, options=options)
    if kind == "true_false":
        return TrueFalseQuestion(
            id=qid,
            prompt=prompt,
            explanation=explanation,
            answer=draw(st.booleans()),
            feedback_true=draw(feedbacks()),
            feedback_false=draw(feedbacks()),
        )
    others = draw(st.permutations([1, 2, 3, 4]))[: draw(st.integers(1, 4))]
    scores = [5, *others]
    order = draw(st.permutations(scores))
    return ScenarioQuestion(
        id=qid,
        # The importer splits context from prompt at the last blank line.
        prompt=draw(texts(blank_lines=False)),
        context=draw(texts()),
        explanation=explanation,
        options=tuple(
            ScenarioOption(text=text, score=s, feedback=draw(texts()))
            for s, text in zip(order, draw(option_texts(len(order))), strict=True)
        ),
    )


@st.composite
def banks(draw: st.DrawFn) -> Bank:
    count = draw(st.integers(1, 4))
    return Bank(
        id="acak",
        title=draw(texts()).replace("\n", " "),
        questions=tuple(draw(questions(f"q-{i}")) for i in range(count)),
    )


def _essence(question: Question) -> tuple[object, ...]:
    base = (question.id, question.type, question.prompt, question.context, question.explanation)
    if isinstance(question, TrueFalseQuestion):
        return (*base, question.answer, question.feedback_true, question.feedback_false)
    if isinstance(question, SingleQuestion | MultipleQuestion):
        return (*base, tuple((o.text, o.correct, o.feedback) for o in question.options))
    if isinstance(question, ScenarioQuestion):
        return (*base, tuple((o.text, o.score, o.feedback) for o in question.options))
    if isinstance(question, ShortAnswerQuestion):
        # tolerance has no GIFT or Moodle form and is not generated here.
        return (*base, question.answers, question.partial, question.feedback_wrong)
    if isinstance(question, MatchingQuestion):
        return (*base, question.pairs, question.distractors)
    raise AssertionError(question)


def _round_trip(bank: Bank, fmt: ExportFormat) -> Bank:
    outcome = export_bank(bank, fmt)
    assert outcome.skipped == []
    result = parse_import(outcome.text.encode("utf-8"), fmt, f"bank.{fmt}")
    assert result.skipped == [], result.skipped
    rendered = render_import(result, bank_id=bank.id, fmt=fmt, output=Path("rt.yaml"))
    back, findings = load_text(rendered.text, "rt.yaml", "bank")
    assert isinstance(back, Bank), [f.format() for f in findings]
    return back


_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(banks())
def test_gift_round_trip_keeps_questions(bank: Bank) -> None:
    back = _round_trip(bank, "gift")
    assert [_essence(q) for q in back.questions] == [_essence(q) for q in bank.questions]


@_SETTINGS
@given(banks())
def test_moodle_xml_round_trip_keeps_questions(bank: Bank) -> None:
    back = _round_trip(bank, "moodle-xml")
    assert [_essence(q) for q in back.questions] == [_essence(q) for q in bank.questions]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(banks())
def test_yaml_writer_round_trip(bank: Bank) -> None:
    text = dump_bank(bank, header=["komentar"], question_comments={"q-0": ["periksa\nini"]})
    back, findings = load_text(text, "b.yaml", "bank")
    assert back == bank, [f.format() for f in findings]


def test_gift_skips_typed_items_it_cannot_carry() -> None:
    arrow = MatchingQuestion(
        id="m",
        prompt="P",
        explanation="E",
        pairs=tuple(MatchPair(left=f"a{i} -> b", right=f"r{i}") for i in range(3)),
    )
    star = ShortAnswerQuestion(id="s", prompt="P", explanation="E", answers=("ak*",))
    outcome = export_bank(Bank(id="b", title="B", questions=(arrow, star)), "gift")
    assert outcome.exported == 0
    assert [reason for _, reason in outcome.skipped] == [
        "teks jawaban berisi '->', yang tidak dapat ditulis di GIFT",
        "jawaban berisi '*', yang di GIFT berarti wildcard",
    ]


def test_every_shipped_file_survives_the_yaml_writer() -> None:
    catalog = load_catalog()
    assert catalog.banks and catalog.modules
    for bank in catalog.banks:
        back, findings = load_text(dump_bank(bank), "b.yaml", "bank")
        assert back == bank, (bank.id, [f.format() for f in findings])
        assert [q.line for q in back.questions] != [], bank.id
    for module in catalog.modules:
        back_module, findings = load_text(dump_module(module), "m.yaml", "module")
        assert isinstance(back_module, Module)
        assert back_module == module, (module.id, [f.format() for f in findings])


def test_gift_refuses_a_short_answer_whose_feedback_holds_an_arrow() -> None:
    from latsar_tui.content.model import ShortAnswerQuestion
    from latsar_tui.trainer.gift import gift_problem

    question = ShortAnswerQuestion(
        id="s",
        prompt="Asas?",
        explanation="Karena.",
        answers=("akuntabel",),
        feedback_wrong="Lihat bagan A -> B",
    )
    assert gift_problem(question) == "teks jawaban berisi '->', yang tidak dapat ditulis di GIFT"

"""Scoring of every question type: worked examples, malformed answers, properties."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from quiz_factories import (
    answers_for,
    branching,
    branching_questions,
    multiple,
    multiple_questions,
    ordering,
    questions,
    scenario,
    scenario_questions,
    single,
    single_questions,
    true_false,
)

from latsar_tui.content.model import (
    BranchingQuestion,
    MultipleQuestion,
    Question,
    ScenarioQuestion,
    SingleQuestion,
)
from latsar_tui.quiz.scoring import (
    InvalidAnswer,
    answer_from_json,
    answer_to_json,
    branching_breakdown,
    branching_path,
    branching_points,
    branching_possible_points,
    is_complete,
    right_answer,
    score,
    step_best,
)

PROPERTY = settings(max_examples=150, deadline=None)


# --- worked examples --------------------------------------------------------------


def test_single_scores_one_or_zero() -> None:
    q = single(n=4, correct=2)
    assert score(q, 2) == 1.0
    assert score(q, 0) == 0.0


def test_multiple_counts_right_minus_wrong_over_right() -> None:
    q = multiple(n=5, correct=(0, 2, 4))
    assert score(q, frozenset({0, 2, 4})) == 1.0
    assert score(q, frozenset({0, 2})) == pytest.approx(2 / 3)
    assert score(q, frozenset({0, 2, 1})) == pytest.approx(1 / 3)
    assert score(q, frozenset({0, 1, 3})) == 0.0  # 1 - 2 is floored at 0
    assert score(q, frozenset()) == 0.0
    assert score(q, frozenset(range(5))) == pytest.approx(1 / 3)


def test_true_false() -> None:
    assert score(true_false(answer=False), False) == 1.0
    assert score(true_false(answer=False), True) == 0.0


def test_scenario_is_points_over_five() -> None:
    q = scenario(scores=(3, 5, 1, 4))
    assert [score(q, i) for i in range(4)] == [0.6, 1.0, 0.2, 0.8]


def test_ordering_counts_items_in_place() -> None:
    q = ordering(n=4)
    assert score(q, (0, 1, 2, 3)) == 1.0
    assert score(q, (1, 0, 2, 3)) == 0.5
    assert score(q, (3, 2, 1, 0)) == 0.0
    assert score(q, (0, 2, 3, 1)) == 0.25


def test_branching_judges_each_step_against_its_own_best() -> None:
    q = branching()  # a: best 5 (ends) · b: best 3 · c: best 4
    assert score(q, (1,)) == 1.0
    assert score(q, (0, 0)) == pytest.approx((2 + 3) / (5 + 3))
    # The old rule gave this detour 100 %: it takes two weak choices.
    assert score(q, (0, 1, 0)) == pytest.approx((2 + 0 + 4) / (5 + 3 + 4))
    assert score(q, (2, 1)) == pytest.approx((1 + 1) / (5 + 4))
    assert right_answer(q) == (1,)
    assert branching_points(q, (0, 1, 1)) == 3
    assert branching_possible_points(q, (0, 1, 1)) == 12
    assert [(p.number, p.step_id, p.earned, p.best) for p in branching_breakdown(q, (0, 0))] == [
        (1, "a", 2, 5),
        (2, "b", 3, 3),
    ]
    assert [step.id for step, _ in branching_path(q, (0, 1, 0))] == ["a", "b", "c"]


def test_a_long_best_path_still_scores_full() -> None:
    # Under the old rule the best-choice path a0 -> b0 scored 5/9 because a detour
    # through a weak first choice could collect more points.
    q = branching(
        graph={
            "a": [(5, "b"), (1, "c")],
            "b": [(0, None), (0, None)],
            "c": [(4, "d")],
            "d": [(4, None)],
        }
    )
    assert score(q, (0, 0)) == 1.0
    assert score(q, (1, 0, 0)) == pytest.approx((1 + 4 + 4) / (5 + 4 + 4))


def test_branching_completeness() -> None:
    q = branching()
    assert not is_complete(q, ())
    assert not is_complete(q, (0,))
    assert not is_complete(q, (0, 1))
    assert is_complete(q, (0, 1, 0))
    assert is_complete(q, (1,))
    assert is_complete(single(), 0)


def test_branching_without_points_scores_one() -> None:
    q = branching(graph={"a": [(0, None), (0, None)]})
    assert score(q, (1,)) == 1.0


# --- malformed answers ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (single(n=3), 3),
        (single(n=3), -1),
        (single(n=3), True),
        (single(n=3), "0"),
        (single(n=3), 1.0),
        (scenario(), 9),
        (multiple(n=3), frozenset({3})),
        (multiple(n=3), (0, 1)),
        (multiple(n=3), frozenset({True})),
        (true_false(), 1),
        (true_false(), "benar"),
        (ordering(n=3), (0, 1)),
        (ordering(n=3), (0, 1, 1)),
        (ordering(n=3), (0, 1, 3)),
        (ordering(n=3), frozenset({0, 1, 2})),
        (ordering(n=3), "012"),
        (branching(), (0, 1, 0, 0)),  # a choice after the case ended
        (branching(), (1, 0)),
        (branching(), (0, 2)),  # step b has two choices
        (branching(), 0),
        (branching(), (0, False)),
    ],
)
def test_malformed_answers_raise(question: Question, answer: Any) -> None:
    with pytest.raises(InvalidAnswer):
        score(question, answer)


def test_answer_from_json_rejects_garbage() -> None:
    with pytest.raises(InvalidAnswer):
        answer_from_json(single(), "{not json")
    with pytest.raises(InvalidAnswer):
        answer_from_json(multiple(), "[0,0]")
    with pytest.raises(InvalidAnswer):
        answer_from_json(multiple(), "0")
    with pytest.raises(InvalidAnswer):
        answer_from_json(true_false(), "1")


# --- properties -----------------------------------------------------------------------


@PROPERTY
@given(st.data(), questions())
def test_score_is_within_unit_interval(data: st.DataObject, q: Question) -> None:
    answer = data.draw(answers_for(q))
    assert 0.0 <= score(q, answer) <= 1.0


@PROPERTY
@given(questions())
def test_right_answer_scores_one(q: Question) -> None:
    assert score(q, right_answer(q)) == 1.0
    assert is_complete(q, right_answer(q))


@PROPERTY
@given(st.data(), questions())
def test_answer_json_round_trip(data: st.DataObject, q: Question) -> None:
    answer: Any = data.draw(answers_for(q))
    text = answer_to_json(answer)
    assert answer_from_json(q, text) == answer
    assert type(answer_from_json(q, text)) is type(answer)


def _permuted_options(q: Question, perm: Sequence[int]) -> Question:
    """The question with its options reordered: ``perm[new] = old``."""
    assert isinstance(q, SingleQuestion | MultipleQuestion | ScenarioQuestion)
    options = tuple(q.options[old] for old in perm)
    return dataclasses.replace(q, options=options)  # type: ignore[arg-type]


def _mapped(answer: Any, perm: Sequence[int]) -> Any:
    new_of = {old: new for new, old in enumerate(perm)}
    if isinstance(answer, frozenset):
        return frozenset(new_of[i] for i in answer)
    return new_of[answer]


@PROPERTY
@given(st.data(), st.one_of(single_questions(), multiple_questions(), scenario_questions()))
def test_option_order_never_changes_a_score(data: st.DataObject, q: Question) -> None:
    assert isinstance(q, SingleQuestion | MultipleQuestion | ScenarioQuestion)
    perm = data.draw(st.permutations(range(len(q.options))))
    answer = data.draw(answers_for(q))
    assert score(_permuted_options(q, perm), _mapped(answer, perm)) == score(q, answer)


@PROPERTY
@given(st.data(), branching_questions())
def test_choice_order_never_changes_a_branching_score(
    data: st.DataObject, q: BranchingQuestion
) -> None:
    perms = {step.id: data.draw(st.permutations(range(len(step.choices)))) for step in q.steps}
    steps = tuple(
        dataclasses.replace(step, choices=tuple(step.choices[old] for old in perms[step.id]))
        for step in q.steps
    )
    shuffled = dataclasses.replace(q, steps=steps)
    answer = data.draw(answers_for(q))
    assert isinstance(answer, tuple)
    # Walk the original path and map each choice to its new position.
    mapped = []
    for (step, _), index in zip(branching_path(q, answer), answer, strict=True):
        mapped.append(list(perms[step.id]).index(index))
    assert score(shuffled, tuple(mapped)) == score(q, answer)


def _all_paths(q: BranchingQuestion) -> list[tuple[int, ...]]:
    """Every complete path from ``start``, enumerated one by one."""
    steps = q.steps_by_id

    def walk(step_id: str) -> list[tuple[int, ...]]:
        found: list[tuple[int, ...]] = []
        for index, choice in enumerate(steps[step_id].choices):
            if choice.next is None:
                found.append((index,))
            else:
                found.extend((index, *rest) for rest in walk(choice.next))
        return found

    return walk(q.start)


def _takes_a_weaker_choice(q: BranchingQuestion, path: tuple[int, ...]) -> bool:
    return any(choice.score < step_best(step) for step, choice in branching_path(q, path))


@PROPERTY
@given(branching_questions())
def test_only_best_choices_score_full(q: BranchingQuestion) -> None:
    """100 % exactly when every choice taken was a best choice of its step."""
    for path in _all_paths(q):
        if _takes_a_weaker_choice(q, path):
            assert score(q, path) < 1.0, path
        else:
            assert score(q, path) == 1.0, path
    assert score(q, right_answer(q)) == 1.0

"""Pure scoring of every question type, exactly as the content format defines it.

Answers are always in *canonical* indices (the order the trainer wrote), never the
shuffled order a learner saw; the session engine maps between the two. A malformed
answer (an index out of range, the wrong Python type, a repeated item, branching
choices that leave the case) raises :class:`InvalidAnswer` instead of scoring 0, so
that a front-end bug is caught rather than recorded as a wrong answer.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from latsar_tui.content.model import (
    Answer,
    BranchChoice,
    BranchingQuestion,
    BranchStep,
    MatchingQuestion,
    MultipleQuestion,
    OrderingQuestion,
    Question,
    ScenarioQuestion,
    ShortAnswerQuestion,
    SingleQuestion,
    TrueFalseQuestion,
)
from latsar_tui.i18n import _
from latsar_tui.quiz.typed_answers import judge

# A typed short answer longer than this is a front-end bug (or a paste), not an answer.
SHORT_ANSWER_MAX_CHARS = 500

SCENARIO_MAX = 5


class InvalidAnswer(ValueError):
    """An answer that does not fit its question (type, range, duplicates, path)."""


# --- checking answers ---------------------------------------------------------------


def _is_index(value: object) -> bool:
    # bool is a subclass of int; True as an option index is a front-end bug.
    return isinstance(value, int) and not isinstance(value, bool)


def _check_index(value: object, count: int, what: str) -> int:
    if not _is_index(value):
        raise InvalidAnswer(
            _("{what} harus berupa indeks bilangan bulat, ditemukan {type}").format(
                what=what, type=type(value).__name__
            )
        )
    assert isinstance(value, int)
    if not 0 <= value < count:
        raise InvalidAnswer(
            _("{what} {value} di luar rentang 0..{last}").format(
                what=what, value=value, last=count - 1
            )
        )
    return value


def _check_sequence(value: object, what: str) -> tuple[int, ...]:
    if not isinstance(value, tuple | list):
        raise InvalidAnswer(
            _("{what} harus berupa deretan bilangan bulat, ditemukan {type}").format(
                what=what, type=type(value).__name__
            )
        )
    for item in value:
        if not _is_index(item):
            raise InvalidAnswer(
                _("{what} harus berisi indeks bilangan bulat, ditemukan {type}").format(
                    what=what, type=type(item).__name__
                )
            )
    return tuple(value)


def _check_choice_set(question: MultipleQuestion, answer: object) -> frozenset[int]:
    if not isinstance(answer, frozenset | set):
        raise InvalidAnswer(
            _("jawaban soal multiple harus berupa himpunan (frozenset), ditemukan {type}").format(
                type=type(answer).__name__
            )
        )
    for index in answer:
        _check_index(index, len(question.options), _("opsi"))
    return frozenset(answer)


def _check_ordering(question: OrderingQuestion, answer: object) -> tuple[int, ...]:
    sequence = _check_sequence(answer, _("jawaban soal ordering"))
    count = len(question.items)
    if len(sequence) != count:
        raise InvalidAnswer(
            _("jawaban soal ordering memerlukan {count} butir, ditemukan {got}").format(
                count=count, got=len(sequence)
            )
        )
    for index in sequence:
        _check_index(index, count, _("butir"))
    if len(set(sequence)) != count:
        raise InvalidAnswer(_("jawaban soal ordering mengulang sebuah butir"))
    return sequence


def _check_matching(question: MatchingQuestion, answer: object) -> tuple[int, ...]:
    sequence = _check_sequence(answer, _("jawaban soal matching"))
    count = len(question.pairs)
    if len(sequence) != count:
        raise InvalidAnswer(
            _("jawaban soal matching memerlukan {count} pilihan, ditemukan {got}").format(
                count=count, got=len(sequence)
            )
        )
    for index in sequence:
        _check_index(index, len(question.rights), _("butir sisi kanan"))
    return sequence


def _check_typed(answer: object) -> str:
    if not isinstance(answer, str):
        raise InvalidAnswer(
            _("jawaban singkat harus berupa teks, ditemukan {type}").format(
                type=type(answer).__name__
            )
        )
    if len(answer) > SHORT_ANSWER_MAX_CHARS:
        raise InvalidAnswer(
            _("jawaban singkat lebih dari {most} karakter").format(most=SHORT_ANSWER_MAX_CHARS)
        )
    return answer


def branching_path(
    q: BranchingQuestion, choices: Sequence[int]
) -> list[tuple[BranchStep, BranchChoice]]:
    """The (step, chosen choice) pairs along the path the choices take from ``start``.

    A prefix of a path is allowed (the case is still unfolding); a choice after the
    case has ended, or an index a step does not have, raises :class:`InvalidAnswer`.
    """
    sequence = _check_sequence(choices, _("jawaban soal branching"))
    steps = q.steps_by_id
    path: list[tuple[BranchStep, BranchChoice]] = []
    step_id: str | None = q.start
    for number, index in enumerate(sequence, start=1):
        if step_id is None:
            raise InvalidAnswer(
                _(
                    "jawaban soal branching memuat {count} pilihan, padahal kasusnya berakhir "
                    "setelah {last}"
                ).format(count=len(sequence), last=number - 1)
            )
        step = steps.get(step_id)
        if step is None:
            raise InvalidAnswer(_("langkah {step} tidak ada").format(step=repr(step_id)))
        what = _("pilihan di langkah {step}").format(step=repr(step_id))
        choice = step.choices[_check_index(index, len(step.choices), what)]
        path.append((step, choice))
        step_id = choice.next
    return path


def branching_points(q: BranchingQuestion, choices: Sequence[int]) -> int:
    """Points earned on the path the choices take."""
    return sum(choice.score for _step, choice in branching_path(q, choices))


@dataclass(frozen=True, slots=True)
class StepScore:
    """One decision of a branching path: what it earned against its own step's best."""

    number: int  # 1-based position on the path
    step_id: str
    earned: int
    best: int


def step_best(step: BranchStep) -> int:
    """The highest score any choice of the step offers."""
    return max((choice.score for choice in step.choices), default=0)


def branching_breakdown(q: BranchingQuestion, choices: Sequence[int]) -> list[StepScore]:
    """Each decision on the path, judged against the best choice of its own step."""
    return [
        StepScore(number, step.id, choice.score, step_best(step))
        for number, (step, choice) in enumerate(branching_path(q, choices), start=1)
    ]


def branching_possible_points(q: BranchingQuestion, choices: Sequence[int]) -> int:
    """The sum, over the steps the path visits, of each step's highest score."""
    return sum(part.best for part in branching_breakdown(q, choices))


def branching_best_path(q: BranchingQuestion) -> tuple[int, ...]:
    """A path that takes a best choice at every step (the first best where several tie)."""
    steps = q.steps_by_id
    path: list[int] = []
    step_id: str | None = q.start
    seen: set[str] = set()
    while step_id is not None and step_id not in seen:
        seen.add(step_id)
        step = steps[step_id]
        best = step_best(step)
        index = next(i for i, choice in enumerate(step.choices) if choice.score == best)
        path.append(index)
        step_id = step.choices[index].next
    return tuple(path)


def check_answer(question: Question, answer: object) -> Answer:
    """The answer, normalised (a set becomes a frozenset, a list a tuple), or raise."""
    if isinstance(question, SingleQuestion | ScenarioQuestion):
        return _check_index(answer, len(question.options), _("opsi"))
    if isinstance(question, MultipleQuestion):
        return _check_choice_set(question, answer)
    if isinstance(question, TrueFalseQuestion):
        if not isinstance(answer, bool):
            raise InvalidAnswer(
                _("jawaban soal true_false harus berupa true atau false, ditemukan {type}").format(
                    type=type(answer).__name__
                )
            )
        return answer
    if isinstance(question, OrderingQuestion):
        return _check_ordering(question, answer)
    if isinstance(question, ShortAnswerQuestion):
        return _check_typed(answer)
    if isinstance(question, MatchingQuestion):
        return _check_matching(question, answer)
    sequence = _check_sequence(answer, _("jawaban soal branching"))
    branching_path(question, sequence)
    return sequence


def is_complete(question: Question, answer: Answer) -> bool:
    """Whether the answer is whole: for branching, the path has reached an end.

    Every other type is complete once it is a valid answer.
    """
    checked = check_answer(question, answer)
    if not isinstance(question, BranchingQuestion):
        return True
    assert isinstance(checked, tuple)
    path = branching_path(question, checked)
    return bool(path) and path[-1][1].next is None


# --- scoring -----------------------------------------------------------------------


def score(question: Question, answer: Answer) -> float:
    """The answer's score in [0, 1], as the content format defines it per type."""
    checked = check_answer(question, answer)
    if isinstance(question, SingleQuestion):
        return 1.0 if checked == question.correct_index else 0.0
    if isinstance(question, MultipleQuestion):
        assert isinstance(checked, frozenset)
        right = question.correct_indices
        earned = len(checked & right) - len(checked - right)
        return max(earned, 0) / len(right)
    if isinstance(question, TrueFalseQuestion):
        return 1.0 if checked is question.answer else 0.0
    if isinstance(question, ScenarioQuestion):
        assert isinstance(checked, int)
        return question.options[checked].score / SCENARIO_MAX
    if isinstance(question, OrderingQuestion):
        assert isinstance(checked, tuple)
        in_place = sum(1 for position, item in enumerate(checked) if position == item)
        return in_place / len(question.items)
    if isinstance(question, ShortAnswerQuestion):
        assert isinstance(checked, str)
        return judge(question, checked).score
    if isinstance(question, MatchingQuestion):
        assert isinstance(checked, tuple)
        matched = sum(1 for pick, key in zip(checked, question.key, strict=True) if pick == key)
        return matched / len(question.pairs)
    assert isinstance(checked, tuple)
    # Each decision is judged against its own step's best, so a detour can neither
    # earn back what a weak first choice lost nor make a best-choice path fall short.
    parts = branching_breakdown(question, checked)
    possible = sum(part.best for part in parts)
    if possible == 0:
        return 1.0  # no step on the path offered a point: nothing was lost
    return sum(part.earned for part in parts) / possible


def right_answer(question: Question) -> Answer:
    """The answer that scores 1 (for branching: a best path from ``start``)."""
    if isinstance(question, SingleQuestion):
        return question.correct_index
    if isinstance(question, MultipleQuestion):
        return question.correct_indices
    if isinstance(question, TrueFalseQuestion):
        return question.answer
    if isinstance(question, ScenarioQuestion):
        return question.best_index
    if isinstance(question, OrderingQuestion):
        return tuple(range(len(question.items)))
    if isinstance(question, ShortAnswerQuestion):
        return question.answers[0]
    if isinstance(question, MatchingQuestion):
        return question.key
    return branching_best_path(question)


# --- storage form ------------------------------------------------------------------


def answer_to_json(answer: Answer) -> str:
    """Compact JSON of an answer (sets sorted, so equal answers give equal text)."""
    value: Any
    # A typed short answer is stored as JSON text, non-ASCII kept readable.
    if isinstance(answer, str):
        return json.dumps(answer, ensure_ascii=False)
    if isinstance(answer, frozenset | set):
        value = sorted(answer)
    elif isinstance(answer, tuple):
        value = list(answer)
    else:
        value = answer
    return json.dumps(value, separators=(",", ":"))


def answer_from_json(question: Question, text: str) -> Answer:
    """The answer stored by :func:`answer_to_json`, checked against the question."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidAnswer(
            _("jawaban tersimpan bukan JSON: {error}").format(error=error)
        ) from None
    if isinstance(question, MultipleQuestion):
        if not isinstance(value, list):
            raise InvalidAnswer(_("jawaban soal multiple yang tersimpan harus berupa daftar"))
        if not all(_is_index(v) for v in value):
            raise InvalidAnswer(
                _("jawaban soal multiple yang tersimpan harus berisi indeks bilangan bulat")
            )
        if len(set(value)) != len(value):
            raise InvalidAnswer(_("jawaban soal multiple yang tersimpan mengulang sebuah opsi"))
        value = frozenset(value)
    elif isinstance(
        question, OrderingQuestion | BranchingQuestion | MatchingQuestion
    ) and isinstance(value, list):
        value = tuple(value)
    return check_answer(question, value)

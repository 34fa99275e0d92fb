"""The built-in banks cannot be passed by a test-taking trick, and their branching cases
score exactly as the revised rule says.

A learner who knows nothing and always picks the longest option, or always the first
one listed, plays every built-in bank through the session engine (options and choices
shuffled exactly as the app shows them); their mean score must stay near what guessing
gives (random guessing on a scenario item gives 60 %).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from latsar_tui.content.loader import load_catalog
from latsar_tui.content.model import (
    Answer,
    BranchingQuestion,
    Catalog,
    MatchingQuestion,
    MultipleQuestion,
    OrderingQuestion,
    ScenarioQuestion,
    ShortAnswerQuestion,
    SingleQuestion,
    TrueFalseQuestion,
)
from latsar_tui.paths import Paths
from latsar_tui.quiz import scoring
from latsar_tui.quiz.clock import FakeClock
from latsar_tui.quiz.session import Mode, PresentedQuestion, QuizSession, Scope
from latsar_tui.store.progress import ProgressStore

MAX_STRATEGY_MEAN = 0.65
SEEDS = (1, 2, 3, 4, 5)

# Picks one of the texts shown, in display order; returns its display position.
Picker = Callable[[list[str]], int]


def _longest(texts: list[str]) -> int:
    lengths = [len(text) for text in texts]
    return lengths.index(max(lengths))  # a tie goes to the one listed first


def _first(texts: list[str]) -> int:
    return 0


STRATEGIES: dict[str, Picker] = {"longest": _longest, "first": _first}

_CATALOG = load_catalog(Paths.resolve("/nonexistent-latsar-home-for-strategy-test"))
BANK_IDS = [bank.id for bank in _CATALOG.banks]
CASES = [
    pytest.param(bank.id, question, id=f"{bank.id}/{question.id}")
    for bank in _CATALOG.banks
    for question in bank.questions
    if isinstance(question, BranchingQuestion)
]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return _CATALOG


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ProgressStore]:
    monkeypatch.setenv("LATSAR_HOME", str(tmp_path / "home"))
    with ProgressStore.open(Paths.resolve().ensure()) as opened:
        yield opened


def _answer(presented: PresentedQuestion, pick: Picker) -> Answer:
    """What the strategy answers to the question as the learner sees it."""
    q = presented.question
    if isinstance(q, TrueFalseQuestion):
        return pick(["Benar", "Salah"]) == 0
    if isinstance(q, SingleQuestion | ScenarioQuestion | MultipleQuestion):
        shown = [q.options[presented.canonical(i)].text for i in range(len(q.options))]
        chosen = presented.canonical(pick(shown))
        return frozenset({chosen}) if isinstance(q, MultipleQuestion) else chosen
    if isinstance(q, OrderingQuestion):
        return tuple(presented.canonical(i) for i in range(len(q.items)))  # as shown
    if isinstance(q, ShortAnswerQuestion):
        # With nothing to pick from, the trick is to echo a word of the prompt.
        words = q.prompt.split() or ["?"]
        return words[pick(words)]
    if isinstance(q, MatchingQuestion):
        shown = [q.rights[presented.canonical(i)] for i in range(len(q.rights))]
        return tuple(presented.canonical(pick(shown)) for _ in q.pairs)
    assert isinstance(q, BranchingQuestion)
    path: list[int] = []
    step_id: str | None = q.start
    while step_id is not None:
        step = q.step(step_id)
        order = presented.step_order(step_id)
        index = order[pick([step.choices[i].text for i in order])]
        path.append(index)
        step_id = step.choices[index].next
    return tuple(path)


@pytest.mark.parametrize("strategy", sorted(STRATEGIES))
@pytest.mark.parametrize("bank_id", BANK_IDS)
def test_no_trick_passes_a_builtin_bank(
    catalog: Catalog, store: ProgressStore, bank_id: str, strategy: str
) -> None:
    pick = STRATEGIES[strategy]
    scores: list[float] = []
    for seed in SEEDS:
        session = QuizSession.start(
            catalog, store, Scope(bank_id=bank_id), Mode.PRACTICE, seed=seed, clock=FakeClock()
        )
        while (presented := session.current()) is not None:
            scores.append(session.answer(_answer(presented, pick)).score)
        session.finish()
    mean = sum(scores) / len(scores)
    assert mean <= MAX_STRATEGY_MEAN, f"{strategy!r} scores {mean:.0%} on {bank_id}"


def _paths(q: BranchingQuestion, step_id: str) -> Iterator[tuple[int, ...]]:
    for index, choice in enumerate(q.step(step_id).choices):
        if choice.next is None:
            yield (index,)
        else:
            yield from ((index, *rest) for rest in _paths(q, choice.next))


@pytest.mark.parametrize(("bank_id", "case"), CASES)
def test_builtin_case_scores_full_only_on_best_choices(
    bank_id: str, case: BranchingQuestion
) -> None:
    paths = list(_paths(case, case.start))
    assert len(paths) >= 2
    for path in paths:
        weaker = [
            step.id
            for step, choice in scoring.branching_path(case, path)
            if choice.score < scoring.step_best(step)
        ]
        if weaker:
            assert scoring.score(case, path) < 1.0, (path, weaker)
        else:
            assert scoring.score(case, path) == 1.0, path
    assert scoring.score(case, scoring.right_answer(case)) == 1.0

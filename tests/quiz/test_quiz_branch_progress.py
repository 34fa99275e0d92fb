"""A branching case quit half-way: the steps taken are kept and given back on resume,
never scored or scheduled, and dropped when the case ends or the attempt does."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from quiz_factories import bank, branching, catalog, single

from latsar_tui.content.model import Catalog
from latsar_tui.paths import Paths
from latsar_tui.quiz.clock import FakeClock
from latsar_tui.quiz.scoring import InvalidAnswer
from latsar_tui.quiz.session import Mode, QuizSession, Scope, SessionError
from latsar_tui.store.progress import ProgressStore


def _catalog(case: object | None = None) -> Catalog:
    return catalog(bank("bank", [single("s1"), case or branching("b1"), single("s2")]))


@pytest.fixture
def store(paths: Paths) -> Iterator[ProgressStore]:
    with ProgressStore.open(paths) as opened:
        yield opened


def _at_the_case(store: ProgressStore, mode: Mode = Mode.PRACTICE) -> QuizSession:
    session = QuizSession.start(
        _catalog(), store, Scope(bank_id="bank"), mode, seed=3, clock=FakeClock()
    )
    while (current := session.current()) is not None and current.question.id != "b1":
        session.answer(0)  # a single question; practice keeps file order, exam shuffles
        if session.free_navigation:
            session.move(1)  # an exam stays on an answered question until told
    return session


def _pending_rows(store: ProgressStore) -> int:
    with store.connection() as conn:
        return int(conn.execute("SELECT count(*) FROM pending_branch").fetchone()[0])


def test_partial_path_is_given_back_on_resume(store: ProgressStore) -> None:
    session = _at_the_case(store)
    assert session.branch_progress() == ()
    session.save_branch_progress([0])
    session.save_branch_progress([0, 1])  # a -> b -> c: the latest path replaces the first
    assert session.branch_progress() == (0, 1)
    assert {c.question_id for c in store.cards()} == {"s1"}  # no card for the steps
    assert len(store.answers_for_attempt(session.attempt_id)) == 1  # steps are not answers

    resumed = QuizSession.resume(_catalog(), store, session.attempt_id, clock=FakeClock())
    current = resumed.current()
    assert current is not None and current.question.id == "b1"
    assert resumed.branch_progress() == (0, 1)

    outcome = resumed.answer((0, 1, 0))  # the case ends: scored as one answer
    assert outcome.score == 1.0
    assert _pending_rows(store) == 0
    assert resumed.branch_progress() == ()  # s2 is not a case
    again = QuizSession.resume(_catalog(), store, session.attempt_id, clock=FakeClock())
    assert again.branch_progress() == ()
    assert {c.question_id for c in store.cards()} == {"s1", "b1"}


def test_bad_partial_paths_are_refused(store: ProgressStore) -> None:
    session = _at_the_case(store)
    with pytest.raises(InvalidAnswer):
        session.save_branch_progress([7])  # step a has three choices
    with pytest.raises(InvalidAnswer):
        session.save_branch_progress([1])  # a1 ends the case: that is an answer
    assert _pending_rows(store) == 0
    session.answer((1,))
    assert session.current() is not None
    with pytest.raises(SessionError):
        session.save_branch_progress([0])  # s2 is not a branching case


def test_finishing_drops_a_case_left_half_way(store: ProgressStore) -> None:
    session = _at_the_case(store, Mode.EXAM)
    session.save_branch_progress([2])
    result = session.finish()
    assert _pending_rows(store) == 0
    case = next(item for item in result.items if item.question.id == "b1")
    assert case.answer is None and case.score == 0.0


def test_a_case_edited_since_starts_again(store: ProgressStore) -> None:
    session = _at_the_case(store)
    session.save_branch_progress([0, 1])
    edited = branching("b1", graph={"a": [(2, "b"), (5, None)], "b": [(3, None)]})
    resumed = QuizSession.resume(_catalog(edited), store, session.attempt_id)
    assert resumed.branch_progress() == ()  # b has no choice 1 any more

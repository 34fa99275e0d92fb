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
    assert outcome.score == pytest.approx((2 + 0 + 4) / (5 + 3 + 4))  # each step's best
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


def _step_orders(session: QuizSession) -> dict[str, tuple[int, ...]]:
    case = next(p for p in session.questions if p.question.id == "b1")
    return {step.id: case.step_order(step.id) for step in case.question.steps}  # type: ignore[union-attr]


def test_choices_are_shuffled_by_the_seed_and_kept_on_resume(store: ProgressStore) -> None:
    # Five choices per step, so two seeds agreeing on every step by chance is unlikely
    # and, with these fixed seeds, known not to happen.
    wide = branching(
        "b1",
        graph={
            "a": [(5, "b"), (4, "b"), (3, None), (2, None), (1, None)],
            "b": [(5, None), (4, None), (3, None), (2, None), (1, None)],
        },
    )
    cat = _catalog(wide)
    orders = []
    for seed in (1, 2):
        session = QuizSession.start(
            cat, store, Scope(bank_id="bank"), Mode.PRACTICE, seed=seed, clock=FakeClock()
        )
        orders.append(_step_orders(session))
        for step_order in orders[-1].values():
            assert sorted(step_order) == [0, 1, 2, 3, 4]
        resumed = QuizSession.resume(cat, store, session.attempt_id, clock=FakeClock())
        assert _step_orders(resumed) == orders[-1]
    assert orders[0] != orders[1]
    assert any(order != (0, 1, 2, 3, 4) for order in orders[0].values())


def test_an_attempt_stored_before_shuffling_shows_choices_as_written(
    store: ProgressStore,
) -> None:
    session = _at_the_case(store)
    with store.connection() as conn:
        conn.execute("UPDATE attempt_items SET option_order_json = '[]' WHERE question_id = 'b1'")
    resumed = QuizSession.resume(_catalog(), store, session.attempt_id, clock=FakeClock())
    assert _step_orders(resumed) == {"a": (0, 1, 2), "b": (0, 1), "c": (0, 1)}

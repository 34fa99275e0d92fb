"""The session engine driven end to end against a real store and a fake clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from quiz_factories import (
    all_types,
    bank,
    branching,
    catalog,
    module,
    multiple,
    ordering,
    single,
)

from latsar_tui.content.model import (
    Answer,
    BranchingQuestion,
    Catalog,
    MultipleQuestion,
    OrderingQuestion,
    ScenarioQuestion,
    SingleQuestion,
    TrueFalseQuestion,
)
from latsar_tui.paths import Paths
from latsar_tui.quiz.clock import FakeClock
from latsar_tui.quiz.scoring import InvalidAnswer, right_answer
from latsar_tui.quiz.session import (
    Mode,
    PresentedQuestion,
    QuizSession,
    Scope,
    SessionError,
    TimeUp,
    load_result,
)
from latsar_tui.store.progress import ProgressStore

BANK_A_IDS = ["s1", "m1", "t1", "c1", "o1", "b1"]


def _catalog(without: str | None = None) -> Catalog:
    bank_a = bank(
        "bank-a",
        [q for q in all_types(lesson="l1") if q.id != without],
        module="mod",
        pass_mark=60,
        time_limit_minutes=10,
    )
    bank_b = bank(
        "bank-b",
        [
            single("b-s1", lesson="l2"),
            single("b-s2", lesson="l1"),
            ordering("b-o1", lesson="l2"),
            single("b-s3", lesson="l2", tags=("ham",)),
        ],
        module="mod",
        time_limit_minutes=5,
    )
    other = bank("other", [single("x1")])
    return catalog(bank_a, bank_b, other, modules=[module("mod", ["l1", "l2", "l3"])])


@pytest.fixture
def store(paths: Paths) -> Iterator[ProgressStore]:
    with ProgressStore.open(paths) as opened:
        yield opened


def _ids(session: QuizSession) -> list[str]:
    return [p.question.id for p in session.questions]


def _learner_answer(presented: PresentedQuestion) -> Answer:
    """The right answer, chosen the way a front end does: by display position."""
    q = presented.question
    if isinstance(q, SingleQuestion | ScenarioQuestion):
        shown = presented.display_index(right_answer(q))  # type: ignore[arg-type]
        return presented.canonical(shown)
    if isinstance(q, MultipleQuestion):
        shown_set = {presented.display_index(i) for i in q.correct_indices}
        return frozenset(presented.canonical(i) for i in shown_set)
    if isinstance(q, OrderingQuestion):
        # The learner moves the shown items into the right sequence.
        return tuple(sorted(presented.order))
    return right_answer(q)


def test_whole_bank_practice_session(store: ProgressStore, paths: Paths) -> None:
    clock = FakeClock()
    session = QuizSession.start(
        _catalog(), store, Scope(bank_id="bank-a"), Mode.PRACTICE, seed=7, clock=clock
    )
    assert session.title == "Bank bank-a"
    assert session.mode is Mode.PRACTICE
    assert session.time_limit is None and session.time_left() is None
    assert session.pass_mark == 60
    assert _ids(session) == BANK_A_IDS  # practice keeps the file order
    for shown in session.questions:
        if isinstance(shown.question, TrueFalseQuestion):
            assert shown.order == ()
        elif isinstance(shown.question, BranchingQuestion):
            for step in shown.question.steps:
                assert sorted(shown.step_order(step.id)) == list(range(len(step.choices)))
        else:
            assert sorted(shown.order) == list(range(len(shown.order))) != []
    assert any(p.order != tuple(sorted(p.order)) for p in session.questions)  # shuffled
    wrong: dict[str, Answer] = {"m1": frozenset({0}), "o1": (1, 0, 2, 3), "b1": (0, 0)}
    scores = []
    while (presented := session.current()) is not None:
        assert presented.position == session.answered_count
        clock.advance(20)
        answer = wrong.get(presented.question.id, _learner_answer(presented))
        outcome = session.answer(answer)
        assert outcome.presented == presented
        scores.append(outcome.score)
    assert scores == pytest.approx([1.0, 0.5, 1.0, 1.0, 0.5, 5 / 8])
    assert session.answered_count == 6
    result = session.finish()
    assert session.is_finished and session.current() is None
    assert result.total == 6 and result.answered == 6
    assert result.points == pytest.approx(sum(scores))
    assert result.percent == pytest.approx(100 * sum(scores) / 6)
    assert result.passed is None  # only an exam passes or fails
    assert not result.timed_out
    assert result.by_tag == pytest.approx({"pelayanan": 75.0, "gedsi": 75.0})
    assert result.by_lesson == pytest.approx({"l1": result.percent})
    assert [item.question.id for item in result.items] == BANK_A_IDS
    assert result.items[1].answer == frozenset({0})
    answers = store.answers_for_attempt(session.attempt_id)
    assert [a.question_id for a in answers] == BANK_A_IDS
    assert all(a.time_taken_seconds == 20.0 for a in answers)
    record = store.attempt(session.attempt_id)
    assert record is not None and record.is_finished and record.bank_id == "bank-a"
    assert record.module_id == "mod"
    assert record.percent == pytest.approx(result.percent)
    assert store.bank_scores()["bank-a"].attempts == 1
    assert session.finish() == result  # finishing twice changes nothing
    with pytest.raises(SessionError):
        session.answer(0)


def test_whole_exam_session(store: ProgressStore) -> None:
    clock = FakeClock()
    session = QuizSession.start(
        _catalog(), store, Scope(bank_id="bank-a"), Mode.EXAM, seed=3, clock=clock
    )
    assert sorted(_ids(session)) == sorted(BANK_A_IDS)
    again = QuizSession.start(
        _catalog(), store, Scope(bank_id="bank-a"), Mode.EXAM, seed=3, clock=clock
    )
    assert again.questions == session.questions  # the seed decides every order
    shuffled = {
        tuple(
            _ids(
                QuizSession.start(_catalog(), store, Scope(bank_id="bank-a"), Mode.EXAM, seed=seed)
            )
        )
        for seed in range(5)
    }
    assert len(shuffled) > 1  # exam order is shuffled, not file order each time
    assert session.time_limit == timedelta(minutes=10)
    while (presented := session.current()) is not None:
        clock.advance(30)
        assert session.answer(_learner_answer(presented)).score == 1.0
    assert session.time_left() == timedelta(minutes=7)
    result = session.finish()
    assert result.percent == 100.0 and result.passed is True and not result.timed_out
    record = store.attempt(session.attempt_id)
    assert record is not None and record.time_used_seconds == 180.0
    assert load_result(_catalog(), store, session.attempt_id) == result


def test_exam_runs_out_of_time(store: ProgressStore) -> None:
    clock = FakeClock()
    session = QuizSession.start(
        _catalog(), store, Scope(bank_id="bank-a"), Mode.EXAM, seed=1, clock=clock
    )
    first = session.current()
    assert first is not None
    clock.advance(minutes=4)
    session.answer(_learner_answer(first))
    assert session.time_left() == timedelta(minutes=6)
    clock.advance(minutes=6)
    assert session.is_time_up()
    assert session.time_left() == timedelta(0)
    with pytest.raises(TimeUp):
        session.answer(0)
    assert len(store.answers_for_attempt(session.attempt_id)) == 1
    clock.advance(minutes=30)  # the learner looks away; the overrun is not counted
    result = session.finish()
    assert result.timed_out and result.passed is False
    assert result.answered == 1 and result.total == 6
    assert result.percent == pytest.approx(100 / 6)
    assert [item.answer is None for item in result.items] == [False] + [True] * 5
    record = store.attempt(session.attempt_id)
    assert record is not None and record.timed_out and record.time_used_seconds == 600.0
    assert session.time_used() == timedelta(minutes=10)


def test_resume_in_a_fresh_engine(paths: Paths) -> None:
    clock = FakeClock()
    with ProgressStore.open(paths) as first_store:
        session = QuizSession.start(
            _catalog(), first_store, Scope(bank_id="bank-a"), Mode.EXAM, seed=11, clock=clock
        )
        for _ in range(2):
            clock.advance(minutes=1)
            presented = session.current()
            assert presented is not None
            session.answer(_learner_answer(presented))
        clock.advance(seconds=45)
        session.checkpoint()
        clock.advance(minutes=2)  # not checkpointed: lost, as if the app was killed
        shown = session.questions
        attempt_id = session.attempt_id
    later = FakeClock(clock.now() + timedelta(days=2))  # the app was closed for two days
    with ProgressStore.open(paths) as second_store:
        assert [a.id for a in second_store.unfinished_attempts()] == [attempt_id]
        resumed = QuizSession.resume(_catalog(), second_store, attempt_id, clock=later)
        assert resumed.questions == shown
        assert resumed.answered_count == 2
        current = resumed.current()
        assert current is not None and current.position == 2
        assert current == shown[2]
        assert resumed.time_left() == timedelta(minutes=10) - timedelta(minutes=2, seconds=45)
        later.advance(minutes=1)
        assert resumed.time_left() == timedelta(minutes=6, seconds=15)
        while (presented := resumed.current()) is not None:
            resumed.answer(_learner_answer(presented))
        result = resumed.finish()
        assert result.answered == 6 and result.percent == 100.0
        assert [item.question.id for item in result.items] == [p.question.id for p in shown]
        with pytest.raises(SessionError, match="sudah selesai"):
            QuizSession.resume(_catalog(), second_store, attempt_id)


def test_resume_refuses_vanished_questions(store: ProgressStore) -> None:
    session = QuizSession.start(_catalog(), store, Scope(bank_id="bank-a"), Mode.PRACTICE)
    with pytest.raises(SessionError, match="bank-a/o1"):
        QuizSession.resume(_catalog(without="o1"), store, session.attempt_id)
    with pytest.raises(SessionError, match="tidak ditemukan"):
        QuizSession.resume(_catalog(), store, 999)


def test_random_n_of_a_module(store: ProgressStore) -> None:
    scope = Scope(module_id="mod", count=4)
    session = QuizSession.start(_catalog(), store, scope, Mode.PRACTICE, seed=5)
    assert session.total == 4
    assert len(set(_ids(session))) == 4
    module_ids = set(BANK_A_IDS) | {"b-s1", "b-s2", "b-o1", "b-s3"}
    assert set(_ids(session)) <= module_ids
    assert session.title == "Modul mod: 4 soal acak"
    assert QuizSession.start(_catalog(), store, scope, Mode.PRACTICE, seed=5).questions == (
        session.questions
    )
    record = store.attempt(session.attempt_id)
    assert record is not None and record.bank_id is None and record.module_id == "mod"
    everything = QuizSession.start(
        _catalog(), store, Scope(module_id="mod", count=50), Mode.EXAM, seed=5
    )
    assert sorted(_ids(everything)) == sorted(module_ids)
    assert everything.time_limit is None  # questions from two banks: no single limit
    resumed = QuizSession.resume(_catalog(), store, session.attempt_id)
    assert resumed.scope == scope and resumed.questions == session.questions


def test_one_lesson_across_the_module_banks(store: ProgressStore) -> None:
    scope = Scope(module_id="mod", lesson_id="l2")
    session = QuizSession.start(_catalog(), store, scope, Mode.PRACTICE, seed=2)
    assert _ids(session) == ["b-s1", "b-o1", "b-s3"]  # file order
    assert session.title == "Modul mod: Pelajaran l2"
    while (presented := session.current()) is not None:
        session.answer(_learner_answer(presented) if presented.position else 1)
    result = session.finish()
    assert result.by_lesson == pytest.approx({"l2": 200 / 3})
    assert result.by_tag == {"ham": 100.0}
    assert store.bank_scores() == {}  # not a whole bank


def test_explicit_items(store: ProgressStore) -> None:
    scope = Scope(items=(("bank-b", "b-s3"), ("bank-a", "t1"), ("bank-b", "b-s3")))
    session = QuizSession.start(_catalog(), store, scope, Mode.PRACTICE)
    assert _ids(session) == ["b-s3", "t1"]
    assert session.title == "Soal pilihan"


@pytest.mark.parametrize(
    ("scope", "message"),
    [
        (Scope(), "kosong"),
        (Scope(bank_id="nope"), "nope"),
        (Scope(module_id="nope"), "nope"),
        (Scope(module_id="mod", lesson_id="l3"), "Tidak ada soal"),
        (Scope(module_id="mod", lesson_id="l9"), "l9"),
        (Scope(module_id="mod", count=0), "paling sedikit"),
        (Scope(items=()), "Tidak ada soal"),
        (Scope(items=(("bank-a", "s1"), ("bank-a", "zz"))), "bank-a/zz"),
    ],
)
def test_empty_or_unknown_scopes_are_refused(
    store: ProgressStore, scope: Scope, message: str
) -> None:
    with pytest.raises(SessionError, match=message):
        QuizSession.start(_catalog(), store, scope, Mode.PRACTICE)
    assert store.unfinished_attempts() == []


def test_invalid_answers_are_not_recorded(store: ProgressStore) -> None:
    cat = catalog(bank("br", [branching("b1"), single("s1")]))
    session = QuizSession.start(cat, store, Scope(bank_id="br"), Mode.PRACTICE)
    with pytest.raises(InvalidAnswer):
        session.answer((0, 1))  # the case has not reached an end
    with pytest.raises(InvalidAnswer):
        session.answer(7)
    assert store.answers_for_attempt(session.attempt_id) == []
    assert session.answered_count == 0
    assert session.answer((1,)).score == 1.0  # a -> its best choice, which ends the case


def test_ordering_items_are_never_shown_in_the_right_order(store: ProgressStore) -> None:
    cat = catalog(bank("ord", [ordering(f"o{i}", n=3) for i in range(30)]))
    session = QuizSession.start(cat, store, Scope(bank_id="ord"), Mode.PRACTICE, seed=9)
    assert all(p.order != (0, 1, 2) for p in session.questions)


def test_history_survives_edited_and_removed_questions(store: ProgressStore) -> None:
    session = QuizSession.start(_catalog(), store, Scope(bank_id="bank-a"), Mode.EXAM, seed=4)
    while (presented := session.current()) is not None:
        session.answer(_learner_answer(presented))
    finished = session.finish()
    # o1 removed; m1 edited so that its stored answer {0, 2} no longer fits.
    edited = _catalog(without="o1")
    shrunk = tuple(
        multiple("m1", n=2, correct=(0,), lesson="l1") if q.id == "m1" else q
        for q in edited.banks[0].questions
    )
    edited = catalog(
        bank("bank-a", shrunk, module="mod", pass_mark=60),
        *edited.banks[1:],
        modules=edited.modules,
    )
    history = load_result(edited, store, session.attempt_id)
    assert history.total == 6 and history.answered == 6
    assert history.percent == finished.percent == 100.0 and history.passed is True
    assert sorted(item.question.id for item in history.items) == ["b1", "c1", "m1", "s1", "t1"]
    m1 = next(item for item in history.items if item.question.id == "m1")
    assert m1.answer is None  # cannot be shown against the edited question
    assert m1.score == 1.0  # but the score given at the time stands
    with pytest.raises(SessionError):
        load_result(edited, store, 12345)


def test_scope_round_trips_through_json() -> None:
    for scope in [
        Scope(bank_id="a"),
        Scope(module_id="m", lesson_id="l"),
        Scope(module_id="m", count=3),
        Scope(items=(("a", "q1"), ("b", "q2"))),
    ]:
        assert Scope.from_dict(scope.to_dict()) == scope

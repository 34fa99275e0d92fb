"""Short answer and matching through the session engine: shuffle, store, resume."""

from __future__ import annotations

from quiz_factories import bank, catalog, matching, short_answer

from latsar_tui.content.model import MatchingQuestion
from latsar_tui.paths import Paths
from latsar_tui.quiz.session import Mode, QuizSession, Scope, load_result
from latsar_tui.store.progress import ProgressStore


def _catalog() -> object:
    return catalog(
        bank(
            "typed",
            [short_answer("sa1"), matching("mt1", n=5, distractors=2), short_answer("sa2")],
        )
    )


def test_matching_rights_are_shuffled_and_the_order_survives_resume(paths: Paths) -> None:
    with ProgressStore.open(paths) as store:
        session = QuizSession.start(
            _catalog(),  # type: ignore[arg-type]
            store,
            Scope(bank_id="typed"),
            Mode.PRACTICE,
            seed=4,
        )
        shown = session.questions
        attempt_id = session.attempt_id
        by_id = {p.question.id: p for p in shown}
        assert sorted(by_id["mt1"].order) == list(range(7))
        assert by_id["sa1"].order == ()
    with ProgressStore.open(paths) as store:
        resumed = QuizSession.resume(_catalog(), store, attempt_id)  # type: ignore[arg-type]
        assert resumed.questions == shown


def test_answers_are_scored_and_stored(paths: Paths) -> None:
    with ProgressStore.open(paths) as store:
        session = QuizSession.start(
            _catalog(),  # type: ignore[arg-type]
            store,
            Scope(bank_id="typed"),
            Mode.PRACTICE,
            seed=1,
        )
        scores = {}
        while (presented := session.current()) is not None:
            q = presented.question
            if isinstance(q, MatchingQuestion):
                # The learner picks, per left, the letter shown for its right.
                letters = [presented.display_index(i) for i in range(len(q.pairs))]
                answer: object = tuple(presented.canonical(d) for d in letters)
            else:
                answer = "  AKUNTABEL. " if q.id == "sa1" else "jujur"
            scores[q.id] = session.answer(answer).score  # type: ignore[arg-type]
        result = session.finish()
    assert scores == {"sa1": 1.0, "mt1": 1.0, "sa2": 0.0}
    with ProgressStore.open(paths) as store:
        # Read back from the store: the typed text as typed, the picks as canonical indices.
        stored = load_result(_catalog(), store, result.attempt_id)  # type: ignore[arg-type]
        again = {i.question.id: i.answer for i in stored.items}
        assert again["sa1"] == "  AKUNTABEL. "
        assert again["mt1"] == (0, 1, 2, 3, 4)
        assert stored.points == 2.0

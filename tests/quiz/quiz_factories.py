"""Content built straight from the model classes, for quiz and session tests.

The tests do not go through the YAML loader: they check the engine against the
model, whatever state the loader is in.
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st

from latsar_tui.content.model import (
    Answer,
    Bank,
    BranchChoice,
    BranchingQuestion,
    BranchStep,
    Catalog,
    ChoiceOption,
    Lesson,
    MatchingQuestion,
    MatchPair,
    Module,
    MultipleQuestion,
    OrderingQuestion,
    PartialAnswer,
    Question,
    ScenarioOption,
    ScenarioQuestion,
    ShortAnswerQuestion,
    SingleQuestion,
    TrueFalseQuestion,
)


def single(
    qid: str = "s1",
    n: int = 4,
    correct: int = 0,
    lesson: str | None = None,
    tags: Sequence[str] = (),
) -> SingleQuestion:
    options = tuple(ChoiceOption(text=f"opsi {i}", correct=i == correct) for i in range(n))
    return SingleQuestion(
        id=qid,
        prompt=f"Soal {qid}",
        explanation="Penjelasan",
        options=options,
        lesson=lesson,
        tags=tuple(tags),
    )


def multiple(
    qid: str = "m1",
    n: int = 5,
    correct: Sequence[int] = (0, 2),
    lesson: str | None = None,
    tags: Sequence[str] = (),
) -> MultipleQuestion:
    options = tuple(ChoiceOption(text=f"opsi {i}", correct=i in correct) for i in range(n))
    return MultipleQuestion(
        id=qid,
        prompt=f"Soal {qid}",
        explanation="Penjelasan",
        options=options,
        lesson=lesson,
        tags=tuple(tags),
    )


def true_false(
    qid: str = "t1", answer: bool = True, lesson: str | None = None, tags: Sequence[str] = ()
) -> TrueFalseQuestion:
    return TrueFalseQuestion(
        id=qid,
        prompt=f"Soal {qid}",
        explanation="Penjelasan",
        answer=answer,
        lesson=lesson,
        tags=tuple(tags),
    )


def scenario(
    qid: str = "c1",
    scores: Sequence[int] = (3, 5, 1, 4),
    lesson: str | None = None,
    tags: Sequence[str] = (),
) -> ScenarioQuestion:
    options = tuple(
        ScenarioOption(text=f"opsi {i}", score=s, feedback=f"nilai {s}")
        for i, s in enumerate(scores)
    )
    return ScenarioQuestion(
        id=qid,
        prompt=f"Soal {qid}",
        explanation="Penjelasan",
        context="Situasi",
        options=options,
        lesson=lesson,
        tags=tuple(tags),
    )


def ordering(
    qid: str = "o1", n: int = 4, lesson: str | None = None, tags: Sequence[str] = ()
) -> OrderingQuestion:
    return OrderingQuestion(
        id=qid,
        prompt=f"Soal {qid}",
        explanation="Penjelasan",
        items=tuple(f"langkah {i}" for i in range(n)),
        lesson=lesson,
        tags=tuple(tags),
    )


def short_answer(
    qid: str = "sa1",
    *,
    answers: Sequence[str] = ("akuntabel", "akuntabilitas"),
    partial: Sequence[tuple[str, float]] = (),
    tolerance: int = 0,
    lesson: str | None = None,
    tags: Sequence[str] = (),
) -> ShortAnswerQuestion:
    return ShortAnswerQuestion(
        id=qid,
        prompt=f"Soal {qid}",
        explanation="Penjelasan",
        answers=tuple(answers),
        partial=tuple(PartialAnswer(answer=a, share=share) for a, share in partial),
        tolerance=tolerance,
        lesson=lesson,
        tags=tuple(tags),
    )


def matching(
    qid: str = "mt1",
    n: int = 4,
    distractors: int = 1,
    lesson: str | None = None,
    tags: Sequence[str] = (),
) -> MatchingQuestion:
    return MatchingQuestion(
        id=qid,
        prompt=f"Soal {qid}",
        explanation="Penjelasan",
        pairs=tuple(MatchPair(left=f"kiri {i}", right=f"kanan {i}") for i in range(n)),
        distractors=tuple(f"pengecoh {i}" for i in range(distractors)),
        lesson=lesson,
        tags=tuple(tags),
    )


def branching(
    qid: str = "b1",
    graph: dict[str, list[tuple[int, str | None]]] | None = None,
    start: str = "a",
    lesson: str | None = None,
    tags: Sequence[str] = (),
) -> BranchingQuestion:
    """A branching case from ``{step: [(score, next), ...]}``.

    The default: a -> (2, b) | (5, end) | (1, c); b -> (3, end) | (0, c);
    c -> (4, end) | (1, end). Best path: a0 b1 c0 = 2 + 0 + 4 = 6.
    """
    if graph is None:
        graph = {
            "a": [(2, "b"), (5, None), (1, "c")],
            "b": [(3, None), (0, "c")],
            "c": [(4, None), (1, None)],
        }
    steps = tuple(
        BranchStep(
            id=step_id,
            text=f"Langkah {step_id}",
            choices=tuple(
                BranchChoice(text=f"{step_id}{i}", score=s, feedback="akibat", next=nxt)
                for i, (s, nxt) in enumerate(choices)
            ),
        )
        for step_id, choices in graph.items()
    )
    return BranchingQuestion(
        id=qid,
        prompt=f"Soal {qid}",
        explanation="Penjelasan",
        context="Kasus",
        start=start,
        steps=steps,
        lesson=lesson,
        tags=tuple(tags),
    )


def all_types(prefix: str = "", lesson: str | None = None) -> tuple[Question, ...]:
    """One question of every type, ids ``<prefix>s1``, ``<prefix>m1``, ..."""
    return (
        single(f"{prefix}s1", lesson=lesson, tags=("pelayanan",)),
        multiple(f"{prefix}m1", lesson=lesson, tags=("pelayanan", "gedsi")),
        true_false(f"{prefix}t1", lesson=lesson, tags=("gedsi",)),
        scenario(f"{prefix}c1", lesson=lesson),
        ordering(f"{prefix}o1", lesson=lesson),
        branching(f"{prefix}b1", lesson=lesson),
    )


def bank(
    bank_id: str = "bank-a",
    questions: Sequence[Question] | None = None,
    module: str | None = None,
    pass_mark: int = 70,
    time_limit_minutes: int | None = None,
) -> Bank:
    return Bank(
        id=bank_id,
        title=f"Bank {bank_id}",
        questions=tuple(all_types() if questions is None else questions),
        module=module,
        pass_mark=pass_mark,
        time_limit_minutes=time_limit_minutes,
    )


def module(module_id: str = "mod", lessons: Sequence[str] = ("l1", "l2")) -> Module:
    return Module(
        id=module_id,
        title=f"Modul {module_id}",
        summary="Ringkasan",
        lessons=tuple(Lesson(id=lid, title=f"Pelajaran {lid}", body="Isi") for lid in lessons),
    )


def catalog(*banks: Bank, modules: Sequence[Module] = ()) -> Catalog:
    return Catalog(modules=tuple(modules), banks=tuple(banks))


# --- hypothesis strategies -----------------------------------------------------------


@st.composite
def single_questions(draw: st.DrawFn) -> SingleQuestion:
    n = draw(st.integers(2, 6))
    return single(n=n, correct=draw(st.integers(0, n - 1)))


@st.composite
def multiple_questions(draw: st.DrawFn) -> MultipleQuestion:
    n = draw(st.integers(2, 8))
    correct = draw(st.sets(st.integers(0, n - 1), min_size=1))
    return multiple(n=n, correct=sorted(correct))


@st.composite
def true_false_questions(draw: st.DrawFn) -> TrueFalseQuestion:
    return true_false(answer=draw(st.booleans()))


@st.composite
def scenario_questions(draw: st.DrawFn) -> ScenarioQuestion:
    # Distinct scores 1..5 with at least one 5, as the contract requires.
    others = draw(st.lists(st.integers(1, 4), min_size=1, max_size=4, unique=True))
    scores = draw(st.permutations([5, *others]))
    return scenario(scores=scores)


@st.composite
def ordering_questions(draw: st.DrawFn) -> OrderingQuestion:
    return ordering(n=draw(st.integers(3, 8)))


@st.composite
def branching_graphs(draw: st.DrawFn) -> dict[str, list[tuple[int, str | None]]]:
    """A random DAG: step i may only lead to a later step, so there is never a cycle."""
    count = draw(st.integers(1, 6))
    names = [f"s{i}" for i in range(count)]
    graph: dict[str, list[tuple[int, str | None]]] = {}
    for i, name in enumerate(names):
        targets: list[str | None] = [None, *names[i + 1 :]]
        graph[name] = [
            (draw(st.integers(0, 5)), draw(st.sampled_from(targets)))
            for _ in range(draw(st.integers(2, 5)))
        ]
    return graph


@st.composite
def branching_questions(draw: st.DrawFn) -> BranchingQuestion:
    return branching(graph=draw(branching_graphs()), start="s0")


def questions() -> st.SearchStrategy[Question]:
    """Any valid question of any type."""
    return st.one_of(
        single_questions(),
        multiple_questions(),
        true_false_questions(),
        scenario_questions(),
        ordering_questions(),
        branching_questions(),
        short_answer_questions(),
        matching_questions(),
    )


WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=12).filter(
    lambda text: text.strip() != ""
)


@st.composite
def short_answer_questions(draw: st.DrawFn) -> ShortAnswerQuestion:
    words = draw(st.lists(WORDS, min_size=1, max_size=6, unique_by=lambda w: " ".join(w.split())))
    cut = draw(st.integers(1, len(words)))
    shares = [draw(st.floats(0.05, 0.95)) for _ in words[cut:]]
    return short_answer(
        answers=words[:cut],
        partial=list(zip(words[cut:], shares, strict=True)),
        tolerance=draw(st.integers(0, 1)),
    )


@st.composite
def matching_questions(draw: st.DrawFn) -> MatchingQuestion:
    return matching(n=draw(st.integers(3, 8)), distractors=draw(st.integers(0, 4)))


@st.composite
def branching_answers(draw: st.DrawFn, q: BranchingQuestion) -> tuple[int, ...]:
    """A complete path through the case, chosen at random."""
    steps = q.steps_by_id
    choices: list[int] = []
    step_id: str | None = q.start
    while step_id is not None:
        step = steps[step_id]
        index = draw(st.integers(0, len(step.choices) - 1))
        choices.append(index)
        step_id = step.choices[index].next
    return tuple(choices)


@st.composite
def answers_for(draw: st.DrawFn, q: Question) -> Answer:
    """Any valid (complete) answer to the question."""
    if isinstance(q, SingleQuestion | ScenarioQuestion):
        return draw(st.integers(0, len(q.options) - 1))
    if isinstance(q, MultipleQuestion):
        return frozenset(draw(st.sets(st.integers(0, len(q.options) - 1))))
    if isinstance(q, TrueFalseQuestion):
        return draw(st.booleans())
    if isinstance(q, OrderingQuestion):
        return tuple(draw(st.permutations(range(len(q.items)))))
    if isinstance(q, ShortAnswerQuestion):
        return draw(st.one_of(st.text(max_size=20), st.sampled_from(q.answers)))
    if isinstance(q, MatchingQuestion):
        count = len(q.rights)
        return tuple(draw(st.integers(0, count - 1)) for _ in q.pairs)
    return draw(branching_answers(q))

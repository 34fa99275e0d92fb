"""Content and answers for the review tests, built straight from the model classes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from latsar_tui.content.model import (
    Bank,
    Catalog,
    ChoiceOption,
    Lesson,
    Module,
    SingleQuestion,
    TrueFalseQuestion,
)
from latsar_tui.store.progress import ProgressStore

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def single(qid: str, lesson: str | None = None, tags: Sequence[str] = ()) -> SingleQuestion:
    return SingleQuestion(
        id=qid,
        prompt=f"Soal {qid}",
        explanation="Penjelasan",
        options=(ChoiceOption("benar", correct=True), ChoiceOption("salah")),
        lesson=lesson,
        tags=tuple(tags),
    )


def true_false(qid: str, lesson: str | None = None, tags: Sequence[str] = ()) -> TrueFalseQuestion:
    return TrueFalseQuestion(
        id=qid,
        prompt=f"Pernyataan {qid}",
        explanation="Penjelasan",
        answer=True,
        lesson=lesson,
        tags=tuple(tags),
    )


def module(module_id: str, lessons: Sequence[str], order: int) -> Module:
    return Module(
        id=module_id,
        title=f"Modul {module_id}",
        summary="Ringkasan",
        lessons=tuple(Lesson(id=lid, title=f"Pelajaran {lid}", body="Isi") for lid in lessons),
        order=order,
    )


def two_module_catalog(per_bank: int = 4) -> Catalog:
    """Modules "m1" (bank "b1", lessons l1/l2) and "m2" (bank "b2", lesson k1).

    Questions b1/q0.. alternate lessons l1, l2 and tags akuntabel/harmonis;
    b2/q0.. are in lesson k1 with tag harmonis.
    """
    b1 = Bank(
        id="b1",
        title="Bank satu",
        module="m1",
        questions=tuple(
            single(
                f"q{i}",
                lesson="l1" if i % 2 == 0 else "l2",
                tags=("akuntabel",) if i % 2 == 0 else ("harmonis",),
            )
            for i in range(per_bank)
        ),
    )
    b2 = Bank(
        id="b2",
        title="Bank dua",
        module="m2",
        questions=tuple(single(f"q{i}", lesson="k1", tags=("harmonis",)) for i in range(per_bank)),
    )
    return Catalog(modules=(module("m1", ["l1", "l2"], 1), module("m2", ["k1"], 2)), banks=(b1, b2))


def answer(
    store: ProgressStore,
    bank_id: str,
    question_id: str,
    score: float,
    at: datetime,
    *,
    taken: float | None = 30.0,
) -> int:
    """Record one answer the way the engine does (which also updates the card)."""
    return store.record_answer(
        bank_id=bank_id,
        question_id=question_id,
        question_hash="hash",
        answer_json="0" if score >= 1 else "1",
        score=score,
        time_taken_seconds=taken,
        answered_at=at,
        question_type="single",
    )


def last_score(k: int) -> float:
    """The score of every answer to the k-th question in :func:`seed_answers`."""
    return 0.5 if k % 3 == 0 else 1.0


def seed_answers(
    store: ProgressStore, catalog_questions: list[tuple[str, str]], count: int, end: datetime
) -> list[datetime]:
    """``count`` answers, one a minute up to ``end``, cycling through the questions.

    Written with executemany straight into the tables (no scheduler), plus a Review
    card per question, due yesterday for every fifth question and in five days for
    the rest. Returns the answer times.
    """
    from latsar_tui.store.db import to_text, transaction

    times = [end - timedelta(minutes=count - 1 - i) for i in range(count)]
    rows = []
    for i, at in enumerate(times):
        k = i % len(catalog_questions)
        bank_id, qid = catalog_questions[k]
        rows.append((bank_id, qid, "hash", "0", last_score(k), 20.0, to_text(at), f"u{i}"))
    cards = []
    for k, (bank_id, qid) in enumerate(catalog_questions):
        due = end - timedelta(days=1) if k % 5 == 0 else end + timedelta(days=5)
        cards.append(
            (
                bank_id,
                qid,
                k + 1,
                2,
                None,
                10.0,
                5.0,
                to_text(due),
                to_text(end - timedelta(days=9)),
                3,
                0,
            )
        )
    with store.connection() as conn, transaction(conn):
        conn.executemany(
            "INSERT INTO answers (bank_id, question_id, question_hash, answer_json, score, "
            "time_taken_seconds, answered_at, uuid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        conn.executemany("INSERT INTO cards VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", cards)
    return times

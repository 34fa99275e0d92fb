"""Two and four real processes answering into one data folder's store at the same time.

Each process opens the store through ``ProgressStore.open`` and answers through
``QuizSession`` (the domain API plain mode and the CLI use), over the same bank, so
many answers land on the same question ids at the same moments. The store allows
several writers unless a window has claimed writing (``ProgressStore.claim_writer``,
the TUI's one-writer rule): both cases are covered. Afterwards every answer a process
was told was stored is there exactly once, nothing else is, and every review card is
the card that replaying its question's answers in order gives.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import textwrap
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from latsar_tui.paths import Paths
from latsar_tui.store.cards import replay
from latsar_tui.store.progress import ProgressStore

QUESTIONS = 60
ROUNDS = 2
PER_ROUND = 40  # each process: 2 sessions x 40 of the 60 questions = 80 answers

# One copy of the app: waits for the start signal, then answers ROUNDS sessions quickly
# (a few milliseconds per question), right or wrong by a pattern, and prints what it
# was told was stored.
WORKER = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from latsar_tui.content.model import Bank, Catalog, ChoiceOption, SingleQuestion
    from latsar_tui.paths import Paths
    from latsar_tui.quiz.session import Mode, QuizSession, Scope
    from latsar_tui.store.progress import NotWriter, ProgressStore

    data, go, worker, rounds, per_round, questions, claim = sys.argv[1:]
    worker, rounds, per_round, questions = map(int, (worker, rounds, per_round, questions))
    bank = Bank(
        id="bersama",
        title="Bank bersama",
        questions=tuple(
            SingleQuestion(
                id=f"q{i:03d}",
                prompt=f"Soal {i}",
                explanation="",
                options=(ChoiceOption(text="benar", correct=True),
                         ChoiceOption(text="salah", correct=False)),
            )
            for i in range(questions)
        ),
    )
    catalog = Catalog(modules=(), banks=(bank,))
    store = ProgressStore.open(Paths.resolve(data))
    if claim == "claim":
        store.claim_writer(pid=worker)
    out = {"worker": worker, "stored": [], "refused": None}
    Path(f"{go}-ready-{worker}").write_text("", encoding="utf-8")
    while not Path(go).exists():
        time.sleep(0.002)
    try:
        for round_ in range(rounds):
            session = QuizSession.start(
                catalog, store, Scope(bank_id="bersama", count=per_round), Mode.PRACTICE,
                seed=worker * 1000 + round_,
            )
            step = 0
            while (presented := session.current()) is not None:
                step += 1
                # A moment to "read" the question: without it one process would take
                # the write lock back before the others' busy handlers wake up.
                time.sleep(0.002 * (step % 5))
                choice = 0 if (worker + step) % 3 else 1   # two right, one wrong
                outcome = session.answer(choice, time_taken=float(step % 20))
                out["stored"].append(
                    [session.attempt_id, presented.question.id, outcome.score, step % 20]
                )
            session.finish()
    except NotWriter as error:
        out["refused"] = str(error)
    store.close()
    print(json.dumps(out))
    """
)


def _run_workers(paths: Paths, count: int, claim: bool) -> list[dict[str, Any]]:
    go = paths.data / "go"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                WORKER,
                str(paths.data),
                str(go),
                str(worker),
                str(ROUNDS),
                str(PER_ROUND),
                str(QUESTIONS),
                "claim" if claim else "none",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for worker in range(count)
    ]
    # Every process has opened the store (and claimed, if it does) before any answers:
    # the start signal comes once they all say they wait for it.
    deadline = time.monotonic() + 120
    while not all(Path(f"{go}-ready-{w}").exists() for w in range(count)):
        assert time.monotonic() < deadline, "the processes did not start"
        assert all(proc.poll() is None for proc in procs), "a process ended before the start"
        time.sleep(0.01)
    go.write_text("", encoding="utf-8")
    results = []
    for proc in procs:
        stdout, stderr = proc.communicate(timeout=240)
        assert proc.returncode == 0, stderr
        assert "database is locked" not in stderr
        results.append(json.loads(stdout))
    return results


def _stored_rows(store: ProgressStore) -> list[tuple[Any, ...]]:
    with store.connection() as conn:
        return conn.execute(
            "SELECT a.id, a.attempt_id, a.question_id, a.score, a.time_taken_seconds, "
            "a.answered_at, a.uuid, (SELECT count(*) FROM review_logs AS r "
            "WHERE r.answer_uuid = a.uuid) FROM answers AS a ORDER BY a.id"
        ).fetchall()


def _check_cards_match_their_answers(store: ProgressStore, tmp_path: Path) -> None:
    """Every card equals the card replaying its answers (in stored order) builds."""
    rebuilt_paths = Paths.resolve(tmp_path / "rebuilt").ensure()
    with ProgressStore.open(rebuilt_paths) as rebuilt:
        for row in sorted(_stored_rows(store), key=lambda r: (r[5], r[0])):
            answer = store.answers_for_question("bersama", row[2])
            by_id = {a.id: a for a in answer}[row[0]]
            rebuilt.record_answer(
                bank_id="bersama",
                question_id=by_id.question_id,
                question_hash=by_id.question_hash,
                answer_json=by_id.answer_json,
                score=by_id.score,
                time_taken_seconds=by_id.time_taken_seconds,
                answered_at=by_id.answered_at,
                question_type="single",
            )
        cards = {c.question_id: c for c in store.cards()}
        assert cards == {c.question_id: c for c in rebuilt.cards()}
    with store.connection() as conn:
        for question_id, card in cards.items():
            # The same card again from the review logs alone (what a merge replays).
            assert replay(conn, "bersama", question_id) == card
            assert card.reps == len(store.answers_for_question("bersama", question_id))


@pytest.mark.parametrize("count", [2, 4])
def test_every_answer_is_stored_exactly_once_and_every_card_fits_its_answers(
    paths: Paths, tmp_path: Path, count: int
) -> None:
    results = _run_workers(paths, count, claim=False)

    with ProgressStore.open(paths) as store:
        rows = _stored_rows(store)
        told = [(r["worker"], *item) for r in results for item in r["stored"]]
        assert all(r["refused"] is None for r in results)
        assert len(told) == count * ROUNDS * PER_ROUND
        # Exactly the answers each process was told were stored, no more, none twice.
        stored = Counter((row[1], row[2], row[3], row[4]) for row in rows)
        assert stored == Counter((a, q, s, float(t)) for _, a, q, s, t in told)
        assert len({row[6] for row in rows}) == len(rows)  # one uuid per answer
        assert all(row[7] == 1 for row in rows)  # one review log per answer
        attempts = {a for _, a, *_ in told}
        assert len(attempts) == count * ROUNDS
        for attempt_id in attempts:
            record = store.attempt(attempt_id)
            assert record is not None and record.is_finished
            assert len(store.answers_for_attempt(attempt_id)) == PER_ROUND
        # The processes really wrote at the same time: their answers interleave.
        owner = {a: w for w, a, *_ in told}
        switches = sum(
            1 for before, after in itertools.pairwise(rows) if owner[before[1]] != owner[after[1]]
        )
        assert switches > count
        # Many questions were answered by several processes: the cards are contested.
        assert max(Counter(row[2] for row in rows).values()) >= count
        _check_cards_match_their_answers(store, tmp_path)


def test_windows_that_claimed_writing_are_refused_once_taken_over_and_lose_nothing(
    paths: Paths, tmp_path: Path
) -> None:
    # Four windows that each claimed the folder (the TUI's "ambil alih"): the last
    # claim wins, the others are told at their next write and stop; every answer
    # any of them was told was stored is there, and nothing else.
    results = _run_workers(paths, 4, claim=True)

    refused = [r for r in results if r["refused"] is not None]
    assert len(refused) == 3
    assert all("mengambil alih" in r["refused"] for r in refused)
    winner = [r for r in results if r["refused"] is None]
    assert len(winner) == 1 and len(winner[0]["stored"]) == ROUNDS * PER_ROUND
    with ProgressStore.open(paths) as store:
        rows = _stored_rows(store)
        told = [(item[0], item[1], item[2]) for r in results for item in r["stored"]]
        assert Counter((row[1], row[2], row[3]) for row in rows) == Counter(told)
        assert all(row[7] == 1 for row in rows)
        _check_cards_match_their_answers(store, tmp_path)

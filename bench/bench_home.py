"""Benchmark: the home screen's refresh with 10,000 questions and 50,000 answers.

Builds the catalog straight from the model classes (no YAML), seeds the answers and
review cards with executemany into a temporary data folder, opens the real app in
Textual's headless test mode and times ``HomeScreen.refresh_data`` after each of
several answers (one answer recorded, untimed, before each refresh: the refresh a
trainee sees coming back from a question). Prints the median and the spread in
milliseconds, the catalog-table builds during them (0: the tables are built once per
loaded catalog), the banks queried again per refresh (1: only the answered bank) and
the time of one full refresh (the first after a load).

    python bench/bench_home.py [--questions N] [--answers N] [--repeat R]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta

from latsar_tui.content.model import Bank, Catalog, ChoiceOption, Lesson, Module, SingleQuestion
from latsar_tui.paths import Paths
from latsar_tui.store.db import to_text, transaction
from latsar_tui.store.progress import ProgressStore

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def big_catalog(questions: int, modules: int = 20) -> Catalog:
    """``modules`` modules with one bank each, ``questions`` single-choice questions."""
    per_bank = questions // modules
    mods = []
    banks = []
    for m in range(modules):
        lessons = tuple(Lesson(id=f"l{k}", title=f"Pelajaran {k}", body="Isi") for k in range(4))
        mods.append(Module(id=f"m{m}", title=f"Modul {m}", summary="R", lessons=lessons, order=m))
        qs = tuple(
            SingleQuestion(
                id=f"q{i}",
                prompt=f"Soal {m}-{i}",
                explanation="Penjelasan",
                options=(ChoiceOption("benar", correct=True), ChoiceOption("salah")),
                lesson=f"l{i % 4}",
                tags=("pelayanan", f"t{i % 7}"),
            )
            for i in range(per_bank)
        )
        banks.append(Bank(id=f"b{m}", title=f"Bank {m}", module=f"m{m}", questions=qs))
    return Catalog(modules=tuple(mods), banks=tuple(banks))


def seed(store: ProgressStore, catalog: Catalog, answers: int) -> None:
    """``answers`` answers one a minute up to NOW, and a review card per question."""
    keys = [(b.id, q.id) for b in catalog.banks for q in b.questions]
    rows = []
    for i in range(answers):
        bank_id, qid = keys[i % len(keys)]
        at = NOW - timedelta(minutes=answers - i)
        rows.append((bank_id, qid, "h", "0", 0.5 if i % 3 else 1.0, 20.0, to_text(at), f"u{i}"))
    cards = [
        (b, q, k + 1, 2, None, 10.0, 5.0, to_text(NOW + timedelta(days=k % 5 - 1)),
         to_text(NOW - timedelta(days=9)), 3, 0)
        for k, (b, q) in enumerate(keys)
    ]  # fmt: skip
    with store.connection() as conn, transaction(conn):
        conn.executemany(
            "INSERT INTO answers (bank_id, question_id, question_hash, answer_json, score, "
            "time_taken_seconds, answered_at, uuid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        conn.executemany("INSERT INTO cards VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", cards)


async def measure(
    questions: int, answers: int, repeat: int
) -> tuple[list[float], int, float, float]:
    """Times of ``repeat`` home refreshes after an answer (ms), the table builds they
    caused, the banks recomputed per refresh and the full refresh's time (ms)."""
    from latsar_tui.quiz.clock import FakeClock
    from latsar_tui.review import catalog_table
    from latsar_tui.ui.app import LatsarApp

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["LATSAR_HOME"] = tmp
        paths = Paths.resolve().ensure()
        catalog = big_catalog(questions)
        store = ProgressStore.open(paths)
        seed(store, catalog, answers)
        app = LatsarApp(paths, catalog_loader=lambda: catalog, clock=FakeClock(NOW), store=store)
        async with app.run_test(size=(100, 30)) as pilot:
            while app.catalog_loading:
                await pilot.pause(0.05)
            await pilot.pause(0.2)
            home = app.screen
            home.refresh_data()  # the first refresh after a load builds the tables
            app.store.note_change()  # a full refresh, timed once
            start = time.perf_counter()
            home.refresh_data()
            full = (time.perf_counter() - start) * 1000
            builds = catalog_table.build_count()
            recomputed = app.home_figures.banks_recomputed
            times = []
            bank = catalog.banks[len(catalog.banks) // 2]
            for i in range(repeat):
                app.store.record_answer(
                    bank_id=bank.id,
                    question_id=bank.questions[i].id,
                    question_hash="h",
                    answer_json="0",
                    score=0.0,
                    answered_at=NOW,
                    question_type="single",
                )
                start = time.perf_counter()
                home.refresh_data()
                times.append((time.perf_counter() - start) * 1000)
            per_refresh = (app.home_figures.banks_recomputed - recomputed) / repeat
            return times, catalog_table.build_count() - builds, per_refresh, full


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--answers", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    times, extra_builds, per_refresh, full = asyncio.run(
        measure(args.questions, args.answers, args.repeat)
    )
    print(
        f"home refresh after an answer, {args.questions} questions / {args.answers} answers: "
        f"median {statistics.median(times):.1f} ms (min {min(times):.1f}, max {max(times):.1f}); "
        f"table builds during refreshes: {extra_builds}; banks recomputed per refresh: "
        f"{per_refresh:g}; a full refresh: {full:.1f} ms"
    )


if __name__ == "__main__":
    main()

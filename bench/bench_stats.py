"""How long opening the statistics takes at 50,000 stored answers.

Prints a table: seeding the store (not part of opening), computing every figure
(statistics, due counts, exam plan), the home screen's due counts, and mounting the
statistics screen headless. Run: ``python bench/bench_stats.py [ANSWERS]``.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "review"))

from review_factories import seed_answers, two_module_catalog

from latsar_tui.paths import ENV_HOME, Paths
from latsar_tui.review.due import due_by_bank
from latsar_tui.review.stats import compute_statistics
from latsar_tui.settings import Settings
from latsar_tui.store.progress import ProgressStore

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
RUNS = 5


def _timed(fn: object, runs: int = RUNS) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000, max(samples) * 1000


async def _mount_screen(catalog: object, store: ProgressStore, settings: Settings) -> float:
    from textual.app import App

    from latsar_tui.quiz.clock import FakeClock
    from latsar_tui.ui.screens.stats import StatsScreen

    class Host(App[None]):
        pass

    app = Host()
    async with app.run_test(size=(120, 40)) as pilot:
        start = time.perf_counter()
        await app.push_screen(StatsScreen(catalog, store, settings, FakeClock(NOW)))  # type: ignore[arg-type]
        await pilot.pause()
        elapsed = time.perf_counter() - start
    return elapsed * 1000


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    with tempfile.TemporaryDirectory() as home:
        os.environ[ENV_HOME] = home
        paths = Paths.resolve().ensure()
        catalog = two_module_catalog(per_bank=100)
        questions = [(bank.id, q.id) for bank in catalog.banks for q in bank.questions]
        settings = Settings(exam_date=date(2026, 3, 20))
        with ProgressStore.open(paths) as store:
            start = time.perf_counter()
            seed_answers(store, questions, count, NOW)
            seeded = (time.perf_counter() - start) * 1000
            rows = [
                ("seed answers (executemany, not timed as opening)", seeded, seeded),
                (
                    "compute every statistic",
                    *_timed(lambda: compute_statistics(catalog, store, settings, NOW, UTC)),
                ),
                (
                    "home: due count per bank",
                    *_timed(lambda: due_by_bank(catalog, store, NOW, UTC)),
                ),
            ]
            try:
                mounts = [asyncio.run(_mount_screen(catalog, store, settings)) for _ in range(3)]
                rows.append(
                    (
                        "open the statistics screen (headless)",
                        statistics.median(mounts),
                        max(mounts),
                    )
                )
            except ImportError as error:  # the screen is not there in a domain-only checkout
                print(f"(screen not measured: {error})")
    print(f"{count} answers over {len(questions)} questions, {RUNS} runs, milliseconds")
    print(f"{'what':<52} {'median':>9} {'max':>9}")
    for name, median, worst in rows:
        print(f"{name:<52} {median:>9.1f} {worst:>9.1f}")
    _ = timedelta


if __name__ == "__main__":
    main()

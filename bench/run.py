"""Benchmarks of issue 12 in one table: each figure beside its floor, same run.

Every row is the median of several whole-process runs (``--runs``, default 5), and
its floor is measured in the same run, interleaved, so a busy machine slows both:

- first frame of the home screen (built-in content; plus a 10,000-question bank on a
  warm cache; the loading indicator on a cold cache) beside a Textual app showing one
  ``Static``;
- ``latsar validate`` of the 10k bank beside ``yaml.compose`` with ``CSafeLoader``;
- one answer committed (p50 of 200 in a process) beside a bare SQLite insert+commit
  with WAL and ``synchronous=FULL``;
- the home screen's refresh after an answer at 10k questions / 50k answers
  (``bench_home.py``) and the peak memory (``VmHWM``) of the app with the 10k bank
  loaded.

    python bench/run.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

ANSWER_CODE = """
import os, statistics, sys, time
from datetime import UTC, datetime
from latsar_tui.paths import Paths
from latsar_tui.store.progress import ProgressStore
store = ProgressStore.open(Paths.resolve().ensure())
times = []
for i in range(200):
    t = time.perf_counter()
    store.record_answer(bank_id="b", question_id=f"q{i % 50}", question_hash="h",
        answer_json="0", score=1.0, time_taken_seconds=3.0, question_type="single")
    times.append(time.perf_counter() - t)
print(statistics.median(times) * 1000)
"""

FLOOR_ANSWER_CODE = """
import os, sqlite3, statistics, sys, time
conn = sqlite3.connect(os.path.join(os.environ["LATSAR_HOME"], "floor.sqlite3"),
    isolation_level=None)
conn.execute("PRAGMA journal_mode = WAL"); conn.execute("PRAGMA synchronous = FULL")
conn.execute("CREATE TABLE IF NOT EXISTS t (a TEXT, b TEXT, c REAL, d TEXT)")
times = []
for i in range(200):
    t = time.perf_counter()
    conn.execute("BEGIN")
    conn.execute("INSERT INTO t VALUES (?, ?, ?, ?)", ("b", f"q{i}", 1.0, "2026"))
    conn.execute("COMMIT")
    times.append(time.perf_counter() - t)
print(statistics.median(times) * 1000)
"""


def spawn(args: list[str], env: dict[str, str]) -> str:
    """Run one process; returns its last stdout line (the figure it printed)."""
    env = dict(env, BENCH_T0=repr(time.time()))
    out = subprocess.run(args, env=env, capture_output=True, text=True, check=True).stdout
    return out.strip().splitlines()[-1] if out.strip() else ""


def wall(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, env=env, capture_output=True, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from bench_load import write_content

    py = sys.executable
    frame = [py, str(HERE / "first_frame.py")]
    rows: list[tuple[str, float, str, float, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        content = base / "big"
        content.mkdir()
        bank = write_content(content, 10_000)
        home = base / "home"
        env = dict(os.environ, LATSAR_HOME=str(home))
        env.pop("LATSAR_CONTENT", None)
        cache = home / "cache"

        def first(mode: str, *extra: str) -> tuple[float, float]:
            seconds, peak = spawn([*frame, mode, *extra], env).split()
            return float(seconds), float(peak)

        def paired(
            measure: Callable[[], float], floor: Callable[[], float], before: Callable[[], None]
        ) -> tuple[float, float]:
            ours, floors = [], []
            for _ in range(args.runs):
                before()
                ours.append(measure())
                floors.append(floor())
            return statistics.median(ours), statistics.median(floors)

        def nothing() -> None:
            return None

        def cold() -> None:
            shutil.rmtree(cache, ignore_errors=True)

        first("loaded", str(content))  # warm the cache for built-in content and the bank

        def bare() -> float:
            return first("bare")[0]

        ours, floor = paired(lambda: first("app")[0], bare, nothing)
        rows.append(
            (
                "first frame, built-in content",
                ours,
                "bare Textual app + Static",
                floor,
                "s",
                "≤ 1.5×",
            )
        )
        ours, floor = paired(lambda: first("app", str(content))[0], bare, nothing)
        rows.append(
            (
                "first frame, + 10k bank, warm cache",
                ours,
                "bare Textual app + Static",
                floor,
                "s",
                "≤ 2×",
            )
        )
        ours, floor = paired(lambda: first("app", str(content))[0], bare, cold)
        rows.append(
            (
                "loading indicator, + 10k bank, cold cache",
                ours,
                "bare Textual app + Static",
                floor,
                "s",
                "≤ 1.5×",
            )
        )
        first("loaded", str(content))  # warm again after the cold runs
        validate = [py, "-m", "latsar_tui", "--content", str(content), "validate", str(bank)]
        compose = [
            py,
            "-c",
            f"import yaml; yaml.compose(open({str(bank)!r}, 'rb'), Loader=yaml.CSafeLoader)",
        ]
        ours, floor = paired(lambda: wall(validate, env), lambda: wall(compose, env), nothing)
        rows.append(
            ("latsar validate, 10k bank", ours, "yaml.compose, CSafeLoader", floor, "s", "≤ 1×")
        )
        answer = [py, "-c", ANSWER_CODE]
        floor_answer = [py, "-c", FLOOR_ANSWER_CODE]
        ours, floor = paired(
            lambda: float(spawn(answer, env)), lambda: float(spawn(floor_answer, env)), nothing
        )
        rows.append(
            (
                "one answer committed, p50",
                ours,
                "SQLite insert+commit, WAL, FULL",
                floor,
                "ms",
                "≤ 2×",
            )
        )
        refresh = []
        for _ in range(max(1, args.runs // 2)):
            line = spawn([py, str(HERE / "bench_home.py"), "--repeat", "5"], env)
            refresh.append(float(line.split("median ")[1].split(" ms")[0]))
        peaks = [first("loaded", str(content))[1] for _ in range(max(1, args.runs // 2))]

    print(
        f"Machine: {platform.node()} · {platform.machine()} · {os.cpu_count()} cores · "
        f"Python {platform.python_version()} · {platform.system()} {platform.release()}"
    )
    print(f"Each figure: median of {args.runs} whole-process runs; floors interleaved.\n")
    print("| what | now | the floor beside it | ratio | target |")
    print("|---|---|---|---|---|")
    for what, value, floor_name, floor_value, unit, target in rows:
        ratio = value / floor_value if floor_value else float("nan")
        fmt = "{:.3f}" if unit == "ms" else "{:.2f}"
        print(
            f"| {what} | {fmt.format(value)} {unit} | {floor_name}: {fmt.format(floor_value)} "
            f"{unit} | {ratio:.2f}× | {target} |"
        )
    refresh_ms = statistics.median(refresh)
    peak_mb = statistics.median(peaks)
    print(
        f"| home refresh after an answer, 10k questions / 50k answers | {refresh_ms:.1f} ms "
        "| | | ≤ 50 ms |"
    )
    print(f"| peak memory, app with the 10k bank loaded | {peak_mb:.0f} MB | | | ≤ 150 MB |")


if __name__ == "__main__":
    main()

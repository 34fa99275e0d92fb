"""Benchmark: parse and validate a generated bank of 10,000 questions.

Writes the bank (mixed question types) to a temporary folder that is deleted
afterwards, then prints how long composing the YAML and validating the tree take,
with libyaml and with the pure-Python parser, plus ``yaml.safe_load`` for reference.

    python bench/bench_load.py [--questions N] [--repeat R]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from latsar_tui.content.loader import load_paths
from latsar_tui.content.validate import validate_tree
from latsar_tui.content.yamlnodes import Node, compose_bytes, gc_paused


def make_question(index: int) -> dict[str, Any]:
    """One question; the type cycles through all six."""
    kind = ("single", "multiple", "true_false", "scenario", "ordering", "branching")[index % 6]
    q: dict[str, Any] = {
        "id": f"q-{index:05d}",
        "type": kind,
        "prompt": f"Pertanyaan nomor {index}: apa yang paling tepat menurut nilai BerAKHLAK?",
        "explanation": "Penjelasan singkat yang merujuk pada perilaku yang diharapkan.",
        "lesson": "pelayanan",
        "sources": ["uu-25-2009"],
        "tags": ["pelayanan", "etika"],
        "difficulty": 1 + index % 3,
    }
    if kind in ("single", "multiple"):
        q["options"] = [
            {
                "text": f"Pilihan {n} untuk soal {index}",
                "correct": n == 0 or (kind == "multiple" and n == 1),
                "feedback": "Umpan balik pilihan.",
            }
            for n in range(4)
        ]
    elif kind == "true_false":
        q["answer"] = index % 2 == 0
        q["feedback_true"] = "Umpan balik jika menjawab Benar."
    elif kind == "scenario":
        q["context"] = "Seorang warga datang ke loket lima menit sebelum layanan tutup."
        q["options"] = [
            {"text": f"Tindakan {score}", "score": score, "feedback": "Alasan skor ini."}
            for score in (5, 4, 2, 1)
        ]
    elif kind == "ordering":
        q["items"] = ["Menerima", "Mencatat", "Memeriksa", "Menindaklanjuti"]
    else:
        q["context"] = "Warga mengeluh di ruang pelayanan."
        q["start"] = "awal"
        q["steps"] = {
            "awal": {
                "text": "Warga berbicara dengan nada tinggi.",
                "choices": [
                    {"text": "Menenangkan", "score": 5, "feedback": "Baik.", "next": "lanjut"},
                    {"text": "Mengabaikan", "score": 0, "feedback": "Buruk."},
                ],
            },
            "lanjut": {
                "text": "Warga mulai tenang.",
                "choices": [
                    {"text": "Membantu", "score": 5, "feedback": "Selesai."},
                    {"text": "Menunda", "score": 1, "feedback": "Kurang."},
                ],
            },
        }
    return q


def write_content(root: Path, count: int) -> Path:
    """A content root with one module and one bank of ``count`` questions."""
    (root / "modules").mkdir(parents=True)
    (root / "question_banks").mkdir()
    module = {
        "schema": "latsar/module@1",
        "id": "bench-modul",
        "title": "Modul tolok ukur",
        "summary": "Modul untuk mengukur kecepatan pemuat.",
        "sources": [{"id": "uu-25-2009", "title": "UU 25/2009"}],
        "lessons": [{"id": "pelayanan", "title": "Pelayanan", "body": "Isi pelajaran."}],
    }
    bank = {
        "schema": "latsar/bank@1",
        "id": "bench-bank",
        "title": "Bank tolok ukur",
        "module": "bench-modul",
        "questions": [make_question(i) for i in range(count)],
    }
    (root / "modules" / "bench-modul.yaml").write_text(
        yaml.safe_dump(module, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    path = root / "question_banks" / "bench-bank.yaml"
    path.write_text(yaml.safe_dump(bank, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def validate(root: Node) -> None:
    """Validation alone, with the garbage collector paused as the loader does."""
    with gc_paused():
        validate_tree(root, "bench.yaml")


def safe_load(text: str, loader: Any) -> None:
    """Plain ``yaml.load``, GC paused too so the comparison is fair."""
    with gc_paused():
        yaml.load(text, Loader=loader)


def best_of(repeat: int, action: Callable[[], object]) -> float:
    """The fastest of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        path = write_content(root, args.questions)
        data = path.read_bytes()
        print(f"bank: {args.questions:,} questions, {len(data) / 1e6:.1f} MB YAML")
        print(f"{'parser':<10} {'compose':>9} {'validate':>9} {'load_paths':>11} {'safe_load':>10}")
        for name, pure in (("libyaml", False), ("pure", True)):
            if not pure and not yaml.__with_libyaml__:
                print(f"{name:<10} (PyYAML built without libyaml)")
                continue
            composed = compose_bytes(data, pure=pure)
            assert composed.root is not None and not composed.problems
            compose_s = best_of(args.repeat, lambda pure=pure: compose_bytes(data, pure=pure))
            validate_s = best_of(args.repeat, lambda root=composed.root: validate(root))
            os.environ["LATSAR_PURE_YAML"] = "1" if pure else "0"
            catalog = load_paths([root], context=[])
            assert not catalog.errors, catalog.errors[:3]
            assert len(catalog.banks[0].questions) == args.questions
            load_s = best_of(args.repeat, lambda: load_paths([root], context=[]))
            loader = yaml.SafeLoader if pure else yaml.CSafeLoader
            text = data.decode("utf-8")
            safe_s = best_of(args.repeat, lambda loader=loader, text=text: safe_load(text, loader))
            print(
                f"{name:<10} {compose_s:>8.2f}s {validate_s:>8.2f}s {load_s:>10.2f}s "
                f"{safe_s:>9.2f}s"
            )
        print("compose: bytes -> node tree with marks; validate: tree -> model + findings;")
        print("load_paths: both plus reading the files and cross-file checks;")
        print("safe_load: plain yaml.load with the same parser, for reference (no checks).")
        print("Best of --repeat runs; the cyclic GC is paused in every column, as in the loader.")


if __name__ == "__main__":
    main()

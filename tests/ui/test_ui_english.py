"""The TUI in English: no Indonesian interface word on any main screen.

The English fixture module and bank (tests/fixtures/ui/english) are written in
English, so whatever Indonesian shows is the app's own text. The walk runs in its
own process (english_driver.py) because the language is fixed before the UI loads.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("babel")

from tests.english_words import indonesian_words, leftovers

DRIVER = Path(__file__).resolve().parent / "english_driver.py"
ROOT = Path(__file__).resolve().parents[2]


def test_every_main_screen_speaks_english(tmp_path: Path, size: str = "100x30") -> None:
    done = subprocess.run(
        [sys.executable, str(DRIVER), str(tmp_path), size],
        capture_output=True,
        text=True,
        timeout=240,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    screens: dict[str, str] = json.loads(done.stdout)
    for name in ("home", "lesson", "results", "help", "stats", "history", "review"):
        assert name in screens
    for kind in (
        "single",
        "multiple",
        "true_false",
        "scenario",
        "ordering",
        "branching",
        "short_answer",
        "matching",
    ):
        assert f"question {kind}" in screens and f"feedback {kind}" in screens, kind
    assert "Explanation" in screens["feedback single"]
    # The module is written in English: no language tag beside it.
    assert "Public Service Basics" in screens["home"]
    problems = {name: leftovers(text) for name, text in screens.items() if leftovers(text)}
    assert not problems, "Indonesian interface text in English mode:\n" + "\n".join(
        f"[{name}] {line}" for name, lines in problems.items() for line in lines
    )


def test_the_vocabulary_catches_indonesian() -> None:
    # The check itself must be able to fail: these are interface words of the app.
    assert {"jawaban", "tekan", "soal"} <= indonesian_words()
    assert leftovers("Soal 1 dari 8") and not leftovers("Question 1 of 8")

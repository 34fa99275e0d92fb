"""`latsar validate` in English: every finding of every error fixture reads in English.

The fixtures' own words (ids, quoted values, Indonesian content) may be quoted in a
message; they are taken out before looking for Indonesian interface words.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("babel")

from tests.english_words import leftovers

ROOT = Path(__file__).resolve().parents[2]
ERRORS = ROOT / "tests" / "fixtures" / "content" / "errors"


def test_every_validator_message_is_english(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "latsar_tui", "--lang", "en", "validate", str(ERRORS)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "LATSAR_HOME": str(tmp_path)},
        timeout=120,
        check=False,
    )
    out = done.stdout + done.stderr
    assert done.returncode == 1, out[-2000:]  # the fixtures hold errors
    findings = [line for line in out.splitlines() if re.search(r":\d+:\d+: (error|warning)", line)]
    assert len(findings) > 60
    fixture_words = set()
    for path in ERRORS.rglob("*"):
        if path.is_file():
            text = path.read_bytes().decode("utf-8", "replace")
            fixture_words |= {w.lower() for w in re.findall(r"[^\W\d_]{3,}", text)}
    problems = []
    for line in findings + out.splitlines()[-1:]:
        message = line.split(": ", 2)[-1]
        message = re.sub(r"'[^']*'|\"[^\"]*\"|\[[\w-]+\]$", " ", message)  # quoted, code
        hits = [hit for hit in leftovers(message) if not _only_fixture_words(hit, fixture_words)]
        problems += [f"{line}  <- {hit}" for hit in hits]
    assert not problems, "\n".join(problems[:40])


def _only_fixture_words(hit: str, fixture_words: set[str]) -> bool:
    words = re.findall(r"'([^']+)'", hit.split("]:", 1)[0])
    return all(word in fixture_words for word in words)

"""`latsar --help` and every subcommand's help in English, with no Indonesian left."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("babel")

from tests.english_words import command_tree, leftovers

ROOT = Path(__file__).resolve().parents[1]


def _subcommands() -> list[list[str]]:
    """``latsar`` itself and every subcommand under its own name (aliases left out)."""
    return [[], *(path for path, alias in command_tree() if not alias)]


def _run(args: list[str], tmp_path: Path, **env: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "latsar_tui", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "LATSAR_HOME": str(tmp_path), "COLUMNS": "100", **env},
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_every_help_page_is_english(tmp_path: Path) -> None:
    commands = _subcommands()
    assert len(commands) > 8
    problems = []
    for command in commands:
        text = _run(["--lang", "en", *command, "--help"], tmp_path)
        assert "usage:" in text
        problems += [f"latsar {' '.join(command)} --help: {line}" for line in leftovers(text)]
    assert not problems, "\n".join(problems)


def test_latsar_lang_in_the_environment_gives_english_help(tmp_path: Path) -> None:
    text = _run(["--help"], tmp_path, LATSAR_LANG="en")
    assert "options:" in text and not leftovers(text)
    assert leftovers(_run(["--help"], tmp_path, LATSAR_LANG="id"))  # Indonesian by default

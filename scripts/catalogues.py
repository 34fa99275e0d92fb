"""Keep the interface catalogues in step with the code (needs Babel: ``pip install -e ".[test]"``).

    python scripts/catalogues.py          # extract, update every language, compile

Runs the three Babel commands the README documents: extract the marked strings to
``latsar_tui/locale/latsar.pot``, merge them into each language's ``.po`` (new strings
come in untranslated, for a translator to fill), and compile the ``.mo`` files that
ship in the wheel. The tests fail while a string has no translation.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "latsar_tui" / "locale"
POT = LOCALE / "latsar.pot"
COMMON = ["-D", "latsar", "-d", str(LOCALE)]


def pybabel(*args: str) -> None:
    """Run one ``pybabel`` command from the repository root, stopping on failure."""
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], cwd=ROOT, check=True)


def main() -> int:
    """Extract, update and compile; returns the exit status."""
    pybabel(
        "extract",
        "--mapping-file",
        "babel.cfg",
        "--output-file",
        str(POT),
        "--sort-output",
        "--add-location",
        "file",
        "--no-wrap",
        "--project",
        "latsar-tui",
        "--copyright-holder",
        "Latsar TUI",
        "--msgid-bugs-address",
        "latsar-tui@example.invalid",
        "latsar_tui",
    )
    pybabel(
        "update",
        "--input-file",
        str(POT),
        *COMMON,
        "--no-wrap",
        "--ignore-obsolete",
        "--ignore-pot-creation-date",
    )
    pybabel("compile", *COMMON, "--statistics")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

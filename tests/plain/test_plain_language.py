"""Choosing the interface language in plain mode, through pipes as a screen reader does.

Only the language's own name ("English") and the saved setting are asserted: the
lines around it are in the language just chosen, so they change with the catalogue.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.plain.test_plain_subprocess import FIXTURE, Driver

# The entry is bilingual in every language, so this part is always on it.
ENTRY = "Interface language"


@pytest.fixture
def env(tmp_path: Path) -> Iterator[dict[str, str]]:
    environ = {
        key: value
        for key, value in os.environ.items()
        if key not in ("LATSAR_PLAIN", "ACCESSIBLE", "TERM", "NO_COLOR", "LATSAR_LANG")
    }
    environ["LATSAR_HOME"] = str(tmp_path / "home")
    yield environ


def _entry_number(driver: Driver, text: str) -> str:
    """The number of the newest numbered line that contains ``text``."""
    driver.prompt()
    for line in reversed(driver.output.split("\n")):
        match = re.fullmatch(r"(\d+)\. (.*)", line)
        if match and text in match.group(2):
            return match.group(1)
    raise AssertionError(f"no numbered line with {text!r}:\n{driver.output[-2000:]}")


def _settings(tmp_path: Path) -> dict[str, object]:
    (found,) = (tmp_path / "home").rglob("settings.json")
    data = json.loads(found.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_choosing_english_saves_it_and_says_so(env: dict[str, str], tmp_path: Path) -> None:
    driver = Driver(["--content", str(FIXTURE), "teks"], env)
    driver.type(_entry_number(driver, ENTRY))
    driver.prompt()
    menu_at = len(driver.output)
    driver.type(driver.number_of("English"))
    driver.prompt()  # back at the main menu
    said = driver.output[menu_at:].split("\n")
    driver.type("q")
    code, out, err = driver.finish()
    assert code == 0, err
    # The line after the choice names what was kept, by the language's own name.
    assert any("English" in line and not re.match(r"\d+\. ", line) for line in said[1:]), said
    assert _settings(tmp_path)["language"] == "en"
    assert "Bahasa Indonesia (id)" in out and "English (en)" in out

    # The next start reads the setting: the menu says English is in use.
    again = Driver(["--content", str(FIXTURE), "teks"], env)
    again.type(_entry_number(again, ENTRY))
    again.prompt()
    current = [line for line in again.output.split("\n") if line.endswith(": English.")]
    again.type("q")  # leave the language menu unchanged
    again.type("q")
    code, _out, err = again.finish()
    assert code == 0, err
    assert current, again.output[-1500:]
    assert _settings(tmp_path)["language"] == "en"


def test_choosing_the_language_in_use_changes_nothing(env: dict[str, str], tmp_path: Path) -> None:
    driver = Driver(["--content", str(FIXTURE), "--plain"], env)
    driver.type(_entry_number(driver, ENTRY))
    driver.type(driver.number_of("Bahasa Indonesia"))
    driver.type("q")
    code, out, err = driver.finish()
    assert code == 0, err
    assert "Tidak ada yang diubah." in out.split("\n")
    assert not list((tmp_path / "home").rglob("settings.json"))

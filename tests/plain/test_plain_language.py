"""Plain mode and the interface language: choosing it (through pipes, as a screen
reader does), a module's own language, and decimals in the interface's style.

After a switch only the language's own name ("English") and the saved setting are
asserted: the lines around it are in the language just chosen, so they follow the
catalogue.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from latsar_tui import i18n
from latsar_tui.content.loader import load_catalog
from latsar_tui.content.model import Catalog
from latsar_tui.paths import Paths
from latsar_tui.plain.runner import PlainApp
from latsar_tui.review.text import number
from latsar_tui.store.progress import ProgressStore
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


def _module(tmp_path: Path, module_id: str, language: str | None) -> None:
    folder = tmp_path / "konten" / "modules"
    folder.mkdir(parents=True, exist_ok=True)
    line = f"language: {language}\n" if language else ""
    (folder / f"{module_id}.yaml").write_text(
        "schema: latsar/module@1\n"
        f"id: {module_id}\n"
        f"title: Modul {module_id}\n"
        "summary: Ringkasan.\n"
        f"{line}"
        "lessons:\n"
        "  - id: " + module_id + "-satu\n"
        "    title: Satu\n"
        "    body: Isi.\n",
        encoding="utf-8",
    )


def test_a_module_in_another_language_says_which(paths: Paths, tmp_path: Path) -> None:
    _module(tmp_path, "a-id", None)
    _module(tmp_path, "b-en", "en-GB")
    _module(tmp_path, "c-jv", "jv")
    loaded = load_catalog(paths, [tmp_path / "konten"])
    assert not [f.format() for f in loaded.findings if "konten" in f.path]
    ours = tuple(m for m in loaded.modules if m.id in {"a-id", "b-en", "c-jv"})
    out: list[str] = []
    replies = iter(["1", "q", "q"])  # Baca materi, then back and out

    def ask(prompt: str) -> str:
        out.append(prompt)
        return next(replies)

    with ProgressStore.open(paths) as store:
        assert PlainApp(Catalog(modules=ours), store, ask=ask, say=out.append).run() == 0
    assert "1. Modul a-id (0 dari 1 materi dibaca)" in out
    assert "2. Modul b-en (berbahasa Inggris) (0 dari 1 materi dibaca)" in out
    assert "3. Modul c-jv (berbahasa jv) (0 dari 1 materi dibaca)" in out  # unknown: the raw tag


def test_decimals_follow_the_interface_language() -> None:
    try:
        assert number(66.666, 1) == "66,7"
        assert number(80.0, 1) == "80"
        assert number(100.0, 0) == "100"  # whole numbers keep their zeros
        i18n.setup("en")
        assert number(66.666, 1) == "66.7"
        assert number(80.0, 1) == "80"
    finally:
        i18n.setup("id")

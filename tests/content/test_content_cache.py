"""The content cache: unchanged files are not parsed again; bad entries are rebuilt."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from latsar_tui.content import cache as cache_mod
from latsar_tui.content import loader
from latsar_tui.content.loader import load_catalog
from latsar_tui.paths import Paths

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ui" / "basic"


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the basic fixture root, and no built-in content."""
    from latsar_tui.content import roots

    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setattr(roots, "builtin_content_root", lambda: empty)
    target = tmp_path / "root"
    shutil.copytree(FIXTURES, target)
    return target


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the YAML parses the loader does."""
    calls: list[int] = []
    real = loader.compose_bytes

    def counting(data: bytes):  # type: ignore[no-untyped-def]
        calls.append(len(data))
        return real(data)

    monkeypatch.setattr(loader, "compose_bytes", counting)
    return calls


def _entries(paths: Paths) -> list[Path]:
    return sorted(paths.cache.glob("*.pickle"))


def test_second_load_parses_nothing_and_gives_the_same_catalog(
    paths: Paths, root: Path, parses: list[int]
) -> None:
    first = load_catalog(paths, [root], cache=True)
    files = len(parses)
    assert files >= 2 and len(_entries(paths)) == files
    second = load_catalog(paths, [root], cache=True)
    assert len(parses) == files  # nothing parsed again
    assert second == first
    assert second.banks and second.modules


def test_only_the_changed_file_is_parsed_again(paths: Paths, root: Path, parses: list[int]) -> None:
    load_catalog(paths, [root], cache=True)
    before = len(parses)
    bank = next((root / "question_banks").glob("*.yaml"))
    bank.write_text(bank.read_text(encoding="utf-8") + "\n# diubah\n", encoding="utf-8")
    catalog = load_catalog(paths, [root], cache=True)
    assert len(parses) == before + 1
    assert catalog.banks


def test_same_size_and_mtime_but_other_bytes_is_a_miss(
    paths: Paths, root: Path, parses: list[int]
) -> None:
    import os

    bank = next((root / "question_banks").glob("*.yaml"))
    load_catalog(paths, [root], cache=True)
    stat = bank.stat()
    text = bank.read_text(encoding="utf-8")
    swapped = text.replace("title:", "titlE:", 1)  # same length, now an error
    assert len(swapped) == len(text)
    bank.write_text(swapped, encoding="utf-8")
    os.utime(bank, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    before = len(parses)
    catalog = load_catalog(paths, [root], cache=True)
    assert len(parses) == before + 1  # the hash caught it
    assert catalog.broken


@pytest.mark.parametrize("damage", ["corrupt", "truncated", "version", "format", "shape"])
def test_a_bad_entry_is_ignored_and_rebuilt(
    paths: Paths, root: Path, parses: list[int], damage: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = load_catalog(paths, [root], cache=True)
    entries = _entries(paths)
    for entry in entries:
        raw = entry.read_bytes()
        if damage == "corrupt":
            entry.write_bytes(b"\x80\x05not a pickle at all" + raw[40:60])
        elif damage == "truncated":
            entry.write_bytes(raw[: len(raw) // 2])
        elif damage == "shape":
            entry.write_bytes(pickle.dumps({"format": cache_mod.FORMAT, "checked": 42}))
        else:
            data = pickle.loads(raw)
            data["format" if damage == "format" else "app"] = "0.0.0-old"
            entry.write_bytes(pickle.dumps(data))
    before = len(parses)
    again = load_catalog(paths, [root], cache=True)
    assert len(parses) == before + len(entries)  # every file parsed again
    assert again == good
    # ... and the rebuilt entries are good again.
    load_catalog(paths, [root], cache=True)
    assert len(parses) == before + len(entries)


def test_an_unwritable_cache_only_costs_speed(paths: Paths, root: Path, parses: list[int]) -> None:
    paths.cache.parent.mkdir(parents=True, exist_ok=True)
    paths.cache.write_text("a file where the folder should be")
    catalog = load_catalog(paths, [root], cache=True)
    assert catalog.banks and not catalog.broken


def test_validate_always_parses(paths: Paths, root: Path, parses: list[int]) -> None:
    from latsar_tui.cli import main

    load_catalog(paths, [root], cache=True)
    before = len(parses)
    assert main(["--content", str(root), "validate"]) in (0, 1)
    assert len(parses) > before


def test_cache_lives_in_the_platform_cache_folder_without_override(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import platformdirs

    monkeypatch.delenv("LATSAR_HOME")
    resolved = Paths.resolve()
    assert resolved.cache == platformdirs.user_cache_path("latsar", appauthor=False)


def test_cache_files_are_private(paths: Paths, root: Path) -> None:
    load_catalog(paths, [root], cache=True)
    for entry in _entries(paths):
        assert entry.stat().st_mode & 0o777 == 0o600

"""The wheel ships what a `pip install` user needs: content, schemas and the catalogues."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

hatchling_build = pytest.importorskip("hatchling.build")

ROOT = Path(__file__).resolve().parents[1]


def test_the_wheel_carries_the_compiled_catalogue_and_the_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "src"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(".git", ".venv", "*.pyc", "__pycache__", ".*_cache"),
    )
    monkeypatch.chdir(source)
    name = hatchling_build.build_wheel(str(tmp_path / "dist"))
    with zipfile.ZipFile(tmp_path / "dist" / name) as wheel:
        names = set(wheel.namelist())
        mo = wheel.read("latsar_tui/locale/en/LC_MESSAGES/latsar.mo")
    assert mo == (ROOT / "latsar_tui/locale/en/LC_MESSAGES/latsar.mo").read_bytes()
    assert any(n.startswith("latsar_tui/_builtin/modules/") for n in names)
    assert any(n.startswith("latsar_tui/_builtin/question_banks/") for n in names)
    assert "latsar_tui/schemas/bank-1.json" in names

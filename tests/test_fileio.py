"""Atomic writes keep the permissions a user expects and never leave half a file."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from latsar_tui.fileio import write_text_atomically


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_new_file_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = tmp_path / "laporan.html"
        write_text_atomically(target, "<p>isi</p>")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert target.read_text(encoding="utf-8") == "<p>isi</p>"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "bank.yaml"
    target.write_text("lama", encoding="utf-8")
    target.chmod(0o640)
    write_text_atomically(target, "baru")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text(encoding="utf-8") == "baru"


def test_failure_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "x.json"
    with pytest.raises(TypeError):
        write_text_atomically(target, 123)  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []

"""Files that hold a trainee's NIP are readable by their owner only (issue 12)."""

from __future__ import annotations

import json
import stat
import sys
from pathlib import Path

import pytest

from latsar_tui.cli import main
from latsar_tui.paths import Paths
from latsar_tui.store.progress import ProgressStore
from latsar_tui.store.transfer import write_export

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_database_and_exports_are_0600(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LATSAR_HOME", str(tmp_path / "home"))
    paths = Paths.resolve().ensure()
    with ProgressStore.open(paths) as store:
        write_export(store, paths, tmp_path / "cadangan.json")
    for suffix in ("", "-wal", "-shm"):
        candidate = Path(f"{paths.database}{suffix}")
        if candidate.exists():
            assert _mode(candidate) == 0o600, candidate
    assert _mode(paths.database) == 0o600
    assert _mode(tmp_path / "cadangan.json") == 0o600
    target = tmp_path / "hasil.json"
    assert main(["results", "export", "-o", str(target), "--name", "Ani", "--nip", "1990"]) == 0
    assert _mode(target) == 0o600
    assert json.loads(target.read_text("utf-8"))


def test_a_damaged_database_moved_aside_stays_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LATSAR_HOME", str(tmp_path / "home"))
    paths = Paths.resolve().ensure()
    paths.database.write_bytes(b"not a database at all" * 10)
    paths.database.chmod(0o644)
    with ProgressStore.open(paths) as store:
        assert store.notice
    (backup,) = [p for p in paths.backups.iterdir() if p.suffix == ".sqlite3"]
    assert _mode(backup) == 0o600

"""`latsar stats` and `latsar progress export|import` from the command line."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from review_factories import answer, two_module_catalog

from latsar_tui.cli import main
from latsar_tui.content import loader
from latsar_tui.paths import Paths
from latsar_tui.store.progress import ProgressStore


@pytest.fixture(autouse=True)
def small_catalog(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "load_catalog", lambda *args, **kwargs: two_module_catalog())


def test_stats_prints_the_figures(paths: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    now = datetime.now(UTC)
    with ProgressStore.open(paths) as store:
        answer(store, "b1", "q0", 1.0, now - timedelta(days=1))
        answer(store, "b1", "q1", 0.5, now)
    assert main(["stats"]) == 0
    out = capsys.readouterr().out
    assert "Jawaban tersimpan: 2 · rata-rata skor 75%" in out
    assert "Penguasaan per modul" in out and "Modul m1" in out
    # m1: Penguasaan counts q0 only (full marks, recall >= 90 %): 1 of 4 questions;
    # Benar is the mean latest score of its answered questions: (1 + 0.5) / 2.
    assert "25%" in out and "75%" in out
    assert "akuntabel" in out and "harmonis" in out
    assert "Rangkaian hari belajar: 2 hari" in out
    assert "Jawaban per hari (30 hari terakhir)" in out


def test_progress_export_and_import(
    paths: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with ProgressStore.open(paths) as store:
        answer(store, "b1", "q0", 1.0, datetime(2026, 3, 2, tzinfo=UTC))
    target = tmp_path / "progres.json"
    assert main(["progress", "export", str(target)]) == 0
    assert "1 jawaban" in capsys.readouterr().out
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == 1
    assert main(["progress", "import", str(target)]) == 0
    assert "Ditambahkan: 0 jawaban (1 sudah ada)" in capsys.readouterr().out


def test_import_refuses_a_newer_version(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "baru.json"
    source.write_text('{"format": "latsar-progress", "version": 2}', encoding="utf-8")
    assert main(["progress", "import", str(source)]) == 1
    err = capsys.readouterr().err
    assert "versi 2" in err and "perbarui aplikasi" in err and "tidak diubah" in err

"""`latsar stats` fits an 80-column terminal (and a pipe, which Rich treats as 80)."""

from __future__ import annotations

import pytest

from latsar_tui.cli import main


def test_stats_lines_fit_80_columns(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["stats"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any("Penguasaan per modul" in line for line in lines)
    assert max(len(line) for line in lines) <= 80
    # Rich crops rather than overflows, so check that the last column is still whole.
    header = next(line for line in lines if "Penguasaan" in line and "Dijawab" in line)
    assert "Ingatan" in header

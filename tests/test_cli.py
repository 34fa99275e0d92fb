"""The CLI shell: version, Indonesian help, clean errors, module entry point."""

from __future__ import annotations

import subprocess
import sys

import pytest

from latsar_tui import __version__
from latsar_tui.cli import build_parser, main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"latsar {__version__}"


def test_help_is_indonesian_in_every_subcommand() -> None:
    parser = build_parser()
    top = parser.format_help()
    assert "tampilkan bantuan ini lalu keluar" in top
    assert "show this help message" not in top
    subparsers = next(a for a in parser._actions if a.dest == "command")
    for name, child in subparsers.choices.items():  # type: ignore[attr-defined]
        text = child.format_help()
        assert "show this help message" not in text, name
        assert "opsi:" in text, name


def test_unknown_subcommand_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["tidak-ada"])
    assert exit_info.value.code == 2
    assert "tidak-ada" in capsys.readouterr().err


def test_python_dash_m_runs_the_same_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "latsar_tui", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"latsar {__version__}"

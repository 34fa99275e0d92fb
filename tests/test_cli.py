"""The CLI shell: version, Indonesian help, --lang, clean errors, module entry point."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from latsar_tui import __version__, i18n
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


@pytest.fixture
def indonesian_after(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Tests that switch the language leave the process in Indonesian, as they found it."""
    monkeypatch.setenv("LATSAR_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("LATSAR_LANG", raising=False)
    yield
    i18n.setup("id")


@pytest.mark.usefixtures("indonesian_after")
def test_an_unknown_language_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--lang", "xx", "--version"])
    assert exit_info.value.code == 2
    # argparse's own report: the usage, then one line naming the option and the value.
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert last.startswith("latsar: ") and "--lang" in last and "'xx'" in last
    assert i18n.current_language() == "id"


@pytest.mark.usefixtures("indonesian_after")
def test_english_is_accepted(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--lang", "en", "--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"latsar {__version__}"
    assert i18n.current_language() == "en"


@pytest.mark.usefixtures("indonesian_after")
def test_argparse_parts_follow_the_catalogue(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A catalogue of argparse's parts only, so this holds whatever the shipped one says.
    catalog = Catalog(locale="en", domain=i18n.DOMAIN)
    for source, english in {
        "opsi": "options",
        "argumen": "positional arguments",
        "tampilkan bantuan ini lalu keluar": "show this help message and exit",
        "tampilkan versi lalu keluar": "show program's version number and exit",
    }.items():
        catalog.add(source, english)
    folder = tmp_path / "locale" / "en" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / f"{i18n.DOMAIN}.mo").open("wb") as handle:
        write_mo(handle, catalog)
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path / "locale")
    assert i18n.setup("en") == "en"
    parser = build_parser()
    top = parser.format_help()
    assert "show program's version number and exit" in top
    subparsers = next(a for a in parser._actions if a.dest == "command")
    for name, child in subparsers.choices.items():  # type: ignore[attr-defined]
        text = child.format_help()
        assert "options:" in text and "show this help message and exit" in text, name
        assert "opsi:" not in text and "tampilkan bantuan" not in text, name
    validate = subparsers.choices["validate"]  # type: ignore[attr-defined]
    assert "positional arguments:" in validate.format_help()


def test_argparse_own_words_follow_the_interface_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["validate", "--help"])
    assert capsys.readouterr().out.startswith("pemakaian: latsar validate")
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", "--tidak-ada"])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        "latsar: kesalahan: unrecognized arguments: --tidak-ada"
    )

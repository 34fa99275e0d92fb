"""`latsar validate PATH` checks PATH with the content root it belongs to (issue 11).

The trainer's first documented steps (`latsar new module`, `latsar new bank --module`,
then the "Periksa dengan" command they print) must pass in a new, empty folder; a file
the app will never read by its name is reported, not skipped.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from latsar_tui.cli import main


def _latsar(args: list[str], cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LATSAR_HOME": str(home)}
    env.pop("LATSAR_CONTENT", None)
    return subprocess.run(
        [sys.executable, "-m", "latsar_tui", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _printed_check(output: str) -> list[str]:
    """The command after "Periksa dengan:" in a `latsar new` message, as arguments."""
    _, _, command = output.partition("Periksa dengan:")
    words = shlex.split(command.strip().splitlines()[0])
    assert words[0] == "latsar", output
    return words[1:]


def test_new_module_new_bank_and_the_printed_checks_pass_in_an_empty_folder(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "kelas-baru"
    folder.mkdir()
    home = tmp_path / "home"
    made_module = _latsar(["new", "module", "etika-pelayanan"], folder, home)
    assert made_module.returncode == 0, made_module.stderr
    made_bank = _latsar(
        ["new", "bank", "etika-latihan", "--module", "etika-pelayanan"], folder, home
    )
    assert made_bank.returncode == 0, made_bank.stderr
    for made in (made_module, made_bank):
        check = _latsar(_printed_check(made.stdout + made.stderr), folder, home)
        assert check.returncode == 0, check.stdout + check.stderr
        assert "error:" not in check.stdout
        assert check.stdout.strip().endswith("in 1 file")
    # With no argument the current folder, a content root, is checked too.
    everything = _latsar(["validate"], folder, home)
    assert everything.returncode == 0, everything.stdout
    assert "question_banks/etika-latihan.yaml" not in everything.stdout  # no findings
    assert "error" in everything.stdout.splitlines()[-1]


def _root(tmp_path: Path) -> Path:
    root = tmp_path / "konten"
    assert main(["new", "module", "etika", "-o", str(root / "modules" / "etika.yaml")]) == 0
    assert (
        main(
            [
                "new",
                "bank",
                "etika-latihan",
                "--module",
                "etika",
                "-o",
                str(root / "question_banks" / "etika-latihan.yaml"),
            ]
        )
        == 0
    )
    return root


def test_a_named_file_resolves_against_its_root_and_only_its_findings_print(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _root(tmp_path)
    # A broken second bank in the same root: its errors are not the named file's.
    (root / "question_banks" / "rusak.yaml").write_text("schema: latsar/bank@1\nid: Rusak\n")
    capsys.readouterr()
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "konten/question_banks/etika-latihan.yaml"]) == 0
    out = capsys.readouterr().out
    assert "unknown-module" not in out and "rusak.yaml" not in out
    assert out.endswith("0 errors, 0 warnings in 1 file\n")
    # From inside question_banks/ too.
    monkeypatch.chdir(root / "question_banks")
    assert main(["validate", "etika-latihan.yaml"]) == 0


def test_no_argument_checks_the_current_content_root(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _root(tmp_path)
    (root / "question_banks" / "rusak.yaml").write_text("schema: latsar/bank@1\nid: Rusak\n")
    monkeypatch.chdir(root)
    capsys.readouterr()
    assert main(["validate"]) == 1
    out = capsys.readouterr().out
    assert "question_banks/rusak.yaml:2:5: error:" in out


def test_a_file_the_app_never_reads_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _root(tmp_path)
    bank = root / "question_banks" / "etika-latihan.yaml"
    bank.rename(bank.with_name("etika-latihan.yaml.txt"))
    (root / "question_banks" / ".DS_Store").write_bytes(b"\0")  # litter, not content
    monkeypatch.chdir(root)
    capsys.readouterr()
    assert main(["validate", "question_banks"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("question_banks/etika-latihan.yaml.txt:1:1: warning: ")
    assert lines[0].endswith("[unread-file]") and "etika-latihan.yaml" in lines[0]
    assert lines[-1] == "0 errors, 1 warning in 0 files"
    # Named on its own it is still checked, and still reported.
    assert main(["validate", "question_banks/etika-latihan.yaml.txt"]) == 0
    out = capsys.readouterr().out
    assert "[unread-file]" in out and out.endswith("in 1 file\n")

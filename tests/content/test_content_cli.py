"""`latsar validate`: output lines, summary, JSON, exit codes 0/1/2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from content_helpers import ERRORS, VALID

from latsar_tui.cli import main
from latsar_tui.commands.validate import summary


@pytest.fixture(autouse=True)
def empty_builtin(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The shipped content is not these tests' business: an empty built-in root."""
    empty = tmp_path / "builtin"
    empty.mkdir()
    monkeypatch.setattr("latsar_tui.content.roots.builtin_content_root", lambda: empty)
    return empty


def test_valid_content_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(VALID)]) == 0
    assert capsys.readouterr().out == "0 errors, 0 warnings in 2 files\n"


def test_errors_exit_1_with_one_line_each(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ERRORS.parent.parent.parent.parent)  # the repository
    code = main(
        ["validate", str(ERRORS / "unknown-field.yaml"), str(ERRORS / "single-correct.yaml")]
    )
    assert code == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "tests/fixtures/content/errors/unknown-field.yaml:13:9: error: 'feedbak' bukan field "
        "opsi; mungkin maksudnya 'feedback'? [unknown-field]",
        "tests/fixtures/content/errors/single-correct.yaml:10:5: error: soal single "
        "memerlukan tepat satu opsi benar, ditemukan 2 [single-correct]",
        "2 errors, 0 warnings in 2 files",
    ]


def test_warnings_alone_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(ERRORS / "duplicate-prompt.yaml")]) == 0
    out = capsys.readouterr().out
    assert "warning:" in out and out.endswith("0 errors, 1 warning in 1 file\n")


def test_json_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--format", "json", str(ERRORS / "bad-id.yaml")]) == 1
    data = json.loads(capsys.readouterr().out)
    assert len(data) == 1
    assert set(data[0]) == {"path", "line", "column", "severity", "code", "message"}
    assert (data[0]["code"], data[0]["line"], data[0]["column"]) == ("bad-id", 6, 9)
    assert data[0]["severity"] == "error"


def test_json_empty_array_when_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--format=json", str(VALID)]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_missing_path_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["validate", str(tmp_path / "nope.yaml")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "nope.yaml" in captured.err and "tidak ditemukan" in captured.err


def test_missing_content_folder_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["--content", str(tmp_path / "gone"), "validate"]) == 2
    assert "gone" in capsys.readouterr().err


def test_default_reads_every_root(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    empty_builtin: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)  # not a content root, unlike the repository
    extra = tmp_path / "extra"
    (extra / "question_banks").mkdir(parents=True)
    (extra / "question_banks" / "x.yaml").write_bytes((ERRORS / "bad-id.yaml").read_bytes())
    assert main(["--content", str(extra), "validate"]) == 1
    out = capsys.readouterr().out
    assert "[bad-id]" in out and out.endswith("1 error, 0 warnings in 1 file\n")


def test_markup_in_content_is_printed_literally(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "b.yaml"
    path.write_text("schema: latsar/bank@1\nid: '[bold]x[/bold]'\n", encoding="utf-8")
    main(["validate", str(path)])
    assert "'[bold]x[/bold]' bukan id bank yang sah" in capsys.readouterr().out


def test_summary_singular_and_plural() -> None:
    assert summary(1, 1, 1) == "1 error, 1 warning in 1 file"
    assert summary(2, 0, 5) == "2 errors, 0 warnings in 5 files"


def test_help_is_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["validate", "--help"])
    assert "Periksa file modul" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("fixture", "code", "line"),
    [
        ("keyed-longest.yaml", "keyed-longest", 5),
        ("true-false-balance.yaml", "true-false-balance", 5),
        ("multiple-same-count.yaml", "multiple-same-count", 5),
        ("similar-question.yaml", "similar-question", 13),
        ("html-markup.yaml", "html-markup", 11),
    ],
)
def test_json_carries_item_writing_warnings(
    capsys: pytest.CaptureFixture[str], fixture: str, code: str, line: int
) -> None:
    # Warnings only: the exit code stays 0, and editors and CI still see each one.
    assert main(["validate", "--format", "json", str(ERRORS / fixture)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"code": code, "line": line, "severity": "warning"}.items() <= data[0].items()

"""Every finding code has a fixture that triggers it at a known line and column.

Each file under tests/fixtures/content/errors/ says on its first line what it must
produce: ``# expect: code@line:col, code@line:col`` (or ``none``). Names are
``<code>.yaml`` or ``<code>--<variant>.yaml``. Adding the expectation as one comment
line keeps every other position in the file unchanged.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from content_helpers import ERRORS, SUPPORT, yaml_parser  # noqa: F401 - fixture

from latsar_tui.content.loader import load_paths
from latsar_tui.content.model import Severity
from latsar_tui.content.roots import ContentRoot
from latsar_tui.content.validate import CODES, WARNING_CODES

FILES = sorted(ERRORS.glob("*.yaml"))
# Codes whose trigger cannot be a committed file, each with its own test below.
CODES_WITHOUT_FIXTURE = {
    "unreadable",
    "unread-file",
    "file-too-large",
    "text-too-long",
    "too-many-nodes",
}


def _expected(path: Path) -> list[tuple[str, int, int]]:
    first = path.read_bytes().split(b"\n", 1)[0].decode("ascii")
    assert first.startswith("# expect: "), path
    spec = first.removeprefix("# expect: ").strip()
    if spec == "none":
        return []
    result = []
    for part in spec.split(","):
        code, position = part.strip().split("@")
        line, column = position.split(":")
        result.append((code, int(line), int(column)))
    return result


def _check(path: Path) -> list[tuple[str, int, int]]:
    catalog = load_paths([path], context=[ContentRoot(SUPPORT, "extra")])
    return [(f.code, f.line, f.column) for f in catalog.findings]


@pytest.mark.usefixtures("yaml_parser")
@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_fixture_gives_its_findings(path: Path) -> None:
    assert _check(path) == _expected(path)


def test_every_code_has_a_fixture() -> None:
    covered = {code for path in FILES for code, _, _ in _expected(path)}
    named = {path.stem.split("--")[0] for path in FILES} - {"ok"}
    assert covered | CODES_WITHOUT_FIXTURE == set(CODES)
    # A fixture named after a code must trigger it, so the name never lies.
    assert named <= covered


def test_severity_follows_code() -> None:
    for path in FILES:
        catalog = load_paths([path], context=[ContentRoot(SUPPORT, "extra")])
        for finding in catalog.findings:
            expected = Severity.WARNING if finding.code in WARNING_CODES else Severity.ERROR
            assert finding.severity is expected


def test_fixture_file_names_in_findings_are_the_fixture_paths() -> None:
    catalog = load_paths([ERRORS / "unknown-field.yaml"], context=[])
    (finding,) = catalog.findings
    assert finding.path.endswith("errors/unknown-field.yaml")
    assert finding.message == "'feedbak' bukan field opsi; mungkin maksudnya 'feedback'?"


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bank = tmp_path / "question_banks" / "locked.yaml"
    bank.parent.mkdir()
    bank.write_text("schema: latsar/bank@1\n", encoding="utf-8")
    real = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self.name == "locked.yaml":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    catalog = load_paths([tmp_path], context=[])
    assert [(f.code, f.line, f.column) for f in catalog.findings] == [("unreadable", 1, 1)]
    assert "Permission denied" in catalog.findings[0].message
    assert catalog.broken[0].first_error.code == "unreadable"


def test_not_utf8_names_the_byte_offset() -> None:
    path = ERRORS / "not-utf8.yaml"
    offset = path.read_bytes().index(b"\xe9")
    catalog = load_paths([path], context=[])
    assert f"byte {offset} (0xe9)" in catalog.findings[0].message


def test_messages_are_one_line_and_codes_kebab_case() -> None:
    for code, description in CODES.items():
        assert code == code.lower() and " " not in code and "_" not in code
        assert description
    for path in FILES:
        for finding in load_paths([path], context=[ContentRoot(SUPPORT, "extra")]).findings:
            assert "\n" not in finding.message

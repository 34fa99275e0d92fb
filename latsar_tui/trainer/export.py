"""``latsar export`` and ``latsar import`` behind one small API per direction.

Export: a validated Bank to GIFT, Moodle XML or CSV, with the questions the format
cannot carry listed. Import: a file in one of the four formats to bank YAML that the
loader accepts; the YAML is checked with ``load_text`` before it is returned, so a
bank is never written that ``latsar validate`` would reject.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from latsar_tui.content.loader import load_text
from latsar_tui.content.model import Bank, Finding, Module, Severity
from latsar_tui.i18n import _, ngettext
from latsar_tui.trainer.aiken import parse_aiken
from latsar_tui.trainer.csvbank import export_csv, parse_csv
from latsar_tui.trainer.gift import ExportOutcome, export_gift, parse_gift
from latsar_tui.trainer.importing import ImportFailure, ImportResult, check_import_size
from latsar_tui.trainer.moodle_xml import export_moodle_xml, parse_moodle_xml
from latsar_tui.trainer.yamlwrite import dump_bank

ExportFormat = Literal["gift", "moodle-xml", "csv"]
ImportFormat = Literal["gift", "aiken", "moodle-xml", "csv"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("gift", "moodle-xml", "csv")
IMPORT_FORMATS: tuple[ImportFormat, ...] = ("gift", "aiken", "moodle-xml", "csv")


def export_bank(bank: Bank, fmt: ExportFormat) -> ExportOutcome:
    """The bank in one export format, with the questions left out and why."""
    if fmt == "gift":
        return export_gift(bank)
    if fmt == "moodle-xml":
        return export_moodle_xml(bank)
    return export_csv(bank)


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFailure(
            _(
                "{source}: bukan teks UTF-8 (byte ke-{position} tidak terbaca); "
                "simpan ulang berkasnya sebagai UTF-8"
            ).format(source=source, position=error.start)
        ) from None


def parse_import(data: bytes, fmt: ImportFormat, source: str) -> ImportResult:
    """Parse one file's bytes in the given format (refused at once when too big)."""
    check_import_size(data, source)
    if fmt == "moodle-xml":
        return parse_moodle_xml(data, source)
    text = _decode(data, source)
    if fmt == "gift":
        return parse_gift(text, source)
    if fmt == "aiken":
        return parse_aiken(text, source)
    return parse_csv(text, source)


def attach_module(result: ImportResult, module_id: str | None, module: Module | None) -> None:
    """Keep lessons only where the bank's module has them; note every one dropped."""
    kept = []
    for original in result.questions:
        question = original
        lesson = question.lesson
        if lesson is not None:
            reason: str | None = None
            if module_id is None:
                reason = _("pelajaran '{lesson}' dibuang: bank tanpa --module").format(
                    lesson=lesson
                )
            elif module is not None and module.lesson(lesson) is None:
                reason = _("pelajaran '{lesson}' tidak ada di modul '{module}'; dibuang").format(
                    lesson=lesson, module=module_id
                )
            if reason is not None:
                result.note(question.line, question.id, reason)
                question = dataclasses.replace(question, lesson=None)
        kept.append(question)
    result.questions = kept


def nothing_imported(result: ImportResult, fmt: str) -> str:
    """Why an import gave no question: every skipped item with its line and reason."""
    if not result.skipped:
        return _(
            "{source}: tidak ada soal yang bisa diimpor: tidak ditemukan satu pun "
            "butir berformat {format} (berkas kosong, hanya komentar, atau formatnya lain? "
            "periksa pilihan --format)"
        ).format(source=result.source, format=fmt)
    count = len(result.skipped)
    lines = [
        ngettext(
            "{source}: tidak ada soal yang bisa diimpor; {n} butir dilewati:",
            "{source}: tidak ada soal yang bisa diimpor; {n} butir dilewati:",
            count,
        ).format(source=result.source, n=count)
    ]
    lines.extend(
        f"  {result.source}:{item.line}: {item.reason}"
        for item in sorted(result.skipped, key=lambda s: s.line)
    )
    return "\n".join(lines)


@dataclasses.dataclass(frozen=True)
class ImportOutput:
    """The YAML to write, the bank it holds and the loader's findings on it."""

    text: str
    bank: Bank
    findings: list[Finding]

    @property
    def errors(self) -> list[Finding]:
        """Findings of severity error (none means the file validates)."""
        return [f for f in self.findings if f.severity is Severity.ERROR]


# The comment at the top of an imported bank file: content for the trainer who edits
# the file, in the language of the format's markers (PERIKSA, TODO), not interface text.
_IMPORT_HEADER = (
    "Diimpor dari {source} (format {format}) oleh `latsar import`, "
    "{stamp}.",  # i18n: ignore text written into the bank file
    "Periksa soal bertanda PERIKSA dan ganti setiap 'TODO: ...' "
    "sebelum dibagikan.",  # i18n: ignore text written into the bank file
)


def render_import(
    result: ImportResult,
    *,
    bank_id: str,
    fmt: ImportFormat,
    output: Path,
    module_id: str | None = None,
    title: str | None = None,
    now: datetime | None = None,
) -> ImportOutput:
    """Bank YAML for an import result, checked by the loader."""
    if not result.questions:
        raise ImportFailure(nothing_imported(result, fmt))
    bank = result.to_bank(bank_id, title=title, module=module_id)
    stamp = (now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC")
    header: Sequence[str] = [
        line.format(source=Path(result.source).name, format=fmt, stamp=stamp)
        for line in _IMPORT_HEADER
    ]
    text = dump_bank(bank, header=header, question_comments=result.question_comments())
    _bank, findings = load_text(text, str(output), "bank")
    return ImportOutput(text=text, bank=bank, findings=findings)

"""CSV import and export of question banks, for trainers who work in a spreadsheet.

The file is UTF-8 (a BOM, as Excel writes it, is fine), separated by commas or by
semicolons (Excel with Indonesian regional settings writes ``;``; the separator is
read from the header row). One row per question; the header names the columns, in any
order, upper or lower case:

=============  ==========================================================================
``id``         question id (optional: made from the row number when empty)
``type``       ``single``, ``multiple``, ``true_false`` or ``scenario`` (required)
``prompt``     the question (required)
``option_a``   .. ``option_f``: option texts, in order (not for true_false)
``correct``    single: one letter (``B``); multiple: letters (``A,C`` or ``AC``);
               true_false: ``benar``/``salah`` (or ``true``/``false``); empty for scenario
``scores``     scenario only: 1..5 per option in order, e.g. ``5,3,1,4,2``
``feedback_a`` .. ``feedback_f``: feedback per option; for true_false ``feedback_a`` is
               shown after the answer "Benar", ``feedback_b`` after "Salah"
``explanation`` shown after the answer (required by the format; see importing.py)
``tags``       tag ids separated by commas, semicolons or spaces
``lesson``     lesson id in the bank's module (kept only with ``--module``)
``context``    the situation of a scenario (optional extra column; without it the
               prompt's last paragraph is the question and the rest the context)
``answers``    short_answer: accepted answers separated by ``|`` (``akuntabel|akuntabilitas``)
``partial``    short_answer: ``answer=share`` entries separated by ``|`` (``jujur=0.5``)
``tolerance``  short_answer: ``1`` accepts a one-letter typo in answers of 6+ letters
``feedback_wrong`` short_answer: shown when the answer scored 0
``pairs``      matching: ``left -> right`` entries separated by ``|``
``distractors`` matching: extra right-side texts separated by ``|``
=============  ==========================================================================

Export writes the same columns (comma-separated, UTF-8 with BOM so Excel shows
accents), for single, multiple (up to six options), true_false, scenario, short_answer
and matching questions.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import yaml

from latsar_tui.content.model import (
    Bank,
    ChoiceOption,
    MatchingQuestion,
    MultipleQuestion,
    Question,
    ScenarioOption,
    ScenarioQuestion,
    ShortAnswerQuestion,
    SingleQuestion,
    TrueFalseQuestion,
)
from latsar_tui.i18n import _
from latsar_tui.trainer.csvtyped import typed_cells, typed_row
from latsar_tui.trainer.gift import ExportOutcome
from latsar_tui.trainer.importing import (
    DraftOption,
    DraftQuestion,
    ImportFailure,
    ImportResult,
    build_questions,
)

LETTERS = "abcdef"
COLUMNS: tuple[str, ...] = (
    "id",
    "type",
    "prompt",
    *(f"option_{x}" for x in LETTERS),
    "correct",
    "scores",
    *(f"feedback_{x}" for x in LETTERS),
    "explanation",
    "tags",
    "lesson",
    "context",
    "answers",
    "partial",
    "tolerance",
    "feedback_wrong",
    "pairs",
    "distractors",
)
_TYPES = ("single", "multiple", "true_false", "scenario", "short_answer", "matching")
_TRUE = {"benar", "true", "ya", "b"}
_FALSE = {"salah", "false", "tidak", "s"}


def _delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def parse_csv(text: str, source: str = "<csv>") -> ImportResult:
    """Read a CSV question sheet into an import result (questions, skipped, notes)."""
    text = text.lstrip("\ufeff")
    first_line = text.split("\n", 1)[0]
    if not first_line.strip():
        raise ImportFailure(_("{source}:1: baris judul kolom kosong").format(source=source))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    try:
        return _parse_rows(reader, source)
    except csv.Error as error:
        # A cell over the csv module's field limit (an unclosed quote swallowing the
        # rest of the file, usually): the whole sheet is refused with its line.
        raise ImportFailure(
            _("{source}:{line}: CSV tidak terbaca: {error}").format(
                source=source, line=reader.line_num or 1, error=error
            )
        ) from None


def _parse_rows(reader: Any, source: str) -> ImportResult:
    header = [h.strip().lower().replace(" ", "_") for h in next(reader)]
    missing = [c for c in ("type", "prompt") if c not in header]
    if missing:
        raise ImportFailure(
            _("{source}:1: kolom wajib tidak ada: {missing} (kolom yang dikenal: {known})").format(
                source=source, missing=", ".join(missing), known=", ".join(COLUMNS)
            )
        )
    result = ImportResult(source=source)
    unknown = [h for h in header if h and h not in COLUMNS]
    if unknown:
        result.skip(
            1, _("kolom tidak dikenal diabaikan: {columns}").format(columns=", ".join(unknown))
        )
    drafts: list[DraftQuestion] = []
    line = reader.line_num + 1
    for row in reader:
        start = line
        line = reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        cells = {name: (row[i].strip() if i < len(row) else "") for i, name in enumerate(header)}
        draft = _row(cells, start, result)
        if draft is not None:
            drafts.append(draft)
    return build_questions(drafts, result)


def _split(value: str) -> list[str]:
    return [part for part in re.split(r"[\s,;/]+", value) if part]


def _row(cells: dict[str, str], line: int, result: ImportResult) -> DraftQuestion | None:
    qtype = cells.get("type", "").lower()
    if qtype not in _TYPES:
        shown = qtype or _("(kosong)")
        result.skip(
            line,
            _("jenis '{type}' tidak didukung di CSV; pakai {types}").format(
                type=shown, types=", ".join(_TYPES)
            ),
        )
        return None
    common = {
        "line": line,
        "prompt": cells.get("prompt", ""),
        "title": cells.get("id") or None,
        "explanation": cells.get("explanation") or None,
        "context": cells.get("context") or None,
        "tags": _split(cells.get("tags", "")),
        "lesson": cells.get("lesson") or None,
        "explicit_type": qtype,
    }
    correct = cells.get("correct", "")
    if qtype in ("short_answer", "matching"):
        return typed_row(cells, qtype, line, result, common)
    if qtype == "true_false":
        value = correct.strip().lower()
        if value not in _TRUE | _FALSE:
            result.skip(
                line,
                _(
                    "kolom correct untuk true_false harus 'benar' atau 'salah', bukan '{value}'"
                ).format(value=correct),
            )
            return None
        return DraftQuestion(
            kind="true_false",
            answer=value in _TRUE,
            feedback_true=cells.get("feedback_a") or None,
            feedback_false=cells.get("feedback_b") or None,
            **common,  # type: ignore[arg-type]
        )
    texts: list[tuple[str, str, str | None]] = []
    for letter in LETTERS:
        text = cells.get(f"option_{letter}", "")
        if text:
            texts.append((letter, text, cells.get(f"feedback_{letter}") or None))
    letters = [letter for letter, _text, _feedback in texts]
    if qtype == "scenario":
        raw_scores = _split(cells.get("scores", ""))
        if len(raw_scores) != len(texts) or not all(s.isdigit() for s in raw_scores):
            result.skip(
                line,
                _(
                    "kolom scores harus berisi {count} angka 1..5 (satu per opsi), "
                    "ditemukan '{value}'"
                ).format(count=len(texts), value=cells.get("scores", "")),
            )
            return None
        weights = [int(s) * 20.0 for s in raw_scores]
    else:
        chosen = [c.lower() for c in _split(correct)]
        if len(chosen) == 1 and len(chosen[0]) > 1:
            chosen = list(chosen[0])  # "AC" form
        wrong = [c for c in chosen if c not in letters]
        if not chosen or wrong:
            result.skip(
                line,
                _("kolom correct '{value}' harus berisi huruf opsi yang terisi ({letters})").format(
                    value=correct, letters=", ".join(x.upper() for x in letters)
                ),
            )
            return None
        weights = [100.0 if letter in chosen else 0.0 for letter in letters]
    return DraftQuestion(
        kind="choice",
        options=[DraftOption(t, w, fb) for (_letter, t, fb), w in zip(texts, weights, strict=True)],
        single=qtype != "multiple",
        **common,  # type: ignore[arg-type]
    )


def _row_of(question: Question) -> dict[str, str] | None:
    row = dict.fromkeys(COLUMNS, "")
    row.update(
        id=question.id,
        type=str(question.type),
        prompt=question.prompt,
        explanation=question.explanation,
        tags=",".join(question.tags),
        lesson=question.lesson or "",
        context=question.context or "",
    )
    if isinstance(question, TrueFalseQuestion):
        row["correct"] = "benar" if question.answer else "salah"
        row["feedback_a"] = question.feedback_true or ""
        row["feedback_b"] = question.feedback_false or ""
        return row
    if isinstance(question, ShortAnswerQuestion | MatchingQuestion):
        return typed_cells(question, row)
    if not isinstance(question, SingleQuestion | MultipleQuestion | ScenarioQuestion):
        return None
    if len(question.options) > len(LETTERS):
        return None
    options: tuple[ChoiceOption | ScenarioOption, ...] = question.options
    for letter, option in zip(LETTERS, options, strict=False):
        row[f"option_{letter}"] = option.text
        row[f"feedback_{letter}"] = option.feedback or ""
    if isinstance(question, ScenarioQuestion):
        row["scores"] = ",".join(str(o.score) for o in question.options)
    else:
        row["correct"] = ",".join(
            LETTERS[i].upper() for i, o in enumerate(question.options) if o.correct
        )
    return row


def export_csv(bank: Bank) -> ExportOutcome:
    """CSV text of a bank (with a BOM for Excel); types CSV cannot hold are left out."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    skipped: list[tuple[str, str]] = []
    exported = 0
    for question in bank.questions:
        row = _row_of(question)
        if row is None:
            reason = (
                _("lebih dari 6 opsi")
                if isinstance(question, MultipleQuestion)
                else _("jenis {type} tidak ada padanannya di CSV").format(type=question.type)
            )
            skipped.append((question.id, reason))
            continue
        writer.writerow(row)
        exported += 1
    return ExportOutcome(text="\ufeff" + buffer.getvalue(), exported=exported, skipped=skipped)


# The starter sheet's example rows: content the trainer replaces (Indonesian, like the
# questions they write), not interface text; written as YAML so the rows read as data.
_TEMPLATE_ROWS = """\
- id: "contoh-single"
  type: "single"
  prompt: "Nilai dasar ASN yang menekankan kepuasan masyarakat adalah ..."
  option_a: "Berorientasi Pelayanan"
  option_b: "Kompeten"
  option_c: "Adaptif"
  correct: "A"
  feedback_b: "Kompeten menekankan peningkatan kemampuan diri."
  explanation: "Berorientasi Pelayanan: memahami dan memenuhi kebutuhan masyarakat."
  tags: "pelayanan"
- id: "contoh-multiple"
  type: "multiple"
  prompt: "Manakah yang termasuk nilai dasar BerAKHLAK? (pilih semua yang benar)"
  option_a: "Akuntabel"
  option_b: "Harmonis"
  option_c: "Birokratis"
  correct: "A,B"
  explanation: "BerAKHLAK: Berorientasi Pelayanan, Akuntabel, Kompeten, Harmonis, Loyal,
    Adaptif, Kolaboratif."
- id: "contoh-benar-salah"
  type: "true_false"
  prompt: "ASN boleh menerima hadiah dari pengguna layanan."
  correct: "salah"
  feedback_a: "Tidak: menerima hadiah melanggar nilai Akuntabel."
  feedback_b: "Tepat."
  explanation: "Gratifikasi bertentangan dengan nilai Akuntabel."
- id: "contoh-skenario"
  type: "scenario"
  context: "Antrean layanan panjang dan seorang lansia berdiri di belakang."
  prompt: "Apa yang Anda lakukan?"
  option_a: "Mendahulukan lansia sesuai ketentuan layanan prioritas"
  option_b: "Meminta lansia menunggu giliran"
  option_c: "Menyuruh lansia datang lain hari"
  scores: "5,3,1"
  feedback_a: "Layanan prioritas bagi kelompok rentan."
  feedback_b: "Adil, tetapi mengabaikan kebutuhan kelompok rentan."
  feedback_c: "Menolak layanan tanpa alasan."
  explanation: "Kelompok rentan berhak atas perlakuan khusus dalam pelayanan publik."
"""  # i18n: ignore sample content of the sheet


def csv_template() -> str:
    """A starter sheet: the header and one example row of each supported type."""
    examples: list[dict[str, str]] = yaml.safe_load(_TEMPLATE_ROWS)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for example in examples:
        writer.writerow({**dict.fromkeys(COLUMNS, ""), **example})
    return "\ufeff" + buffer.getvalue()

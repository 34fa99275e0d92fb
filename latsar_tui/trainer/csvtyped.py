"""CSV columns of short_answer and matching (see the column table in csvbank.py).

Lists inside one cell are separated by ``|``, which answers and pair sides rarely
hold; a matching pair is ``left -> right``. A text that itself holds ``|`` (or, in a
pair, ``->``) cannot be written this way, so such a question is not exported.
"""

from __future__ import annotations

from latsar_tui.content.model import MatchingQuestion, ShortAnswerQuestion
from latsar_tui.i18n import _
from latsar_tui.trainer.importing import DraftOption, DraftQuestion, ImportResult

SEP = "|"
ARROW = "->"


def _parts(value: str) -> list[str]:
    return [part.strip() for part in value.split(SEP) if part.strip()]


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


def typed_row(
    cells: dict[str, str], qtype: str, line: int, result: ImportResult, common: dict[str, object]
) -> DraftQuestion | None:
    """The draft of one short_answer or matching row, or None (skipped with why)."""
    if qtype == "matching":
        pairs: list[tuple[str, str]] = []
        for entry in _parts(cells.get("pairs", "")):
            left, arrow, right = entry.partition(ARROW)
            if not arrow:
                result.skip(
                    line,
                    _("kolom pairs: '{entry}' harus berbentuk 'kiri -> kanan'").format(entry=entry),
                )
                return None
            pairs.append((left.strip(), right.strip()))
        pairs += [("", extra) for extra in _parts(cells.get("distractors", ""))]
        return DraftQuestion(kind="matching", pairs=pairs, **common)  # type: ignore[arg-type]
    options = [DraftOption(text, 100.0) for text in _parts(cells.get("answers", ""))]
    for entry in _parts(cells.get("partial", "")):
        text, equals, share_text = entry.rpartition("=")
        share = _number(share_text) if equals else None
        if share is None or not 0 < share < 1:
            result.skip(
                line,
                _("kolom partial: '{entry}' harus berbentuk 'jawaban=0.5'").format(entry=entry),
            )
            return None
        options.append(DraftOption(text.strip(), share * 100))
    tolerance = cells.get("tolerance", "").strip()
    if tolerance not in ("", "0", "1"):
        result.skip(
            line, _("kolom tolerance harus 0 atau 1, bukan '{value}'").format(value=tolerance)
        )
        return None
    return DraftQuestion(
        kind="short_answer",
        options=options,
        tolerance=int(tolerance or 0),
        feedback_wrong=cells.get("feedback_wrong") or None,
        **common,  # type: ignore[arg-type]
    )


def typed_cells(
    question: ShortAnswerQuestion | MatchingQuestion, row: dict[str, str]
) -> dict[str, str] | None:
    """The row of a question, or None when a text holds the separators."""
    if isinstance(question, ShortAnswerQuestion):
        texts = [*question.answers, *(p.answer for p in question.partial)]
        if any(SEP in t for t in texts):
            return None
        row["answers"] = SEP.join(question.answers)
        row["partial"] = SEP.join(f"{p.answer}={p.share:g}" for p in question.partial)
        row["tolerance"] = str(question.tolerance) if question.tolerance else ""
        row["feedback_wrong"] = question.feedback_wrong or ""
        return row
    sides = [s for p in question.pairs for s in (p.left, p.right)] + list(question.distractors)
    if any(SEP in s or ARROW in s for s in sides):
        return None
    row["pairs"] = SEP.join(f"{p.left} {ARROW} {p.right}" for p in question.pairs)
    row["distractors"] = SEP.join(question.distractors)
    return row

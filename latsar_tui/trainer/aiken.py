"""Aiken import, following Moodle's parser (``question/format/aiken/format.php``).

One question is a line of text, then options ``A.`` or ``A)`` (upper-case letter,
optionally followed by a space or tab, so Moodle's no-space ``A)x`` form is accepted),
then ``ANSWER: X``. Lines shorter than two characters are ignored. Aiken has no
feedback, so every imported question gets the explanation marker (see importing.py).

Errors, each with its line: an option or ANSWER line before any question, a new
question line before the previous one got its ANSWER, an ANSWER letter that is not
among the options, fewer than two options, and a question still open at the end of the
file.
"""

from __future__ import annotations

import re

from latsar_tui.i18n import _
from latsar_tui.trainer.importing import DraftOption, DraftQuestion, ImportResult, build_questions

_OPTION = re.compile(r"^([A-Z])[).][ \t]?")


class _Open:
    def __init__(self, line: int, text: str) -> None:
        self.line = line
        self.text = text
        self.options: list[tuple[str, str]] = []


def parse_aiken(text: str, source: str = "<aiken>") -> ImportResult:
    """Read Aiken text into an import result (questions, skipped items, notes)."""
    result = ImportResult(source=source)
    drafts: list[DraftQuestion] = []
    current: _Open | None = None
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if len(line) < 2:
            continue
        option = _OPTION.match(line)
        if option:
            if current is None:
                result.skip(number, _("opsi muncul sebelum teks soal"))
                continue
            current.options.append((option.group(1), line[2:].strip()))
            continue
        if line.startswith("ANSWER:"):
            if current is None:
                result.skip(number, _("baris ANSWER muncul sebelum teks soal"))
                continue
            letter = line.split(":", 1)[1].strip()[:1]
            letters = [label for label, _text in current.options]
            if len(current.options) < 2:
                result.skip(
                    current.line,
                    _("soal butuh minimal 2 opsi, ada {count} (ANSWER di baris {line})").format(
                        count=len(current.options), line=number
                    ),
                )
            elif letter not in letters:
                shown = letter or _("(kosong)")
                result.skip(
                    current.line,
                    _(
                        "jawaban '{answer}' di baris {line} tidak ada di antara opsi {options}"
                    ).format(answer=shown, line=number, options=", ".join(letters)),
                )
            else:
                drafts.append(
                    DraftQuestion(
                        line=current.line,
                        prompt=current.text,
                        kind="choice",
                        single=True,
                        # Aiken is plain text: markup in it is flagged, not trusted.
                        plain_source=True,
                        options=[
                            DraftOption(text=t, weight=100.0 if label == letter else 0.0)
                            for label, t in current.options
                        ],
                    )
                )
            current = None
            continue
        if current is not None:
            result.skip(
                current.line,
                _("soal tanpa baris ANSWER (soal berikutnya mulai di baris {line})").format(
                    line=number
                ),
            )
        current = _Open(number, line)
    if current is not None:
        result.skip(current.line, _("soal tanpa baris ANSWER di akhir berkas"))
    return build_questions(drafts, result)

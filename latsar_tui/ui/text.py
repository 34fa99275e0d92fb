"""Turning YAML text and answers into things a widget can show, never as markup.

Everything a trainer wrote passes through ``lit`` (or a ``Markdown`` widget) so that
``[bold]``, ``[/]`` or an unclosed ``[`` reaches the screen exactly as written.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from rich.cells import cell_len
from textual.content import Content

from latsar_tui.content.model import (
    Answer,
    BranchingQuestion,
    MatchingQuestion,
    MultipleQuestion,
    OrderingQuestion,
    Question,
    ScenarioQuestion,
    ShortAnswerQuestion,
    SingleQuestion,
    TrueFalseQuestion,
)
from latsar_tui.i18n import _, ngettext, true_false
from latsar_tui.quiz.typed_answers import accepted_lines, matching_answer_lines, pair_lines

OPTION_KEYS = "abcdefgh"

TYPE_NAMES = {
    "single": _("Pilihan tunggal"),
    "multiple": _("Pilihan ganda (pilih semua yang benar)"),
    "true_false": _("Benar atau salah"),
    "scenario": _("Situasional"),
    "ordering": _("Urutkan langkah"),
    "branching": _("Kasus bercabang"),
    "short_answer": _("Isian singkat"),
    "matching": _("Menjodohkan"),
}


# What the UI calls each session mode (the store keeps Mode's value).
MODE_NAMES = {
    "latihan": _("Latihan"),
    "ujian": _("Ujian"),
    "ulangi": _("Ulangi"),
    "persiapan": _("Persiapan ujian"),
    "kesalahan": _("Latihan kesalahan"),
}


def mode_name(mode: object) -> str:
    """The Indonesian name of a session mode (``Mode`` or its stored value)."""
    return MODE_NAMES.get(str(mode), str(mode))


def lit(text: str, style: str = "") -> Content:
    """Literal content: the text exactly as written, optionally with one style."""
    content = Content(text)
    return content.stylize(style) if style else content


def join(parts: Iterable[Content | str], separator: str = "") -> Content:
    """Join literal pieces; plain ``str`` pieces are ours and also taken literally."""
    return Content(separator).join(Content(p) if isinstance(p, str) else p for p in parts)


def percent(value: float) -> str:
    """``73%``: percentages are shown rounded, with no decimals."""
    return f"{round(value):d}%"


def mark(score: float) -> str:
    """A symbol and a word for a score, so nothing depends on colour alone."""
    if score >= 0.999:
        return _("✓ Benar")
    if score <= 0.001:
        return _("✗ Kurang tepat")
    return _("~ Sebagian ({percent})").format(percent=percent(score * 100))


def option_label(index: int) -> str:
    """The key a learner presses for the option at this display position: ``1/a``."""
    return f"{index + 1}/{OPTION_KEYS[index]}" if index < len(OPTION_KEYS) else str(index + 1)


def _branch_choice_texts(question: BranchingQuestion, choices: tuple[int, ...]) -> list[str]:
    texts: list[str] = []
    step_id: str | None = question.start
    for choice_index in choices:
        if step_id is None:
            break
        step = question.step(step_id)
        if not 0 <= choice_index < len(step.choices):
            break
        choice = step.choices[choice_index]
        texts.append(choice.text)
        step_id = choice.next
    return texts


def answer_lines(question: Question, answer: Answer | None) -> list[str]:
    """The learner's answer in words, one line per chosen thing (canonical indices)."""
    if answer is None:
        return [_("(tidak dijawab)")]
    if isinstance(question, TrueFalseQuestion):
        return [true_false(answer)]
    if isinstance(question, SingleQuestion | ScenarioQuestion) and isinstance(answer, int):
        return [question.options[answer].text]
    if isinstance(question, MultipleQuestion) and isinstance(answer, frozenset):
        return [question.options[i].text for i in sorted(answer)] or [_("(tidak ada yang dipilih)")]
    if isinstance(question, OrderingQuestion) and isinstance(answer, tuple):
        return [f"{n}. {question.items[i]}" for n, i in enumerate(answer, start=1)]
    if isinstance(question, BranchingQuestion) and isinstance(answer, tuple):
        return [f"{n}. {t}" for n, t in enumerate(_branch_choice_texts(question, answer), 1)]
    if isinstance(question, ShortAnswerQuestion) and isinstance(answer, str):
        return [answer.strip() or _("(kosong)")]
    if isinstance(question, MatchingQuestion) and isinstance(answer, tuple):
        return matching_answer_lines(question, answer)
    return [str(answer)]


def right_answer_lines(question: Question) -> list[str]:
    """The right (or best) answer in words, read from the model."""
    if isinstance(question, TrueFalseQuestion):
        return [true_false(question.answer)]
    if isinstance(question, SingleQuestion):
        return [question.options[question.correct_index].text]
    if isinstance(question, MultipleQuestion):
        return [question.options[i].text for i in sorted(question.correct_indices)]
    if isinstance(question, ScenarioQuestion):
        return [
            ngettext("{n} poin: {text}", "{n} poin: {text}", option.score).format(
                n=option.score, text=option.text
            )
            for option in sorted(question.options, key=lambda o: -o.score)
        ]
    if isinstance(question, OrderingQuestion):
        return [f"{n}. {item}" for n, item in enumerate(question.items, start=1)]
    if isinstance(question, ShortAnswerQuestion):
        return accepted_lines(question)
    if isinstance(question, MatchingQuestion):
        return pair_lines(question)
    return []


def lesson_of(catalog: Any, bank_id: str, lesson_id: str | None) -> tuple[str, str, str] | None:
    """(module id, lesson id, lesson title) of the lesson a question names, or None."""
    if lesson_id is None:
        return None
    bank = catalog.bank(bank_id)
    module = catalog.module(bank.module) if bank is not None and bank.module else None
    lesson = module.lesson(lesson_id) if module is not None else None
    if module is None or lesson is None:
        return None
    return module.id, lesson.id, lesson.title


def reread_line(title: str) -> Content:
    """ "Baca ulang: <lesson> (tekan m)", the title shown literally."""
    return Content.assemble(
        (_("Baca ulang: "), "bold"), Content(title), ("  " + _("(tekan m)"), "dim")
    )


def wrap_segments(segments: Sequence[str], width: int, separator: str = " · ") -> list[str]:
    """Lines of at most ``width`` cells holding whole segments joined by ``separator``.

    Key hints ("r ragu · g daftar") wrap between keys, so a key is never left on one
    line and its word on the next; a segment longer than the width gets its own line.
    """
    lines: list[str] = []
    for segment in segments:
        if lines and cell_len(lines[-1] + separator + segment) <= width:
            lines[-1] += separator + segment
        else:
            lines.append(segment)
    return lines

"""Judging a typed short answer against the answers a trainer accepts.

Both sides are normalised the same way (Unicode NFKC, casefold, whitespace collapsed,
final punctuation dropped); number words and digits are left as written, since
"tujuh" and "7" are different answers unless the trainer lists both. With tolerance
1, an answer of at least 6 letters also matches at edit distance 1, and the match
says so, so the feedback can tell the learner a typo was let through.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from latsar_tui.content.model import MatchingQuestion, ShortAnswerQuestion
from latsar_tui.i18n import _

# Punctuation a learner may end an answer with without changing it.
FINAL_PUNCTUATION = ".,;:!?"
# Shorter words are too easily confused with another word at distance 1.
TOLERANCE_MIN_LETTERS = 6


def normalise(text: str) -> str:
    """The form two typed answers are compared in."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    collapsed = " ".join(folded.split())
    return collapsed.rstrip(FINAL_PUNCTUATION + " ").strip()


def letters(text: str) -> int:
    """How many letters a text holds (digits, spaces and signs not counted)."""
    return sum(1 for char in text if char.isalpha())


def within_one_edit(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by at most one insertion, deletion or substitution."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    # a is now the shorter (or equal) one; walk both until the first difference.
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


@dataclass(frozen=True, slots=True)
class TypedMatch:
    """How a typed answer fared: its score, the answer it matched, whether by a typo."""

    score: float
    matched: str | None = None
    typo: bool = False


def judge(question: ShortAnswerQuestion, typed: str) -> TypedMatch:
    """Score a typed answer: 1 if accepted, a partial answer's share, else 0.

    An exact (normalised) match always wins over a typo match, and an accepted answer
    over a partial one.
    """
    given = normalise(typed)
    if not given:
        return TypedMatch(0.0)
    candidates: list[tuple[str, float]] = [(answer, 1.0) for answer in question.answers]
    candidates += [(part.answer, part.share) for part in question.partial]
    for answer, share in candidates:
        if normalise(answer) == given:
            return TypedMatch(share, answer)
    if question.tolerance >= 1:
        for answer, share in candidates:
            wanted = normalise(answer)
            if letters(wanted) >= TOLERANCE_MIN_LETTERS and within_one_edit(given, wanted):
                return TypedMatch(share, answer, typo=True)
    return TypedMatch(0.0)


# --- the two types in words (shared by the TUI, plain mode and reports) ----------------


def accepted_lines(question: ShortAnswerQuestion) -> list[str]:
    """The accepted answers, then each partial answer with its share."""
    lines = [_("Diterima: {answers}").format(answers=" · ".join(question.answers))]
    lines += [
        _("Sebagian ({share}%): {answer}").format(share=round(part.share * 100), answer=part.answer)
        for part in question.partial
    ]
    return lines


def typed_note(question: ShortAnswerQuestion, typed: str) -> str | None:
    """A note when a typo was let through: the learner should learn the spelling."""
    found = judge(question, typed)
    if found.typo and found.matched is not None:
        return _("Salah ketik diterima; ejaan yang benar: {spelling}").format(
            spelling=found.matched
        )
    return None


def pair_lines(question: MatchingQuestion) -> list[str]:
    """The right pairs, one line each: ``left → right``."""
    return [f"{pair.left} → {pair.right}" for pair in question.pairs]


def matching_answer_lines(question: MatchingQuestion, answer: tuple[int, ...]) -> list[str]:
    """The learner's picks, one line per left item, marked right or wrong."""
    rights = question.rights
    lines = []
    for left, pick in enumerate(answer):
        if not 0 <= left < len(question.pairs) or not 0 <= pick < len(rights):
            continue
        sign = "✓" if pick == question.key[left] else "✗"
        lines.append(f"{sign} {question.pairs[left].left} → {rights[pick]}")
    return lines

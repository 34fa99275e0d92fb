"""Turning imported short-answer and matching drafts into model questions.

Shared by the GIFT, Moodle XML and CSV importers. Short answer: answers weighted
100 % are accepted, 0 < weight < 100 become ``partial`` with share weight/100; a
0 % ``*`` (Moodle's "anything else") gives its feedback as ``feedback_wrong``; other
answers at 0 % or below, and answers using Moodle's ``*`` wildcard, have no place in
the content format and are dropped with a note. Matching: a pair with an empty left
side is a distractor (as in Moodle); two lefts may share one right, as Moodle allows.
"""

from __future__ import annotations

from collections.abc import Callable

from latsar_tui.content.model import (
    MatchingQuestion,
    MatchPair,
    PartialAnswer,
    Question,
    ShortAnswerQuestion,
)
from latsar_tui.i18n import _
from latsar_tui.quiz.typed_answers import normalise

ANSWER_LIMITS = (1, 10)
PAIR_LIMITS = (3, 8)
DISTRACTOR_MAX = 4
_EPS = 1e-6

# (qid, explanation) allocated only once the draft is known to fit.
Common = Callable[[], tuple[str, str]]


def _side(text: str) -> str:
    return " ".join(text.split()).casefold()


def short_answer_problem(answers: list[tuple[str, float, str | None]]) -> str | None:
    """Why these (text, weight, feedback) answers cannot become a short_answer, or None."""
    accepted = {normalise(t) for t, w, _feedback in answers if w >= 100 - _EPS and _usable(t)}
    accepted.discard("")
    low, high = ANSWER_LIMITS
    if not accepted:
        return _("jawaban singkat tanpa jawaban bernilai 100%")
    if len(accepted) > high:
        return _("jawaban singkat boleh {low}..{high} jawaban diterima, ada {count}").format(
            low=low, high=high, count=len(accepted)
        )
    return None


def _usable(text: str) -> bool:
    return "*" not in text and bool(normalise(text))


def build_short_answer(
    answers: list[tuple[str, float, str | None]],
    common: dict[str, object],
    notes: list[str],
) -> ShortAnswerQuestion:
    """The question from (text, weight, feedback) answers; ``notes`` gains what was lost."""
    seen: set[str] = set()
    accepted: list[str] = []
    partial: list[PartialAnswer] = []
    feedback_wrong: str | None = None
    dropped: list[str] = []
    had_feedback = False
    for raw, weight, feedback in answers:
        text = raw.strip()
        if text == "*" and weight <= _EPS:
            feedback_wrong = (feedback or "").strip() or None
            continue
        if weight <= _EPS or not _usable(text):
            dropped.append(text)
            continue
        key = normalise(text)
        if key in seen:
            continue  # the same answer once normalised (case, spaces, final punctuation)
        seen.add(key)
        had_feedback = had_feedback or bool((feedback or "").strip())
        if weight >= 100 - _EPS:
            accepted.append(text)
        else:
            partial.append(PartialAnswer(answer=text, share=round(weight / 100, 4)))
    if dropped:
        notes.append(
            _("jawaban bernilai 0% atau berisi wildcard '*' tidak dibawa: {answers}").format(
                answers="; ".join(dropped)
            )
        )
    if had_feedback:
        notes.append(_("umpan balik per jawaban tidak ada padanannya; tulis di 'explanation'"))
    return ShortAnswerQuestion(
        answers=tuple(accepted),
        partial=tuple(partial),
        feedback_wrong=feedback_wrong,
        **common,  # type: ignore[arg-type]
    )


def matching_problem(pairs: list[tuple[str, str]]) -> str | None:
    """Why these (left, right) pairs cannot become a matching question, or None."""
    real = [(left.strip(), right.strip()) for left, right in pairs if left.strip()]
    extra = [right.strip() for left, right in pairs if not left.strip() and right.strip()]
    low, high = PAIR_LIMITS
    if not low <= len(real) <= high:
        return _("soal menjodohkan butuh {low}..{high} pasangan, ada {count}").format(
            low=low, high=high, count=len(real)
        )
    if len(extra) > DISTRACTOR_MAX:
        return _("soal menjodohkan boleh {limit} pengecoh, ada {count}").format(
            limit=DISTRACTOR_MAX, count=len(extra)
        )
    if any(not right for _left, right in real):
        return _("ada pasangan tanpa teks di sisi kanan")
    lefts = [_side(left) for left, _right in real]
    if len(set(lefts)) != len(lefts):
        return _("dua butir kiri sama teksnya")
    # Two lefts may share one right (Moodle allows it; it is shown once), spelled
    # exactly the same; a distractor may not repeat a right.
    rights: dict[str, str] = {}
    for text in [right for _left, right in real]:
        if _side(text) in rights and rights[_side(text)] != text:
            return _("sisi kanan '{text}' ditulis berbeda dari '{other}'").format(
                text=text, other=rights[_side(text)]
            )
        rights[_side(text)] = text
    for text in extra:
        if _side(text) in rights:
            return _("pengecoh '{text}' sama dengan salah satu sisi kanan").format(text=text)
        rights[_side(text)] = text
    return None


def build_matching(pairs: list[tuple[str, str]], common: dict[str, object]) -> MatchingQuestion:
    """The question from (left, right) pairs; an empty left makes a distractor."""
    real = tuple(
        MatchPair(left=left.strip(), right=right.strip()) for left, right in pairs if left.strip()
    )
    extra = tuple(right.strip() for left, right in pairs if not left.strip() and right.strip())
    return MatchingQuestion(pairs=real, distractors=extra, **common)  # type: ignore[arg-type]


def is_typed(question: Question) -> bool:
    """Whether a question is one of the two types this module imports."""
    return isinstance(question, ShortAnswerQuestion | MatchingQuestion)

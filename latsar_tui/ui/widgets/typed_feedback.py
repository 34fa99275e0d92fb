"""Feedback for the two typed-answer types: what was typed against what is accepted,
and each matched pair against the right pair; literal Content, never markup."""

from __future__ import annotations

from textual.content import Content

from latsar_tui.content.model import MatchingQuestion, ShortAnswerQuestion
from latsar_tui.i18n import _
from latsar_tui.quiz.typed_answers import accepted_lines, judge, typed_note
from latsar_tui.ui.widgets.hanging import Hanging, Row


def short_answer_feedback(question: ShortAnswerQuestion, typed: str) -> Hanging:
    """The typed answer, a typo note if one was let through, the accepted answers."""
    found = judge(question, typed)
    rows: list[Row | Content] = [
        Content.assemble(_("Jawaban Anda: "), (typed.strip() or _("(kosong)"), "bold"))
    ]
    note = typed_note(question, typed)
    if note is not None:
        rows.append(Content(note).stylize("bold $warning"))
    rows += [Content(line) for line in accepted_lines(question)]
    if found.score == 0 and question.feedback_wrong:
        rows.append(
            (Content("↳ ").stylize("dim"), Content(question.feedback_wrong).stylize("italic"))
        )
    return Hanging(rows)


def matching_feedback(question: MatchingQuestion, answer: tuple[int, ...]) -> Hanging:
    """Each left item with the learner's pick and, when wrong, the right partner."""
    rights = question.rights
    rows: list[Row | Content] = []
    for left, pick in enumerate(answer):
        pair = question.pairs[left]
        if pick == question.key[left]:
            rows.append(
                (
                    Content("✓ ").stylize("bold $success"),
                    Content.assemble((pair.left, "bold"), f" → {rights[pick]}"),
                )
            )
        else:
            rows.append(
                (
                    Content("✗ ").stylize("bold $error"),
                    Content.assemble(
                        (pair.left, "bold"),
                        f" → {rights[pick]}",
                        ("  " + _("(seharusnya: {right})").format(right=pair.right), "italic"),
                    ),
                )
            )
    return Hanging(rows)

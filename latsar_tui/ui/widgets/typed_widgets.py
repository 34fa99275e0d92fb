"""Which answer widget a short-answer or matching question gets (kept out of quiz.py)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.widget import Widget

from latsar_tui.content.model import MatchingQuestion, ShortAnswerQuestion
from latsar_tui.ui.widgets.matching import MatchingWidget
from latsar_tui.ui.widgets.short_answer import ShortAnswerInput


def typed_answer_widget(
    question: ShortAnswerQuestion | MatchingQuestion, order: Sequence[int]
) -> Widget:
    """The input for a short answer; for matching, lefts in order, rights as shown."""
    if isinstance(question, ShortAnswerQuestion):
        return ShortAnswerInput(id="answer")
    rights = question.rights
    return MatchingWidget(
        [pair.left for pair in question.pairs], [rights[i] for i in order], id="answer"
    )

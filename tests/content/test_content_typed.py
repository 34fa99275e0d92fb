"""Matching questions whose lefts share one right, as Moodle allows (issue 15)."""

from __future__ import annotations

from latsar_tui.content.loader import load_text
from latsar_tui.content.model import MatchingQuestion
from latsar_tui.quiz.scoring import right_answer, score

BANK = """\
schema: latsar/bank@1
id: fx-shared-right
title: Shared right
questions:
  - id: m1
    type: matching
    prompt: Jodohkan hewan dengan golongannya.
    explanation: Katak dan kadal air sama-sama amfibi.
    pairs:
      - {left: katak, right: amfibi}
      - {left: kucing, right: mamalia}
      - {left: kadal air, right: amfibi}
    distractors: [serangga]
"""


def test_two_lefts_may_share_a_right_shown_once() -> None:
    model, findings = load_text(BANK, "b.yaml", "bank")
    assert findings == []
    (question,) = model.questions  # type: ignore[union-attr]
    assert isinstance(question, MatchingQuestion)
    assert question.rights == ("amfibi", "mamalia", "serangga")
    assert right_answer(question) == (0, 1, 0)
    assert score(question, (0, 1, 0)) == 1.0
    assert score(question, (0, 0, 0)) == 2 / 3


def test_a_shared_right_spelled_differently_and_a_distractor_equal_to_a_right_are_refused() -> None:
    text = BANK.replace("{left: kadal air, right: amfibi}", "{left: kadal air, right: Amfibi }")
    text = text.replace("[serangga]", "[mamalia]")
    _, findings = load_text(text, "b.yaml", "bank")
    assert [(f.code, f.line) for f in findings] == [
        ("duplicate-pair-side", 12),
        ("duplicate-pair-side", 13),
    ]

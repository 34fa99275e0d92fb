"""Moodle's own fixtures: their short-answer and matching items import as expected."""

from __future__ import annotations

from pathlib import Path

import pytest

from latsar_tui.content.model import MatchingQuestion, MatchPair, PartialAnswer, ShortAnswerQuestion
from latsar_tui.quiz.scoring import score
from latsar_tui.trainer.gift import parse_gift
from latsar_tui.trainer.moodle_xml import parse_moodle_xml

FIXTURES = Path(__file__).parent.parent / "fixtures" / "trainer"


def test_moodle_gift_fixture_short_answer_and_matching() -> None:
    text = (FIXTURES / "i15-moodle-questions.gift.txt").read_text(encoding="utf-8")
    result = parse_gift(text, "questions.gift.txt")
    by_id = {q.id: q for q in result.questions}
    short = by_id["shortanswer"]
    assert isinstance(short, ShortAnswerQuestion)
    assert short.prompt == "Which is the best animal?"
    assert short.answers == ("Frog",)
    assert short.partial == (PartialAnswer(answer="Cat", share=0.5),)
    assert short.feedback_wrong == "Completely wrong"
    assert score(short, "frog") == 1.0 and score(short, "cat.") == 0.5
    match = by_id["moodle-activities"]
    assert isinstance(match, MatchingQuestion)
    assert match.prompt == "Match the **activity** to the description."
    assert match.pairs == (
        MatchPair("An activity supporting asynchronous discussions.", "Forum"),
        MatchPair(
            "A teacher asks a question and specifies a choice of multiple responses.", "Choice"
        ),
        MatchPair("A bank of record entries which participants can add to.", "Database"),
        MatchPair("A collection of web pages that anyone can add to or edit.", "Wiki"),
    )
    assert match.distractors == ("Chat",)
    # Essay and numeric remain outside the content format.
    reasons = " ".join(s.reason for s in result.skipped)
    assert "esai" in reasons and "numerik" in reasons
    assert len(result.skipped) == 2


def test_moodle_xml_shortanswer_fixture() -> None:
    result = parse_moodle_xml((FIXTURES / "i15-moodle-shortanswer.xml").read_bytes(), "sa.xml")
    (question,) = result.questions
    assert isinstance(question, ShortAnswerQuestion)
    assert question.id == "shortanswer-001"
    assert question.prompt == "Name an amphibian: __________"
    assert question.answers == ("frog",)
    assert question.partial == (PartialAnswer(answer="toad", share=0.8),)
    assert question.feedback_wrong == "That is a bad answer."
    assert question.explanation == "Generalfeedback: frog or toad would have been OK."
    assert question.tags == ("test-questions",)
    assert any("umpan balik per jawaban" in n.message for n in result.notes)


def test_moodle_xml_matching_fixture_with_a_shared_right_imports() -> None:
    """Moodle lets two lefts share one right ('amphibian'): shown once, each left's
    partner is that one right."""
    result = parse_moodle_xml((FIXTURES / "i15-moodle-match.xml").read_bytes(), "m.xml")
    assert result.skipped == []
    (question,) = result.questions
    assert isinstance(question, MatchingQuestion)
    assert question.pairs == (
        MatchPair("frog", "amphibian"),
        MatchPair("cat", "mammal"),
        MatchPair("newt", "amphibian"),
    )
    assert question.distractors == ("insect",)
    assert question.rights == ("amphibian", "mammal", "insect")
    assert question.key == (0, 1, 0)
    assert score(question, (0, 1, 0)) == 1.0
    assert score(question, (0, 1, 1)) == pytest.approx(2 / 3)
    assert question.explanation == "General feedback."

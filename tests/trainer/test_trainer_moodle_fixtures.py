"""Moodle's own fixtures: their short-answer and matching items import as expected."""

from __future__ import annotations

from pathlib import Path

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


def test_moodle_xml_matching_fixture_with_a_shared_right_is_skipped_with_why() -> None:
    """Moodle lets two lefts share one right ('amphibian'); our format cannot tell them
    apart, so the item is skipped with a reason rather than imported wrong."""
    result = parse_moodle_xml((FIXTURES / "i15-moodle-match.xml").read_bytes(), "m.xml")
    assert result.questions == []
    (skipped,) = result.skipped
    assert "'amphibian' dipakai lebih dari sekali" in skipped.reason
    # The same file with the second 'amphibian' made distinct imports as matching.
    data = (FIXTURES / "i15-moodle-match.xml").read_bytes()
    first = data.index(b"<text>amphibian</text>") + 1
    second = data.index(b"<text>amphibian</text>", first)
    data = data[:second] + b"<text>tailed amphibian</text>" + data[second + 22 :]
    result = parse_moodle_xml(data, "m.xml")
    (question,) = result.questions
    assert isinstance(question, MatchingQuestion)
    assert question.pairs == (
        MatchPair("frog", "amphibian"),
        MatchPair("cat", "mammal"),
        MatchPair("newt", "tailed amphibian"),
    )
    assert question.distractors == ("insect",)
    assert question.explanation == "General feedback."

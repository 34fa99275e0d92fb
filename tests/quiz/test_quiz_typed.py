"""Short answer and matching: worked examples of scoring and the properties it keeps."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from quiz_factories import matching, matching_questions, short_answer, short_answer_questions

from latsar_tui.content.model import MatchingQuestion, ShortAnswerQuestion
from latsar_tui.quiz.scoring import (
    InvalidAnswer,
    answer_from_json,
    answer_to_json,
    right_answer,
    score,
)
from latsar_tui.quiz.typed_answers import judge, normalise, within_one_edit

PROPERTY = settings(max_examples=150, deadline=None)


def test_normalise_ignores_case_spaces_and_final_punctuation() -> None:
    assert normalise("  Akuntabel.  ") == "akuntabel"
    assert normalise("Kompeten!?") == "kompeten"
    assert normalise("berorientasi   \tpelayanan") == "berorientasi pelayanan"
    # NFKC: a full-width letter and a ligature are the plain letters.
    assert normalise("ＡＳＮ") == "asn"
    assert normalise("ﬁ") == "fi"


def test_number_words_and_digits_stay_as_written() -> None:
    q = short_answer(answers=("tujuh",))
    assert score(q, "Tujuh") == 1.0
    assert score(q, "7") == 0.0


def test_accepted_partial_and_wrong() -> None:
    q = short_answer(answers=("akuntabel",), partial=(("bertanggung jawab", 0.5),))
    assert score(q, "AKUNTABEL") == 1.0
    assert score(q, "Bertanggung  jawab.") == 0.5
    assert score(q, "jujur") == 0.0
    assert score(q, "   ") == 0.0


def test_tolerance_accepts_one_typo_in_long_words_only() -> None:
    q = short_answer(answers=("akuntabel", "adil"), tolerance=1)
    typo = judge(q, "akuntabl")
    assert typo.score == 1.0 and typo.typo and typo.matched == "akuntabel"
    assert judge(q, "akuntabel").typo is False
    assert score(q, "akntabl") == 0.0  # two edits
    assert score(q, "adl") == 0.0  # "adil" is too short for a typo to pass
    assert score(short_answer(answers=("akuntabel",)), "akuntabl") == 0.0


def test_edit_distance_one() -> None:
    assert within_one_edit("kompeten", "kompetn")
    assert within_one_edit("kompeten", "kompetan")
    assert within_one_edit("kompeten", "kompeteen")
    assert not within_one_edit("kompeten", "kmpetan")
    assert not within_one_edit("abc", "abcde")


def test_matching_counts_pairs_right() -> None:
    q = matching(n=4, distractors=1)
    assert score(q, (0, 1, 2, 3)) == 1.0
    assert score(q, (1, 0, 2, 3)) == 0.5
    assert score(q, (4, 4, 4, 4)) == 0.0  # the distractor matches nothing
    assert score(q, (0, 0, 0, 0)) == 0.25


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (matching(n=3), (0, 1)),
        (matching(n=3, distractors=0), (0, 1, 3)),
        (matching(n=3), "0 1 2"),
        (short_answer(), 3),
        (short_answer(), "x" * 501),
    ],
)
def test_malformed_answers_raise(question: object, answer: object) -> None:
    with pytest.raises(InvalidAnswer):
        score(question, answer)  # type: ignore[arg-type]


def test_short_answer_json_keeps_the_text() -> None:
    q = short_answer()
    assert answer_to_json("Akuntabel ✓") == '"Akuntabel ✓"'
    assert answer_from_json(q, answer_to_json("Akuntabel ✓")) == "Akuntabel ✓"
    with pytest.raises(InvalidAnswer):
        answer_from_json(q, "[1]")


@PROPERTY
@given(short_answer_questions(), st.data())
def test_every_accepted_answer_scores_one_however_typed(
    q: ShortAnswerQuestion, data: st.DataObject
) -> None:
    answer = data.draw(st.sampled_from(q.answers))
    typed = data.draw(st.sampled_from([answer.upper(), f"  {answer} ", f"{answer}.", answer]))
    assert score(q, typed) == 1.0
    assert score(q, right_answer(q)) == 1.0


@PROPERTY
@given(short_answer_questions(), st.text(max_size=30))
def test_short_answer_score_is_one_a_share_or_zero(q: ShortAnswerQuestion, typed: str) -> None:
    allowed = {0.0, 1.0} | {part.share for part in q.partial}
    assert score(q, typed) in allowed


@PROPERTY
@given(matching_questions(), st.data())
def test_right_side_display_order_never_changes_a_matching_score(
    q: MatchingQuestion, data: st.DataObject
) -> None:
    """A learner picks by what is shown; mapping display picks back gives the same score."""
    rights = q.rights
    order = data.draw(st.permutations(range(len(rights))))  # display -> canonical
    picks = [data.draw(st.integers(0, len(rights) - 1)) for _ in q.pairs]  # display
    canonical = tuple(order[pick] for pick in picks)
    shown = [rights[i] for i in order]
    assert 0.0 <= score(q, canonical) <= 1.0
    matched_by_text = sum(
        1 for pair, pick in zip(q.pairs, picks, strict=True) if shown[pick] == pair.right
    )
    assert score(q, canonical) == matched_by_text / len(q.pairs)


@PROPERTY
@given(matching_questions(), st.data())
def test_left_order_never_changes_a_matching_score(
    q: MatchingQuestion, data: st.DataObject
) -> None:
    perm = data.draw(st.permutations(range(len(q.pairs))))  # new position -> old pair
    answer = [data.draw(st.integers(0, len(q.rights) - 1)) for _ in q.pairs]
    moved = dataclasses.replace(q, pairs=tuple(q.pairs[old] for old in perm))
    # Right indices follow their pair; distractors keep their place after the pairs.
    new_of = {old: new for new, old in enumerate(perm)}
    remap = [new_of.get(i, i) for i in range(len(q.rights))]
    moved_answer = tuple(remap[answer[old]] for old in perm)
    assert score(moved, moved_answer) == score(q, tuple(answer))

"""The class report's answer analysis for short answer and matching.

Short answer: the answers trainees typed, grouped by their normalised form (what the
scoring compares), most frequent first, as Moodle's response analysis shows them;
each group keeps the spelling typed most often. Matching: per pair, how many trainees
matched it right.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from latsar_tui.content.model import MatchingQuestion, ShortAnswerQuestion
from latsar_tui.quiz.typed_answers import judge, normalise


@dataclass
class AnswerGroup:
    """One line of the analysis: a typed answer (or a pair) and who gave it."""

    label: str
    text: str
    count: int = 0
    is_key: bool = False
    upper: int = 0
    lower: int = 0


def short_answer_groups(
    question: ShortAnswerQuestion,
    answers: Iterable[tuple[int, object]],
    upper: set[int],
    lower: set[int],
) -> list[AnswerGroup]:
    """Typed answers grouped by normalised form, most frequent first (ties by text)."""
    groups: dict[str, AnswerGroup] = {}
    spellings: dict[str, Counter[str]] = {}
    for trainee, value in answers:
        if not isinstance(value, str):
            continue
        key = normalise(value)
        group = groups.get(key)
        if group is None:
            group = groups[key] = AnswerGroup("", key, is_key=judge(question, value).score >= 1)
            spellings[key] = Counter()
        spellings[key][value.strip()] += 1
        group.count += 1
        group.upper += trainee in upper
        group.lower += trainee in lower
    for key, group in groups.items():
        group.text = spellings[key].most_common(1)[0][0] or "(kosong)"
    ranked = sorted(groups.values(), key=lambda g: (-g.count, g.text.casefold()))
    for number, group in enumerate(ranked, start=1):
        group.label = str(number)
    return ranked


def matching_groups(
    question: MatchingQuestion,
    answers: Iterable[tuple[int, object]],
    upper: set[int],
    lower: set[int],
) -> list[AnswerGroup]:
    """One line per pair: how many trainees matched it right."""
    groups = [
        AnswerGroup(str(n), f"{pair.left} → {pair.right}", is_key=True)
        for n, pair in enumerate(question.pairs, start=1)
    ]
    for trainee, value in answers:
        if not isinstance(value, list | tuple):
            continue
        for left, pick in enumerate(value):
            if left < len(groups) and pick == question.key[left]:
                groups[left].count += 1
                groups[left].upper += trainee in upper
                groups[left].lower += trainee in lower
    return groups

"""Item-writing checks: flaws that let a learner score without knowing the answer.

Item-writing guides name these cues (the key is the longest option, answers lean one
way, every "choose all" item has the same number of right options, markup left behind
by an import); no authoring tool we know of checks them. The bank-wide checks work on
the built questions and report one finding per flaw at the bank's ``questions`` key,
naming the items; the per-field and per-pair checks point at the text itself.

Lengths are compared after collapsing whitespace, so re-wrapping a line in YAML never
changes a finding.
"""

from __future__ import annotations

import difflib
import html.entities
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from latsar_tui.content.model import (
    BranchingQuestion,
    MultipleQuestion,
    Question,
    ScenarioQuestion,
    SingleQuestion,
    TrueFalseQuestion,
)
from latsar_tui.i18n import N_, _

# The contract's thresholds (content-format.md, "Validation messages").
KEYED_LONGEST_SHARE = 0.40
KEYED_LONGEST_MIN_ITEMS = 5
TRUE_FALSE_SHARE = 0.70
TRUE_FALSE_MIN_ITEMS = 6
MULTIPLE_MIN_ITEMS = 5
SIMILAR_RATIO = 0.90

_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_ENTITY = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def markup_in(text: str) -> str | None:
    """The first HTML tag or character entity in ``text``, or None.

    Only real entity names count, so "R&D;" in a sentence is not taken for markup.
    """
    tag = _TAG.search(text)
    for match in _ENTITY.finditer(text):
        name = match.group(1)
        if name.startswith("#") or f"{name};" in html.entities.html5:
            if tag is None or match.start() < tag.start():
                return match.group(0)
            break
    return None if tag is None else tag.group(0)


def _length(text: str) -> int:
    return len(" ".join(text.split()))


def _key_is_longest(texts: list[str], keyed: set[int]) -> bool:
    """Whether one keyed text is strictly longer than every text that is not keyed."""
    lengths = [_length(text) for text in texts]
    longest = max(lengths)
    holders = [i for i, length in enumerate(lengths) if length == longest]
    return len(holders) == 1 and holders[0] in keyed


@dataclass(frozen=True, slots=True)
class BankFlaw:
    """A bank-wide item-writing flaw: its code, message and the items it names."""

    code: str
    message: str


def _keyed_units(questions: Iterable[Question]) -> dict[str, list[tuple[str, bool]]]:
    """Per kind of keyed item: (item label, whether its key is strictly the longest)."""
    units: dict[str, list[tuple[str, bool]]] = {"single": [], "scenario": [], "branching": []}
    for q in questions:
        if isinstance(q, SingleQuestion):
            texts = [option.text for option in q.options]
            keyed = {i for i, option in enumerate(q.options) if option.correct}
            units["single"].append((q.id, _key_is_longest(texts, keyed)))
        elif isinstance(q, ScenarioQuestion):
            texts = [option.text for option in q.options]
            top = max(option.score for option in q.options)
            keyed = {i for i, option in enumerate(q.options) if option.score == top}
            units["scenario"].append((q.id, _key_is_longest(texts, keyed)))
        elif isinstance(q, BranchingQuestion):
            for step in q.steps:
                if len(step.choices) < 2:
                    continue
                texts = [choice.text for choice in step.choices]
                top = max(choice.score for choice in step.choices)
                keyed = {i for i, choice in enumerate(step.choices) if choice.score == top}
                units["branching"].append((f"{q.id}/{step.id}", _key_is_longest(texts, keyed)))
    return units


# One whole sentence per kind of item (the nouns differ in number and order between
# languages); translated at use (N_ here), so importing this early freezes no language.
_KEYED_LONGEST = {
    "single": N_(
        "pada {count} dari {total} soal single, opsi yang benar adalah yang terpanjang "
        "(paling banyak {share:.0%}): peserta yang selalu memilih yang terpanjang mendapat "
        "nilai tanpa paham; samakan panjangnya di: {ids}"
    ),
    "scenario": N_(
        "pada {count} dari {total} soal scenario, opsi bernilai 5 adalah yang terpanjang "
        "(paling banyak {share:.0%}): peserta yang selalu memilih yang terpanjang mendapat "
        "nilai tanpa paham; samakan panjangnya di: {ids}"
    ),
    "branching": N_(
        "pada {count} dari {total} langkah branching, pilihan terbaik adalah yang terpanjang "
        "(paling banyak {share:.0%}): peserta yang selalu memilih yang terpanjang mendapat "
        "nilai tanpa paham; samakan panjangnya di: {ids}"
    ),
}


def bank_flaws(questions: Iterable[Question]) -> Iterator[BankFlaw]:
    """Every bank-wide item-writing flaw of the questions, in a stable order."""
    questions = list(questions)
    for kind, units in _keyed_units(questions).items():
        longest = [label for label, is_longest in units if is_longest]
        if len(units) >= KEYED_LONGEST_MIN_ITEMS and len(longest) > KEYED_LONGEST_SHARE * len(
            units
        ):
            yield BankFlaw(
                "keyed-longest",
                _(_KEYED_LONGEST[kind]).format(
                    count=len(longest),
                    total=len(units),
                    share=KEYED_LONGEST_SHARE,
                    ids=", ".join(longest),
                ),
            )
    verdicts = [(q.id, q.answer) for q in questions if isinstance(q, TrueFalseQuestion)]
    if len(verdicts) >= TRUE_FALSE_MIN_ITEMS:
        true_ids = [qid for qid, answer in verdicts if answer]
        false_ids = [qid for qid, answer in verdicts if not answer]
        for word, ids in (("true", true_ids), ("false", false_ids)):
            if len(ids) > TRUE_FALSE_SHARE * len(verdicts):
                yield BankFlaw(
                    "true-false-balance",
                    # 'true'/'false' are the YAML values the trainer writes: not translated.
                    _(
                        "{count} dari {total} jawaban true_false adalah {word} (paling banyak "
                        "{share:.0%} boleh searah): peserta yang selalu menjawab "
                        "{word} mendapat nilai tanpa paham; balik sebagian di: {ids}"
                    ).format(
                        count=len(ids),
                        total=len(verdicts),
                        word=word,
                        share=TRUE_FALSE_SHARE,
                        ids=", ".join(ids),
                    ),
                )
    right_counts = [
        (q.id, len(q.correct_indices)) for q in questions if isinstance(q, MultipleQuestion)
    ]
    if len(right_counts) >= MULTIPLE_MIN_ITEMS and len({n for _qid, n in right_counts}) == 1:
        count = right_counts[0][1]
        yield BankFlaw(
            "multiple-same-count",
            _(
                "setiap soal multiple punya tepat {count} opsi benar: peserta yang menyadarinya "
                "memilih {count} tanpa paham; variasikan jumlahnya (1 sampai 4) di: {ids}"
            ).format(count=count, ids=", ".join(qid for qid, _n in right_counts)),
        )


def _wording(q: Question) -> str:
    return " ".join(f"{q.context or ''} {q.prompt}".split()).casefold()


# Candidates for the full comparison share at least this share of their words (Jaccard):
# near-duplicates in real banks are a few words changed, far above it. With a prefix
# filter over rare words first, a bank of thousands of distinct questions yields few
# candidates instead of every pair.
CANDIDATE_JACCARD = 0.5
# A bank full of templated questions would give a finding per pair; past this many the
# rest are summed up in the last finding instead.
MAX_SIMILAR_PAIRS = 25
# Past this many unreported pairs the count stops (the message then says "N+").
MAX_MORE_COUNTED = 10 * MAX_SIMILAR_PAIRS


def _candidates(words: list[frozenset[str]]) -> Iterator[tuple[int, int]]:
    """Pairs (earlier, later) whose word sets may reach CANDIDATE_JACCARD."""
    frequency: dict[str, int] = {}
    for bag in words:
        for word in bag:
            frequency[word] = frequency.get(word, 0) + 1
    index: dict[str, list[int]] = {}
    for i, bag in enumerate(words):
        ordered = sorted(bag, key=lambda word: (frequency[word], word))
        prefix = len(ordered) - math.ceil(CANDIDATE_JACCARD * len(ordered)) + 1
        seen: set[int] = set()
        for word in ordered[:prefix]:
            for j in index.get(word, ()):
                if j not in seen:
                    seen.add(j)
                    yield j, i
            index.setdefault(word, []).append(i)


@dataclass(frozen=True, slots=True)
class SimilarPair:
    """Two questions that read alike; ``more`` counts pairs left unreported after it."""

    first: Question
    second: Question
    ratio: float
    more: int = 0


def similar_pairs(questions: Iterable[Question]) -> list[SimilarPair]:
    """Pairs of questions whose context and prompt are at least 90 % alike (difflib).

    At most MAX_SIMILAR_PAIRS are returned; the last one then says how many more there
    were (counted up to a bound, so a templated bank of thousands stays quick).
    """
    questions = list(questions)
    texts = [_wording(q) for q in questions]
    words = [frozenset(text.split()) for text in texts]
    found: list[SimilarPair] = []
    more = 0
    matcher = difflib.SequenceMatcher(autojunk=False)
    for a, b in _candidates(words):
        text_a, text_b = texts[a], texts[b]
        if text_a == text_b or not text_a or not text_b:
            continue  # the same wording is reported as duplicate-prompt
        if 2 * min(len(text_a), len(text_b)) < SIMILAR_RATIO * (len(text_a) + len(text_b)):
            continue  # the ratio can never reach the threshold
        matcher.set_seqs(text_a, text_b)
        if matcher.quick_ratio() < SIMILAR_RATIO:
            continue
        ratio = matcher.ratio()
        if ratio < SIMILAR_RATIO:
            continue
        if len(found) < MAX_SIMILAR_PAIRS:
            found.append(SimilarPair(questions[a], questions[b], ratio))
        else:
            more += 1
            if more >= MAX_MORE_COUNTED:
                break
    if more and found:
        last = found[-1]
        found[-1] = SimilarPair(last.first, last.second, last.ratio, more)
    return found

"""The shipped lessons and banks meet the content issue's minimums and quality rules."""

from __future__ import annotations

from collections import Counter

import pytest

from latsar_tui.content.loader import load_catalog
from latsar_tui.content.model import (
    Catalog,
    QuestionType,
    ScenarioQuestion,
    SingleQuestion,
)
from latsar_tui.paths import Paths

BERAKHLAK_VALUES = (
    "berorientasi-pelayanan",
    "akuntabel",
    "kompeten",
    "harmonis",
    "loyal",
    "adaptif",
    "kolaboratif",
)
MIN_QUESTIONS_PER_MODULE = {
    "berakhlak": 60,
    "ham-pelayanan-publik": 45,
    "gedsi": 45,
    "pengantar-latsar": 15,
    "bela-negara": 40,
    "smart-asn": 40,
    "manajemen-asn": 40,
}
MIN_LESSONS_PER_MODULE = {
    "pengantar-latsar": 1,
    "berakhlak": 8,
    "ham-pelayanan-publik": 6,
    "gedsi": 6,
    "bela-negara": 5,
    "smart-asn": 5,
    "manajemen-asn": 6,
}
# Agenda I and III modules (issue 14): each bank has every type, with at least this many
# TKP scenario items and branching cases.
AGENDA_BANKS = ("bela-negara-latihan", "smart-asn-latihan", "manajemen-asn-latihan")
MIN_SCENARIOS_PER_AGENDA_BANK = 15
MIN_BRANCHING_PER_AGENDA_BANK = 2


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    # Only the built-in root: an empty data folder has no packs and no extra roots.
    return load_catalog(Paths.resolve("/nonexistent-latsar-home-for-builtin-test"))


def _questions_of_module(catalog: Catalog, module_id: str) -> list:
    return [q for bank in catalog.banks_for_module(module_id) for q in bank.questions]


def test_builtin_content_has_no_findings(catalog: Catalog) -> None:
    assert [f.format() for f in catalog.findings] == []
    assert catalog.broken == ()


@pytest.mark.parametrize(("module_id", "minimum"), MIN_LESSONS_PER_MODULE.items())
def test_lesson_counts(catalog: Catalog, module_id: str, minimum: int) -> None:
    module = catalog.module(module_id)
    assert module is not None, f"module {module_id} is missing"
    assert len(module.lessons) >= minimum


def test_lessons_are_substantial(catalog: Catalog) -> None:
    for module in catalog.modules:
        for lesson in module.lessons:
            words = len(lesson.body.split())
            assert 250 <= words <= 600, f"{module.id}/{lesson.id}: {words} words"
            assert 3 <= len(lesson.key_points) <= 6, f"{module.id}/{lesson.id}: key points"
            assert lesson.sources, f"{module.id}/{lesson.id} cites no source"


@pytest.mark.parametrize(("module_id", "minimum"), MIN_QUESTIONS_PER_MODULE.items())
def test_question_counts_per_module(catalog: Catalog, module_id: str, minimum: int) -> None:
    assert len(_questions_of_module(catalog, module_id)) >= minimum


def test_every_berakhlak_value_has_seven_questions(catalog: Catalog) -> None:
    per_value = Counter(
        tag
        for q in _questions_of_module(catalog, "berakhlak")
        for tag in q.tags
        if tag in BERAKHLAK_VALUES
    )
    for value in BERAKHLAK_VALUES:
        assert per_value[value] >= 7, f"{value}: {per_value[value]} questions"


def test_type_counts_across_banks(catalog: Catalog) -> None:
    all_questions = [q for bank in catalog.banks for q in bank.questions]
    per_type = Counter(q.type for q in all_questions)
    assert per_type[QuestionType.SCENARIO] >= 60
    assert per_type[QuestionType.BRANCHING] >= 8
    for kind in QuestionType:
        assert per_type[kind] >= 1, f"no {kind} question"


def test_scenario_items_are_tkp_style(catalog: Catalog) -> None:
    scenarios = [
        q for bank in catalog.banks for q in bank.questions if isinstance(q, ScenarioQuestion)
    ]
    tkp = [q for q in scenarios if sorted(o.score for o in q.options) == [1, 2, 3, 4, 5]]
    assert len(tkp) >= 60


def test_branching_cases_have_three_to_five_decisions(catalog: Catalog) -> None:
    from latsar_tui.content.model import BranchingQuestion

    for bank in catalog.banks:
        for q in bank.questions:
            if not isinstance(q, BranchingQuestion):
                continue
            depths = _path_lengths(q, q.start)
            assert min(depths) >= 3, f"{bank.id}/{q.id}: a path of {min(depths)} decisions"
            assert max(depths) <= 5, f"{bank.id}/{q.id}: a path of {max(depths)} decisions"


def _path_lengths(q, step_id: str) -> list[int]:
    step = q.step(step_id)
    lengths: list[int] = []
    for choice in step.choices:
        if choice.next is None:
            lengths.append(1)
        else:
            lengths.extend(1 + n for n in _path_lengths(q, choice.next))
    return lengths


def test_every_question_is_linked_sourced_and_explained(catalog: Catalog) -> None:
    for bank in catalog.banks:
        assert bank.module is not None, f"{bank.id} has no module"
        for q in bank.questions:
            where = f"{bank.id}/{q.id}"
            assert q.lesson, f"{where} has no lesson"
            assert q.sources, f"{where} has no sources"
            assert q.tags, f"{where} has no tags"
            assert q.difficulty is not None, f"{where} has no difficulty"
            assert len(q.explanation.split()) >= 20, f"{where}: explanation under 20 words"


def _single_items(catalog: Catalog) -> list[SingleQuestion]:
    return [q for b in catalog.banks for q in b.questions if isinstance(q, SingleQuestion)]


def test_right_answer_position_is_spread(catalog: Catalog) -> None:
    singles = _single_items(catalog)
    assert singles
    positions = Counter(q.correct_index for q in singles)
    letter, count = positions.most_common(1)[0]
    assert count / len(singles) <= 0.40, f"{'ABCDEF'[letter]} is right in {count}/{len(singles)}"


def test_right_option_is_rarely_the_longest(catalog: Catalog) -> None:
    singles = _single_items(catalog)
    longest = 0
    for q in singles:
        lengths = [len(o.text) for o in q.options]
        if lengths[q.correct_index] == max(lengths):
            longest += 1
    assert longest / len(singles) < 0.50, f"right option longest in {longest}/{len(singles)}"


@pytest.mark.parametrize("bank_id", AGENDA_BANKS)
def test_agenda_banks_have_every_type(catalog: Catalog, bank_id: str) -> None:
    bank = catalog.bank(bank_id)
    assert bank is not None, f"bank {bank_id} is missing"
    per_type = Counter(q.type for q in bank.questions)
    # "Every type the app has" (issue 14), the recall types of issue 15 included.
    for kind in QuestionType:
        assert per_type[kind] >= 1, f"{bank_id}: no {kind} question"
    assert per_type[QuestionType.SCENARIO] >= MIN_SCENARIOS_PER_AGENDA_BANK
    assert per_type[QuestionType.BRANCHING] >= MIN_BRANCHING_PER_AGENDA_BANK


def test_home_lists_modules_in_agenda_order(catalog: Catalog) -> None:
    """The introduction first, then agenda I, II, III; supporting modules (no agenda) sit
    after the agenda they support, so the agendas seen in order never go backwards."""
    modules = catalog.modules_in_order()
    assert modules[0].id == "pengantar-latsar"
    rank = {"I": 1, "II": 2, "III": 3, "IV": 4}
    agendas = [rank[m.agenda] for m in modules if m.agenda is not None]
    assert agendas == sorted(agendas), [m.id for m in modules]
    assert {"bela-negara", "smart-asn", "manajemen-asn"} <= {m.id for m in modules}


def test_recall_items_short_answer_and_matching(catalog: Catalog) -> None:
    """Recall practice (issue 15): short answers and matching in the built-in banks."""
    per_type = Counter(q.type for bank in catalog.banks for q in bank.questions)
    assert per_type[QuestionType.SHORT_ANSWER] >= 20
    assert per_type[QuestionType.MATCHING] >= 8

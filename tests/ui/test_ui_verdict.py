"""The headline after an answer: points for a scenario (TKP has no wrong option),
otherwise a symbol and a word with the score said once."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_helpers import FIXTURES

from latsar_tui.content import roots as content_roots
from latsar_tui.content.loader import load_catalog
from latsar_tui.content.model import Question, ScenarioQuestion
from latsar_tui.paths import Paths
from latsar_tui.ui.widgets.feedback import scenario_points, verdict


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, Question]:
    empty = tmp_path / "empty-builtin"
    empty.mkdir()
    monkeypatch.setattr(content_roots, "builtin_content_root", lambda: empty)
    catalog = load_catalog(Paths.resolve().ensure(), [FIXTURES / "basic"])
    bank = catalog.bank("dasar-latihan")
    assert bank is not None
    return {q.id: q for q in bank.questions}


def test_scenario_verdict_counts_points_not_right_or_wrong(
    questions: dict[str, Question],
) -> None:
    scenario = questions["q-scenario"]
    assert isinstance(scenario, ScenarioQuestion)
    by_score = {option.score: index for index, option in enumerate(scenario.options)}
    lower = verdict(scenario, by_score[1], 0.2).plain
    assert lower.startswith("● 1 dari 5 poin")
    assert "pilihan terbaik bernilai 5" in lower
    assert "%" not in lower and "Sebagian" not in lower and "✗" not in lower
    best = verdict(scenario, by_score[5], 1.0).plain
    assert best.startswith("✓ 5 dari 5 poin") and "pilihan terbaik" in best


def test_partial_verdict_says_the_percentage_once(questions: dict[str, Question]) -> None:
    multiple = questions["q-multiple"]
    partial = verdict(multiple, frozenset({0}), 0.5).plain
    assert partial.startswith("~ Sebagian")
    assert partial.count("50%") == 1
    assert verdict(multiple, frozenset({0, 1}), 1.0).plain.startswith("✓ Benar")
    assert verdict(questions["q-single"], 1, 0.0).plain.startswith("✗ Kurang tepat")


def test_short_scenario_points_for_the_narrow_results_pane(
    questions: dict[str, Question],
) -> None:
    scenario = questions["q-scenario"]
    assert isinstance(scenario, ScenarioQuestion)
    by_score = {option.score: index for index, option in enumerate(scenario.options)}
    assert scenario_points(scenario, by_score[3], short=True).plain == "● 3 dari 5 poin"
    assert scenario_points(scenario, by_score[5], short=True).plain == "✓ 5 dari 5 poin"

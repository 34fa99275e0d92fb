"""Each figure of the statistics screen tested against its one-sentence definition,
on a history written by hand; and no figure claims 100 % recall after a bad quiz."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from review_factories import answer, two_module_catalog

from latsar_tui.paths import Paths
from latsar_tui.review import text
from latsar_tui.review.scheduling import RECALL_THRESHOLD, retrievability
from latsar_tui.review.stats import MASTERY_RECALL, compute_statistics
from latsar_tui.settings import Settings
from latsar_tui.store.progress import ProgressStore

NOW = datetime(2026, 3, 20, 9, 0, tzinfo=UTC)


def _recall(store: ProgressStore, question_id: str) -> float:
    card = store.card("b1", question_id)
    assert card is not None
    return float(retrievability(card.card, NOW))


def test_every_figure_follows_its_definition(paths: Paths) -> None:
    catalog = two_module_catalog(per_bank=10)
    with ProgressStore.open(paths) as store:
        answer(store, "b1", "q0", 1.0, NOW - timedelta(days=30))  # right, long ago
        answer(store, "b1", "q1", 1.0, NOW - timedelta(days=2))  # right, recently
        answer(store, "b1", "q2", 0.0, NOW - timedelta(days=3))  # wrong, days ago
        for k in range(3, 10):  # seven wrong answers within the last hour
            answer(store, "b1", f"q{k}", 0.0, NOW - timedelta(minutes=60 - k))
        stats = compute_statistics(catalog, store, Settings(), NOW, UTC)
        recall = {f"q{k}": _recall(store, f"q{k}") for k in range(10)}

    old = [recall["q0"], recall["q1"], recall["q2"]]  # last reviewed > 1 day ago
    # The hand-made history has both sides of the mastery line.
    assert recall["q0"] < MASTERY_RECALL <= recall["q1"]

    # Ingatan saat ini: the mean predicted recall of questions reviewed > 1 day ago.
    assert stats.recall_now == pytest.approx(100 * sum(old) / 3)
    assert stats.recall_counted == 3
    assert stats.recalled_now == sum(1 for r in old if r >= RECALL_THRESHOLD)
    # Jawaban tersimpan and rata-rata skor: every answer ever given.
    assert stats.total_answers == 10
    assert stats.average_score == pytest.approx(20.0)
    assert (stats.questions_answered, stats.questions_total) == (10, 20)
    # Rata-rata skor 7 hari terakhir: q1, q2 and the seven wrong answers.
    assert stats.average_last_week == pytest.approx(100 / 9)
    assert stats.average_week_before is None
    # Rangkaian hari belajar: today has answers, yesterday none.
    assert stats.streak == 1

    m1, m2 = stats.by_module
    # Penguasaan: share of ALL the module's questions, latest score 1 and recall >= 90 %.
    assert m1.mastery == pytest.approx(100 * 1 / 10)  # q1 only
    # Benar: mean latest score over the answered questions (q0 and q1 right of 10).
    assert m1.accuracy == pytest.approx(20.0)
    assert m1.mastery != m1.accuracy
    # Ingatan per row: the same rule as overall.
    assert m1.recall == pytest.approx(100 * sum(old) / 3)
    assert (m1.answered, m1.total) == (10, 10)
    assert (m2.mastery, m2.accuracy, m2.recall, m2.answered) == (0.0, None, None, 0)

    lessons = {row.key: row for row in stats.by_lesson}
    # l1 holds the even questions: q0 (right, forgotten), q2 (wrong), q4, q6, q8 (wrong).
    assert lessons["m1/l1"].mastery == 0.0
    assert lessons["m1/l1"].accuracy == pytest.approx(20.0)
    assert lessons["m1/l1"].recall == pytest.approx(100 * (recall["q0"] + recall["q2"]) / 2)
    # l2: q1 (mastered), q3, q5, q7, q9 (wrong).
    assert lessons["m1/l2"].mastery == pytest.approx(20.0)
    assert lessons["m1/l2"].recall == pytest.approx(100 * recall["q1"])


def test_after_a_quiz_with_seven_wrong_answers_no_figure_says_full_recall(
    paths: Paths,
) -> None:
    catalog = two_module_catalog(per_bank=10)
    with ProgressStore.open(paths) as store:
        for k in range(10):  # one quiz just now: 3 right, 7 wrong
            answer(store, "b1", f"q{k}", 1.0 if k < 3 else 0.0, NOW - timedelta(minutes=10 - k))
        stats = compute_statistics(catalog, store, Settings(), NOW, UTC)

    # Just after an answer FSRS predicts ~100 % whatever it was: left out, not shown.
    assert stats.recall_now is None
    assert all(row.recall is None for row in [*stats.by_module, *stats.by_lesson, *stats.by_tag])
    lines = [*text.overview_lines(stats), *map(text.mastery_line, stats.by_module)]
    assert not any("100%" in line for line in lines), lines
    assert "belum dapat diperkirakan" in text.recall_text(stats)
    # Penguasaan counts only the right answers: 3 of 10 at most, never all.
    assert stats.by_module[0].mastery <= 30.0

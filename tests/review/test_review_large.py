"""50,000 stored answers: the home and statistics figures come from SQL aggregates."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, timedelta

import pytest
from review_factories import START, last_score, seed_answers, two_module_catalog

from latsar_tui.paths import Paths
from latsar_tui.review.due import due_summary
from latsar_tui.review.mistakes import mistake_items
from latsar_tui.review.plan import predicted_recall
from latsar_tui.review.stats import compute_statistics
from latsar_tui.settings import Settings
from latsar_tui.store.progress import ProgressStore

COUNT = 50_000


def test_figures_at_fifty_thousand_answers(paths: Paths) -> None:
    catalog = two_module_catalog(per_bank=50)
    questions = [(bank.id, q.id) for bank in catalog.banks for q in bank.questions]
    with ProgressStore.open(paths) as store:
        times = seed_answers(store, questions, COUNT, START)
        statistics = compute_statistics(catalog, store, Settings(), START, UTC)
        due = due_summary(catalog, store, Settings(daily_due=15), START, UTC)
        mistakes = mistake_items(catalog, store)
        recall = [r.recall for r in predicted_recall(catalog, store, START)]

    assert statistics.total_answers == COUNT
    assert statistics.questions_total == statistics.questions_answered == 100
    expected_avg = sum(last_score(i % 100) for i in range(COUNT)) / COUNT
    assert statistics.average_score == pytest.approx(100 * expected_avg)

    # Mastery per module: the share of its 50 questions last answered with full marks
    # and predicted recalled now with >= 90 %.
    def mastered(k: int) -> bool:
        value = recall[k]
        return last_score(k) == 1.0 and value is not None and value >= 0.9

    b1 = sum(mastered(k) for k in range(50)) / 50
    b2 = sum(mastered(k) for k in range(50, 100)) / 50
    assert 0 < b1 < 1  # the fixture has both kinds, so the figure is tested
    modules = {m.key: m for m in statistics.by_module}
    assert modules["m1"].mastery == pytest.approx(100 * b1)
    assert modules["m2"].mastery == pytest.approx(100 * b2)
    assert modules["m1"].answered == modules["m1"].total == 50
    lessons = {m.key: m for m in statistics.by_lesson}
    assert set(lessons) == {"m1/l1", "m1/l2", "m2/k1"}
    assert lessons["m1/l1"].mastery == pytest.approx(
        100 * sum(mastered(k) for k in range(0, 50, 2)) / 25
    )
    # Benar: the mean latest score of the answered questions, another figure.
    assert modules["m1"].accuracy == pytest.approx(100 * sum(last_score(k) for k in range(50)) / 50)
    tags = {m.key: m for m in statistics.by_tag}
    assert tags["akuntabel"].total == 25 and tags["harmonis"].total == 75

    # Answers per day for the last 30 days, one a minute: the generator's own days.
    per_day = Counter(t.date() for t in times)
    assert [d.answers for d in statistics.days] == [per_day[d.day] for d in statistics.days]
    assert statistics.days[-1].day == START.date()
    assert sum(d.answers for d in statistics.days) == sum(
        per_day[START.date() - timedelta(days=i)] for i in range(30)
    )
    span = (START.date() - times[0].date()).days + 1
    assert statistics.streak == span

    # Home figures: 20 cards due (every fifth question), capped at 15 for today.
    assert due.total == 20 and due.by_module == {"m1": 10, "m2": 10}
    assert (due.session_due, due.session_new, due.new_available) == (15, 0, 0)
    # Mistakes: every question whose last score is 0.5.
    assert len(mistakes) == sum(1 for k in range(100) if last_score(k) < 1)

"""A computer clock that jumps back a day breaks neither scheduling, the exam timer
nor the streak (issue 12): nothing raises, nothing goes negative."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, timedelta

import pytest
from review_factories import START, two_module_catalog

from latsar_tui.paths import Paths
from latsar_tui.quiz.clock import FakeClock
from latsar_tui.quiz.session import Mode, QuizSession, Scope
from latsar_tui.review.due import due_summary
from latsar_tui.review.sessions import start_review
from latsar_tui.review.stats import compute_statistics
from latsar_tui.settings import Settings
from latsar_tui.store.progress import ProgressStore


@pytest.fixture
def store(paths: Paths) -> Iterator[ProgressStore]:
    with ProgressStore.open(paths) as opened:
        yield opened


def test_clock_back_a_day(store: ProgressStore) -> None:
    catalog = two_module_catalog()
    settings = Settings()
    clock = FakeClock(START)
    review = start_review(catalog, store, settings, clock=clock, tz=UTC, seed=1)
    review.answer(0)
    clock.advance(hours=2)
    review.answer(0)
    exam = QuizSession.start(catalog, store, Scope(bank_id="b1"), Mode.EXAM, seed=2, clock=clock)
    left_before = exam.time_left()
    clock.set_to(clock.now() - timedelta(days=1))  # the laptop's clock set back a day
    review.answer(1)
    review.finish()
    summary = due_summary(catalog, store, settings, clock.now(), UTC)
    assert summary.total >= 0 and summary.session_size >= 0
    stats = compute_statistics(catalog, store, settings, clock.now(), UTC)
    assert stats.streak >= 0
    assert stats.recall_now is None or 0 <= stats.recall_now <= 100
    left = exam.time_left()
    if left is not None and left_before is not None:
        # The wall-clock deadline does not grow past the bank's limit.
        assert timedelta(0) <= left <= exam.time_limit  # type: ignore[operator]
    cards = store.cards()
    assert cards and all(record.card.due is not None and record.reps >= 1 for record in cards)

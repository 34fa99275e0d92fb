"""The due list, its order, the daily caps, due counts, the exam plan and mistakes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, timedelta, timezone

import pytest
from review_factories import START, answer, two_module_catalog

from latsar_tui.paths import Paths
from latsar_tui.quiz.clock import FakeClock
from latsar_tui.quiz.session import Mode, SessionError
from latsar_tui.review.due import due_by_bank, due_summary, review_items
from latsar_tui.review.mistakes import mistake_counts, mistake_items
from latsar_tui.review.plan import exam_plan, prep_items
from latsar_tui.review.sessions import start_exam_prep, start_mistakes, start_review
from latsar_tui.settings import Settings
from latsar_tui.store.progress import ProgressStore


@pytest.fixture
def store(paths: Paths) -> Iterator[ProgressStore]:
    with ProgressStore.open(paths) as opened:
        yield opened


def _learn(store: ProgressStore, items: list[tuple[str, str]], days_ago: list[int]) -> None:
    """Answer each item right once, ``days_ago`` days before START (due 2 days later)."""
    for (bank_id, qid), ago in zip(items, days_ago, strict=True):
        answer(store, bank_id, qid, 1.0, START - timedelta(days=ago))


def test_due_list_most_overdue_first_then_new(store: ProgressStore) -> None:
    catalog = two_module_catalog()
    # Due 2 days after answering: 9, 5, 3 and 2 days ago -> overdue by 7, 3, 1, 0 days.
    _learn(store, [("b2", "q1"), ("b1", "q2"), ("b1", "q0"), ("b2", "q3")], [3, 9, 2, 5])
    answer(store, "b1", "q1", 1.0, START)  # just answered: not due
    items = review_items(catalog, store, Settings(), START, UTC)
    assert items[:4] == [("b1", "q2"), ("b2", "q3"), ("b2", "q1"), ("b1", "q0")]
    # Then the questions never answered, in the home screen's order.
    assert items[4:] == [("b1", "q3"), ("b2", "q0"), ("b2", "q2")]


def test_daily_caps_count_what_was_done_today(store: ProgressStore) -> None:
    catalog = two_module_catalog()
    _learn(store, [("b1", "q0"), ("b1", "q1"), ("b1", "q2"), ("b2", "q0")], [5, 4, 3, 3])
    settings = Settings(daily_due=3, daily_new=2)
    clock = FakeClock(START)
    summary = due_summary(catalog, store, settings, clock.now(), UTC)
    assert summary.total == 4 and summary.new_available == 4
    assert (summary.session_due, summary.session_new) == (3, 2)
    assert summary.by_module == {"m1": 3, "m2": 1}
    assert summary.by_bank == {"b1": 3, "b2": 1}

    session = start_review(catalog, store, settings, clock=clock, tz=UTC, seed=3)
    assert session.mode is Mode.REVIEW and session.title == "Ulangi"
    assert session.total == 5
    ids = [(p.bank.id, p.question.id) for p in session.questions]
    assert ids[:3] == [("b1", "q0"), ("b1", "q1"), ("b1", "q2")]  # the cap keeps the oldest
    while (shown := session.current()) is not None:
        clock.advance(20)
        assert shown.question.id.startswith("q")
        session.answer(0)  # option 0 is the right one in these banks
    session.finish()

    after = due_summary(catalog, store, settings, clock.now(), UTC)
    assert after.total == 1  # b2/q0 is still due ...
    assert (after.reviewed_today, after.new_today) == (3, 2)
    assert after.session_size == 0  # ... but today's caps are used up
    with pytest.raises(SessionError, match="Tidak ada soal"):
        start_review(catalog, store, settings, clock=clock, tz=UTC)
    # A new local day: the caps start again.
    tomorrow = clock.now() + timedelta(days=1)
    assert review_items(catalog, store, settings, tomorrow, UTC)[0] == ("b2", "q0")


def test_a_wrong_answer_is_due_again_within_the_same_sitting(store: ProgressStore) -> None:
    catalog = two_module_catalog()
    answer(store, "b1", "q0", 0.0, START)
    assert due_by_bank(catalog, store, START + timedelta(minutes=1), UTC) == {"b1": 1}
    assert due_by_bank(catalog, store, START + timedelta(minutes=1), UTC) == {"b1": 1}
    answer(store, "b1", "q0", 1.0, START + timedelta(minutes=12))
    assert due_by_bank(catalog, store, START + timedelta(minutes=13), UTC) == {}


def test_day_boundary_is_local(store: ProgressStore) -> None:
    """A card due at 20:00 UTC is due "today" in UTC, but tomorrow in WITA (UTC+8)."""
    catalog = two_module_catalog()
    answer(store, "b1", "q0", 1.0, START.replace(hour=20) - timedelta(days=2))
    morning = START.replace(hour=1)
    assert due_by_bank(catalog, store, morning, UTC) == {"b1": 1}
    wita = timezone(timedelta(hours=8))
    assert due_by_bank(catalog, store, morning, wita) == {}


def test_questions_gone_from_the_catalog_are_not_due(store: ProgressStore) -> None:
    catalog = two_module_catalog()
    answer(store, "old-bank", "q0", 1.0, START - timedelta(days=10))
    assert due_summary(catalog, store, Settings(), START, UTC).total == 0


def test_exam_plan_and_prep_order(store: ProgressStore) -> None:
    catalog = two_module_catalog()
    settings = Settings(exam_date=date(2026, 3, 12))
    # Well known: answered right four times; weak: once, long ago; wrong: once.
    clock = FakeClock(START - timedelta(days=60))
    for _ in range(4):
        answer(store, "b1", "q0", 1.0, clock.now())
        card = store.card("b1", "q0")
        assert card is not None
        clock.advance(seconds=(card.card.due - clock.now()).total_seconds())
    answer(store, "b1", "q1", 1.0, START - timedelta(days=20))
    answer(store, "b1", "q2", 0.0, START - timedelta(days=1))
    plan = exam_plan(catalog, store, settings, START, UTC)
    assert plan is not None
    assert plan.days_left == 10 and plan.total == 8
    assert plan.recalled == 1 and plan.share == pytest.approx(1 / 8)
    order = prep_items(catalog, store, date(2026, 3, 12), START, tz=UTC, count=8)
    # Never answered first (catalog order), then weakest to strongest.
    assert order[:5] == [("b1", "q3"), ("b2", "q0"), ("b2", "q1"), ("b2", "q2"), ("b2", "q3")]
    assert order[5:] == [("b1", "q2"), ("b1", "q1"), ("b1", "q0")]
    assert exam_plan(catalog, store, Settings(), START, UTC) is None
    session = start_exam_prep(catalog, store, settings, clock=FakeClock(START), tz=UTC, count=3)
    assert session.mode is Mode.EXAM_PREP and session.total == 3
    with pytest.raises(SessionError, match="Tanggal ujian"):
        start_exam_prep(catalog, store, Settings(), clock=FakeClock(START))


def test_mistakes_by_last_answer_module_and_tag(store: ProgressStore) -> None:
    catalog = two_module_catalog()
    answer(store, "b1", "q0", 0.0, START)
    answer(store, "b1", "q0", 1.0, START + timedelta(hours=1))  # corrected since
    answer(store, "b1", "q1", 0.5, START)
    answer(store, "b1", "q2", 0.0, START)
    answer(store, "b2", "q0", 0.0, START + timedelta(hours=2))
    answer(store, "b2", "q1", 1.0, START)
    assert mistake_items(catalog, store) == [("b2", "q0"), ("b1", "q2"), ("b1", "q1")]
    assert mistake_items(catalog, store, module_id="m1") == [("b1", "q2"), ("b1", "q1")]
    assert mistake_items(catalog, store, tag="harmonis") == [("b2", "q0"), ("b1", "q1")]
    counts = mistake_counts(catalog, store)
    assert counts.total == 3 and counts.by_module == {"m1": 2, "m2": 1}
    assert counts.by_tag == {"akuntabel": 1, "harmonis": 2}
    clock = FakeClock(START + timedelta(days=1))
    due_before = store.card("b2", "q1")
    session = start_mistakes(catalog, store, tag="harmonis", clock=clock, seed=1)
    assert session.title == "Latihan kesalahan: harmonis" and session.total == 2
    session.answer(0)
    # Only the answered question's card moved; the others kept their schedule.
    assert store.card("b2", "q1") == due_before
    card = store.card("b2", "q0")
    assert card is not None and card.reps == 2


def test_review_sessions_do_not_pile_up(store: ProgressStore) -> None:
    """Leaving Ulangi and starting it again resumes the open session (issue 10)."""
    catalog = two_module_catalog()
    settings = Settings(daily_due=3, daily_new=2)
    clock = FakeClock(START)
    first = start_review(catalog, store, settings, clock=clock, tz=UTC, seed=3)
    first.answer(0)
    again = start_review(catalog, store, settings, clock=clock, tz=UTC, seed=4)
    assert again.attempt_id == first.attempt_id
    assert again.answered_count == 1
    assert [a.mode for a in store.unfinished_attempts()] == ["ulangi"]

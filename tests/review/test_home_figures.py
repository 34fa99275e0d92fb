"""The home screen's refresh after an answer recomputes only that answer's bank.

Each step compares the kept figures with a full recomputation (``due_summary``,
``bank_scores``, ``lessons_read``) and counts how many banks and modules were
queried again (``HomeFigures.banks_recomputed`` / ``modules_recomputed``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from review_factories import START, single, two_module_catalog

from latsar_tui.content.model import Bank, Catalog
from latsar_tui.paths import Paths
from latsar_tui.review.due import due_summary
from latsar_tui.review.home_figures import HomeFigures
from latsar_tui.settings import Settings
from latsar_tui.store.db import to_text, transaction
from latsar_tui.store.progress import ProgressStore

SETTINGS = Settings()


def three_banks() -> Catalog:
    """b1 (module m1), b2 (module m2) and the loose bank b3, four questions each."""
    catalog = two_module_catalog(per_bank=4)
    loose = Bank(id="b3", title="Bank lepas", questions=tuple(single(f"q{i}") for i in range(4)))
    return replace(catalog, banks=(*catalog.banks, loose))


def check(figures: HomeFigures, catalog: Catalog, store: ProgressStore, now: datetime) -> None:
    """The kept figures equal the ones computed from scratch."""
    read, scores, summary = figures.refresh(catalog, store, SETTINGS, now, UTC)
    assert summary == due_summary(catalog, store, SETTINGS, now, UTC)
    assert scores == store.bank_scores()
    assert read == {m.id: store.lessons_read(m.id) for m in catalog.modules}


def answer(store: ProgressStore, bank_id: str, qid: str, score: float, at: datetime) -> None:
    store.record_answer(
        bank_id=bank_id,
        question_id=qid,
        question_hash="h",
        answer_json="0",
        score=score,
        answered_at=at,
        question_type="single",
    )


def counts(figures: HomeFigures) -> tuple[int, int, int]:
    return figures.banks_recomputed, figures.modules_recomputed, figures.full_recomputes


def test_an_answer_recomputes_only_its_bank(paths: Paths) -> None:
    catalog = three_banks()
    figures = HomeFigures()
    with ProgressStore.open(paths) as store:
        answer(store, "b2", "q0", 1.0, START - timedelta(days=3))
        check(figures, catalog, store, START)
        assert counts(figures) == (3, 2, 1)  # the first refresh computes everything

        check(figures, catalog, store, START)  # nothing written: nothing queried again
        assert counts(figures) == (3, 2, 1)

        answer(store, "b1", "q1", 0.0, START)
        check(figures, catalog, store, START + timedelta(seconds=30))
        assert counts(figures) == (4, 2, 1)  # b1 alone

        store.mark_lesson_read("m2", "k1", at=START)
        check(figures, catalog, store, START + timedelta(minutes=1))
        assert counts(figures) == (4, 3, 1)  # module m2 alone, no bank


def test_a_finished_whole_bank_attempt_updates_that_banks_scores(paths: Paths) -> None:
    catalog = three_banks()
    figures = HomeFigures()
    with ProgressStore.open(paths) as store:
        check(figures, catalog, store, START)
        attempt = store.create_attempt(
            mode="practice", title="Bank lepas", scope_json="{}", seed=1, items=(), bank_id="b3"
        )
        check(figures, catalog, store, START)
        assert counts(figures) == (3, 2, 1)  # an attempt started changes no figure
        store.finish_attempt(attempt, START, 75.0, False)
        check(figures, catalog, store, START)
        assert counts(figures) == (4, 2, 1)
        assert figures.refresh(catalog, store, SETTINGS, START, UTC)[1]["b3"].best_percent == 75.0


def test_a_learning_card_coming_due_recomputes_its_bank(paths: Paths) -> None:
    catalog = three_banks()
    figures = HomeFigures()
    with ProgressStore.open(paths) as store:
        # A learning card due in 30 minutes (written before the first refresh).
        with store.connection() as conn, transaction(conn):
            conn.execute(
                "INSERT INTO cards (bank_id, question_id, card_id, state, step, due, reps) "
                "VALUES ('b2', 'q3', 1, 1, 0, ?, 1)",
                (to_text(START + timedelta(minutes=30)),),
            )
        check(figures, catalog, store, START)
        assert figures.refresh(catalog, store, SETTINGS, START, UTC)[2].by_bank == {}
        before = counts(figures)
        # 15 minutes later it is within the 20 minutes of look-ahead: due, in b2 only.
        later = START + timedelta(minutes=15)
        check(figures, catalog, store, later)
        assert counts(figures) == (before[0] + 1, before[1], before[2])
        assert figures.refresh(catalog, store, SETTINGS, later, UTC)[2].by_bank == {"b2": 1}


def test_other_windows_new_days_and_imports_recompute_everything(paths: Paths) -> None:
    catalog = three_banks()
    figures = HomeFigures()
    with ProgressStore.open(paths) as store, ProgressStore.open(paths) as other:
        check(figures, catalog, store, START)
        assert counts(figures)[2] == 1
        answer(other, "b1", "q0", 1.0, START)  # another window's commit
        check(figures, catalog, store, START)
        assert counts(figures)[2] == 2
        check(figures, catalog, store, START + timedelta(days=1))  # a new local day
        assert counts(figures)[2] == 3
        store.note_change()  # an import through the raw connection
        check(figures, catalog, store, START + timedelta(days=1))
        assert counts(figures)[2] == 4
        check(figures, two_module_catalog(per_bank=2), store, START + timedelta(days=1))
        assert counts(figures)[2] == 5  # a reloaded catalog


def test_the_changes_journal(paths: Paths) -> None:
    with ProgressStore.open(paths) as store:
        first = store.changes_since(None)
        assert first.everything
        answer(store, "b1", "q0", 1.0, START)
        store.mark_lesson_read("m1", "l1", at=START)
        changes = store.changes_since(first.mark)
        assert not changes.everything
        assert changes.banks == {"b1"}
        assert changes.modules == {"m1"}
        assert store.changes_since(changes.mark).banks == frozenset()

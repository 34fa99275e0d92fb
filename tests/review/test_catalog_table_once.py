"""The catalog's SQL tables are built once per loaded catalog, not on every query."""

from __future__ import annotations

from datetime import UTC

from review_factories import START, seed_answers, two_module_catalog

from latsar_tui.content.model import Catalog
from latsar_tui.paths import Paths
from latsar_tui.review import catalog_table
from latsar_tui.review.due import due_by_bank, due_summary, review_items
from latsar_tui.review.mistakes import mistake_items
from latsar_tui.review.plan import exam_plan
from latsar_tui.review.stats import compute_statistics
from latsar_tui.settings import Settings
from latsar_tui.store.progress import ProgressStore


def _every_figure(catalog: Catalog, store: ProgressStore) -> None:
    settings = Settings()
    due_summary(catalog, store, settings, START, UTC)
    due_by_bank(catalog, store, START, UTC)
    review_items(catalog, store, settings, START, UTC)
    mistake_items(catalog, store)
    exam_plan(catalog, store, settings, START, UTC)
    compute_statistics(catalog, store, settings, START, UTC)


def test_one_build_per_catalog_and_a_rebuild_for_a_new_one(paths: Paths) -> None:
    catalog = two_module_catalog(per_bank=10)
    questions = [(bank.id, q.id) for bank in catalog.banks for q in bank.questions]
    with ProgressStore.open(paths) as store:
        seed_answers(store, questions, 200, START)
        before = catalog_table.build_count()
        for _ in range(3):  # three home refreshes, a review, statistics
            _every_figure(catalog, store)
        assert catalog_table.build_count() == before + 1

        # A reloaded catalog (even with equal content) is a new build, once.
        reloaded = two_module_catalog(per_bank=5)
        _every_figure(reloaded, store)
        _every_figure(reloaded, store)
        assert catalog_table.build_count() == before + 2
        with store.connection() as conn:
            count = conn.execute("SELECT count(*) FROM temp.cat_questions").fetchone()[0]
        assert count == 10  # the tables hold the new catalog, not the old one
        due = due_summary(catalog, store, Settings(), START, UTC)  # back to the first
        assert catalog_table.build_count() == before + 3
        assert due.total == sum(due.by_bank.values())


def test_another_connection_builds_its_own_tables(paths: Paths) -> None:
    catalog = two_module_catalog(per_bank=3)
    with ProgressStore.open(paths) as first, ProgressStore.open(paths) as second:
        before = catalog_table.build_count()
        due_summary(catalog, first, Settings(), START, UTC)
        due_summary(catalog, second, Settings(), START, UTC)
        due_summary(catalog, first, Settings(), START, UTC)
        assert catalog_table.build_count() == before + 2

"""The mistakes drill: questions whose last answer scored below 1.

The drill is an ordinary session of those questions: its answers update their cards
like any other answer, and nothing else about the schedule changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from latsar_tui.content.model import Catalog
from latsar_tui.review.catalog_table import load_catalog_tables
from latsar_tui.store.progress import ProgressStore

# Scores are stored as floats; anything this close to 1 is a full score.
FULL_SCORE = 1.0 - 1e-9

# Each question's most recent answer (SQLite takes the bare column ``score`` from the
# row holding max(answered_at)).
LAST_SCORES_SQL = (
    "SELECT bank_id, question_id, score, max(answered_at) AS answered_at "
    "FROM answers GROUP BY bank_id, question_id"
)


def mistake_items(
    catalog: Catalog,
    store: ProgressStore,
    *,
    module_id: str | None = None,
    tag: str | None = None,
) -> list[tuple[str, str]]:
    """Questions last answered with a score below 1, lowest score then latest first.

    ``module_id`` and ``tag`` narrow the list; questions no longer in the catalog
    are left out.
    """
    clauses = ["l.score < :full"]  # i18n: ignore SQL
    if module_id is not None:
        clauses.append("q.module_id = :module")  # i18n: ignore SQL
    if tag is not None:
        clauses.append(
            "EXISTS (SELECT 1 FROM temp.cat_tags AS t WHERE t.tag = :tag "  # i18n: ignore SQL
            "AND t.bank_id = q.bank_id AND t.question_id = q.question_id)"
        )
    with store.connection() as conn:
        load_catalog_tables(conn, catalog)
        rows = conn.execute(
            f"WITH last AS ({LAST_SCORES_SQL}) "
            "SELECT q.bank_id, q.question_id FROM last AS l "
            "JOIN temp.cat_questions AS q USING (bank_id, question_id) "
            f"WHERE {' AND '.join(clauses)} "
            "ORDER BY l.score, l.answered_at DESC, q.position",
            {"full": FULL_SCORE, "module": module_id, "tag": tag},
        ).fetchall()
    return [(str(b), str(q)) for b, q in rows]


@dataclass(frozen=True, slots=True)
class MistakeCounts:
    """How many questions the drill would ask: overall, per module, per tag."""

    total: int
    by_module: dict[str, int]
    by_tag: dict[str, int]


def mistake_counts(catalog: Catalog, store: ProgressStore) -> MistakeCounts:
    """Counts of questions last answered below 1, by SQL GROUP BY."""
    with store.connection() as conn:
        load_catalog_tables(conn, catalog)
        conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS mistakes (bank_id TEXT, question_id TEXT, "
            "module_id TEXT, PRIMARY KEY (bank_id, question_id)) WITHOUT ROWID"
        )
        conn.execute("DELETE FROM temp.mistakes")
        conn.execute(
            f"INSERT INTO temp.mistakes WITH last AS ({LAST_SCORES_SQL}) "
            "SELECT q.bank_id, q.question_id, q.module_id FROM last AS l "
            "JOIN temp.cat_questions AS q USING (bank_id, question_id) WHERE l.score < ?",
            (FULL_SCORE,),
        )
        by_module = dict(
            conn.execute("SELECT module_id, count(*) FROM temp.mistakes GROUP BY module_id")
        )
        by_tag = dict(
            conn.execute(
                "SELECT t.tag, count(*) FROM temp.mistakes AS m JOIN temp.cat_tags AS t "
                "USING (bank_id, question_id) GROUP BY t.tag ORDER BY t.tag"
            )
        )
    return MistakeCounts(sum(by_module.values()), by_module, by_tag)

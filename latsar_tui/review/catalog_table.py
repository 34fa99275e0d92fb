"""The catalog's questions as temporary SQL tables, so statistics can GROUP BY them.

Which module, lesson and tags a question has lives in the YAML files, not in the
progress database. Copying those few hundred rows into TEMP tables of the store's
connection lets every per-module, per-lesson and per-tag figure be one SQL aggregate
over the answers, instead of a Python loop over them.

The tables are built once per loaded catalog and connection: every caller (home
screen, review, statistics, results) asks ``load_catalog_tables`` and gets the
tables already there when the catalog is the one last copied into that connection.
Copying 10,000 questions costs about 0.3 s, so this matters on every refresh.
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict

from latsar_tui.content.model import Bank, Catalog

_SCHEMA = (
    """
    CREATE TEMP TABLE IF NOT EXISTS cat_questions (
        bank_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        module_id TEXT NOT NULL,      -- '' for a bank without a module
        lesson_id TEXT,
        qtype TEXT NOT NULL,
        position INTEGER NOT NULL,    -- the home screen's order across every bank
        PRIMARY KEY (bank_id, question_id)
    ) WITHOUT ROWID
    """,
    """
    CREATE TEMP TABLE IF NOT EXISTS cat_meta (
        token INTEGER NOT NULL        -- id() of the catalog the tables were built from
    )
    """,
    """
    CREATE TEMP TABLE IF NOT EXISTS cat_tags (
        bank_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        tag TEXT NOT NULL,
        PRIMARY KEY (tag, bank_id, question_id)
    ) WITHOUT ROWID
    """,
)


def ordered_banks(catalog: Catalog) -> list[Bank]:
    """Banks in the home screen's order: by module order, then banks without a module."""
    banks: list[Bank] = []
    for module in catalog.modules_in_order():
        banks.extend(catalog.banks_for_module(module.id))
    listed = {bank.id for bank in banks}
    banks.extend(bank for bank in catalog.banks if bank.id not in listed)
    return banks


# The last few catalogs copied into a connection, by id(). Holding them keeps their
# id() from being reused by a new catalog while a connection still records it, so an
# id match plus an identity match here means "these are the same catalog's tables".
_RECENT: OrderedDict[int, Catalog] = OrderedDict()
_RECENT_MAX = 3

# How many times the tables were (re)built: read by tests and the bench.
_BUILDS = {"count": 0}


def build_count() -> int:
    """How many times any connection had the catalog tables (re)built."""
    return _BUILDS["count"]


def _remember(catalog: Catalog) -> int:
    token = id(catalog)
    _RECENT[token] = catalog
    _RECENT.move_to_end(token)
    while len(_RECENT) > _RECENT_MAX:
        _RECENT.popitem(last=False)
    return token


def load_catalog_tables(conn: sqlite3.Connection, catalog: Catalog) -> int:
    """Make ``temp.cat_questions`` and ``temp.cat_tags`` hold ``catalog``.

    Built only when this connection holds another catalog's tables (or none);
    returns the question count. Call with the store's connection held
    (``ProgressStore.connection()``).
    """
    token = id(catalog)
    try:
        row = conn.execute("SELECT token FROM temp.cat_meta").fetchone()
    except sqlite3.OperationalError:  # no tables yet in this connection
        row = None
    if row is not None and row[0] == token and _RECENT.get(token) is catalog:
        _RECENT.move_to_end(token)
        return int(conn.execute("SELECT count(*) FROM temp.cat_questions").fetchone()[0])
    return _build(conn, catalog)


def _build(conn: sqlite3.Connection, catalog: Catalog) -> int:
    _BUILDS["count"] += 1
    for statement in _SCHEMA:
        conn.execute(statement)
    conn.execute("DELETE FROM temp.cat_questions")
    conn.execute("DELETE FROM temp.cat_tags")
    conn.execute("DELETE FROM temp.cat_meta")
    questions: list[tuple[str, str, str, str | None, str, int]] = []
    tags: list[tuple[str, str, str]] = []
    for bank in ordered_banks(catalog):
        for question in bank.questions:
            questions.append(
                (
                    bank.id,
                    question.id,
                    bank.module or "",
                    question.lesson,
                    str(question.type),
                    len(questions),
                )
            )
            tags.extend((bank.id, question.id, tag) for tag in set(question.tags))
    conn.executemany(
        "INSERT OR IGNORE INTO temp.cat_questions VALUES (?, ?, ?, ?, ?, ?)", questions
    )
    conn.executemany("INSERT OR IGNORE INTO temp.cat_tags VALUES (?, ?, ?)", tags)
    conn.execute("INSERT INTO temp.cat_meta VALUES (?)", (_remember(catalog),))
    return len(questions)

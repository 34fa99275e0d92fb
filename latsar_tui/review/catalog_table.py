"""The catalog's questions as temporary SQL tables, so statistics can GROUP BY them.

Which module, lesson and tags a question has lives in the YAML files, not in the
progress database. Copying those few hundred rows into TEMP tables of the store's
connection lets every per-module, per-lesson and per-tag figure be one SQL aggregate
over the answers, instead of a Python loop over them.
"""

from __future__ import annotations

import sqlite3

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


def load_catalog_tables(conn: sqlite3.Connection, catalog: Catalog) -> int:
    """(Re)fill ``temp.cat_questions`` and ``temp.cat_tags``; returns the question count.

    Call with the store's connection held (``ProgressStore.connection()``).
    """
    for statement in _SCHEMA:
        conn.execute(statement)
    conn.execute("DELETE FROM temp.cat_questions")
    conn.execute("DELETE FROM temp.cat_tags")
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
    return len(questions)

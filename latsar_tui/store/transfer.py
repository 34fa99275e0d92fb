"""Backing up and restoring all progress as one versioned JSON file.

``latsar progress export`` writes attempts (with their questions), answers, lesson
reads, review cards, review logs and the settings. ``latsar progress import`` merges
such a file into the current store in one transaction:

* attempts and answers are matched by their uuid, review logs by the uuid of the
  answer that caused them, lesson reads by (module, lesson, time): what is already
  there is skipped, so importing the same file twice adds nothing;
* a card missing here is taken as exported; a card that gained review logs from the
  file is rebuilt by replaying all its logs through the scheduler (deterministic,
  since fuzzing is off), so two devices' histories merge into one schedule;
* the file's settings replace the current ones (it is a restore).

A file of another format or a newer format version is refused with a message in
Indonesian; nothing is changed then.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import latsar_tui
from latsar_tui.fileio import write_text_atomically
from latsar_tui.i18n import _
from latsar_tui.paths import Paths
from latsar_tui.settings import Settings, load_settings, save_settings
from latsar_tui.store.cards import (
    CARD_COLUMNS,
    LOG_COLUMNS,
    CardRecord,
    card_from_row,
    replay,
    save_card,
)
from latsar_tui.store.db import from_text, to_text, transaction
from latsar_tui.store.progress import ProgressStore

FORMAT = "latsar-progress"
VERSION = 1

_ATTEMPT_FIELDS = (
    "uuid",
    "mode",
    "title",
    "bank_id",
    "module_id",
    "scope_json",
    "seed",
    "time_limit_seconds",
    "time_used_seconds",
    "started_at",
    "finished_at",
    "percent",
    "timed_out",
)
_ANSWER_FIELDS = (
    "uuid",
    "bank_id",
    "question_id",
    "question_hash",
    "answer_json",
    "score",
    "time_taken_seconds",
    "answered_at",
)
_LOG_FIELDS = tuple(name.strip() for name in LOG_COLUMNS.split(","))
_CARD_FIELDS = tuple(name.strip() for name in CARD_COLUMNS.split(","))
_TIME_FIELDS = frozenset(
    {"started_at", "finished_at", "answered_at", "review_datetime", "due_before", "read_at"}
)


class TransferError(Exception):
    """A backup file that cannot be read or does not fit (message in Indonesian)."""


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import added (everything else was already there)."""

    attempts: int
    answers: int
    answers_skipped: int
    review_logs: int
    lesson_reads: int
    cards_added: int
    cards_rebuilt: int
    settings: bool

    def summary(self) -> str:
        """One sentence for the CLI, in the interface language."""
        # Two whole sentences, not one with a tail glued on: word order may differ.
        template = (
            _(
                "Ditambahkan: {answers} jawaban ({skipped} sudah ada), {attempts} sesi, "
                "{reads} catatan baca, {logs} log ulangan, {added} kartu baru, "
                "{rebuilt} kartu dihitung ulang; pengaturan dipulihkan."
            )
            if self.settings
            else _(
                "Ditambahkan: {answers} jawaban ({skipped} sudah ada), {attempts} sesi, "
                "{reads} catatan baca, {logs} log ulangan, {added} kartu baru, "
                "{rebuilt} kartu dihitung ulang."
            )
        )
        return template.format(
            answers=self.answers,
            skipped=self.answers_skipped,
            attempts=self.attempts,
            reads=self.lesson_reads,
            logs=self.review_logs,
            added=self.cards_added,
            rebuilt=self.cards_rebuilt,
        )


# --- export ------------------------------------------------------------------------


def _rows(conn: sqlite3.Connection, sql: str, names: tuple[str, ...]) -> list[dict[str, Any]]:
    return [dict(zip(names, row, strict=True)) for row in conn.execute(sql)]


def export_progress(
    store: ProgressStore, paths: Paths, now: datetime | None = None
) -> dict[str, Any]:
    """All progress as a JSON-ready dict (see the module docstring)."""
    with store.connection() as conn:
        attempts = _rows(
            conn,
            f"SELECT id, {', '.join(_ATTEMPT_FIELDS)} FROM attempts ORDER BY id",
            ("id", *_ATTEMPT_FIELDS),
        )
        items: dict[int, list[dict[str, Any]]] = {}
        for row in conn.execute(
            "SELECT attempt_id, position, bank_id, question_id, question_hash, "
            "option_order_json FROM attempt_items ORDER BY attempt_id, position"
        ):
            items.setdefault(row[0], []).append(
                {
                    "position": row[1],
                    "bank_id": row[2],
                    "question_id": row[3],
                    "question_hash": row[4],
                    "option_order": json.loads(row[5]),
                }
            )
        answers = _rows(
            conn,
            "SELECT t.uuid, "
            + ", ".join(f"a.{name}" for name in _ANSWER_FIELDS)
            + " FROM answers AS a LEFT JOIN attempts AS t "  # i18n: ignore SQL
            "ON t.id = a.attempt_id ORDER BY a.id",
            ("attempt_uuid", *_ANSWER_FIELDS),
        )
        reads = _rows(
            conn,
            "SELECT module_id, lesson_id, read_at FROM lesson_reads ORDER BY read_at",
            ("module_id", "lesson_id", "read_at"),
        )
        cards = _rows(
            conn, f"SELECT {CARD_COLUMNS} FROM cards ORDER BY bank_id, question_id", _CARD_FIELDS
        )
        logs = _rows(conn, f"SELECT {LOG_COLUMNS} FROM review_logs ORDER BY id", _LOG_FIELDS)
    for attempt in attempts:
        attempt["timed_out"] = bool(attempt["timed_out"])
        attempt["items"] = items.get(attempt.pop("id"), [])
    return {
        "format": FORMAT,
        "version": VERSION,
        "app_version": latsar_tui.__version__,
        "exported_at": to_text(now or datetime.now(UTC)),
        "attempts": attempts,
        "answers": answers,
        "lesson_reads": reads,
        "cards": cards,
        "review_logs": logs,
        "settings": load_settings(paths).to_dict(),
    }


def write_export(store: ProgressStore, paths: Paths, target: Path) -> dict[str, int]:
    """Write the backup to ``target`` atomically; returns how many of each were written."""
    data = export_progress(store, paths)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    target = target.expanduser()
    try:
        write_text_atomically(target, text, private=True)  # it holds the NIP
    except OSError as error:
        raise TransferError(
            _("Berkas {path} tidak dapat ditulis: {error}").format(path=target, error=error)
        ) from error
    return {key: len(data[key]) for key in ("attempts", "answers", "cards", "review_logs")}


# --- import ------------------------------------------------------------------------


def read_backup(source: Path) -> dict[str, Any]:
    """Read and check a backup file; raises TransferError with a message for the user."""
    try:
        data = json.loads(source.expanduser().read_text(encoding="utf-8"))
    except OSError as error:
        raise TransferError(
            _("Berkas {path} tidak dapat dibaca: {error}").format(path=source, error=error)
        ) from error
    except ValueError as error:
        raise TransferError(
            _("Berkas {path} bukan JSON yang sah: {error}").format(path=source, error=error)
        ) from error
    except RecursionError:
        # Arrays nested thousands deep: no backup looks like that.
        message = _("Berkas {source} bukan cadangan progres: JSON bersarang terlalu dalam.")
        raise TransferError(message.format(source=source)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise TransferError(
            _("Berkas {path} bukan cadangan progres Latsar TUI.").format(path=source)
        )
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version <= VERSION:
        raise TransferError(
            _(
                "Berkas {path} adalah cadangan progres versi {version}, sedangkan aplikasi "
                "ini hanya dapat membaca {known}. Berkas itu dibuat oleh versi "
                "Latsar TUI yang lain: perbarui aplikasi lalu coba lagi. Progres Anda tidak "
                "diubah."
            ).format(path=source, version=version, known=_known_versions())
        )
    for key in ("attempts", "answers", "lesson_reads", "cards", "review_logs"):
        if not isinstance(data.get(key, []), list):
            raise TransferError(
                _("Berkas {path} rusak: bagian '{key}' bukan daftar.").format(path=source, key=key)
            )
        if not all(isinstance(record, dict) for record in data.get(key, [])):
            message = _("Berkas {source} rusak: bagian '{key}' berisi data yang bukan objek.")
            raise TransferError(message.format(source=source, key=key))
    return data


def _known_versions() -> str:
    if VERSION == 1:
        return _("versi 1")
    return _("versi 1 sampai {version}").format(version=VERSION)


def _time(value: Any) -> str | None:
    """A stored timestamp normalised to the store's fixed-width UTC text."""
    if value is None:
        return None
    return to_text(from_text(str(value)))


def _values(record: dict[str, Any], names: tuple[str, ...]) -> tuple[Any, ...]:
    return tuple(
        _time(record.get(name))
        if name in _TIME_FIELDS or name in {"due", "last_review"}
        else record.get(name)
        for name in names
    )


# The fields of an attempt's result, set only once its answers are imported.
_RESULT_FIELDS = frozenset({"finished_at", "percent", "timed_out"})


def _is_finished(conn: sqlite3.Connection, attempt_id: int) -> bool:
    row = conn.execute("SELECT finished_at FROM attempts WHERE id = ?", (attempt_id,)).fetchone()
    return row is not None and row[0] is not None


def _exists(conn: sqlite3.Connection, sql: str, key: Any) -> bool:
    if key is None:
        raise ValueError(_("catatan tanpa uuid"))
    return conn.execute(sql, (str(key),)).fetchone() is not None


def _merge(conn: sqlite3.Connection, data: dict[str, Any]) -> ImportReport:
    attempt_ids: dict[str, int] = {}
    to_close: list[tuple[int, dict[str, Any]]] = []
    added_attempts = 0
    for attempt in data.get("attempts", []):
        uuid = str(attempt["uuid"])
        row = conn.execute("SELECT id FROM attempts WHERE uuid = ?", (uuid,)).fetchone()
        if row is not None:
            attempt_ids[uuid] = int(row[0])
            continue
        values = list(_values(attempt, _ATTEMPT_FIELDS))
        values[-1] = int(bool(values[-1]))  # timed_out
        # Inserted open and closed once its answers are in: the store refuses an
        # answer into a finished attempt (db._v5_one_writer), imports included.
        result = dict(zip(_ATTEMPT_FIELDS, values, strict=True))
        opened = [None if name in _RESULT_FIELDS else value for name, value in result.items()]
        opened[_ATTEMPT_FIELDS.index("timed_out")] = 0
        cursor = conn.execute(
            f"INSERT INTO attempts ({', '.join(_ATTEMPT_FIELDS)}) "
            f"VALUES ({', '.join('?' * len(_ATTEMPT_FIELDS))})",
            opened,
        )
        attempt_id = cursor.lastrowid
        assert attempt_id is not None
        attempt_ids[uuid] = attempt_id
        to_close.append((attempt_id, result))
        added_attempts += 1
        conn.executemany(
            "INSERT INTO attempt_items (attempt_id, position, bank_id, question_id, "
            "question_hash, option_order_json) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (
                    attempt_id,
                    item["position"],
                    item["bank_id"],
                    item["question_id"],
                    item["question_hash"],
                    json.dumps(list(item.get("option_order", []))),
                )
                for item in attempt.get("items", [])
            ],
        )
    added_answers = 0
    answers = data.get("answers", [])
    for answer in answers:
        if _exists(conn, "SELECT 1 FROM answers WHERE uuid = ?", answer["uuid"]):
            continue
        attempt_uuid = answer.get("attempt_uuid")
        attempt_id = attempt_ids.get(attempt_uuid) if attempt_uuid else None
        if attempt_id is not None and _is_finished(conn, attempt_id):
            # An answer this copy never saw, for an attempt it already holds as
            # finished: kept in the history and the review cards, but a finished
            # result is never reopened, so it joins no attempt.
            attempt_id = None
        conn.execute(
            f"INSERT INTO answers (attempt_id, {', '.join(_ANSWER_FIELDS)}) "
            f"VALUES (?, {', '.join('?' * len(_ANSWER_FIELDS))})",
            (attempt_id, *_values(answer, _ANSWER_FIELDS)),
        )
        added_answers += 1
    for attempt_id, result in to_close:
        conn.execute(
            "UPDATE attempts SET finished_at = ?, percent = ?, timed_out = ? WHERE id = ?",
            (result["finished_at"], result["percent"], result["timed_out"], attempt_id),
        )
    added_logs = 0
    touched: set[tuple[str, str]] = set()
    for log in data.get("review_logs", []):
        if _exists(conn, "SELECT 1 FROM review_logs WHERE answer_uuid = ?", log["answer_uuid"]):
            continue
        conn.execute(
            f"INSERT INTO review_logs ({LOG_COLUMNS}) VALUES ({', '.join('?' * len(_LOG_FIELDS))})",
            _values(log, _LOG_FIELDS),
        )
        added_logs += 1
        touched.add((str(log["bank_id"]), str(log["question_id"])))
    added_reads = 0
    for read in data.get("lesson_reads", []):
        read_values = _values(read, ("module_id", "lesson_id", "read_at"))
        cursor = conn.execute(
            "INSERT INTO lesson_reads (module_id, lesson_id, read_at) SELECT ?, ?, ? "
            "WHERE NOT EXISTS (SELECT 1 FROM lesson_reads WHERE module_id = ? "
            "AND lesson_id = ? AND read_at = ?)",
            (*read_values, *read_values),
        )
        added_reads += cursor.rowcount
    added_cards = rebuilt = 0
    for card in data.get("cards", []):
        key = (str(card["bank_id"]), str(card["question_id"]))
        exists = conn.execute(
            "SELECT 1 FROM cards WHERE bank_id = ? AND question_id = ?", key
        ).fetchone()
        if exists is None:
            imported: CardRecord = card_from_row(_values(card, _CARD_FIELDS))
            save_card(conn, imported)
            added_cards += 1
            touched.discard(key)
    for bank_id, question_id in sorted(touched):
        # Both sides had reviews of this question: one schedule from all of them.
        replay(conn, bank_id, question_id)
        rebuilt += 1
    return ImportReport(
        attempts=added_attempts,
        answers=added_answers,
        answers_skipped=len(answers) - added_answers,
        review_logs=added_logs,
        lesson_reads=added_reads,
        cards_added=added_cards,
        cards_rebuilt=rebuilt,
        settings=False,
    )


def import_progress(
    store: ProgressStore, paths: Paths, data: dict[str, Any], *, restore_settings: bool = True
) -> ImportReport:
    """Merge a checked backup (:func:`read_backup`) into the store, in one transaction."""
    if not store.saving:
        # A read-only folder or a full disk: the merge would only reach the copy in
        # memory and be gone at exit, so it is refused rather than reported as done.
        raise TransferError(store.unsaved or "")
    try:
        with store.connection() as conn, transaction(conn):
            report = _merge(conn, data)
        store.note_change()
    except (
        KeyError,
        TypeError,
        ValueError,
        OverflowError,  # an integer too big for SQLite
        # A value of the wrong type or size for its column: the file's fault, not the
        # database's (a locked or broken database still raises OperationalError).
        sqlite3.IntegrityError,
        sqlite3.InterfaceError,
        sqlite3.ProgrammingError,
        sqlite3.DataError,
    ) as error:
        raise TransferError(
            _(
                "Berkas cadangan rusak atau tidak lengkap ({error}); progres Anda tidak diubah."
            ).format(error=error)
        ) from error
    settings = data.get("settings")
    if restore_settings and isinstance(settings, dict):
        save_settings(paths, Settings.from_dict(settings))
        return replace(report, settings=True)
    return report

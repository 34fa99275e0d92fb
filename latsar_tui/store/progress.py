"""The trainee's progress: quiz attempts, every answer given, lessons read.

Every write commits before the method returns, so an answer survives the app being
killed the moment after. Records come back as small frozen dataclasses; aggregates
are computed by SQLite, not by loading every row into Python.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from latsar_tui.i18n import _
from latsar_tui.paths import Paths
from latsar_tui.review.scheduling import Rating, ReviewLog
from latsar_tui.store.cards import (
    CARD_COLUMNS,
    CardRecord,
    apply_answer,
    card_from_row,
    review_time,
)
from latsar_tui.store.db import (
    FINISHED_MESSAGE,
    StoreError,
    can_write,
    from_text,
    is_disk_full,
    memory_copy,
    open_database,
    open_read_only,
    opened_read_only,
    to_text,
    transaction,
)

__all__ = [
    "AnswerRecord",
    "AttemptFinished",
    "AttemptItem",
    "AttemptRecord",
    "BankScore",
    "CardRecord",
    "DiskFull",
    "DraftRecord",
    "NotWriter",
    "ProgressStore",
    "StoreError",
]


class AttemptFinished(StoreError):
    """An answer or a result for an attempt that is already finished: refused."""


class NotWriter(StoreError):
    """This window may not write: it was opened read-only, or another took over."""


class DiskFull(StoreError):
    """A write failed for want of disk space; the store now keeps changes in memory."""


def read_only_notice(folder: Path) -> str:
    """What the learner is told when the data folder cannot be written."""
    return _(
        "Folder data hanya-baca: {folder} tidak dapat ditulis. Materi dan latihan tetap "
        "dapat dipakai, tetapi jawaban tidak dapat disimpan (hanya diingat sampai "
        "aplikasi ditutup). Progres yang sudah tersimpan tidak diubah."
    ).format(folder=folder)


def full_at_start_notice(folder: Path) -> str:
    """What the learner is told when the disk is already full as Latsar starts."""
    return _(
        "Disk penuh: {folder} tidak dapat ditulis. Materi dan latihan tetap dapat dipakai, "
        "tetapi jawaban tidak dapat disimpan (hanya diingat sampai aplikasi ditutup). "
        "Progres yang sudah tersimpan tidak diubah."
    ).format(folder=folder)


def disk_full_notice(folder: Path) -> str:
    """What the learner is told when an answer could not be written for want of space."""
    return _(
        "Disk penuh: jawaban terakhir tidak tersimpan di {folder}. Latsar kini hanya-baca: "
        "jawab lagi untuk melanjutkan; jawaban berikutnya hanya diingat sampai aplikasi "
        "ditutup. Progres yang sudah tersimpan tetap utuh; kosongkan ruang disk lalu "
        "buka ulang Latsar."
    ).format(folder=folder)


@dataclass(frozen=True, slots=True)
class AttemptRecord:
    """One quiz session as stored (``mode`` is the session's Mode value)."""

    id: int
    mode: str
    title: str
    bank_id: str | None
    module_id: str | None
    scope_json: str
    seed: int
    time_limit_seconds: int | None
    time_used_seconds: float
    started_at: datetime
    finished_at: datetime | None
    percent: float | None
    timed_out: bool
    # When an exam's time ends in wall-clock time (None: no deadline).
    deadline: datetime | None = None

    @property
    def is_finished(self) -> bool:
        """Whether the session was finished (by the learner or by the time limit)."""
        return self.finished_at is not None


@dataclass(frozen=True, slots=True)
class AttemptItem:
    """One question of an attempt, at its position, with the option order shown.

    ``option_order`` maps display position -> canonical index (options, or ordering
    items); empty for types without options.
    """

    position: int
    bank_id: str
    question_id: str
    question_hash: str
    option_order: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    """One answer as given (``answer_json`` in canonical indices, see quiz.scoring)."""

    id: int
    attempt_id: int | None
    bank_id: str
    question_id: str
    question_hash: str
    answer_json: str
    score: float
    time_taken_seconds: float | None
    answered_at: datetime


@dataclass(frozen=True, slots=True)
class DraftRecord:
    """An exam question's standing answer before submission, and its ragu-ragu flag.

    ``answer_json`` and ``score`` are None while the question is unanswered.
    """

    position: int
    bank_id: str
    question_id: str
    question_hash: str
    question_type: str | None
    answer_json: str | None
    score: float | None
    time_taken_seconds: float | None
    flagged: bool
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class BankScore:
    """How a learner has done on one whole bank over finished attempts."""

    best_percent: float
    last_percent: float
    attempts: int


@dataclass(frozen=True, slots=True)
class Changes:
    """What was written since a mark (see ``ProgressStore.changes_since``)."""

    mark: int  # pass it to the next changes_since
    everything: bool  # a write of unknown reach: recompute every figure
    banks: frozenset[str]  # banks whose answers, cards or whole-bank attempts changed
    modules: frozenset[str]  # modules with a lesson newly read


_ATTEMPT_COLUMNS = (
    "id, mode, title, bank_id, module_id, scope_json, seed, time_limit_seconds, "
    "time_used_seconds, started_at, finished_at, percent, timed_out, deadline"  # i18n: ignore SQL
)
_DRAFT_COLUMNS = (
    "position, bank_id, question_id, question_hash, question_type, answer_json, score, "
    "time_taken_seconds, flagged, updated_at"  # i18n: ignore SQL
)
_ANSWER_COLUMNS = (
    "id, attempt_id, bank_id, question_id, question_hash, answer_json, score, "
    "time_taken_seconds, answered_at"  # i18n: ignore SQL
)


def _attempt(row: Sequence[Any]) -> AttemptRecord:
    return AttemptRecord(
        id=row[0],
        mode=row[1],
        title=row[2],
        bank_id=row[3],
        module_id=row[4],
        scope_json=row[5],
        seed=row[6],
        time_limit_seconds=row[7],
        time_used_seconds=float(row[8]),
        started_at=from_text(row[9]),
        finished_at=None if row[10] is None else from_text(row[10]),
        percent=row[11],
        timed_out=bool(row[12]),
        deadline=None if row[13] is None else from_text(row[13]),
    )


def _draft(row: Sequence[Any]) -> DraftRecord:
    return DraftRecord(
        position=row[0],
        bank_id=row[1],
        question_id=row[2],
        question_hash=row[3],
        question_type=row[4],
        answer_json=row[5],
        score=None if row[6] is None else float(row[6]),
        time_taken_seconds=row[7],
        flagged=bool(row[8]),
        updated_at=from_text(row[9]),
    )


def _answer(row: Sequence[Any]) -> AnswerRecord:
    return AnswerRecord(
        id=row[0],
        attempt_id=row[1],
        bank_id=row[2],
        question_id=row[3],
        question_hash=row[4],
        answer_json=row[5],
        score=float(row[6]),
        time_taken_seconds=row[7],
        answered_at=from_text(row[8]),
    )


def _now() -> datetime:
    return datetime.now(UTC)


class ProgressStore:
    """The progress database of one data folder. Use ``ProgressStore.open(paths)``."""

    def __init__(self, conn: sqlite3.Connection, path: Path, notice: str | None = None) -> None:
        self._conn = conn
        self._lock = threading.RLock()
        self.path = path
        # Set when an unusable database was moved aside; the UI shows it once.
        self.notice = notice
        # True: every write is refused (a second window that chose "baca saja").
        self.read_only = False
        # The token of this window in the ``writer`` row, once it claimed writing;
        # None for stores that never claimed (the CLI, tests): they are not checked.
        self._writer_token: str | None = None
        # Why nothing reaches the disk (a read-only folder, a full disk), or None while
        # writes are saved. Set, the store runs on an in-memory copy of the database:
        # practice works as usual and the file is never touched.
        self.unsaved: str | None = None
        # A journal of writes, so a screen can recompute only the figures of what
        # changed (changes_since): a generation per write and the last one per bank
        # and module; writes of unknown reach (an import, another window) touch all.
        self._generation = 0
        self._bank_generation: dict[str, int] = {}
        self._module_generation: dict[str, int] = {}
        self._everything_generation = 0
        self._data_version: int | None = None

    @property
    def saving(self) -> bool:
        """Whether changes are written to the database file (not kept in memory only)."""
        return self.unsaved is None

    def _keep_in_memory(self, reason: str) -> None:
        """Go on with an in-memory copy of what is committed; the file is left alone."""
        disk = self._conn
        self._conn = memory_copy(disk)
        self.unsaved = reason
        disk.close()

    def _note(self, banks: Iterable[str] | None, modules: Iterable[str] = ()) -> None:
        """Journal one write: to these banks and modules, or (None) to anything."""
        with self._lock:
            self._generation += 1
            if banks is None:
                self._everything_generation = self._generation
                return
            for bank_id in banks:
                self._bank_generation[bank_id] = self._generation
            for module_id in modules:
                self._module_generation[module_id] = self._generation

    def note_change(self) -> None:
        """Say that something was written through ``connection()`` (an import, a restore)."""
        self._note(None)

    def changes_since(self, mark: int | None) -> Changes:
        """The banks and modules written since ``mark`` (None: everything, a first look).

        A commit by another connection (another window) changes SQLite's
        ``data_version`` and counts as a change to everything.
        """
        with self._lock:
            version = int(self._conn.execute("PRAGMA data_version").fetchone()[0])
            if self._data_version is not None and version != self._data_version:
                self._note(None)
            self._data_version = version
            if mark is None or self._everything_generation > mark:
                return Changes(self._generation, True, frozenset(), frozenset())
            return Changes(
                self._generation,
                False,
                frozenset(b for b, g in self._bank_generation.items() if g > mark),
                frozenset(m for m, g in self._module_generation.items() if g > mark),
            )

    @contextmanager
    def _write(
        self, banks: Iterable[str] | None = None, modules: Iterable[str] = ()
    ) -> Iterator[sqlite3.Connection]:
        """One write transaction, refused unless this window is (still) the writer.

        ``banks`` and ``modules`` are what the write changes for the journal
        (``changes_since``); None, the default, is a change to anything.

        The writer check runs under the write lock, in the same transaction as the
        write, so two windows can never both pass it; the triggers' refusal of a
        finished attempt comes back as AttemptFinished.
        """
        if self.read_only:
            raise NotWriter(
                _(
                    "Jendela ini hanya-baca karena Latsar terbuka di jendela lain; "
                    "perubahan tidak disimpan."
                )
            )
        with self._lock:
            try:
                with transaction(self._conn) as conn:
                    if self._writer_token is not None:
                        row = conn.execute("SELECT token FROM writer WHERE id = 1").fetchone()
                        if row is None or row[0] != self._writer_token:
                            self.read_only = True
                            raise NotWriter(
                                _(
                                    "Jendela Latsar lain telah mengambil alih data ini; jendela "
                                    "ini sekarang hanya-baca dan perubahan tidak disimpan."
                                )
                            )
                    yield conn
                self._note(banks, modules)
            except sqlite3.IntegrityError as error:
                if FINISHED_MESSAGE in str(error):
                    raise AttemptFinished(
                        _(
                            "Percobaan ini sudah diselesaikan (mungkin di jendela lain); "
                            "jawaban atau hasil baru tidak disimpan dan hasilnya tetap."
                        )
                    ) from error
                raise
            except (sqlite3.OperationalError, OSError) as error:
                if not self.saving or not is_disk_full(error):
                    raise
                # The transaction was rolled back: what was committed before stays in
                # the file, and the app goes on without writing to it.
                self._keep_in_memory(disk_full_notice(self.path.parent))
                raise DiskFull(disk_full_notice(self.path.parent)) from error

    def claim_writer(self, pid: int | None = None) -> None:
        """Make this window the one allowed to write (start-up, or "ambil alih")."""
        token = uuid.uuid4().hex
        with self._lock, transaction(self._conn) as conn:
            conn.execute(
                "INSERT INTO writer (id, token, pid, claimed_at) VALUES (1, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET token = excluded.token, pid = excluded.pid, "
                "claimed_at = excluded.claimed_at",
                (token, pid, to_text(_now())),
            )
        self._writer_token = token
        self.read_only = False

    @property
    def is_writer(self) -> bool:
        """Whether writes from this window are (as far as it knows) allowed."""
        return not self.read_only

    @classmethod
    def open(cls, paths: Paths | None = None) -> ProgressStore:
        """Open the store at ``paths.database`` (default: resolved paths).

        A file that is not a latsar database, or is damaged, is moved to
        ``paths.backups`` and ``notice`` says where; a database from a newer app
        version raises StoreError and is left untouched.
        """
        paths = paths or Paths.resolve()
        notice = read_only_notice(paths.data)
        if can_write(paths.database):
            try:
                conn, found = open_database(paths.database, paths.backups)
            except StoreError as error:
                if not opened_read_only(error):
                    raise
                if error.__cause__ is not None and is_disk_full(error.__cause__):
                    notice = full_at_start_notice(paths.data)
            else:
                return cls(conn, paths.database, found)
        # A folder (or file) that cannot be written, or no room to start: read what is
        # there, keep the rest in memory, and say so.
        store = cls(open_read_only(paths.database), paths.database, notice)
        store.unsaved = notice
        return store

    def close(self) -> None:
        """Close the connection (everything is already committed)."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- attempts ---------------------------------------------------------------------

    def create_attempt(
        self,
        *,
        mode: str,
        title: str,
        scope_json: str,
        seed: int,
        items: Sequence[AttemptItem],
        bank_id: str | None = None,
        module_id: str | None = None,
        time_limit_seconds: int | None = None,
        started_at: datetime | None = None,
        deadline: datetime | None = None,
    ) -> int:
        """Record a new attempt and its questions in order, in one transaction."""
        with self._write(banks=()) as conn:
            cursor = conn.execute(
                "INSERT INTO attempts (mode, title, bank_id, module_id, scope_json, seed, "
                "time_limit_seconds, started_at, uuid, deadline) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    mode,
                    title,
                    bank_id,
                    module_id,
                    scope_json,
                    seed,
                    time_limit_seconds,
                    to_text(started_at or _now()),
                    uuid.uuid4().hex,
                    None if deadline is None else to_text(deadline),
                ),
            )
            attempt_id = cursor.lastrowid
            assert attempt_id is not None
            conn.executemany(
                "INSERT INTO attempt_items (attempt_id, position, bank_id, question_id, "
                "question_hash, option_order_json) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (
                        attempt_id,
                        item.position,
                        item.bank_id,
                        item.question_id,
                        item.question_hash,
                        json.dumps(list(item.option_order)),
                    )
                    for item in items
                ],
            )
            return attempt_id

    def attempt(self, attempt_id: int) -> AttemptRecord | None:
        """The attempt with this id, or None."""
        with self._lock:
            row = self._conn.execute(
                f"SELECT {_ATTEMPT_COLUMNS} FROM attempts WHERE id = ?", (attempt_id,)
            ).fetchone()
        return None if row is None else _attempt(row)

    def attempt_items(self, attempt_id: int) -> list[AttemptItem]:
        """The attempt's questions in session order."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT position, bank_id, question_id, question_hash, option_order_json "
                "FROM attempt_items WHERE attempt_id = ? ORDER BY position",
                (attempt_id,),
            ).fetchall()
        return [
            AttemptItem(
                position=row[0],
                bank_id=row[1],
                question_id=row[2],
                question_hash=row[3],
                option_order=tuple(json.loads(row[4])),
            )
            for row in rows
        ]

    def unfinished_attempts(self) -> list[AttemptRecord]:
        """Attempts not yet finished, the most recently started first."""
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {_ATTEMPT_COLUMNS} FROM attempts WHERE finished_at IS NULL "
                "ORDER BY started_at DESC, id DESC"
            ).fetchall()
        return [_attempt(row) for row in rows]

    def finished_attempts(self, limit: int = 50) -> list[AttemptRecord]:
        """Finished attempts, the most recently finished first."""
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {_ATTEMPT_COLUMNS} FROM attempts WHERE finished_at IS NOT NULL "
                "ORDER BY finished_at DESC, id DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [_attempt(row) for row in rows]

    def finish_attempt(
        self,
        attempt_id: int,
        finished_at: datetime,
        percent: float,
        timed_out: bool,
        *,
        time_used_seconds: float | None = None,
    ) -> None:
        """Mark the attempt finished with its result (and its final time used).

        Raises AttemptFinished when it was already finished (by this or another
        window): a finished attempt's result is never replaced.
        """
        bank = self._attempt_bank(attempt_id)
        with self._write(banks=bank) as conn:
            row = conn.execute(
                "SELECT finished_at FROM attempts WHERE id = ?", (attempt_id,)
            ).fetchone()
            if row is None:
                raise StoreError(_("Sesi {id} tidak ditemukan").format(id=attempt_id))
            # The trigger would refuse too; checking here gives the same error for a
            # second finish that happens to carry identical values.
            if row[0] is not None:
                raise sqlite3.IntegrityError(FINISHED_MESSAGE)
            conn.execute(
                "UPDATE attempts SET finished_at = ?, percent = ?, timed_out = ?, "
                "time_used_seconds = coalesce(?, time_used_seconds) WHERE id = ?",
                (to_text(finished_at), percent, int(timed_out), time_used_seconds, attempt_id),
            )

    def _attempt_bank(self, attempt_id: int) -> tuple[str, ...]:
        """The attempt's bank, whose best and last scores its result changes (or none)."""
        with self._lock:
            row = self._conn.execute(
                "SELECT bank_id FROM attempts WHERE id = ?", (attempt_id,)
            ).fetchone()
        return () if row is None or row[0] is None else (str(row[0]),)

    def update_time_used(self, attempt_id: int, seconds: float) -> None:
        """Persist how much exam time the attempt has used so far (unfinished only)."""
        with self._write(banks=()) as conn:
            conn.execute(
                "UPDATE attempts SET time_used_seconds = ? WHERE id = ? AND finished_at IS NULL",
                (seconds, attempt_id),
            )

    # --- exam answers before submission ----------------------------------------------

    def _refuse_if_finished(self, conn: sqlite3.Connection, attempt_id: int) -> None:
        row = conn.execute(
            "SELECT finished_at FROM attempts WHERE id = ?", (attempt_id,)
        ).fetchone()
        if row is None:
            raise StoreError(_("Sesi {id} tidak ditemukan").format(id=attempt_id))
        if row[0] is not None:
            raise StoreError(
                _("Sesi {id} sudah dikirim; jawabannya tidak dapat diubah").format(id=attempt_id)
            )

    def save_draft(
        self,
        attempt_id: int,
        item: AttemptItem,
        *,
        question_type: str | None,
        answer_json: str | None,
        score: float | None,
        at: datetime,
        time_taken_seconds: float | None = None,
        time_used_seconds: float | None = None,
    ) -> None:
        """Keep (or replace) an exam question's answer; its flag stays as it was.

        Committed before returning and refused once the attempt is finished, so the
        answer standing at submission is the last one saved, never a later one.
        """
        with self._write() as conn:
            self._refuse_if_finished(conn, attempt_id)
            conn.execute(
                f"INSERT INTO exam_drafts (attempt_id, {_DRAFT_COLUMNS}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?) "
                "ON CONFLICT (attempt_id, position) DO UPDATE SET "
                "question_type = excluded.question_type, answer_json = excluded.answer_json, "
                "score = excluded.score, time_taken_seconds = excluded.time_taken_seconds, "
                "updated_at = excluded.updated_at",
                (
                    attempt_id,
                    item.position,
                    item.bank_id,
                    item.question_id,
                    item.question_hash,
                    question_type,
                    answer_json,
                    score,
                    time_taken_seconds,
                    to_text(at),
                ),
            )
            # A standing answer supersedes a case's half path; a cleared one starts
            # the case again from its first step.
            conn.execute(
                "DELETE FROM pending_branch WHERE attempt_id = ? AND position = ?",
                (attempt_id, item.position),
            )
            if time_used_seconds is not None:
                conn.execute(
                    "UPDATE attempts SET time_used_seconds = ? WHERE id = ?",
                    (time_used_seconds, attempt_id),
                )

    def set_flag(self, attempt_id: int, item: AttemptItem, flagged: bool, at: datetime) -> None:
        """Mark an exam question ragu-ragu (or not); its answer stays as it was."""
        with self._write() as conn:
            self._refuse_if_finished(conn, attempt_id)
            conn.execute(
                "INSERT INTO exam_drafts (attempt_id, position, bank_id, question_id, "
                "question_hash, flagged, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (attempt_id, position) DO UPDATE SET flagged = excluded.flagged",
                (
                    attempt_id,
                    item.position,
                    item.bank_id,
                    item.question_id,
                    item.question_hash,
                    int(flagged),
                    to_text(at),
                ),
            )

    def drafts(self, attempt_id: int) -> dict[int, DraftRecord]:
        """An unsubmitted exam's standing answers and flags, by position."""
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {_DRAFT_COLUMNS} FROM exam_drafts WHERE attempt_id = ?", (attempt_id,)
            ).fetchall()
        return {row[0]: _draft(row) for row in rows}

    def answered_count(self, attempt_id: int) -> int:
        """Questions of the attempt answered so far (recorded, or standing in an exam)."""
        with self._lock:
            row = self._conn.execute(
                "SELECT (SELECT count(DISTINCT bank_id || '/' || question_id) FROM answers "
                "WHERE attempt_id = ?1) + (SELECT count(*) FROM exam_drafts "
                "WHERE attempt_id = ?1 AND answer_json IS NOT NULL)",
                (attempt_id,),
            ).fetchone()
        return int(row[0])

    def submit_drafts(
        self,
        attempt_id: int,
        finished_at: datetime,
        *,
        timed_out: bool,
        time_used_seconds: float | None = None,
    ) -> float:
        """Submit an exam: its standing answers are scored, recorded and reviewed.

        In one transaction: every standing answer becomes an answer row and updates
        its question's review card (rated at the time it was last changed), the
        attempt is finished with percent = points / questions, and the drafts go.
        Refused for an attempt already finished. Returns the percent.
        """
        bank = self._attempt_bank(attempt_id)
        with self._write(banks=()) as conn:  # journaled by the _note below
            self._refuse_if_finished(conn, attempt_id)
            rows = conn.execute(
                f"SELECT {_DRAFT_COLUMNS} FROM exam_drafts WHERE attempt_id = ? "
                "AND answer_json IS NOT NULL ORDER BY updated_at, position",
                (attempt_id,),
            ).fetchall()
            total = conn.execute(
                "SELECT count(*) FROM attempt_items WHERE attempt_id = ?", (attempt_id,)
            ).fetchone()[0]
            points = 0.0
            for draft in map(_draft, rows):
                assert draft.answer_json is not None and draft.score is not None
                answer_uuid = uuid.uuid4().hex
                moment = review_time(conn, draft.bank_id, draft.question_id, draft.updated_at)
                conn.execute(
                    f"INSERT INTO answers ({_ANSWER_COLUMNS.removeprefix('id, ')}, uuid) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        attempt_id,
                        draft.bank_id,
                        draft.question_id,
                        draft.question_hash,
                        draft.answer_json,
                        draft.score,
                        draft.time_taken_seconds,
                        to_text(moment),
                        answer_uuid,
                    ),
                )
                apply_answer(
                    conn,
                    bank_id=draft.bank_id,
                    question_id=draft.question_id,
                    score=draft.score,
                    answered_at=moment,
                    answer_uuid=answer_uuid,
                    time_taken_seconds=draft.time_taken_seconds,
                    question_type=draft.question_type,
                )
                points += draft.score
            percent = 100.0 * points / total if total else 0.0
            conn.execute(
                "UPDATE attempts SET finished_at = ?, percent = ?, timed_out = ?, "
                "time_used_seconds = coalesce(?, time_used_seconds) WHERE id = ?",
                (to_text(finished_at), percent, int(timed_out), time_used_seconds, attempt_id),
            )
            conn.execute("DELETE FROM exam_drafts WHERE attempt_id = ?", (attempt_id,))
            conn.execute("DELETE FROM pending_branch WHERE attempt_id = ?", (attempt_id,))
        self._note({draft.bank_id for draft in map(_draft, rows)} | set(bank))
        return percent

    def expired_exams(self, now: datetime) -> list[AttemptRecord]:
        """Unfinished attempts whose wall-clock deadline has passed."""
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {_ATTEMPT_COLUMNS} FROM attempts WHERE finished_at IS NULL "
                "AND deadline IS NOT NULL AND deadline <= ? ORDER BY id",
                (to_text(now),),
            ).fetchall()
        return [_attempt(row) for row in rows]

    # --- branching cases still unfolding ----------------------------------------------

    def save_pending_branch(
        self,
        attempt_id: int,
        position: int,
        choices: Sequence[int],
        at: datetime | None = None,
    ) -> None:
        """Keep the choices made so far in the attempt's branching case at ``position``."""
        with self._write(banks=()) as conn:
            conn.execute(
                "INSERT INTO pending_branch (attempt_id, position, choices_json, updated_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (attempt_id, position) DO UPDATE SET "
                "choices_json = excluded.choices_json, updated_at = excluded.updated_at",
                (attempt_id, position, json.dumps(list(choices)), to_text(at or _now())),
            )

    def pending_branches(self, attempt_id: int) -> dict[int, tuple[int, ...]]:
        """The attempt's unfinished branching paths: position -> choices so far."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT position, choices_json FROM pending_branch WHERE attempt_id = ?",
                (attempt_id,),
            ).fetchall()
        found: dict[int, tuple[int, ...]] = {}
        for position, text in rows:
            try:
                choices = json.loads(text)
            except ValueError:
                continue  # unreadable: the case starts again from its first step
            if isinstance(choices, list) and all(
                isinstance(c, int) and not isinstance(c, bool) for c in choices
            ):
                found[int(position)] = tuple(choices)
        return found

    def clear_pending_branch(self, attempt_id: int, position: int | None = None) -> None:
        """Forget the path kept for one position (or every position of the attempt)."""
        with self._write(banks=()) as conn:
            if position is None:
                conn.execute("DELETE FROM pending_branch WHERE attempt_id = ?", (attempt_id,))
            else:
                conn.execute(
                    "DELETE FROM pending_branch WHERE attempt_id = ? AND position = ?",
                    (attempt_id, position),
                )

    # --- xAPI statements the LRS has confirmed ------------------------------------------

    def sent_statement_ids(self) -> set[str]:
        """Ids of the xAPI statements an LRS has confirmed (see ``xapi.sync``)."""
        with self._lock:
            rows = self._conn.execute("SELECT statement_id FROM xapi_sent").fetchall()
        return {row[0] for row in rows}

    def mark_statements_sent(self, statement_ids: Sequence[str], at: datetime) -> None:
        """Record, in one transaction, that the LRS confirmed these statements."""
        with self._write() as conn:
            conn.executemany(
                "INSERT OR IGNORE INTO xapi_sent (statement_id, sent_at) VALUES (?, ?)",
                [(statement_id, to_text(at)) for statement_id in statement_ids],
            )

    # --- answers ----------------------------------------------------------------------

    def record_answer(
        self,
        *,
        bank_id: str,
        question_id: str,
        question_hash: str,
        answer_json: str,
        score: float,
        attempt_id: int | None = None,
        time_taken_seconds: float | None = None,
        answered_at: datetime | None = None,
        time_used_seconds: float | None = None,
        question_type: str | None = None,
        position: int | None = None,
    ) -> int:
        """Record one answer, committed before returning; returns its id.

        With ``time_used_seconds`` the attempt's time used is updated in the same
        transaction, so the clock and the answer can never disagree after a crash.
        The question's review card is updated in that transaction too, whatever the
        mode (``question_type`` decides what counts as a quick answer; see
        ``review.scheduling.rating_for``). With ``attempt_id`` and ``position`` (the
        question's place in the attempt) a branching path kept for that place by
        :meth:`save_pending_branch` is dropped in the same transaction.
        """
        answer_uuid = uuid.uuid4().hex
        with self._write(banks=(bank_id,)) as conn:
            # Read under the write lock: an answer that waited for another process's
            # answer to the same question is reviewed after it, never before.
            moment = review_time(conn, bank_id, question_id, answered_at or _now())
            cursor = conn.execute(
                f"INSERT INTO answers ({_ANSWER_COLUMNS.removeprefix('id, ')}, uuid) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    attempt_id,
                    bank_id,
                    question_id,
                    question_hash,
                    answer_json,
                    score,
                    time_taken_seconds,
                    to_text(moment),
                    answer_uuid,
                ),
            )
            apply_answer(
                conn,
                bank_id=bank_id,
                question_id=question_id,
                score=score,
                answered_at=moment,
                answer_uuid=answer_uuid,
                time_taken_seconds=time_taken_seconds,
                question_type=question_type,
            )
            if time_used_seconds is not None and attempt_id is not None:
                conn.execute(
                    "UPDATE attempts SET time_used_seconds = ? "
                    "WHERE id = ? AND finished_at IS NULL",
                    (time_used_seconds, attempt_id),
                )
            if position is not None and attempt_id is not None:
                conn.execute(
                    "DELETE FROM pending_branch WHERE attempt_id = ? AND position = ?",
                    (attempt_id, position),
                )
            answer_id = cursor.lastrowid
            assert answer_id is not None
            return answer_id

    def answers_for_attempt(self, attempt_id: int) -> list[AnswerRecord]:
        """The attempt's answers in the order given."""
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {_ANSWER_COLUMNS} FROM answers WHERE attempt_id = ? ORDER BY id",
                (attempt_id,),
            ).fetchall()
        return [_answer(row) for row in rows]

    def answers_for_question(self, bank_id: str, question_id: str) -> list[AnswerRecord]:
        """Every answer ever given to one question, oldest first."""
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {_ANSWER_COLUMNS} FROM answers WHERE bank_id = ? AND question_id = ? "
                "ORDER BY answered_at, id",
                (bank_id, question_id),
            ).fetchall()
        return [_answer(row) for row in rows]

    # --- review cards -----------------------------------------------------------------

    def card(self, bank_id: str, question_id: str) -> CardRecord | None:
        """The question's review card, or None if it was never answered."""
        with self._lock:
            row = self._conn.execute(
                f"SELECT {CARD_COLUMNS} FROM cards WHERE bank_id = ? AND question_id = ?",
                (bank_id, question_id),
            ).fetchone()
        return None if row is None else card_from_row(row)

    def cards(self) -> list[CardRecord]:
        """Every review card (one per question ever answered)."""
        with self._lock:
            rows = self._conn.execute(f"SELECT {CARD_COLUMNS} FROM cards").fetchall()
        return [card_from_row(row) for row in rows]

    def review_logs(self) -> list[ReviewLog]:
        """Every review as an fsrs ReviewLog, oldest first (input for fsrs's Optimizer)."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT card_id, rating, review_datetime, review_duration FROM review_logs "
                "ORDER BY review_datetime, id"
            ).fetchall()
        return [ReviewLog(row[0], Rating(row[1]), from_text(row[2]), row[3]) for row in rows]

    @contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        """The connection, held exclusively, for the review package's aggregate queries.

        Writers must wrap their statements in ``db.transaction`` and call
        ``note_change`` afterwards, so screens showing figures recompute them.
        """
        with self._lock:
            yield self._conn

    # --- lessons ----------------------------------------------------------------------

    def mark_lesson_read(self, module_id: str, lesson_id: str, at: datetime | None = None) -> None:
        """Record that a lesson was read (each reading is kept, with its time)."""
        with self._write(banks=(), modules=(module_id,)) as conn:
            conn.execute(
                "INSERT INTO lesson_reads (module_id, lesson_id, read_at) VALUES (?, ?, ?)",
                (module_id, lesson_id, to_text(at or _now())),
            )

    def lessons_read(self, module_id: str) -> set[str]:
        """Ids of the module's lessons read at least once."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT DISTINCT lesson_id FROM lesson_reads WHERE module_id = ?", (module_id,)
            ).fetchall()
        return {row[0] for row in rows}

    # --- aggregates -------------------------------------------------------------------

    def bank_scores(self, bank_ids: Iterable[str] | None = None) -> dict[str, BankScore]:
        """Best and last percent per bank, over finished whole-bank attempts.

        With ``bank_ids``, only those banks (the home screen's refresh after an answer).
        """
        only = None if bank_ids is None else json.dumps(sorted(bank_ids))
        with self._lock:
            rows = self._conn.execute(
                """
                WITH done AS (
                    SELECT bank_id, percent,
                           row_number() OVER (
                               PARTITION BY bank_id ORDER BY finished_at DESC, id DESC
                           ) AS recency
                    FROM attempts
                    WHERE bank_id IS NOT NULL AND finished_at IS NOT NULL
                          AND percent IS NOT NULL
                          AND (:only IS NULL OR bank_id IN (SELECT value FROM json_each(:only)))
                )
                SELECT bank_id, max(percent), max(CASE WHEN recency = 1 THEN percent END),
                       count(*)
                FROM done GROUP BY bank_id
                """,
                {"only": only},
            ).fetchall()
        return {
            row[0]: BankScore(best_percent=row[1], last_percent=row[2], attempts=row[3])
            for row in rows
        }

"""The SQLite file behind the progress store: connection, pragmas, schema migrations.

A database that is not ours, or is damaged, is moved aside to ``Paths.backups`` (never
deleted) and a new one is started; one written by a *newer* version of the app is left
alone and refused, because migrating down would lose what that version stored.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from latsar_tui.fileio import make_private
from latsar_tui.i18n import _

# Written to the SQLite header (PRAGMA application_id) so a latsar database can be
# told from any other SQLite file: the ASCII bytes "LtsR".
APPLICATION_ID = 0x4C747352

BUSY_TIMEOUT_MS = 5000

# SQLite primary result codes that mean "this file is damaged or not a database".
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26
# ... and the ones that mean "this file or folder cannot be written" or "no space left".
_SQLITE_READONLY = 8
_SQLITE_CANTOPEN = 14
_SQLITE_FULL = 13


class StoreError(Exception):
    """The progress database cannot be used (newer schema, unreadable folder, ...)."""


# The message the one-writer triggers raise; ProgressStore turns it into
# AttemptFinished so the screen can say why the answer was not kept.
FINISHED_MESSAGE = "latsar: attempt already finished"  # i18n: ignore matched, never shown


Migration = Callable[[sqlite3.Connection], None]


def _run(conn: sqlite3.Connection, statements: Sequence[str]) -> None:
    # Statement by statement: executescript() would COMMIT the migration's
    # transaction half-way.
    for statement in statements:
        conn.execute(statement)


def _v1_initial(conn: sqlite3.Connection) -> None:
    """Attempts, their questions in order, answers and lesson reads."""
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    _run(
        conn,
        [
            """
            CREATE TABLE attempts (
                id INTEGER PRIMARY KEY,
                mode TEXT NOT NULL,
                title TEXT NOT NULL,
                bank_id TEXT,               -- set only when the scope is one whole bank
                module_id TEXT,
                scope_json TEXT NOT NULL,
                seed INTEGER NOT NULL,
                time_limit_seconds INTEGER,
                time_used_seconds REAL NOT NULL DEFAULT 0,
                started_at TEXT NOT NULL,   -- ISO-8601 UTC
                finished_at TEXT,
                percent REAL,
                timed_out INTEGER NOT NULL DEFAULT 0 CHECK (timed_out IN (0, 1))
            )
            """,
            "CREATE INDEX attempts_finished_at ON attempts (finished_at)",
            "CREATE INDEX attempts_bank ON attempts (bank_id, finished_at)",
            """
            CREATE TABLE attempt_items (
                attempt_id INTEGER NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                bank_id TEXT NOT NULL,
                question_id TEXT NOT NULL,
                question_hash TEXT NOT NULL,
                option_order_json TEXT NOT NULL,
                PRIMARY KEY (attempt_id, position)
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE answers (
                id INTEGER PRIMARY KEY,
                attempt_id INTEGER REFERENCES attempts (id) ON DELETE SET NULL,
                bank_id TEXT NOT NULL,
                question_id TEXT NOT NULL,
                question_hash TEXT NOT NULL,
                answer_json TEXT NOT NULL,
                score REAL NOT NULL CHECK (score >= 0 AND score <= 1),
                time_taken_seconds REAL,
                answered_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX answers_question ON answers (bank_id, question_id)",
            "CREATE INDEX answers_answered_at ON answers (answered_at)",
            "CREATE INDEX answers_attempt ON answers (attempt_id)",
            """
            CREATE TABLE lesson_reads (
                module_id TEXT NOT NULL,
                lesson_id TEXT NOT NULL,
                read_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX lesson_reads_lesson ON lesson_reads (module_id, lesson_id)",
        ],
    )


# A random 128-bit id in hex, for rows that had none (import matches rows by it).
_RANDOM_ID = "lower(hex(randomblob(16)))"


def _v2_review(conn: sqlite3.Connection) -> None:
    """Spaced review: a stable uuid per answer and attempt, FSRS cards, review logs.

    The uuids let ``latsar progress import`` merge two histories without counting an
    answer twice; rows inserted without one get a random one from a trigger. Cards
    for answers given before this version are rebuilt by replaying those answers
    through the scheduler (``store.cards.backfill``).
    """
    # Imported here: the scheduler (fsrs) is only needed by this one migration.
    from latsar_tui.store.cards import backfill  # noqa: PLC0415

    statements = []
    for table in ("answers", "attempts"):
        statements += [
            f"ALTER TABLE {table} ADD COLUMN uuid TEXT",
            f"UPDATE {table} SET uuid = {_RANDOM_ID} WHERE uuid IS NULL",
            f"CREATE UNIQUE INDEX {table}_uuid ON {table} (uuid)",
            f"""
            CREATE TRIGGER {table}_uuid_default AFTER INSERT ON {table}
            WHEN NEW.uuid IS NULL
            BEGIN
                UPDATE {table} SET uuid = {_RANDOM_ID} WHERE id = NEW.id;
            END
            """,
        ]
    statements += [
        """
        CREATE TABLE cards (
            bank_id TEXT NOT NULL,
            question_id TEXT NOT NULL,
            card_id INTEGER NOT NULL,
            state INTEGER NOT NULL,       -- fsrs.State: 1 learning, 2 review, 3 relearning
            step INTEGER,
            stability REAL,
            difficulty REAL,
            due TEXT NOT NULL,            -- ISO-8601 UTC, as db.to_text writes it
            last_review TEXT,
            reps INTEGER NOT NULL DEFAULT 0,
            lapses INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (bank_id, question_id)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX cards_due ON cards (due)",
        """
        CREATE TABLE review_logs (
            id INTEGER PRIMARY KEY,
            card_id INTEGER NOT NULL,
            bank_id TEXT NOT NULL,
            question_id TEXT NOT NULL,
            rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
            review_datetime TEXT NOT NULL,
            review_duration INTEGER,      -- milliseconds, as fsrs keeps it
            state_before INTEGER NOT NULL, -- 0 for a card never reviewed before
            due_before TEXT,
            answer_uuid TEXT UNIQUE       -- the answer that caused the review
        )
        """,
        "CREATE INDEX review_logs_time ON review_logs (review_datetime)",
        "CREATE INDEX review_logs_card ON review_logs (bank_id, question_id, review_datetime)",
        "CREATE INDEX answers_question_time ON answers (bank_id, question_id, answered_at)",
    ]
    _run(conn, statements)
    backfill(conn)


def _v3_covering_indexes(conn: sqlite3.Connection) -> None:
    """Indexes that hold every column the statistics read, so they never touch rows.

    Each question's last score and the answers per day are read from these alone;
    the narrower indexes they replace are dropped so an answer is not indexed twice.
    """
    _run(
        conn,
        [
            "CREATE INDEX answers_last_score ON answers (bank_id, question_id, answered_at, score)",
            "CREATE INDEX answers_time_score ON answers (answered_at, score)",
            "DROP INDEX answers_question_time",
            "DROP INDEX answers_answered_at",
            "DROP INDEX answers_question",
        ],
    )


def _v4_pending_branch(conn: sqlite3.Connection) -> None:
    """The steps taken so far in a branching case that has not reached its end.

    A branching answer is scored and recorded only when the case ends; until then
    each choice is kept here, so quitting mid-case and resuming continues at the
    next step. The row goes when the final answer is recorded (or the attempt ends).
    """
    _run(
        conn,
        [
            """
            CREATE TABLE pending_branch (
                attempt_id INTEGER NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                choices_json TEXT NOT NULL,   -- JSON list of choice indices from start
                updated_at TEXT NOT NULL,
                PRIMARY KEY (attempt_id, position)
            ) WITHOUT ROWID
            """,
        ],
    )


def _v5_xapi_sent(conn: sqlite3.Connection) -> None:
    """Which xAPI statements the LRS has confirmed, so ``latsar sinkron`` sends the rest.

    Statements are rebuilt from answers and attempts on every run (their ids are
    name-based uuids of the stored uuids), so only the confirmation is kept here: a
    statement absent from this table is still waiting to be sent.
    """
    _run(
        conn,
        [
            """
            CREATE TABLE xapi_sent (
                statement_id TEXT PRIMARY KEY,
                sent_at TEXT NOT NULL         -- ISO-8601 UTC, when the LRS confirmed it
            ) WITHOUT ROWID
            """,
        ],
    )


def _v6_one_writer(conn: sqlite3.Connection) -> None:
    """A finished attempt is closed for good, and one window at a time may write.

    Triggers refuse, inside SQLite itself, an answer (or a branching step) into an
    attempt that is already finished and any change to a finished attempt's result,
    so a second copy of the app on the same folder cannot overwrite what the first
    finished. The ``writer`` row names the window allowed to write; a window that was
    taken over finds another token there, checked in the same transaction as its write.
    """
    refuse = f"SELECT RAISE(ABORT, '{FINISHED_MESSAGE}')"
    finished = (
        "EXISTS (SELECT 1 FROM attempts WHERE id = NEW.attempt_id "  # i18n: ignore SQL
        "AND finished_at IS NOT NULL)"
    )
    _run(
        conn,
        [
            f"""
            CREATE TRIGGER answers_closed_attempt BEFORE INSERT ON answers
            WHEN NEW.attempt_id IS NOT NULL AND {finished}
            BEGIN {refuse}; END
            """,
            f"""
            CREATE TRIGGER answers_closed_attempt_update BEFORE UPDATE ON answers
            WHEN NEW.attempt_id IS NOT NULL AND {finished}
                 AND (NEW.score IS NOT OLD.score OR NEW.answer_json IS NOT OLD.answer_json
                      OR NEW.attempt_id IS NOT OLD.attempt_id)
            BEGIN {refuse}; END
            """,
            f"""
            CREATE TRIGGER pending_branch_closed_attempt BEFORE INSERT ON pending_branch
            WHEN {finished}
            BEGIN {refuse}; END
            """,
            f"""
            CREATE TRIGGER pending_branch_closed_attempt_update BEFORE UPDATE ON pending_branch
            WHEN {finished}
            BEGIN {refuse}; END
            """,
            f"""
            CREATE TRIGGER attempts_result_final BEFORE UPDATE ON attempts
            WHEN OLD.finished_at IS NOT NULL
                 AND (NEW.finished_at IS NOT OLD.finished_at OR NEW.percent IS NOT OLD.percent
                      OR NEW.timed_out IS NOT OLD.timed_out
                      OR NEW.time_used_seconds IS NOT OLD.time_used_seconds)
            BEGIN {refuse}; END
            """,
            """
            CREATE TABLE writer (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                token TEXT NOT NULL,
                pid INTEGER,
                claimed_at TEXT NOT NULL
            )
            """,
        ],
    )


def _v7_exam_drafts(conn: sqlite3.Connection) -> None:
    """Exams like the CAT: a wall-clock deadline, and answers that stay changeable.

    ``attempts.deadline`` is when an exam's time ends, whether or not the app is open
    (NULL: no deadline, or an attempt from before this version, whose clock paused).
    An exam's answers are kept in ``exam_drafts``, one row per question, replaced at
    every change and flagged *ragu-ragu* or not; only at submission do the standing
    answers go to ``answers`` and the review cards, in one transaction.
    """
    _run(
        conn,
        [
            "ALTER TABLE attempts ADD COLUMN deadline TEXT",
            """
            CREATE TABLE exam_drafts (
                attempt_id INTEGER NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                bank_id TEXT NOT NULL,
                question_id TEXT NOT NULL,
                question_hash TEXT NOT NULL,
                question_type TEXT,
                answer_json TEXT,             -- NULL: not answered (perhaps only flagged)
                score REAL,
                time_taken_seconds REAL,
                flagged INTEGER NOT NULL DEFAULT 0,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (attempt_id, position)
            ) WITHOUT ROWID
            """,
        ],
    )


# MIGRATIONS[i] takes the schema from version i to version i + 1, inside one
# transaction. Append new ones at the end; never edit one that has shipped. A
# migration must use conn.execute only (no executescript, no COMMIT).
MIGRATIONS: list[Migration] = [
    _v1_initial,
    _v2_review,
    _v3_covering_indexes,
    _v4_pending_branch,
    _v5_xapi_sent,
    _v6_one_writer,
    _v7_exam_drafts,
]


def schema_version() -> int:
    """The schema version this code writes (and the newest it can read)."""
    return len(MIGRATIONS)


def to_text(moment: datetime) -> str:
    """A timestamp as stored: ISO-8601 in UTC, fixed width, so text order is time order."""
    if moment.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware")  # i18n: ignore a code error
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_text(text: str) -> datetime:
    """A stored timestamp back as a tz-aware UTC datetime."""
    return datetime.fromisoformat(text).astimezone(UTC)


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction, committed on success and rolled back on error.

    BEGIN IMMEDIATE takes the write lock up front, so a second running copy of the
    app waits (busy timeout) instead of failing half-way through.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        # SQLite rolls some failures back by itself (a full disk, for one): a second
        # ROLLBACK would raise and hide the error that matters. A COMMIT that failed
        # leaves the transaction open, holding the write lock, unless rolled back here.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: the sqlite3 module opens no hidden transactions, so each
    # single statement commits at once and multi-statement writes use transaction().
    # check_same_thread=False: the UI may call from a worker thread; ProgressStore
    # serialises access with a lock.
    conn = sqlite3.connect(
        path,
        timeout=BUSY_TIMEOUT_MS / 1000,
        isolation_level=None,
        check_same_thread=False,
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    # The database holds the trainee's NIP and every answer: owner only, WAL files too
    # (they exist once the first write happened; _configure runs it again).
    for suffix in ("", "-wal", "-shm"):
        make_private(path.with_name(path.name + suffix))
    return conn


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA journal_mode = WAL")
    # In WAL mode a committed transaction survives the process being killed even with
    # synchronous=NORMAL (the WAL frames are in the OS's hands once COMMIT returns).
    # FULL adds an fsync per commit, which also survives a power cut or an OS crash
    # (a trainee's laptop running out of battery). Answers come at human pace, so the
    # few milliseconds per commit cost nothing a learner can notice.
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")


def _inspect(conn: sqlite3.Connection, path: Path) -> str | None:
    """Why an existing file cannot be used (Indonesian, for the notice), or None.

    Raises StoreError for a latsar database newer than this code, and lets
    sqlite3.DatabaseError through for a file SQLite cannot read at all.
    """
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    objects = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if app_id != APPLICATION_ID:
        if app_id == 0 and version == 0 and objects == 0:
            return None  # an empty file: a new database
        return _("bukan basis data Latsar")
    if version > schema_version():
        raise StoreError(
            _(
                "Basis data progres {path} dibuat oleh versi Latsar TUI yang lebih baru "
                "(skema {version}, versi ini mengenal sampai {known}). "
                "Perbarui aplikasi; berkas itu tidak diubah."
            ).format(path=path, version=version, known=schema_version())
        )
    rows = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
    if rows != ["ok"]:
        return _("rusak")
    return None


def _problem_with(path: Path) -> str | None:
    """Inspect an existing file through a read-only connection.

    Read-only, because a read-write connection to a file that turns out not to be
    ours would, on closing, checkpoint or delete a -wal file beside it: the file must
    reach the backup folder exactly as it was.
    """
    try:
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000
        )
    except sqlite3.Error as error:
        raise StoreError(_cannot_open(path, error)) from error
    try:
        return _inspect(conn, path)
    except sqlite3.DatabaseError as error:
        if not _is_damage(error):
            raise StoreError(_cannot_open(path, error)) from error
        return _("rusak atau bukan berkas SQLite")
    finally:
        conn.close()


def _cannot_open(path: Path, error: Exception) -> str:
    return _("Basis data progres {path} tidak dapat dibuka: {error}").format(path=path, error=error)


def _is_damage(error: sqlite3.DatabaseError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        text = str(error).lower()
        return "not a database" in text or "malformed" in text
    return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


def _move_aside(path: Path, backups: Path, now: datetime) -> Path:
    """Move the database and its -wal/-shm files to a timestamped backup name."""
    backups.mkdir(parents=True, exist_ok=True)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = backups / f"progress-{stamp}.sqlite3"
    counter = 1
    while any(Path(f"{target}{suffix}").exists() for suffix in ("", "-wal", "-shm")):
        # Two moves in the same second must not overwrite the first backup.
        target = backups / f"progress-{stamp}-{counter}.sqlite3"
        counter += 1
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{path}{suffix}")
        if source.exists():
            shutil.move(source, Path(f"{target}{suffix}"))
            make_private(Path(f"{target}{suffix}"))
    return target


def migrate(conn: sqlite3.Connection) -> int:
    """Apply every missing migration, one transaction each; returns the final version.

    The version is re-read under the write lock, so two copies of the app starting
    at once never apply the same migration twice.
    """
    while True:
        with transaction(conn):
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > schema_version():
                raise StoreError(
                    _("skema basis data {version} lebih baru dari yang dikenal ({known})").format(
                        version=version, known=schema_version()
                    )
                )
            if version == schema_version():
                return int(version)
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")


def open_database(
    path: Path, backups: Path, now: datetime | None = None
) -> tuple[sqlite3.Connection, str | None]:
    """Open (creating or migrating) the progress database.

    Returns the connection and a notice (for the user, translated) when an unusable
    file was moved aside, else None.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(
            _("Folder data {folder} tidak dapat dibuat: {error}").format(
                folder=path.parent, error=error
            )
        ) from error
    notice: str | None = None
    problem = _problem_with(path) if path.exists() else None
    if problem is not None:
        backup = _move_aside(path, backups, now or datetime.now())
        notice = _(
            "Berkas progres {path} tidak dapat dipakai ({problem}). Berkas itu tidak "
            "dihapus, melainkan dipindahkan ke {backup}. Progres baru dimulai dari awal."
        ).format(path=path, problem=problem, backup=backup)
    try:
        conn = _connect(path)
    except sqlite3.Error as error:
        raise StoreError(_cannot_open(path, error)) from error
    try:
        _configure(conn)
        migrate(conn)
    except sqlite3.Error as error:
        conn.close()
        raise StoreError(
            _("Basis data progres {path} tidak dapat disiapkan: {error}").format(
                path=path, error=error
            )
        ) from error
    except BaseException:
        conn.close()
        raise
    for suffix in ("", "-wal", "-shm"):  # the WAL files exist only after the first write
        make_private(Path(f"{path}{suffix}"))
    return conn, notice


def is_disk_full(error: BaseException) -> bool:
    """Whether a write failed because the disk (or the folder's quota) is full."""
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        if code is not None:
            return bool(code & 0xFF == _SQLITE_FULL)
        return "disk is full" in str(error).lower()
    return isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT)


def _is_read_only(error: BaseException) -> bool:
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        if code is not None:
            return code & 0xFF in (_SQLITE_READONLY, _SQLITE_CANTOPEN)
        text = str(error).lower()
        return "readonly" in text or "unable to open" in text
    return isinstance(error, PermissionError) or (
        isinstance(error, OSError) and error.errno == errno.EROFS
    )


def can_write(path: Path) -> bool:
    """Whether the database at ``path`` (and its folder, for the WAL files) is writable.

    ``os.access`` asks the kernel with the real user's rights, so it answers for a
    folder owned by someone else, a 0444 file and a read-only mount alike (root
    passes the first two, as it can indeed write there).
    """
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # the nearest folder that exists will hold the new ones
    if not os.access(folder, os.W_OK | os.X_OK):
        return False
    return not path.exists() or os.access(path, os.R_OK | os.W_OK)


def memory_copy(source: sqlite3.Connection | None) -> sqlite3.Connection:
    """An in-memory database holding what ``source`` holds (empty without one).

    The app runs on it when the real file cannot be written: everything works as
    usual, and nothing reaches the disk. ``source`` is only read.
    """
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    if source is not None:
        source.backup(conn)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def open_read_only(path: Path) -> sqlite3.Connection:
    """The database at ``path`` copied into memory, the file itself only read.

    ``mode=ro`` cannot open a WAL database in a folder where its -shm file cannot be
    created; ``immutable=1`` then reads the file as it is (nobody can be writing it:
    the folder is read-only). A missing file gives an empty database, migrated in
    memory like a new one; one from a newer version is refused as usual.
    """
    source: sqlite3.Connection | None = None
    if path.exists():
        uri = path.resolve().as_uri()
        try:
            source = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
            source.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error:
            if source is not None:
                source.close()
            try:
                source = sqlite3.connect(f"{uri}?immutable=1", uri=True)
            except sqlite3.Error as error:
                raise StoreError(
                    _("Basis data progres {path} tidak dapat dibaca: {error}").format(
                        path=path, error=error
                    )
                ) from error
    try:
        if source is not None:
            problem = _inspect(source, path)
            if problem is not None:
                raise StoreError(
                    _(
                        "Berkas progres {path} tidak dapat dipakai ({problem}) dan foldernya "
                        "hanya-baca, jadi berkas itu tidak dapat dipindahkan."
                    ).format(path=path, problem=problem)
                )
        conn = memory_copy(source)
    except sqlite3.DatabaseError as error:
        raise StoreError(
            _("Basis data progres {path} tidak dapat dibaca: {error}").format(
                path=path, error=error
            )
        ) from error
    finally:
        if source is not None:
            source.close()
    migrate(conn)
    return conn


def opened_read_only(error: StoreError) -> bool:
    """Whether ``open_database`` failed only because the file or folder is read-only."""
    cause = error.__cause__
    return cause is not None and (_is_read_only(cause) or is_disk_full(cause))

"""A data folder whose disk fills up: for real on a tiny tmpfs, or by an injected error.

``full_disk`` is parametrised two ways. ``real`` mounts a 1 MiB tmpfs on the test's
LATSAR_HOME (possible as root, as here) and, when asked to fill it, writes a filler file
until the kernel says ENOSPC, so SQLite itself meets the full disk; where mounting is
not allowed (an ordinary CI user) it injects ``OSError(ENOSPC)`` at commit instead.
``injected`` makes every commit fail with SQLite's own "database or disk is full"
after rolling the transaction back, as SQLite does. Nothing is skipped either way.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from latsar_tui.store import progress


class FullDisk:
    """Call ``fill()`` to make the data folder's disk full from then on."""

    def __init__(self, home: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
        self.home = home
        self.kind = kind
        self._monkeypatch = monkeypatch
        self.mounted = False
        self._filler: Path | None = None

    def mount(self) -> None:
        if self.kind != "real" or os.geteuid() != 0:
            return
        self.home.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0755", "tmpfs", str(self.home)],
            capture_output=True,
            check=False,
        )
        self.mounted = done.returncode == 0

    def fill(self) -> None:
        """From now on no write to the data folder finds room."""
        if self.mounted:
            self._filler = self.home / "filler"
            fd = os.open(self._filler, os.O_WRONLY | os.O_CREAT, 0o600)
            try:
                for size in (65536, 4096, 512, 1):
                    with contextlib.suppress(OSError):
                        while True:
                            os.write(fd, b"\0" * size)
            finally:
                os.close(fd)
            return
        error: Exception = (
            OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            if self.kind == "real"
            else sqlite3.OperationalError("database or disk is full")
        )

        @contextmanager
        def full_at_commit(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
            if not conn.execute("PRAGMA database_list").fetchone()[2]:
                # An in-memory database (where the store goes on): no disk to fill.
                with _REAL_TRANSACTION(conn):
                    yield conn
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            finally:
                conn.execute("ROLLBACK")  # what SQLite does when it cannot write
            raise error

        self._monkeypatch.setattr(progress, "transaction", full_at_commit)

    def free(self) -> None:
        """Room again (so the test can read the file back as the next start would)."""
        if self._filler is not None:
            self._filler.unlink()
            self._filler = None
        self._monkeypatch.setattr(progress, "transaction", _REAL_TRANSACTION)

    def unmount(self) -> None:
        if self.mounted:
            subprocess.run(["umount", "-l", str(self.home)], capture_output=True, check=False)
            self.mounted = False


_REAL_TRANSACTION = progress.transaction


@pytest.fixture(params=["real", "injected"])
def full_disk(
    request: pytest.FixtureRequest, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[FullDisk]:
    """The isolated home on a disk the test can fill (see the module docstring)."""
    disk = FullDisk(isolated_home, monkeypatch, request.param)
    disk.mount()
    try:
        yield disk
    finally:
        disk.unmount()

"""The data folder's instance lock: tells a second window that another is open.

The lock is a real OS lock on ``<data>/latsar.lock`` (``flock`` on POSIX, ``msvcrt``
on Windows), so it disappears with the process that held it, even after a crash:
nothing is guessed from a stale pid file. It only *detects* a second window; which
window may write is decided by the store's ``writer`` row (``ProgressStore.claim_writer``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO


class InstanceLock:
    """A non-blocking exclusive lock on one file, held until ``release`` or exit."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: IO[str] | None = None

    @property
    def held(self) -> bool:
        """Whether this process holds the lock."""
        return self._file is not None

    def acquire(self) -> bool:
        """Take the lock if nobody holds it; False when another process (or window) does."""
        if self._file is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - kept open while held
        try:
            _lock(handle)
        except OSError:
            handle.close()
            return False
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")  # for a curious reader only; the lock decides
        handle.flush()
        self._file = handle
        return True

    def release(self) -> None:
        """Let go of the lock (closing the file releases it too)."""
        if self._file is None:
            return
        try:
            _unlock(self._file)
        finally:
            self._file.close()
            self._file = None


if sys.platform == "win32":
    import msvcrt

    def _lock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    # flock, not lockf: flock locks belong to the open file, so two windows inside one
    # process (as in tests) also exclude each other; lockf locks would not.
    def _lock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

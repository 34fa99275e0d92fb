"""Writing files so that a crash or a full disk never leaves half a file behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

PRIVATE = 0o600


def make_private(path: Path) -> None:
    """Owner read/write only: for files that hold a trainee's NIP and answers."""
    if path.exists():
        os.chmod(path, PRIVATE)


def write_text_atomically(target: Path, text: str, *, private: bool = False) -> None:
    """Write UTF-8 text to ``target`` through a temporary file in the same folder.

    The rename is atomic on every platform we run on, so readers see either the old
    file or the whole new one. The folder is created when missing; on failure the
    temporary file is removed and the error propagates. ``private`` files (they hold a
    NIP) get mode 0600 whatever the file had before.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    mode = PRIVATE if private else _mode_for(target)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp makes the file private (0600); a bank or report is meant to be shared.
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    """The replaced file's permissions, or those a plain ``open()`` would give."""
    try:
        return target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask

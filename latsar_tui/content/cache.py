"""A cache of validated content files, so a start re-parses only the files that changed.

One pickle per content file in the user cache folder (``Paths.cache``), named by a
hash of the file's path. An entry is used only when everything it was made from
matches: the cache format, the app version, the file's resolved path, the path shown
in findings, its kind (module or bank), its size, its mtime and the SHA-256 of its
bytes. Anything else (a corrupt or truncated file, an older format, another app
version, an unexpected shape) is ignored and rebuilt from the YAML: never trusted.
``latsar validate`` does not use the cache: it is the trainer's check and always parses.

The folder is the trainee's own (like the progress database); entries are written
atomically and readable only by the owner.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from latsar_tui.content.model import Finding
from latsar_tui.content.validate import Checked

# Bump when Checked, the model classes or this entry's layout change.
FORMAT = 1


@dataclass(frozen=True, slots=True)
class FileKey:
    """What a cache entry must match to be used."""

    path: str
    shown: str
    kind: str
    size: int
    mtime_ns: int
    sha256: str


def file_key(path: Path, shown: str, kind: str, data: bytes, stat: os.stat_result) -> FileKey:
    """The key of one content file's bytes as read just now."""
    return FileKey(
        path=str(path.resolve()),
        shown=shown,
        kind=kind,
        size=stat.st_size,
        mtime_ns=stat.st_mtime_ns,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def _app_version() -> str:
    import latsar_tui  # noqa: PLC0415  (the version is read lazily, see __init__)

    return str(latsar_tui.__version__)


class ContentCache:
    """Validated files by key, stored under ``folder``; every failure is a miss."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.hits = 0
        self.misses = 0

    def _entry_path(self, key: FileKey) -> Path:
        name = hashlib.sha256(key.path.encode("utf-8", "surrogatepass")).hexdigest()[:32]
        return self.folder / f"{name}.pickle"

    def get(self, key: FileKey) -> tuple[Checked | None, list[Finding]] | None:
        """The cached result for ``key``, or None when there is no entry worth trusting."""
        try:
            raw = self._entry_path(key).read_bytes()
            entry = pickle.loads(raw)
        except Exception:  # missing, unreadable, truncated or corrupt: rebuild
            self.misses += 1
            return None
        result = _checked_entry(entry, key)
        if result is None:
            self.misses += 1
        else:
            self.hits += 1
        return result

    def put(self, key: FileKey, checked: Checked | None, findings: list[Finding]) -> None:
        """Store a result; a cache that cannot be written is only slower, never an error."""
        entry = {
            "format": FORMAT,
            "app": _app_version(),
            "key": key,
            "checked": checked,
            "findings": findings,
        }
        target = self._entry_path(key)
        try:
            data = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".pickle")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                os.replace(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except (OSError, pickle.PicklingError, RecursionError):
            return


def _checked_entry(entry: Any, key: FileKey) -> tuple[Checked | None, list[Finding]] | None:
    if not isinstance(entry, dict):
        return None
    if entry.get("format") != FORMAT or entry.get("app") != _app_version():
        return None
    if entry.get("key") != key:
        return None
    checked = entry.get("checked")
    findings = entry.get("findings")
    if checked is not None and not isinstance(checked, Checked):
        return None
    if not isinstance(findings, list) or not all(isinstance(f, Finding) for f in findings):
        return None
    return checked, list(findings)

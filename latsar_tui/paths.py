"""Every folder and file the app touches, resolved in one place.

The data, config and cache folders come from platformdirs unless ``LATSAR_HOME`` or ``--data-dir``
says otherwise, so tests (and trainers trying things out) never touch a real home.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "latsar"
ENV_HOME = "LATSAR_HOME"
ENV_CONTENT = "LATSAR_CONTENT"

_PACKAGE_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True, slots=True)
class Paths:
    """The folders of one running app: data (progress, packs) and config (settings)."""

    data: Path
    config: Path
    # Validated content, to start faster; None: ``data/cache`` (one folder for everything).
    cache_dir: Path | None = None

    @classmethod
    def resolve(cls, data_dir: Path | str | None = None) -> Paths:
        """Paths from ``--data-dir``, else ``LATSAR_HOME``, else the platform's folders.

        With an override, config lives inside the data folder so that one folder
        holds everything and can be deleted or copied as a whole.
        """
        override = data_dir if data_dir is not None else os.environ.get(ENV_HOME) or None
        if override is not None:
            base = Path(override).expanduser().resolve()
            return cls(data=base, config=base / "config")
        return cls(
            data=platformdirs.user_data_path(APP_NAME, appauthor=False),
            config=platformdirs.user_config_path(APP_NAME, appauthor=False),
            cache_dir=platformdirs.user_cache_path(APP_NAME, appauthor=False),
        )

    @property
    def cache(self) -> Path:
        """The content cache: the platform's user cache folder, or ``data/cache``."""
        return self.cache_dir if self.cache_dir is not None else self.data / "cache" / "content"

    @property
    def database(self) -> Path:
        """The SQLite file with the trainee's progress."""
        return self.data / "progress.sqlite3"

    @property
    def lock_file(self) -> Path:
        """Held (an OS lock) by the window that has this data folder open."""
        return self.data / "latsar.lock"

    @property
    def packs(self) -> Path:
        """Installed content packs, one content root per sub-folder (``packs/<id>/``)."""
        return self.data / "packs"

    @property
    def backups(self) -> Path:
        """Where a database that could not be opened is moved aside, never deleted."""
        return self.data / "backups"

    @property
    def settings_file(self) -> Path:
        """The trainee's settings (theme, exam date, review caps)."""
        return self.config / "settings.json"

    @property
    def lrs_file(self) -> Path:
        """The LRS endpoint, key and secret for ``latsar sinkron`` (kept 0600)."""
        return self.config / "lrs.json"

    def ensure(self) -> Paths:
        """Create the data and config folders if they are missing; returns self."""
        self.data.mkdir(parents=True, exist_ok=True)
        self.config.mkdir(parents=True, exist_ok=True)
        return self


def builtin_content_root() -> Path:
    """The content root shipped with the app.

    In an installed wheel the repository's ``modules/`` and ``question_banks/`` are
    copied to ``latsar_tui/_builtin``; in a source checkout or an editable install they
    sit beside the package.
    """
    shipped = _PACKAGE_DIR / "_builtin"
    if shipped.is_dir():
        return shipped
    return _PACKAGE_DIR.parent


def env_content_roots() -> list[Path]:
    """Roots named in ``LATSAR_CONTENT`` (``os.pathsep``-separated), in order."""
    raw = os.environ.get(ENV_CONTENT, "")
    return [Path(part).expanduser() for part in raw.split(os.pathsep) if part.strip()]


def schema_dir() -> Path:
    """JSON Schemas of the content format, shipped inside the package."""
    return _PACKAGE_DIR / "schemas"

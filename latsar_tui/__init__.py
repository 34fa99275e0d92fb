"""Latsar TUI: study the Latsar CPNS material and practise on scenario quizzes, offline.

``__version__`` is looked up on first use: ``importlib.metadata`` costs tens of
milliseconds at start-up and the first frame never shows the version.
"""

from __future__ import annotations

__all__ = ["__version__"]

_version: str | None = None


def __getattr__(name: str) -> str:
    if name != "__version__":
        message = f"module {__name__!r} has no attribute {name!r}"  # i18n: ignore developers
        raise AttributeError(message)
    global _version
    if _version is None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            _version = version("latsar-tui")
        except PackageNotFoundError:  # a source tree that was never installed
            _version = "0.0.0+unknown"
    return _version

"""Latsar TUI: study the Latsar CPNS material and practise on scenario quizzes, offline."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("latsar-tui")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]

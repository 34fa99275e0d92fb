"""When `latsar` starts the line-by-line mode instead of the full-screen app.

People who need plain mode should not have to know a subcommand: a screen-reader
setup usually says so in the environment (``ACCESSIBLE``, ``TERM=dumb``), and a pipe
or a redirected file can never drive a full-screen app anyway.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TextIO

from latsar_tui.i18n import _

# Values of a flag variable that mean "no".
_OFF = frozenset({"", "0", "false", "no", "tidak"})


def _flag(environ: Mapping[str, str], name: str) -> bool:
    return environ.get(name, "").strip().casefold() not in _OFF


def plain_reason(
    requested: bool, environ: Mapping[str, str], stdin: TextIO, stdout: TextIO
) -> str | None:
    """Why plain mode starts (a short phrase in the interface language), or None for the TUI."""
    if requested:
        return "--plain"
    for name in ("LATSAR_PLAIN", "ACCESSIBLE"):
        if _flag(environ, name):
            return f"{name}={environ[name]}"
    if environ.get("TERM", "").strip() == "dumb":
        return "TERM=dumb"
    if not _isatty(stdin):
        return _("masukan bukan terminal")
    if not _isatty(stdout):
        return _("keluaran bukan terminal")
    return None


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed or replaced streams
        return False


def output_width(stdout: TextIO, columns: int | None) -> int | None:
    """Wrap width for plain mode: the terminal's width, never when writing to a pipe."""
    if not _isatty(stdout) or columns is None or columns < 20:
        return None
    return columns

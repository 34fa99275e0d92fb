"""Printing for the line-by-line mode: whole words per line, never a cut word.

A terminal cuts a long line at its edge, mid-word ("pen/egakan"), and a screen reader
then reads two broken words. Lines are wrapped at word boundaries to the terminal's
width when there is one; a pipe gets each line whole.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable


def wrap_lines(text: str, width: int | None) -> list[str]:
    """``text`` split into lines of at most ``width`` cells at word boundaries.

    A list item ("- ..." or "3. ...") continues under its text, not under its mark.
    A single word longer than the width stays whole on its own line.
    """
    lines: list[str] = []
    for line in text.split("\n"):
        if width is None or len(line) <= width:
            lines.append(line)
            continue
        stripped = line.lstrip(" ")
        indent = line[: len(line) - len(stripped)]
        mark = ""
        if stripped.startswith("- "):
            mark = "- "
        else:
            number = stripped.split(" ", 1)[0]
            if number.endswith(".") and number[:-1].isdigit():
                mark = number + " "
        lines.extend(
            textwrap.wrap(
                line,
                width=width,
                subsequent_indent=indent + " " * len(mark),
                break_long_words=False,
                break_on_hyphens=False,
            )
            or [""]
        )
    return lines


def wrapping_printer(
    width: int | None, write: Callable[[str], None] = print
) -> Callable[[str], None]:
    """A ``say`` function that wraps each message to ``width`` before writing it."""

    def say(text: str) -> None:
        for line in wrap_lines(text, width):
            write(line)

    return say

"""A keyboard-only matching widget: for each left item, pick a right one by letter.

Lefts are listed in the written order, numbered; the right side is listed below in
the session's display order, lettered. ↑/↓ (or 1–8) choose a left item, a letter
assigns the right item to it and moves on, Backspace clears, Enter submits once every
left item is matched. The widget only reports display letters per left item; the
screen maps them to canonical indices.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from latsar_tui.i18n import _
from latsar_tui.plain.typed import LETTERS

_BINDINGS = (
    [Binding(letter, f"assign({n})", show=False) for n, letter in enumerate(LETTERS)]
    + [Binding(str(n + 1), f"go({n})", show=False) for n in range(8)]
    + [
        Binding("up", "move(-1)", _("Naik"), show=False),
        Binding("down", "move(1)", _("Turun"), show=False),
        Binding("backspace,delete", "clear", _("Hapus"), show=False),
        Binding("enter", "submit", _("Jawab")),
    ]
)


class MatchingWidget(Widget, can_focus=True):
    """Pairs being made: a left item per row, its chosen right beside it."""

    BINDINGS = _BINDINGS

    DEFAULT_CSS = """
    MatchingWidget { height: auto; padding: 0 1; }
    """

    class Answered(Message):
        """Every left item matched: the display position of the right chosen for each."""

        def __init__(self, widget: MatchingWidget, picks: tuple[int, ...]) -> None:
            super().__init__()
            self.widget = widget
            self.picks = picks

        @property
        def control(self) -> MatchingWidget:
            """The widget that was answered (lets handlers use ``@on(..., selector)``)."""
            return self.widget

    def __init__(self, lefts: Sequence[str], rights: Sequence[str], *, id: str | None = None):
        super().__init__(id=id)
        self.lefts = list(lefts)
        self.rights = list(rights[: len(LETTERS)])
        self.picks: list[int | None] = [None] * len(self.lefts)
        self.cursor = 0
        self.locked = False

    def render(self) -> Content:
        rows: list[Content] = []
        for n, left in enumerate(self.lefts):
            pointer = "▶ " if n == self.cursor else "  "
            pick = self.picks[n]
            chosen = (
                Content.assemble((f"{LETTERS[pick]}. ", "bold"), Content(self.rights[pick]))
                if pick is not None
                else Content("?").stylize("dim")
            )
            rows.append(
                Content.assemble(
                    (f"{pointer}{n + 1}. ", "bold"), Content(left), ("  →  ", "dim"), chosen
                )
            )
        rows.append(Content(""))
        rows.append(Content(_("Pilihan kanan:")).stylize("bold"))
        for index, right in enumerate(self.rights):
            used = index in self.picks
            rows.append(
                Content.assemble(
                    (f"  {LETTERS[index]}. ", "bold"),
                    Content(right).stylize("dim" if used else ""),
                )
            )
        return Content("\n").join(rows)

    def action_move(self, step: int) -> None:
        self.cursor = (self.cursor + step) % len(self.lefts)
        self.refresh(layout=True)

    def action_go(self, index: int) -> None:
        if index < len(self.lefts):
            self.cursor = index
            self.refresh(layout=True)

    def action_assign(self, index: int) -> None:
        if self.locked or index >= len(self.rights):
            return
        self.picks[self.cursor] = index
        # Move on to the next left item still open, so letters can be typed in a row.
        open_rows = [n for n, pick in enumerate(self.picks) if pick is None]
        later = [n for n in open_rows if n > self.cursor]
        if later or open_rows:
            self.cursor = (later or open_rows)[0]
        self.refresh(layout=True)

    def action_clear(self) -> None:
        if not self.locked:
            self.picks[self.cursor] = None
            self.refresh(layout=True)

    def action_submit(self) -> None:
        if self.locked:
            return
        missing = [str(n + 1) for n, pick in enumerate(self.picks) if pick is None]
        if missing:
            self.notify(_("Belum dijodohkan: nomor {numbers}.").format(numbers=", ".join(missing)))
            return
        self.locked = True
        self.post_message(self.Answered(self, tuple(p for p in self.picks if p is not None)))

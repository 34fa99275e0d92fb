"""The key footer: compact below 100 columns, and on two or three rows when the keys do
not fit on one, so at 60 columns every key stays whole and readable.

Below 100 columns the ``^p palette`` hint also goes (13 cells): Ctrl+P still works
and the help screen (?) lists it, while ``? Bantuan`` itself stays in view.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

# Below this many columns the footer drops the padding around each key.
COMPACT_BELOW = 100
MAX_ROWS = 3


def key_width(key: FooterKey) -> int:
    """Cells one compact key takes: its key, a space, its description, a margin."""
    description = f" {key.description}" if key.description else ""
    return len(key.key_display) + len(description) + 1


def pack_rows(widths: list[int], available: int) -> list[int]:
    """How many keys go on each row, filling rows in order, at most MAX_ROWS rows."""
    rows: list[int] = []
    used = 0
    for width in widths:
        if rows and used + width <= available:
            rows[-1] += 1
            used += width
        elif len(rows) < MAX_ROWS or not rows:
            rows.append(1)
            used = width
        else:
            rows[-1] += 1  # past the last row: it scrolls, as Textual's own footer does
    return rows or [0]


class LatsarFooter(Footer):
    """Textual's footer; at 80 columns its normal spacing pushed ``? Bantuan`` and
    ``q Keluar`` off the edge, and at 60 columns it cut keys in half."""

    def on_resize(self, event: events.Resize) -> None:
        narrow = event.size.width < COMPACT_BELOW
        rows = getattr(self, "_rows", 1)
        self.show_command_palette = not narrow
        if self.compact != narrow:
            self.compact = narrow  # recomposes
        elif len(self._pack(event.size.width)) != rows:
            self.refresh(recompose=True)

    def _pack(self, width: int) -> list[int]:
        return pack_rows(getattr(self, "_widths", []), width)

    def compose(self) -> ComposeResult:
        keys: list[Widget] = list(super().compose())
        self._widths = [key_width(k) for k in keys if isinstance(k, FooterKey)]
        rows = self._pack(self.size.width or self.app.size.width)
        self._rows = len(rows)
        self.styles.height = len(rows)
        if len(rows) == 1 or len(self._widths) != len(keys):
            self.styles.layout = "horizontal"
            yield from keys
            return
        self.styles.layout = "vertical"
        start = 0
        for count in rows:
            yield HorizontalGroup(*keys[start : start + count], classes="footer-row")
            start += count

"""The key footer: compact below 100 columns, and on two or three rows when the keys do
not fit on one, so at 60 columns every key stays whole and readable.

Below 100 columns the ``^p palette`` hint also goes (13 cells): Ctrl+P still works
and the help screen (?) lists it, while ``? Bantuan`` itself stays in view.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.screen import Screen
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

    _recompose_pending = False
    _composed_keys: tuple[Any, ...] | None = None

    def on_resize(self, event: events.Resize) -> None:
        narrow = event.size.width < COMPACT_BELOW
        rows = getattr(self, "_rows", 1)
        self.show_command_palette = not narrow
        if self.compact != narrow:
            self.compact = narrow  # recomposes
        elif len(self._pack(event.size.width)) != rows:
            self.refresh(recompose=True)

    def _keys_shown(self, screen: Screen[Any]) -> tuple[Any, ...]:
        """What compose() would show for ``screen``'s bindings now."""
        return (
            self.compact,
            self.show_command_palette,
            tuple(
                (binding.key, binding.description, binding.action, enabled, tooltip)
                for (_, binding, enabled, tooltip) in screen.active_bindings.values()
                if binding.show or binding.key == self.app.COMMAND_PALETTE_BINDING
            ),
        )

    def bindings_changed(self, screen: Screen[Any]) -> None:
        # Textual schedules a recompose on every bindings signal (each focus change,
        # the loading indicator coming and going): five before the first frame, each
        # mounting and styling every key again. One pending recompose is enough (it
        # reads the bindings when it runs), and none when the keys are the same.
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._recompose_pending:
            self._recompose_pending = True
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        self._recompose_pending = False
        if self.is_attached and self._composed_keys != self._keys_shown(self.screen):
            await self.recompose()

    def _pack(self, width: int) -> list[int]:
        return pack_rows(getattr(self, "_widths", []), width)

    def compose(self) -> ComposeResult:
        self._composed_keys = self._keys_shown(self.screen) if self._bindings_ready else None
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

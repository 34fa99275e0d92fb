"""The key footer, compact below 100 columns so the keys that matter still fit at 80.

Below 100 columns the ``^p palette`` hint also goes (13 cells): Ctrl+P still works
and the help screen (?) lists it, while ``? Bantuan`` itself stays in view.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Footer

# Below this many columns the footer drops the padding around each key.
COMPACT_BELOW = 100


class LatsarFooter(Footer):
    """Textual's footer; at 80 columns its normal spacing pushed ``? Bantuan`` and
    ``q Keluar`` off the edge."""

    def on_resize(self, event: events.Resize) -> None:
        narrow = event.size.width < COMPACT_BELOW
        self.compact = narrow
        self.show_command_palette = not narrow

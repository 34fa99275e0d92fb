"""Shown at start when another window already has the data folder open.

The instance lock (``store.lock``) tells us so for certain; the trainee chooses to
go on read-only, to take over (the other window's next write is then refused), or
to quit.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from latsar_tui.i18n import _

MESSAGE = _(
    "Latsar sudah terbuka di jendela lain untuk folder data ini. Dua jendela yang "
    "sama-sama menulis dapat saling menimpa, jadi hanya satu yang boleh menyimpan.\n\n"
    "b  baca saja: jendela ini hanya-baca, tidak ada yang disimpan\n"
    "a  ambil alih: jendela ini yang menyimpan; jendela lain menjadi hanya-baca\n"
    "q  keluar"
)


class OtherWindowScreen(ModalScreen[str]):
    """Ask what to do about the other open window: "read", "take" or "quit"."""

    BINDINGS = [  # noqa: RUF012
        Binding("b,escape", "choose('read')", _("Baca saja")),
        Binding("a", "choose('take')", _("Ambil alih")),
        Binding("q", "choose('quit')", _("Keluar"), priority=True),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box") as box:
            box.border_title = _("Jendela lain terbuka")
            yield Static(MESSAGE, markup=False)

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)

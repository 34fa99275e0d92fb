"""The notice shown instead of a cramped, broken layout below 60×20.

While it shows, the app lets only quit and help keys through (``LatsarApp.on_event``),
so nothing on the hidden screen below can be answered or ended unseen.
"""

from __future__ import annotations

from textual.widgets import Static

from latsar_tui.i18n import _

MIN_WIDTH = 60
MIN_HEIGHT = 20
# Below this the layout folds side panes away (see app.tcss, -narrow / -short).
COMFORTABLE_WIDTH = 80
COMFORTABLE_HEIGHT = 24

# The only keys that act while the notice hides the screen (quit and help).
KEYS_WHILE_TOO_SMALL = frozenset({"q", "ctrl+c", "question_mark"})


class TooSmallNotice(Static):
    """Hidden unless the app carries the ``-too-small`` class (see app.tcss)."""

    def __init__(self) -> None:
        super().__init__(
            "\n\n".join(
                (
                    _("Layar terminal terlalu kecil."),
                    _(
                        "Perbesar jendela menjadi minimal {width}×{height} karakter "
                        "untuk memakai Latsar."
                    ).format(width=MIN_WIDTH, height=MIN_HEIGHT),
                    _("Layar kecil atau pembaca layar? Jalankan `latsar teks`."),
                    _("Tekan q untuk keluar atau ? untuk bantuan."),
                )
            ),
            markup=False,
            classes="too-small-notice",
        )

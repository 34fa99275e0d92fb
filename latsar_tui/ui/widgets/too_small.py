"""The notice shown instead of a cramped, broken layout below 80×24."""

from __future__ import annotations

from textual.widgets import Static

MIN_WIDTH = 60
MIN_HEIGHT = 20
# Below this the layout folds side panes away (see app.tcss, -narrow / -short).
COMFORTABLE_WIDTH = 80
COMFORTABLE_HEIGHT = 24


class TooSmallNotice(Static):
    """Hidden unless the app carries the ``-too-small`` class (see app.tcss)."""

    def __init__(self) -> None:
        super().__init__(
            f"Layar terminal terlalu kecil.\n\nPerbesar jendela menjadi minimal "
            f"{MIN_WIDTH}×{MIN_HEIGHT} karakter untuk memakai Latsar.\n\n"
            "Tekan q untuk keluar.",
            markup=False,
            classes="too-small-notice",
        )

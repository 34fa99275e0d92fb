"""The exam's question grid, as in the CAT: every number with its state at a glance.

Each cell shows the question's number and a mark that does not rely on colour:
``✓`` answered, ``R`` ragu-ragu (flagged, answered or not), ``·`` empty. Arrows move
the cursor, Enter goes to that question, Esc (or g) closes the grid.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from latsar_tui.i18n import _
from latsar_tui.quiz.session import QuizSession

# Cells per row: ten keep the numbers easy to find (1-10, 11-20, ...) and fit 80 columns.
PER_ROW = 10


class ExamGridScreen(ModalScreen[int | None]):
    """Dismisses with the index of the question to go to, or None."""

    BINDINGS = [  # noqa: RUF012
        Binding("left", "step(-1)", _("Kiri"), show=False),
        Binding("right", "step(1)", _("Kanan"), show=False),
        Binding("up", f"step({-PER_ROW})", _("Atas"), show=False),
        Binding("down", f"step({PER_ROW})", _("Bawah"), show=False),
        Binding("enter", "go", _("Buka soal")),
        Binding("escape,g", "close", _("Tutup")),
    ]

    def __init__(self, session: QuizSession) -> None:
        super().__init__()
        self.session = session
        self.cursor = session.cursor

    def compose(self) -> ComposeResult:
        summary = self.session.summary()
        with Vertical(id="grid-box") as box:
            box.border_title = _("Daftar soal")
            box.border_subtitle = _("←↑↓→ pilih · Enter buka · Esc tutup")
            yield Static(id="grid-cells")
            yield Static(
                Content(
                    _("✓ dijawab · R ragu-ragu · · kosong      {summary}").format(
                        summary=summary.describe()
                    )
                ),
                id="grid-legend",
            )

    def on_mount(self) -> None:
        self._render_cells()

    def cell(self, index: int) -> str:
        """The text of one cell: number and mark, e.g. `` 12✓``."""
        position = self.session.questions[index].position
        if self.session.is_flagged(position):
            mark = "R"
        elif self.session.is_answered(position):
            mark = "✓"
        else:
            mark = "·"
        return f"{index + 1:>3}{mark}"

    def _render_cells(self) -> None:
        parts: list[Content] = []
        for index in range(len(self.session.questions)):
            if index and index % PER_ROW == 0:
                parts.append(Content("\n"))
            text = Content(f" {self.cell(index)} ")
            position = self.session.questions[index].position
            if index == self.cursor:
                text = text.stylize("reverse bold")
            elif self.session.is_flagged(position):
                text = text.stylize("bold $warning")
            elif self.session.is_answered(position):
                text = text.stylize("$success")
            parts.append(text)
        self.query_one("#grid-cells", Static).update(Content("").join(parts))

    def action_step(self, delta: int) -> None:
        target = self.cursor + delta
        if 0 <= target < len(self.session.questions):
            self.cursor = target
            self._render_cells()

    def action_go(self) -> None:
        self.dismiss(self.cursor)

    def action_close(self) -> None:
        self.dismiss(None)

"""Statistics: mastery per module, lesson and tag as bars, answers per day and the
average score as charts, streak, trend, predicted recall, due counts and the exam plan.

Every chart has its figures beside it as plain sentences, and ``t`` swaps the
charts for a table of the same numbers, so a screen-reader user misses nothing;
bars carry their percentage as text, never meaning by colour alone. The screen
takes its dependencies in the constructor and computes everything once on mount
(SQL aggregates; see ``review.stats``).
"""

from __future__ import annotations

from datetime import tzinfo
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static
from textual_plotext import PlotextPlot

from latsar_tui.content.model import Catalog
from latsar_tui.i18n import _
from latsar_tui.quiz.clock import Clock
from latsar_tui.review import text
from latsar_tui.review.stats import Statistics, compute_statistics
from latsar_tui.settings import Settings
from latsar_tui.store.progress import ProgressStore
from latsar_tui.ui.widgets.footer import LatsarFooter
from latsar_tui.ui.widgets.mastery import MasteryTable


class StatsScreen(Screen[None]):
    """The trainee's statistics, computed when the screen opens."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [  # noqa: RUF012
        Binding("escape", "close", _("Kembali")),
        Binding("t", "toggle_table", _("Grafik/tabel")),
        Binding("r", "recompute", _("Hitung ulang")),
    ]

    def __init__(
        self,
        catalog: Catalog,
        store: ProgressStore,
        settings: Settings,
        clock: Clock,
        *,
        tz: tzinfo | None = None,
    ) -> None:
        super().__init__()
        self.catalog = catalog
        self.store = store
        self.settings = settings
        self.clock = clock
        self.tz = tz
        self.stats: Statistics | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="stats-body"):
            yield Static(id="stats-overview")
            yield Static(_("Penguasaan per modul"), classes="section-label")
            yield Static(id="stats-modules")
            yield Static(
                _("Aktivitas: jawaban per hari, 30 hari terakhir"), classes="section-label"
            )
            with Vertical(id="stats-charts"):
                yield PlotextPlot(id="chart-answers")
                yield Static(id="stats-activity-text")
                yield PlotextPlot(id="chart-scores")
                yield Static(id="stats-trend-text")
            yield DataTable(id="stats-days", cursor_type="row", zebra_stripes=True)
            yield Static(_("Penguasaan per pelajaran"), classes="section-label")
            yield Static(id="stats-lessons")
            yield Static(_("Penguasaan per tag"), classes="section-label")
            yield Static(id="stats-tags")
        yield LatsarFooter()

    def on_mount(self) -> None:
        self.sub_title = _("Statistik")
        self.query_one("#stats-days").display = False
        self.action_recompute()
        self.query_one("#stats-body").focus()

    def action_recompute(self) -> None:
        """Compute every figure again and redraw."""
        self.stats = compute_statistics(
            self.catalog, self.store, self.settings, self.clock.now(), self.tz
        )
        self._show(self.stats)

    def _show(self, stats: Statistics) -> None:
        self.query_one("#stats-overview", Static).update(
            Content("\n".join(text.overview_lines(stats)))
        )
        for widget_id, rows, label, empty in (
            ("#stats-modules", stats.by_module, _("Modul"), _("Belum ada modul.")),
            (
                "#stats-lessons",
                stats.by_lesson,
                _("Pelajaran"),
                _("Tidak ada soal yang terkait pelajaran."),
            ),
            ("#stats-tags", stats.by_tag, _("Tag"), _("Tidak ada soal bertag.")),
        ):
            table = MasteryTable(rows, label) if rows else Content(empty)
            self.query_one(widget_id, Static).update(table)
        self._draw_charts(stats)
        self.query_one("#stats-activity-text", Static).update(
            Content(text.activity_text(stats.days))
        )
        self.query_one("#stats-trend-text", Static).update(Content(text.trend_text(stats)))
        table = self.query_one("#stats-days", DataTable)
        table.clear(columns=True)
        table.add_columns(_("Tanggal"), _("Jawaban"), _("Rata-rata skor"))
        for day in stats.days:
            table.add_row(day.day.isoformat(), str(day.answers), text.pct(day.average))

    def _draw_charts(self, stats: Statistics) -> None:
        positions: list[float] = [float(p) for p in range(1, len(stats.days) + 1)]
        labels = [day.day.strftime("%m-%d") for day in stats.days]
        ticks = [*positions[::5], positions[-1]]
        tick_labels = [*labels[::5], labels[-1]]

        answers = self.query_one("#chart-answers", PlotextPlot).plt
        answers.clear_data()
        answers.clear_figure()
        answers.bar(positions, [day.answers for day in stats.days], marker="sd")
        answers.xticks(ticks, tick_labels)
        answers.title(_("Jawaban per hari"))

        scores = self.query_one("#chart-scores", PlotextPlot).plt
        scores.clear_data()
        scores.clear_figure()
        scored = [(p, d.average) for p, d in zip(positions, stats.days, strict=True) if d.average]
        if scored:
            scores.plot([p for p, _a in scored], [a for _p, a in scored], marker="braille")
            scores.scatter([p for p, _a in scored], [a for _p, a in scored], marker="●")
        scores.ylim(0, 100)
        scores.xlim(1, len(positions))
        scores.xticks(ticks, tick_labels)
        scores.title(_("Rata-rata skor per hari (%)"))
        for widget in self.query(PlotextPlot):
            widget.refresh()

    def action_toggle_table(self) -> None:
        """t: the per-day numbers as a table instead of the charts (and back)."""
        charts = self.query_one("#stats-charts")
        table = self.query_one("#stats-days", DataTable)
        show_table = not table.display
        table.display = show_table
        charts.display = not show_table
        if show_table:
            table.focus()
        else:
            self.query_one("#stats-body").focus()

    def action_close(self) -> None:
        self.app.pop_screen()

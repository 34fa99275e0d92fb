"""Home: modules in order with their banks, progress and questions due for review,
a one-line review summary (and the exam plan), unfinished attempts to resume, a
first-run welcome, and the files that failed validation."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Header, OptionList, Static
from textual.widgets.data_table import ColumnKey
from textual.widgets.option_list import Option

from latsar_tui.content.model import Bank, Module
from latsar_tui.i18n import N_, _, content_language_note, ngettext
from latsar_tui.review.due import DueSummary
from latsar_tui.review.plan import ExamPlan
from latsar_tui.ui.text import mode_name, percent
from latsar_tui.ui.widgets.footer import LatsarFooter
from latsar_tui.ui.widgets.too_small import TooSmallNotice

WELCOME = _(
    "Selamat datang di Latsar! Tiga tombol sudah cukup untuk mulai:\n"
    "  ↑/↓   pilih modul atau bank soal\n"
    "  Enter buka: modul dibuka untuk dibaca, bank soal dimulai sebagai kuis\n"
    "  ?     bantuan: semua tombol di layar ini (Esc kembali, q keluar)"
)

# Widths of the fixed columns; the title column takes what is left.
# Cells have no padding (room for titles at 80 columns): every fixed column is one
# wider than its longest text and right-aligned, so a space always separates columns.
# The keys name the columns and are shown through _() (each width fits its English too).
_FIXED = {
    N_("Agenda"): 7,
    N_("Pelajaran"): 10,
    N_("Dibaca"): 7,
    N_("Terbaik"): 8,
    N_("Terakhir"): 9,
    N_("Ulang"): 6,
}
# Below 80 columns the columns that repeat what other screens show give their room to
# the titles, which then wrap instead of being cut ("Hak Asasi Manusia d…").
_NARROW = ("Pelajaran", "Dibaca", "Terbaik")  # i18n: ignore keys of _FIXED
NARROW_BELOW = 80


def _bank_size(bank: Bank) -> str:
    """``12 soal``: a bank's size in the home table's "Pelajaran" column."""
    count = len(bank.questions)
    return ngettext("{n} soal", "{n} soal", count).format(n=count)


class CatalogTable(DataTable[Any]):
    """The home table; its Enter is labelled in the footer."""

    BINDINGS = [  # noqa: RUF012
        Binding("enter", "select_cursor", _("Buka")),
    ]


class HomeScreen(Screen[None]):
    """The first screen: what there is to study and how far the trainee got."""

    BINDINGS = [  # noqa: RUF012
        Binding("l", "resume", _("Lanjutkan")),
        Binding("k", "quiz", _("Kuis")),
        Binding("u", "review", _("Ulangi")),
        Binding("s", "stats", _("Statistik")),
        Binding("h", "history", _("Riwayat")),
        Binding("r", "reload", _("Muat ulang"), show=False),  # in help; keeps ? on screen
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home"):
            yield Static(WELCOME, id="welcome", markup=False)
            yield Static(_("Belum selesai: pilih lalu Enter, atau tekan l"), id="continue-title")
            yield OptionList(id="continue")
            yield Static(id="review-line")
            yield Static(_("Memuat konten…"), id="loading-note")
            yield CatalogTable(id="catalog", cursor_type="row", zebra_stripes=True, cell_padding=0)
            with VerticalScroll(id="broken"):
                yield Static(id="broken-list")
        yield LatsarFooter()
        yield TooSmallNotice()

    def on_mount(self) -> None:
        self._row_targets: dict[str, tuple[str, str]] = {}
        self._attempt_ids: list[int] = []
        self._focused_once = False
        self.refresh_data()
        self.query_one("#catalog", DataTable).focus()

    def on_screen_resume(self) -> None:
        self.refresh_data()

    def on_resize(self) -> None:
        self._fill_table()

    @property
    def _app(self) -> Any:
        return self.app

    # --- data ----------------------------------------------------------------------

    def refresh_data(self) -> None:
        """Read the catalog and the store again and redraw every panel."""
        app = self._app
        store = app.store
        settings = app.settings()
        # Only what changed since the last refresh is queried again (home_figures).
        self._read, self._scores, summary, self._due = app.home_figures_now(settings)
        self._due_modules = summary.by_module
        self._fill_review_line(summary, app.exam_plan(settings))
        unfinished = store.unfinished_attempts()
        first_run = (
            not unfinished and not any(self._read.values()) and not store.finished_attempts(limit=1)
        )
        # The welcome is a class, not an inline display, so the small-terminal
        # stylesheet can still fold it away below 24 rows.
        self.query_one("#welcome").set_class(not first_run, "-seen")
        self._fill_continue(unfinished)
        self._fill_table()
        self._fill_broken()
        loading = bool(getattr(app, "catalog_loading", False))
        table = self.query_one("#catalog", DataTable)
        table.loading = loading
        self.query_one("#loading-note").display = loading
        if not loading and not self._focused_once:
            # A table under the loading indicator cannot take focus: give it the
            # focus once the content is there, as if it had been there at mount.
            self._focused_once = True
            table.focus()

    def _fill_review_line(self, summary: DueSummary, plan: ExamPlan | None) -> None:
        line = Content.assemble(
            (_("Ulangi: "), "bold"),
            " · ".join(
                (
                    ngettext("{n} soal jatuh tempo", "{n} soal jatuh tempo", summary.total).format(
                        n=summary.total
                    ),
                    ngettext(
                        "sesi hari ini {n} soal ({due} ulangan + {new} baru)",
                        "sesi hari ini {n} soal ({due} ulangan + {new} baru)",
                        summary.session_size,
                    ).format(
                        n=summary.session_size,
                        due=summary.session_due,
                        new=summary.session_new,
                    ),
                    _("tekan u"),
                )
            ),
        )
        if plan is not None:
            # Imported only with an exam date set: review.text pulls in review.stats.
            from latsar_tui.review.text import plan_text  # noqa: PLC0415

            line = Content.assemble(line, "\n", Content(plan_text(plan)))
        self.query_one("#review-line", Static).update(line)

    def _fill_continue(self, attempts: list[Any]) -> None:
        options = self.query_one("#continue", OptionList)
        options.clear_options()
        self._attempt_ids = [a.id for a in attempts]
        for attempt in attempts:
            mode = mode_name(attempt.mode)
            title = str(attempt.title)
            # Review sessions are titled by their mode already ("Ulangi"): say it once.
            said = title == mode or title.startswith(f"{mode}:")
            shown_mode = "" if said else f"  ·  {mode}"
            label = Content.assemble(
                (_("▶ Lanjutkan: "), "bold"),
                Content(title),
                f"{shown_mode}  ·  {self._progress(attempt.id)}",
            )
            options.add_option(Option(label))
        shown = bool(attempts)
        options.display = shown
        self.query_one("#continue-title").display = shown
        if shown:
            options.highlighted = 0

    def _progress(self, attempt_id: int) -> str:
        store = self._app.store
        answered = store.answered_count(attempt_id)
        total = len(store.attempt_items(attempt_id))
        return _("{answered}/{total} dijawab").format(answered=answered, total=total)

    def _fill_table(self) -> None:
        if not hasattr(self, "_read"):
            return
        table = self.query_one("#catalog", DataTable)
        cursor = table.cursor_row
        table.clear(columns=True)
        narrow = self.size.width < NARROW_BELOW
        self._columns = [n for n in _FIXED if not narrow or n in _NARROW]
        widths = self._widths()
        fixed = sum(widths[name] for name in self._columns)
        title_width = max(20, self.size.width - fixed - 7)
        table.add_column(Text(""), width=3, key="pointer")
        table.add_column(Text(_("Modul dan bank soal")), width=title_width, key="title")
        for name in self._columns:
            table.add_column(Text(_(name), justify="right"), width=widths[name], key=name)
        self._row_targets = {}
        catalog = self._app.catalog
        listed: set[str] = set()
        for module in catalog.modules_in_order():
            self._add_module_row(table, module)
            for bank in catalog.banks_for_module(module.id):
                self._add_bank_row(table, bank)
                listed.add(bank.id)
        for bank in catalog.banks:
            if bank.id not in listed:
                self._add_bank_row(table, bank, loose=True)
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1))

    def _widths(self) -> dict[str, int]:
        """Each fixed column's width: as in _FIXED, wider only where a translated header
        or bank size ("12 questions") would not fit, so Indonesian keeps its layout."""
        widths = {name: max(width, len(_(name)) + 1) for name, width in _FIXED.items()}
        sizes = [len(_bank_size(bank)) + 1 for bank in self._app.catalog.banks]
        widths["Pelajaran"] = max([widths["Pelajaran"], *sizes])
        return widths

    def _add_module_row(self, table: DataTable[Any], module: Module) -> None:
        read = len(self._read.get(module.id, set()) & {lesson.id for lesson in module.lessons})
        share = 100 * read / len(module.lessons) if module.lessons else 0
        key = f"m:{module.id}"
        self._row_targets[key] = ("module", module.id)
        title = Text(module.title, style="bold", overflow="fold")
        note = content_language_note(module.language)
        if note:
            title.append(" " + note, style="dim")
        self._add_row(
            table,
            key,
            title,
            [
                Text(module.agenda or "—", justify="right"),
                Text(f"{len(module.lessons)}", justify="right"),
                Text(percent(share), justify="right"),
                Text(""),
                Text(""),
                Text(str(self._due_modules.get(module.id, 0)), style="bold", justify="right"),
            ],
        )

    def _add_row(self, table: DataTable[Any], key: str, title: Text, cells: list[Text]) -> None:
        """A row with the cells of the columns shown at this width (see _fill_table)."""
        by_name = dict(zip(_FIXED, cells, strict=True))
        width = table.columns[ColumnKey("title")].width
        lines = len(title.wrap(self.app.console, max(width, 1)))
        table.add_row(
            Text(""), title, *(by_name[name] for name in self._columns), key=key, height=lines
        )

    def _add_bank_row(self, table: DataTable[Any], bank: Bank, *, loose: bool = False) -> None:
        score = self._scores.get(bank.id)
        best = percent(score.best_percent) if score and score.best_percent is not None else "—"
        last = percent(score.last_percent) if score and score.last_percent is not None else "—"
        key = f"b:{bank.id}"
        self._row_targets[key] = ("bank", bank.id)
        prefix = "◆ " if loose else " └ "
        self._add_row(
            table,
            key,
            Text(prefix + bank.title, overflow="fold"),
            [
                Text("—" if loose else "", justify="right"),
                Text(_bank_size(bank), justify="right"),
                Text(""),
                Text(best, justify="right"),
                Text(last, justify="right"),
                Text(str(self._due.get(bank.id, 0)), justify="right"),
            ],
        )

    def _fill_broken(self) -> None:
        broken = self._app.catalog.broken
        panel = self.query_one("#broken")
        panel.display = bool(broken)
        lines = Text(
            _("Berkas yang tidak dapat dimuat ({n}):").format(n=len(broken)) + "\n", style="bold"
        )
        for item in broken:
            finding = item.first_error
            lines.append(f"✗ {item.path}:{finding.line}: {finding.message}\n")
        lines.rstrip()
        self.query_one("#broken-list", Static).update(lines)
        panel.border_title = _("Masalah konten")

    # --- actions -------------------------------------------------------------------

    def _target(self) -> tuple[str, str] | None:
        table = self.query_one("#catalog", DataTable)
        if not table.row_count:
            return None
        row_key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return self._row_targets.get(str(row_key.value))

    @on(DataTable.RowHighlighted, "#catalog")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        # A ▶ beside the highlighted row, so the cursor is not shown by colour alone.
        table = event.data_table
        previous = getattr(self, "_pointed_row", None)
        if previous is not None and previous in table.rows and previous != event.row_key:
            table.update_cell(previous, "pointer", Text(""))
        table.update_cell(event.row_key, "pointer", Text(" ▶"))
        self._pointed_row = event.row_key

    @on(DataTable.RowSelected, "#catalog")
    def _row_selected(self) -> None:
        self.action_open()

    @on(OptionList.OptionSelected, "#continue")
    def _continue_selected(self, event: OptionList.OptionSelected) -> None:
        self._app.resume_quiz(self._attempt_ids[event.option_index])

    def action_open(self) -> None:
        """Enter on a module opens the reader; on a bank, the quiz dialog."""
        if self.focused is self.query_one("#continue"):
            options = self.query_one("#continue", OptionList)
            if options.highlighted is not None:
                self._app.resume_quiz(self._attempt_ids[options.highlighted])
            return
        target = self._target()
        if target is None:
            return
        kind, ident = target
        if kind == "module":
            self._app.open_module(ident)
        else:
            self._app.choose_quiz(bank_id=ident)

    def action_quiz(self) -> None:
        """k: a quiz on the highlighted bank, or on the highlighted module's questions."""
        target = self._target()
        if target is None:
            return
        kind, ident = target
        if kind == "module":
            self._app.choose_quiz(module_id=ident)
        else:
            self._app.choose_quiz(bank_id=ident)

    def action_resume(self) -> None:
        """l: resume the most recent unfinished attempt."""
        if self._attempt_ids:
            self._app.resume_quiz(self._attempt_ids[0])
        else:
            self.notify(_("Tidak ada kuis yang belum selesai."))

    def action_review(self) -> None:
        """u: the review hub (Ulangi, Persiapan ujian, Latihan kesalahan)."""
        self._app.open_review()

    def action_stats(self) -> None:
        """s: the statistics screen."""
        self._app.open_stats()

    def action_history(self) -> None:
        self._app.open_history()

    def action_reload(self) -> None:
        self._app.action_reload_content()

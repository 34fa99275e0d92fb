"""The review hub ("Ulangi"): what is due today, the exam-date plan, the mistakes
drill, and the way to the statistics.

Sessions started here are ordinary quiz sessions (explicit question lists in the
review modes); the screen hands each one to ``open_session``, which the app wires
to its quiz screen. The screen refreshes its counts whenever it comes back on top.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from latsar_tui.content.model import Catalog
from latsar_tui.i18n import _, ngettext
from latsar_tui.paths import Paths
from latsar_tui.quiz.clock import Clock
from latsar_tui.quiz.session import QuizSession, SessionError
from latsar_tui.review import text
from latsar_tui.review.due import DueSummary, due_summary
from latsar_tui.review.mistakes import MistakeCounts, mistake_counts
from latsar_tui.review.plan import DEFAULT_PREP_COUNT, exam_plan
from latsar_tui.review.sessions import start_exam_prep, start_mistakes, start_review
from latsar_tui.settings import Settings, load_settings, save_settings
from latsar_tui.store.progress import ProgressStore
from latsar_tui.ui.screens.review_exam_date import ExamDateScreen
from latsar_tui.ui.screens.stats import StatsScreen
from latsar_tui.ui.widgets.footer import LatsarFooter


class ReviewScreen(Screen[None]):
    """Spaced review, exam preparation and the mistakes drill in one place."""

    CSS_PATH = Path(__file__).with_name("review.tcss")
    # The action list names each key ([u], [p]...), so the footer need not repeat them.
    BINDINGS = [  # noqa: RUF012
        Binding("u", "review", _("Ulangi"), show=False),
        Binding("p", "prep", _("Persiapan ujian"), show=False),
        Binding("k", "mistakes", _("Kesalahan"), show=False),
        Binding("e", "exam_date", _("Tanggal ujian"), show=False),
        Binding("s", "stats", _("Statistik"), show=False),
        Binding("escape", "close", _("Kembali")),
    ]

    def __init__(
        self,
        catalog: Catalog,
        store: ProgressStore,
        paths: Paths,
        clock: Clock,
        open_session: Callable[[QuizSession], None],
        *,
        tz: tzinfo | None = None,
        seed: int | None = None,
    ) -> None:
        super().__init__()
        self.catalog = catalog
        self.store = store
        self.paths = paths
        self.clock = clock
        self.open_session = open_session
        self.tz = tz
        self.seed = seed
        self.settings = Settings()
        self.due: DueSummary | None = None
        self.mistakes = MistakeCounts(0, {}, {})
        self._actions: list[str] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="review-body"):
            yield Static(id="review-summary")
            yield OptionList(id="review-actions")
            yield Static(id="review-modules")
        yield LatsarFooter()

    def on_mount(self) -> None:
        self.sub_title = _("Ulangi")
        self.refresh_data()
        self.query_one("#review-actions", OptionList).focus()

    def on_screen_resume(self) -> None:
        self.refresh_data()

    # --- data ----------------------------------------------------------------------

    def refresh_data(self) -> None:
        """Read settings and the store again; redraw the summary and the actions."""
        self.settings = load_settings(self.paths)
        now = self.clock.now()
        self.due = due_summary(self.catalog, self.store, self.settings, now, self.tz)
        plan = exam_plan(self.catalog, self.store, self.settings, now, self.tz)
        self.mistakes = mistake_counts(self.catalog, self.store)
        self.query_one("#review-summary", Static).update(
            Content(
                "\n".join(
                    [
                        text.due_text(self.due),
                        text.plan_text(plan),
                        ngettext(
                            "Kesalahan untuk dilatih: {n} soal "
                            "(jawaban terakhirnya belum benar penuh).",
                            "Kesalahan untuk dilatih: {n} soal "
                            "(jawaban terakhirnya belum benar penuh).",
                            self.mistakes.total,
                        ).format(n=self.mistakes.total),
                    ]
                )
            )
        )
        self._fill_actions()
        lines = []
        for module in self.catalog.modules_in_order():
            due_here = self.due.by_module.get(module.id, 0)
            lines.append(
                ngettext(
                    "{module}: {n} soal jatuh tempo", "{module}: {n} soal jatuh tempo", due_here
                ).format(module=module.title, n=due_here)
            )
        loose = self.due.by_module.get("", 0)
        if loose:
            lines.append(
                ngettext(
                    "Bank soal tanpa modul: {n} soal jatuh tempo",
                    "Bank soal tanpa modul: {n} soal jatuh tempo",
                    loose,
                ).format(n=loose)
            )
        self.query_one("#review-modules", Static).update(Content("\n".join(lines)))

    def _fill_actions(self) -> None:
        assert self.due is not None
        options = self.query_one("#review-actions", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        self._actions = []

        def add(key: str, label: str) -> None:
            self._actions.append(key)
            options.add_option(Option(Content(label)))

        due = self.due
        if due.session_size:
            add(
                "review",
                # ● not ▶: elsewhere ▶ marks the highlighted row, and this one stays.
                ngettext(
                    "● Ulangi sekarang: {n} soal ({due} ulangan + {new} baru)  [u]",
                    "● Ulangi sekarang: {n} soal ({due} ulangan + {new} baru)  [u]",
                    due.session_size,
                ).format(n=due.session_size, due=due.session_due, new=due.session_new),
            )
        else:
            add("review", _("✓ Ulangi: tidak ada soal untuk hari ini  [u]"))
        if self.settings.exam_date is not None:
            add(
                "prep",
                "  "
                + ngettext(
                    "Persiapan ujian: {n} soal yang paling mungkin terlupa pada {date}  [p]",
                    "Persiapan ujian: {n} soal yang paling mungkin terlupa pada {date}  [p]",
                    DEFAULT_PREP_COUNT,
                ).format(n=DEFAULT_PREP_COUNT, date=self.settings.exam_date.isoformat()),
            )
        else:
            add("prep", _("  Persiapan ujian: atur tanggal ujian dulu  [p]"))
        add(
            "mistakes",
            "  "
            + ngettext(
                "Latihan kesalahan: semua ({n} soal)  [k]",
                "Latihan kesalahan: semua ({n} soal)  [k]",
                self.mistakes.total,
            ).format(n=self.mistakes.total),
        )
        for module in self.catalog.modules_in_order():
            count = self.mistakes.by_module.get(module.id, 0)
            if count:
                add(
                    f"mistakes-module:{module.id}",  # i18n: ignore an action key
                    "    "
                    + _("Kesalahan modul {module} ({n})").format(module=module.title, n=count),
                )
        for tag, count in self.mistakes.by_tag.items():
            add(
                f"mistakes-tag:{tag}",  # i18n: ignore an action key
                "    " + _("Kesalahan bertag {tag} ({n})").format(tag=tag, n=count),
            )
        add("exam_date", _("  Atur tanggal ujian dan batas harian  [e]"))
        add("stats", _("  Statistik belajar  [s]"))
        if options.option_count:
            options.highlighted = min(highlighted or 0, options.option_count - 1)

    # --- actions -------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#review-actions")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        key = self._actions[event.option_index]
        if key.startswith("mistakes-module:"):
            self._start(lambda: self._mistakes(module_id=key.partition(":")[2]))
        elif key.startswith("mistakes-tag:"):
            self._start(lambda: self._mistakes(tag=key.partition(":")[2]))
        else:
            getattr(self, f"action_{key}")()

    def _start(self, build: Callable[[], QuizSession]) -> None:
        try:
            session = build()
        except SessionError as error:
            self.notify(str(error), title=_("Sesi tidak dimulai"), markup=False)
            return
        self.open_session(session)

    def _mistakes(self, module_id: str | None = None, tag: str | None = None) -> QuizSession:
        return start_mistakes(
            self.catalog,
            self.store,
            module_id=module_id,
            tag=tag,
            clock=self.clock,
            seed=self.seed,
        )

    def action_review(self) -> None:
        """u: today's review session."""
        self._start(
            lambda: start_review(
                self.catalog,
                self.store,
                self.settings,
                clock=self.clock,
                tz=self.tz,
                seed=self.seed,
            )
        )

    def action_prep(self) -> None:
        """p: the questions least likely to be recalled on the exam date."""
        if self.settings.exam_date is None:
            self.action_exam_date()
            return
        self._start(
            lambda: start_exam_prep(
                self.catalog,
                self.store,
                self.settings,
                clock=self.clock,
                tz=self.tz,
                seed=self.seed,
            )
        )

    def action_mistakes(self) -> None:
        """k: every question last answered below full marks."""
        self._start(self._mistakes)

    def action_exam_date(self) -> None:
        """e: set the exam date and the daily caps."""

        def saved(settings: Settings | None) -> None:
            if settings is not None:
                save_settings(self.paths, settings)
                self.notify(_("Pengaturan disimpan."))
                self.refresh_data()

        self.app.push_screen(ExamDateScreen(self.settings), saved)

    def action_stats(self) -> None:
        """s: the statistics screen."""
        self.app.push_screen(
            StatsScreen(self.catalog, self.store, self.settings, self.clock, tz=self.tz)
        )

    def action_close(self) -> None:
        self.app.pop_screen()

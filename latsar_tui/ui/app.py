"""The Latsar study app: an App that takes its dependencies, and ``run_app`` for the CLI.

Every dependency with a side effect (where content comes from, where progress is
stored, what time it is, the reading pace that decides when a lesson counts as read) is a
constructor parameter, so tests run the real screens hermetically and fast.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from latsar_tui import i18n
from latsar_tui.commands.base import CommandError
from latsar_tui.content.model import Catalog
from latsar_tui.i18n import _, ngettext
from latsar_tui.paths import Paths
from latsar_tui.quiz.clock import Clock, SystemClock
from latsar_tui.quiz.session import (
    Mode,
    QuizSession,
    Scope,
    SessionError,
    SessionResult,
    load_result,
    submit_expired,
)
from latsar_tui.review.due import DueSummary, due_by_bank, due_summary
from latsar_tui.review.home_figures import HomeFigures
from latsar_tui.review.plan import ExamPlan, exam_plan
from latsar_tui.settings import Settings, load_settings, save_settings
from latsar_tui.store.db import StoreError
from latsar_tui.store.lock import InstanceLock
from latsar_tui.store.progress import ProgressStore
from latsar_tui.ui.commands import LatsarCommands, LatsarPalette
from latsar_tui.ui.screens.home import HomeScreen
from latsar_tui.ui.screens.other_window import OtherWindowScreen
from latsar_tui.ui.themes import NO_COLOUR, THEMES
from latsar_tui.ui.widgets.too_small import (
    COMFORTABLE_HEIGHT,
    COMFORTABLE_WIDTH,
    KEYS_WHILE_TOO_SMALL,
    MIN_HEIGHT,
    MIN_WIDTH,
)

# Every other screen is imported when first opened: the first frame shows only the
# home screen, and the statistics screen alone pulls in plotext.

if TYPE_CHECKING:
    from latsar_tui.commands.base import CommandContext

# The reading pace that sets how long a lesson must stay visible to count as read
# when it was not scrolled to its end (see screens.lesson.reading_seconds).
WORDS_PER_MINUTE = 200.0


# The help section that belongs to each screen (see screens.help.HELP).
HELP_SECTIONS = {
    "HomeScreen": _("Beranda"),
    "ReviewScreen": _("Ulangi"),
    "StatsScreen": _("Statistik"),
    "LessonScreen": _("Pembaca pelajaran"),
    "QuizScreen": _("Kuis"),
    "ResultsScreen": _("Hasil dan riwayat"),
    "HistoryScreen": _("Hasil dan riwayat"),
}

# Questions due for review per bank id, shown in the home screen's "Ulang" column.
# The default is the spaced-review count (``review.due.due_by_bank``) at the app's clock.
ReviewCounter = Callable[[Catalog, ProgressStore], Mapping[str, int]]


class LatsarApp(App[int]):
    """Lessons, practice and exams for Latsar CPNS trainees, all from the keyboard."""

    CSS_PATH = "app.tcss"
    TITLE = _("Latsar")
    SUB_TITLE = _("Belajar Latihan Dasar CPNS")
    COMMANDS = App.COMMANDS | {LatsarCommands}
    COMMAND_PALETTE_BINDING = "ctrl+p"
    BINDINGS = [  # noqa: RUF012
        Binding("ctrl+c", "quit", _("Keluar"), show=False, priority=True),
        Binding("q", "quit", _("Keluar")),
        Binding("question_mark", "help", _("Bantuan")),
    ]

    def __init__(
        self,
        paths: Paths,
        *,
        extra_content: Sequence[Path] = (),
        catalog_loader: Callable[[], Catalog] | None = None,
        clock: Clock | None = None,
        words_per_minute: float = WORDS_PER_MINUTE,
        tick_seconds: float = 1.0,
        seed: int | None = None,
        review_counts: ReviewCounter | None = None,
        store: ProgressStore | None = None,
        tz: tzinfo | None = None,
    ) -> None:
        super().__init__()
        for theme in THEMES:
            self.register_theme(theme)
        self.paths = paths
        self.extra_content = tuple(extra_content)
        self._catalog_loader = catalog_loader or self._default_loader
        self.clock: Clock = clock if clock is not None else SystemClock()
        self.words_per_minute = words_per_minute
        self.tick_seconds = tick_seconds
        self.seed = seed
        self.review_counts: ReviewCounter = review_counts or self._due_by_bank
        # None: the home screen's "Ulang" column is the due summary's own count.
        self._custom_review_counts = review_counts
        # The home screen's figures, kept between refreshes so that a refresh after
        # an answer queries only that answer's bank (see review.home_figures).
        self.home_figures = HomeFigures()
        # The time zone that decides where a study day ends (None: the computer's).
        self.tz = tz
        self.catalog = Catalog()
        # True while the worker reads content; the home screen shows a loading indicator.
        self.catalog_loading = False
        self._announce_load = False
        self._store: ProgressStore | None = store
        # The quiz being answered, so quitting from anywhere can checkpoint its clock.
        self.active_session: QuizSession | None = None
        # Held while this window has the data folder open (see store.lock).
        self._instance_lock = InstanceLock(paths.lock_file)
        # Set by set_language(): run_app starts the app again in that language.
        self.language_restart: str | None = None

    def _default_loader(self) -> Catalog:
        # Imported here, in the worker: the loader pulls in YAML and the validator
        # (about 0.1 s of imports) that the first frame does not need.
        from latsar_tui.content.loader import load_catalog

        return load_catalog(self.paths, self.extra_content, cache=True)

    def _due_by_bank(self, catalog: Catalog, store: ProgressStore) -> Mapping[str, int]:
        return due_by_bank(catalog, store, self.clock.now(), self.tz)

    # --- spaced review figures for the home screen ---------------------------------

    def settings(self) -> Settings:
        """The trainee's saved settings, read again (another screen may have saved)."""
        return load_settings(self.paths)

    def due_summary(self, settings: Settings | None = None) -> DueSummary:
        """What is due now and the size of today's review session."""
        return due_summary(
            self.catalog, self.store, settings or self.settings(), self.clock.now(), self.tz
        )

    def home_figures_now(
        self, settings: Settings
    ) -> tuple[Mapping[str, set[str]], Mapping[str, Any], DueSummary, Mapping[str, int]]:
        """Lessons read per module, scores and due counts per bank, the due summary."""
        read, scores, summary = self.home_figures.refresh(
            self.catalog, self.store, settings, self.clock.now(), self.tz
        )
        if self._custom_review_counts is None:
            due = summary.by_bank
        else:
            due = self._custom_review_counts(self.catalog, self.store)
        return read, scores, summary, due

    def exam_plan(self, settings: Settings | None = None) -> ExamPlan | None:
        """The exam-date plan, or None when no exam date is set."""
        return exam_plan(
            self.catalog, self.store, settings or self.settings(), self.clock.now(), self.tz
        )

    @property
    def store(self) -> ProgressStore:
        """The progress store, opened on first use."""
        if self._store is None:
            self._store = ProgressStore.open(self.paths.ensure())
        return self._store

    # --- lifecycle -----------------------------------------------------------------

    def on_mount(self) -> None:
        self._apply_saved_theme()
        notice = self.store.notice
        if notice:
            # A damaged database was moved aside: say so, it is the trainee's history.
            self.notify(notice, title=_("Basis data"), severity="warning", markup=False, timeout=15)
        self._update_too_small(self.size.width, self.size.height)
        self.submit_expired_exams()
        # The home screen comes first, with a loading indicator; the catalog is read
        # in a thread so that a big bank never holds back the first frame, and that
        # thread starts once the frame is painted so it does not compete for the GIL.
        self.catalog_loading = True
        self.push_screen(HomeScreen())
        self.call_after_refresh(self.load_catalog_in_background)
        if not self.store.saving:
            # A read-only folder: nothing is written, so there is no writer to decide
            # (and no lock file can be made there); the notice above said why.
            self.sub_title = _("hanya-baca: jawaban tidak disimpan")
        elif self._instance_lock.acquire():
            self.store.claim_writer()
        else:
            self.push_screen(OtherWindowScreen(), self._other_window_chosen)

    def _other_window_chosen(self, choice: str | None) -> None:
        """Read-only, take over, or quit: the answer to OtherWindowScreen."""
        if choice == "quit":
            self.exit(0)
        elif choice == "take":
            self.store.claim_writer()
            self.notify(_("Jendela ini sekarang yang menyimpan; jendela lain menjadi hanya-baca."))
        else:
            self.store.read_only = True
            self.sub_title = _("hanya-baca (Latsar terbuka di jendela lain)")
            self.notify(_("Jendela ini hanya-baca: tidak ada yang disimpan."), severity="warning")

    def report_store_error(self, error: StoreError) -> None:
        """Say why a write was refused (finished attempt, read-only, taken over)."""
        if self.store.read_only:
            self.sub_title = _("hanya-baca (Latsar terbuka di jendela lain)")
        elif not self.store.saving:
            self.sub_title = _("hanya-baca: jawaban tidak disimpan")
        self.notify(
            str(error), title=_("Tidak disimpan"), severity="error", markup=False, timeout=10
        )

    def submit_expired_exams(self) -> None:
        """Submit exams whose time ended while the app was closed, and say so."""
        submitted = submit_expired(self.store, self.clock)
        if submitted:
            self.notify(
                ngettext(
                    "Waktu {n} ujian habis saat aplikasi tertutup; "
                    "jawaban yang sudah ada telah dikirim dan dinilai (lihat riwayat, h).",
                    "Waktu {n} ujian habis saat aplikasi tertutup; "
                    "jawaban yang sudah ada telah dikirim dan dinilai (lihat riwayat, h).",
                    len(submitted),
                ).format(n=len(submitted)),
                title=_("Ujian"),
                severity="warning",
                timeout=15,
            )

    def _apply_saved_theme(self) -> None:
        # A theme that is no longer registered (renamed, or from a newer version) is
        # ignored rather than refused, so the app always starts.
        settings = self.settings()
        saved = settings.theme
        if self.no_color:
            # NO_COLOR asks for no colour at all; the choice is not saved over theirs.
            self.theme = NO_COLOUR
        elif saved is not None and saved in self.available_themes and saved != self.theme:
            self.theme = saved
        if not settings.animations:
            self.animation_level = "none"
        self._theme_restored = True

    def set_animations(self, on: bool) -> None:
        """Turn motion on or off now and for the next start."""
        self.animation_level = "full" if on else "none"
        if self._save_settings(animations=on):
            self.notify(_("Animasi dinyalakan.") if on else _("Animasi dimatikan."))

    def _save_settings(self, **changes: Any) -> bool:
        """Save the settings with ``changes``; False (and said why) when that failed."""
        try:
            save_settings(self.paths, replace(self.settings(), **changes))
        except OSError as error:
            self.notify(
                _("Pengaturan tidak dapat disimpan: {error}").format(error=error),
                severity="warning",
                markup=False,
            )
            return False
        return True

    def set_language(self, code: str) -> None:
        """Save ``code`` as the interface language and restart the app in it.

        Key labels and screen texts are bound when their modules load, so the app
        restarts (progress is committed answer by answer; nothing is lost).
        """
        if code == i18n.current_language() or not self._save_settings(language=code):
            return
        self.language_restart = code
        self.exit(0)

    def use_theme(self, name: str) -> None:
        """Switch theme (from the palette); remembered for the next start."""
        self.theme = name

    def watch_theme(self, theme: str) -> None:
        """Remember the theme the learner picked (Ctrl+P, "Tema") for the next start."""
        if not getattr(self, "_theme_restored", False) or self.no_color:
            return  # the start-up default or the saved theme being applied
        settings = self.settings()
        if settings.theme != theme:
            try:
                save_settings(self.paths, replace(settings, theme=theme))
            except OSError as error:
                self.notify(
                    _("Tema tidak dapat disimpan: {error}").format(error=error),
                    severity="warning",
                    markup=False,
                )

    def reload_catalog(self) -> None:
        """Read every content root again, here and now (tests and the plain front end)."""
        self.catalog = self._catalog_loader()
        self.catalog_loading = False

    def load_catalog_in_background(self, *, announce: bool = False) -> None:
        """Read every content root in a worker thread; the home screen fills in after.

        Until it is done ``catalog_loading`` is True and the home screen shows a
        loading indicator; ``announce`` says "Konten dimuat ulang." when it is done.
        """
        self.catalog_loading = True
        self._announce_load = announce
        self.run_worker(
            self._catalog_loader,
            name="catalog",
            group="catalog",
            thread=True,
            exclusive=True,
            exit_on_error=False,
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The catalog worker finished (or failed): show what it read."""
        worker = event.worker
        if worker.name != "catalog" or worker.group != "catalog":
            return
        if event.state == WorkerState.SUCCESS and isinstance(worker.result, Catalog):
            self.catalog = worker.result
        elif event.state == WorkerState.ERROR:
            self.notify(
                _("Konten tidak dapat dimuat: {error}").format(error=worker.error),
                title=_("Konten"),
                severity="error",
                markup=False,
                timeout=15,
            )
        else:
            return  # still pending or running, or cancelled by a newer load
        self.catalog_loading = False
        self._refresh_home()
        if self._announce_load:
            self.notify(_("Konten dimuat ulang."))

    def _refresh_home(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen) and screen.is_mounted:
                screen.refresh_data()

    def action_reload_content(self) -> None:
        """Reload content (in the background) and show the home screen again."""
        self.go_home()
        self.load_catalog_in_background(announce=True)
        self._refresh_home()

    def on_resize(self, event: events.Resize) -> None:
        self._update_too_small(event.size.width, event.size.height)

    @property
    def too_small(self) -> bool:
        """Whether the terminal is below 60×20 and the notice hides every screen."""
        return self.has_class("-too-small")

    async def on_event(self, event: events.Event) -> None:
        # Behind the too-small notice the screen is hidden, so a key must not act on
        # it: only quit and help get through (and Esc, to close the help again).
        if (
            isinstance(event, events.Key)
            and not event.is_forwarded
            and self.too_small
            and event.key not in KEYS_WHILE_TOO_SMALL
            # By name: the help screen's module is imported only when help is opened.
            and not (event.key == "escape" and type(self.screen).__name__ == "HelpScreen")
        ):
            event.stop()
            event.prevent_default()
            return
        await super().on_event(event)

    def _update_too_small(self, width: int, height: int) -> None:
        self.set_class(width < MIN_WIDTH or height < MIN_HEIGHT, "-too-small")
        # Below the comfortable 80x24 the stylesheet folds side panes away.
        self.set_class(width < COMFORTABLE_WIDTH, "-narrow")
        self.set_class(height < COMFORTABLE_HEIGHT, "-short")

    def checkpoint(self) -> None:
        """Persist the running quiz's time used, so a resume gets the time that was left."""
        if self.active_session is not None and not self.active_session.is_finished:
            # Read-only or taken over: the other window keeps the clock.
            with contextlib.suppress(StoreError):
                self.active_session.checkpoint()

    async def action_quit(self) -> None:
        self.checkpoint()
        self.exit(0)

    def on_unmount(self) -> None:
        self.checkpoint()
        self._instance_lock.release()
        if self._store is not None:
            self._store.close()
            self._store = None

    # --- navigation used by screens and the command palette ------------------------

    def action_command_palette(self) -> None:
        """Ctrl+P: the palette, its own texts in Indonesian."""
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(LatsarPalette(id="--command-palette"))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's built-in palette entries, in Indonesian and only those that fit."""
        yield SystemCommand(_("Tema"), _("Ganti tema warna tampilan"), self.action_change_theme)
        yield SystemCommand(_("Bantuan tombol"), _("Semua tombol layar ini"), self.action_help)
        yield SystemCommand(_("Keluar"), _("Keluar; jawaban sudah tersimpan"), self.action_quit)

    def action_help(self) -> None:
        """?: the key help, opened at the section of the screen on top."""
        from latsar_tui.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(HELP_SECTIONS.get(type(self.screen).__name__)))

    def go_home(self) -> None:
        """Back to the home screen, closing whatever is above it."""
        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()

    def open_module(self, module_id: str, lesson_id: str | None = None) -> None:
        """Open the lesson reader on a module (at its first lesson unless told)."""
        module = self.catalog.module(module_id)
        if module is None:
            self.notify(_("Modul tidak ditemukan."), severity="error")
            return
        from latsar_tui.ui.screens.lesson import LessonScreen

        self.push_screen(LessonScreen(module, lesson_id))

    def open_history(self) -> None:
        """The list of finished attempts."""
        from latsar_tui.ui.screens.history import HistoryScreen

        self.push_screen(HistoryScreen())

    def choose_quiz(
        self,
        *,
        bank_id: str | None = None,
        module_id: str | None = None,
        lesson_id: str | None = None,
    ) -> None:
        """Ask for mode and scope, then start the quiz."""
        from latsar_tui.ui.screens.start import StartQuizScreen

        def started(choice: tuple[Scope, Mode] | None) -> None:
            if choice is not None:
                self.start_quiz(*choice)

        dialog = StartQuizScreen(
            self.catalog, bank_id=bank_id, module_id=module_id, lesson_id=lesson_id
        )
        if not dialog.scopes:
            self.notify(_("Belum ada soal untuk materi ini."), severity="warning")
            return
        self.push_screen(dialog, started)

    def start_quiz(self, scope: Scope, mode: Mode) -> None:
        """Start a session through the engine and show its first question."""
        try:
            session = QuizSession.start(
                self.catalog, self.store, scope, mode, seed=self.seed, clock=self.clock
            )
        except SessionError as error:
            self.notify(
                str(error), title=_("Kuis tidak dapat dimulai"), severity="error", markup=False
            )
            return
        except StoreError as error:
            self.report_store_error(error)
            return
        self.open_session(session)

    def resume_quiz(self, attempt_id: int) -> None:
        """Resume an unfinished attempt at its next unanswered question."""
        try:
            session = QuizSession.resume(self.catalog, self.store, attempt_id, clock=self.clock)
        except SessionError as error:
            self.notify(
                str(error), title=_("Tidak dapat dilanjutkan"), severity="error", markup=False
            )
            return
        self.open_session(session)

    def open_session(self, session: QuizSession) -> None:
        """Show a session that has been started or resumed on the quiz screen."""
        from latsar_tui.ui.screens.quiz import QuizScreen

        self.active_session = session
        self.push_screen(QuizScreen(session))

    # --- spaced review ---------------------------------------------------------------

    def open_review(self) -> None:
        """The review hub: Ulangi, Persiapan ujian, Latihan kesalahan, exam date."""
        from latsar_tui.ui.screens.review_home import ReviewScreen

        if not isinstance(self.screen, ReviewScreen):
            self.push_screen(
                ReviewScreen(
                    self.catalog,
                    self.store,
                    self.paths,
                    self.clock,
                    self.open_session,
                    tz=self.tz,
                    seed=self.seed,
                )
            )

    def open_stats(self) -> None:
        """The statistics screen."""
        from latsar_tui.ui.screens.stats import StatsScreen

        if not isinstance(self.screen, StatsScreen):
            self.push_screen(
                StatsScreen(self.catalog, self.store, self.settings(), self.clock, tz=self.tz)
            )

    def open_exam_date(self) -> None:
        """The dialog for the exam date and the daily review caps."""
        from latsar_tui.ui.screens.review_exam_date import ExamDateScreen

        def saved(settings: Settings | None) -> None:
            if settings is not None:
                save_settings(self.paths, settings)
                self.notify(_("Pengaturan disimpan."))
                refresh = getattr(self.screen, "refresh_data", None)
                if refresh is not None:
                    refresh()

        self.push_screen(ExamDateScreen(self.settings()), saved)

    def _start_built(self, build: Callable[[], QuizSession]) -> None:
        try:
            session = build()
        except SessionError as error:
            self.notify(str(error), title=_("Sesi tidak dimulai"), markup=False)
            return
        except StoreError as error:
            self.report_store_error(error)
            return
        self.open_session(session)

    def start_review(self) -> None:
        """Today's review session ("Ulangi")."""
        self._start_built(
            lambda: sessions().start_review(
                self.catalog,
                self.store,
                self.settings(),
                clock=self.clock,
                tz=self.tz,
                seed=self.seed,
            )
        )

    def start_exam_prep(self) -> None:
        """The questions least likely to be recalled on the exam date."""
        settings = self.settings()
        if settings.exam_date is None:
            self.notify(_("Atur dulu tanggal ujian Anda."))
            self.open_exam_date()
            return
        self._start_built(
            lambda: sessions().start_exam_prep(
                self.catalog, self.store, settings, clock=self.clock, tz=self.tz, seed=self.seed
            )
        )

    def start_mistakes(self) -> None:
        """Every question last answered below full marks."""
        self._start_built(
            lambda: sessions().start_mistakes(
                self.catalog, self.store, clock=self.clock, seed=self.seed
            )
        )

    def show_results(self, result: SessionResult, *, replace: bool = False) -> None:
        """The results screen; ``replace`` swaps it in for the finished quiz."""
        from latsar_tui.ui.screens.results import ResultsScreen

        screen = ResultsScreen(result)
        if replace:
            self.switch_screen(screen)
            if not self.store.saving:
                self.notify(
                    _(
                        "Hasil ini tidak disimpan: Latsar hanya-baca, jawaban hanya diingat "
                        "sampai aplikasi ditutup."
                    ),
                    title=_("Tidak disimpan"),
                    severity="warning",
                    timeout=10,
                )
        else:
            self.push_screen(screen)

    def open_attempt_result(self, attempt_id: int) -> None:
        """A past attempt's results, rebuilt by the engine."""
        try:
            result = load_result(self.catalog, self.store, attempt_id)
        except SessionError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.show_results(result)


def sessions() -> Any:
    """``review.sessions``, imported when a review session starts, not at start-up."""
    from latsar_tui.review import sessions as module

    return module


def run_app(ctx: CommandContext, **options: Any) -> int:
    """Run the study app for the CLI; returns the exit status.

    The progress store is opened before the terminal is taken over, so a database
    that cannot be used (say, written by a newer version) is a one-line error.
    """
    try:
        store = ProgressStore.open(ctx.paths.ensure())
    except (StoreError, OSError) as error:
        raise CommandError(str(error)) from error
    app = LatsarApp(ctx.paths, extra_content=ctx.extra_content, store=store, **options)
    code = app.run()
    if app.language_restart is not None:
        return restart_in_language(app.language_restart)
    return code if isinstance(code, int) else app.return_code or 0


def restart_in_language(code: str) -> int:
    """Start ``latsar`` again, with the same arguments, in the language ``code``."""
    os.environ["LATSAR_LANG"] = code  # above the setting, so the choice holds this run
    args = [sys.executable, "-m", "latsar_tui", *_without_lang(sys.argv[1:])]
    if os.name == "posix":
        os.execv(sys.executable, args)
    return subprocess.call(args)


def _without_lang(argv: list[str]) -> list[str]:
    kept: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("--lang="):
            kept.append(arg)
    return kept

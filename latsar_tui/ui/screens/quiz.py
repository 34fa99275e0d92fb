"""A quiz session on screen: one question at a time, driven entirely by the engine.

The screen turns key presses into a canonical answer (through the display order the
engine chose), hands it to ``session.answer`` (which scores and stores it at once) and
shows what comes back. It never scores, shuffles or orders anything itself.

An exam runs like the CAT: ←/→ move between questions, r marks one ragu-ragu, g opens
the question grid, an answer can be changed until x submits (after a summary), and
the clock is the engine's wall-clock deadline.
"""

from __future__ import annotations

import contextlib
import math
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Header, Markdown, Static

from latsar_tui.content.model import (
    Answer,
    BranchChoice,
    BranchingQuestion,
    BranchStep,
    MatchingQuestion,
    MultipleQuestion,
    OrderingQuestion,
    ScenarioQuestion,
    ShortAnswerQuestion,
    SingleQuestion,
    TrueFalseQuestion,
)
from latsar_tui.i18n import _, ngettext
from latsar_tui.quiz import scoring
from latsar_tui.quiz.session import Mode, PresentedQuestion, QuizSession, SessionError, TimeUp
from latsar_tui.settings import Settings
from latsar_tui.store.db import StoreError
from latsar_tui.store.progress import DiskFull
from latsar_tui.ui.screens.exam_grid import ExamGridScreen
from latsar_tui.ui.text import TYPE_NAMES, lesson_of, mode_name, reread_line, wrap_segments
from latsar_tui.ui.widgets.answer_lists import ChoiceList, OrderList, TrueFalseList
from latsar_tui.ui.widgets.feedback import choice_feedback, verdict
from latsar_tui.ui.widgets.footer import LatsarFooter
from latsar_tui.ui.widgets.matching import MatchingWidget
from latsar_tui.ui.widgets.short_answer import ShortAnswerInput
from latsar_tui.ui.widgets.too_small import TooSmallNotice
from latsar_tui.ui.widgets.typed_widgets import typed_answer_widget

# How often the time used is saved even when nothing else happens (seconds).
CHECKPOINT_EVERY = 5.0

HINTS = {
    "single": _("1–6 atau a–f memilih · ↑/↓ lalu Enter"),
    "true_false": _("1/b Benar · 2/s Salah · ↑/↓ lalu Enter"),
    "scenario": _("1–6 atau a–f memilih · ↑/↓ lalu Enter"),
    "multiple": _("Spasi atau 1–8 mencentang · Enter mengirim jawaban"),
    "ordering": _("Spasi ambil/lepas lalu ↑/↓ menggeser (atau Shift+↑/↓, -/+) · Enter mengirim"),
    "branching": _("1–5 atau a–e memilih langkah · ↑/↓ lalu Enter"),
    "short_answer": _("Ketik jawaban · Enter mengirim"),
    "matching": _("↑/↓ atau 1–8 memilih butir kiri · huruf menjodohkan · Enter mengirim"),
}

# With "konfirmasi jawaban" a key only marks an option; Enter answers.
CONFIRM_HINTS = {
    "single": _("1–6 atau a–f menandai · Enter menjawab"),
    "true_false": _("1/b Benar · 2/s Salah menandai · Enter menjawab"),
    "scenario": _("1–6 atau a–f menandai · Enter menjawab"),
    "branching": _("1–5 atau a–e menandai langkah · Enter menjawab"),
}

EXAM_KEYS = _("←/→ pindah · r ragu · g daftar")


def format_remaining(seconds: float) -> str:
    """``04:59`` (or ``1:04:59`` past an hour), rounded up so 0:00 means time is up."""
    total = max(0, math.ceil(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question: only y answers yes; n, Esc and Enter answer no.

    Enter is the safe choice, so an Enter meant for the question below (or pressed
    twice) never ends a quiz.
    """

    BINDINGS = [  # noqa: RUF012
        Binding("y", "answer(True)", _("Ya")),
        Binding("n,escape,enter", "answer(False)", _("Tidak")),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box") as box:
            box.border_title = _("Konfirmasi")
            yield Static(self.question, markup=False)
            yield Static(_("y: ya   ·   n/Esc/Enter: tidak"), classes="hint", markup=False)

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class QuizScreen(Screen[None]):
    """Answer the session's questions one by one."""

    BINDINGS = [  # noqa: RUF012
        Binding("enter", "next", _("Lanjut")),
        # x, not s: in a true/false question s means Salah.
        Binding("x", "end", _("Akhiri")),
        # Esc goes back to where the quiz was started (home, or the lesson it came from).
        Binding("escape", "leave", _("Kembali")),
        Binding("m", "open_lesson", _("Materi")),
        # An exam only (see check_action): the CAT's free movement and flags.
        Binding("left", "move(-1)", _("Sebelumnya"), show=False),
        Binding("right", "move(1)", _("Berikutnya"), show=False),
        Binding("r", "flag", _("Ragu-ragu"), show=False),
        Binding("g", "grid", _("Daftar soal"), show=False),
        Binding("backspace", "restart_case", _("Ulangi kasus"), show=False),
    ]

    def __init__(self, session: QuizSession) -> None:
        super().__init__()
        self.session = session
        self.presented: PresentedQuestion | None = None
        self.waiting_next = False
        self.branch_choices: list[int] = []
        self.branch_step: str | None = None
        self._shown_at: Any = None
        self._ticks = 0
        self._done = False
        self._status_text = ""
        self._confirm: bool | None = None

    @property
    def _app(self) -> Any:
        return self.app

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # "Lanjut" is only offered (and shown in the footer) while feedback is on screen.
        if action == "next":
            return self.waiting_next
        if action == "open_lesson":
            return self.waiting_next and self._lesson() is not None
        if action in {"move", "flag", "grid"}:
            return self.session.free_navigation
        if action == "restart_case":
            presented = self.presented
            return (
                self.session.free_navigation
                and presented is not None
                and isinstance(presented.question, BranchingQuestion)
                and self.session.is_answered(presented.position)
            )
        return True

    @property
    def confirm(self) -> bool:
        """The "konfirmasi jawaban" setting for this kind of quiz."""
        if self._confirm is None:
            # Read once per quiz; a host without settings (tests) uses the defaults.
            reader = getattr(self.app, "settings", None)
            settings = reader() if callable(reader) else Settings()
            self._confirm = settings.confirm_answers(self.session.mode is Mode.EXAM)
        return self._confirm

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="quiz-status")
        yield VerticalScroll(id="quiz-body")
        yield Static(id="quiz-hint")
        yield LatsarFooter()
        yield TooSmallNotice()

    async def on_mount(self) -> None:
        self.sub_title = self.session.title
        tick = self._app.tick_seconds
        self._checkpoint_ticks = max(1, round(CHECKPOINT_EVERY / tick))
        self.set_interval(tick, self._tick)
        await self._show_current()

    # --- time ----------------------------------------------------------------------

    def _tick(self) -> None:
        if self._done:
            return
        self._ticks += 1
        if self._ticks % self._checkpoint_ticks == 0:
            try:
                self.session.checkpoint()
            except DiskFull as error:
                self._app.report_store_error(error)  # the clock goes on in memory
            except StoreError as error:
                self._refused(error)
                return
        if self.session.time_limit is not None:
            if self.session.is_time_up():
                self._finish()
                return
            self._update_status()

    def _update_status(self) -> None:
        session = self.session
        mode = mode_name(session.mode)
        position = (self.presented.position + 1) if self.presented else session.total
        parts: list[Any] = [(f" {mode} ", "reverse bold")]
        left = session.time_left()
        if left is not None:
            # The clock comes first: on a narrow terminal (60 columns) the end of the
            # line is cut, and the time left is the one thing an exam must never hide.
            parts.append((_("  Sisa waktu "), ""))
            parts.append((format_remaining(left.total_seconds()), "bold"))
            parts.append(("  ·", ""))
        parts.append(
            _("  Soal {position} dari {total}  ·  {answered} dijawab").format(
                position=position, total=session.total, answered=session.answered_count
            )
        )
        if session.free_navigation and self.presented is not None:
            here = self.presented.position
            # Short, and last: the grid (g) shows every question's state in full.
            parts.append((" · ", ""))
            parts.append(
                (_("✓ dijawab"), "bold $success")
                if session.is_answered(here)
                else (_("○ kosong"), "bold")
            )
            if session.is_flagged(here):
                parts.append((_(" R ragu"), "bold $warning"))
        status = Content.assemble(*parts)
        # Ticks come often; repaint only when the line actually changes.
        if status.plain != self._status_text:
            self._status_text = status.plain
            self.query_one("#quiz-status", Static).update(status)

    # --- showing a question --------------------------------------------------------

    async def _show_current(self) -> None:
        self.presented = self.session.current()
        self.waiting_next = False
        self.refresh_bindings()
        if self.presented is None:
            self._finish()
            return
        question = self.presented.question
        # A case quit half-way continues after the steps already taken.
        taken: list[tuple[BranchStep, BranchChoice]] = []
        self.branch_choices = []
        self.branch_step = None
        standing = self.session.answer_at(self.presented.position)
        if isinstance(question, BranchingQuestion):
            if self.session.free_navigation and isinstance(standing, tuple):
                self.branch_choices = list(standing)  # a finished case, shown as it went
            else:
                self.branch_choices = list(self.session.branch_progress())
            taken = scoring.branching_path(question, self.branch_choices)
            self.branch_step = taken[-1][1].next if taken else question.start
        self._shown_at = self._app.clock.now()
        self._update_status()
        body = self.query_one("#quiz-body", VerticalScroll)
        await body.remove_children()
        widgets: list[Widget] = [
            Static(
                Content.assemble(
                    (TYPE_NAMES.get(str(question.type), str(question.type)), "bold $accent"),
                    ("  ·  ", "dim"),
                    Content(self.presented.bank.title),
                ),
                classes="question-type",
            )
        ]
        if question.context:
            widgets.append(Static(_("Situasi"), classes="section-label"))
            widgets.append(Markdown(question.context, open_links=False, classes="context"))
        widgets.append(Markdown(question.prompt, open_links=False, classes="prompt"))
        for number, (step, choice) in enumerate(taken, start=1):
            widgets.append(
                Static(
                    _("Langkah {number}").format(number=number),
                    classes="section-label step-label",
                )
            )
            widgets.append(Markdown(step.text, open_links=False, classes="step"))
            widgets.append(self._choice_made(choice))
        await body.mount_all(widgets)
        if self.branch_step is None and taken:
            # An exam's finished case: its path stands until restarted or submitted.
            self.query_one("#quiz-hint", Static).update(
                Content(_("Kasus selesai · Backspace mengulang kasus") + " · " + EXAM_KEYS)
            )
            body.scroll_end(animate=False)
            body.focus()
            return
        await self._mount_answer_widget()
        if taken and not self.session.free_navigation:
            self.notify(
                _(
                    "Kasus dilanjutkan di langkah {number}; langkah sebelumnya sudah tersimpan."
                ).format(number=len(taken) + 1)
            )
            body.scroll_end(animate=False)
        elif taken:
            body.scroll_end(animate=False)
        else:
            body.scroll_home(animate=False)

    async def _mount_answer_widget(self) -> None:
        presented = self.presented
        assert presented is not None
        question = presented.question
        body = self.query_one("#quiz-body", VerticalScroll)
        widget: Widget
        confirm = self.confirm
        # An exam question visited again shows the answer that stands.
        standing = self.session.answer_at(presented.position)
        if isinstance(question, TrueFalseQuestion):
            chosen = () if standing is None else (0 if standing else 1,)
            widget = TrueFalseList(confirm=confirm, chosen=chosen, id="answer")
        elif isinstance(question, SingleQuestion | ScenarioQuestion | MultipleQuestion):
            order = self._order(len(question.options))
            if isinstance(standing, frozenset):
                chosen = tuple(order.index(i) for i in sorted(standing))
            elif isinstance(standing, int) and not isinstance(standing, bool):
                chosen = (order.index(standing),)
            else:
                chosen = ()
            widget = ChoiceList(
                [Content(question.options[i].text) for i in order],
                multi=isinstance(question, MultipleQuestion),
                confirm=confirm,
                chosen=chosen,
                id="answer",
            )
        elif isinstance(question, OrderingQuestion):
            order = self._order(len(question.items))
            if isinstance(standing, tuple) and sorted(standing) == sorted(order):
                order = standing
            widget = OrderList([(i, Content(question.items[i])) for i in order], id="answer")
        elif isinstance(question, ShortAnswerQuestion | MatchingQuestion):
            widget = typed_answer_widget(
                question, self._order(len(getattr(question, "rights", ())))
            )
        else:
            assert isinstance(question, BranchingQuestion)
            assert self.branch_step is not None
            step = question.step(self.branch_step)
            await body.mount(
                Static(
                    _("Langkah {number}").format(number=len(self.branch_choices) + 1),
                    classes="section-label step-label",
                )
            )
            await body.mount(Markdown(step.text, open_links=False, classes="step"))
            shown = self.presented.step_order(step.id) if self.presented is not None else ()
            widget = ChoiceList(
                [Content(step.choices[i].text) for i in shown],
                confirm=confirm,
                id="answer",
            )
        await body.mount(widget)
        # The caller scrolls the body (to the question's top, or to a new step); a
        # long list of options taking focus must not scroll the question away.
        widget.focus(scroll_visible=False)
        # s and Esc are in the footer; repeating them cut the ordering hint at 80 columns.
        self._show_hint()

    def _show_hint(self, prefix: str = "") -> None:
        presented = self.presented
        kind = "" if presented is None else str(presented.question.type)
        hint = (CONFIRM_HINTS.get(kind) if self.confirm else None) or HINTS.get(kind, "")
        if self.session.free_navigation:
            hint = f"{hint} · {EXAM_KEYS}"
        # Broken between "·"-separated keys, never between a key and its word.
        width = max(20, self.app.size.width - 2)
        self.query_one("#quiz-hint", Static).update(
            Content("\n".join(wrap_segments((prefix + hint).split(" · "), width)))
        )

    @on(ChoiceList.Held, "#answer")
    def _choice_held(self, event: ChoiceList.Held) -> None:
        event.stop()
        if event.hidden:
            self.query_one("#quiz-hint", Static).update(
                Content(_("Ada pilihan di luar layar: baca semua, lalu Enter menjawab pilihan ▶"))
            )
        else:
            self.query_one("#quiz-hint", Static).update(
                Content(_("Enter menjawab pilihan ▶ · angka/huruf lain mengganti pilihan"))
            )

    def _order(self, count: int) -> tuple[int, ...]:
        """Display position -> canonical index, as the engine decided (identity if none)."""
        assert self.presented is not None
        order = tuple(self.presented.order)
        return order if len(order) == count else tuple(range(count))

    # --- answering -----------------------------------------------------------------

    @on(ChoiceList.Answered, "#answer")
    async def _choice_answered(self, event: ChoiceList.Answered) -> None:
        event.stop()
        presented = self.presented
        if presented is None:
            return
        question = presented.question
        answer: Answer
        if isinstance(question, TrueFalseQuestion):
            answer = event.positions[0] == 0
        elif isinstance(question, MultipleQuestion):
            order = self._order(len(question.options))
            answer = frozenset(order[p] for p in event.positions)
        elif isinstance(question, SingleQuestion | ScenarioQuestion):
            answer = self._order(len(question.options))[event.positions[0]]
        else:
            assert self.branch_step is not None
            shown = presented.step_order(self.branch_step)
            await self._branch_step_answered(shown[event.positions[0]])
            return
        await self._submit(answer)

    @on(ShortAnswerInput.Answered, "#answer")
    async def _typed_answered(self, event: ShortAnswerInput.Answered) -> None:
        event.stop()
        await self._submit(event.text)

    @on(MatchingWidget.Answered, "#answer")
    async def _matching_answered(self, event: MatchingWidget.Answered) -> None:
        event.stop()
        question = self.presented.question if self.presented else None
        if isinstance(question, MatchingQuestion):
            order = self._order(len(question.rights))
            await self._submit(tuple(order[p] for p in event.picks))

    @on(OrderList.Answered, "#answer")
    async def _order_answered(self, event: OrderList.Answered) -> None:
        event.stop()
        await self._submit(event.sequence)

    async def _branch_step_answered(self, choice_index: int) -> None:
        presented = self.presented
        assert presented is not None and isinstance(presented.question, BranchingQuestion)
        question = presented.question
        assert self.branch_step is not None
        choice = question.step(self.branch_step).choices[choice_index]
        self.branch_choices.append(choice_index)
        self.branch_step = choice.next
        if self.branch_step is None:
            await self._submit(tuple(self.branch_choices))
            return
        # Kept at once, so quitting now resumes at the next step.
        try:
            self.session.save_branch_progress(self.branch_choices)
        except DiskFull as error:
            # Only this resume point is lost; the case goes on and its answer counts.
            self._app.report_store_error(error)
        except StoreError as error:
            self._refused(error)
            return
        body = self.query_one("#quiz-body", VerticalScroll)
        await self.query_one("#answer").remove()
        await body.mount(self._choice_made(choice))
        if self.session.mode != Mode.EXAM:
            # The consequence is on screen; the next step once the learner is ready.
            self.waiting_next = True
            self.refresh_bindings()
            self.query_one("#quiz-hint", Static).update(_("Enter: langkah berikutnya"))
            body.scroll_end(animate=False)
            body.focus()
        else:
            await self._next_branch_step()

    def _choice_made(self, choice: BranchChoice) -> Static:
        """The choice taken at a step; with its points and consequence unless an exam."""
        if self.session.mode == Mode.EXAM:
            return Static(
                Content.assemble((_("Pilihan Anda: "), "bold"), Content(choice.text)),
                classes="consequence",
            )
        return Static(
            Content.assemble(
                (_("Pilihan Anda: "), "bold"),
                Content(choice.text),
                "  "
                + ngettext("({n} poin)", "({n} poin)", choice.score).format(n=choice.score)
                + "\n",
                (_("Akibatnya: "), "bold"),
                Content(choice.feedback).stylize("italic"),
            ),
            classes="consequence",
        )

    async def _next_branch_step(self) -> None:
        self.waiting_next = False
        self.refresh_bindings()
        await self._mount_answer_widget()
        self.query_one("#quiz-body", VerticalScroll).scroll_end(animate=False)

    async def _submit(self, answer: Answer) -> None:
        if self.session.is_time_up():
            self._finish()
            return
        taken = None
        if self._shown_at is not None:
            taken = (self._app.clock.now() - self._shown_at).total_seconds()
        try:
            outcome = self.session.answer(answer, time_taken=taken)
        except TimeUp:
            self._finish()
            return
        except DiskFull as error:
            # Not kept; the store now keeps answers in memory, so the quiz goes on at
            # this same question, shown afresh, and the next try is taken.
            self._app.report_store_error(error)
            await self._show_current()
            return
        except StoreError as error:
            self._refused(error)
            return
        except SessionError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        if self.session.free_navigation:
            # Saved; it stays changeable, so the question stays with its choice marked.
            await self._show_current()
            self.notify(_("Jawaban tersimpan; dapat diubah sampai ujian dikirim."), timeout=2)
            return
        if self.session.mode == Mode.EXAM:
            await self._show_current()
            return
        body = self.query_one("#quiz-body", VerticalScroll)
        await self.query_one("#answer").remove()
        question = outcome.presented.question
        order = self._order(len(getattr(question, "options", ())))
        parts: list[Any] = [
            Static(verdict(question, outcome.answer, outcome.score), classes="verdict"),
            Static(choice_feedback(question, outcome.answer, order), classes="choice-feedback"),
            Static(_("Pembahasan"), classes="section-label"),
            Markdown(question.explanation, open_links=False, classes="explanation"),
        ]
        lesson = self._lesson()
        if lesson is not None:
            parts.append(Static(reread_line(lesson[2]), classes="reread"))
        feedback = Vertical(*parts, id="feedback")
        await body.mount(feedback)
        self.waiting_next = True
        self.refresh_bindings()
        last = self.session.current() is None
        self.query_one("#quiz-hint", Static).update(
            _("Enter: lihat hasil") if last else _("Enter: soal berikutnya  ·  ↑/↓ menggulir")
        )
        body.focus()
        self.call_after_refresh(body.scroll_to_widget, feedback, animate=False, top=True)
        self._update_status()

    def _lesson(self) -> tuple[str, str, str] | None:
        presented = self.presented
        if presented is None:
            return None
        return lesson_of(self._app.catalog, presented.bank.id, presented.question.lesson)

    def action_open_lesson(self) -> None:
        """m after feedback: the question's lesson, at once; Esc comes back here."""
        lesson = self._lesson()
        if lesson is not None:
            self._app.open_module(lesson[0], lesson[1])

    async def action_next(self) -> None:
        """Enter after feedback: the next step, the next question, or the results."""
        if not self.waiting_next:
            return
        presented = self.presented
        if (
            presented is not None
            and isinstance(presented.question, BranchingQuestion)
            and self.branch_step is not None
        ):
            await self._next_branch_step()
            return
        await self._show_current()

    # --- leaving -------------------------------------------------------------------

    def _refused(self, error: StoreError) -> None:
        """The store refused a write (attempt finished elsewhere, read-only): say why, leave."""
        self._done = True
        self._app.active_session = None
        self._app.report_store_error(error)
        self.app.pop_screen()

    def _finish(self) -> None:
        if self._done:
            return
        try:
            try:
                result = self.session.finish()
            except DiskFull as error:
                # The result could not be written; it is kept in memory instead.
                self._app.report_store_error(error)
                result = self.session.finish()
        except StoreError as error:
            self._refused(error)
            return
        except SessionError as error:
            # Finished meanwhile (say, by another copy of the app): nothing to send.
            self._done = True
            self._app.active_session = None
            self.notify(str(error), severity="error", markup=False)
            self._app.go_home()
            return
        self._done = True
        self._app.active_session = None
        if result.timed_out:
            self.notify(_("Waktu habis: jawaban Anda telah dikirim."), severity="warning")
        self._app.show_results(result, replace=True)

    async def action_move(self, delta: int) -> None:
        """←/→ in an exam: the previous or next question, answered or not."""
        if self._done or not self.session.free_navigation:
            return
        if self.session.move(delta):
            await self._show_current()

    async def action_flag(self) -> None:
        """r in an exam: mark the question ragu-ragu (or unmark it)."""
        if self._done or not self.session.free_navigation:
            return
        try:
            flagged = self.session.toggle_flag()
        except SessionError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self._update_status()
        self.notify(
            _("Ditandai ragu-ragu.") if flagged else _("Tanda ragu-ragu dihapus."), timeout=2
        )

    def action_grid(self) -> None:
        """g in an exam: the grid of every question; Enter goes to the one chosen."""
        if self._done or not self.session.free_navigation:
            return

        async def chosen(index: int | None) -> None:
            if index is not None and not self._done:
                self.session.go_to(index)
                await self._show_current()

        self.app.push_screen(ExamGridScreen(self.session), chosen)

    async def action_restart_case(self) -> None:
        """Backspace on an exam's finished branching case: answer it again from the start."""
        try:
            self.session.clear_answer()
        except TimeUp:
            self._finish()
            return
        except SessionError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        await self._show_current()

    def action_end(self) -> None:
        """x: end the quiz now (after a confirmation) and see the results."""
        if self.session.free_navigation:
            self._confirm_submit()
            return
        unanswered = self.session.total - self.session.answered_count

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._finish()

        self.app.push_screen(
            ConfirmScreen(
                ngettext(
                    "Akhiri kuis sekarang? {n} soal belum dijawab dan dihitung 0.",
                    "Akhiri kuis sekarang? {n} soal belum dijawab dan dihitung 0.",
                    unanswered,
                ).format(n=unanswered)
                if unanswered
                else _("Akhiri kuis dan lihat hasil?")
            ),
            confirmed,
        )

    def _confirm_submit(self) -> None:
        """The summary before an exam is submitted ("3 ragu-ragu, 2 belum dijawab")."""
        summary = self.session.summary()
        text = _("Kirim jawaban ujian? {summary}.").format(summary=summary.describe())
        if summary.unanswered:
            text += _(" Soal yang belum dijawab dihitung 0.")
        text += _(" Setelah dikirim, jawaban tidak dapat diubah lagi.")

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._finish()

        self.app.push_screen(ConfirmScreen(text), confirmed)

    def action_leave(self) -> None:
        """Esc: back home; the attempt stays resumable with its time saved."""
        if not self._done:
            # Read-only or taken over: the other window keeps the clock.
            with contextlib.suppress(StoreError):
                self.session.checkpoint()
        self._app.active_session = None
        self._done = True
        self.app.pop_screen()
        if self.session.deadline is not None:
            self.notify(
                _(
                    "Ujian disimpan, tetapi waktunya tetap berjalan. Tekan l di beranda "
                    "untuk melanjutkan."
                )
            )
        else:
            self.notify(_("Kuis disimpan. Tekan l di beranda untuk melanjutkan."))

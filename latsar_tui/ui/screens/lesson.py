"""The lesson reader: a module's lessons as a list beside the current lesson's body
(Markdown), key points and sources. A lesson counts as read once it has been scrolled
to its end, or has been the visible screen (nothing covering it) for as long as its
length takes to read at ``app.words_per_minute`` on the app's clock."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Markdown, OptionList, Static
from textual.widgets.option_list import Option

from latsar_tui.content.model import Lesson, Module
from latsar_tui.i18n import _, content_language_note
from latsar_tui.store.db import StoreError
from latsar_tui.ui.widgets.footer import LatsarFooter
from latsar_tui.ui.widgets.hanging import Hanging
from latsar_tui.ui.widgets.too_small import TooSmallNotice

# Even a lesson of a few words must stay on screen this long to count by time.
MIN_READ_SECONDS = 5.0


def reading_seconds(lesson: Lesson, words_per_minute: float) -> float:
    """How long the lesson's body and key points take to read at that pace."""
    words = len(lesson.body.split()) + sum(len(point.split()) for point in lesson.key_points)
    return max(MIN_READ_SECONDS, words / words_per_minute * 60.0)


class LessonScreen(Screen[None]):
    """Read one module, lesson by lesson."""

    BINDINGS = [  # noqa: RUF012
        Binding("escape", "app.pop_screen", _("Kembali")),
        Binding("n,right_square_bracket", "step(1)", _("Berikutnya")),
        Binding("p,left_square_bracket", "step(-1)", _("Sebelumnya")),
        Binding("k", "quiz", _("Kuis")),
    ]

    def __init__(self, module: Module, lesson_id: str | None = None) -> None:
        super().__init__()
        self.module = module
        ids = [lesson.id for lesson in module.lessons]
        self.index = ids.index(lesson_id) if lesson_id in ids else 0
        self._opened_at: Any = None
        self._read: set[str] = set()
        # Seconds the current lesson was the visible screen, and when that was last
        # measured: time under another screen (a quiz, help) never counts.
        self._visible_seconds = 0.0
        self._seen_at: Any = None

    @property
    def _app(self) -> Any:
        return self.app

    @property
    def lesson(self) -> Lesson:
        """The lesson on screen."""
        return self.module.lessons[self.index]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="reader"):
            yield OptionList(id="lessons")
            with VerticalScroll(id="lesson-scroll"):
                yield Static(id="lesson-title")
                yield Markdown(id="lesson-body", open_links=False)
                yield Static(id="key-points")
                yield Static(id="sources")
        yield LatsarFooter()
        yield TooSmallNotice()

    def on_mount(self) -> None:
        self.sub_title = self.module.title
        self._read = set(self._app.store.lessons_read(self.module.id))
        lessons = self.query_one("#lessons", OptionList)
        lessons.border_title = _("Pelajaran")
        for position in range(len(self.module.lessons)):
            lessons.add_option(Option(self._lesson_label(position)))
        lessons.highlighted = self.index
        lessons.focus()
        self.watch(self.query_one("#lesson-scroll"), "scroll_y", self._check_read, init=False)
        self._ticks_open = 0
        self.set_interval(self._app.tick_seconds, self._tick)
        self.call_after_refresh(self._show)

    def _lesson_label(self, position: int) -> Hanging:
        # A long title wraps under itself, not under its number.
        lesson = self.module.lessons[position]
        mark = "✓ " if lesson.id in self._read else "  "
        title = Content.assemble(Content(lesson.title), f" {mark}".rstrip())
        return Hanging([(Content(f"{position + 1}. "), title)])

    @on(OptionList.OptionHighlighted, "#lessons")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index != self.index:
            self.index = event.option_index
            self._opened_at = None
            self.call_after_refresh(self._show)

    @on(OptionList.OptionSelected, "#lessons")
    def _selected(self) -> None:
        self.query_one("#lesson-scroll").focus()

    async def _show(self) -> None:
        lesson = self.lesson
        total = len(self.module.lessons)
        title = Text(
            _("Pelajaran {number} dari {total}").format(number=self.index + 1, total=total) + "\n",
            style="dim",
        )
        title.append(lesson.title, style="bold")
        note = content_language_note(self.module.language)
        if note:
            title.append(" " + note, style="dim")
        self.query_one("#lesson-title", Static).update(title)
        await self.query_one("#lesson-body", Markdown).update(lesson.body)
        points = self.query_one("#key-points", Static)
        points.display = bool(lesson.key_points)
        text = Text(_("Poin penting"), style="bold")
        for point in lesson.key_points:
            text.append(f"\n• {point}")
        points.update(text)
        sources = [s for s in (self.module.source(i) for i in lesson.sources) if s is not None]
        panel = self.query_one("#sources", Static)
        panel.display = bool(sources)
        text = Text(_("Sumber"), style="bold")
        for source in sources:
            text.append(f"\n• {source.title}")
            if source.url:
                text.append(f"\n  {source.url}")
        panel.update(text)
        scroll = self.query_one("#lesson-scroll", VerticalScroll)
        scroll.scroll_home(animate=False)
        self._opened_at = None
        # Start timing once the new body is laid out, so "fits on screen" is judged
        # on the real height and not on the previous lesson's.
        self.call_after_refresh(self._start_timing)

    def _start_timing(self) -> None:
        self._opened_at = self._app.clock.now()
        self._seen_at = self._opened_at
        self._visible_seconds = 0.0
        self._ticks_open = 0

    def _tick(self) -> None:
        now = self._app.clock.now()
        if self._seen_at is not None and self.app.screen is self:
            self._visible_seconds += max((now - self._seen_at).total_seconds(), 0.0)
        self._seen_at = now
        self._ticks_open += 1
        self._check_read()

    def _check_read(self, *_: object) -> None:
        """Mark the lesson read when scrolled to its end or shown long enough."""
        if self._opened_at is None or self.lesson.id in self._read:
            return
        scroll = self.query_one("#lesson-scroll", VerticalScroll)
        at_end = scroll.max_scroll_y > 0 and scroll.scroll_y >= scroll.max_scroll_y - 1
        # A lesson that fits on screen is at its end as soon as it is shown; judged a
        # couple of ticks after opening, when the Markdown blocks have their height.
        fits = scroll.max_scroll_y == 0 and self._ticks_open >= 2
        if self.app.screen is not self:
            return  # covered: neither scrolling nor time can count now
        needed = reading_seconds(self.lesson, self._app.words_per_minute)
        if at_end or fits or self._visible_seconds >= needed:
            self._mark_read()

    def _mark_read(self) -> None:
        lesson_id = self.lesson.id
        try:
            self._app.store.mark_lesson_read(self.module.id, lesson_id, at=self._app.clock.now())
        except StoreError:
            return  # a read-only window: nothing is kept, the lesson stays unmarked
        self._read.add(lesson_id)
        self.query_one("#lessons", OptionList).replace_option_prompt_at_index(
            self.index, self._lesson_label(self.index)
        )

    def action_step(self, delta: int) -> None:
        """Next (+1) or previous (-1) lesson."""
        target = self.index + delta
        if 0 <= target < len(self.module.lessons):
            self.query_one("#lessons", OptionList).highlighted = target
        else:
            self.notify(_("Ini pelajaran terakhir.") if delta > 0 else _("Ini pelajaran pertama."))

    def action_quiz(self) -> None:
        self._app.choose_quiz(module_id=self.module.id, lesson_id=self.lesson.id)

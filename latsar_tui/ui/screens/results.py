"""Results of a finished quiz: the score, pass/fail, a breakdown by tag and lesson,
and every question with the learner's answer, the right or best answer and the
explanation. The same screen shows a past attempt opened from the history."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Markdown, OptionList, Static
from textual.widgets.option_list import Option

from latsar_tui.content.model import BranchingQuestion, Catalog, Question, ScenarioQuestion
from latsar_tui.i18n import _, ngettext
from latsar_tui.quiz import scoring
from latsar_tui.quiz.session import ResultItem, SessionResult
from latsar_tui.review.text import number
from latsar_tui.ui.text import (
    TYPE_NAMES,
    answer_lines,
    lesson_of,
    mark,
    mode_name,
    percent,
    reread_line,
    right_answer_lines,
)
from latsar_tui.ui.widgets.feedback import branching_summary, scenario_points
from latsar_tui.ui.widgets.footer import LatsarFooter
from latsar_tui.ui.widgets.hanging import Hanging
from latsar_tui.ui.widgets.too_small import TooSmallNotice


def summary_line(result: SessionResult) -> Content:
    """``Skor 73% · 7,3 dari 10 poin · LULUS (batas 70%)``."""
    parts: list[Any] = [
        (_("Skor "), "bold"),
        (percent(result.percent), "bold"),
        "  ·  "
        + _("{points} dari {total} poin").format(points=number(result.points), total=result.total),
        "  ·  "
        + _("{answered}/{total} dijawab").format(answered=result.answered, total=result.total),
    ]
    if result.passed is not None:
        verdict = (
            (_("✓ LULUS"), "bold $success")
            if result.passed
            else (_("✗ TIDAK LULUS"), "bold $error")
        )
        parts += ["  ·  ", verdict, " " + _("(batas {mark}%)").format(mark=result.pass_mark)]
    if result.timed_out:
        parts += ["  ·  ", (_("waktu habis"), "bold $warning")]
    return Content.assemble(*parts)


def _lesson_title(catalog: Catalog, key: str) -> str:
    module_id, _sep, lesson_id = key.rpartition("/")
    for module in catalog.modules:
        if module_id and module.id != module_id:
            continue
        lesson = module.lesson(lesson_id)
        if lesson is not None:
            return lesson.title
    return key


def _item_mark(item: ResultItem) -> Content:
    """A scenario's points (it has no wrong option), otherwise ✓/✗/~ with words."""
    question = item.question
    if isinstance(question, ScenarioQuestion) and isinstance(item.answer, int):
        return scenario_points(question, item.answer, short=True)
    return Content(mark(item.score)).stylize("bold")


# #result-items is 36 cells wide; its border, padding and scrollbar take 7 of them.
LIST_TEXT_WIDTH = 29


def _list_label(question: Question, width: int) -> str:
    """One line that tells the question apart from its neighbours in the results list.

    Scenario and branching items mostly share a prompt ("Apa yang paling tepat Anda
    lakukan?"), so their situation is shown instead.
    """
    source = question.prompt
    if isinstance(question, ScenarioQuestion | BranchingQuestion) and question.context:
        source = question.context
    text = " ".join(source.split())
    return text if len(text) <= width else text[: width - 1] + "…"


class ResultsScreen(Screen[None]):
    """Browse a result: the summary first, then each question's details."""

    BINDINGS = [  # noqa: RUF012
        Binding("escape", "home", _("Beranda")),
        Binding("h", "history", _("Riwayat")),
        Binding("m", "open_lesson", _("Materi")),
    ]

    def __init__(self, result: SessionResult) -> None:
        super().__init__()
        self.result = result

    @property
    def _app(self) -> Any:
        return self.app

    def compose(self) -> ComposeResult:
        mode = mode_name(self.result.mode)
        yield Header()
        yield Static(
            Content.assemble(
                (" " + _("Hasil {mode}").format(mode=mode) + " ", "reverse bold"),
                "  ",
                Content(self.result.title),
            ),
            id="result-title",
        )
        yield Static(summary_line(self.result), id="result-summary")
        with Horizontal(id="result-main"):
            yield OptionList(id="result-items")
            yield VerticalScroll(id="result-detail")
        yield LatsarFooter()
        yield TooSmallNotice()

    def on_mount(self) -> None:
        self.sub_title = _("Hasil kuis")
        items = self.query_one("#result-items", OptionList)
        items.border_title = _("Ringkasan dan soal")
        items.add_option(Option(Content.assemble((_("≡ Ringkasan: tag, pelajaran"), "bold"))))
        for item in self.result.items:
            symbol = _item_mark(item).plain.split(" ")[0] if item.answer is not None else "–"
            head = f"{symbol} {item.position + 1}. "
            label = _list_label(item.question, LIST_TEXT_WIDTH - len(head))
            items.add_option(Option(Content.assemble(head, Content(label))))
        items.highlighted = 0
        items.focus()

    def _selected_lesson(self) -> tuple[str, str, str] | None:
        index = self.query_one("#result-items", OptionList).highlighted
        if not index:
            return None  # the summary row
        item = self.result.items[index - 1]
        return lesson_of(self._app.catalog, item.bank_id, item.question.lesson)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_lesson":
            return self._selected_lesson() is not None
        return True

    def action_open_lesson(self) -> None:
        """m: the selected question's lesson, at once; Esc comes back to the results."""
        lesson = self._selected_lesson()
        if lesson is not None:
            self._app.open_module(lesson[0], lesson[1])

    @on(OptionList.OptionHighlighted, "#result-items")
    async def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        detail = self.query_one("#result-detail", VerticalScroll)
        await detail.remove_children()
        if event.option_index == 0:
            await detail.mount_all(self._summary_widgets())
        else:
            item = self.result.items[event.option_index - 1]
            widgets = self._item_widgets(item)
            lesson = lesson_of(self._app.catalog, item.bank_id, item.question.lesson)
            if lesson is not None:
                widgets.append(Static(reread_line(lesson[2]), classes="reread"))
            await detail.mount_all(widgets)
        detail.scroll_home(animate=False)
        self.refresh_bindings()

    def _summary_widgets(self) -> list[Any]:
        result = self.result
        catalog = self._app.catalog
        lines: list[Any] = [(_("Per tag\n"), "bold")]
        if not result.by_tag:
            lines.append((_("  (soal tidak bertag)\n"), "dim"))
        for tag, value in sorted(result.by_tag.items()):
            lines.append(
                Content.assemble(
                    "  ", Content(tag.ljust(31)), (percent(value).rjust(4), "bold"), "\n"
                )
            )
        lines.append((_("\nPer pelajaran\n"), "bold"))
        if not result.by_lesson:
            lines.append((_("  (soal tidak terkait pelajaran)\n"), "dim"))
        for key, value in sorted(result.by_lesson.items()):
            title = _lesson_title(catalog, key)
            if len(title) > 30:
                title = title[:29] + "…"
            lines.append(
                Content.assemble(
                    "  ", Content(title.ljust(31)), (percent(value).rjust(4), "bold"), "\n"
                )
            )
        lines.append((_("\nPilih soal di kiri (↑/↓) untuk melihat jawaban dan pembahasan."), "dim"))
        return [Static(Content.assemble(*lines), classes="result-breakdown")]

    def _item_widgets(self, item: ResultItem) -> list[Any]:
        question = item.question
        head = Content.assemble(
            (_("Soal {number}").format(number=item.position + 1), "bold"),
            # Single-spaced dots: the detail pane is about 38 cells wide at 80 columns.
            f" · {TYPE_NAMES.get(str(question.type), str(question.type))} · ",
            _item_mark(item) if item.answer is not None else (_("– tidak dijawab"), "bold"),
        )
        widgets: list[Any] = [Static(head, classes="verdict")]
        if question.context:
            widgets.append(Markdown(question.context, open_links=False, classes="context"))
        widgets.append(Markdown(question.prompt, open_links=False, classes="prompt"))
        if isinstance(question, BranchingQuestion):
            # Unanswered, a case still shows its best path (it has no single right answer).
            if isinstance(item.answer, tuple):
                summary = branching_summary(question, item.answer)
                widgets.append(Static(summary, classes="answer-lines"))
            else:
                widgets.append(Static(_("Jawaban Anda"), classes="section-label"))
                widgets.append(Static(_("(tidak dijawab)")))
            best = scoring.right_answer(question)
            if isinstance(best, tuple):
                widgets.append(Static(_("Jalur terbaik"), classes="section-label"))
                widgets.append(
                    Static(Content("\n").join(Content(t) for t in answer_lines(question, best)))
                )
        else:
            widgets.append(Static(_("Jawaban Anda"), classes="section-label"))
            widgets.append(
                Static(Content("\n").join(Content(t) for t in answer_lines(question, item.answer)))
            )
            if isinstance(question, ScenarioQuestion):
                # Every option by its points, each wrapping under its own text.
                widgets.append(Static(_("Jawaban terbaik"), classes="section-label"))
                ranked = sorted(question.options, key=lambda o: -o.score)
                rows = [
                    (
                        Content(ngettext("{n} poin", "{n} poin", o.score).format(n=o.score) + "  "),
                        Content(o.text),
                    )
                    for o in ranked
                ]
                widgets.append(Static(Hanging(rows)))
            else:
                widgets.append(Static(_("Jawaban yang benar"), classes="section-label"))
                widgets.append(
                    Static(Content("\n").join(Content(t) for t in right_answer_lines(question)))
                )
        widgets.append(Static(_("Pembahasan"), classes="section-label"))
        widgets.append(Markdown(question.explanation, open_links=False, classes="explanation"))
        return widgets

    def action_home(self) -> None:
        self._app.go_home()

    def action_history(self) -> None:
        self._app.open_history()

"""Before a quiz: choose the mode (Latihan/Ujian) and the scope (whole bank, one
lesson's questions, or N random questions of a module), with arrows and Enter."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from latsar_tui.content.model import Catalog
from latsar_tui.i18n import _, ngettext
from latsar_tui.quiz.session import Mode, Scope
from latsar_tui.ui.widgets.hanging import Hanging

RANDOM_COUNTS = (5, 10, 20)


class StartQuizScreen(ModalScreen[tuple[Scope, Mode] | None]):
    """Dismisses with ``(scope, mode)``, or None when cancelled."""

    BINDINGS = [  # noqa: RUF012
        Binding("escape", "cancel", _("Batal")),
    ]

    def __init__(
        self,
        catalog: Catalog,
        *,
        bank_id: str | None = None,
        module_id: str | None = None,
        lesson_id: str | None = None,
    ) -> None:
        super().__init__()
        self.catalog = catalog
        self.bank = catalog.bank(bank_id) if bank_id else None
        if module_id is None and self.bank is not None:
            module_id = self.bank.module
        self.module = catalog.module(module_id) if module_id else None
        self.lesson_id = lesson_id
        self.scopes: list[Scope] = self._scopes()

    def _module_questions(self) -> list[Any]:
        if self.module is None:
            return []
        return [q for b in self.catalog.banks_for_module(self.module.id) for q in b.questions]

    def _scopes(self) -> list[Scope]:
        scopes: list[Scope] = []
        self._labels: list[Content] = []
        if self.bank is not None:
            scopes.append(Scope(bank_id=self.bank.id))
            self._labels.append(
                # Content is literal: the title from YAML is never read as markup.
                Content(
                    ngettext(
                        "Seluruh bank: {title} ({n} soal)",
                        "Seluruh bank: {title} ({n} soal)",
                        len(self.bank.questions),
                    ).format(title=self.bank.title, n=len(self.bank.questions))
                )
            )
        if self.module is not None:
            questions = self._module_questions()
            for lesson in self.module.lessons:
                count = sum(1 for q in questions if q.lesson == lesson.id)
                if count:
                    scopes.append(Scope(module_id=self.module.id, lesson_id=lesson.id))
                    self._labels.append(
                        Content(
                            ngettext(
                                "Pelajaran: {title} ({n} soal)",
                                "Pelajaran: {title} ({n} soal)",
                                count,
                            ).format(title=lesson.title, n=count)
                        )
                    )
            for count in RANDOM_COUNTS:
                if count < len(questions):
                    scopes.append(Scope(module_id=self.module.id, count=count))
                    self._labels.append(
                        Content(
                            ngettext(
                                "{n} soal acak dari modul {module}",
                                "{n} soal acak dari modul {module}",
                                count,
                            ).format(n=count, module=self.module.title)
                        )
                    )
        return scopes

    def compose(self) -> ComposeResult:
        title = self.bank.title if self.bank else (self.module.title if self.module else "")
        with Vertical(id="start-box") as box:
            box.border_title = _("Mulai kuis")
            box.border_subtitle = _("Enter memilih · Esc batal")
            yield Static(Content(title), id="start-title")
            yield Static(_("1. Mode"), classes="start-label")
            yield OptionList(*[Option(self._mode_label(i)) for i in range(2)], id="mode")
            yield Static(_("2. Cakupan soal"), classes="start-label")
            yield OptionList(*[Option(label) for label in self._labels], id="scope")

    def _mode_label(self, index: int, chosen: int = 0) -> Hanging:
        # A radio mark as well as the highlight, so the choice survives losing focus;
        # a wrapped description continues under its text, not under the mark.
        mark = Content("(•) " if index == chosen else "( ) ")
        if index == 0:
            text = _("Latihan: umpan balik dan pembahasan setelah setiap jawaban")
        else:
            limit = self.bank.time_limit_minutes if self.bank else None
            text = (
                _(
                    "Ujian: urutan acak, tanpa umpan balik sampai selesai, lulus/tidak lulus, "
                    "batas waktu {limit} menit"
                ).format(limit=limit)
                if limit
                else _("Ujian: urutan acak, tanpa umpan balik sampai selesai, lulus/tidak lulus")
            )
        return Hanging([(mark, Content(text))])

    @on(OptionList.OptionHighlighted, "#mode")
    def _mode_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        mode = self.query_one("#mode", OptionList)
        for index in range(mode.option_count):
            mode.replace_option_prompt_at_index(index, self._mode_label(index, event.option_index))

    def on_mount(self) -> None:
        mode = self.query_one("#mode", OptionList)
        mode.highlighted = 0
        scope = self.query_one("#scope", OptionList)
        if self.scopes:
            preferred = next(
                (
                    i
                    for i, s in enumerate(self.scopes)
                    if self.lesson_id and s.lesson_id == self.lesson_id
                ),
                0,
            )
            scope.highlighted = preferred
        mode.focus()

    @on(OptionList.OptionSelected, "#mode")
    def _mode_chosen(self) -> None:
        self.query_one("#scope").focus()

    @on(OptionList.OptionSelected, "#scope")
    def _scope_chosen(self, event: OptionList.OptionSelected) -> None:
        mode_list = self.query_one("#mode", OptionList)
        mode = Mode.EXAM if mode_list.highlighted == 1 else Mode.PRACTICE
        self.dismiss((self.scopes[event.option_index], mode))

    def action_cancel(self) -> None:
        self.dismiss(None)

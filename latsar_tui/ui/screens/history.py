"""History: finished attempts, newest first; Enter opens an attempt's results."""

from __future__ import annotations

import json
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from latsar_tui.content.model import DEFAULT_PASS_MARK
from latsar_tui.i18n import _
from latsar_tui.quiz.session import Mode
from latsar_tui.ui.text import mode_name, percent
from latsar_tui.ui.widgets.footer import LatsarFooter
from latsar_tui.ui.widgets.too_small import TooSmallNotice


def _verdict(mode: str, score: float | None, scope_json: str) -> str:
    """``lulus`` / ``belum lulus`` for an exam against its pass mark; "" otherwise."""
    if mode != Mode.EXAM.value or score is None:
        return ""
    try:
        mark = float(json.loads(scope_json).get("pass_mark", DEFAULT_PASS_MARK))
    except (ValueError, AttributeError, TypeError):
        mark = float(DEFAULT_PASS_MARK)
    return _("lulus") if score >= mark else _("belum lulus")


class HistoryScreen(Screen[None]):
    """Past results, browsable later."""

    BINDINGS = [  # noqa: RUF012
        Binding("escape", "app.pop_screen", _("Kembali")),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            _("Riwayat kuis yang selesai: pilih lalu Enter untuk melihat hasilnya."),
            id="history-title",
        )
        yield OptionList(id="history")
        yield LatsarFooter()
        yield TooSmallNotice()

    def on_mount(self) -> None:
        app: Any = self.app
        self.sub_title = _("Riwayat")
        self._ids: list[int] = []
        options = self.query_one("#history", OptionList)
        attempts = app.store.finished_attempts(limit=200)
        width = max((len(mode_name(a.mode)) for a in attempts), default=0)
        for attempt in attempts:
            self._ids.append(attempt.id)
            when = attempt.finished_at or attempt.started_at
            # Padded to the longest mode name, so scores and titles line up.
            mode = mode_name(attempt.mode).ljust(width)
            score = percent(attempt.percent) if attempt.percent is not None else "—"
            verdict = _verdict(attempt.mode, attempt.percent, attempt.scope_json)
            options.add_option(
                Option(
                    Content.assemble(
                        # ISO, the way dates are typed (TTTT-BB-HH) everywhere else.
                        (when.astimezone().strftime("%Y-%m-%d %H:%M"), "dim"),
                        f"  {mode}  ",
                        (score.rjust(4), "bold"),
                        "  ",
                        (verdict.ljust(len(_("belum lulus"))), "bold"),
                        "  ",
                        Content(attempt.title),
                    )
                )
            )
        if not self._ids:
            options.add_option(Option(_("Belum ada kuis yang selesai."), disabled=True))
        else:
            options.highlighted = 0
        options.focus()

    @on(OptionList.OptionSelected, "#history")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_index < len(self._ids):
            app: Any = self.app
            app.open_attempt_result(self._ids[event.option_index])

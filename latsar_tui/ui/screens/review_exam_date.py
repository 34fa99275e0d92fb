"""A small dialog for the settings: the Latsar evaluation date, the daily review caps,
and "konfirmasi jawaban" (Enter answers) in Ujian and in Latihan."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Static

from latsar_tui.i18n import _
from latsar_tui.settings import Settings, SettingsError


class ExamDateScreen(ModalScreen[Settings | None]):
    """Edit the exam date and caps; dismisses with the new Settings, or None."""

    CSS_PATH = Path(__file__).with_name("review.tcss")
    BINDINGS = [Binding("escape", "cancel", _("Batal"))]  # noqa: RUF012

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings

    def compose(self) -> ComposeResult:
        exam = "" if self.settings.exam_date is None else self.settings.exam_date.isoformat()
        with Vertical(id="exam-dialog"):
            yield Static(_("Tanggal ujian dan batas harian"), classes="dialog-title")
            yield Label(_("Tanggal evaluasi Latsar (TTTT-BB-HH; kosong = tidak ada)"))
            yield Input(exam, placeholder="2026-12-15", id="exam-date")
            yield Label(_("Batas soal ulangan per hari"))
            yield Input(str(self.settings.daily_due), type="integer", id="daily-due")
            yield Label(_("Batas soal baru per hari"))
            yield Input(str(self.settings.daily_new), type="integer", id="daily-new")
            yield Checkbox(
                _("Konfirmasi jawaban di Ujian (pilihan ditandai, Enter menjawab)"),
                self.settings.confirm_exam,
                id="confirm-exam",
            )
            yield Checkbox(
                _("Konfirmasi jawaban di Latihan"),
                self.settings.confirm_practice,
                id="confirm-practice",
            )
            yield Static(id="exam-error")
            with Horizontal(id="exam-buttons"):
                yield Button(_("Simpan"), variant="primary", id="save")
                yield Button(_("Batal"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#exam-date", Input).focus()

    def _save(self) -> None:
        try:
            due = int(self.query_one("#daily-due", Input).value or "0")
            new = int(self.query_one("#daily-new", Input).value or "0")
            updated = self.settings.with_exam_date(self.query_one("#exam-date", Input).value)
            updated = updated.with_caps(due, new)
            updated = replace(
                updated,
                confirm_exam=self.query_one("#confirm-exam", Checkbox).value,
                confirm_practice=self.query_one("#confirm-practice", Checkbox).value,
            )
        except (SettingsError, ValueError) as error:
            self.query_one("#exam-error", Static).update(Content(f"✗ {error}"))
            return
        self.dismiss(updated)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self._save()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

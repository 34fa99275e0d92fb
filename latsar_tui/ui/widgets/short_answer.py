"""The text input of a short-answer question: Enter submits, nothing else stores.

A half-typed answer lives only in this widget; leaving the quiz drops it, so the
store never holds it and a resumed session shows the question again, empty.
"""

from __future__ import annotations

from textual.message import Message
from textual.widgets import Input

from latsar_tui.i18n import _
from latsar_tui.quiz.scoring import SHORT_ANSWER_MAX_CHARS


class ShortAnswerInput(Input):
    """One line for the typed answer; an empty line is not sent."""

    class Answered(Message):
        """The learner pressed Enter on a non-empty answer."""

        def __init__(self, field: ShortAnswerInput, text: str) -> None:
            super().__init__()
            self.field = field
            self.text = text

        @property
        def control(self) -> ShortAnswerInput:
            """The input that was answered (lets handlers use ``@on(..., selector)``)."""
            return self.field

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            placeholder=_("Ketik jawaban Anda lalu tekan Enter"),
            max_length=SHORT_ANSWER_MAX_CHARS,
            id=id,
        )
        self.locked = False

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.locked:
            return
        if not event.value.strip():
            self.notify(_("Ketik jawaban Anda dulu; jawaban kosong tidak dikirim."))
            return
        self.locked = True
        self.post_message(self.Answered(self, event.value))

"""When plain mode starts, and how it wraps: whole words, never in a pipe."""

from __future__ import annotations

import io

import pytest

from latsar_tui.plain.lines import wrap_lines
from latsar_tui.plain.start import output_width, plain_reason


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("requested", "environ", "reason"),
    [
        (True, {}, "--plain"),
        (False, {"LATSAR_PLAIN": "1"}, "LATSAR_PLAIN=1"),
        (False, {"ACCESSIBLE": "ya"}, "ACCESSIBLE=ya"),
        (False, {"TERM": "dumb"}, "TERM=dumb"),
        (False, {"LATSAR_PLAIN": "0", "ACCESSIBLE": ""}, None),
        (False, {"TERM": "xterm"}, None),
    ],
)
def test_reasons_on_a_terminal(
    requested: bool, environ: dict[str, str], reason: str | None
) -> None:
    assert plain_reason(requested, environ, _Tty(), _Tty()) == reason


def test_a_pipe_on_either_side_means_plain() -> None:
    assert plain_reason(False, {}, io.StringIO(), _Tty()) == "masukan bukan terminal"
    assert plain_reason(False, {}, _Tty(), io.StringIO()) == "keluaran bukan terminal"


def test_width_only_on_a_terminal() -> None:
    assert output_width(_Tty(), 60) == 60
    assert output_width(io.StringIO(), 60) is None
    assert output_width(_Tty(), None) is None


def test_wrapping_keeps_words_whole_and_lists_indented() -> None:
    text = "- Penegakan hukum yang adil bagi setiap warga negara tanpa kecuali"
    lines = wrap_lines(text, 24)
    assert lines == ["- Penegakan hukum yang", "  adil bagi setiap warga", "  negara tanpa kecuali"]
    assert wrap_lines("Cooperation" * 3, 10) == ["Cooperation" * 3]  # never cut a word
    assert wrap_lines(text, None) == [text]

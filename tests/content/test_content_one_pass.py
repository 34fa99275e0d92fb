"""A question's cross-option errors are reported together with an option's stray key."""

from __future__ import annotations

from latsar_tui.content.loader import load_text

BANK = """\
schema: latsar/bank@1
id: satu-putaran
title: Satu putaran
questions:
  - id: q1
    type: single
    prompt: Apa?
    explanation: Karena.
    options:
      - text: A
        correct: true
        feedbak: bagus
      - text: B
        correct: true
  - id: q2
    type: scenario
    context: Situasi.
    prompt: Bagaimana?
    explanation: Karena.
    options:
      - {text: a, score: 4, feedback: f, catatan: x}
      - {text: b, score: 3, feedback: g}
"""


def test_stray_key_does_not_hide_the_count_checks() -> None:
    bank, findings = load_text(BANK, "satu.yaml", kind="bank")
    assert bank is None
    got = {(f.code, f.line, f.column) for f in findings if f.severity == "error"}
    assert ("unknown-field", 12, 9) in got
    assert ("single-correct", 9, 5) in got
    assert ("unknown-field", 21, 42) in got
    assert ("scenario-best", 20, 5) in got

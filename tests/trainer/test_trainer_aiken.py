"""Aiken import with Moodle's rules, including its error cases."""

from __future__ import annotations

from latsar_tui.content.model import SingleQuestion
from latsar_tui.trainer.aiken import parse_aiken

GOOD = """\
Apa kepanjangan ASN?
A. Aparatur Sipil Negara
B. Aparatur Sistem Negara
C) Abdi Sipil Negara
ANSWER: A

Nilai BerAKHLAK yang berarti bertanggung jawab atas kepercayaan?
A)Akuntabel
B)Adaptif
ANSWER: A
"""


def test_valid_questions_including_no_space_form() -> None:
    result = parse_aiken(GOOD, "soal.txt")
    assert result.skipped == []
    first, second = result.questions
    assert isinstance(first, SingleQuestion) and isinstance(second, SingleQuestion)
    assert first.prompt == "Apa kepanjangan ASN?"
    assert [o.text for o in first.options] == [
        "Aparatur Sipil Negara",
        "Aparatur Sistem Negara",
        "Abdi Sipil Negara",
    ]
    assert first.correct_index == 0
    # Moodle's "A)x" form: the option text starts right after the parenthesis.
    assert [o.text for o in second.options] == ["Akuntabel", "Adaptif"]
    assert second.line == 7
    # Aiken has no feedback: both get the explanation marker and a note.
    assert set(result.todo_ids) == {first.id, second.id}


def test_error_cases_each_with_its_line() -> None:
    text = """\
A. opsi sebelum soal
Soal tanpa ANSWER
A. satu
B. dua
Soal dengan huruf salah
A. satu
B. dua
ANSWER: D
Soal satu opsi
A. satu
ANSWER: A
ANSWER: B
Soal terakhir tanpa ANSWER
A. x
B. y
"""
    result = parse_aiken(text, "rusak.txt")
    assert result.questions == []
    reasons = {s.line: s.reason for s in result.skipped}
    assert reasons[1] == "opsi muncul sebelum teks soal"
    assert "tanpa baris ANSWER" in reasons[2] and "baris 5" in reasons[2]
    assert reasons[5] == "jawaban 'D' di baris 8 tidak ada di antara opsi A, B"
    assert "minimal 2 opsi, ada 1" in reasons[9]
    assert reasons[12] == "baris ANSWER muncul sebelum teks soal"
    assert "di akhir berkas" in reasons[13]
    assert len(result.skipped) == 6

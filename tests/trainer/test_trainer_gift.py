"""GIFT import on a real-world-shaped file: every construct the brief lists, by question."""

from __future__ import annotations

from pathlib import Path

import pytest

from latsar_tui.content.loader import load_text
from latsar_tui.content.model import (
    Bank,
    MultipleQuestion,
    ScenarioQuestion,
    ShortAnswerQuestion,
    SingleQuestion,
    TrueFalseQuestion,
)
from latsar_tui.trainer.export import render_import
from latsar_tui.trainer.gift import escape, parse_gift
from latsar_tui.trainer.importing import ImportResult
from latsar_tui.trainer.textutil import TODO_EXPLANATION

FIXTURE = Path(__file__).parents[1] / "fixtures" / "trainer" / "berakhlak.gift"


@pytest.fixture(scope="module")
def result() -> ImportResult:
    return parse_gift(FIXTURE.read_text(encoding="utf-8"), str(FIXTURE))


def by_id(result: ImportResult) -> dict[str, object]:
    return {q.id: q for q in result.questions}


def test_title_category_markdown_and_feedback(result: ImportResult) -> None:
    q = by_id(result)["bp-01-nilai-pelayanan"]
    assert isinstance(q, SingleQuestion)
    # [markdown] marker dropped, Markdown kept; title slugified into the id.
    assert q.prompt == "Nilai dasar yang menekankan **kepuasan** masyarakat adalah ..."
    assert [o.text for o in q.options] == ["Berorientasi Pelayanan", "Kompeten", "Adaptif"]
    assert [o.correct for o in q.options] == [True, False, False]
    # Per-answer feedback with an escaped colon; no feedback stays None.
    assert [o.feedback for o in q.options] == [
        "Tepat: fokus pada kebutuhan masyarakat.",
        "Kompeten menyangkut kemampuan diri.",
        None,
    ]
    # #### general feedback becomes the explanation.
    assert q.explanation.startswith("Panduan perilaku Berorientasi Pelayanan")
    # $CATEGORY's last segment ("Default for ..." dropped) becomes a tag.
    assert q.tags == ("berorientasi-pelayanan",)
    assert q.line == 6


def test_escapes_and_newline(result: ImportResult) -> None:
    q = by_id(result)["escape"]
    assert isinstance(q, SingleQuestion)
    assert q.prompt == "Tanda khusus: {kurung}, ~tilde, =sama, #pagar dan baris\nbaru."
    assert q.options[0].text == "Benar ~ betul"
    assert q.explanation == TODO_EXPLANATION


def test_true_false_forms_and_moodle_feedback_semantics(result: ImportResult) -> None:
    questions = by_id(result)
    t = questions["tf-benar"]
    assert isinstance(t, TrueFalseQuestion)
    # {T#wrong#right}: for a true statement, answering "Benar" is right.
    assert t.answer is True
    assert t.feedback_true == "Tepat sekali."
    assert t.feedback_false == "Keliru, ini kewajiban."
    assert t.explanation == "Lihat nilai Loyal."
    f = questions["tf-salah"]
    assert isinstance(f, TrueFalseQuestion)
    # {FALSE#wrong#right}: answering "Benar" to a false statement is the wrong answer.
    assert f.answer is False
    assert f.feedback_true == "Keliru, semua gratifikasi wajib ditolak."
    assert f.feedback_false == "Benar, tolak gratifikasi."
    assert questions["tf-singkat"].answer is True  # type: ignore[union-attr]
    assert questions["tf-f"].answer is False  # type: ignore[union-attr]


def test_weights_20_to_100_become_scenario_html_converted(result: ImportResult) -> None:
    q = by_id(result)["tkp-01"]
    assert isinstance(q, ScenarioQuestion)
    assert [o.score for o in q.options] == [5, 4, 3, 2, 1]
    # [html] text turned into plain text; the last paragraph is the prompt.
    assert q.context == "Seorang warga marah di loket karena berkasnya hilang."
    assert q.prompt == "Apa yang Anda lakukan?"
    assert q.options[2].feedback == "Tepat prosedur, tetapi lambat."
    assert q.tags == ("situasional",)


def test_other_weights_become_multiple(result: ImportResult) -> None:
    questions = by_id(result)
    multi = questions["multi-01"]
    assert isinstance(multi, MultipleQuestion)
    assert [o.correct for o in multi.options] == [True, True, False]
    assert [o.feedback for o in multi.options] == ["Ya.", "Ya.", "Bukan."]
    partial = questions["parsial"]
    assert isinstance(partial, MultipleQuestion)
    assert [o.correct for o in partial.options] == [True, True, False]
    assert any(n.question_id == "parsial" and "bobot parsial" in n.message for n in result.notes)


def test_missing_word_form(result: ImportResult) -> None:
    q = by_id(result)["q-001"]
    assert isinstance(q, SingleQuestion)
    assert q.prompt == "Nilai dasar ASN disingkat _____ sejak 2021."
    assert q.correct_index == 0


def test_unsupported_items_skipped_with_line_numbers(result: ImportResult) -> None:
    skipped = {s.line: s.reason for s in result.skipped}
    assert "esai" in skipped[50]
    assert "numerik" in skipped[52]
    # Two pairs are too few for a matching item (3..8).
    assert "menjodohkan butuh 3..8 pasangan, ada 2" in skipped[54]
    assert "tidak ada bagian jawaban" in skipped[63]
    assert len(result.skipped) == 4
    assert len(result.questions) == 11
    short = by_id(result)["singkat"]
    # "=Negara =negara" is one answer once case is ignored.
    assert isinstance(short, ShortAnswerQuestion) and short.answers == ("Negara",)


def test_missing_explanations_are_marked_and_reported(result: ImportResult) -> None:
    todo = {q.id for q in result.questions if q.explanation == TODO_EXPLANATION}
    assert todo == set(result.todo_ids)
    assert todo == {
        "escape",
        "tf-salah",
        "tf-singkat",
        "tf-f",
        "multi-01",
        "parsial",
        "q-001",
        "singkat",
    }
    noted = {n.question_id for n in result.notes if "penjelasan" in n.message}
    assert noted == todo


def test_written_bank_validates_and_keeps_everything(result: ImportResult, tmp_path: Path) -> None:
    output = tmp_path / "impor.yaml"
    rendered = render_import(result, bank_id="impor", fmt="gift", output=output)
    assert rendered.errors == []
    bank, findings = load_text(rendered.text, str(output), "bank")
    assert isinstance(bank, Bank)
    assert not [f for f in findings if f.severity == "error"]
    assert bank.questions == tuple(result.questions)
    # The TODO questions carry a comment the trainer can search for.
    assert "# PERIKSA: penjelasan tidak ada di sumber" in rendered.text
    assert bank.title == "Berorientasi Pelayanan"


def test_blank_lines_separate_and_crlf_is_fine() -> None:
    text = "::a:: Satu {=x ~y}\r\n\r\n::b:: Dua {=p ~q}\r\n"
    result = parse_gift(text)
    assert [q.id for q in result.questions] == ["a", "b"]


def test_unclosed_brace_and_bad_weight_are_reported() -> None:
    result = parse_gift("::a:: Soal {=x ~y\n\n::b:: Soal {~%abc%x =y}\n")
    assert result.questions == []
    reasons = {s.line: s.reason for s in result.skipped}
    assert "tidak ditutup" in reasons[1]
    assert "bobot" in reasons[3]


def test_escape_covers_every_special_character() -> None:
    assert escape("a~b=c#d{e}f:g\\h\ni") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni"
    assert escape("[html]x") == "[plain][html]x"


def test_plain_and_moodle_markers_are_dropped_text_kept_literally() -> None:
    result = parse_gift("::p::[plain]Teks [b]tebal[/b] polos {=[moodle]a#[plain]umpan ~b}\n")
    (q,) = result.questions
    assert isinstance(q, SingleQuestion)
    assert q.prompt == "Teks [b]tebal[/b] polos"
    assert q.options[0].text == "a" and q.options[0].feedback == "umpan"


def test_two_questions_without_a_blank_line_are_reported() -> None:
    result = parse_gift("::a:: Satu {=x ~y}\n::b:: Dua {=p ~q}\n\n::c:: Tiga {=r ~s}\n")
    assert [q.id for q in result.questions] == ["c"]
    (skipped,) = result.skipped
    assert skipped.line == 1 and "tanpa baris kosong" in skipped.reason

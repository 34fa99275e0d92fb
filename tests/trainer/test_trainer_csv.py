"""CSV import (comma or semicolon, BOM), the template, and CSV export."""

from __future__ import annotations

import csv
import io

import pytest

from latsar_tui.content.model import (
    Bank,
    MultipleQuestion,
    ScenarioQuestion,
    SingleQuestion,
    TrueFalseQuestion,
)
from latsar_tui.trainer.csvbank import COLUMNS, csv_template, export_csv, parse_csv
from latsar_tui.trainer.export import render_import
from latsar_tui.trainer.importing import ImportFailure


def test_template_imports_every_type_and_validates(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = parse_csv(csv_template(), "templat.csv")
    assert result.skipped == [] and result.notes == []
    single, multiple, tf, scenario = result.questions
    assert isinstance(single, SingleQuestion) and single.correct_index == 0
    assert single.options[1].feedback == "Kompeten menekankan peningkatan kemampuan diri."
    assert isinstance(multiple, MultipleQuestion)
    assert multiple.correct_indices == frozenset({0, 1})
    assert isinstance(tf, TrueFalseQuestion) and tf.answer is False
    assert tf.feedback_true and tf.feedback_true.startswith("Tidak")
    assert isinstance(scenario, ScenarioQuestion)
    assert [o.score for o in scenario.options] == [5, 3, 1]
    assert scenario.context and scenario.context.startswith("Antrean")
    rendered = render_import(result, bank_id="templat", fmt="csv", output=tmp_path / "t.yaml")
    assert rendered.errors == []


def test_semicolon_excel_file_with_bom_and_quoted_cells() -> None:
    text = (
        "\ufeffid;type;prompt;option_a;option_b;option_c;correct;explanation;tags\r\n"
        'ak-1;single;"Nilai; yang benar?";Akuntabel;Kompeten;Adaptif;B;Karena kompeten.;"a, b"\r\n'
        "ak-2;multiple;Pilih dua;x;y;z;A C;Dua benar.;\r\n"
    )
    result = parse_csv(text, "excel.csv")
    first, second = result.questions
    assert isinstance(first, SingleQuestion)
    assert first.prompt == "Nilai; yang benar?"
    assert first.correct_index == 1
    assert first.tags == ("a", "b")
    assert isinstance(second, MultipleQuestion)
    assert second.correct_indices == frozenset({0, 2})


def test_row_errors_name_the_line() -> None:
    text = (
        "type,prompt,option_a,option_b,correct,scores,explanation\n"
        "single,Soal,x,y,C,,E\n"
        "essay,Tulis,,,,,E\n"
        "scenario,Kasus,x,y,,5,E\n"
        "true_false,Pernyataan,,,mungkin,,E\n"
        "\n"
        'single,"Dua\nbaris",x,y,A,,E\n'
    )
    result = parse_csv(text, "salah.csv")
    reasons = {s.line: s.reason for s in result.skipped}
    assert "correct 'C'" in reasons[2]
    assert "jenis 'essay'" in reasons[3]
    assert "scores" in reasons[4]
    assert "benar" in reasons[5]
    # A quoted cell spanning two lines: the row starts on line 7.
    assert [q.line for q in result.questions] == [7]


def test_missing_required_columns_is_a_failure() -> None:
    with pytest.raises(ImportFailure, match="kolom wajib tidak ada: type"):
        parse_csv("prompt,option_a\nx,y\n", "x.csv")


def test_export_writes_the_documented_columns() -> None:
    result = parse_csv(csv_template(), "t.csv")
    bank = Bank(id="t", title="T", questions=tuple(result.questions))
    outcome = export_csv(bank)
    assert outcome.text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(outcome.text.lstrip("\ufeff"))))
    assert list(rows[0]) == list(COLUMNS)
    assert rows[0]["correct"] == "A" and rows[1]["correct"] == "A,B"
    assert rows[2]["correct"] == "salah" and rows[3]["scores"] == "5,3,1"
    again = parse_csv(outcome.text, "again.csv")
    assert again.questions == result.questions


def test_short_answer_and_matching_columns_round_trip() -> None:
    from latsar_tui.content.model import (
        Bank,
        MatchingQuestion,
        MatchPair,
        PartialAnswer,
        ShortAnswerQuestion,
    )

    short = ShortAnswerQuestion(
        id="isian",
        prompt="Nilai dasar yang berarti bertanggung jawab?",
        explanation="Akuntabel.",
        answers=("akuntabel", "akuntabilitas"),
        partial=(PartialAnswer(answer="bertanggung jawab", share=0.5),),
        tolerance=1,
        feedback_wrong="Ingat BerAKHLAK.",
    )
    match = MatchingQuestion(
        id="jodoh",
        prompt="Jodohkan.",
        explanation="Begitu.",
        pairs=(MatchPair("A", "satu"), MatchPair("B", "dua"), MatchPair("C", "tiga")),
        distractors=("empat",),
    )
    outcome = export_csv(Bank(id="b", title="B", questions=(short, match)))
    assert outcome.exported == 2
    result = parse_csv(outcome.text, "b.csv")
    assert result.skipped == []
    back = {q.id: q for q in result.questions}
    assert back["isian"] == short
    assert back["jodoh"] == match


def test_csv_typed_rows_with_bad_cells_are_skipped() -> None:
    header = "type,prompt,answers,partial,pairs,explanation\n"
    rows = "short_answer,P,akuntabel,jujur=2,,E\nmatching,P,,,a -> 1|b|c -> 3,E\n"
    result = parse_csv(header + rows, "x.csv")
    reasons = [s.reason for s in result.skipped]
    assert reasons == [
        "kolom partial: 'jujur=2' harus berbentuk 'jawaban=0.5'",
        "kolom pairs: 'b' harus berbentuk 'kiri -> kanan'",
    ]

"""Moodle XML import: categories, single and multiple-response items, true/false, HTML."""

from __future__ import annotations

from pathlib import Path

import pytest

from latsar_tui.content.loader import load_text
from latsar_tui.content.model import Bank, MultipleQuestion, SingleQuestion, TrueFalseQuestion
from latsar_tui.trainer.export import render_import
from latsar_tui.trainer.importing import ImportFailure, ImportResult
from latsar_tui.trainer.moodle_xml import parse_moodle_xml
from latsar_tui.trainer.textutil import TODO_EXPLANATION, html_to_text

FIXTURE = Path(__file__).parents[1] / "fixtures" / "trainer" / "moodle-export.xml"


@pytest.fixture(scope="module")
def result() -> ImportResult:
    return parse_moodle_xml(FIXTURE.read_bytes(), str(FIXTURE))


def test_single_answer_with_html_feedback_and_tags(result: ImportResult) -> None:
    q = result.questions[0]
    assert isinstance(q, SingleQuestion)
    assert q.id == "ham-01"
    assert q.prompt == "Hak untuk **memperoleh pelayanan publik** yang layak dijamin oleh ..."
    assert q.explanation == "UU 25/2009 tentang Pelayanan Publik."
    assert [o.text for o in q.options] == [
        "UU Nomor 25 Tahun 2009",
        "UU Nomor 5 Tahun 2014",
        "PP Nomor 11 Tahun 2017",
    ]
    assert q.correct_index == 0
    assert [o.feedback for o in q.options] == ["Benar.", "Itu UU ASN & bukan UU pelayanan.", None]
    # <tags> and the category's last segment both become tags.
    assert q.tags == ("pelayanan-publik", "ham")
    assert q.line == 14


def test_multiple_response_by_fraction(result: ImportResult) -> None:
    q = result.questions[1]
    assert isinstance(q, MultipleQuestion)
    assert q.id == "ham-02-kelompok-rentan"
    assert q.correct_indices == frozenset({0, 1, 2})
    assert q.options[3].text == "Pejabat negara"
    assert q.prompt == "Siapa saja yang termasuk kelompok rentan?\n\n- pilih semua"
    assert q.explanation == TODO_EXPLANATION
    assert "ham-02-kelompok-rentan" in result.todo_ids


def test_truefalse_feedback_per_answer_and_second_category(result: ImportResult) -> None:
    q = result.questions[2]
    assert isinstance(q, TrueFalseQuestion)
    assert q.answer is False
    assert q.feedback_true == "Kurang tepat: kebutuhan tiap kelompok berbeda."
    assert q.feedback_false == "Tepat."
    assert q.explanation == "Kesetaraan memperhatikan kebutuhan yang berbeda."
    assert q.tags == ("gedsi",)


def test_other_types_skipped_with_lines(result: ImportResult) -> None:
    # The short answer imports; a matching item without subquestions cannot.
    assert [(s.line, s.reason) for s in result.skipped] == [
        (127, "soal menjodohkan butuh 3..8 pasangan, ada 0"),
    ]
    assert len(result.questions) == 4
    assert result.questions[3].id == "gedsi-02"
    assert result.title == "HAM"


def test_written_bank_validates(result: ImportResult, tmp_path: Path) -> None:
    rendered = render_import(result, bank_id="ham", fmt="moodle-xml", output=tmp_path / "b.yaml")
    bank, _ = load_text(rendered.text, "b.yaml", "bank")
    assert isinstance(bank, Bank)
    assert bank.questions == tuple(result.questions)


def test_entity_expansion_is_refused() -> None:
    bomb = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<quiz><question type="truefalse"><name><text>&lol2;</text></name></question></quiz>"""
    with pytest.raises(ImportFailure, match="ditolak demi keamanan"):
        parse_moodle_xml(bomb, "bomb.xml")


def test_broken_xml_names_the_line() -> None:
    with pytest.raises(ImportFailure, match=r"rusak\.xml:3: XML tidak valid"):
        parse_moodle_xml(b"<quiz>\n<question>\n</quiz>", "rusak.xml")


def test_html_to_text_lists_links_entities() -> None:
    text = html_to_text(
        '<p>Baca <a href="https://jdih.go.id">JDIH</a> &amp; <em>catat</em>.</p>'
        "<ol><li>satu</li><li>dua</li></ol><script>x()</script>"
    )
    assert text == "Baca JDIH (https://jdih.go.id) & *catat*.\n\n- satu\n- dua"

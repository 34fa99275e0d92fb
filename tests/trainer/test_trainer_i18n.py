"""The trainer's tools in both interface languages: the class report, its numbers, messages.

English comes from the shipped catalogue (latsar_tui/locale), as `latsar --lang en`
reads it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from latsar_tui import i18n
from latsar_tui.trainer.aiken import parse_aiken
from latsar_tui.trainer.report import build_report, fmt_number, fmt_percent, fmt_ratio
from latsar_tui.trainer.report_output import report_html, report_tables
from latsar_tui.trainer.results import read_results
from tests.trainer.test_trainer_report import BANK as CLASS_BANK
from tests.trainer.test_trainer_report import trainee_file
from tests.trainer.test_trainer_report_statistics import BANK, class_results

ROOT = Path(__file__).resolve().parents[2]
TRAINER = ROOT / "latsar_tui" / "trainer"


@pytest.fixture
def english() -> Iterator[None]:
    """The process speaks English; Indonesian again after."""
    assert i18n.setup("en") == "en"
    yield
    i18n.setup("id")


def _page() -> str:
    return report_html(build_report(class_results(), [BANK], "stat"))


def _words(page: str) -> str:
    """The page's text without styles and charts, tags replaced by spaces."""
    page = re.sub(r"<style>.*?</style>|<svg.*?</svg>", " ", page, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


def test_the_report_in_indonesian_keeps_its_words_and_the_decimal_comma() -> None:
    assert (fmt_ratio(0.456), fmt_percent(0.4567), fmt_number(12.25, 1)) == (
        "0,46",
        "45,7%",
        "12,2",
    )
    assert (fmt_ratio(None), fmt_number(3.0, 0)) == ("-", "3")
    page = _page()
    assert '<html lang="id">' in page
    text = _words(page)
    for words in ("Laporan Kelas Latsar", "Periksa lebih dulu", "Per soal", "Simpangan baku"):
        assert words in text
    assert "Rata-rata 64,52%" in text


def test_the_report_in_english_has_english_words_lang_and_decimal_point(english: None) -> None:
    assert (fmt_ratio(0.456), fmt_percent(0.4567), fmt_number(12.25, 1)) == (
        "0.46",
        "45.7%",
        "12.2",
    )
    page = _page()
    assert '<html lang="en">' in page and "<title>Latsar Class Report</title>" in page
    text = _words(page)
    for words in (
        "8 trainees, 4 questions, bank stat.",
        "Check first",
        "Problems in the results files",
        "Charts",
        "Per question",
        "Per trainee",
        "Mean 64.52%",
        "Standard deviation",
        "Cronbach's alpha",
        "True ✓: 5",
        "[5 points]",
        "[1 point]",
    ):
        assert words in text.replace("&#x27;", "'"), words
    for indonesian in ("Periksa lebih dulu", "Simpangan baku", "peserta", "Grafik", "dijawab"):
        assert indonesian not in text, indonesian
    assert "Distribution of trainees&#x27; marks" in page  # the histogram's title


def test_verdicts_in_english_and_the_same_order_as_in_indonesian(
    english: None, tmp_path: Path
) -> None:
    # The class of test_trainer_report: s2's key may be wrong, m1 is too easy and
    # does not discriminate; the most serious comes first in either language.
    results = [read_results(trainee_file(tmp_path, i)) for i in range(40)]
    report = build_report(results, [CLASS_BANK])
    items = {item.question_id: item for item in report.items}
    assert items["m1"].flags == ["too easy", "low discrimination", "options never chosen: C"]
    assert items["s2"].flags == ["too hard", "options never chosen: D", "key may be wrong: B"]
    assert items["s1"].flags == ["options never chosen: C", "1 answer to an old version"]
    assert items["s2"].attention[-1].startswith("key may be wrong: the upper group chose B (7)")
    english_order = [item.question_id for item in report.attention]
    i18n.setup("id")
    again = build_report(results, [CLASS_BANK])
    assert [item.question_id for item in again.attention] == english_order
    assert english_order[0] == "s2"


def test_csv_column_names_are_a_file_format_the_same_in_both_languages(english: None) -> None:
    report = build_report(class_results(), [BANK], "stat")
    english_headers = {name: header for name, (header, _rows) in report_tables(report).items()}
    i18n.setup("id")
    indonesian = {name: header for name, (header, _rows) in report_tables(report).items()}
    assert english_headers == indonesian
    assert indonesian["soal"][:5] == ["bank", "soal", "jenis", "n", "fasilitas"]


def test_import_messages_follow_the_language(english: None) -> None:
    result = parse_aiken("A) x\nQ?\nA) a\nANSWER: B\n")
    assert [s.reason for s in result.skipped] == [
        "option before any question text",
        "a question needs at least 2 options, this one has 1 (ANSWER on line 4)",
    ]

"""Class report over 40 generated trainee files, checked against values worked out by hand.

The class (40 trainees, labelled peserta-00 .. peserta-39 by their name field):

    question  type        key   who is right                       facility
    s1        single      A     00..29 (30..39 pick B)              30/39 = 0.769 (*)
    tf        true_false  True  00..09 (10..39 answer Salah)        10/40 = 0.25
    m1        multiple    A,B   everyone picks exactly A,B          40/40 = 1.00
    s2        single      A     00..03 (04..29 pick B, 30..39 C)     4/40 = 0.10

(*) peserta-39 answered s1 when it was an older version (another hash): that answer
has nothing to be scored against now, so it is left out (n = 39) and flagged.

Trainee totals (mean first-try score over the questions answered):
    00..03: (1+1+1+1)/4 = 1.00     04..09: (1+1+1+0)/4 = 0.75
    10..29: (1+0+1+0)/4 = 0.50     30..38: (0+0+1+0)/4 = 0.25     39: (0+1+0)/3 = 0.33

Groups: round(0.27 * 40) = round(10.8) = 11 trainees each. Ranked by total, ties by
label: upper = 00..09 plus peserta-10 (first of the 0.50 group); lower = peserta-29
(last of the 0.50 group), peserta-39 and 30..38.

Discrimination D = mean(upper) - mean(lower), each over the members who answered:
    s1: upper all right = 1; lower only peserta-29 right of 10 = 0.1;    D = 0.9
    tf: upper 00..09 right, peserta-10 wrong = 10/11; lower none = 0;    D = 10/11 = 0.909
    m1: 1 - 1 = 0 (poor discrimination)
    s2: upper 00..03 right = 4/11; lower none = 0;                       D = 4/11 = 0.364

Options of s1: A 30, B 9, C 0. peserta-35 answered s1 a second time, correctly; only
the first try counts. s2's upper group picks B (7: 04..10) more than the key A (4), so
s2 is flagged as a possibly wrong key.
Per tag: pelayanan (s1, s2) = (30 + 4) / 79 = 0.430; akuntabel (tf, m1) = (10 + 40) / 80
= 0.625.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from latsar_tui.cli import main
from latsar_tui.content.model import (
    Bank,
    ChoiceOption,
    MultipleQuestion,
    SingleQuestion,
    TrueFalseQuestion,
    question_hash,
)
from latsar_tui.paths import Paths
from latsar_tui.store.progress import AttemptItem, ProgressStore
from latsar_tui.trainer.report import build_report
from latsar_tui.trainer.report_output import csv_files, report_html
from latsar_tui.trainer.results import RESULTS_FORMAT, export_results, read_results
from latsar_tui.trainer.yamlwrite import dump_bank


def options(n: int, right: set[int]) -> tuple[ChoiceOption, ...]:
    return tuple(ChoiceOption(text=f"opsi {i}", correct=i in right) for i in range(n))


BANK = Bank(
    id="kelas",
    title="Bank Kelas",
    questions=(
        SingleQuestion(
            id="s1",
            prompt="Soal <script>alert(1)</script>",
            explanation="E",
            options=options(3, {0}),
            tags=("pelayanan",),
        ),
        TrueFalseQuestion(
            id="tf", prompt="Pernyataan", explanation="E", answer=True, tags=("akuntabel",)
        ),
        MultipleQuestion(
            id="m1",
            prompt="Pilih",
            explanation="E",
            options=options(3, {0, 1}),
            tags=("akuntabel",),
        ),
        SingleQuestion(
            id="s2",
            prompt="Soal dua",
            explanation="E",
            options=options(4, {0}),
            tags=("pelayanan",),
        ),
    ),
)
START = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


def answer(qid: str, value: object, score: float, minute: int, qhash: str | None = None) -> dict:  # type: ignore[type-arg]
    question = BANK.question(qid)
    assert question is not None
    return {
        "bank": "kelas",
        "question": qid,
        "question_hash": qhash or question_hash(question),
        "answer": value,
        "score": score,
        "answered_at": (START + timedelta(minutes=minute)).isoformat(),
    }


def trainee_file(folder: Path, i: int) -> Path:
    s1_right = i <= 29
    answers = [
        answer(
            "s1",
            0 if s1_right else 1,
            1.0 if s1_right else 0.0,
            1,
            qhash="0000000000000000" if i == 39 else None,
        ),
        answer("tf", i <= 9, 1.0 if i <= 9 else 0.0, 2),
        answer("m1", [0, 1], 1.0, 3),
        answer("s2", 0 if i <= 3 else (1 if i <= 29 else 2), 1.0 if i <= 3 else 0.0, 4),
    ]
    if i == 35:
        answers.append(answer("s1", 0, 1.0, 10))  # a later retry: ignored
    path = folder / f"hasil-{i:02d}.json"
    document = {
        "format": RESULTS_FORMAT,
        "trainee": {"name": f"peserta-{i:02d}", "nip": None},
        "answers": answers,
    }
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.fixture
def class_files(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "hasil"
    folder.mkdir()
    return [trainee_file(folder, i) for i in range(40)]


def test_report_matches_hand_computation(class_files: list[Path]) -> None:
    report = build_report([read_results(p) for p in class_files], [BANK])
    assert report.group_size == 11
    items = {item.question_id: item for item in report.items}
    assert [i.question_id for i in report.items] == ["s1", "tf", "m1", "s2"]
    assert {q: items[q].n for q in items} == {"s1": 39, "tf": 40, "m1": 40, "s2": 40}
    assert items["s1"].facility == pytest.approx(30 / 39)
    assert items["tf"].facility == pytest.approx(0.25)
    assert items["m1"].facility == pytest.approx(1.0)
    assert items["s2"].facility == pytest.approx(0.10)
    assert items["s1"].discrimination == pytest.approx(0.9)
    assert items["tf"].discrimination == pytest.approx(10 / 11)
    assert items["m1"].discrimination == pytest.approx(0.0)
    assert items["s2"].discrimination == pytest.approx(4 / 11)
    assert [(o.label, o.count, o.is_key) for o in items["s1"].options] == [
        ("A", 30, True),
        ("B", 9, False),
        ("C", 0, False),
    ]
    assert [(o.label, o.count) for o in items["tf"].options] == [("Benar", 10), ("Salah", 30)]
    assert [o.count for o in items["m1"].options] == [40, 40, 0]
    assert [o.count for o in items["s2"].options] == [4, 26, 10, 0]
    assert items["s1"].flags == ["opsi tak dipilih: C", "1 jawaban untuk versi lama"]
    assert items["tf"].flags == []
    assert items["m1"].flags == ["terlalu mudah", "daya beda rendah", "opsi tak dipilih: C"]
    assert items["s2"].flags == ["terlalu sulit", "opsi tak dipilih: D", "kunci mungkin salah: B"]
    totals = {t.label: t.mean for t in report.trainees}
    assert totals["peserta-00"] == pytest.approx(1.0)
    assert totals["peserta-05"] == pytest.approx(0.75)
    assert totals["peserta-35"] == pytest.approx(0.25)
    assert totals["peserta-39"] == pytest.approx(1 / 3)
    assert {t.tag: (t.answers, round(t.mean, 3)) for t in report.tags} == {
        "akuntabel": (80, 0.625),
        "pelayanan": (79, 0.430),
    }


def test_html_is_self_contained_and_escaped(class_files: list[Path], tmp_path: Path) -> None:
    results = [read_results(p) for p in class_files]
    odd = tmp_path / "aneh.json"
    odd.write_text(
        json.dumps(
            {"format": RESULTS_FORMAT, "trainee": {"name": "<b>Ani & Co</b>"}, "answers": []}
        ),
        encoding="utf-8",
    )
    results.append(read_results(odd))
    page = report_html(build_report(results, [BANK]))
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    for external in ("http://", "https://", "src=", "<link", "<script"):
        assert external not in page
    assert "Soal &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;Ani &amp; Co&lt;/b&gt;" in page


def test_csv_report_is_one_file_per_table_with_numbers(
    class_files: list[Path], tmp_path: Path
) -> None:
    report = build_report([read_results(p) for p in class_files], [BANK])
    files = csv_files(report, tmp_path / "laporan.csv")
    names = [path.name for path in files]
    assert names == [
        "laporan-soal.csv",
        "laporan-opsi.csv",
        "laporan-peserta.csv",
        "laporan-tag.csv",
        "laporan-tes.csv",
        "laporan-masalah.csv",
    ]
    soal = files[tmp_path / "laporan-soal.csv"].lstrip("\ufeff").splitlines()
    assert soal[0].startswith("bank,soal,jenis,n,fasilitas,simpangan_baku,indeks_diskriminasi,")
    assert soal[1].startswith("kelas,s1,single,39,0.7692,0.4268,29.803,100.0,0.9,,A*:30 B:9 C:0,1,")
    tags = files[tmp_path / "laporan-tag.csv"].lstrip("\ufeff").splitlines()
    assert "pelayanan,79,0.4304" in tags
    for text in files.values():
        assert "%" not in text


def test_results_export_from_the_store_then_report(
    paths: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    s1 = BANK.questions[0]
    with ProgressStore.open(paths) as store:
        attempt = store.create_attempt(
            mode="latihan",
            title="Bank Kelas",
            scope_json="{}",
            seed=1,
            bank_id="kelas",
            items=[AttemptItem(0, "kelas", "s1", question_hash(s1))],
        )
        store.record_answer(
            attempt_id=attempt,
            bank_id="kelas",
            question_id="s1",
            question_hash=question_hash(s1),
            answer_json="0",
            score=1.0,
        )
        store.record_answer(
            bank_id="lain", question_id="x", question_hash="abc", answer_json="[2,0]", score=0.5
        )
    document = export_results(paths, name="Ani", nip="1990")
    assert document["trainee"] == {"name": "Ani", "nip": "1990"}
    # A fresh id per export, so the report can tell the same file handed in twice.
    assert len(document["uuid"]) == 32
    assert export_results(paths, name="Ani")["uuid"] != document["uuid"]
    first, second = document["answers"]
    assert first["question_hash"] == question_hash(s1) and first["answer"] == 0
    assert first["mode"] == "latihan" and first["attempt"] == attempt
    assert second["answer"] == [2, 0] and second["attempt"] is None

    out = tmp_path / "ani.json"
    assert main(["results", "export", "-o", str(out), "--name", "Ani", "--nip", "1990"]) == 0
    assert "2 jawaban dari 2 bank" in capsys.readouterr().out
    content = tmp_path / "konten"
    (content / "question_banks").mkdir(parents=True)
    (content / "question_banks" / "kelas.yaml").write_text(dump_bank(BANK), encoding="utf-8")
    html = tmp_path / "laporan.html"
    code = main(["--content", str(content), "report", str(out), "--bank", "kelas", "-o", str(html)])
    assert code == 0
    printed = capsys.readouterr().out
    assert "Per soal" in printed and "Ani (1990)" in printed
    assert "Ani (1990)" in html.read_text(encoding="utf-8")


def test_results_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["results", "export", "-o", str(tmp_path / "x.json")]) == 1
    bad = tmp_path / "bukan.json"
    bad.write_text("{}", encoding="utf-8")
    assert main(["report", str(bad)]) == 1
    assert main(["report", str(bad), "-o", str(tmp_path / "r.pdf")]) == 1
    err = capsys.readouterr().err
    assert "belum ada progres tersimpan" in err
    assert "bukan berkas hasil Latsar TUI" in err
    assert "harus berakhiran .csv atau .html" in err
    assert "Traceback" not in err

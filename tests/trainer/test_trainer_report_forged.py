"""The class report cannot be fooled by forged, duplicated, foreign or broken results files.

Folder ``hasil/`` holds (bank ``kelas``: s1 single key A, sc scenario, tf true/false True):

    ani.json        s1 = B (wrong) but claims score 1.0; sc = option 0 (5 points) claims 1.0;
                    tf = True claims 1.0                    -> re-scored 0 + 1 + 1 = 2/3
    ani-salin.json  a copy of ani.json (same uuid)          -> counted once, the repeat named
    budi-1.json     NIP 1991, exported 2026-11-01, s1 = A   -> replaced by budi-2, named
    budi-2.json     NIP 1991, exported 2026-11-02, s1 = A, tf = False -> (1 + 0) / 2 = 0.5
    lain.json       answers only for bank 'lain'             -> named, left out
    rusak.json      not JSON                                 -> named, the rest reported
    curang.json     s1 answer index 7 (does not exist)       -> "jawaban rusak", not counted

So s1: n = 2 (ani wrong, budi right; curang not counted) -> facility 0.5 (the claimed
scores would give 1.0); tf: ani right, budi wrong -> 0.5.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from latsar_tui.cli import main
from latsar_tui.content.model import (
    Bank,
    ChoiceOption,
    ScenarioOption,
    ScenarioQuestion,
    SingleQuestion,
    TrueFalseQuestion,
    question_hash,
)
from latsar_tui.trainer.report import build_report
from latsar_tui.trainer.results import RESULTS_FORMAT, expand_result_paths, read_results
from latsar_tui.trainer.yamlwrite import dump_bank

BANK = Bank(
    id="kelas",
    title="Bank Kelas",
    questions=(
        SingleQuestion(
            id="s1",
            prompt="Soal satu",
            explanation="E",
            options=(
                ChoiceOption("opsi benar", correct=True),
                ChoiceOption("opsi kedua"),
                ChoiceOption("opsi ketiga"),
            ),
        ),
        ScenarioQuestion(
            id="sc",
            prompt="Apa yang paling tepat Anda lakukan?",
            context="Seorang warga datang membawa berkas yang belum lengkap pada jam istirahat.",
            explanation="E",
            options=tuple(
                ScenarioOption(f"tindakan {points}", points, f"umpan balik {points}")
                for points in (5, 4, 3, 2, 1)
            ),
        ),
        TrueFalseQuestion(id="tf", prompt="Pernyataan", explanation="E", answer=True),
    ),
)


def entry(qid: str, value: object, claimed: float, minute: int, bank: str = "kelas") -> dict:  # type: ignore[type-arg]
    question = BANK.question(qid)
    return {
        "bank": bank,
        "question": qid,
        "question_hash": question_hash(question) if question else "x",
        "answer": value,
        "score": claimed,
        "answered_at": f"2026-11-01T08:{minute:02d}:00+00:00",
        "time_taken_seconds": 10.0 * minute,
    }


def document(name: str, nip: str | None, uuid: str, exported: str, answers: list) -> str:  # type: ignore[type-arg]
    return json.dumps(
        {
            "format": RESULTS_FORMAT,
            "exported_at": exported,
            "uuid": uuid,
            "trainee": {"name": name, "nip": nip},
            "answers": answers,
        }
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    hasil = tmp_path / "hasil"
    hasil.mkdir()
    ani = document(
        "Ani",
        "1990",
        "u-ani",
        "2026-11-01T09:00:00Z",
        [entry("s1", 1, 1.0, 1), entry("sc", 0, 1.0, 2), entry("tf", True, 1.0, 3)],
    )
    (hasil / "ani.json").write_text(ani, encoding="utf-8")
    (hasil / "ani-salin.json").write_text(ani, encoding="utf-8")
    (hasil / "budi-1.json").write_text(
        document("Budi", "1991", "u-b1", "2026-11-01T09:00:00Z", [entry("s1", 0, 1.0, 1)]),
        encoding="utf-8",
    )
    (hasil / "budi-2.json").write_text(
        document(
            "Budi",
            "1991",
            "u-b2",
            "2026-11-02T09:00:00Z",
            [entry("s1", 0, 1.0, 1), entry("tf", False, 0.0, 2)],
        ),
        encoding="utf-8",
    )
    (hasil / "lain.json").write_text(
        document("Citra", "1992", "u-c", "2026-11-01T09:00:00Z", [entry("x", 0, 1.0, 1, "lain")]),
        encoding="utf-8",
    )
    (hasil / "rusak.json").write_text('{"format": "latsar-results@1", "answers": [', "utf-8")
    (hasil / "curang.json").write_text(
        document("Dodi", "1993", "u-d", "2026-11-01T09:00:00Z", [entry("s1", 7, 1.0, 1)]),
        encoding="utf-8",
    )
    return hasil


def test_report_rescores_and_names_every_problem(folder: Path) -> None:
    files, missing = expand_result_paths([folder])
    assert missing == []
    results = [read_results(p) for p in files if p.name != "rusak.json"]
    report = build_report(results, [BANK], "kelas")
    items = {item.question_id: item for item in report.items}
    assert items["s1"].n == 2
    assert items["s1"].facility == pytest.approx(0.5)
    assert items["s1"].invalid == 1
    assert items["tf"].facility == pytest.approx(0.5)
    assert items["sc"].facility == pytest.approx(1.0)
    totals = {t.label: t for t in report.trainees}
    assert set(totals) == {"Ani (1990)", "Budi (1991)", "Dodi (1993)"}
    assert totals["Ani (1990)"].mean == pytest.approx(2 / 3)
    assert totals["Budi (1991)"].mean == pytest.approx(0.5)
    assert totals["Budi (1991)"].completion == "2 dari 3 dijawab"
    assert totals["Dodi (1993)"].mean is None
    kinds = {(Path(p.where).name if "/" in p.where else p.where, p.kind) for p in report.problems}
    assert ("Ani (1990)", "skor tidak cocok") in kinds
    # The copy sorts first (``-`` before ``.``): ani.json is the one named as the repeat.
    copy = next(p for p in report.problems if p.where.endswith("ani.json"))
    assert copy.kind == "duplikat" and "ani-salin.json" in copy.detail
    assert ("budi-1.json", "duplikat") in kinds
    assert ("lain.json", "bank lain") in kinds
    assert ("Dodi (1993)", "jawaban rusak") in kinds
    mismatch = next(p for p in report.problems if p.kind == "skor tidak cocok")
    assert "kelas/s1" in mismatch.detail and "1.00" in mismatch.detail and "0.00" in mismatch.detail
    # Budi's claimed scores were right; only Ani's s1 is named.
    assert sum(1 for p in report.problems if p.kind == "skor tidak cocok") == 1


def test_cli_report_on_a_folder_and_a_windows_pattern(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = tmp_path / "konten"
    (content / "question_banks").mkdir(parents=True)
    (content / "question_banks" / "kelas.yaml").write_text(dump_bank(BANK), encoding="utf-8")
    out = tmp_path / "laporan.html"
    base = ["--content", str(content), "report"]
    assert main([*base, str(folder), "--bank", "kelas", "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    for name in ("rusak.json", "lain.json", "ani.json", "budi-1.json"):
        assert name in captured.err
    assert "skor tidak cocok" in captured.err and "tidak terbaca" in captured.err
    assert "Percobaan: pertama" in captured.out
    page = out.read_text(encoding="utf-8")
    assert "skor tidak cocok" in page and "rusak.json" in page
    # The scenario row shows the start of the situation and every option's points.
    assert "Seorang warga datang membawa berkas" in page
    for points in range(1, 6):
        assert f"[{points} poin]" in page

    # A pattern the Windows shell did not expand, and --percobaan terakhir.
    pattern = str(folder / "*.json")
    csv_out = tmp_path / "laporan.csv"
    args = [*base, pattern, "--bank", "kelas", "--percobaan", "terakhir", "-o", str(csv_out)]
    assert main(args) == 0
    captured = capsys.readouterr()
    assert "Percobaan: terakhir" in captured.out
    soal = (tmp_path / "laporan-soal.csv").read_text(encoding="utf-8-sig").splitlines()
    assert soal[1].startswith("kelas,s1,single,2,0.5,")
    assert (tmp_path / "laporan-masalah.csv").is_file()


def test_only_unreadable_files_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "rusak.json").write_text("{", encoding="utf-8")
    assert main(["report", str(tmp_path), str(tmp_path / "hilang.json")]) == 1
    err = capsys.readouterr().err
    assert "rusak.json" in err and "hilang.json" in err
    assert "tidak ada berkas hasil yang bisa dibaca" in err
    assert "Traceback" not in err


def test_branching_answers_are_rescored_with_the_app_scoring() -> None:
    from latsar_tui.content.model import BranchChoice, BranchingQuestion, BranchStep
    from latsar_tui.quiz.scoring import score
    from latsar_tui.trainer.results import ResultAnswer, TraineeResults

    case = BranchingQuestion(
        id="kasus",
        prompt="Bagaimana Anda menanganinya?",
        explanation="E",
        context="Seorang warga datang tanpa dokumen.",
        start="a",
        steps=(
            BranchStep(
                "a",
                "Langkah pertama",
                (
                    BranchChoice("dengar dulu", 5, "baik", "b"),
                    BranchChoice("suruh pulang", 1, "kurang", "b"),
                ),
            ),
            BranchStep(
                "b",
                "Langkah kedua",
                (BranchChoice("catat", 5, "baik"), BranchChoice("abaikan", 2, "kurang")),
            ),
        ),
    )
    bank = Bank(id="kasus", title="Kasus", questions=(case,))
    path = [1, 0]
    answer = ResultAnswer("kasus", "kasus", question_hash(case), path, 1.0, "2026-11-01T08:00Z")
    report = build_report([TraineeResults("x.json", "X", None, [answer], "ux")], [bank])
    expected = score(case, (1, 0))
    assert expected < 1.0
    assert report.items[0].facility == pytest.approx(expected)
    assert report.items[0].situation.startswith("Seorang warga datang")
    assert [p.kind for p in report.problems] == ["skor tidak cocok"]

"""The trainer subcommands end to end: new, schema, import, export, through `latsar`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from latsar_tui.cli import main
from latsar_tui.content.loader import load_paths
from latsar_tui.trainer.schema import schema_path

FIXTURES = Path(__file__).parents[1] / "fixtures" / "trainer"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "kerja"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def test_new_module_and_bank_validate_at_once(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "module", "modul-uji"]) == 0
    assert main(["new", "bank", "bank-uji", "--module", "modul-uji"]) == 0
    module_text = (workdir / "modules" / "modul-uji.yaml").read_text(encoding="utf-8")
    bank_text = (workdir / "question_banks" / "bank-uji.yaml").read_text(encoding="utf-8")
    for text, kind in ((module_text, "module"), (bank_text, "bank")):
        first = text.splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=file://")
        assert first.endswith(f"/{kind}-1.json")
        assert schema_path(kind).is_file()  # type: ignore[arg-type]
    # The bank found the module and links its first lesson and source.
    assert "lesson: pelajaran-1" in bank_text and "module: modul-uji" in bank_text
    catalog = load_paths([workdir])
    assert catalog.errors == ()
    assert {b.id for b in catalog.banks} == {"bank-uji"}
    bank = catalog.banks[0]
    assert {str(q.type) for q in bank.questions} == {
        "single",
        "multiple",
        "true_false",
        "scenario",
        "ordering",
        "branching",
        "short_answer",
        "matching",
    }
    assert "Dibuat question_banks/bank-uji.yaml" in capsys.readouterr().out


def test_new_refuses_to_overwrite_and_bad_ids(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "bank", "b1"]) == 0
    assert main(["new", "bank", "b1"]) == 1
    assert main(["new", "module", "Modul Saya"]) == 1
    err = capsys.readouterr().err
    assert "sudah ada; pakai --force" in err
    assert "'Modul Saya' bukan id modul yang sah" in err
    assert "Traceback" not in err
    assert load_paths([workdir]).errors == ()


def test_new_bank_with_unknown_module_warns(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "bank", "b2", "--module", "tidak-ada"]) == 0
    assert "modul 'tidak-ada' tidak ditemukan" in capsys.readouterr().err


def test_schema_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "bank"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert "questions" in schema["properties"]


def test_csv_template_then_import(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "csv-template", "-o", "soal.csv"]) == 0
    assert (
        main(["import", "soal.csv", "--format", "csv", "-o", "question_banks/dari-csv.yaml"]) == 0
    )
    out = capsys.readouterr().out
    assert "Diimpor 4 soal ke question_banks/dari-csv.yaml" in out
    assert "multiple 1, scenario 1, single 1, true_false 1" in out
    catalog = load_paths([workdir / "question_banks" / "dari-csv.yaml"])
    assert catalog.errors == () and catalog.banks[0].id == "dari-csv"


def test_import_gift_prints_summary_with_lines(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = FIXTURES / "berakhlak.gift"
    code = main(["import", str(source), "--format", "gift", "-o", "bank.yaml", "--id", "bp-impor"])
    assert code == 0
    out = capsys.readouterr().out
    assert "Diimpor 11 soal ke bank.yaml (bank 'bp-impor'" in out
    assert "Dilewati 4:" in out
    assert f"{source}:50: 'Esai': soal esai tidak didukung" in out
    assert f"{source}:54: soal menjodohkan butuh 3..8 pasangan, ada 2" in out
    assert "Perlu diperiksa" in out and "TODO: tulis penjelasan" in out
    assert "Lengkapi penanda 'TODO:' pada 8 soal" in out
    assert load_paths([workdir / "bank.yaml"]).errors == ()


def test_import_errors_are_one_line(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("latin1.txt").write_bytes("Soal caf\xe9?\nA. a\nB. b\nANSWER: A\n".encode("latin-1"))
    assert main(["import", "latin1.txt", "--format", "aiken", "-o", "x.yaml"]) == 1
    assert main(["import", "tidak-ada.gift", "--format", "gift", "-o", "y.yaml"]) == 2
    Path("kosong.gift").write_text("::a:: Esai {}\n", encoding="utf-8")
    assert main(["import", "kosong.gift", "--format", "gift", "-o", "z.yaml"]) == 1
    err = capsys.readouterr().err
    assert "bukan teks UTF-8 (byte ke-8" in err
    assert "berkas tidak ditemukan: tidak-ada.gift" in err
    assert "tidak ada soal yang bisa diimpor" in err
    assert "Traceback" not in err
    assert not any(Path(name).exists() for name in ("x.yaml", "y.yaml", "z.yaml"))


def test_export_formats_and_skip_notes(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "bank", "semua-jenis"]) == 0
    bank = "question_banks/semua-jenis.yaml"
    for fmt, name in (("gift", "o.gift"), ("moodle-xml", "o.xml"), ("csv", "o.csv")):
        assert main(["export", bank, "--format", fmt, "-o", name]) == 0
        assert Path(name).stat().st_size > 0
    out = capsys.readouterr().out
    assert out.count("Diekspor 6 soal bank 'semua-jenis'") == 3
    assert "contoh-kasus: jenis branching tidak ada padanannya di GIFT" in out
    assert "contoh-urutan: jenis ordering tidak ada padanannya di Moodle XML" in out
    gift = Path("o.gift").read_text(encoding="utf-8")
    # scenario -> weighted multichoice: score/5*100.
    assert "~%60%Menyediakan kursi" in gift and "~%20%Membiarkan lansia" in gift
    xml = Path("o.xml").read_text(encoding="utf-8")
    assert '<answer fraction="60" format="plain_text">' in xml


def test_export_by_bank_id_and_broken_bank(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "berakhlak-latihan", "--format", "gift", "-o", "b.gift"]) == 0
    Path("rusak.yaml").write_text("schema: latsar/bank@1\nid: r\ntitle: R\nquestions: []\n")
    assert main(["export", "rusak.yaml", "--format", "gift", "-o", "r.gift"]) == 1
    assert main(["export", "tidak-ada", "--format", "gift", "-o", "t.gift"]) == 2
    err = capsys.readouterr().err
    assert "rusak.yaml:4:" in err and "punya 1 kesalahan" in err
    assert "tidak ada berkas atau bank dengan id 'tidak-ada'" in err


def test_import_with_module_beside_the_output(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "module", "modul-csv"]) == 0
    Path("soal.csv").write_text(
        "type,prompt,option_a,option_b,correct,explanation,lesson\n"
        "single,Soal,x,y,A,E,pelajaran-1\n"
        "single,Soal dua,x,y,B,E,tidak-ada\n",
        encoding="utf-8",
    )
    code = main(
        [
            "import",
            "soal.csv",
            "--format",
            "csv",
            "-o",
            "question_banks/q.yaml",
            "--module",
            "modul-csv",
        ]
    )
    assert code == 0
    out = capsys.readouterr()
    assert "tidak ditemukan" not in out.err
    assert "pelajaran 'tidak-ada' tidak ada di modul 'modul-csv'; dibuang" in out.out
    catalog = load_paths([workdir])
    assert catalog.errors == ()
    (bank,) = catalog.banks
    assert [q.lesson for q in bank.questions] == ["pelajaran-1", None]

"""`latsar pack` refuses content that still carries the importer's TODO markers."""

from __future__ import annotations

from pathlib import Path

import pytest

from latsar_tui.cli import main

GIFT = """\
::Q1:: Pelayanan publik adalah hak warga. {T}

::Q2:: Nilai mana yang menuntut kejujuran? {
  =Akuntabel
  ~Adaptif
  ####Akuntabel berarti bertanggung jawab atas kepercayaan.
}
"""


def test_pack_refuses_todo_markers_unless_allowed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "soal.gift"
    source.write_text(GIFT, encoding="utf-8")
    bank = tmp_path / "kelas" / "question_banks" / "kelas.yaml"
    assert main(["import", str(source), "--format", "gift", "-o", str(bank)]) == 0
    pack = tmp_path / "kelas.latsarpack"
    capsys.readouterr()

    assert main(["pack", str(tmp_path / "kelas"), "-o", str(pack)]) == 1
    err = capsys.readouterr().err
    assert err.count("penanda 'TODO:' dari impor belum diganti") == 1
    assert "1 penanda 'TODO:'" in err
    assert not pack.exists()

    assert main(["pack", str(tmp_path / "kelas"), "-o", str(pack), "--izinkan-todo"]) == 0
    assert pack.exists()

    text = bank.read_text(encoding="utf-8").replace("TODO: tulis penjelasan", "Hak warga.")
    bank.write_text(text, encoding="utf-8")
    pack.unlink()
    assert main(["pack", str(tmp_path / "kelas"), "-o", str(pack)]) == 0

"""Plain mode through pipes for the two typed types (the other six are walked in
test_plain_subprocess.py): a real `latsar teks` process, invalid input included."""

from __future__ import annotations

from pathlib import Path

from test_plain_subprocess import ANSI, Driver, _stored_answers, env  # noqa: F401

TYPED = Path(__file__).parents[1] / "fixtures" / "ui" / "typed"


def test_short_answer_and_matching_through_pipes(env: dict[str, str], tmp_path: Path) -> None:  # noqa: F811
    driver = Driver(["--content", str(TYPED), "teks"], env)
    driver.type("2")  # Latihan soal
    driver.type(driver.number_of("Latihan Isian dan Jodoh"))
    driver.type("")  # an empty answer is not sent
    driver.type("  Akuntabl. ")  # one slip is forgiven (tolerance 1)
    driver.type("satu")  # not pairs: asked again
    picks = [
        driver.letter_of(right)
        for right in (
            "mengawasi pelayanan publik",
            "memantau hak asasi manusia",
            "mengelola manajemen kepegawaian",
        )
    ]
    driver.type(f"1{picks[0]} 2{picks[1]}")  # one left item forgotten
    driver.type(" ".join(f"{n}{p}" for n, p in enumerate(picks, start=1)))
    driver.type("q")
    code, out, err = driver.finish()
    assert code == 0, err
    assert not ANSI.search(out)
    lines = out.split("\n")
    assert [line for line in lines if line.startswith("Soal ")] == [
        "Soal 1 dari 2 · Latihan · Latihan Isian dan Jodoh",
        "Soal 2 dari 2 · Latihan · Latihan Isian dan Jodoh",
    ]
    assert "Ketik jawaban Anda; jawaban kosong tidak dikirim." in lines
    assert "Salah ketik diterima; ejaan yang benar: akuntabel." in lines
    assert "Ketik pasangan seperti 1a 2b: nomor kiri lalu huruf kanan." in lines
    assert "Belum dijodohkan: nomor 3." in lines
    assert "[b]BKN[/b]" in out  # content shown literally
    assert lines.count("Jawaban tersimpan.") == 2
    assert "Nilai 100 persen, 2 dari 2 poin, 2 dari 2 soal dijawab." in lines
    assert sorted(_stored_answers(tmp_path / "home")) == [("isian-1", 1.0), ("jodoh-1", 1.0)]

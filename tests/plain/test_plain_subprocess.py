"""Plain mode as a screen-reader user meets it: the real `latsar` process, driven
through pipes (and a pseudo-terminal where a terminal is the point), one typed line
at a time, answering by what it printed.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import sqlite3
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parents[1] / "fixtures" / "ui" / "basic"
ANSI = re.compile(r"\x1b[\[\]()#;?0-9]")
PROMPT_END = (": ", "): ")


class Driver:
    """A `latsar` process on pipes: wait for a prompt, type a line, read what came."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "latsar_tui", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        assert self.proc.stdout is not None
        os.set_blocking(self.proc.stdout.fileno(), False)
        self.output = ""

    def _read_more(self, timeout: float) -> None:
        assert self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if ready:
            chunk = self.proc.stdout.read()
            if chunk:
                self.output += chunk.decode("utf-8")

    def prompt(self, timeout: float = 20.0) -> str:
        """Wait until the process waits for input; the prompt it printed."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            tail = self.output.rsplit("\n", 1)[-1]
            if tail.endswith(PROMPT_END):
                return tail
            if self.proc.poll() is not None:
                self._read_more(0.2)
                raise AssertionError(f"latsar ended while a prompt was awaited:\n{self.output}")
            self._read_more(0.2)
        raise AssertionError(f"no prompt within {timeout} s:\n{self.output}")

    def type(self, line: str) -> None:
        """Answer the prompt now on screen with ``line``."""
        self.prompt()
        assert self.proc.stdin is not None
        self.output += line + "\n"  # as a terminal would echo it, so lines stay apart
        self.proc.stdin.write(line.encode("utf-8") + b"\n")
        self.proc.stdin.flush()

    def number_of(self, text: str) -> str:
        """The number printed before ``text`` most recently (the list now on screen)."""
        self.prompt()
        for line in reversed(self.output.split("\n")):
            match = re.fullmatch(r"(\d+)\. (.*)", line)
            if match and match.group(2).startswith(text):
                return match.group(1)
        raise AssertionError(f"no numbered line for {text!r}:\n{self.output[-2000:]}")

    def letter_of(self, text: str) -> str:
        """The letter printed before ``text`` most recently (a matching question's rights)."""
        self.prompt()
        for line in reversed(self.output.split("\n")):
            if re.fullmatch(rf"[a-l]\. {re.escape(text)}", line):
                return line[0]
        raise AssertionError(f"no lettered line for {text!r}:\n{self.output[-1500:]}")

    def finish(self) -> tuple[int, str, str]:
        assert self.proc.stdin is not None and self.proc.stderr is not None
        self.proc.stdin.close()
        code = self.proc.wait(timeout=30)
        self._read_more(0.2)
        return code, self.output, self.proc.stderr.read().decode("utf-8")


@pytest.fixture
def env(tmp_path: Path) -> Iterator[dict[str, str]]:
    environ = {
        key: value
        for key, value in os.environ.items()
        if key not in ("LATSAR_PLAIN", "ACCESSIBLE", "TERM", "NO_COLOR")
    }
    environ["LATSAR_HOME"] = str(tmp_path / "home")
    environ["TERM"] = "xterm-256color"
    yield environ


def _stored_answers(home: Path) -> list[tuple[str, float]]:
    (db,) = home.rglob("progress*.sqlite*") or home.rglob("*.db")
    with sqlite3.connect(db) as conn:
        return [
            (row[0], row[1])
            for row in conn.execute("SELECT question_id, score FROM answers ORDER BY id")
        ]


def _answer_right(driver: Driver) -> str:
    """Answer the question on screen right, by what it printed; returns its kind."""
    driver.prompt()
    shown = driver.output.rsplit("Soal ", 1)[-1]
    if "Siapa pusat pelayanan publik?" in shown:
        driver.type("9")  # out of range: the app says what it wants, and asks again
        driver.type("x")
        driver.type(driver.number_of("Warga"))
        return "single"
    if "komponen standar pelayanan" in shown:
        driver.type("?")  # hear the question again, then the options once more
        driver.type("u")
        driver.type(f"{driver.number_of('Persyaratan')} {driver.number_of('Biaya atau tarif')}")
        return "multiple"
    if "Standar pelayanan dipublikasikan." in shown:
        driver.type("b")  # b is Benar, as the words say
        return "true_false"
    if "berkasnya hilang" in shown:
        driver.type("w")
        driver.type(driver.number_of("Mendengarkan lalu menelusuri"))
        return "scenario"
    if "Urutkan penanganan pengaduan." in shown:
        numbers = [
            driver.number_of(item)
            for item in ("Terima", "Catat", "Tindak lanjuti", "Kabari pelapor")
        ]
        driver.type(" ".join(numbers[:3]))  # too few numbers: asked again
        driver.type(" ".join(numbers))
        return "ordering"
    assert "Antrean di loket memanjang." in shown, shown
    driver.type(driver.number_of("Buka loket tambahan"))
    driver.type(driver.number_of("Beri perkiraan waktu yang jujur"))
    return "branching"


def test_a_whole_practice_quiz_through_pipes(env: dict[str, str], tmp_path: Path) -> None:
    driver = Driver(["--content", str(FIXTURE), "teks"], env)
    driver.type("2")  # Latihan soal
    driver.type(driver.number_of("Latihan Dasar Pelayanan"))
    kinds = [_answer_right(driver) for _ in range(6)]
    driver.type("q")  # at the main menu, q leaves
    code, out, err = driver.finish()
    assert code == 0, err
    assert sorted(kinds) == sorted(
        ["single", "multiple", "true_false", "scenario", "ordering", "branching"]
    )
    assert not ANSI.search(out), "plain mode printed an escape sequence"
    lines = out.split("\n")
    where = [line for line in lines if line.startswith("Soal ")]
    assert where == [f"Soal {n} dari 6 · Latihan · Latihan Dasar Pelayanan" for n in range(1, 7)]
    assert lines.count("Jawaban tersimpan.") == 6
    # Invalid input is answered with what is wanted, and the question is asked again.
    assert "Ketik angka 1 sampai 3." in lines
    assert "Sebutkan setiap nomor 1 sampai 4 tepat satu kali." in lines
    assert "Sesi ini tanpa batas waktu." in lines
    assert lines.count("Mana yang termasuk komponen standar pelayanan?") == 2  # ? repeated it
    assert "Langkah 1." in lines and "Langkah 2." in lines
    assert "Langkah 2: 5 dari 5 poin." in lines
    assert "Pilihan Anda bernilai 5 dari 5." in lines
    assert lines.count("Benar.") == 5  # every type but the scenario, which counts points
    assert "Nilai 100 persen, 6 dari 6 poin, 6 dari 6 soal dijawab." in lines
    assert "Hasil ini tersimpan di Riwayat." in lines
    stored = _stored_answers(tmp_path / "home")
    assert sorted(qid for qid, _ in stored) == sorted(
        ["q-single", "q-multiple", "q-tf", "q-scenario", "q-ordering", "q-branching"]
    )
    assert all(score == 1.0 for _, score in stored)


def test_quitting_mid_quiz_says_what_was_kept(env: dict[str, str], tmp_path: Path) -> None:
    driver = Driver(["--content", str(FIXTURE), "teks"], env)
    driver.type("2")
    driver.type(driver.number_of("Latihan Dasar Pelayanan"))
    _answer_right(driver)
    driver.type("q")  # saves the session and goes back to the main menu
    assert driver.number_of("Lanjutkan sesi yang belum selesai") == "6"
    driver.type("q")
    code, out, _ = driver.finish()
    assert code == 0
    assert (
        "Sesi disimpan; 1 jawaban sudah tersimpan. Lanjutkan dari menu utama, pilihan 6: "
        "Lanjutkan sesi yang belum selesai." in out.split("\n")
    )
    assert len(_stored_answers(tmp_path / "home")) == 1


@pytest.mark.parametrize(
    ("args", "extra_env", "reason"),
    [
        (["--plain"], {}, "--plain"),
        ([], {"LATSAR_PLAIN": "1"}, "LATSAR_PLAIN=1"),
        ([], {"ACCESSIBLE": "1"}, "ACCESSIBLE=1"),
        ([], {"TERM": "dumb"}, "TERM=dumb"),
        ([], {}, "masukan bukan terminal"),
    ],
)
def test_every_way_of_starting_plain_mode(
    env: dict[str, str], args: list[str], extra_env: dict[str, str], reason: str
) -> None:
    driver = Driver(["--content", str(FIXTURE), *args], {**env, **extra_env})
    driver.type("q")
    code, out, err = driver.finish()
    assert code == 0, err
    assert out.startswith(f"Mode teks dipakai ({reason}).")
    assert "\nMenu utama\n" in out


def _run_on_pty(args: list[str], env: dict[str, str], replies: list[str], columns: int) -> str:
    """Run with standard output on a pseudo-terminal of ``columns`` and input on a pipe."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 20, columns, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, "-m", "latsar_tui", *args],
        stdin=subprocess.PIPE,
        stdout=slave,
        stderr=subprocess.PIPE,
        env={**env, "COLUMNS": str(columns)},
    )
    os.close(slave)
    assert proc.stdin is not None
    proc.stdin.write("".join(f"{line}\n" for line in replies).encode())
    proc.stdin.close()
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([master], [], [], 20)
        if not ready:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the process closed its end
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=30)
    os.close(master)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def test_lines_wrap_at_words_on_a_narrow_terminal_and_never_in_a_pipe(
    env: dict[str, str],
) -> None:
    # The first built-in BerAKHLAK lesson: long paragraphs, bold across a line break.
    replies = ["1", "3", "1", "q", "q"]  # Baca materi, BerAKHLAK, its first lesson
    out = _run_on_pty(["--plain"], env, replies, columns=60)
    body = [line for line in out.split("\n") if not line.endswith(": ")]
    assert max(len(line) for line in body) <= 60
    assert "Bangga Melayani Bangsa" in out.replace("\n", " ")
    assert "*" not in out  # emphasis across a line break leaves no asterisk behind
    driver = Driver(["--plain"], env)
    for reply in replies:
        driver.type(reply)
    _, piped, _ = driver.finish()
    assert max(len(line) for line in piped.split("\n")) > 60  # a pipe gets whole lines

"""A data folder that really cannot be written, and a way to run code as its reader.

Tests run as root here, and root writes through any mode bits; so the reader is a
subprocess that drops to uid/gid 65534 (``nobody``) before it starts, on a folder
owned by root with mode 0555 and files 0444. Run as an ordinary user, the mode bits
alone stop writes, and the subprocess keeps its user. Either way the folder is read-only
for the code under test; the test is skipped only where neither holds (an ordinary
user whom chmod does not stop), which is checked, not assumed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
NOBODY = 65534

# The content both the set-up and the reader use: one module, one bank of two questions.
CATALOG_CODE = textwrap.dedent(
    """
    from latsar_tui.content.model import (
        Bank, Catalog, ChoiceOption, Lesson, Module, SingleQuestion,
    )

    def question(qid):
        return SingleQuestion(
            id=qid, prompt=f"Soal {qid}", explanation="Karena begitu.",
            options=(ChoiceOption(text="benar", correct=True),
                     ChoiceOption(text="salah", correct=False)),
        )

    CATALOG = Catalog(
        modules=(Module(id="baca", title="Modul Baca", summary="Ringkasan",
                        lessons=(Lesson(id="l1", title="Pelajaran satu", body="Isi"),)),),
        banks=(Bank(id="baca", title="Bank Baca", module="baca",
                    questions=(question("q1"), question("q2"))),),
    )
    """
)


def catalog() -> Any:
    """The catalog of CATALOG_CODE, in this process."""
    scope: dict[str, Any] = {}
    exec(CATALOG_CODE, scope)  # our own constant, shared with the reader
    return scope["CATALOG"]


def _drop_to_nobody() -> None:
    os.setgroups([])
    os.setgid(NOBODY)
    os.setuid(NOBODY)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` and the sha256 of its bytes."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


class ReadOnlyHome:
    """A LATSAR_HOME made read-only after set-up, and a reader to run code in it."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.home = base / "home"
        self.as_root = os.geteuid() == 0

    def freeze(self) -> None:
        """Folders 0555, files 0444: nobody but root could write, and root won't."""
        for path in [self.home, *self.home.rglob("*")]:
            path.chmod(0o555 if path.is_dir() else 0o444)

    def thaw(self) -> None:
        for path in [self.home, *self.home.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)

    def run(self, args: list[str], stdin: str = "", timeout: float = 120) -> Any:
        """Run ``python args...`` as the folder's reader; the finished process."""
        env = {
            **os.environ,
            "LATSAR_HOME": str(self.home),
            "PYTHONPATH": os.pathsep.join([str(REPO), str(REPO / "tests" / "ui")]),
            "HOME": str(self.base / "reader-home"),
            "LATSAR_LANG": "id",
        }
        env.pop("LATSAR_CONTENT", None)
        command = [sys.executable, *args]
        drop = None
        if self.as_root:
            setpriv = shutil.which("setpriv")
            if setpriv is not None:
                ids = [f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
                command = [setpriv, *ids, *command]
            else:
                drop = _drop_to_nobody
        return subprocess.run(
            command,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
            preexec_fn=drop,  # set only when setpriv is missing
            check=False,
            cwd=self.base,
        )

    def run_code(self, code: str) -> dict[str, Any]:
        """Run a script as the reader; it prints one JSON object as its last line."""
        done = self.run(["-c", CATALOG_CODE + textwrap.dedent(code)])
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr, done.stderr
        result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
        return result


def _chmod_stops_writes(folder: Path) -> bool:
    probe = folder / "probe"
    probe.mkdir()
    probe.chmod(0o555)
    try:
        (probe / "x").write_text("x", encoding="utf-8")
    except PermissionError:
        return True
    finally:
        probe.chmod(0o755)
        shutil.rmtree(probe)
    return False


@pytest.fixture
def read_only_home() -> Iterator[ReadOnlyHome]:
    """A fresh base folder the reader can walk into (outside root's 0700 tmp_path)."""
    base = Path(tempfile.mkdtemp(prefix="latsar-ro-"))
    base.chmod(0o755)
    (base / "reader-home").mkdir()
    (base / "reader-home").chmod(0o777)
    if os.geteuid() != 0 and not _chmod_stops_writes(base):
        shutil.rmtree(base)
        pytest.skip("neither root (to drop privileges) nor a user whom chmod stops")
    holder = ReadOnlyHome(base)
    try:
        yield holder
    finally:
        if holder.home.exists():
            holder.thaw()
        shutil.rmtree(base)

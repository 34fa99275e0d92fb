"""A data folder that really cannot be written, and a way to run code as its reader.

Tests run as root here, and root writes through any mode bits. So, as root, the folder
(mode 0555, files 0444) is also bind-mounted read-only onto itself, and the kernel
refuses every write with EROFS, to root too; where mounting is not allowed, the reader
is a subprocess that drops to uid/gid 65534 (``nobody``) before it starts (this needs
the code and its virtual environment readable by nobody, which a checkout in a 0700
folder is not). Run as an ordinary user, the mode bits alone stop writes, and the
subprocess keeps its user. Either way the folder is read-only for the code under
test; the test is skipped only where none of these holds, which is checked, not
assumed.
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
        # As root: True once the folder is a read-only bind mount (see freeze).
        self.mounted = False

    def freeze(self) -> None:
        """Folders 0555, files 0444; as root, also a read-only bind mount of itself."""
        for path in [self.home, *self.home.rglob("*")]:
            path.chmod(0o555 if path.is_dir() else 0o444)
        if self.as_root:
            self.mounted = _mount_read_only(self.home)
            if not self.mounted and not _nobody_can_run_the_app(self.base):
                pytest.skip(
                    "root, but neither a read-only bind mount is allowed nor can uid "
                    f"{NOBODY} read the code (checkout in a private folder)"
                )

    def thaw(self) -> None:
        if self.mounted:
            subprocess.run(["umount", str(self.home)], capture_output=True, check=False)
            self.mounted = False
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
        if self.as_root and not self.mounted:
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


def _mount_read_only(folder: Path) -> bool:
    """Bind-mount ``folder`` read-only onto itself; whether that worked (root only)."""
    bound = subprocess.run(
        ["mount", "--bind", str(folder), str(folder)], capture_output=True, check=False
    )
    if bound.returncode != 0:
        return False
    again = subprocess.run(
        ["mount", "-o", "remount,bind,ro", str(folder)], capture_output=True, check=False
    )
    if again.returncode != 0:
        subprocess.run(["umount", str(folder)], capture_output=True, check=False)
        return False
    try:
        (folder / ".probe").write_text("x", encoding="utf-8")
    except OSError:
        return True  # EROFS, as wanted
    (folder / ".probe").unlink()
    subprocess.run(["umount", str(folder)], capture_output=True, check=False)
    return False


def _nobody_can_run_the_app(cwd: Path) -> bool:
    """Whether uid 65534 can import the app with this interpreter (for the setpriv path)."""
    setpriv = shutil.which("setpriv")
    prefix = [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    done = subprocess.run(
        [*(prefix if setpriv else []), sys.executable, "-c", "import latsar_tui, textual"],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        preexec_fn=None if setpriv else _drop_to_nobody,
        cwd=cwd,
        check=False,
    )
    return done.returncode == 0


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

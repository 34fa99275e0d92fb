"""A real Ralph LRS on 127.0.0.1 for the xAPI tests, in a temporary folder.

``ralph auth ... -w`` writes the class's key into ``RALPH_APP_DIR``; the server keeps
its statements in ``fs_lrs.jsonl`` in the temporary data folder. Where Ralph is not
installed or does not answer, the tests that need it are skipped with the reason.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

KEY = "kelas-a"
SECRET = "rahasia-kelas-a"
HERE = Path(__file__).resolve().parent
START_TIMEOUT = 60.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class RalphServer:
    """One Ralph process; ``stop``/``start`` keep the same data folder and port."""

    def __init__(self, root: Path, *, runserver: bool = False) -> None:
        # runserver=True starts the `ralph runserver` command itself, unchanged.
        self.runserver = runserver
        self.root = root
        self.data = root / "data"
        self.data.mkdir(parents=True)
        self.port = _free_port()
        self.log = root / "ralph.log"
        self.process: subprocess.Popen[bytes] | None = None
        self.env = {
            **os.environ,
            "RALPH_APP_DIR": str(root / "app"),
            "RALPH_BACKENDS__DATA__FS__DEFAULT_DIRECTORY_PATH": str(self.data),
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(self.data),
            "RALPH_RUNSERVER_BACKEND": "fs",
        }

    @property
    def endpoint(self) -> str:
        """The xAPI base URL the app is pointed at."""
        return f"http://127.0.0.1:{self.port}/xAPI/"

    def create_key(self, key: str = KEY, secret: str = SECRET) -> None:
        """``ralph auth -w``: the centre's key for one class."""
        subprocess.run(
            [_ralph(), "auth", "-u", key, "-p", secret, "-s", "all",
             "-M", f"mailto:{key}@bpsdm.example", "-w"],
            env=self.env, cwd=self.root, check=True, capture_output=True, timeout=60,
        )  # fmt: skip

    def start(self) -> None:
        """Start the server and wait until its heartbeat answers."""
        command = [sys.executable, str(HERE / "ralph_server.py"), "127.0.0.1", str(self.port)]
        cwd = self.root
        if self.runserver:
            command = [_ralph(), "runserver", "-b", "fs", "--host", "127.0.0.1",
                       "--port", str(self.port)]  # fmt: skip
            # Its auto-reloader watches the working folder: give it an empty one.
            cwd = self.root / "cwd"
            cwd.mkdir(exist_ok=True)
        with self.log.open("ab") as log:
            # A session of its own, so stop() kills runserver's reloader and worker too.
            self.process = subprocess.Popen(
                command, env=self.env, cwd=cwd, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                url = f"http://127.0.0.1:{self.port}/__heartbeat__"
                with urllib.request.urlopen(url, timeout=1) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        tail = self.log.read_text(errors="replace")[-600:]
        pytest.skip(f"Ralph LRS did not start on 127.0.0.1:{self.port}: {tail}")

    def stop(self) -> None:
        """Kill the server (SIGKILL: as abrupt as a pulled cable)."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None

    def stored(self) -> list[dict[str, object]]:
        """Every statement in the backend's file, duplicates included."""
        found = []
        for path in self.data.glob("*.jsonl"):
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    found.append(json.loads(line))
        return found


def _ralph() -> str:
    return shutil.which("ralph", path=str(Path(sys.executable).parent)) or "ralph"


def _importable(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ImportError:
        return False


def _running(root: Path, *, runserver: bool) -> Iterator[RalphServer]:
    missing = [m for m in ("ralph.api", "uvicorn", "requests") if not _importable(m)]
    if missing:
        pytest.skip(f"Ralph LRS not installed ({', '.join(missing)}): pip install -e '.[test]'")
    server = RalphServer(root, runserver=runserver)
    server.create_key()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def ralph(tmp_path: Path) -> Iterator[RalphServer]:
    """A running Ralph LRS (Ralph's app, file backend appending) with one class key."""
    yield from _running(tmp_path / "ralph", runserver=False)


@pytest.fixture
def ralph_runserver(tmp_path: Path) -> Iterator[RalphServer]:
    """``ralph runserver -b fs`` exactly as the README starts it, with one class key."""
    yield from _running(tmp_path / "ralph", runserver=True)

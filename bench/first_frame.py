"""One whole process for ``bench/run.py``: start an app headless and exit at its first frame.

    python bench/first_frame.py bare            a Textual app showing one Static (the floor)
    python bench/first_frame.py app [DIR...]    the Latsar app, built-in content plus DIRs
    python bench/first_frame.py loaded [DIR...] the Latsar app, exiting once content is in

``LATSAR_HOME`` must point at a scratch folder (run.py sets it). ``BENCH_T0`` is the
parent's ``time.time()`` just before it spawned this process: at the first frame this
prints the seconds since then and the peak RSS in MB (``VmHWM``), and ends the process
at once (a worker still reading content must not count).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any


def bare() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("Latsar")

        def on_mount(self) -> None:
            self.call_after_refresh(_report)

    Bare().run(headless=True)


def latsar(extra: list[Path], wait_for_content: bool) -> None:
    from latsar_tui.paths import Paths
    from latsar_tui.ui import app as app_module
    from latsar_tui.ui.app import LatsarApp
    from latsar_tui.ui.screens.home import HomeScreen

    class Timed(LatsarApp):
        CSS_PATH = str(Path(app_module.__file__).parent / "app.tcss")

        def on_mount(self) -> None:
            super().on_mount()
            self.set_interval(0.01, self._check)

        def _check(self) -> None:
            if not isinstance(self.screen, HomeScreen):
                return
            if wait_for_content and self.catalog_loading:
                return
            self.call_after_refresh(_report)

    Timed(Paths.resolve().ensure(), extra_content=extra).run(headless=True)


def _report() -> None:
    import os
    import resource
    import time

    elapsed = time.time() - float(os.environ["BENCH_T0"])
    print(f"{elapsed:.4f} {_peak_mb(resource):.1f}", flush=True)
    os._exit(0)


def _peak_mb(resource: Any) -> float:
    """This process's own peak RSS in MB.

    On Linux ``ru_maxrss`` survives ``exec``: a child of run.py (which holds the
    generated 10k bank, about 180 MB) would report the parent's peak. ``VmHWM`` is
    the peak of this process's own memory.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) / 1024


def main() -> None:
    mode, *rest = sys.argv[1:]
    if mode == "bare":
        bare()
    else:
        latsar([Path(p) for p in rest], wait_for_content=mode == "loaded")


if __name__ == "__main__":
    main()

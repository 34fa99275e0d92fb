"""Real files to corrupt: a progress backup and a results file from a short history.

Built once per test process from the ``ui/basic`` fixture content: three practice
sessions on one bank (some answers wrong), a lesson read, then ``export_progress`` and
``export_results`` as the CLI writes them.
"""

from __future__ import annotations

import functools
import json
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fuzzkit import FIXTURES

from latsar_tui.content.loader import load_paths
from latsar_tui.content.model import Catalog, TrueFalseQuestion
from latsar_tui.paths import Paths
from latsar_tui.quiz.clock import FakeClock
from latsar_tui.quiz.session import Mode, QuizSession, Scope
from latsar_tui.store.progress import ProgressStore
from latsar_tui.store.transfer import export_progress
from latsar_tui.trainer.results import export_results

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
CONTENT = FIXTURES / "ui" / "basic"


@dataclass(frozen=True)
class Samples:
    catalog: Catalog
    backup: bytes
    results: bytes


@functools.cache
def samples() -> Samples:
    catalog = load_paths([CONTENT], context=[])
    assert not catalog.broken, catalog.broken
    with tempfile.TemporaryDirectory() as temp:
        paths = Paths.resolve(Path(temp)).ensure()
        clock = FakeClock(START)
        with ProgressStore.open(paths) as store:
            for day in range(3):
                session = QuizSession.start(
                    catalog,
                    store,
                    Scope(bank_id="dasar-ujian"),
                    Mode.PRACTICE,
                    seed=day,
                    clock=clock,
                )
                while (shown := session.current()) is not None:
                    clock.advance(10)
                    right = isinstance(shown.question, TrueFalseQuestion)
                    session.answer(bool(day % 2) if right else day % 2)
                session.finish()
                clock.advance(days=1)
            store.mark_lesson_read("dasar", "pengantar", START + timedelta(days=1))
            backup = export_progress(store, paths, now=START + timedelta(days=4))
        results = export_results(paths, name="Peserta Uji", nip="1990 01", now=START)
    assert backup["answers"] and results["answers"]
    return Samples(
        catalog=catalog,
        backup=json.dumps(backup, ensure_ascii=False, indent=1).encode("utf-8"),
        results=json.dumps(results, ensure_ascii=False, indent=1).encode("utf-8"),
    )

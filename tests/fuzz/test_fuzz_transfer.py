"""Fuzzing ``latsar progress import``: backups mangled, flipped, nested and raw.

The path is the CLI's: ``read_backup`` then ``import_progress`` into a store that
already holds progress. Allowed: an import report, or ``TransferError`` with a message
and the store exactly as it was.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from fuzzkit import FUZZ, flipped, guarded, mangled, one_spot, refusal
from hypothesis import event, example, given
from hypothesis import strategies as st
from samples import samples

from latsar_tui.paths import Paths
from latsar_tui.store.progress import ProgressStore
from latsar_tui.store.transfer import ImportReport, TransferError, import_progress, read_backup

TABLES = ("attempts", "attempt_items", "answers", "lesson_reads", "cards", "review_logs")


def _tree() -> Any:
    return json.loads(samples().backup)


def _deep_answers(depth: int) -> bytes:
    # Written as text: json.dumps itself cannot nest this deep.
    text = json.dumps({**_tree(), "answers": "@@"})
    return text.replace('"@@"', "[" * depth + "]" * depth).encode()


def _dumped(tree: Any) -> bytes:
    return json.dumps(tree, ensure_ascii=False).encode("utf-8", "surrogatepass")


def _counts(store: ProgressStore) -> dict[str, int]:
    with store.connection() as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


backup_bytes = st.one_of(
    st.builds(_tree).flatmap(mangled).map(_dumped),
    st.builds(_tree).flatmap(one_spot).map(_dumped),
    st.builds(lambda: samples().backup).flatmap(flipped),
    st.binary(max_size=2000),
    st.integers(1, 200_000).map(lambda n: b"[" * n + b"]" * n),
    st.integers(1, 100_000).map(_deep_answers),
)


@FUZZ
@given(data=backup_bytes, settings_too=st.booleans())
# Arrays nested past the recursion limit: json.loads raised RecursionError through.
@example(data=b"[" * 5000 + b"]" * 5000, settings_too=False)
# A list where the store wants text: sqlite3.ProgrammingError leaked from the merge.
@example(
    data=b'{"format": "latsar-progress", "version": 1, "attempts": [{"uuid": "u", "bank_id": []}]}',
    settings_too=False,
)
# A record that is not an object: AttributeError leaked from the merge.
@example(
    data=b'{"format": "latsar-progress", "version": 1, "lesson_reads": [null]}',
    settings_too=False,
)
# An integer beyond SQLite's 64 bits.
@example(
    data=b'{"format": "latsar-progress", "version": 1, "attempts": [{"uuid": "u", "seed": '
    + b"9" * 30
    + b"}]}",
    settings_too=False,
)
def test_backups_are_imported_or_refused(data: bytes, settings_too: bool) -> None:
    with tempfile.TemporaryDirectory() as temp:
        paths = Paths.resolve(Path(temp) / "home").ensure()
        real = Path(temp) / "asli.json"
        real.write_bytes(samples().backup)
        source = Path(temp) / "cadangan.json"
        source.write_bytes(data)
        with ProgressStore.open(paths) as store:
            import_progress(store, paths, read_backup(real), restore_settings=False)
            before = _counts(store)
            with guarded():
                try:
                    report = import_progress(
                        store, paths, read_backup(source), restore_settings=settings_too
                    )
                except TransferError as error:
                    refusal(error)
                    event("refused")
                    assert _counts(store) == before, "a refused import changed the progress"
                else:
                    assert isinstance(report, ImportReport) and report.summary()
                    event("imported")

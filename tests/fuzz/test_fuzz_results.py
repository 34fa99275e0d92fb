"""Fuzzing ``latsar report``: results files mangled, flipped and raw, read and reported.

The path is the CLI's: ``read_results`` on each file (``ResultsError`` with a message is
the refusal), then ``build_report`` against the content, then the CSV and HTML output;
the report never raises on a trainee's data.
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

from latsar_tui.trainer.report import ClassReport, build_report
from latsar_tui.trainer.report_output import csv_files, report_html
from latsar_tui.trainer.results import ResultsError, TraineeResults, read_results


def _tree() -> Any:
    return json.loads(samples().results)


def _deep_answers(depth: int) -> bytes:
    # Written as text: json.dumps itself cannot nest this deep.
    text = json.dumps({**_tree(), "answers": "@@"})
    return text.replace('"@@"', "[" * depth + "]" * depth).encode()


def _dumped(tree: Any) -> bytes:
    return json.dumps(tree, ensure_ascii=False).encode("utf-8", "surrogatepass")


results_bytes = st.one_of(
    st.builds(_tree).flatmap(mangled).map(_dumped),
    st.builds(_tree).flatmap(one_spot).map(_dumped),
    st.builds(lambda: samples().results).flatmap(flipped),
    st.binary(max_size=2000),
    st.integers(1, 200_000).map(lambda n: b"[" * n + b"]" * n),
    st.integers(1, 100_000).map(_deep_answers),
)


@FUZZ
@given(
    files=st.lists(results_bytes, min_size=1, max_size=3),
    attempts=st.sampled_from(["pertama", "terakhir", "semua"]),
)
# Arrays nested past the recursion limit: json.loads raised RecursionError through.
@example(files=[b"[" * 5000 + b"]" * 5000], attempts="pertama")
def test_results_files_are_reported_or_refused(files: list[bytes], attempts: str) -> None:
    catalog = samples().catalog
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        read: list[TraineeResults] = []
        with guarded():
            for number, data in enumerate(files):
                path = folder / f"hasil-{number}.json"
                path.write_bytes(data)
                try:
                    read.append(read_results(path))
                except ResultsError as error:
                    refusal(error)
                    event("file refused")
            event(f"{len(read)} file(s) read")
            report = build_report(read, catalog, None, attempts)
            assert isinstance(report, ClassReport)
            assert report_html(report)
            csv_files(report, folder / "laporan.csv")

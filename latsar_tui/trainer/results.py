"""``latsar results export``: a trainee's answers as one JSON file for the trainer.

The answers are read from the progress database with a read-only SQL query (the
store has no "every answer" method, and a read-only connection cannot disturb a
running app). Each answer keeps the content hash of the question as it was answered,
so the class report can tell answers to an older version of a question apart.
The report never trusts the ``score`` written here: it scores every answer again.
The ``uuid`` lets it notice the same file handed in twice (files written before it
existed get one derived from their content).

File format ``latsar-results@1``::

    {"format": "latsar-results@1", "exported_at": "...Z", "app_version": "0.1.0",
     "uuid": "<random id of this export>", "trainee": {"name": "...", "nip": "..."},
     "answers": [{"bank": "...", "question": "...", "question_hash": "...",
                  "answer": <JSON of the answer in canonical indices>, "score": 0.0..1.0,
                  "answered_at": "...", "attempt": 3, "mode": "latihan",
                  "time_taken_seconds": 12.5}, ...]}
"""

from __future__ import annotations

import glob
import hashlib
import json
import sqlite3
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import latsar_tui
from latsar_tui.i18n import _
from latsar_tui.paths import Paths

RESULTS_FORMAT = "latsar-results@1"


class ResultsError(Exception):
    """Results that cannot be exported or read; the message says why (Indonesian)."""


@dataclass(frozen=True)
class ResultAnswer:
    """One answer in a results file."""

    bank: str
    question: str
    question_hash: str
    answer: Any
    score: float
    answered_at: str
    attempt: int | None = None
    mode: str | None = None
    time_taken_seconds: float | None = None


@dataclass(frozen=True)
class TraineeResults:
    """One trainee's results file."""

    source: str
    name: str | None
    nip: str | None
    answers: list[ResultAnswer]
    uuid: str = ""
    exported_at: str = ""

    @property
    def label(self) -> str:
        """How the report names this trainee: name (NIP), else the file name."""
        if self.name and self.nip:
            return f"{self.name} ({self.nip})"
        return self.name or self.nip or Path(self.source).stem


_QUERY = """
SELECT a.bank_id, a.question_id, a.question_hash, a.answer_json, a.score, a.answered_at,
       a.attempt_id, t.mode, a.time_taken_seconds
FROM answers AS a LEFT JOIN attempts AS t ON t.id = a.attempt_id
ORDER BY a.answered_at, a.id
"""


def collect_answers(paths: Paths, bank_id: str | None = None) -> list[dict[str, Any]]:
    """Every recorded answer (optionally of one bank), oldest first, as JSON objects."""
    database = paths.database
    if not database.is_file():
        raise ResultsError(_("belum ada progres tersimpan: kerjakan latihan terlebih dahulu"))
    try:
        conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise ResultsError(
            _("basis data progres tidak bisa dibuka: {error}").format(error=error)
        ) from None
    try:
        rows = conn.execute(_QUERY).fetchall()
    except sqlite3.Error as error:
        raise ResultsError(
            _("basis data progres tidak bisa dibaca: {error}").format(error=error)
        ) from None
    finally:
        conn.close()
    answers = []
    for bank, question, qhash, answer_json, score, at, attempt, mode, taken in rows:
        if bank_id is not None and bank != bank_id:
            continue
        try:
            answer = json.loads(answer_json)
        except json.JSONDecodeError:
            answer = None
        answers.append(
            {
                "bank": bank,
                "question": question,
                "question_hash": qhash,
                "answer": answer,
                "score": float(score),
                "answered_at": at,
                "attempt": attempt,
                "mode": mode,
                "time_taken_seconds": taken,
            }
        )
    return answers


def export_results(
    paths: Paths,
    *,
    name: str | None = None,
    nip: str | None = None,
    bank_id: str | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """The results document of this trainee (not yet written)."""
    stamp = (now or datetime.now(UTC)).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    return {
        "format": RESULTS_FORMAT,
        "exported_at": stamp,
        "app_version": latsar_tui.__version__,
        "uuid": uuid.uuid4().hex,
        "trainee": {"name": name, "nip": nip},
        "answers": collect_answers(paths, bank_id),
    }


def read_results(path: Path) -> TraineeResults:
    """Read one trainee's results file; raises ResultsError naming what is wrong."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ResultsError(_("{path}: berkas tidak ditemukan").format(path=path)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ResultsError(
            _("{path}: bukan berkas hasil JSON yang sah ({error})").format(path=path, error=error)
        ) from None
    except RecursionError:
        # Arrays nested thousands deep: no results file looks like that.
        raise ResultsError(
            _("{path}: bukan berkas hasil yang sah (JSON bersarang terlalu dalam)").format(
                path=path
            )
        ) from None
    if not isinstance(raw, dict) or raw.get("format") != RESULTS_FORMAT:
        raise ResultsError(
            _("{path}: bukan berkas hasil Latsar TUI ('format' harus '{format}')").format(
                path=path, format=RESULTS_FORMAT
            )
        )
    trainee = raw.get("trainee") or {}
    answers: list[ResultAnswer] = []
    raw_answers = raw.get("answers") or []
    if not isinstance(raw_answers, list):
        raise ResultsError(_("{path}: 'answers' harus berupa daftar").format(path=path))
    for number, item in enumerate(raw_answers, start=1):
        try:
            score = float(item["score"])
            taken = item.get("time_taken_seconds")
            taken = None if taken is None else float(taken)
            if not 0.0 <= score <= 1.0:
                raise ValueError(score)
            answers.append(
                ResultAnswer(
                    bank=str(item["bank"]),
                    question=str(item["question"]),
                    question_hash=str(item.get("question_hash") or ""),
                    answer=item.get("answer"),
                    score=score,
                    answered_at=str(item.get("answered_at") or ""),
                    attempt=item.get("attempt"),
                    mode=item.get("mode"),
                    time_taken_seconds=taken,
                )
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            raise ResultsError(
                _("{path}: jawaban ke-{number} tidak lengkap atau rusak").format(
                    path=path, number=number
                )
            ) from None
    name = trainee.get("name") if isinstance(trainee, dict) else None
    nip = trainee.get("nip") if isinstance(trainee, dict) else None
    file_id = raw.get("uuid")
    if not isinstance(file_id, str) or not file_id:
        # Files from before the uuid: the same content is the same hand-in.
        digest = json.dumps([trainee, raw_answers], sort_keys=True, ensure_ascii=False)
        file_id = "isi-" + hashlib.sha256(digest.encode("utf-8")).hexdigest()[:32]
    return TraineeResults(
        source=str(path),
        name=str(name) if name else None,
        nip=str(nip).strip() if nip else None,
        answers=answers,
        uuid=file_id,
        exported_at=str(raw.get("exported_at") or ""),
    )


def expand_result_paths(
    arguments: Sequence[Path],
) -> tuple[list[Path], list[tuple[str, str]]]:
    """The results files named on the command line, and (argument, why) for each that is not.

    A folder stands for the ``*.json`` files in it; a pattern such as ``hasil\\*.json``
    is expanded here because the Windows shell leaves it as typed. Each file appears
    once even when two arguments name it.
    """
    found: list[Path] = []
    problems: list[tuple[str, str]] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            found.append(path)

    for argument in arguments:
        if argument.is_dir():
            files = sorted(p for p in argument.iterdir() if p.suffix.lower() == ".json")
            if not files:
                problems.append((str(argument), _("folder ini tidak berisi berkas .json")))
            for file in files:
                add(file)
        elif argument.is_file():
            add(argument)
        elif glob.has_magic(str(argument)):
            matches = sorted(Path(m) for m in glob.glob(str(argument)))
            files = [m for m in matches if m.is_file()]
            if not files:
                problems.append((str(argument), _("tidak ada berkas yang cocok")))
            for file in files:
                add(file)
        else:
            problems.append((str(argument), _("berkas tidak ditemukan")))
    return found, problems

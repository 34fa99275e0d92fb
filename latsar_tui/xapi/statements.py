"""xAPI 1.0.3 statements built from the progress database.

One ``answered`` statement per stored answer, and ``attempted`` / ``completed`` /
``passed`` / ``failed`` per attempt. Statements are rebuilt on every run rather than
stored: their ids are name-based uuids (uuid5) of the answer's or attempt's stored
uuid, so the same answer always gives the same statement id and an LRS that already
holds it never stores it twice.

The canonical answer (indices as ``quiz.scoring`` keeps them), the bank, the question
id and its content hash travel in extensions, so ``readback`` can turn statements
into the very ``ResultAnswer`` objects a results file gives.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from typing import Any
from urllib.parse import quote

from latsar_tui.content.model import (
    Bank,
    Catalog,
    MultipleQuestion,
    OrderingQuestion,
    Question,
    ScenarioQuestion,
    SingleQuestion,
    TrueFalseQuestion,
    question_hash,
)
from latsar_tui.paths import Paths

XAPI_VERSION = "1.0.3"
LANGUAGE = "id-ID"

# The app's own IRI namespace for its activities and extensions. It only has to be
# stable and unique; it names things, nothing is fetched from it.
BASE_IRI = "https://w3id.org/latsar-tui/xapi"
EXT = f"{BASE_IRI}/extensions"
EXT_BANK = f"{EXT}/bank"
EXT_MODULE = f"{EXT}/module"
EXT_QUESTION = f"{EXT}/question"
EXT_QUESTION_HASH = f"{EXT}/question-hash"
EXT_ANSWER = f"{EXT}/answer"
EXT_ATTEMPT = f"{EXT}/attempt"
EXT_MODE = f"{EXT}/mode"
EXT_NIP = f"{EXT}/nip"
# The seconds exactly as stored: the ISO duration keeps only hundredths.
EXT_TIME_TAKEN = f"{EXT}/time-taken-seconds"

# Fixed namespace of the uuid5 statement ids: changing it would make every statement
# new again for every LRS, so it never changes.
STATEMENT_NAMESPACE = uuid.UUID("5b7d3a52-6c1e-4f0e-9a8e-2f4c1d7b9e10")

ADL_VERBS = "http://adlnet.gov/expapi/verbs"
VERB_ANSWERED = f"{ADL_VERBS}/answered"
VERBS = {
    name: {"id": f"{ADL_VERBS}/{name}", "display": {"en-US": name}}
    for name in ("answered", "attempted", "completed", "passed", "failed")
}
TYPE_INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"
TYPE_ASSESSMENT = "http://adlnet.gov/expapi/activities/assessment"

EXAM_MODE = "ujian"  # quiz.session.Mode.EXAM; only exams are passed or failed

_INTERACTION_TYPES = {
    "single": "choice",
    "multiple": "choice",
    "true_false": "true-false",
    "ordering": "sequencing",
    # A scenario's options are scored 1..5 but are not a rating scale, and a branching
    # case is a path: neither fits a cmi.interaction type, so both are "other".
    "scenario": "other",
    "branching": "other",
}


@dataclass(frozen=True, slots=True)
class Learner:
    """Who the statements are about: an xAPI account on the training centre's site."""

    home_page: str
    account_name: str  # the NIP, or a local id when the trainee gave none
    name: str | None = None
    nip: str | None = None

    def actor(self) -> dict[str, Any]:
        """The xAPI Agent."""
        agent: dict[str, Any] = {
            "objectType": "Agent",  # i18n: ignore xAPI
            "account": {"homePage": self.home_page, "name": self.account_name},
        }
        if self.name:
            agent["name"] = self.name
        return agent


def statement_id(stored_uuid: str, kind: str = "answered") -> str:
    """The statement id for one stored row (answer uuid, or attempt uuid + verb)."""
    name = stored_uuid if kind == "answered" else f"{stored_uuid}:{kind}"
    return str(uuid.uuid5(STATEMENT_NAMESPACE, name))


def bank_activity_id(bank_id: str) -> str:
    """The activity id of a whole bank (the parent of its questions)."""
    return f"{BASE_IRI}/bank/{quote(bank_id, safe='')}"


def question_activity_id(bank_id: str, question_id: str) -> str:
    """The activity id of one question."""
    return f"{bank_activity_id(bank_id)}/question/{quote(question_id, safe='')}"


def duration(seconds: float) -> str:
    """Seconds as an ISO 8601 duration with xAPI's 0.01 s precision, e.g. ``PT12.5S``."""
    hundredths = max(0, round(seconds * 100))
    whole, part = divmod(hundredths, 100)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    text = "PT"
    if hours:
        text += f"{hours}H"
    if minutes:
        text += f"{minutes}M"
    text += f"{secs}.{part:02d}S" if part else f"{secs}S"
    return text


def _response(qtype: str, answer: Any) -> str:
    """The xAPI response string (choice ids are the canonical option indices)."""
    if qtype == "true_false" and isinstance(answer, bool):
        return "true" if answer else "false"
    if qtype in {"single", "multiple", "ordering"}:
        picked = answer if isinstance(answer, list) else [answer]
        return "[,]".join(str(item) for item in picked)
    return json.dumps(answer, ensure_ascii=False, separators=(",", ":"))


def _components(ids_and_texts: Iterable[tuple[int, str]]) -> list[dict[str, Any]]:
    return [{"id": str(i), "description": {LANGUAGE: text}} for i, text in ids_and_texts]


def _definition(qtype: str, question: Question | None) -> dict[str, Any]:
    """The interaction's definition; option texts only for the version answered."""
    definition: dict[str, Any] = {
        "type": TYPE_INTERACTION,
        "interactionType": _INTERACTION_TYPES.get(qtype, "other"),
    }
    if question is None:
        return definition
    definition["name"] = {LANGUAGE: " ".join(question.prompt.split())[:200]}
    if isinstance(question, SingleQuestion | MultipleQuestion):
        definition["choices"] = _components(enumerate(o.text for o in question.options))
        right = [str(i) for i, o in enumerate(question.options) if o.correct]
        definition["correctResponsesPattern"] = ["[,]".join(right)]
    elif isinstance(question, TrueFalseQuestion):
        definition["correctResponsesPattern"] = ["true" if question.answer else "false"]
    elif isinstance(question, OrderingQuestion):
        definition["choices"] = _components(enumerate(question.items))
        definition["correctResponsesPattern"] = [
            "[,]".join(str(i) for i in range(len(question.items)))
        ]
    elif isinstance(question, ScenarioQuestion):
        definition["choices"] = _components(enumerate(o.text for o in question.options))
    return definition


def _rows(paths: Paths, query: str) -> list[tuple[Any, ...]]:
    # Read-only: building statements must never change (or lock) the trainee's data.
    conn = sqlite3.connect(f"{paths.database.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(query).fetchall()
    finally:
        conn.close()


_ANSWERS = """
SELECT a.uuid, a.bank_id, a.question_id, a.question_hash, a.answer_json, a.score,
       a.time_taken_seconds, a.answered_at, t.id, t.uuid, t.mode, t.module_id
FROM answers AS a LEFT JOIN attempts AS t ON t.id = a.attempt_id
ORDER BY a.answered_at, a.id
"""

_ATTEMPTS = """
SELECT id, uuid, mode, title, bank_id, module_id, started_at, finished_at, percent,
       time_used_seconds
FROM attempts ORDER BY started_at, id
"""


def _registration(attempt_uuid: str | None) -> str | None:
    return None if attempt_uuid is None else str(uuid.UUID(hex=attempt_uuid))


def _context(
    learner: Learner,
    extensions: dict[str, Any],
    registration: str | None,
    parent: str | None,
) -> dict[str, Any]:
    if learner.nip:
        extensions[EXT_NIP] = learner.nip
    context: dict[str, Any] = {"language": LANGUAGE, "extensions": extensions}
    if registration is not None:
        context["registration"] = registration
    if parent is not None:
        context["contextActivities"] = {
            "parent": [{"objectType": "Activity", "id": parent}],  # i18n: ignore xAPI
        }
    return context


def answer_statements(
    paths: Paths, learner: Learner, catalog: Catalog | None = None
) -> list[dict[str, Any]]:
    """One ``answered`` statement per stored answer, oldest first."""
    banks: dict[str, Bank] = {b.id: b for b in catalog.banks} if catalog else {}
    found: list[dict[str, Any]] = []
    for row in _rows(paths, _ANSWERS):
        (answer_uuid, bank_id, qid, qhash, answer_json, score, taken, at) = row[:8]
        attempt_id, attempt_uuid, mode, module_id = row[8:]
        bank = banks.get(bank_id)
        question = bank.question(qid) if bank is not None else None
        qtype = str(question.type) if question is not None else "other"
        current = question if question is not None and question_hash(question) == qhash else None
        try:
            answer = json.loads(answer_json)
        except ValueError:
            answer = None
        result: dict[str, Any] = {
            "response": _response(qtype, answer),
            "score": {"scaled": float(score), "raw": float(score), "min": 0.0, "max": 1.0},
            "success": float(score) >= 1.0,
            "completion": True,
            "extensions": {EXT_ANSWER: answer},
        }
        if taken is not None:
            result["duration"] = duration(float(taken))
            result["extensions"][EXT_TIME_TAKEN] = float(taken)
        extensions: dict[str, Any] = {
            EXT_BANK: bank_id,
            EXT_QUESTION: qid,
            EXT_QUESTION_HASH: qhash,
        }
        module = module_id or (bank.module if bank is not None else None)
        if module:
            extensions[EXT_MODULE] = module
        if attempt_id is not None:
            extensions[EXT_ATTEMPT] = attempt_id
        if mode:
            extensions[EXT_MODE] = mode
        found.append(
            {
                "id": statement_id(answer_uuid),
                "actor": learner.actor(),
                "verb": VERBS["answered"],
                "object": {
                    "objectType": "Activity",  # i18n: ignore xAPI
                    "id": question_activity_id(bank_id, qid),
                    "definition": _definition(qtype, current),
                },
                "result": result,
                "context": _context(
                    learner, extensions, _registration(attempt_uuid), bank_activity_id(bank_id)
                ),
                "timestamp": at,
                "version": XAPI_VERSION,
            }
        )
    return found


def _attempt_statement(
    learner: Learner,
    *,
    attempt_uuid: str,
    activity: dict[str, Any],
    extensions: dict[str, Any],
    kind: str,
    at: str,
    result: dict[str, Any] | None = None,
) -> dict[str, Any]:
    statement: dict[str, Any] = {
        "id": statement_id(attempt_uuid, kind),
        "actor": learner.actor(),
        "verb": VERBS[kind],
        "object": activity,
        "context": _context(learner, dict(extensions), _registration(attempt_uuid), None),
        "timestamp": at,
        "version": XAPI_VERSION,
    }
    if result is not None:
        statement["result"] = result
    return statement


def attempt_statements(
    paths: Paths, learner: Learner, catalog: Catalog | None = None
) -> list[dict[str, Any]]:
    """``attempted`` per attempt; ``completed`` and, for exams, ``passed``/``failed``."""
    banks: dict[str, Bank] = {b.id: b for b in catalog.banks} if catalog else {}
    found: list[dict[str, Any]] = []
    for row in _rows(paths, _ATTEMPTS):
        (attempt_id, attempt_uuid, mode, title, bank_id, module_id) = row[:6]
        started_at, finished_at, percent, used = row[6:]
        activity: dict[str, Any] = {
            "objectType": "Activity",  # i18n: ignore xAPI
            "id": (
                bank_activity_id(bank_id)
                if bank_id
                else f"{BASE_IRI}/attempt/{_registration(attempt_uuid)}"
            ),
            "definition": {"type": TYPE_ASSESSMENT, "name": {LANGUAGE: title}},
        }
        extensions: dict[str, Any] = {EXT_ATTEMPT: attempt_id, EXT_MODE: mode}
        if bank_id:
            extensions[EXT_BANK] = bank_id
        if module_id:
            extensions[EXT_MODULE] = module_id

        make = partial(
            _attempt_statement,
            learner,
            attempt_uuid=attempt_uuid,
            activity=activity,
            extensions=extensions,
        )
        found.append(make(kind="attempted", at=started_at))
        if finished_at is None or percent is None:
            continue
        scaled = max(0.0, min(1.0, float(percent) / 100))
        result = {
            "score": {"scaled": scaled, "raw": float(percent), "min": 0.0, "max": 100.0},
            "completion": True,
            "duration": duration(float(used or 0.0)),
        }
        found.append(make(kind="completed", at=finished_at, result=result))
        bank = banks.get(bank_id) if bank_id else None
        if mode == EXAM_MODE and bank is not None:
            passed = float(percent) >= bank.pass_mark
            found.append(
                make(
                    kind="passed" if passed else "failed",
                    at=finished_at,
                    result={**result, "success": passed},
                )
            )
    return found


def all_statements(
    paths: Paths, learner: Learner, catalog: Catalog | None = None
) -> list[dict[str, Any]]:
    """Every statement of this data folder, in time order (ties: answers first)."""
    statements = answer_statements(paths, learner, catalog) + attempt_statements(
        paths, learner, catalog
    )
    # Stable sort: the time order is what an LRS reader expects, and a deterministic
    # order makes the batches of a resumed send the same as those of the first try.
    statements.sort(key=lambda s: str(s["timestamp"]))
    return statements

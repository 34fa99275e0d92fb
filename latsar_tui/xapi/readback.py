"""Statements read back from an LRS, turned into the results a results file gives.

``latsar report --lrs`` feeds these ``TraineeResults`` to the same
``trainer.report.build_report`` as ``latsar report HASIL.json ...``, so both reports
are computed by one code path. Only ``answered`` statements this app wrote (they
carry the bank, question and hash extensions) count; a trainee is one xAPI account.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from latsar_tui.trainer.results import ResultAnswer, TraineeResults
from latsar_tui.xapi.client import LrsClient
from latsar_tui.xapi.statements import (
    EXT_ANSWER,
    EXT_ATTEMPT,
    EXT_BANK,
    EXT_MODE,
    EXT_NIP,
    EXT_QUESTION,
    EXT_QUESTION_HASH,
    EXT_TIME_TAKEN,
    VERB_ANSWERED,
    bank_activity_id,
)

_Parsed = tuple[tuple[str, str], str | None, str | None, ResultAnswer]


def _answer(statement: dict[str, Any]) -> _Parsed | None:
    """(account, name, NIP, answer) of one of our answered statements, else None."""
    if (statement.get("verb") or {}).get("id") != VERB_ANSWERED:
        return None
    context = statement.get("context") or {}
    extensions = context.get("extensions") or {}
    result = statement.get("result") or {}
    scaled = (result.get("score") or {}).get("scaled")
    bank = extensions.get(EXT_BANK)
    question = extensions.get(EXT_QUESTION)
    if not isinstance(bank, str) or not isinstance(question, str):
        return None  # not one of ours
    if not isinstance(scaled, int | float) or not 0.0 <= float(scaled) <= 1.0:
        return None
    account = (statement.get("actor") or {}).get("account") or {}
    who = (str(account.get("homePage", "")), str(account.get("name", "")))
    attempt = extensions.get(EXT_ATTEMPT)
    name = (statement.get("actor") or {}).get("name")
    nip = extensions.get(EXT_NIP)
    taken = (result.get("extensions") or {}).get(EXT_TIME_TAKEN)
    return (
        who,
        str(name) if name else None,
        str(nip) if nip else None,
        ResultAnswer(
            bank=bank,
            question=question,
            question_hash=str(extensions.get(EXT_QUESTION_HASH) or ""),
            answer=(result.get("extensions") or {}).get(EXT_ANSWER),
            score=float(scaled),
            answered_at=str(statement.get("timestamp") or ""),
            attempt=attempt if isinstance(attempt, int) else None,
            mode=extensions.get(EXT_MODE),
            time_taken_seconds=float(taken) if isinstance(taken, int | float) else None,
        ),
    )


def results_from_statements(
    statements: Iterable[dict[str, Any]], bank_id: str | None = None
) -> list[TraineeResults]:
    """Group answered statements by account into results, ordered by trainee label."""
    answers: dict[tuple[str, str], list[ResultAnswer]] = {}
    names: dict[tuple[str, str], str | None] = {}
    nips: dict[tuple[str, str], str | None] = {}
    seen: set[str] = set()
    for statement in statements:
        statement_id = str(statement.get("id"))
        if statement_id in seen:
            continue  # a page boundary that moved: never count one answer twice
        seen.add(statement_id)
        parsed = _answer(statement)
        if parsed is None:
            continue
        who, name, nip, answer = parsed
        if bank_id is not None and answer.bank != bank_id:
            continue
        answers.setdefault(who, []).append(answer)
        names[who] = names.get(who) or name
        nips[who] = nips.get(who) or nip
    results = [
        TraineeResults(
            source=f"{who[0]}#{who[1]}",
            name=names[who],
            nip=nips[who],
            answers=sorted(found, key=lambda a: a.answered_at),
            # One account is one trainee: the report's "same hand-in twice" check
            # keys on this, as it keys on a results file's uuid.
            uuid=f"lrs:{who[0]}#{who[1]}",
        )
        for who, found in answers.items()
    ]
    results.sort(key=lambda r: r.label)
    return results


def results_from_lrs(
    client: LrsClient, bank_id: str, *, page_size: int = 500
) -> list[TraineeResults]:
    """The bank's answers held by the LRS, page by page, as trainees' results.

    The LRS is asked for the bank's ``answered`` statements only. Ralph 5.1's file
    backend never matches a ``verb`` or ``activity`` filter (it compares the stored
    text with a pydantic IRI object), so when the filtered query finds nothing, every
    statement is read and filtered here; the result is the same either way, because
    ``results_from_statements`` checks verb and bank itself.
    """
    limit = {"limit": str(page_size)}
    params = {
        "verb": VERB_ANSWERED,
        "activity": bank_activity_id(bank_id),
        "related_activities": "true",
        **limit,
    }
    results = results_from_statements(client.statements(params), bank_id)
    if results:
        return results
    return results_from_statements(client.statements(limit), bank_id)

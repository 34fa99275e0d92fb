"""A small class for the xAPI tests: one bank of five question types, trainees' stores."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from latsar_tui.content.model import (
    Bank,
    Catalog,
    ChoiceOption,
    MultipleQuestion,
    OrderingQuestion,
    ScenarioOption,
    ScenarioQuestion,
    SingleQuestion,
    TrueFalseQuestion,
    question_hash,
)
from latsar_tui.paths import Paths
from latsar_tui.store.progress import AttemptItem, ProgressStore
from latsar_tui.xapi.config import LrsConfig


def _options(n: int, right: set[int]) -> tuple[ChoiceOption, ...]:
    return tuple(ChoiceOption(text=f"opsi {i}", correct=i in right) for i in range(n))


BANK = Bank(
    id="kelas-xapi",
    title="Bank Kelas xAPI",
    module="berakhlak",
    questions=(
        SingleQuestion(id="s1", prompt="Pilih satu", explanation="E", options=_options(3, {0})),
        MultipleQuestion(id="m1", prompt="Pilih dua", explanation="E", options=_options(3, {0, 1})),
        TrueFalseQuestion(id="tf", prompt="Pernyataan", explanation="E", answer=True),
        OrderingQuestion(id="o1", prompt="Urutkan", explanation="E", items=("a", "b", "c")),
        ScenarioQuestion(
            id="sc",
            prompt="Kasus",
            explanation="E",
            options=tuple(
                ScenarioOption(text=f"tindakan {s}", score=s, feedback=f"skor {s}")
                for s in (5, 3, 1, 4, 2)
            ),
        ),
    ),
)
CATALOG = Catalog(banks=(BANK,))
START = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)

# (answer in canonical indices, score) per question, for three trainees.
ANSWERS: dict[str, dict[str, tuple[Any, float]]] = {
    "Ani": {
        "s1": (0, 1.0), "m1": ([0, 1], 1.0), "tf": (True, 1.0),
        "o1": ([0, 1, 2], 1.0), "sc": (0, 1.0),
    },
    "Budi": {
        "s1": (1, 0.0), "m1": ([0], 0.5), "tf": (True, 1.0),
        "o1": ([1, 0, 2], 0.5), "sc": (1, 0.5),
    },
    "Citra": {
        "s1": (2, 0.0), "m1": ([0, 2], 0.0), "tf": (False, 0.0),
        "o1": ([2, 1, 0], 0.0), "sc": (2, 0.0),
    },
}  # fmt: skip
NIPS = {"Ani": "199001012020122001", "Budi": "199102022020121002", "Citra": None}


def make_trainee(root: Path, name: str, offset_minutes: int = 0) -> Paths:
    """A trainee's data folder with one finished exam over the whole bank."""
    paths = Paths.resolve(root / name).ensure()
    start = START + timedelta(minutes=offset_minutes)
    items = [
        AttemptItem(position=i, bank_id=BANK.id, question_id=q.id, question_hash=question_hash(q))
        for i, q in enumerate(BANK.questions)
    ]
    with ProgressStore.open(paths) as store:
        attempt = store.create_attempt(
            mode="ujian", title=BANK.title, scope_json="{}", seed=1, items=items,
            bank_id=BANK.id, module_id=BANK.module, started_at=start,
        )  # fmt: skip
        total = 0.0
        for i, question in enumerate(BANK.questions):
            answer, score = ANSWERS[name][question.id]
            total += score
            store.record_answer(
                bank_id=BANK.id, question_id=question.id, question_hash=question_hash(question),
                answer_json=json.dumps(answer), score=score, attempt_id=attempt,
                time_taken_seconds=7.5 + i, answered_at=start + timedelta(seconds=10 * (i + 1)),
                question_type=str(question.type),
            )  # fmt: skip
        store.finish_attempt(
            attempt, start + timedelta(minutes=2), 100 * total / len(BANK.questions), False,
            time_used_seconds=95.0,
        )  # fmt: skip
    return paths


def config_for(name: str, endpoint: str | None, key: str, secret: str) -> LrsConfig:
    """The trainee's LRS settings, as ``latsar sinkron atur`` saves them."""
    return LrsConfig(
        local_id=f"local-{name.lower()}", endpoint=endpoint, key=key, secret=secret,
        home_page="https://bpsdm.example", name=name, nip=NIPS[name],
    )  # fmt: skip

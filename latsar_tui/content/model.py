"""The content model: frozen dataclasses for modules, lessons, banks and questions.

These are what `validate.py` builds from a trainer's YAML and what every other part of
the app reads. They hold no behaviour beyond simple look-ups; scoring lives in
``latsar_tui.quiz.scoring``.

Answers, wherever they travel (scoring, the session engine, the store), always use
*canonical* indices: positions in the order the trainer wrote them, never the shuffled
order a learner saw.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from enum import StrEnum
from pathlib import Path
from typing import Any, ClassVar, TypeAlias

MODULE_SCHEMA = "latsar/module@1"
BANK_SCHEMA = "latsar/bank@1"
AGENDAS = ("I", "II", "III", "IV")
DEFAULT_PASS_MARK = 70
DEFAULT_LANGUAGE = "id"


class QuestionType(StrEnum):
    """The question types of the content format."""

    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUE_FALSE = "true_false"
    SCENARIO = "scenario"
    ORDERING = "ordering"
    BRANCHING = "branching"
    SHORT_ANSWER = "short_answer"
    MATCHING = "matching"


class Severity(StrEnum):
    """How bad a finding is: an error rejects the file, a warning only advises."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing the validator has to say about a file, with a 1-based position."""

    path: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str

    def format(self) -> str:
        """The one-line form of ``latsar validate``: ``path:line:col: severity: msg [code]``."""
        return (
            f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message} [{self.code}]"
        )

    def as_dict(self) -> dict[str, Any]:
        """The JSON form of ``latsar validate --format json``."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": str(self.severity),
            "code": self.code,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class Source:
    """A document that lessons and questions cite (a law, a circular, a guideline)."""

    id: str
    title: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Lesson:
    """One lesson of a module. ``body`` is Markdown; ``key_points`` are plain text."""

    id: str
    title: str
    body: str
    key_points: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Module:
    """A lesson module (``modules/<id>.yaml``)."""

    id: str
    title: str
    summary: str
    lessons: tuple[Lesson, ...]
    agenda: str | None = None
    order: int | None = None
    language: str = DEFAULT_LANGUAGE
    sources: tuple[Source, ...] = ()
    path: Path | None = field(default=None, compare=False)

    def lesson(self, lesson_id: str) -> Lesson | None:
        """The lesson with this id, or None."""
        return next((lesson for lesson in self.lessons if lesson.id == lesson_id), None)

    def source(self, source_id: str) -> Source | None:
        """The source with this id, or None."""
        return next((source for source in self.sources if source.id == source_id), None)


# --- questions -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class QuestionBase:
    """Fields every question type has."""

    type: ClassVar[QuestionType]

    id: str
    prompt: str
    explanation: str
    context: str | None = None
    lesson: str | None = None
    tags: tuple[str, ...] = ()
    difficulty: int | None = None
    sources: tuple[str, ...] = ()
    line: int = field(default=0, compare=False)

    def content_hash(self) -> str:
        """A stable hash of what the learner sees and how it is scored.

        Stored with every answer so that a report can tell when a question has been
        edited since a learner answered it. The file position is left out: moving a
        question within its file does not change it.
        """
        return question_hash(self)


@dataclass(frozen=True, slots=True)
class ChoiceOption:
    """An option of a ``single`` or ``multiple`` question."""

    text: str
    correct: bool = False
    feedback: str | None = None


@dataclass(frozen=True, slots=True)
class ScenarioOption:
    """An option of a ``scenario`` question, worth 1 to 5 points."""

    text: str
    score: int
    feedback: str


@dataclass(frozen=True, slots=True, kw_only=True)
class SingleQuestion(QuestionBase):
    """One right answer among 2..6 options. Answer: the chosen option's index."""

    type: ClassVar[QuestionType] = QuestionType.SINGLE
    options: tuple[ChoiceOption, ...]

    @property
    def correct_index(self) -> int:
        """Index of the one right option."""
        return next(i for i, option in enumerate(self.options) if option.correct)


@dataclass(frozen=True, slots=True, kw_only=True)
class MultipleQuestion(QuestionBase):
    """Choose all that apply among 2..8 options. Answer: a frozenset of indices."""

    type: ClassVar[QuestionType] = QuestionType.MULTIPLE
    options: tuple[ChoiceOption, ...]

    @property
    def correct_indices(self) -> frozenset[int]:
        """Indices of every right option."""
        return frozenset(i for i, option in enumerate(self.options) if option.correct)


@dataclass(frozen=True, slots=True, kw_only=True)
class TrueFalseQuestion(QuestionBase):
    """A statement to judge. Answer: a bool (True means the learner said "Benar")."""

    type: ClassVar[QuestionType] = QuestionType.TRUE_FALSE
    answer: bool
    feedback_true: str | None = None
    feedback_false: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ScenarioQuestion(QuestionBase):
    """A TKP-style situational judgement item. Answer: the chosen option's index."""

    type: ClassVar[QuestionType] = QuestionType.SCENARIO
    options: tuple[ScenarioOption, ...]

    @property
    def best_index(self) -> int:
        """Index of the option worth the most points."""
        return max(range(len(self.options)), key=lambda i: self.options[i].score)


@dataclass(frozen=True, slots=True, kw_only=True)
class OrderingQuestion(QuestionBase):
    """Steps to put in order; ``items`` are in the right order.

    Answer: a tuple of item indices, the learner's sequence (position -> item index).
    """

    type: ClassVar[QuestionType] = QuestionType.ORDERING
    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BranchChoice:
    """A choice at one step of a branching case. ``next`` None ends the case."""

    text: str
    score: int
    feedback: str
    next: str | None = None


@dataclass(frozen=True, slots=True)
class BranchStep:
    """One decision point of a branching case."""

    id: str
    text: str
    choices: tuple[BranchChoice, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class BranchingQuestion(QuestionBase):
    """A case that unfolds over several decisions.

    Answer: a tuple of choice indices, one per step along the path taken from
    ``start``; the path itself follows from the choices' ``next``.
    """

    type: ClassVar[QuestionType] = QuestionType.BRANCHING
    start: str
    steps: tuple[BranchStep, ...]

    def step(self, step_id: str) -> BranchStep:
        """The step with this id (the validator guarantees every ``next`` exists)."""
        for candidate in self.steps:
            if candidate.id == step_id:
                return candidate
        raise KeyError(step_id)

    @property
    def steps_by_id(self) -> Mapping[str, BranchStep]:
        """Steps keyed by id."""
        return {candidate.id: candidate for candidate in self.steps}


@dataclass(frozen=True, slots=True)
class PartialAnswer:
    """A typed answer of a ``short_answer`` question worth ``share`` (0 < share < 1)."""

    answer: str
    share: float


@dataclass(frozen=True, slots=True, kw_only=True)
class ShortAnswerQuestion(QuestionBase):
    """Isian singkat: the learner types the answer. Answer: the typed str.

    ``tolerance`` 1 also accepts answers of at least 6 letters at edit distance 1;
    matching rules live in ``latsar_tui.quiz.typed_answers``.
    """

    type: ClassVar[QuestionType] = QuestionType.SHORT_ANSWER
    answers: tuple[str, ...]
    partial: tuple[PartialAnswer, ...] = ()
    tolerance: int = 0
    feedback_wrong: str | None = None


@dataclass(frozen=True, slots=True)
class MatchPair:
    """One pair of a ``matching`` question."""

    left: str
    right: str


@dataclass(frozen=True, slots=True, kw_only=True)
class MatchingQuestion(QuestionBase):
    """Menjodohkan: match each left item with a right one.

    Answer: a tuple with, per left item (in written order), the canonical index of the
    chosen right. ``rights`` holds each distinct right once, the pairs' rights first (in
    the order they first appear), then the distractors; as in Moodle, two lefts may
    share one right ("katak" and "salamander" → "amfibi"), so the right answer is
    :attr:`key`, not always ``(0, 1, ..., n - 1)``.
    """

    type: ClassVar[QuestionType] = QuestionType.MATCHING
    pairs: tuple[MatchPair, ...]
    distractors: tuple[str, ...] = ()

    @property
    def rights(self) -> tuple[str, ...]:
        """Every distinct right-side text in canonical order: pairs' rights, then distractors."""
        return tuple(dict.fromkeys(pair.right for pair in self.pairs)) + self.distractors

    @property
    def key(self) -> tuple[int, ...]:
        """The right answer: per left item, the index of its partner in :attr:`rights`."""
        index = {text: n for n, text in enumerate(self.rights)}
        return tuple(index[pair.right] for pair in self.pairs)


Question: TypeAlias = (
    SingleQuestion
    | MultipleQuestion
    | TrueFalseQuestion
    | ScenarioQuestion
    | OrderingQuestion
    | BranchingQuestion
    | ShortAnswerQuestion
    | MatchingQuestion
)

QUESTION_CLASSES: dict[QuestionType, type[QuestionBase]] = {
    QuestionType.SINGLE: SingleQuestion,
    QuestionType.MULTIPLE: MultipleQuestion,
    QuestionType.TRUE_FALSE: TrueFalseQuestion,
    QuestionType.SCENARIO: ScenarioQuestion,
    QuestionType.ORDERING: OrderingQuestion,
    QuestionType.BRANCHING: BranchingQuestion,
    QuestionType.SHORT_ANSWER: ShortAnswerQuestion,
    QuestionType.MATCHING: MatchingQuestion,
}

# An answer in canonical indices; which form goes with which type is documented on
# each question class above.
# A short answer is the text the learner typed, as typed.
Answer: TypeAlias = int | bool | frozenset[int] | tuple[int, ...] | str


@dataclass(frozen=True, slots=True)
class Bank:
    """A question bank (``question_banks/<id>.yaml``)."""

    id: str
    title: str
    questions: tuple[Question, ...]
    module: str | None = None
    description: str | None = None
    pass_mark: int = DEFAULT_PASS_MARK
    time_limit_minutes: int | None = None
    path: Path | None = field(default=None, compare=False)

    def question(self, question_id: str) -> Question | None:
        """The question with this id, or None."""
        return next((q for q in self.questions if q.id == question_id), None)


@dataclass(frozen=True, slots=True)
class BrokenFile:
    """A content file that failed validation, with its first error (for the home screen)."""

    path: str
    first_error: Finding


@dataclass(frozen=True, slots=True)
class Catalog:
    """Everything loaded from every content root: the valid content plus the findings."""

    modules: tuple[Module, ...] = ()
    banks: tuple[Bank, ...] = ()
    findings: tuple[Finding, ...] = ()
    broken: tuple[BrokenFile, ...] = ()
    files_checked: int = 0

    def module(self, module_id: str) -> Module | None:
        """The module with this id, or None."""
        return next((m for m in self.modules if m.id == module_id), None)

    def bank(self, bank_id: str) -> Bank | None:
        """The bank with this id, or None."""
        return next((b for b in self.banks if b.id == bank_id), None)

    def banks_for_module(self, module_id: str) -> tuple[Bank, ...]:
        """The banks linked to a module, in load order."""
        return tuple(b for b in self.banks if b.module == module_id)

    def modules_in_order(self) -> tuple[Module, ...]:
        """Modules as the home screen lists them: by ``order``, then title."""
        return tuple(
            sorted(
                self.modules,
                key=lambda m: (m.order is None, m.order or 0, m.title.casefold()),
            )
        )

    @property
    def errors(self) -> tuple[Finding, ...]:
        """Findings of severity error."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """Findings of severity warning."""
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)


def _plain(value: Any) -> Any:
    """A JSON-ready copy of a model value, for hashing."""
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if hasattr(value, "__dataclass_fields__"):
        return {
            f.name: _plain(getattr(value, f.name))
            for f in fields(value)
            if f.compare and f.name != "line"
        }
    return value


def question_hash(question: QuestionBase) -> str:
    """sha256 (first 16 hex digits) of a question's canonical JSON, type included."""
    payload = {"type": str(question.type), **_plain(question)}
    blob = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]

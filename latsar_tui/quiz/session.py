"""The headless quiz session engine that every front end drives.

A session is built from a :class:`Scope` (a whole bank, one lesson's questions, N
random questions of a module, or an explicit list), in practice or exam mode. The
question order and every option order come from a stored seed and are stored with
the attempt, so a resumed session shows exactly what it showed before. Each answer
is scored and committed to the store the moment it is given.

A branching case is answered step by step: the choices made so far are kept with
:meth:`QuizSession.save_branch_progress` (not scored, no review card), so quitting
mid-case and resuming continues at the next step; the whole path is scored and
recorded as one answer when the case ends.

An exam (Mode.EXAM) runs like the CAT of the real evaluation: the trainee moves
freely between questions (:meth:`QuizSession.go_to`, :meth:`QuizSession.move`), marks
them *ragu-ragu* (:meth:`QuizSession.toggle_flag`) and may change an answer until
submitting. Each change is kept at once in the store's exam drafts; only the answers
standing at :meth:`QuizSession.finish` are scored and feed the review schedule. An
exam's clock is a wall-clock deadline stored with the attempt: it keeps running while
the app is closed, and :func:`submit_expired` submits an exam found past its deadline
with the answers it had. Other sessions have no time limit; their time used is only
counted while open (persisted on each answer and by :meth:`QuizSession.checkpoint`).
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from latsar_tui.content.model import (
    DEFAULT_PASS_MARK,
    Answer,
    Bank,
    BranchingQuestion,
    Catalog,
    MatchingQuestion,
    MultipleQuestion,
    OrderingQuestion,
    Question,
    ScenarioQuestion,
    SingleQuestion,
)
from latsar_tui.i18n import _, ngettext
from latsar_tui.quiz import scoring
from latsar_tui.quiz.clock import Clock, SystemClock
from latsar_tui.quiz.scoring import InvalidAnswer
from latsar_tui.store.db import StoreError
from latsar_tui.store.progress import (
    AnswerRecord,
    AttemptItem,
    AttemptRecord,
    DiskFull,
    ProgressStore,
)


class Mode(StrEnum):
    """How a session runs. The value is what the store keeps."""

    PRACTICE = "latihan"
    EXAM = "ujian"
    # Spaced review: the due questions of every bank ("Ulangi").
    REVIEW = "ulangi"
    # The questions least likely to be recalled on the trainee's exam date.
    EXAM_PREP = "persiapan"
    # The questions whose last answer was not fully right.
    MISTAKES = "kesalahan"


class SessionError(Exception):
    """A session that cannot be built, resumed or continued (message in Indonesian)."""


class TimeUp(SessionError):
    """An answer came after the exam's time ran out; call ``finish()``."""


@dataclass(frozen=True, slots=True)
class Scope:
    """Which questions a session asks.

    Whole bank: ``Scope(bank_id=...)`` · one lesson: ``Scope(module_id=...,
    lesson_id=...)`` · N random of a module: ``Scope(module_id=..., count=N)`` ·
    explicit: ``Scope(items=((bank_id, question_id), ...))``. ``lesson_id`` and
    ``count`` also narrow a bank scope.
    """

    bank_id: str | None = None
    module_id: str | None = None
    lesson_id: str | None = None
    count: int | None = None
    items: tuple[tuple[str, str], ...] | None = None

    @property
    def is_whole_bank(self) -> bool:
        """One bank, every question: the scope whose results count as the bank's score."""
        return (
            self.bank_id is not None
            and self.lesson_id is None
            and self.count is None
            and self.items is None
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form without the unset fields."""
        data: dict[str, Any] = {
            "bank_id": self.bank_id,
            "module_id": self.module_id,
            "lesson_id": self.lesson_id,
            "count": self.count,
            "items": None if self.items is None else [list(pair) for pair in self.items],
        }
        return {key: value for key, value in data.items() if value is not None}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Scope:
        """The scope stored by :meth:`to_dict`."""
        items = data.get("items")
        return cls(
            bank_id=data.get("bank_id"),
            module_id=data.get("module_id"),
            lesson_id=data.get("lesson_id"),
            count=data.get("count"),
            items=None if items is None else tuple((str(b), str(q)) for b, q in items),
        )


@dataclass(frozen=True, slots=True)
class PresentedQuestion:
    """A question as the session shows it.

    ``order`` maps display position -> canonical index (options of single, multiple
    and scenario questions; items of ordering questions; the right side of a
    matching question (``question.rights``); for branching, one
    permutation per step, concatenated in the order the steps are written: use
    :meth:`step_order`); ``()`` for true/false and short answer.
    Answers given to the engine are always canonical.
    """

    position: int
    bank: Bank
    question: Question
    order: tuple[int, ...]

    def canonical(self, display_index: int) -> int:
        """The canonical index of what is shown at ``display_index``."""
        return self.order[display_index] if self.order else display_index

    def display_index(self, canonical_index: int) -> int:
        """Where the canonical option or item ``canonical_index`` is shown."""
        return self.order.index(canonical_index) if self.order else canonical_index

    def step_order(self, step_id: str) -> tuple[int, ...]:
        """Display position -> canonical choice index for one step of a branching case.

        Attempts stored before choices were shuffled keep the written order.
        """
        question = self.question
        assert isinstance(question, BranchingQuestion)
        start, count = _step_segments(question)[step_id]
        if not self.order:
            return tuple(range(count))
        return self.order[start : start + count]


@dataclass(frozen=True, slots=True)
class AnswerOutcome:
    """What one answer earned (``score`` in 0..1)."""

    presented: PresentedQuestion
    answer: Answer
    score: float


@dataclass(frozen=True, slots=True)
class ResultItem:
    """One question of a finished (or interrupted) session; ``answer`` None if skipped."""

    position: int
    bank_id: str
    question: Question
    answer: Answer | None
    score: float


@dataclass(frozen=True, slots=True)
class ExamSummary:
    """What an exam stands at before it is submitted."""

    total: int
    answered: int
    flagged: int

    @property
    def unanswered(self) -> int:
        """Questions with no answer yet."""
        return self.total - self.answered

    def describe(self) -> str:
        """``20 dijawab, 3 ragu-ragu, 2 belum dijawab`` (the parts that apply)."""
        parts = [_("{n} dijawab").format(n=self.answered)]
        if self.flagged:
            parts.append(_("{n} ragu-ragu").format(n=self.flagged))
        if self.unanswered:
            parts.append(_("{n} belum dijawab").format(n=self.unanswered))
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class SessionResult:
    """The outcome of a session. Unanswered questions count as 0."""

    attempt_id: int
    mode: Mode
    title: str
    total: int
    answered: int
    points: float
    percent: float
    passed: bool | None  # exam mode only: percent >= pass_mark
    pass_mark: int
    timed_out: bool
    by_tag: dict[str, float]  # tag -> percent
    by_lesson: dict[str, float]  # lesson id -> percent
    items: list[ResultItem]


# --- building a session ----------------------------------------------------------------


def _pick(catalog: Catalog, scope: Scope) -> list[tuple[Bank, Question]]:
    """The scope's questions in file order (before any shuffling)."""
    if scope.items is not None:
        picked: list[tuple[Bank, Question]] = []
        missing: list[str] = []
        seen: set[tuple[str, str]] = set()
        for bank_id, question_id in scope.items:
            if (bank_id, question_id) in seen:
                continue  # a question is asked once per session
            seen.add((bank_id, question_id))
            bank = catalog.bank(bank_id)
            question = bank.question(question_id) if bank is not None else None
            if bank is None or question is None:
                missing.append(f"{bank_id}/{question_id}")
            else:
                picked.append((bank, question))
        if missing:
            raise SessionError(_("Soal tidak ditemukan: {ids}").format(ids=", ".join(missing)))
        return picked
    if scope.bank_id is not None:
        bank = catalog.bank(scope.bank_id)
        if bank is None:
            raise SessionError(_("Bank soal '{id}' tidak ditemukan").format(id=scope.bank_id))
        banks: tuple[Bank, ...] = (bank,)
        module_id = bank.module
    elif scope.module_id is not None:
        banks = catalog.banks_for_module(scope.module_id)
        if catalog.module(scope.module_id) is None and not banks:
            raise SessionError(_("Modul '{id}' tidak ditemukan").format(id=scope.module_id))
        module_id = scope.module_id
    else:
        raise SessionError(_("Cakupan sesi kosong: pilih bank soal, modul, atau daftar soal"))
    if scope.lesson_id is not None:
        module = catalog.module(module_id) if module_id is not None else None
        if module is not None and module.lesson(scope.lesson_id) is None:
            raise SessionError(
                _("Pelajaran '{lesson}' tidak ada di modul '{module}'").format(
                    lesson=scope.lesson_id, module=module.id
                )
            )
    return [
        (bank, question)
        for bank in banks
        for question in bank.questions
        if scope.lesson_id is None or question.lesson == scope.lesson_id
    ]


def _option_count(question: Question) -> int:
    """How many options, ordering items or branching choices the session shuffles."""
    if isinstance(question, SingleQuestion | MultipleQuestion | ScenarioQuestion):
        return len(question.options)
    if isinstance(question, OrderingQuestion):
        return len(question.items)
    if isinstance(question, MatchingQuestion):
        # The right side (pairs' rights, then distractors) is shuffled; lefts keep order.
        return len(question.rights)
    if isinstance(question, BranchingQuestion):
        return sum(len(step.choices) for step in question.steps)
    return 0


def _step_segments(question: BranchingQuestion) -> dict[str, tuple[int, int]]:
    """Where each step's choice order sits in the flat stored order: (start, count)."""
    segments: dict[str, tuple[int, int]] = {}
    offset = 0
    for step in question.steps:
        segments[step.id] = (offset, len(step.choices))
        offset += len(step.choices)
    return segments


def _option_order(question: Question, rng: random.Random) -> tuple[int, ...]:
    if isinstance(question, BranchingQuestion):
        # One permutation per step, in the order the steps are written, stored flat.
        flat: list[int] = []
        for step in question.steps:
            order = list(range(len(step.choices)))
            rng.shuffle(order)
            flat.extend(order)
        return tuple(flat)
    count = _option_count(question)
    if count == 0:
        return ()
    order = list(range(count))
    rng.shuffle(order)
    if isinstance(question, OrderingQuestion) and count > 1:
        # Steps shown already in the right order would give the answer away.
        while order == sorted(order):
            rng.shuffle(order)
    return tuple(order)


def _order_fits(question: Question, order: tuple[int, ...]) -> bool:
    """Whether a stored order still fits the question (it may have been edited since)."""
    if isinstance(question, BranchingQuestion):
        if order == ():
            return True  # stored before choices were shuffled: shown as written
        if len(order) != _option_count(question):
            return False
        return all(
            sorted(order[start : start + count]) == list(range(count))
            for start, count in _step_segments(question).values()
        )
    return sorted(order) == list(range(_option_count(question)))


def _title(catalog: Catalog, scope: Scope, picked: list[tuple[Bank, Question]]) -> str:
    if scope.bank_id is not None:
        bank = catalog.bank(scope.bank_id)
        title = bank.title if bank is not None else scope.bank_id
    elif scope.module_id is not None:
        module = catalog.module(scope.module_id)
        title = module.title if module is not None else scope.module_id
    else:
        banks = {bank.id: bank.title for bank, _q in picked}
        title = next(iter(banks.values())) if len(banks) == 1 else _("Soal pilihan")
    if scope.lesson_id is not None:
        module = catalog.module(scope.module_id or picked[0][0].module or "")
        lesson = module.lesson(scope.lesson_id) if module is not None else None
        title = f"{title}: {lesson.title if lesson is not None else scope.lesson_id}"
    if scope.count is not None:
        title = ngettext("{title}: {n} soal acak", "{title}: {n} soal acak", len(picked)).format(
            title=title, n=len(picked)
        )
    return title


def _pass_mark(picked: list[tuple[Bank, Question]]) -> int:
    marks = {bank.pass_mark for bank, _q in picked}
    return marks.pop() if len(marks) == 1 else DEFAULT_PASS_MARK


def _time_limit(mode: Mode, picked: list[tuple[Bank, Question]]) -> timedelta | None:
    banks = {bank.id: bank for bank, _q in picked}
    if mode is not Mode.EXAM or len(banks) != 1:
        return None  # a scope across banks has no single limit to take
    minutes = next(iter(banks.values())).time_limit_minutes
    return None if minutes is None else timedelta(minutes=minutes)


# --- results ------------------------------------------------------------------------


def _percent(points: float, count: int) -> float:
    return 100.0 * points / count if count else 0.0


def _result(
    *,
    attempt_id: int,
    mode: Mode,
    title: str,
    pass_mark: int,
    timed_out: bool,
    total: int,
    items: list[ResultItem],
    answered: int,
    percent: float | None = None,
) -> SessionResult:
    points = sum(item.score for item in items)
    if percent is None:
        percent = _percent(points, total)
    tag_points: dict[str, list[float]] = {}
    lesson_points: dict[str, list[float]] = {}
    for item in items:
        for tag in item.question.tags:
            tag_points.setdefault(tag, []).append(item.score)
        if item.question.lesson is not None:
            lesson_points.setdefault(item.question.lesson, []).append(item.score)
    return SessionResult(
        attempt_id=attempt_id,
        mode=mode,
        title=title,
        total=total,
        answered=answered,
        points=points,
        percent=percent,
        passed=percent >= pass_mark if mode is Mode.EXAM else None,
        pass_mark=pass_mark,
        timed_out=timed_out,
        by_tag={tag: _percent(sum(s), len(s)) for tag, s in sorted(tag_points.items())},
        by_lesson={key: _percent(sum(s), len(s)) for key, s in lesson_points.items()},
        items=items,
    )


def _stored_scope(record: AttemptRecord) -> tuple[Scope, int]:
    data = json.loads(record.scope_json)
    return Scope.from_dict(data.get("scope", {})), int(data.get("pass_mark", DEFAULT_PASS_MARK))


def _answers_by_position(
    items: list[AttemptItem], answers: list[AnswerRecord]
) -> dict[int, AnswerRecord]:
    position_of = {(item.bank_id, item.question_id): item.position for item in items}
    found: dict[int, AnswerRecord] = {}
    for record in answers:
        position = position_of.get((record.bank_id, record.question_id))
        if position is not None and position not in found:
            found[position] = record  # the first answer counts, as the engine gave it
    return found


def _decode(question: Question, record: AnswerRecord) -> Answer | None:
    try:
        return scoring.answer_from_json(question, record.answer_json)
    except InvalidAnswer:
        return None  # the question was edited since; the stored score still stands


def load_result(catalog: Catalog, store: ProgressStore, attempt_id: int) -> SessionResult:
    """The result of a stored attempt, for history (finished or not).

    Questions no longer in the catalog are left out of ``items`` and the tag and
    lesson breakdowns, but still count in ``total``; a finished attempt keeps the
    percent it was given.
    """
    record = store.attempt(attempt_id)
    if record is None:
        raise SessionError(_("Sesi {id} tidak ditemukan").format(id=attempt_id))
    _scope, pass_mark = _stored_scope(record)
    items = store.attempt_items(attempt_id)
    answered = _answers_by_position(items, store.answers_for_attempt(attempt_id))
    result_items: list[ResultItem] = []
    for item in items:
        bank = catalog.bank(item.bank_id)
        question = bank.question(item.question_id) if bank is not None else None
        if question is None:
            continue
        stored = answered.get(item.position)
        result_items.append(
            ResultItem(
                position=item.position,
                bank_id=item.bank_id,
                question=question,
                answer=None if stored is None else _decode(question, stored),
                score=0.0 if stored is None else stored.score,
            )
        )
    points = sum(answer.score for answer in answered.values())
    return _result(
        attempt_id=attempt_id,
        mode=Mode(record.mode),
        title=record.title,
        pass_mark=pass_mark,
        timed_out=record.timed_out,
        total=len(items),
        items=result_items,
        answered=len(answered),
        percent=record.percent if record.percent is not None else _percent(points, len(items)),
    )


# --- the session ---------------------------------------------------------------------


class QuizSession:
    """One running quiz. Build it with :meth:`start` or :meth:`resume`."""

    def __init__(
        self,
        *,
        store: ProgressStore,
        clock: Clock,
        record: AttemptRecord,
        scope: Scope,
        pass_mark: int,
        presented: list[PresentedQuestion],
        answers: dict[int, tuple[Answer | None, float]],
        pending: dict[int, tuple[int, ...]] | None = None,
        flags: set[int] | None = None,
        free_navigation: bool | None = None,
    ) -> None:
        self._store = store
        self._clock = clock
        self.attempt_id = record.id
        self.mode = Mode(record.mode)
        self.scope = scope
        self.title = record.title
        self.pass_mark = pass_mark
        self.time_limit: timedelta | None = (
            None
            if record.time_limit_seconds is None
            else timedelta(seconds=record.time_limit_seconds)
        )
        self._presented = presented
        self._answers = answers
        # Branching paths still unfolding: position -> choices so far.
        self._pending = dict(pending or {})
        self._finished = record.is_finished
        self._timed_out = record.timed_out
        # Time already used in earlier runs, and when this run began counting.
        self._time_used_before = record.time_used_seconds
        self._resumed_at = clock.now()
        self._shown_at = self._resumed_at
        self._final_time_used: float | None = None
        # An exam: free movement, ragu-ragu flags, answers changeable until submitted.
        self.free_navigation = (
            self.mode is Mode.EXAM if free_navigation is None else free_navigation
        )
        self.deadline = record.deadline if self.free_navigation else None
        self._flags = set(flags or ())
        unanswered = [i for i, p in enumerate(presented) if p.position not in answers]
        self._cursor = unanswered[0] if unanswered else 0

    # --- construction -----------------------------------------------------------------

    @classmethod
    def start(
        cls,
        catalog: Catalog,
        store: ProgressStore,
        scope: Scope,
        mode: Mode,
        *,
        seed: int | None = None,
        clock: Clock | None = None,
        title: str | None = None,
    ) -> QuizSession:
        """Build a new session, record it (attempt and question order) and return it.

        ``title`` replaces the title derived from the scope (review sessions use it).
        """
        clock = clock or SystemClock()
        if scope.count is not None and scope.count < 1:
            raise SessionError(_("Jumlah soal harus paling sedikit 1"))
        picked = _pick(catalog, scope)
        if not picked:
            raise SessionError(_("Tidak ada soal dalam cakupan ini"))
        if seed is None:
            seed = random.SystemRandom().randrange(2**62)
        rng = random.Random(seed)
        if scope.count is not None:
            picked = rng.sample(picked, min(scope.count, len(picked)))
        elif mode is Mode.EXAM:
            rng.shuffle(picked)
        presented = [
            PresentedQuestion(position, bank, question, _option_order(question, rng))
            for position, (bank, question) in enumerate(picked)
        ]
        title = title or _title(catalog, scope, picked)
        pass_mark = _pass_mark(picked)
        now = clock.now()
        limit = _time_limit(mode, picked)
        first_bank = picked[0][0]
        attempt_id = store.create_attempt(
            mode=str(mode),
            title=title,
            scope_json=json.dumps(
                {"scope": scope.to_dict(), "pass_mark": pass_mark}, ensure_ascii=False
            ),
            seed=seed,
            items=[
                AttemptItem(
                    position=p.position,
                    bank_id=p.bank.id,
                    question_id=p.question.id,
                    question_hash=p.question.content_hash(),
                    option_order=p.order,
                )
                for p in presented
            ],
            bank_id=scope.bank_id if scope.is_whole_bank else None,
            module_id=scope.module_id or (first_bank.module if scope.bank_id else None),
            time_limit_seconds=None if limit is None else round(limit.total_seconds()),
            started_at=now,
            # The exam ends at this moment whether or not the app is open then.
            deadline=None if limit is None or mode is not Mode.EXAM else now + limit,
        )
        record = store.attempt(attempt_id)
        assert record is not None
        return cls(
            store=store,
            clock=clock,
            record=record,
            scope=scope,
            pass_mark=pass_mark,
            presented=presented,
            answers={},
        )

    @classmethod
    def resume(
        cls,
        catalog: Catalog,
        store: ProgressStore,
        attempt_id: int,
        *,
        clock: Clock | None = None,
    ) -> QuizSession:
        """Continue an unfinished session exactly where it stopped."""
        record = store.attempt(attempt_id)
        if record is None:
            raise SessionError(_("Sesi {id} tidak ditemukan").format(id=attempt_id))
        if record.is_finished:
            raise SessionError(_("Sesi {id} sudah selesai").format(id=attempt_id))
        scope, pass_mark = _stored_scope(record)
        items = store.attempt_items(attempt_id)
        presented: list[PresentedQuestion] = []
        missing: list[str] = []
        for item in items:
            bank = catalog.bank(item.bank_id)
            question = bank.question(item.question_id) if bank is not None else None
            if bank is None or question is None:
                missing.append(f"{item.bank_id}/{item.question_id}")
                continue
            order = item.option_order
            if isinstance(question, BranchingQuestion) and not _order_fits(question, order):
                # The case was edited since: it starts again from its first step anyway,
                # so its choices are shown as written rather than refusing the session.
                order = ()
            if not _order_fits(question, order):
                # Options were added or removed since: the stored order no longer fits.
                missing.append(
                    _("{bank}/{question} (sudah diubah)").format(
                        bank=item.bank_id, question=item.question_id
                    )
                )
                continue
            presented.append(PresentedQuestion(item.position, bank, question, order))
        if missing:
            raise SessionError(
                _("Sesi tidak dapat dilanjutkan; soal berikut tidak ada lagi: {ids}").format(
                    ids=", ".join(missing)
                )
            )
        by_position = {p.position: p for p in presented}
        answers: dict[int, tuple[Answer | None, float]] = {}
        recorded = store.answers_for_attempt(attempt_id)
        for position, stored in _answers_by_position(items, recorded).items():
            answers[position] = (_decode(by_position[position].question, stored), stored.score)
        # An exam started before exams kept drafts has its answers recorded already:
        # it goes on the old way (one question after another), not half and half.
        free_navigation = Mode(record.mode) is Mode.EXAM and not recorded
        flags: set[int] = set()
        if free_navigation:
            for position, draft in store.drafts(attempt_id).items():
                presented_at = by_position.get(position)
                if presented_at is None:
                    continue
                if draft.flagged:
                    flags.add(position)
                if draft.answer_json is None or draft.score is None:
                    continue
                try:
                    decoded = scoring.answer_from_json(presented_at.question, draft.answer_json)
                except InvalidAnswer:
                    continue  # the question was edited since: it is to be answered again
                answers[position] = (decoded, draft.score)
        pending: dict[int, tuple[int, ...]] = {}
        for position, choices in store.pending_branches(attempt_id).items():
            presented_at = by_position.get(position)
            if presented_at is None or position in answers:
                continue
            question = presented_at.question
            if not isinstance(question, BranchingQuestion):
                continue
            try:
                scoring.branching_path(question, choices)
            except InvalidAnswer:
                continue  # the case was edited since: it starts again from its first step
            if not scoring.is_complete(question, choices):
                pending[position] = choices
        return cls(
            store=store,
            clock=clock or SystemClock(),
            record=record,
            scope=scope,
            pass_mark=pass_mark,
            presented=presented,
            answers=answers,
            pending=pending,
            flags=flags,
            free_navigation=free_navigation,
        )

    # --- state ------------------------------------------------------------------------

    @property
    def total(self) -> int:
        """How many questions the session asks."""
        return len(self._presented)

    @property
    def answered_count(self) -> int:
        """How many questions have been answered."""
        return len(self._answers)

    @property
    def is_finished(self) -> bool:
        """Whether :meth:`finish` has been called (or the attempt was stored finished)."""
        return self._finished

    @property
    def questions(self) -> tuple[PresentedQuestion, ...]:
        """Every question in session order."""
        return tuple(self._presented)

    def current(self) -> PresentedQuestion | None:
        """The next unanswered question, or None when all are answered or finished."""
        if self._finished:
            return None
        if self.free_navigation:
            # An exam: the question the trainee is on, answered or not.
            return self._presented[self._cursor] if self._presented else None
        return next((p for p in self._presented if p.position not in self._answers), None)

    def branch_progress(self) -> tuple[int, ...]:
        """The choices already made in the current branching case (``()`` if none)."""
        presented = self.current()
        if presented is None:
            return ()
        return self._pending.get(presented.position, ())

    def time_used(self) -> timedelta:
        """Time spent in this session over every run, pauses while closed left out."""
        if self._final_time_used is not None:
            return timedelta(seconds=self._final_time_used)
        if self.deadline is not None and self.time_limit is not None:
            # Wall-clock time since the exam began, closed app or not.
            elapsed = self._clock.now() - (self.deadline - self.time_limit)
            return max(elapsed, timedelta(0))
        running = (self._clock.now() - self._resumed_at).total_seconds()
        return timedelta(seconds=self._time_used_before + max(running, 0.0))

    def time_left(self) -> timedelta | None:
        """Exam time left (never negative), or None without a time limit."""
        if self.time_limit is None:
            return None
        if self.deadline is not None and self._final_time_used is None:
            return max(self.deadline - self._clock.now(), timedelta(0))
        return max(self.time_limit - self.time_used(), timedelta(0))

    def is_time_up(self) -> bool:
        """Whether an exam's time limit has run out."""
        if self.deadline is not None:
            return self._clock.now() >= self.deadline
        return self.time_limit is not None and self.time_used() >= self.time_limit

    # --- actions ----------------------------------------------------------------------

    def answer(self, answer: Answer, *, time_taken: float | None = None) -> AnswerOutcome:
        """Score the answer to the current question, record it at once, and advance.

        In an exam the answer is kept as the question's standing answer (replacing
        any before it) and the session stays on the question. ``answer`` is in
        canonical indices. Raises InvalidAnswer for a malformed or
        (branching) unfinished answer, TimeUp once an exam's time has run out, and
        SessionError when there is no question left.
        """
        presented = self.current()
        if presented is None:
            raise SessionError(_("Tidak ada soal yang menunggu jawaban"))
        if self.is_time_up():
            raise TimeUp(_("Waktu ujian sudah habis"))
        checked = scoring.check_answer(presented.question, answer)
        if not scoring.is_complete(presented.question, checked):
            raise InvalidAnswer(_("kasus bercabang ini belum sampai di akhirnya"))
        points = scoring.score(presented.question, checked)
        now = self._clock.now()
        if time_taken is None:
            time_taken = max((now - self._shown_at).total_seconds(), 0.0)
        if self.free_navigation:
            # Kept at once, changeable until submitted; scored for real only then.
            self._save_draft(presented, scoring.answer_to_json(checked), points, now, time_taken)
            self._pending.pop(presented.position, None)
            self._answers[presented.position] = (checked, points)
            self._shown_at = now
            return AnswerOutcome(presented=presented, answer=checked, score=points)
        self._store.record_answer(
            attempt_id=self.attempt_id,
            bank_id=presented.bank.id,
            question_id=presented.question.id,
            question_hash=presented.question.content_hash(),
            answer_json=scoring.answer_to_json(checked),
            score=points,
            time_taken_seconds=time_taken,
            answered_at=now,
            time_used_seconds=self._capped_time_used(),
            question_type=str(presented.question.type),
            # A branching case: the steps kept while it unfolded are dropped with it.
            position=(
                presented.position if isinstance(presented.question, BranchingQuestion) else None
            ),
        )
        self._pending.pop(presented.position, None)
        self._answers[presented.position] = (checked, points)
        self._shown_at = now
        return AnswerOutcome(presented=presented, answer=checked, score=points)

    # --- an exam: moving, flagging, changing ---------------------------------------

    def _item(self, presented: PresentedQuestion) -> AttemptItem:
        return AttemptItem(
            position=presented.position,
            bank_id=presented.bank.id,
            question_id=presented.question.id,
            question_hash=presented.question.content_hash(),
            option_order=presented.order,
        )

    def _save_draft(
        self,
        presented: PresentedQuestion,
        answer_json: str | None,
        points: float | None,
        now: datetime,
        time_taken: float | None = None,
    ) -> None:
        try:
            self._store.save_draft(
                self.attempt_id,
                self._item(presented),
                question_type=str(presented.question.type),
                answer_json=answer_json,
                score=points,
                at=now,
                time_taken_seconds=time_taken,
                time_used_seconds=self._capped_time_used(),
            )
        except DiskFull:
            raise  # not kept: the next try is kept in memory
        except StoreError as error:
            raise SessionError(str(error)) from error

    def _require_exam(self) -> None:
        if not self.free_navigation:
            raise SessionError(_("Hanya ujian yang boleh berpindah soal dan mengubah jawaban"))
        if self._finished:
            raise SessionError(_("Ujian sudah dikirim"))

    @property
    def cursor(self) -> int:
        """The index (in session order) of the question an exam is on."""
        return self._cursor

    def go_to(self, index: int) -> PresentedQuestion:
        """An exam: move to the question at ``index`` in session order."""
        self._require_exam()
        if not 0 <= index < len(self._presented):
            raise SessionError(_("Tidak ada soal nomor {number}").format(number=index + 1))
        self._cursor = index
        self._shown_at = self._clock.now()
        return self._presented[index]

    def move(self, delta: int) -> bool:
        """An exam: the next (+1) or previous (-1) question; False at either end."""
        target = self._cursor + delta
        if not 0 <= target < len(self._presented):
            return False
        self.go_to(target)
        return True

    def go_to_next_unanswered(self) -> bool:
        """An exam: the next unanswered question after this one (wrapping); False if none."""
        self._require_exam()
        count = len(self._presented)
        for step in range(1, count + 1):
            index = (self._cursor + step) % count
            if self._presented[index].position not in self._answers:
                self.go_to(index)
                return True
        return False

    def answer_at(self, position: int) -> Answer | None:
        """The answer standing (or recorded) for the question at ``position``."""
        found = self._answers.get(position)
        return None if found is None else found[0]

    def is_answered(self, position: int) -> bool:
        """Whether the question at ``position`` has an answer."""
        return position in self._answers

    def is_flagged(self, position: int) -> bool:
        """Whether an exam question is marked ragu-ragu."""
        return position in self._flags

    def toggle_flag(self) -> bool:
        """An exam: mark the current question ragu-ragu, or unmark it; the new state."""
        self._require_exam()
        presented = self._presented[self._cursor]
        flagged = presented.position not in self._flags
        try:
            self._store.set_flag(self.attempt_id, self._item(presented), flagged, self._clock.now())
        except StoreError as error:
            raise SessionError(str(error)) from error
        self._flags ^= {presented.position}
        return flagged

    def clear_answer(self) -> None:
        """An exam: drop the current question's answer (a branching case starts again)."""
        self._require_exam()
        if self.is_time_up():
            raise TimeUp(_("Waktu ujian sudah habis"))
        presented = self._presented[self._cursor]
        self._save_draft(presented, None, None, self._clock.now())
        self._answers.pop(presented.position, None)
        self._pending.pop(presented.position, None)

    def summary(self) -> ExamSummary:
        """Answered, ragu-ragu and empty questions, for the summary before submitting."""
        return ExamSummary(total=self.total, answered=self.answered_count, flagged=len(self._flags))

    def save_branch_progress(self, choices: Sequence[int]) -> None:
        """Keep the steps taken so far in the current branching case, committed at once.

        Nothing is scored and no review card changes: the path counts only when the
        case ends and is given to :meth:`answer`. Raises InvalidAnswer for a path the
        case does not have or one that already reached an end, and SessionError when
        the current question is not a branching case.
        """
        presented = self.current()
        if presented is None or not isinstance(presented.question, BranchingQuestion):
            raise SessionError(_("Soal saat ini bukan kasus bercabang"))
        path = tuple(choices)
        scoring.branching_path(presented.question, path)
        if scoring.is_complete(presented.question, path):
            raise InvalidAnswer(
                _("kasus ini sudah sampai di akhirnya: jalurnya diberikan ke answer()")
            )
        self._store.save_pending_branch(
            self.attempt_id, presented.position, path, at=self._clock.now()
        )
        self._pending[presented.position] = path

    def _capped_time_used(self) -> float:
        used = self.time_used()
        if self.time_limit is not None:
            used = min(used, self.time_limit)
        return used.total_seconds()

    def checkpoint(self) -> None:
        """Persist the time used so far (call on leaving the app and now and then)."""
        if not self._finished:
            self._store.update_time_used(self.attempt_id, self._capped_time_used())

    def finish(self) -> SessionResult:
        """End the session (all answered, time up, or the learner stops) and store it.

        Unanswered questions count as 0. Calling it again returns the same result.
        """
        if self._finished:
            return self.result()
        if self.free_navigation:
            return self._submit_exam()
        self._timed_out = self.is_time_up() and self.answered_count < self.total
        self._final_time_used = self._capped_time_used()
        result = self.result()
        self._store.finish_attempt(
            self.attempt_id,
            self._clock.now(),
            result.percent,
            self._timed_out,
            time_used_seconds=self._final_time_used,
        )
        # A case left half-way counts as unanswered; nothing can resume it now.
        self._store.clear_pending_branch(self.attempt_id)
        self._pending.clear()
        self._finished = True
        return result

    def _submit_exam(self) -> SessionResult:
        """Submit the standing answers: scored, recorded and reviewed in one go."""
        timed_out = self.is_time_up()
        now = self._clock.now()
        if timed_out and self.deadline is not None:
            now = min(now, self.deadline)
        used = self._capped_time_used()
        try:
            self._store.submit_drafts(
                self.attempt_id, now, timed_out=timed_out, time_used_seconds=used
            )
        except DiskFull:
            raise  # not refused: the store keeps it in memory if submitted again
        except StoreError as error:
            raise SessionError(str(error)) from error
        self._timed_out = timed_out
        self._final_time_used = used
        self._pending.clear()
        self._finished = True
        return self.result()

    def result(self) -> SessionResult:
        """The result so far (final once finished)."""
        items = [
            ResultItem(
                position=p.position,
                bank_id=p.bank.id,
                question=p.question,
                answer=self._answers[p.position][0] if p.position in self._answers else None,
                score=self._answers[p.position][1] if p.position in self._answers else 0.0,
            )
            for p in self._presented
        ]
        return _result(
            attempt_id=self.attempt_id,
            mode=self.mode,
            title=self.title,
            pass_mark=self.pass_mark,
            timed_out=self._timed_out,
            total=self.total,
            items=items,
            answered=self.answered_count,
        )


def submit_expired(store: ProgressStore, clock: Clock | None = None) -> list[int]:
    """Submit every exam whose deadline passed while the app was closed.

    Each is submitted with the answers it had, as timed out at its deadline; returns
    their attempt ids. An exam finished meanwhile by another copy is left alone.
    """
    now = (clock or SystemClock()).now()
    submitted: list[int] = []
    for record in store.expired_exams(now):
        assert record.deadline is not None
        try:
            store.submit_drafts(
                record.id,
                record.deadline,
                timed_out=True,
                time_used_seconds=record.time_limit_seconds,
            )
        except StoreError:
            continue
        submitted.append(record.id)
    return submitted

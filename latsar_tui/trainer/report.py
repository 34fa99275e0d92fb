"""The class report: how each question worked across many trainees' results files.

The report trusts nothing a results file claims. Every answer is scored again from the
bank's *current* content with the app's own scoring (``quiz.scoring``):

- an answer whose question hash differs from the current question (an older version)
  has nothing to be scored against: it is left out of every figure and counted in the
  question's "versi lama" column; so is an answer to a question no longer in the bank,
  and an answer that does not fit its question ("jawaban rusak");
- a claimed score that differs from the recomputed one is named ("skor tidak cocok")
  and the recomputed score is used;
- the same trainee twice (the same results ``uuid``, or the same NIP) counts once, with
  a warning; a file with no answer for the report's bank(s) is named and left out.

Which answer of a trainee counts for a question (``--percobaan``): ``pertama`` (the
first, default: the first try measures the question, later tries memory of it),
``terakhir``, ``terbaik``, or ``semua`` (every answer; a trainee's mark on the question
is then the mean of their answers).

Per question: n (answers counted), facility = mean score over the trainees who
*answered* it (not over the class), Moodle's SD, discrimination index (correlation of
the item with the rest of the test) and discriminative efficiency (see
``itemstats``), Kelley's upper-lower 27 % index, option choices overall and per
group, time taken, and flags. "Rest of the test" for a trainee is the mean of their
marks on the other questions they answered: with a complete class this is Moodle's sum
divided by a constant, which changes neither the correlation nor the efficiency, and
it keeps trainees who skipped questions comparable.

A trainee's mark is the mean of their counted scores over the questions they answered
("20 dari 77 dijawab" is shown beside it). The test's mean, median, SD, skewness,
kurtosis, histogram and pass rate (against the bank's ``pass_mark``) are over every
trainee with at least one counted answer. Cronbach's alpha, error ratio and standard
error need a complete matrix, so they are computed, as Moodle does, over the trainees
who answered every question in the report; the report says how many those are.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from latsar_tui.content.model import (
    Bank,
    BranchingQuestion,
    Catalog,
    MatchingQuestion,
    MultipleQuestion,
    Question,
    ScenarioQuestion,
    ShortAnswerQuestion,
    SingleQuestion,
    TrueFalseQuestion,
    question_hash,
)
from latsar_tui.i18n import N_, _, format_decimal, ngettext, true_false
from latsar_tui.quiz.scoring import InvalidAnswer, answer_from_json, score
from latsar_tui.trainer.itemstats import (
    Reliability,
    ScoreDistribution,
    distribution_stats,
    item_stats,
    reliability,
)
from latsar_tui.trainer.results import ResultAnswer, TraineeResults
from latsar_tui.trainer.typed_report import matching_groups, short_answer_groups

TOO_EASY = 0.9
TOO_HARD = 0.2
POOR_DISCRIMINATION = 0.2  # upper-lower D, and Moodle's index / 100
GROUP_FRACTION = 0.27
SCORE_TOLERANCE = 1e-6
LETTERS = "ABCDEFGH"

Attempts = Literal["pertama", "terakhir", "terbaik", "semua"]
ATTEMPT_CHOICES: tuple[str, ...] = ("pertama", "terakhir", "terbaik", "semua")
# The choices are option values (``--percobaan``); their explanations are interface
# text, marked here and translated when shown (``attempt_label``).
ATTEMPT_LABELS = {
    "pertama": N_("jawaban pertama tiap peserta per soal"),
    "terakhir": N_("jawaban terakhir tiap peserta per soal"),
    "terbaik": N_("jawaban terbaik tiap peserta per soal"),
    "semua": N_("semua jawaban (nilai peserta per soal = rata-ratanya)"),
}
Key = tuple[str, str]


def attempt_label(attempts: str) -> str:
    """What an ``--percobaan`` choice counts, in the interface language."""
    return _(ATTEMPT_LABELS[attempts])


@dataclass(frozen=True)
class Problem:
    """Something the report refused to take at its word, named for the trainer."""

    where: str  # a file, or a trainee
    kind: str  # short label in the interface language, e.g. "skor tidak cocok"
    detail: str


@dataclass
class OptionCount:
    """How many counted answers chose one option (or Benar/Salah), overall and per group."""

    label: str
    text: str
    count: int
    is_key: bool
    upper: int = 0
    lower: int = 0
    points: int | None = None  # scenario options: 1..5


@dataclass
class ItemStats:
    """The report's line for one question."""

    bank_id: str
    question_id: str
    qtype: str
    prompt: str
    n: int
    facility: float | None
    discrimination: float | None  # upper-lower 27 % (Kelley), -1..1
    sd: float | None = None
    discrimination_index: float | None = None  # Moodle, -100..100
    discriminative_efficiency: float | None = None  # Moodle, percent
    mean_time: float | None = None  # seconds
    situation: str = ""  # start of the context (scenario, branching)
    options: list[OptionCount] = field(default_factory=list)
    old_version: int = 0
    invalid: int = 0
    missing: bool = False
    flags: list[str] = field(default_factory=list)
    attention: list[str] = field(default_factory=list)  # why to look at it first
    # How serious the most serious reason is (0 = the key may be wrong ... 4 = minor),
    # kept beside the text so the order does not depend on the interface language.
    attention_rank: int = 4


@dataclass
class TraineeTotal:
    """One trainee's line: questions answered of those in the report, mean score."""

    label: str
    answered: int
    mean: float | None
    total_questions: int = 0
    passed: bool | None = None

    @property
    def completion(self) -> str:
        """``20 dari 77 dijawab``."""
        return _("{answered} dari {total} dijawab").format(
            answered=self.answered, total=self.total_questions
        )


@dataclass
class TagAverage:
    """Mean score of every counted answer to questions with one tag."""

    tag: str
    answers: int
    mean: float


@dataclass
class ClassReport:
    """Everything the report shows."""

    items: list[ItemStats]
    trainees: list[TraineeTotal]
    tags: list[TagAverage]
    group_size: int
    bank_id: str | None = None
    attempts: str = "pertama"
    problems: list[Problem] = field(default_factory=list)
    distribution: ScoreDistribution = field(
        default_factory=lambda: ScoreDistribution(0, None, None, None, None, None)
    )
    reliability: Reliability = field(default_factory=lambda: Reliability(0, 0, None, None, None))
    pass_mark: int | None = None
    pass_rate: float | None = None
    files_used: int = 0

    @property
    def attention(self) -> list[ItemStats]:
        """The questions to look at first, most serious first."""
        flagged = [item for item in self.items if item.attention]
        return sorted(flagged, key=_attention_order)

    @property
    def marks(self) -> list[float]:
        """Each trainee's mark (0..1), for the histogram."""
        return [t.mean for t in self.trainees if t.mean is not None]


def _attention_order(item: ItemStats) -> tuple[int, str, str]:
    return item.attention_rank, item.bank_id, item.question_id


def _short(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


# --- which files count --------------------------------------------------------------


def _deduplicate(
    results: Sequence[TraineeResults], problems: list[Problem]
) -> list[TraineeResults]:
    by_uuid: dict[str, TraineeResults] = {}
    kept: list[TraineeResults] = []
    for trainee in results:
        twin = by_uuid.get(trainee.uuid)
        if twin is not None:
            problems.append(
                Problem(
                    trainee.source,
                    _("duplikat"),
                    _("berkas yang sama dengan {other}; dihitung sekali").format(other=twin.source),
                )
            )
            continue
        by_uuid[trainee.uuid] = trainee
        kept.append(trainee)
    by_nip: dict[str, TraineeResults] = {}
    for trainee in kept:
        if not trainee.nip:
            continue
        twin = by_nip.get(trainee.nip)
        if twin is None:
            by_nip[trainee.nip] = trainee
            continue
        # The later export holds everything the earlier one did, and more.
        newer, older = (
            (trainee, twin) if trainee.exported_at > twin.exported_at else (twin, trainee)
        )
        by_nip[trainee.nip] = newer
        problems.append(
            Problem(
                older.source,
                _("duplikat"),
                _("NIP {nip} juga ada di {newer}; hanya {newer} dihitung").format(
                    nip=trainee.nip, newer=newer.source
                ),
            )
        )
    dropped = {id(t) for t in kept if t.nip and by_nip[t.nip] is not t}
    return [t for t in kept if id(t) not in dropped]


def _in_scope(
    results: Sequence[TraineeResults],
    questions: dict[Key, Question],
    bank_ids: set[str],
    bank_id: str | None,
    problems: list[Problem],
) -> list[TraineeResults]:
    kept = []
    for trainee in results:
        if bank_id is not None:
            own = [a for a in trainee.answers if a.bank == bank_id]
        else:
            own = [a for a in trainee.answers if a.bank in bank_ids]
        if not own and trainee.answers:
            others = ", ".join(sorted({a.bank for a in trainee.answers}))
            detail = (
                _("berisi jawaban untuk {others}, bukan bank {bank}; tidak dihitung").format(
                    others=others, bank=bank_id
                )
                if bank_id
                else _(
                    "berisi jawaban untuk {others}, bukan bank yang ada di folder konten; "
                    "tidak dihitung"
                ).format(others=others)
            )
            problems.append(Problem(trainee.source, _("bank lain"), detail))
            continue
        if not trainee.answers:
            problems.append(
                Problem(trainee.source, _("kosong"), _("tidak berisi satu jawaban pun"))
            )
        if bank_id is None:
            # Answers to a question no longer in any bank stay, to be flagged per question.
            own = [
                a
                for a in trainee.answers
                if a.bank in bank_ids or (a.bank, a.question) in questions
            ]
            unknown = sorted({a.bank for a in trainee.answers if a.bank not in bank_ids})
            if unknown:
                problems.append(
                    Problem(
                        trainee.source,
                        _("bank lain"),
                        _("jawaban untuk {banks} tidak dihitung").format(banks=", ".join(unknown)),
                    )
                )
        kept.append(
            TraineeResults(
                trainee.source, trainee.name, trainee.nip, own, trainee.uuid, trainee.exported_at
            )
        )
    return kept


# --- re-scoring ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Scored:
    answer: ResultAnswer
    score: float


def _rescore(
    trainee: TraineeResults,
    *,
    questions: dict[Key, Question],
    hashes: dict[Key, str],
    problems: list[Problem],
    old: dict[Key, int],
    invalid: dict[Key, int],
    missing: set[Key],
) -> dict[Key, list[_Scored]]:
    scored: dict[Key, list[_Scored]] = defaultdict(list)
    mismatches: list[str] = []
    for answer in sorted(trainee.answers, key=lambda a: a.answered_at):
        key = (answer.bank, answer.question)
        question = questions.get(key)
        if question is None:
            missing.add(key)
            continue
        if answer.question_hash != hashes[key]:
            old[key] += 1
            continue
        try:
            checked = answer_from_json(question, json.dumps(answer.answer))
            earned = score(question, checked)
        except (InvalidAnswer, TypeError, ValueError) as error:
            invalid[key] += 1
            problems.append(
                Problem(
                    trainee.label,
                    _("jawaban rusak"),
                    _("{question}: {error}; tidak dihitung").format(
                        question=f"{key[0]}/{key[1]}", error=error
                    ),
                )
            )
            continue
        if abs(earned - answer.score) > SCORE_TOLERANCE:
            mismatches.append(
                _("{question} berkas {claimed:.2f}, dinilai ulang {earned:.2f}").format(
                    question=f"{key[0]}/{key[1]}", claimed=answer.score, earned=earned
                )
            )
        scored[key].append(_Scored(answer, earned))
    if mismatches:
        # One line per trainee: a forged file is one problem, however many answers.
        problems.append(
            Problem(
                trainee.label,
                _("skor tidak cocok"),
                ngettext(
                    "{n} jawaban, skor hasil nilai ulang yang dipakai: {answers}",
                    "{n} jawaban, skor hasil nilai ulang yang dipakai: {answers}",
                    len(mismatches),
                ).format(n=len(mismatches), answers="; ".join(mismatches)),
            )
        )
    return scored


def _select(answers: list[_Scored], attempts: str) -> list[_Scored]:
    if attempts == "semua":
        return answers
    if attempts == "terakhir":
        return [answers[-1]]
    if attempts == "terbaik":
        return [max(answers, key=lambda a: a.score)]  # max keeps the earliest of a tie
    return [answers[0]]


# --- building -------------------------------------------------------------------------


def _groups(totals: list[tuple[str, float | None]]) -> tuple[set[int], set[int], int]:
    ranked = sorted(
        (i for i, (_label, total) in enumerate(totals) if total is not None),
        key=lambda i: (-(totals[i][1] or 0.0), totals[i][0]),
    )
    if len(ranked) < 2:
        return set(), set(), 0
    size = max(1, round(GROUP_FRACTION * len(ranked)))
    size = min(size, len(ranked) // 2)
    return set(ranked[:size]), set(ranked[-size:]), size


def _picked(question: Question, value: object) -> list[object]:
    if isinstance(question, TrueFalseQuestion):
        return [value]
    return list(value) if isinstance(value, list) else [value]


def _option_counts(
    question: Question, answers: list[tuple[int, ResultAnswer]], upper: set[int], lower: set[int]
) -> list[OptionCount]:
    if isinstance(question, TrueFalseQuestion):
        true, false = true_false(True), true_false(False)
        result = [
            OptionCount(true, true, 0, question.answer),
            OptionCount(false, false, 0, not question.answer),
        ]
        slots: dict[object, OptionCount] = {True: result[0], False: result[1]}
    elif isinstance(question, SingleQuestion | MultipleQuestion):
        result = [
            OptionCount(LETTERS[i], option.text, 0, option.correct)
            for i, option in enumerate(question.options)
        ]
        slots = dict(enumerate(result))
    elif isinstance(question, ScenarioQuestion):
        result = [
            OptionCount(LETTERS[i], option.text, 0, option.score == 5, points=option.score)
            for i, option in enumerate(question.options)
        ]
        slots = dict(enumerate(result))
    elif isinstance(question, ShortAnswerQuestion | MatchingQuestion):
        return _typed_counts(question, answers, upper, lower)
    else:
        return []
    for trainee, answer in answers:
        for value in _picked(question, answer.answer):
            option = slots.get(value) if not isinstance(value, list | dict) else None
            if option is None:
                continue
            option.count += 1
            option.upper += trainee in upper
            option.lower += trainee in lower
    return result


def _typed_counts(
    question: ShortAnswerQuestion | MatchingQuestion,
    answers: list[tuple[int, ResultAnswer]],
    upper: set[int],
    lower: set[int],
) -> list[OptionCount]:
    given = [(trainee, answer.answer) for trainee, answer in answers]
    groups = (
        short_answer_groups(question, given, upper, lower)
        if isinstance(question, ShortAnswerQuestion)
        else matching_groups(question, given, upper, lower)
    )
    return [
        OptionCount(g.label, g.text, g.count, g.is_key, upper=g.upper, lower=g.lower)
        for g in groups
    ]


def _bank_list(banks: Sequence[Bank] | Catalog) -> list[Bank]:
    return list(banks.banks) if isinstance(banks, Catalog) else list(banks)


def build_report(
    results: Sequence[TraineeResults],
    banks: Sequence[Bank] | Catalog,
    bank_id: str | None = None,
    attempts: str = "pertama",
    problems: Sequence[Problem] = (),
) -> ClassReport:
    """Re-score trainees' results against the current banks and build the class report.

    ``problems`` are those found before (files that could not be read); the report
    adds its own and never raises on a trainee's data.
    """
    if attempts not in ATTEMPT_CHOICES:
        # A programming error (the CLI offers only the choices): said to the developer.
        message = f"attempts must be one of {ATTEMPT_CHOICES}, not {attempts!r}"  # i18n: ignore
        raise ValueError(message)
    found = list(problems)
    bank_list = _bank_list(banks)
    in_report = [b for b in bank_list if bank_id is None or b.id == bank_id]
    questions: dict[Key, Question] = {(b.id, q.id): q for b in bank_list for q in b.questions}
    hashes = {key: question_hash(q) for key, q in questions.items()}
    trainees = _in_scope(
        _deduplicate(results, found), questions, {b.id for b in bank_list}, bank_id, found
    )

    old: dict[Key, int] = defaultdict(int)
    invalid: dict[Key, int] = defaultdict(int)
    missing: set[Key] = set()
    chosen: list[dict[Key, list[_Scored]]] = []
    for trainee in trainees:
        scored = _rescore(
            trainee,
            questions=questions,
            hashes=hashes,
            problems=found,
            old=old,
            invalid=invalid,
            missing=missing,
        )
        chosen.append({key: _select(values, attempts) for key, values in scored.items()})
    # A trainee's mark on a question: the mean of the counted answers (one unless "semua").
    marks: list[dict[Key, float]] = [
        {key: sum(a.score for a in values) / len(values) for key, values in per.items()}
        for per in chosen
    ]
    totals = [
        (t.label, sum(m.values()) / len(m) if m else None)
        for t, m in zip(trainees, marks, strict=True)
    ]
    upper, lower, group_size = _groups(totals)

    keys: list[Key] = [
        (b.id, q.id)
        for b in in_report
        for q in b.questions
        if any((b.id, q.id) in m for m in marks) or old[(b.id, q.id)] or invalid[(b.id, q.id)]
    ]
    keys += sorted(missing - set(keys))

    tag_scores: dict[str, list[float]] = defaultdict(list)
    items: list[ItemStats] = []
    for key in keys:
        items.append(
            _item(key, questions.get(key), chosen=chosen, marks=marks, upper=upper, lower=lower)
        )
        item = items[-1]
        item.old_version = old[key]
        item.invalid = invalid[key]
        question = questions.get(key)
        if question is not None:
            for tag in question.tags:
                tag_scores[tag].extend(a.score for per in chosen for a in per.get(key, []))
        _flag(item)

    total_questions = sum(len(b.questions) for b in in_report)
    pass_mark = in_report[0].pass_mark if len({b.pass_mark for b in in_report}) == 1 else None
    lines = []
    for mark_of, (label, total) in zip(marks, totals, strict=True):
        passed = None if total is None or pass_mark is None else total * 100 >= pass_mark - 1e-9
        lines.append(TraineeTotal(label, len(mark_of), total, total_questions, passed))
    with_mark = [t for t in lines if t.mean is not None]
    pass_rate = None
    if pass_mark is not None and with_mark:
        pass_rate = sum(1 for t in with_mark if t.passed) / len(with_mark)

    scored_keys = [item_key for item_key in keys if item_key in questions]
    scored_keys = [k for k in scored_keys if any(k in m for m in marks)]
    complete = [[m[k] for k in scored_keys] for m in marks if all(k in m for k in scored_keys)]
    tags = [
        TagAverage(tag, len(values), sum(values) / len(values))
        for tag, values in sorted(tag_scores.items())
        if values
    ]
    return ClassReport(
        items=items,
        trainees=lines,
        tags=tags,
        group_size=group_size,
        bank_id=bank_id,
        attempts=attempts,
        problems=found,
        distribution=distribution_stats([t.mean * 100 for t in with_mark if t.mean is not None]),
        reliability=reliability(complete) if scored_keys else Reliability(0, 0, None, None, None),
        pass_mark=pass_mark,
        pass_rate=pass_rate,
        files_used=len(trainees),
    )


def _item(
    key: Key,
    question: Question | None,
    *,
    chosen: list[dict[Key, list[_Scored]]],
    marks: list[dict[Key, float]],
    upper: set[int],
    lower: set[int],
) -> ItemStats:
    counted = [(i, a) for i, per in enumerate(chosen) for a in per.get(key, [])]
    scores = [a.score for _i, a in counted]
    takers = [i for i, m in enumerate(marks) if key in m]
    up = [marks[i][key] for i in takers if i in upper]
    low = [marks[i][key] for i in takers if i in lower]
    # Moodle's figures pair the item mark with the mark on the rest of the test.
    item_marks: list[float] = []
    rest: list[float] = []
    for i in takers:
        others = [v for k, v in marks[i].items() if k != key]
        if others:
            item_marks.append(marks[i][key])
            rest.append(sum(others) / len(others))
    moodle = item_stats(item_marks, rest)
    # The SD is over every trainee who answered, with or without a rest of the test.
    spread = item_stats([marks[i][key] for i in takers], [0.0] * len(takers))
    times = [a.answer.time_taken_seconds for _i, a in counted if a.answer.time_taken_seconds]
    item = ItemStats(
        bank_id=key[0],
        question_id=key[1],
        qtype=str(question.type) if question else "?",
        prompt=_short(question.prompt) if question else "",
        n=len(counted),
        facility=sum(scores) / len(scores) if scores else None,
        discrimination=sum(up) / len(up) - sum(low) / len(low) if up and low else None,
        sd=spread.sd,
        discrimination_index=moodle.discrimination_index,
        discriminative_efficiency=moodle.discriminative_efficiency,
        mean_time=sum(times) / len(times) if times else None,
        missing=question is None,
    )
    if question is not None:
        if isinstance(question, ScenarioQuestion | BranchingQuestion) or question.context:
            item.situation = _short(question.context or "", 160)
        if isinstance(question, BranchingQuestion) and not item.situation:
            item.situation = _short(question.steps_by_id[question.start].text, 160)
        item.options = _option_counts(question, [(i, a.answer) for i, a in counted], upper, lower)
    return item


def _flag(item: ItemStats) -> None:
    flags: list[str] = []
    attention: list[str] = []
    rank = 4  # the most serious reason so far (see ItemStats.attention_rank)
    if item.missing:
        flags.append(_("tidak ada di bank saat ini"))
    if item.facility is not None:
        if item.facility > TOO_EASY:
            flags.append(_("terlalu mudah"))
            attention.append(
                _("terlalu mudah: fasilitas {facility:.0f}% (> {limit:.0f}%)").format(
                    facility=item.facility * 100, limit=TOO_EASY * 100
                )
            )
            rank = min(rank, 3)
        elif item.facility < TOO_HARD:
            flags.append(_("terlalu sulit"))
            attention.append(
                _("terlalu sulit: fasilitas {facility:.0f}% (< {limit:.0f}%)").format(
                    facility=item.facility * 100, limit=TOO_HARD * 100
                )
            )
            rank = min(rank, 3)
    index = item.discrimination_index
    if index is not None and index < 0:
        flags.append(_("daya beda negatif"))
        attention.append(
            _(
                "daya beda negatif: indeks diskriminasi {index:.0f}% (peserta yang lebih baik "
                "justru lebih sering salah)"
            ).format(index=index)
        )
        rank = min(rank, 1)
    elif (index is not None and index < POOR_DISCRIMINATION * 100) or (
        index is None
        and item.discrimination is not None
        and item.discrimination < POOR_DISCRIMINATION
    ):
        flags.append(_("daya beda rendah"))
        if index is not None:
            reason = _("daya beda rendah: indeks diskriminasi {index:.0f}% (< 20%)").format(
                index=index
            )
        else:
            reason = _("daya beda rendah: daya beda atas-bawah {value} (< 20%)").format(
                value=fmt_ratio(item.discrimination)
            )
        attention.append(reason)
        rank = min(rank, 2)
    counted_current = item.n > 0
    unused = [o.label for o in item.options if not o.is_key and o.count == 0]
    if unused and item.qtype in {"single", "multiple", "scenario"} and counted_current:
        flags.append(_("opsi tak dipilih: {options}").format(options=", ".join(unused)))
        attention.append(
            _("pengecoh tak dipilih siapa pun: {options}").format(options=", ".join(unused))
        )
    keys = [o for o in item.options if o.is_key]
    if keys and counted_current:
        key_upper = max(o.upper for o in keys)
        rivals = [o for o in item.options if not o.is_key and o.upper > key_upper]
        for rival in rivals:
            flags.append(_("kunci mungkin salah: {option}").format(option=rival.label))
            attention.append(
                _(
                    "kunci mungkin salah: kelompok atas memilih {option} ({chosen}) "
                    "lebih sering daripada kunci {key} ({key_chosen})"
                ).format(
                    option=rival.label,
                    chosen=rival.upper,
                    key="/".join(o.label for o in keys),
                    key_chosen=key_upper,
                )
            )
            rank = 0
    if item.old_version:
        flags.append(
            ngettext(
                "{n} jawaban untuk versi lama", "{n} jawaban untuk versi lama", item.old_version
            ).format(n=item.old_version)
        )
    if item.invalid:
        flags.append(
            ngettext("{n} jawaban rusak", "{n} jawaban rusak", item.invalid).format(n=item.invalid)
        )
    item.flags = flags
    item.attention = attention
    item.attention_rank = rank


# --- number formats -------------------------------------------------------------------


# The decimal separator follows the interface language ("0,45" / "0.45"); the CSV
# tables keep raw numbers with a point (report_output), for spreadsheets.


def fmt_ratio(value: float | None) -> str:
    """A 0..1 value with two decimals, or '-'."""
    return "-" if value is None else format_decimal(value, 2)


def fmt_percent(value: float | None) -> str:
    """A 0..1 value as a percent with one decimal, or '-'."""
    return "-" if value is None else format_decimal(value * 100, 1) + "%"


def fmt_number(value: float | None, digits: int = 1) -> str:
    """A number with ``digits`` decimals, or '-'."""
    return "-" if value is None else format_decimal(value, digits)


def option_summary(item: ItemStats) -> str:
    """Option counts in one line: ``A*:12 B:3 C:0`` (``*`` marks the key)."""
    return " ".join(f"{o.label}{'*' if o.is_key else ''}:{o.count}" for o in item.options)

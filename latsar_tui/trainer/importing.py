"""What every importer shares: a format-neutral draft question and the import report.

Each format parser (GIFT, Aiken, Moodle XML, CSV) turns its file into ``DraftQuestion``
objects, or records why an item was skipped; :func:`build_questions` then decides the
question type from the answer weights, checks the limits of the content format, fills
ids, and notes everything a trainer must look at.

Missing explanations: the content format requires one on every question, and other
tools often have none. We never invent content: such a question gets the explicit
marker ``TODO: tulis penjelasan`` (and scenario options without feedback get
``TODO: tulis umpan balik``), a YAML comment above it, and a line in the summary, so the
trainer can find every gap with a text search before handing the bank out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from latsar_tui.content.model import (
    BANK_SCHEMA,
    Bank,
    ChoiceOption,
    MultipleQuestion,
    Question,
    ScenarioOption,
    ScenarioQuestion,
    SingleQuestion,
    TrueFalseQuestion,
)
from latsar_tui.i18n import _, format_decimal, ngettext
from latsar_tui.trainer.textutil import (
    TODO_CHECK,
    TODO_EXPLANATION,
    TODO_FEEDBACK,
    IdAllocator,
    html_to_plain,
    looks_like_html,
    slugify,
)
from latsar_tui.trainer.typed_import import (
    build_matching,
    build_short_answer,
    matching_problem,
    short_answer_problem,
)

# Limits of the content format (content-format.md, "Question types").
SINGLE_OPTIONS = (2, 6)
MULTIPLE_OPTIONS = (2, 8)
SCENARIO_OPTIONS = (2, 6)
_EPS = 1e-6
# The question a scenario gets when its source had only a situation: content written
# into the bank (the file's language), named in the note the trainer reads.
SCENARIO_PROMPT = "Apa yang sebaiknya Anda lakukan?"  # i18n: ignore content written to the bank


class ImportFailure(Exception):
    """The whole file could not be read (bad encoding, not XML, no header row)."""


# One imported bank holds at most this many questions (five times the biggest bank a
# trainer has written), and a source file is at most as big as a content file may be:
# larger ones are refused at once, with their size, before minutes of work.
MAX_IMPORT_QUESTIONS = 50_000
MAX_IMPORT_BYTES = 50 * 1024 * 1024


def check_question_count(count: int, source: str) -> None:
    """Refuse a source with more than ``MAX_IMPORT_QUESTIONS`` questions, saying how many."""
    if count > MAX_IMPORT_QUESTIONS:
        raise ImportFailure(
            _(
                "{source}: {count:,} soal terlalu banyak untuk satu bank; paling "
                "banyak {limit:,} soal. Bagi berkas menjadi beberapa bank."
            ).format(source=source, count=count, limit=MAX_IMPORT_QUESTIONS)
        )


def check_import_size(data: bytes, source: str) -> None:
    """Refuse a source file over ``MAX_IMPORT_BYTES`` with a message naming it."""
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportFailure(
            _(
                "{source}: berkas {size} MB terlalu besar; paling besar "
                "{limit} MB. Bagi menjadi beberapa berkas."
            ).format(
                source=source,
                size=format_decimal(len(data) / 1024 / 1024, 1),
                limit=MAX_IMPORT_BYTES // 1024 // 1024,
            )
        )


@dataclass
class DraftOption:
    """An answer option as the source file had it; ``weight`` in percent (-100..100)."""

    text: str
    weight: float
    feedback: str | None = None


@dataclass
class DraftQuestion:
    """A question read from a foreign format, before its type is decided."""

    line: int
    prompt: str
    kind: str  # "choice" or "true_false"
    title: str | None = None
    options: list[DraftOption] = field(default_factory=list)
    # True: the source says one answer is chosen (GIFT '=', Moodle single=true);
    # False: choose all that apply; None: unknown.
    single: bool | None = None
    answer: bool | None = None
    feedback_true: str | None = None
    feedback_false: str | None = None
    explanation: str | None = None
    context: str | None = None
    tags: list[str] = field(default_factory=list)
    lesson: str | None = None
    explicit_type: str | None = None  # CSV names the type itself
    # kind "short_answer": ``options`` are the answers with their weights;
    # kind "matching": (left, right) pairs, an empty left being a distractor.
    pairs: list[tuple[str, str]] = field(default_factory=list)
    tolerance: int = 0
    feedback_wrong: str | None = None
    # Images and media files the conversion to plain text left out ("gambar x.jpg").
    dropped: list[str] = field(default_factory=list)
    # The source is plain text (Aiken): HTML found in it is removed and flagged.
    plain_source: bool = False


@dataclass(frozen=True)
class Skipped:
    """An item that was not imported, with the 1-based line where it starts."""

    line: int
    reason: str


@dataclass(frozen=True)
class Note:
    """Something the trainer must check on an imported question."""

    line: int
    question_id: str
    message: str


@dataclass
class ImportResult:
    """The outcome of reading one file: questions, skipped items and notes."""

    source: str
    questions: list[Question] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    title: str | None = None
    todo_ids: list[str] = field(default_factory=list)

    def skip(self, line: int, reason: str) -> None:
        """Record an item that could not be imported."""
        self.skipped.append(Skipped(line, reason))

    def note(self, line: int, question_id: str, message: str) -> None:
        """Record something the trainer must check."""
        self.notes.append(Note(line, question_id, message))

    def type_counts(self) -> Counter[str]:
        """How many questions of each type were imported."""
        return Counter(str(q.type) for q in self.questions)

    def to_bank(self, bank_id: str, title: str | None = None, module: str | None = None) -> Bank:
        """The imported questions as a bank (ids and title as given or derived)."""
        return Bank(
            id=bank_id,
            title=title or self.title or bank_id,
            questions=tuple(self.questions),
            module=module,
        )

    def question_comments(self) -> dict[str, list[str]]:
        """YAML comments to write above questions that need the trainer's attention."""
        comments: dict[str, list[str]] = {}
        for note in self.notes:
            # PERIKSA is the file's marker (a trainer searches for it), in any language.
            comments.setdefault(note.question_id, []).append(f"PERIKSA: {note.message}")
        return comments


def _close(a: float, b: float) -> bool:
    return abs(a - b) < 1e-3


def scenario_scores(weights: list[float]) -> list[int] | None:
    """1..5 scores for weights that fit a scenario item (20/40/60/80/100 %), else None.

    Fits when every option has a positive weight that is a multiple of 20, no two
    weights are equal, and one option is worth 100 %.
    """
    if not SCENARIO_OPTIONS[0] <= len(weights) <= SCENARIO_OPTIONS[1]:
        return None
    scores: list[int] = []
    for weight in weights:
        score = round(weight / 20)
        if not 1 <= score <= 5 or not _close(weight, score * 20):
            return None
        scores.append(score)
    if len(set(scores)) != len(scores) or 5 not in scores:
        return None
    return scores


def split_context(text: str) -> tuple[str, str] | None:
    """Split a scenario's text into (context, prompt) at its last blank line, if any."""
    parts = re.split(r"\n[ \t]*\n", text.strip())
    if len(parts) < 2:
        return None
    return "\n\n".join(parts[:-1]).strip(), parts[-1].strip()


class _Builder:
    def __init__(self, result: ImportResult, taken: set[str]) -> None:
        self.result = result
        self.ids = IdAllocator(taken)
        self._markup_left: list[str] = []

    def build(self, draft: DraftQuestion) -> None:
        self._markup_left = _strip_markup(draft) if draft.plain_source else []
        if not draft.prompt.strip():
            self.result.skip(draft.line, _("teks soal kosong"))
            return
        if draft.kind == "true_false":
            self._true_false(draft)
            return
        if draft.kind in ("short_answer", "matching"):
            self._typed(draft)
            return
        if len(draft.options) < 2:
            self.result.skip(
                draft.line,
                _("soal pilihan butuh minimal 2 opsi, ada {count}").format(
                    count=len(draft.options)
                ),
            )
            return
        for number, option in enumerate(draft.options, start=1):
            if not option.text.strip():
                self.result.skip(draft.line, _("opsi ke-{number} kosong").format(number=number))
                return
        weights = [option.weight for option in draft.options]
        wanted = draft.explicit_type
        scores = scenario_scores(weights) if wanted in (None, "scenario") else None
        if wanted == "scenario" and scores is None:
            self.result.skip(
                draft.line,
                _("skenario butuh skor 1..5 yang berbeda pada 2..5 opsi, salah satunya 5"),
            )
            return
        if scores is not None:
            self._scenario(draft, scores)
            return
        positive = [w > _EPS for w in weights]
        full = [w >= 100 - _EPS for w in weights]
        if not any(positive):
            self.result.skip(draft.line, _("tidak ada jawaban benar (semua bobot 0 atau negatif)"))
            return
        is_single = wanted == "single" or (
            wanted is None and draft.single is not False and sum(full) == 1 and sum(positive) == 1
        )
        if is_single:
            if sum(positive) != 1:
                self.result.skip(
                    draft.line,
                    _("soal single butuh tepat satu jawaban benar, ada {count}").format(
                        count=sum(positive)
                    ),
                )
                return
            self._choice(draft, SingleQuestion, positive, SINGLE_OPTIONS)
            return
        qid = self._choice(draft, MultipleQuestion, positive, MULTIPLE_OPTIONS)
        if qid is None or wanted == "multiple":
            return
        correct = sum(positive)
        if draft.single:
            self.result.note(
                draft.line,
                qid,
                _(
                    "soal satu jawaban dengan bobot parsial dijadikan 'multiple': opsi berbobot "
                    "> 0 dianggap benar"
                ),
            )
        elif any(
            p and not _close(w, 100 / correct) for p, w in zip(positive, weights, strict=True)
        ):
            self.result.note(
                draft.line,
                qid,
                _("bobot opsi benar tidak sama rata; semua opsi berbobot > 0 dianggap benar"),
            )

    def _typed(self, draft: DraftQuestion) -> None:
        answers = [(o.text, o.weight, o.feedback) for o in draft.options]
        problem = (
            short_answer_problem(answers)
            if draft.kind == "short_answer"
            else matching_problem(draft.pairs)
        )
        if problem is not None:
            self.result.skip(draft.line, problem)
            return
        qid, explanation = self._common(draft)
        common: dict[str, object] = {
            "id": qid,
            "prompt": draft.prompt.strip(),
            "explanation": explanation,
            "context": _clean(draft.context),
            "tags": self._tags(draft),
            "lesson": draft.lesson,
            "line": draft.line,
        }
        notes: list[str] = []
        question: Question
        if draft.kind == "short_answer":
            question = build_short_answer(answers, common, notes)
            if draft.tolerance or draft.feedback_wrong:
                question = replace(
                    question,
                    tolerance=draft.tolerance,
                    feedback_wrong=_clean(draft.feedback_wrong) or question.feedback_wrong,
                )
        else:
            question = build_matching(draft.pairs, common)
        for message in notes:
            self.result.note(draft.line, qid, message)
        self.result.questions.append(question)

    def _common(self, draft: DraftQuestion) -> tuple[str, str]:
        qid = self.ids.allocate(draft.title)
        explanation = (draft.explanation or "").strip()
        if not explanation:
            explanation = TODO_EXPLANATION
            self._todo(qid)
            self.result.note(
                draft.line,
                qid,
                _("penjelasan tidak ada di sumber; diisi '{marker}'").format(
                    marker=TODO_EXPLANATION
                ),
            )
        if draft.dropped:
            # An image may carry the point of the question: a trainer must look.
            self._todo(qid)
            self.result.note(
                draft.line,
                qid,
                ngettext(
                    "{n} gambar/berkas tidak ikut diimpor ({files}); tempatnya ditandai "
                    "'{marker} ...'",
                    "{n} gambar/berkas tidak ikut diimpor ({files}); tempatnya ditandai "
                    "'{marker} ...'",
                    len(draft.dropped),
                ).format(n=len(draft.dropped), files=", ".join(draft.dropped), marker=TODO_CHECK),
            )
        if self._markup_left:
            self._todo(qid)
            # Written into the bank with the content: the marker's language, as TODO_CHECK.
            explanation = (
                f"{TODO_CHECK}: markup HTML dibuang dari teks biasa. "  # i18n: ignore content
                f"{explanation}"
            )
            self.result.note(
                draft.line,
                qid,
                _(
                    "teks biasa memuat markup HTML ({fields}) yang dibuang; periksa maknanya "
                    "(penjelasan diawali '{marker}')"
                ).format(fields=", ".join(self._markup_left), marker=TODO_CHECK),
            )
        return qid, explanation

    def _todo(self, qid: str) -> None:
        if qid not in self.result.todo_ids:
            self.result.todo_ids.append(qid)

    def _tags(self, draft: DraftQuestion) -> tuple[str, ...]:
        seen: list[str] = []
        for tag in draft.tags:
            slug = slugify(tag)
            if slug and slug not in seen:
                seen.append(slug)
        return tuple(seen)

    def _choice(
        self,
        draft: DraftQuestion,
        cls: type[SingleQuestion] | type[MultipleQuestion],
        correct: list[bool],
        limits: tuple[int, int],
    ) -> str | None:
        low, high = limits
        if not low <= len(draft.options) <= high:
            self.result.skip(
                draft.line,
                _("soal {type} boleh {low}..{high} opsi, ada {count}").format(
                    type=cls.type, low=low, high=high, count=len(draft.options)
                ),
            )
            return None
        qid, explanation = self._common(draft)
        options = tuple(
            ChoiceOption(text=o.text.strip(), correct=c, feedback=_clean(o.feedback))
            for o, c in zip(draft.options, correct, strict=True)
        )
        self.result.questions.append(
            cls(
                id=qid,
                prompt=draft.prompt.strip(),
                explanation=explanation,
                context=_clean(draft.context),
                options=options,
                tags=self._tags(draft),
                lesson=draft.lesson,
                line=draft.line,
            )
        )
        return qid

    def _true_false(self, draft: DraftQuestion) -> None:
        if draft.answer is None:
            self.result.skip(draft.line, _("jawaban benar/salah tidak ada"))
            return
        qid, explanation = self._common(draft)
        self.result.questions.append(
            TrueFalseQuestion(
                id=qid,
                prompt=draft.prompt.strip(),
                explanation=explanation,
                context=_clean(draft.context),
                answer=draft.answer,
                feedback_true=_clean(draft.feedback_true),
                feedback_false=_clean(draft.feedback_false),
                tags=self._tags(draft),
                lesson=draft.lesson,
                line=draft.line,
            )
        )

    def _scenario(self, draft: DraftQuestion, scores: list[int]) -> None:
        qid, explanation = self._common(draft)
        context = _clean(draft.context)
        prompt = draft.prompt.strip()
        if context is None:
            split = split_context(prompt)
            if split is not None:
                context, prompt = split
            else:
                context = prompt
                prompt = SCENARIO_PROMPT
                self.result.note(
                    draft.line,
                    qid,
                    _(
                        "teks soal menjadi konteks skenario; pertanyaan diisi '{prompt}' "
                        "(tulis pertanyaan sendiri bila perlu)"
                    ).format(prompt=SCENARIO_PROMPT),
                )
        options: list[ScenarioOption] = []
        missing = 0
        for option, score in zip(draft.options, scores, strict=True):
            feedback = _clean(option.feedback)
            if feedback is None:
                feedback = TODO_FEEDBACK
                missing += 1
            options.append(ScenarioOption(text=option.text.strip(), score=score, feedback=feedback))
        if missing:
            self.result.note(
                draft.line,
                qid,
                ngettext(
                    "{n} opsi skenario tanpa umpan balik; diisi '{marker}'",
                    "{n} opsi skenario tanpa umpan balik; diisi '{marker}'",
                    missing,
                ).format(n=missing, marker=TODO_FEEDBACK),
            )
            self._todo(qid)
        self.result.questions.append(
            ScenarioQuestion(
                id=qid,
                prompt=prompt,
                explanation=explanation,
                context=context,
                options=tuple(options),
                tags=self._tags(draft),
                lesson=draft.lesson,
                line=draft.line,
            )
        )


def _strip_markup(draft: DraftQuestion) -> list[str]:
    """Turn HTML still left in a draft's fields into text; the fields it was found in.

    Parsers convert what their source declares as HTML. A plain-text source (Aiken)
    that still holds tags or entities would reach learners with its markup, so it is
    converted here, and the question flagged: the tags may have been meant literally.
    """
    fields: list[str] = []

    def plain(text: str | None, name: str) -> str | None:
        if text is None or not looks_like_html(text):
            return text
        converted = html_to_plain(text)
        draft.dropped.extend(converted.dropped)
        if name not in fields:
            fields.append(name)
        return converted.text

    # The field names are shown to the trainer in the note about the markup.
    draft.prompt = plain(draft.prompt, _("soal")) or ""
    draft.context = plain(draft.context, _("konteks"))
    draft.explanation = plain(draft.explanation, _("penjelasan"))
    draft.feedback_true = plain(draft.feedback_true, _("umpan balik"))
    draft.feedback_false = plain(draft.feedback_false, _("umpan balik"))
    for option in draft.options:
        option.text = plain(option.text, _("opsi")) or ""
        option.feedback = plain(option.feedback, _("umpan balik"))
    return fields


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    stripped = text.strip()
    return stripped or None


def build_questions(drafts: list[DraftQuestion], result: ImportResult) -> ImportResult:
    """Turn drafts into model questions inside ``result`` (skipping what cannot fit)."""
    check_question_count(len(drafts), result.source)
    builder = _Builder(result, {q.id for q in result.questions})
    for draft in drafts:
        builder.build(draft)
    return result


def default_bank_id(output: Path, source: Path) -> str:
    """A bank id from the output file name, else from the source file name."""
    for candidate in (output.stem, source.stem):
        slug = slugify(candidate)
        if slug:
            return slug
    return "bank-impor"


__all__ = [
    "BANK_SCHEMA",
    "DraftOption",
    "DraftQuestion",
    "ImportFailure",
    "ImportResult",
    "Note",  # i18n: ignore a class name
    "Skipped",  # i18n: ignore a class name
    "build_questions",
    "default_bank_id",
    "scenario_scores",
    "split_context",
]

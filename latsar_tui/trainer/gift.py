"""GIFT (Moodle's text format) import and export.

Import follows Moodle's own parser (``question/format/gift``) where it matters:
questions are separated by blank lines; whole lines starting with ``//`` are comments;
``$CATEGORY:`` sets the category (its last segment becomes a tag); ``::title::`` gives
the title (used as the question id when it fits); ``\\~ \\= \\# \\{ \\} \\:`` are
escaped characters and ``\\n`` a newline (we also read ``\\\\`` as one backslash so
that exported text survives the trip); ``[markdown]``, ``[html]``, ``[plain]`` and
``[moodle]`` mark the text format (HTML and Markdown are turned into plain text, in
options and feedback too, which take the question's format unless they name their
own; dropped images are listed and marked ``TODO: periksa``); the answer part is
classified in Moodle's order: empty (essay), ``#`` (numeric), ``~`` (multiple choice),
``=`` with ``->`` (matching), T/F/TRUE/FALSE (true/false), anything else (short
answer). Multiple choice, true/false, short answer and matching are imported (see
typed_import.py for the last two); essay and numeric are skipped with their line number.
In true/false, ``{T#a#b}`` means: ``a`` is shown for a wrong answer,
``b`` for a right one (Moodle's semantics). ``####`` starts the general feedback,
which becomes the explanation.

Multiple choice: ``=`` marks a 100 % answer and makes the item single-answer (as in
Moodle); ``~`` a 0 % answer unless it carries a weight ``~%50%``. Weighted items whose
weights are 20/40/60/80/100 % without repeats become ``scenario`` (score = weight/20);
other weighted items become ``multiple`` with every positively weighted option right.

Export writes one question per block with its id as title, ``[markdown]`` on the
prompt, every special character escaped, and the explanation as general feedback.
A scenario becomes a single-answer item with partial credit (``=`` for the 5-point
option, ``~%80%`` ... for the others) and its context and prompt joined by a blank
line; a multiple question gives each right option ``100/k %`` and each wrong one
``-100/k %``, which matches our scoring. Short answer becomes ``{=a =%50%b =%0%*#wrong}``
and matching ``{=left -> right = -> distractor}``. Ordering and branching have no GIFT
form, nor has a typed text holding ``->`` (or ``*`` in an answer): skipped with a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from latsar_tui.content.model import (
    Bank,
    BranchingQuestion,
    MatchingQuestion,
    MultipleQuestion,
    OrderingQuestion,
    Question,
    ScenarioQuestion,
    ShortAnswerQuestion,
    SingleQuestion,
    TrueFalseQuestion,
)
from latsar_tui.i18n import _
from latsar_tui.trainer.importing import (
    DraftOption,
    DraftQuestion,
    ImportResult,
    build_questions,
    check_question_count,
)
from latsar_tui.trainer.textutil import markdown_to_plain, slugify, to_plain

# Escaped characters become private-use placeholders while the structure is parsed.
_ESCAPES = {
    ":": "\ue000",
    "#": "\ue001",
    "=": "\ue002",
    "{": "\ue003",
    "}": "\ue004",
    "~": "\ue005",
    "n": "\ue006",
    "\\": "\ue007",
}
_RESTORE = {v: ("\n" if k == "n" else k) for k, v in _ESCAPES.items()}
_FORMAT = re.compile(r"^\s*\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
_CATEGORY_SKIP = {"$course$", "$system$", "$module$", "$cat1$", "$cat2$", "$cat3$", "top"}


def _protect(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(0)), text, flags=re.DOTALL)


def _restore(text: str) -> str:
    # Raw line breaks inside a question are layout, not content; `\n` is a real newline.
    text = re.sub(r"[ \t]*\n[ \t]*", " ", text)
    return "".join(_RESTORE.get(ch, ch) for ch in text)


def _format_of(raw: str, default: str = "moodle") -> str:
    """The format a piece of GIFT text declares (``[html]`` ...), else ``default``."""
    match = _FORMAT.match(raw)
    return match.group(1).lower() if match else default


def _formatted(
    raw: str,
    default: str = "moodle",
    dropped: list[str] | None = None,
    *,
    markdown: bool = False,
) -> str:
    """Text with its format marker removed, made plain text, escapes restored.

    As in Moodle's parser, an answer or feedback without its own marker has the
    question text's format (``default``). Images and media left out are added to
    ``dropped``. ``markdown``: the target field is Markdown (prompt, explanation).
    """
    match = _FORMAT.match(raw)
    fmt = default
    if match:
        fmt = match.group(1).lower()
        raw = raw[match.end() :]
    plain = to_plain(_restore(raw).strip(), fmt, markdown=markdown)
    if dropped is not None:
        dropped.extend(plain.dropped)
    return plain.text


def category_tag(path: str) -> str | None:
    """The tag a ``$CATEGORY:`` path gives: its last meaningful segment, slugified."""
    segments = [s.strip() for s in path.split("/") if s.strip()]
    segments = [
        s
        for s in segments
        if s.lower() not in _CATEGORY_SKIP and not s.lower().startswith("default for")
    ]
    if not segments:
        return None
    return slugify(segments[-1]) or None


@dataclass
class _Block:
    line: int
    lines: list[str]


def _blocks(text: str) -> list[_Block]:
    blocks: list[_Block] = []
    current: _Block | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if not stripped:
            if current is not None:
                blocks.append(current)
                current = None
            continue
        if stripped.startswith("//"):
            continue
        if current is None:
            current = _Block(number, [])
        current.lines.append(line)
    if current is not None:
        blocks.append(current)
    return blocks


def parse_gift(text: str, source: str = "<gift>") -> ImportResult:
    """Read GIFT text into an import result (questions, skipped items, notes)."""
    result = ImportResult(source=source)
    drafts: list[DraftQuestion] = []
    category: str | None = None
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    blocks = _blocks(text)
    check_question_count(len(blocks), source)  # refused before parsing every block
    for block in blocks:
        lines = list(block.lines)
        line = block.line
        while lines and lines[0].strip().startswith("$CATEGORY:"):
            path = lines.pop(0).strip()[len("$CATEGORY:") :].strip()
            category = category_tag(path)
            if result.title is None and category:
                result.title = path.split("/")[-1].strip() or None
            line += 1
        if not lines:
            continue
        draft = _parse_block(_protect("\n".join(lines)), line, result)
        if draft is not None:
            if category:
                draft.tags.append(category)
            drafts.append(draft)
    return build_questions(drafts, result)


def _parse_block(raw: str, line: int, result: ImportResult) -> DraftQuestion | None:
    body = raw.strip()
    title: str | None = None
    if body.startswith("::"):
        end = body.find("::", 2)
        if end < 0:
            result.skip(line, _("judul '::' tidak ditutup"))
            return None
        title = _restore(body[2:end]).strip() or None
        body = body[end + 2 :]
    start = body.find("{")
    if start < 0:
        result.skip(
            line,
            _("tidak ada bagian jawaban {block} (butir deskripsi tidak didukung)").format(
                block="{...}"
            ),
        )
        return None
    end = body.rfind("}")
    if end < start:
        result.skip(
            line,
            _("kurung kurawal '{open}' tidak ditutup dengan '{close}'").format(open="{", close="}"),
        )
        return None
    after = body[end + 1 :].strip()
    question_raw = body[:start]
    if after:
        # Moodle's "missing word" form: the answers stand for a gap in the sentence.
        question_raw = f"{question_raw.rstrip()} _____ {after}"
    fmt = _format_of(question_raw.lstrip())
    dropped: list[str] = []
    prompt = _formatted(question_raw.lstrip(), fmt, dropped, markdown=True)
    answer_part = body[start + 1 : end].strip()
    if "{" in answer_part or "}" in answer_part:
        # Escaped braces are placeholders by now: these are structural, which means two
        # questions without a blank line between them (or a stray brace).
        result.skip(
            line,
            _(
                "kurung kurawal berlebih: mungkin dua soal tanpa baris kosong di antaranya "
                "(tulis {open} atau {close} untuk kurung di dalam teks)"
            ).format(open="\\{", close="\\}"),
        )
        return None
    explanation: str | None = None
    general = answer_part.rfind("####")
    if general >= 0:
        explanation = _formatted(answer_part[general + 4 :], fmt, dropped, markdown=True) or None
        answer_part = answer_part[:general].strip()
    label = f"'{title}'" if title else _("soal")
    if answer_part == "":
        result.skip(line, _("{label}: soal esai tidak didukung").format(label=label))
        return None
    if answer_part.startswith("#"):
        result.skip(line, _("{label}: soal numerik tidak didukung").format(label=label))
        return None
    if "~" in answer_part:
        draft = _multichoice(
            answer_part,
            prompt=prompt,
            title=title,
            explanation=explanation,
            line=line,
            result=result,
            fmt=fmt,
            dropped=dropped,
        )
        if draft is not None:
            draft.dropped = dropped
        return draft
    if "=" in answer_part and "->" in answer_part:
        return DraftQuestion(
            line=line,
            prompt=prompt,
            kind="matching",
            title=title,
            pairs=_pairs(answer_part),
            explanation=explanation,
        )
    pieces = answer_part.split("#")
    head = pieces[0].strip()
    if head in {"T", "TRUE", "F", "FALSE"}:
        truth = head in {"T", "TRUE"}
        wrong = _formatted(pieces[1], fmt, dropped) if len(pieces) > 1 else ""
        right = _formatted("#".join(pieces[2:]), fmt, dropped) if len(pieces) > 2 else ""
        return DraftQuestion(
            line=line,
            prompt=prompt,
            kind="true_false",
            title=title,
            answer=truth,
            feedback_true=(right if truth else wrong) or None,
            feedback_false=(wrong if truth else right) or None,
            explanation=explanation,
            dropped=dropped,
        )
    return _short_answer(
        answer_part, prompt, title=title, explanation=explanation, line=line, result=result
    )


def _pairs(answer_part: str) -> list[tuple[str, str]]:
    """``=left -> right`` pieces; ``= -> right`` (empty left) is a distractor."""
    pairs: list[tuple[str, str]] = []
    for raw_piece in re.split(r"(?==)", answer_part):
        piece = raw_piece.strip().removeprefix("=")
        if not piece.strip():
            continue
        left, _arrow, right = piece.partition("->")
        pairs.append((_formatted(left), _formatted(right)))
    return pairs


def _short_answer(
    answer_part: str,
    prompt: str,
    *,
    title: str | None,
    explanation: str | None,
    line: int,
    result: ImportResult,
) -> DraftQuestion | None:
    """``{=a =%50%b#feedback}``: every answer starts with '=' (Moodle's rule)."""
    label = f"'{title}'" if title else _("soal")
    if not answer_part.startswith("="):
        result.skip(
            line,
            _("{label}: jawaban singkat harus diawali '=' (bukan '{start}')").format(
                label=label, start=answer_part[:12]
            ),
        )
        return None
    options: list[DraftOption] = []
    for raw_piece in re.split(r"(?==)", answer_part):
        piece = raw_piece.strip().removeprefix("=")
        if not piece:
            continue
        weight = 100.0
        match = _WEIGHT.match(piece)
        if match:
            weight = float(match.group(1))
            piece = piece[match.end() :]
        text, _hash, feedback = piece.partition("#")
        options.append(DraftOption(_formatted(text), weight, _formatted(feedback) or None))
    return DraftQuestion(
        line=line,
        prompt=prompt,
        kind="short_answer",
        title=title,
        options=options,
        explanation=explanation,
    )


def _multichoice(
    answer_part: str,
    *,
    prompt: str,
    title: str | None,
    explanation: str | None,
    line: int,
    result: ImportResult,
    fmt: str = "moodle",
    dropped: list[str] | None = None,
) -> DraftQuestion | None:
    pieces = re.split(r"(?=[=~])", answer_part)
    options: list[DraftOption] = []
    single = False
    for raw_piece in pieces:
        piece = raw_piece.strip()
        if not piece:
            continue
        weight = 0.0
        if piece[0] == "=":
            weight = 100.0
            single = True
            piece = piece[1:]
        else:
            if piece[0] == "~":
                piece = piece[1:].lstrip()
            match = _WEIGHT.match(piece)
            if match:
                weight = float(match.group(1))
                piece = piece[match.end() :]
            elif piece.startswith("%"):
                result.skip(
                    line, _("bobot tidak terbaca: '{weight}'").format(weight=_restore(piece)[:20])
                )
                return None
        text, _hash, feedback = piece.partition("#")
        options.append(
            DraftOption(
                text=_formatted(text, fmt, dropped),
                weight=weight,
                feedback=_formatted(feedback, fmt, dropped) or None,
            )
        )
    return DraftQuestion(
        line=line,
        prompt=prompt,
        kind="choice",
        title=title,
        options=options,
        single=single,
        explanation=explanation,
    )


# --- export ------------------------------------------------------------------------


def escape(text: str, *, guard_marker: bool = True, plain: bool = False) -> str:
    """Text with GIFT's special characters escaped and newlines written as ``\\n``.

    Surrounding whitespace is dropped (GIFT trims it anyway). With ``guard_marker``, a
    text that itself begins like a format marker gets ``[plain]`` in front so the marker
    stays text; without it the caller writes its own marker first. With ``plain`` (an
    option or feedback, which inherit the prompt's ``[markdown]``), text that Markdown
    would change (``*a*``) gets ``[plain]`` in front so it comes back as written.
    """
    out = text.strip().replace("\\", "\\\\")
    for char in "~=#{}:":
        out = out.replace(char, "\\" + char)
    out = out.replace("\r\n", "\n").replace("\n", "\\n")
    marker_like = guard_marker and _FORMAT.match(out)
    markdown_like = plain and markdown_to_plain(text.strip()).text != text.strip()
    if marker_like or markdown_like:
        out = "[plain]" + out
    return out


def _weight(value: float) -> str:
    text = f"{value:.5f}".rstrip("0").rstrip(".")
    return f"%{text}%"


def _option_line(marker: str, text: str, feedback: str | None) -> str:
    body = escape(text, plain=True)
    if marker == "~" and body.startswith("%"):
        # A leading %n% after a bare ~ would be read as a weight: state the weight.
        marker = "~%0%"
    line = f"{marker}{body}"
    if feedback:
        line += f"#{escape(feedback, plain=True)}"
    return line


def gift_problem(question: Question) -> str | None:
    """Why GIFT cannot carry this question, or None."""
    if isinstance(question, OrderingQuestion | BranchingQuestion):
        return _("jenis {type} tidak ada padanannya di GIFT").format(type=question.type)
    texts: list[str] = []
    if isinstance(question, ShortAnswerQuestion):
        texts = [*question.answers, *(p.answer for p in question.partial)]
        if any("*" in text for text in texts):
            return _("jawaban berisi '*', yang di GIFT berarti wildcard")
        # The wrong-answer feedback sits in the same {...} block, so '->' there would
        # turn the item into a matching question on import.
        texts.append(question.feedback_wrong or "")
    elif isinstance(question, MatchingQuestion):
        texts = [side for p in question.pairs for side in (p.left, p.right)]
        texts += question.distractors
    # GIFT has no escape for '->', which marks a matching pair.
    if any("->" in text for text in texts):
        return _("teks jawaban berisi '->', yang tidak dapat ditulis di GIFT")
    return None


def question_to_gift(question: Question) -> str | None:
    """The GIFT block of one question, or None when GIFT cannot carry it."""
    if gift_problem(question) is not None:
        return None
    prompt = question.prompt.strip()
    if question.context:
        prompt = f"{question.context.strip()}\n\n{prompt}"
    lines = [
        f"// {question.id} ({question.type})",
        f"::{question.id}::[markdown]{escape(prompt, guard_marker=False)}{{",
    ]
    if isinstance(question, SingleQuestion):
        for option in question.options:
            lines.append(_option_line("=" if option.correct else "~", option.text, option.feedback))
    elif isinstance(question, MultipleQuestion):
        right_count = len(question.correct_indices)
        for option in question.options:
            weight = 100 / right_count if option.correct else -100 / right_count
            lines.append(_option_line("~" + _weight(weight), option.text, option.feedback))
    elif isinstance(question, ScenarioQuestion):
        for scenario_option in question.options:
            score = scenario_option.score
            marker = "=" if score == 5 else "~" + _weight(score * 20)
            lines.append(_option_line(marker, scenario_option.text, scenario_option.feedback))
    elif isinstance(question, TrueFalseQuestion):
        head = "T" if question.answer else "F"
        right = question.feedback_true if question.answer else question.feedback_false
        wrong = question.feedback_false if question.answer else question.feedback_true
        answer = head
        if wrong or right:
            answer += f"#{escape(wrong or '', plain=True)}"
        if right:
            answer += f"#{escape(right, plain=True)}"
        lines[-1] += answer
    elif isinstance(question, ShortAnswerQuestion):
        for text in question.answers:
            body = escape(text)
            # A leading %n% would be read as a weight: state the full weight.
            lines.append(f"=%100%{body}" if body.startswith("%") else f"={body}")
        for part in question.partial:
            lines.append(f"={_weight(part.share * 100)}{escape(part.answer)}")
        if question.feedback_wrong:
            # Moodle's "anything else" answer carries the feedback for a wrong answer.
            lines.append(f"=%0%*#{escape(question.feedback_wrong)}")
    elif isinstance(question, MatchingQuestion):
        for pair in question.pairs:
            lines.append(f"={escape(pair.left)} -> {escape(pair.right)}")
        for extra in question.distractors:
            lines.append(f"= -> {escape(extra)}")
    lines.append(f"####[markdown]{escape(question.explanation, guard_marker=False)}")
    lines.append("}")
    return "\n".join(lines)


@dataclass(frozen=True)
class ExportOutcome:
    """Exported text plus the questions left out and why."""

    text: str
    exported: int
    skipped: list[tuple[str, str]]


def export_gift(bank: Bank) -> ExportOutcome:
    """GIFT text of a bank; ordering and branching questions are left out with a note."""
    # The file's own lines (comments, the category): GIFT content, not interface text.
    title = bank.title.replace("\n", " ")
    blocks = [f"// Bank {bank.id}: {title}", "// Diekspor oleh latsar"]  # i18n: ignore GIFT
    category = re.sub(r"[/\n]+", " ", bank.title).strip() or bank.id
    blocks.append(f"$CATEGORY: $course$/top/{category}")  # i18n: ignore GIFT syntax
    skipped: list[tuple[str, str]] = []
    exported = 0
    out = ["\n".join(blocks)]
    for question in bank.questions:
        block = question_to_gift(question)
        if block is None:
            skipped.append((question.id, gift_problem(question) or _("tidak dapat ditulis")))
            continue
        out.append(block)
        exported += 1
    return ExportOutcome(text="\n\n".join(out) + "\n", exported=exported, skipped=skipped)

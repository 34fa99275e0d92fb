"""Moodle XML import and export (the ``<quiz>`` format of Moodle's question bank).

Import reads ``multichoice`` (single and multiple answer, with ``fraction`` weights),
``truefalse``, ``shortanswer``, ``matching`` (see typed_import.py) and ``category``
entries; every other question type is skipped with its line number.
The file is parsed with defusedxml, so entity expansion, external entities
and DTD tricks are refused. Text in ``format="html"`` (Moodle's default) or
``moodle_auto_format`` with tags is turned into plain text (images listed and marked
``TODO: periksa``); ``markdown`` loses its emphasis, heading and code marks, and
``plain_text`` is kept as written. ``generalfeedback`` becomes the explanation,
each answer's ``feedback`` the option's feedback, ``<tags>`` and the category's last
segment become tags. Weights follow the same rules as GIFT (see gift.py): a scenario
when they are 20/40/60/80/100 % without repeats, otherwise single or multiple.

Export writes ``format="markdown"`` for prompts and explanations and ``plain_text`` for
options and feedback, so nothing is lost on the way back; scenario becomes a
single-answer multichoice with fractions ``score / 5 * 100``; ordering and branching
are skipped with a note.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

import defusedxml.ElementTree as DET

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
from latsar_tui.i18n import N_, _
from latsar_tui.trainer.gift import ExportOutcome, category_tag
from latsar_tui.trainer.importing import (
    DraftOption,
    DraftQuestion,
    ImportFailure,
    ImportResult,
    build_questions,
)
from latsar_tui.trainer.textutil import dropped_marker, to_plain

# Moodle's question types by the names a trainer knows them (translated when shown).
_TYPE_NAMES = {
    "matching": N_("menjodohkan"),
    "shortanswer": N_("jawaban singkat"),
    "numerical": N_("numerik"),
    "essay": N_("esai"),
    "description": N_("deskripsi"),
    "multianswer": N_("cloze"),
    "calculated": N_("terhitung"),
    "ddwtos": N_("seret dan lepas"),
    "gapselect": N_("pilih kata hilang"),
}


class _LineBuilder(ET.TreeBuilder):
    """A tree builder that remembers the line each element starts on."""

    def __init__(self) -> None:
        super().__init__()
        self.parser: Any = None
        self.lines: dict[int, int] = {}

    def start(self, tag: Any, attrs: Any) -> ET.Element:
        element = super().start(tag, attrs)
        if self.parser is not None:
            self.lines[id(element)] = self.parser.parser.CurrentLineNumber
        return element


def _parse(data: bytes, source: str) -> tuple[ET.Element, dict[int, int]]:
    builder = _LineBuilder()
    parser = DET.DefusedXMLParser(target=builder, forbid_dtd=True)
    builder.parser = parser
    try:
        parser.feed(data)
        root = parser.close()
    except ET.ParseError as error:
        line = getattr(error, "position", (0, 0))[0]
        raise ImportFailure(
            _("{source}:{line}: XML tidak valid: {error}").format(
                source=source, line=line, error=error
            )
        ) from None
    except Exception as error:  # defusedxml's refusals (DTD, entities)
        raise ImportFailure(
            _("{source}: XML ditolak demi keamanan: {reason}").format(
                source=source, reason=type(error).__name__
            )
        ) from None
    return root, builder.lines


def _text_of(
    element: ET.Element | None, dropped: list[str] | None = None, *, markdown: bool = False
) -> str:
    """The text of a Moodle text holder (``<x format=..><text>..</text></x>``), converted.

    ``html`` (Moodle's default) and text with tags become plain text, ``markdown``
    loses its marks in plain fields (``markdown`` false: options, feedback); images and
    media left out are added to ``dropped``.
    """
    if element is None:
        return ""
    holder = element.find("text")
    raw = (holder.text if holder is not None else element.text) or ""
    plain = to_plain(raw, element.get("format", "html"), markdown=markdown)
    if dropped is not None:
        dropped.extend(plain.dropped)
    return plain.text


def _fraction(value: str | None) -> float | None:
    try:
        return float(value or "0")
    except ValueError:
        return None


def parse_moodle_xml(data: bytes, source: str = "<xml>") -> ImportResult:
    """Read a Moodle XML export into an import result (questions, skipped, notes)."""
    root, lines = _parse(data, source)
    if root.tag != "quiz":
        raise ImportFailure(
            _("{source}:1: elemen akar harus <quiz>, ditemukan <{tag}>").format(
                source=source, tag=root.tag
            )
        )
    result = ImportResult(source=source)
    drafts: list[DraftQuestion] = []
    category: str | None = None
    for element in root.findall("question"):
        line = lines.get(id(element), 0)
        qtype = element.get("type", "")
        if qtype == "category":
            path = _text_of(element.find("category"))
            category = category_tag(path)
            if result.title is None and category:
                result.title = path.split("/")[-1].strip() or None
            continue
        name = _text_of(element.find("name")) or None
        label = f"'{name}'" if name else _("soal")
        if qtype not in {"multichoice", "truefalse", "shortanswer", "matching"}:
            shown = _(_TYPE_NAMES[qtype]) if qtype in _TYPE_NAMES else qtype or _("tanpa jenis")
            result.skip(
                line, _("{label}: jenis {type} tidak didukung").format(label=label, type=shown)
            )
            continue
        dropped: list[str] = []
        prompt = _text_of(element.find("questiontext"), dropped, markdown=True)
        old_image = (element.findtext("image") or "").strip()
        if old_image:
            # Moodle 1.9's <image> field: a picture shown with the question, not in it.
            dropped.append(f"gambar {old_image}")
            prompt = f"{prompt} {dropped_marker('gambar', old_image)}".strip()
        explanation = _text_of(element.find("generalfeedback"), dropped, markdown=True) or None
        tags = [t.text or "" for t in element.findall("tags/tag/text")]
        if category:
            tags.append(category)
        answers = element.findall("answer")
        if qtype == "truefalse":
            draft = _truefalse(
                answers,
                prompt=prompt,
                name=name,
                explanation=explanation,
                line=line,
                result=result,
                dropped=dropped,
            )
        elif qtype == "matching":
            pairs = [
                (_text_of(sub), (sub.findtext("answer/text") or "").strip())
                for sub in element.findall("subquestion")
            ]
            draft = DraftQuestion(
                line=line,
                prompt=prompt,
                kind="matching",
                title=name,
                pairs=pairs,
                explanation=explanation,
            )
        else:
            single_text = (element.findtext("single") or "true").strip().lower()
            options: list[DraftOption] = []
            bad = False
            for answer in answers:
                weight = _fraction(answer.get("fraction"))
                if weight is None:
                    result.skip(
                        lines.get(id(answer), line),
                        _("{label}: fraction tidak terbaca").format(label=label),
                    )
                    bad = True
                    break
                options.append(
                    DraftOption(
                        text=_text_of(answer, dropped),
                        weight=weight,
                        feedback=_text_of(answer.find("feedback"), dropped) or None,
                    )
                )
            if bad:
                continue
            draft = DraftQuestion(
                line=line,
                prompt=prompt,
                kind="short_answer" if qtype == "shortanswer" else "choice",
                title=name,
                options=options,
                single=single_text in {"true", "1"},
                explanation=explanation,
            )
        if draft is not None:
            draft.tags.extend(tags)
            draft.dropped = dropped
            drafts.append(draft)
    return build_questions(drafts, result)


def _truefalse(
    answers: list[ET.Element],
    *,
    prompt: str,
    name: str | None,
    explanation: str | None,
    line: int,
    result: ImportResult,
    dropped: list[str] | None = None,
) -> DraftQuestion | None:
    by_value: dict[bool, ET.Element] = {}
    for answer in answers:
        value = _text_of(answer).strip().lower()
        if value in {"true", "benar"}:
            by_value[True] = answer
        elif value in {"false", "salah"}:
            by_value[False] = answer
    if set(by_value) != {True, False}:
        result.skip(line, _("soal benar/salah tanpa jawaban 'true' dan 'false'"))
        return None
    right = [v for v, a in by_value.items() if (_fraction(a.get("fraction")) or 0) >= 99.999]
    if len(right) != 1:
        result.skip(line, _("soal benar/salah tanpa tepat satu jawaban berbobot 100"))
        return None
    return DraftQuestion(
        line=line,
        prompt=prompt,
        kind="true_false",
        title=name,
        answer=right[0],
        feedback_true=_text_of(by_value[True].find("feedback"), dropped) or None,
        feedback_false=_text_of(by_value[False].find("feedback"), dropped) or None,
        explanation=explanation,
    )


# --- export ------------------------------------------------------------------------


def _text_holder(parent: ET.Element, tag: str, text: str, fmt: str) -> ET.Element:
    holder = ET.SubElement(parent, tag, {"format": fmt})
    ET.SubElement(holder, "text").text = text.strip()
    return holder


def _fraction_text(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".") or "0"


def _answer(parent: ET.Element, fraction: float, text: str, feedback: str | None) -> None:
    answer = ET.SubElement(
        parent, "answer", {"fraction": _fraction_text(fraction), "format": "plain_text"}
    )
    ET.SubElement(answer, "text").text = text.strip()
    _text_holder(answer, "feedback", feedback or "", "plain_text")


def question_to_element(question: Question) -> ET.Element | None:
    """The ``<question>`` element of one question, or None for types Moodle lacks."""
    if isinstance(question, OrderingQuestion | BranchingQuestion):
        return None
    if isinstance(question, ShortAnswerQuestion | MatchingQuestion):
        return typed_element(question)
    qtype = "truefalse" if isinstance(question, TrueFalseQuestion) else "multichoice"
    element = _head(question, qtype, penalty="0" if qtype == "truefalse" else "0.3333333")
    if isinstance(question, TrueFalseQuestion):
        _answer(element, 100 if question.answer else 0, "true", question.feedback_true)
        _answer(element, 0 if question.answer else 100, "false", question.feedback_false)
    else:
        single = not isinstance(question, MultipleQuestion)
        ET.SubElement(element, "single").text = "true" if single else "false"
        ET.SubElement(element, "shuffleanswers").text = "true"
        ET.SubElement(element, "answernumbering").text = "abc"
        if isinstance(question, SingleQuestion):
            for option in question.options:
                _answer(element, 100 if option.correct else 0, option.text, option.feedback)
        elif isinstance(question, MultipleQuestion):
            right = len(question.correct_indices)
            for option in question.options:
                weight = 100 / right if option.correct else -100 / right
                _answer(element, weight, option.text, option.feedback)
        elif isinstance(question, ScenarioQuestion):
            for scenario_option in question.options:
                _answer(
                    element,
                    scenario_option.score / 5 * 100,
                    scenario_option.text,
                    scenario_option.feedback,
                )
    _tags(element, question)
    return element


def _tags(element: ET.Element, question: Question) -> None:
    if question.tags:
        tags = ET.SubElement(element, "tags")
        for tag in question.tags:
            ET.SubElement(ET.SubElement(tags, "tag"), "text").text = tag


def _head(question: Question, qtype: str, penalty: str = "0.3333333") -> ET.Element:
    """The parts every exported question shares: name, text, feedback, grade, penalty."""
    element = ET.Element("question", {"type": qtype})
    name = ET.SubElement(element, "name")
    ET.SubElement(name, "text").text = question.id
    prompt = question.prompt.strip()
    if question.context:
        prompt = f"{question.context.strip()}\n\n{prompt}"
    _text_holder(element, "questiontext", prompt, "markdown")
    _text_holder(element, "generalfeedback", question.explanation, "markdown")
    ET.SubElement(element, "defaultgrade").text = "1"
    ET.SubElement(element, "penalty").text = penalty
    ET.SubElement(element, "hidden").text = "0"
    return element


def typed_element(question: ShortAnswerQuestion | MatchingQuestion) -> ET.Element:
    """``shortanswer`` (answers with fractions, ``*`` for feedback_wrong) or ``matching``
    (one ``subquestion`` per pair, an empty one per distractor)."""
    if isinstance(question, ShortAnswerQuestion):
        element = _head(question, "shortanswer")
        ET.SubElement(element, "usecase").text = "0"
        for text in question.answers:
            _answer(element, 100, text, None)
        for part in question.partial:
            _answer(element, part.share * 100, part.answer, None)
        if question.feedback_wrong:
            _answer(element, 0, "*", question.feedback_wrong)
    else:
        element = _head(question, "matching")
        ET.SubElement(element, "shuffleanswers").text = "true"
        sides = [(pair.left, pair.right) for pair in question.pairs]
        sides += [("", extra) for extra in question.distractors]
        for left, right in sides:
            sub = ET.SubElement(element, "subquestion", {"format": "plain_text"})
            ET.SubElement(sub, "text").text = left
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = right
    _tags(element, question)
    return element


def export_moodle_xml(bank: Bank) -> ExportOutcome:
    """Moodle XML of a bank; ordering and branching questions are left out with a note."""
    quiz = ET.Element("quiz")
    quiz.append(ET.Comment(f" Bank {bank.id}, diekspor oleh latsar "))  # i18n: ignore file text
    category = ET.SubElement(quiz, "question", {"type": "category"})
    holder = ET.SubElement(category, "category")
    ET.SubElement(holder, "text").text = f"$course$/top/{bank.title.replace('/', '-')}"
    skipped: list[tuple[str, str]] = []
    exported = 0
    for question in bank.questions:
        element = question_to_element(question)
        if element is None:
            skipped.append(
                (
                    question.id,
                    _("jenis {type} tidak ada padanannya di Moodle XML").format(type=question.type),
                )
            )
            continue
        quiz.append(element)
        exported += 1
    ET.indent(quiz)
    declaration = '<?xml version="1.0" encoding="UTF-8"?>\n'  # i18n: ignore XML syntax
    text = declaration + ET.tostring(quiz, encoding="unicode") + "\n"
    return ExportOutcome(text=text, exported=exported, skipped=skipped)

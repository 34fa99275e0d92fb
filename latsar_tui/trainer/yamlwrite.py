"""Dump a Bank or Module back to YAML that the loader accepts and a trainer can read.

Key order follows the content format, defaults are left out, multi-line text is
written as a literal block (``|``), and comments can be placed above questions (the
importers use them to point at what the trainer must check). Nothing but plain
mappings, lists, strings, numbers and booleans is emitted: no tags, no aliases.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import yaml

from latsar_tui.content.model import (
    BANK_SCHEMA,
    DEFAULT_LANGUAGE,
    DEFAULT_PASS_MARK,
    MODULE_SCHEMA,
    Bank,
    BranchingQuestion,
    Lesson,
    MatchingQuestion,
    Module,
    MultipleQuestion,
    OrderingQuestion,
    Question,
    ScenarioQuestion,
    ShortAnswerQuestion,
    SingleQuestion,
    Source,
    TrueFalseQuestion,
)

_BaseDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_BaseDumper):  # type: ignore[valid-type,misc]
    """Safe dumper (libyaml when present) with block text and no aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    # The emitter falls back to a quoted style by itself when a block cannot hold
    # the text exactly (trailing spaces, leading blanks), so this never loses data.
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _represent_str)


def to_yaml(data: Any) -> str:
    """YAML text of plain data, in insertion order, unicode kept, long lines allowed."""
    text: str = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )
    return text


def _put(data: dict[str, Any], key: str, value: Any) -> None:
    if value is None or (isinstance(value, tuple | list) and not value):
        return
    data[key] = list(value) if isinstance(value, tuple) else value


def question_to_data(question: Question) -> dict[str, Any]:
    """The mapping of one question, keys in the order the content format lists them."""
    data: dict[str, Any] = {"id": question.id, "type": str(question.type)}
    _put(data, "context", question.context)
    data["prompt"] = question.prompt
    if isinstance(question, SingleQuestion | MultipleQuestion):
        options = []
        for option in question.options:
            item: dict[str, Any] = {"text": option.text}
            if option.correct:
                item["correct"] = True
            _put(item, "feedback", option.feedback)
            options.append(item)
        data["options"] = options
    elif isinstance(question, TrueFalseQuestion):
        data["answer"] = question.answer
        _put(data, "feedback_true", question.feedback_true)
        _put(data, "feedback_false", question.feedback_false)
    elif isinstance(question, ScenarioQuestion):
        data["options"] = [
            {"text": o.text, "score": o.score, "feedback": o.feedback} for o in question.options
        ]
    elif isinstance(question, OrderingQuestion):
        data["items"] = list(question.items)
    elif isinstance(question, BranchingQuestion):
        data["start"] = question.start
        steps: dict[str, Any] = {}
        for step in question.steps:
            choices = []
            for choice in step.choices:
                entry: dict[str, Any] = {
                    "text": choice.text,
                    "score": choice.score,
                    "feedback": choice.feedback,
                }
                _put(entry, "next", choice.next)
                choices.append(entry)
            steps[step.id] = {"text": step.text, "choices": choices}
        data["steps"] = steps
    elif isinstance(question, ShortAnswerQuestion):
        data["answers"] = list(question.answers)
        if question.partial:
            data["partial"] = [{"answer": p.answer, "share": p.share} for p in question.partial]
        if question.tolerance:
            data["tolerance"] = question.tolerance
        _put(data, "feedback_wrong", question.feedback_wrong)
    elif isinstance(question, MatchingQuestion):
        data["pairs"] = [{"left": p.left, "right": p.right} for p in question.pairs]
        _put(data, "distractors", question.distractors)
    data["explanation"] = question.explanation
    _put(data, "lesson", question.lesson)
    _put(data, "tags", question.tags)
    _put(data, "difficulty", question.difficulty)
    _put(data, "sources", question.sources)
    return data


def bank_header_data(bank: Bank) -> dict[str, Any]:
    """The bank's own fields (everything but the questions)."""
    data: dict[str, Any] = {"schema": BANK_SCHEMA, "id": bank.id, "title": bank.title}
    _put(data, "module", bank.module)
    _put(data, "description", bank.description)
    if bank.pass_mark != DEFAULT_PASS_MARK:
        data["pass_mark"] = bank.pass_mark
    _put(data, "time_limit_minutes", bank.time_limit_minutes)
    return data


def _comment_lines(lines: Sequence[str], indent: str = "") -> str:
    out = []
    for line in lines:
        for part in line.splitlines() or [""]:
            out.append(f"{indent}# {part}".rstrip())
    return "\n".join(out) + "\n" if out else ""


def dump_bank(
    bank: Bank,
    *,
    header: Sequence[str] = (),
    question_comments: Mapping[str, Sequence[str]] | None = None,
) -> str:
    """YAML text of a bank; ``header`` lines and per-question comments become ``#`` lines."""
    comments = question_comments or {}
    parts = [_comment_lines(header), to_yaml(bank_header_data(bank)), "questions:\n"]
    for number, question in enumerate(bank.questions):
        if number:
            parts.append("\n")
        parts.append(_comment_lines(comments.get(question.id, ())))
        parts.append(to_yaml([question_to_data(question)]))
    return "".join(parts)


def _source_data(source: Source) -> dict[str, Any]:
    data: dict[str, Any] = {"id": source.id, "title": source.title}
    _put(data, "url", source.url)
    return data


def _lesson_data(lesson: Lesson) -> dict[str, Any]:
    data: dict[str, Any] = {"id": lesson.id, "title": lesson.title, "body": lesson.body}
    _put(data, "key_points", lesson.key_points)
    _put(data, "sources", lesson.sources)
    return data


def module_to_data(module: Module) -> dict[str, Any]:
    """The mapping of a module, keys in the order the content format lists them."""
    data: dict[str, Any] = {
        "schema": MODULE_SCHEMA,
        "id": module.id,
        "title": module.title,
        "summary": module.summary,
    }
    _put(data, "agenda", module.agenda)
    _put(data, "order", module.order)
    if module.language != DEFAULT_LANGUAGE:
        data["language"] = module.language
    _put(data, "sources", [_source_data(s) for s in module.sources])
    data["lessons"] = [_lesson_data(lesson) for lesson in module.lessons]
    return data


def dump_module(module: Module, *, header: Sequence[str] = ()) -> str:
    """YAML text of a module, with optional ``#`` header lines."""
    return _comment_lines(header) + to_yaml(module_to_data(module))

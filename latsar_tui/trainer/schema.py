"""JSON Schemas (Draft-07) of the content format, for editors and CI.

The schemas are built here and shipped as files in ``latsar_tui/schemas/``
(``module-1.json``, ``bank-1.json``); a test checks the files equal what this module
builds and that field names and limits agree with the loader. A schema can only say
part of what the loader checks (exactly one correct option, distinct scenario scores,
branching graphs, references to other files): it is a typing aid, ``latsar validate``
remains the judge.

The ``description`` and ``title`` texts are not translated (each carries an
``i18n: ignore`` pragma): editors read the shipped file, which is one file in
Indonesian like the content it describes, and ``test_shipped_schema_file_is_current``
pins that file to what this module builds; descriptions that followed the interface
language would make the build differ from the shipped file (or overwrite it) under
``--lang en``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from latsar_tui.paths import schema_dir

SchemaKind = Literal["module", "bank"]
DRAFT_07 = "http://json-schema.org/draft-07/schema#"
ID_REGEX = "^[a-z0-9][a-z0-9._-]{0,63}$"
LANGUAGE_REGEX = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"

# Field names per object, written out here (not imported from the validator) so the
# agreement test compares two independent statements of the contract.
MODULE_PROPS = (
    "schema",
    "id",
    "title",
    "summary",
    "agenda",
    "order",
    "language",
    "sources",
    "lessons",
)
SOURCE_PROPS = ("id", "title", "url")
LESSON_PROPS = ("id", "title", "body", "key_points", "sources")
BANK_PROPS = (
    "schema",
    "id",
    "title",
    "module",
    "description",
    "pass_mark",
    "time_limit_minutes",
    "questions",
)
QUESTION_COMMON = (
    "id",
    "type",
    "prompt",
    "context",
    "explanation",
    "lesson",
    "tags",
    "difficulty",
    "sources",
)
TYPE_PROPS: dict[str, tuple[str, ...]] = {
    "single": ("options",),
    "multiple": ("options",),
    "true_false": ("answer", "feedback_true", "feedback_false"),
    "scenario": ("options",),
    "ordering": ("items",),
    "branching": ("start", "steps"),
    "short_answer": ("answers", "partial", "tolerance", "feedback_wrong"),
    "matching": ("pairs", "distractors"),
}
TYPE_REQUIRED: dict[str, tuple[str, ...]] = {
    "single": ("options",),
    "multiple": ("options",),
    "true_false": ("answer",),
    "scenario": ("context", "options"),
    "ordering": ("items",),
    "branching": ("context", "start", "steps"),
    "short_answer": ("answers",),
    "matching": ("pairs",),
}
OPTION_LIMITS = {"single": (2, 6), "multiple": (2, 8), "scenario": (2, 6)}
ITEM_LIMITS = (3, 8)
CHOICE_LIMITS = (2, 5)
ANSWER_LIMITS = (1, 10)
PAIR_LIMITS = (3, 8)
DISTRACTOR_MAX = 4
PARTIAL_PROPS = ("answer", "share")
PAIR_PROPS = ("left", "right")


def _text(description: str) -> dict[str, Any]:
    return {"type": "string", "pattern": "\\S", "description": description}


def _id(description: str) -> dict[str, Any]:
    return {"$ref": "#/definitions/id", "description": description}


def _ids(description: str) -> dict[str, Any]:
    return {"type": "array", "items": {"$ref": "#/definitions/id"}, "description": description}


def _object(props: dict[str, Any], required: tuple[str, ...]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": props,
        "required": list(required),
        "additionalProperties": False,
    }


def module_schema() -> dict[str, Any]:
    """The schema of ``latsar/module@1``."""
    source = _object(
        {
            "id": _id("id sumber, dirujuk oleh pelajaran dan soal"),  # i18n: ignore shipped schema
            "title": _text("judul dokumen (UU, PP, SE, pedoman)"),  # i18n: ignore shipped schema
            "url": {"type": "string", "description": "alamat dokumen (opsional)"},  # i18n: ignore
        },
        ("id", "title"),
    )
    lesson = _object(
        {
            "id": _id("id pelajaran, unik dalam modul"),  # i18n: ignore shipped schema
            "title": _text("judul pelajaran"),  # i18n: ignore shipped schema
            "body": _text("isi pelajaran (Markdown)"),  # i18n: ignore shipped schema
            "key_points": {
                "type": "array",
                "items": {"type": "string", "pattern": "\\S"},
                "description": "poin penting (teks biasa)",  # i18n: ignore shipped schema
            },
            "sources": _ids("id sumber dari daftar sources modul"),  # i18n: ignore shipped schema
        },
        ("id", "title", "body"),
    )
    schema = _object(
        {
            "schema": {"const": "latsar/module@1", "description": "versi format"},  # i18n: ignore
            "id": _id("id modul, unik di semua folder konten"),  # i18n: ignore shipped schema
            "title": _text("judul modul"),  # i18n: ignore shipped schema
            "summary": _text("ringkasan satu paragraf (teks biasa)"),  # i18n: ignore shipped schema
            "agenda": {
                "enum": ["I", "II", "III", "IV"],
                "description": "agenda Latsar",  # i18n: ignore shipped schema
            },
            "order": {"type": "integer", "description": "urutan di layar beranda"},  # i18n: ignore
            "language": {"type": "string", "pattern": LANGUAGE_REGEX, "description": "BCP-47"},
            "sources": {"type": "array", "items": {"$ref": "#/definitions/source"}},
            "lessons": {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/lesson"}},
        },
        ("schema", "id", "title", "summary", "lessons"),
    )
    return {
        "$schema": DRAFT_07,
        "$id": "urn:latsar:schema:module-1",
        "title": "Latsar TUI: modul pelajaran (latsar/module@1)",  # i18n: ignore shipped schema
        **schema,
        "definitions": {
            "id": {"type": "string", "pattern": ID_REGEX},
            "source": source,
            "lesson": lesson,
        },
    }


def _options_rule(qtype: str) -> dict[str, Any]:
    low, high = OPTION_LIMITS[qtype]
    item = "#/definitions/scenario_option" if qtype == "scenario" else "#/definitions/option"
    rule: dict[str, Any] = {
        "type": "array",
        "minItems": low,
        "maxItems": high,
        "items": {"$ref": item},
    }
    if qtype != "scenario":
        rule["contains"] = {"properties": {"correct": {"const": True}}, "required": ["correct"]}
    else:
        rule["contains"] = {"properties": {"score": {"const": 5}}, "required": ["score"]}
    return rule


def _type_rule(qtype: str) -> dict[str, Any]:
    allowed = set(QUESTION_COMMON) | set(TYPE_PROPS[qtype])
    every = {name for names in TYPE_PROPS.values() for name in names}
    then: dict[str, Any] = {
        "required": list(TYPE_REQUIRED[qtype]),
        "properties": {name: False for name in sorted(every - allowed)},
    }
    if qtype in OPTION_LIMITS:
        then["properties"]["options"] = _options_rule(qtype)
    return {
        "if": {"properties": {"type": {"const": qtype}}, "required": ["type"]},
        "then": then,
    }


def bank_schema() -> dict[str, Any]:
    """The schema of ``latsar/bank@1``."""
    option = _object(
        {
            "text": _text("teks opsi (teks biasa)"),  # i18n: ignore shipped schema
            "correct": {
                "type": "boolean",
                "description": "true untuk opsi yang benar",  # i18n: ignore shipped schema
            },
            "feedback": {
                "type": "string",
                "description": "umpan balik bila opsi ini dipilih",  # i18n: ignore shipped schema
            },
        },
        ("text",),
    )
    scenario_option = _object(
        {
            "text": _text("teks opsi (teks biasa)"),  # i18n: ignore shipped schema
            "score": {"type": "integer", "minimum": 1, "maximum": 5, "description": "skor 1..5"},
            "feedback": _text("mengapa opsi ini bernilai sekian"),  # i18n: ignore shipped schema
        },
        ("text", "score", "feedback"),
    )
    choice = _object(
        {
            "text": _text("teks pilihan (teks biasa)"),  # i18n: ignore shipped schema
            "score": {"type": "integer", "minimum": 0, "maximum": 5},
            "feedback": _text("akibat dari pilihan ini"),  # i18n: ignore shipped schema
            "next": _id("langkah berikutnya; tanpa next kasus selesai"),  # i18n: ignore
        },
        ("text", "score", "feedback"),
    )
    low, high = CHOICE_LIMITS
    step = _object(
        {
            "text": _text("apa yang terjadi pada langkah ini (Markdown)"),  # i18n: ignore
            "choices": {
                "type": "array",
                "minItems": low,
                "maxItems": high,
                "items": {"$ref": "#/definitions/choice"},
            },
        },
        ("text", "choices"),
    )
    question_props: dict[str, Any] = {
        "id": _id("id soal, unik dalam bank; progres disimpan per id"),  # i18n: ignore
        "type": {"enum": list(TYPE_PROPS), "description": "jenis soal"},  # i18n: ignore
        "prompt": _text("pertanyaan (Markdown)"),  # i18n: ignore shipped schema
        "context": _text(
            "kasus atau situasi (Markdown); wajib untuk scenario dan branching"  # i18n: ignore
        ),
        "explanation": _text("penjelasan setelah menjawab (Markdown)"),  # i18n: ignore
        "lesson": _id("id pelajaran di modul bank ini"),  # i18n: ignore shipped schema
        "tags": _ids("tag (id)"),  # i18n: ignore shipped schema
        "difficulty": {
            "enum": [1, 2, 3],
            "description": "1 mudah, 2 sedang, 3 sulit",  # i18n: ignore shipped schema
        },
        "sources": _ids("id sumber dari modul bank ini"),  # i18n: ignore shipped schema
        "options": {"type": "array", "description": "opsi jawaban"},  # i18n: ignore shipped schema
        "answer": {
            "type": "boolean",
            "description": "true_false: pernyataan benar atau salah",  # i18n: ignore shipped schema
        },
        "feedback_true": {
            "type": "string",
            "description": "ditampilkan bila menjawab Benar",  # i18n: ignore shipped schema
        },
        "feedback_false": {
            "type": "string",
            "description": "ditampilkan bila menjawab Salah",  # i18n: ignore shipped schema
        },
        "items": {
            "type": "array",
            "minItems": ITEM_LIMITS[0],
            "maxItems": ITEM_LIMITS[1],
            "items": {"type": "string", "pattern": "\\S"},
            "description": "ordering: langkah dalam urutan yang benar",  # i18n: ignore
        },
        "answers": {
            "type": "array",
            "minItems": ANSWER_LIMITS[0],
            "maxItems": ANSWER_LIMITS[1],
            "items": {"type": "string", "pattern": "\\S"},
            "description": "short_answer: jawaban yang diterima penuh",  # i18n: ignore
        },
        "partial": {
            "type": "array",
            "items": {"$ref": "#/definitions/partial"},
            "description": "short_answer: jawaban yang bernilai sebagian",  # i18n: ignore
        },
        "tolerance": {
            "enum": [0, 1],
            "description": (
                "short_answer: 1 menerima salah ketik satu huruf "
                "(kata >= 6 huruf)"  # i18n: ignore shipped schema
            ),
        },
        "feedback_wrong": {
            "type": "string",
            "description": "short_answer: ditampilkan bila jawaban bernilai 0",  # i18n: ignore
        },
        "pairs": {
            "type": "array",
            "minItems": PAIR_LIMITS[0],
            "maxItems": PAIR_LIMITS[1],
            "items": {"$ref": "#/definitions/pair"},
            "description": "matching: pasangan kiri-kanan",  # i18n: ignore shipped schema
        },
        "distractors": {
            "type": "array",
            "maxItems": DISTRACTOR_MAX,
            "items": {"type": "string", "pattern": "\\S"},
            "description": (
                "matching: pilihan kanan tambahan yang tidak berpasangan"  # i18n: ignore
            ),
        },
        "start": _id("branching: id langkah pertama"),  # i18n: ignore shipped schema
        "steps": {
            "type": "object",
            "minProperties": 1,
            "propertyNames": {"pattern": ID_REGEX},
            "additionalProperties": {"$ref": "#/definitions/step"},
            "description": "branching: langkah-langkah, id -> langkah",  # i18n: ignore
        },
    }
    partial = _object(
        {
            "answer": _text("jawaban yang bernilai sebagian"),  # i18n: ignore shipped schema
            "share": {
                "type": "number",
                "exclusiveMinimum": 0,
                "exclusiveMaximum": 1,
                "description": "bagian nilai, lebih dari 0 dan kurang dari 1",  # i18n: ignore
            },
        },
        PARTIAL_PROPS,
    )
    pair = _object(
        {"left": _text("butir kiri"), "right": _text("pasangannya di kanan")},  # i18n: ignore
        PAIR_PROPS,
    )
    question = _object(question_props, ("id", "type", "prompt", "explanation"))
    question["allOf"] = [_type_rule(qtype) for qtype in TYPE_PROPS]
    schema = _object(
        {
            "schema": {"const": "latsar/bank@1", "description": "versi format"},  # i18n: ignore
            "id": _id("id bank, unik di semua folder konten"),  # i18n: ignore shipped schema
            "title": _text("judul bank soal"),  # i18n: ignore shipped schema
            "module": _id("id modul yang terkait (opsional)"),  # i18n: ignore shipped schema
            "description": {
                "type": "string",
                "description": "keterangan (teks biasa)",  # i18n: ignore shipped schema
            },
            "pass_mark": {"type": "integer", "minimum": 1, "maximum": 100, "default": 70},
            "time_limit_minutes": {"type": "integer", "minimum": 1},
            "questions": {
                "type": "array",
                "minItems": 1,
                "items": {"$ref": "#/definitions/question"},
            },
        },
        ("schema", "id", "title", "questions"),
    )
    return {
        "$schema": DRAFT_07,
        "$id": "urn:latsar:schema:bank-1",
        "title": "Latsar TUI: bank soal (latsar/bank@1)",  # i18n: ignore shipped schema
        **schema,
        "definitions": {
            "id": {"type": "string", "pattern": ID_REGEX},
            "question": question,
            "option": option,
            "scenario_option": scenario_option,
            "step": step,
            "choice": choice,
            "partial": partial,
            "pair": pair,
        },
    }


def build_schema(kind: SchemaKind) -> dict[str, Any]:
    """The schema of one kind of content file."""
    return module_schema() if kind == "module" else bank_schema()


def schema_text(kind: SchemaKind) -> str:
    """The schema as the shipped file holds it (indented JSON, trailing newline)."""
    return json.dumps(build_schema(kind), ensure_ascii=False, indent=2) + "\n"


def schema_path(kind: SchemaKind) -> Path:
    """The shipped schema file of one kind."""
    return schema_dir() / f"{kind}-1.json"


def shipped_schema_text(kind: SchemaKind) -> str:
    """The shipped file's text, or the built one if the file is missing (source tree)."""
    path = schema_path(kind)
    if path.is_file():
        return path.read_text(encoding="utf-8")
    return schema_text(kind)


def write_schema_files(folder: Path | None = None) -> list[Path]:
    """Write both schema files (used to refresh the shipped copies)."""
    target = folder or schema_dir()
    target.mkdir(parents=True, exist_ok=True)
    written = []
    kinds: tuple[SchemaKind, ...] = ("module", "bank")
    for kind in kinds:
        path = target / f"{kind}-1.json"
        path.write_text(schema_text(kind), encoding="utf-8")
        written.append(path)
    return written

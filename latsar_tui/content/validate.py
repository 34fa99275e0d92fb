"""Turn a composed YAML tree into a Module or Bank, with a finding for every broken rule.

This is the content contract (``content-format.md``) in code. Each kind of finding has
a stable code, listed in ``CODES``; messages follow the contract's examples (one line,
naming the field and what was expected), written in Indonesian and translated through
gettext like the rest of the interface; the codes themselves are never translated.
Positions come from the node tree and point at the offending key or value.

Decisions the contract leaves open: every explicit YAML tag is an error, ``!!str``
included; an optional field written with no value (``context:``) counts as absent,
a required one is an error; the ``missing-lesson`` and ``missing-sources`` warnings
are given only in a bank that names its module (without one they cannot be
followed); ``duplicate-prompt`` compares prompt and context together, since scenario
items share prompts like "Apa yang Anda lakukan?" and differ in their situation.

Rules that need other files (a bank's module, lessons and sources of that module, ids
used by two files) are checked by the loader: validation here returns the references
it saw, with their positions, so the loader can resolve them once every file is read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from collections.abc import Mapping as MappingABC
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

from latsar_tui.content.itemwriting import (
    MAX_MORE_COUNTED,
    bank_flaws,
    markup_in,
    similar_pairs,
)
from latsar_tui.content.model import (
    AGENDAS,
    BANK_SCHEMA,
    DEFAULT_LANGUAGE,
    DEFAULT_PASS_MARK,
    MODULE_SCHEMA,
    Bank,
    BranchChoice,
    BranchingQuestion,
    BranchStep,
    ChoiceOption,
    Finding,
    Lesson,
    MatchingQuestion,
    MatchPair,
    Module,
    MultipleQuestion,
    OrderingQuestion,
    PartialAnswer,
    Question,
    QuestionType,
    ScenarioOption,
    ScenarioQuestion,
    Severity,
    ShortAnswerQuestion,
    SingleQuestion,
    Source,
    TrueFalseQuestion,
)
from latsar_tui.content.suggest import did_you_mean
from latsar_tui.content.yamlnodes import Mapping, Node, Problem, Scalar, Sequence, describe
from latsar_tui.i18n import N_, _, ngettext
from latsar_tui.quiz.typed_answers import normalise

Kind = Literal["module", "bank"]

# Every finding code, with what it means (a trainer may read it: N_ here, _ at use, so
# importing this table early freezes no language). Tests check each has a fixture.
CODES: dict[str, str] = {
    # reading the file
    "not-utf8": N_("file ini bukan teks UTF-8"),
    "empty-file": N_("file ini tidak berisi konten YAML"),
    "yaml-syntax": N_("file ini bukan YAML yang sah"),
    "yaml-tab": N_("karakter tab dipakai untuk indentasi"),
    "yaml-tag": N_("tag YAML (!!python/..., !tag, !!str) dipakai"),
    "alias-bomb": N_("alias dijabarkan melewati batas ukuran, atau ke dirinya sendiri"),
    "file-too-large": N_("file lebih dari 50 MB"),
    "text-too-long": N_("satu field teks lebih dari 20.000 karakter"),
    "too-many-nodes": N_("dokumen memuat lebih dari 2.000.000 simpul YAML tanpa alias"),
    "duplicate-key": N_("sebuah mapping menulis satu field dua kali"),
    "unreadable": N_("file tidak dapat dibaca (izin akses, file yang hilang)"),
    "not-a-mapping": N_("tingkat teratas file bukan mapping"),
    # shape of the document
    "bad-schema": N_("'schema' bukan versi yang diperlukan jenis file ini"),
    "missing-field": N_("field wajib tidak ada"),
    "unknown-field": N_("kunci yang bukan field di tempat ini"),
    "wrong-type": N_("nilai berjenis salah (teks, angka, benar/salah, daftar, mapping)"),
    "empty-text": N_("field teks wajib kosong"),
    "empty-list": N_("daftar atau mapping wajib tidak berisi apa pun"),
    "bad-id": N_("id yang tidak mengikuti pola id"),
    "duplicate-id": N_("id dipakai dua kali dalam satu file"),
    "bad-agenda": N_("agenda bukan salah satu dari I, II, III, IV"),
    "bad-language": N_("language bukan kode bahasa BCP-47"),
    "out-of-range": N_("angka di luar rentang yang diizinkan"),
    "unknown-type": N_("jenis soal yang tidak ada"),
    # question types
    "option-count": N_("opsi terlalu sedikit atau terlalu banyak untuk jenis soalnya"),
    "single-correct": N_("soal single yang tidak punya tepat satu opsi benar"),
    "multiple-correct": N_("soal multiple tanpa satu pun opsi benar"),
    "scenario-best": N_("soal scenario tanpa opsi bernilai 5"),
    "scenario-score-repeated": N_("dua opsi soal scenario bernilai sama"),
    "item-count": N_("soal ordering yang tidak punya 3 sampai 8 butir"),
    "choice-count": N_("langkah branching yang tidak punya 2 sampai 5 pilihan"),
    "branching-start": N_("'start' tidak menyebut langkah yang ada"),
    "branching-dangling-next": N_("'next' tidak menyebut langkah yang ada"),
    "branching-unreachable": N_("sebuah langkah tidak bisa dicapai dari langkah awal"),
    "branching-cycle": N_("langkah-langkah sebuah kasus branching membentuk putaran"),
    "answer-count": N_("soal short_answer yang tidak punya 1 sampai 10 jawaban yang diterima"),
    "empty-answer": N_("jawaban yang diterima atau jawaban parsial soal short_answer kosong"),
    "duplicate-answer": N_("dua jawaban soal short_answer sama setelah dinormalkan"),
    "pair-count": N_(
        "soal matching yang tidak punya 3 sampai 8 pasangan, atau punya lebih dari 4 pengecoh"
    ),
    "duplicate-pair-side": N_(
        "dua sisi kiri soal matching, atau sebuah pengecoh dan sebuah sisi kanan, sama"
    ),
    # references
    "needs-module": N_("'lesson' atau 'sources' pada soal di bank tanpa modul"),
    "unknown-module": N_("modul sebuah bank tidak ada"),
    "unknown-lesson": N_("id pelajaran yang tidak ada di modul"),
    "unknown-source": N_("id sumber yang tidak ada di modul"),
    "id-clash": N_("dua file (di root mana pun) memakai id modul atau bank yang sama"),
    "unread-file": N_(
        "file di modules/ atau question_banks/ yang tidak pernah dibaca aplikasi (peringatan)"
    ),
    # warnings
    "missing-lesson": N_("soal tidak menyebut pelajaran (peringatan)"),
    "missing-sources": N_("soal tidak mengutip sumber (peringatan)"),
    "duplicate-prompt": N_("dua soal sebuah bank punya prompt yang sama (peringatan)"),
    # item writing: cues that let a learner score without knowing the answer
    "duplicate-option": N_("dua opsi (butir, pilihan) satu soal bertulisan sama"),
    "keyed-longest": N_(
        "opsi kunci adalah yang terpanjang pada lebih dari 40 persen soal sebuah bank (peringatan)"
    ),
    "true-false-balance": N_(
        "lebih dari 70 persen jawaban true_false sebuah bank searah (peringatan)"
    ),
    "multiple-same-count": N_(
        "setiap soal multiple punya jumlah opsi benar yang sama (peringatan)"
    ),
    "similar-question": N_(
        "dua soal yang context dan prompt-nya paling sedikit 90 persen mirip (peringatan)"
    ),
    "html-markup": N_("tag atau entitas HTML dalam field teks (peringatan)"),
}


def code_description(code: str) -> str:
    """What finding ``code`` means, in the interface language."""
    return _(CODES[code])


WARNING_CODES = frozenset(
    {
        "missing-lesson",
        "missing-sources",
        "duplicate-prompt",
        "unread-file",
        "keyed-longest",
        "true-false-balance",
        "multiple-same-count",
        "similar-question",
        "html-markup",
    }
)

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
# A pragmatic BCP-47 shape: language, then subtags (region, script, variants).
LANGUAGE_PATTERN = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")

ID_RULE = N_("pakai 1 sampai 64 huruf kecil, angka, '.', '_' atau '-', diawali huruf atau angka")

OPTION_LIMITS: dict[QuestionType, tuple[int, int]] = {
    QuestionType.SINGLE: (2, 6),
    QuestionType.MULTIPLE: (2, 8),
    QuestionType.SCENARIO: (2, 6),
}
ITEM_LIMITS = (3, 8)
CHOICE_LIMITS = (2, 5)
ANSWER_LIMITS = (1, 10)
PAIR_LIMITS = (3, 8)
DISTRACTOR_MAX = 4

MODULE_FIELDS: tuple[str, ...] = ("schema", "id", "title", "summary", "agenda", "order")
MODULE_FIELDS += ("language", "sources", "lessons")
MODULE_REQUIRED = ("schema", "id", "title", "summary", "lessons")
SOURCE_FIELDS = ("id", "title", "url")
SOURCE_REQUIRED = ("id", "title")
LESSON_FIELDS = ("id", "title", "body", "key_points", "sources")
LESSON_REQUIRED = ("id", "title", "body")
BANK_FIELDS: tuple[str, ...] = ("schema", "id", "title", "module", "description")
BANK_FIELDS += ("pass_mark", "time_limit_minutes", "questions")
BANK_REQUIRED = ("schema", "id", "title", "questions")
QUESTION_COMMON: tuple[str, ...] = (
    "id",
    "type",
    "prompt",
    "context",
    "explanation",
    "lesson",
    "tags",
)
QUESTION_COMMON += ("difficulty", "sources")
QUESTION_REQUIRED = ("id", "type", "prompt", "explanation")
TYPE_FIELDS: dict[QuestionType, tuple[str, ...]] = {
    QuestionType.SINGLE: ("options",),
    QuestionType.MULTIPLE: ("options",),
    QuestionType.TRUE_FALSE: ("answer", "feedback_true", "feedback_false"),
    QuestionType.SCENARIO: ("options",),
    QuestionType.ORDERING: ("items",),
    QuestionType.BRANCHING: ("start", "steps"),
    QuestionType.SHORT_ANSWER: ("answers", "partial", "tolerance", "feedback_wrong"),
    QuestionType.MATCHING: ("pairs", "distractors"),
}
TYPE_REQUIRED: dict[QuestionType, tuple[str, ...]] = {
    QuestionType.SINGLE: ("options",),
    QuestionType.MULTIPLE: ("options",),
    QuestionType.TRUE_FALSE: ("answer",),
    QuestionType.SCENARIO: ("context", "options"),
    QuestionType.ORDERING: ("items",),
    QuestionType.BRANCHING: ("context", "start", "steps"),
    QuestionType.SHORT_ANSWER: ("answers",),
    QuestionType.MATCHING: ("pairs",),
}
TYPE_NOUN: dict[QuestionType, str] = {
    QuestionType.SINGLE: N_("soal single"),
    QuestionType.MULTIPLE: N_("soal multiple"),
    QuestionType.TRUE_FALSE: N_("soal true_false"),
    QuestionType.SCENARIO: N_("soal scenario"),
    QuestionType.ORDERING: N_("soal ordering"),
    QuestionType.BRANCHING: N_("soal branching"),
    QuestionType.SHORT_ANSWER: N_("soal short_answer"),
    QuestionType.MATCHING: N_("soal matching"),
}
CHOICE_OPTION_FIELDS = ("text", "correct", "feedback")
SCENARIO_OPTION_FIELDS = ("text", "score", "feedback")
STEP_FIELDS = ("text", "choices")
BRANCH_CHOICE_FIELDS = ("text", "score", "feedback", "next")
BRANCH_CHOICE_REQUIRED = ("text", "score", "feedback")
PARTIAL_FIELDS = ("answer", "share")
PAIR_FIELDS = ("left", "right")

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference to another file's content, checked once every file is loaded."""

    kind: Literal["module", "lesson", "source"]
    value: str
    line: int
    column: int


@dataclass(slots=True)
class Checked:
    """What validating one document gave: the model (None on any error) and the rest."""

    kind: Kind
    path: str
    model: Module | Bank | None
    findings: list[Finding]
    references: list[Reference] = field(default_factory=list)
    id: str | None = None
    id_line: int = 1
    id_column: int = 1

    @property
    def has_errors(self) -> bool:
        """Whether any finding is an error."""
        return any(f.severity is Severity.ERROR for f in self.findings)


def problem_finding(path: str, problem: Problem) -> Finding:
    """A YAML-level problem as a finding of the file at ``path``."""
    return make_finding(path, problem.line, problem.column, problem.code, problem.message)


def make_finding(path: str, line: int, column: int, code: str, message: str) -> Finding:
    """A finding whose severity follows from its code."""
    assert code in CODES, code
    severity = Severity.WARNING if code in WARNING_CODES else Severity.ERROR
    return Finding(path, line, column, severity, code, message)


def validate_tree(
    root: Node, path: str, kind: Kind | None = None, file: Path | None = None
) -> Checked:
    """Validate one composed document. ``kind`` comes from the folder; None: from 'schema'."""
    checker = _Checker(path)
    if not isinstance(root, Mapping):
        checker.error(
            root,
            "not-a-mapping",
            _(
                "tingkat teratas file konten harus berupa kumpulan field (mapping), "
                "ditemukan {found}"
            ).format(found=describe(root)),
        )
        return Checked(kind or "bank", path, None, checker.findings)
    kind, other = checker.schema(root, kind)
    if other:
        # A bank in modules/ (or the reverse): every other finding would be noise.
        return Checked(kind, path, None, checker.findings)
    if kind == "module":
        return checker.module(root, file)
    return checker.bank(root, file)


def check_references(
    checked: Checked,
    modules: MappingABC[str, Module],
    broken_modules: MappingABC[str, str],
) -> list[Finding]:
    """Findings for a bank's references to its module, its lessons and its sources.

    ``broken_modules`` maps the id of a module that failed validation to its file: such a
    module exists, so naming it is no error, but its lessons cannot be checked (its own
    file's errors are reported anyway).
    """
    path = checked.path
    found: list[Finding] = []
    module: Module | None = None
    for ref in checked.references:
        if ref.kind == "module":
            module = modules.get(ref.value)
            if module is None and ref.value not in broken_modules:
                found.append(
                    make_finding(
                        path,
                        ref.line,
                        ref.column,
                        "unknown-module",
                        _("tidak ada modul dengan id '{id}'").format(id=ref.value)
                        + did_you_mean(ref.value, list(modules) + list(broken_modules)),
                    )
                )
        elif module is not None:
            if ref.kind == "lesson" and module.lesson(ref.value) is None:
                found.append(
                    make_finding(
                        path,
                        ref.line,
                        ref.column,
                        "unknown-lesson",
                        _("modul '{module}' tidak punya pelajaran '{id}'").format(
                            module=module.id, id=ref.value
                        )
                        + did_you_mean(ref.value, (lesson.id for lesson in module.lessons)),
                    )
                )
            elif ref.kind == "source" and module.source(ref.value) is None:
                found.append(
                    make_finding(
                        path,
                        ref.line,
                        ref.column,
                        "unknown-source",
                        _("modul '{module}' tidak punya sumber '{id}'").format(
                            module=module.id, id=ref.value
                        )
                        + did_you_mean(ref.value, (source.id for source in module.sources)),
                    )
                )
    return found


class _Checker:
    """Collects findings for one file while it builds the model."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.findings: list[Finding] = []
        self.errors = 0
        # question id -> its prompt's node, where a finding about the question points
        self.prompt_nodes: dict[str, Node] = {}

    # --- reporting ------------------------------------------------------------------

    def error(self, node: Node, code: str, message: str) -> None:
        self.findings.append(make_finding(self.path, node.line, node.column, code, message))
        if code not in WARNING_CODES:
            self.errors += 1

    # --- generic fields -------------------------------------------------------------

    def fields(
        self,
        mapping: Mapping,
        noun: str,
        allowed: Iterable[str],
        required: Iterable[str],
    ) -> dict[str, tuple[Scalar, Node]]:
        """The mapping's fields by name; reports unknown, non-text and missing keys."""
        allowed = tuple(allowed)
        result: dict[str, tuple[Scalar, Node]] = {}
        for key, value in mapping.pairs:
            if not isinstance(key, Scalar) or not isinstance(key.value, str):
                self.error(
                    key,
                    "wrong-type",
                    _("nama field harus berupa teks, ditemukan {found}").format(
                        found=describe(key)
                    ),
                )
                continue
            name = key.value
            if name not in allowed:
                self.error(
                    key,
                    "unknown-field",
                    _("'{name}' bukan field {noun}").format(name=name, noun=noun)
                    + did_you_mean(name, allowed),
                )
                continue
            result[name] = (key, value)
        for name in required:
            if name not in result:
                self.error(
                    mapping,
                    "missing-field",
                    _("{noun} memerlukan field '{name}'").format(noun=noun, name=name),
                )
        return result

    @staticmethod
    def present(fields: dict[str, tuple[Scalar, Node]], name: str) -> Node | None:
        """The value node of an optional field; a null value counts as absent."""
        entry = fields.get(name)
        if entry is None:
            return None
        value = entry[1]
        if isinstance(value, Scalar) and value.value is None:
            return None
        return value

    def text(self, fields: dict[str, tuple[Scalar, Node]], name: str, required: bool) -> str | None:
        """A text field's value. Required text may not be empty or null."""
        entry = fields.get(name)
        if entry is None:
            return None
        value = entry[1]
        if isinstance(value, Scalar) and value.value is None:
            if required:
                # Text that starts with '#' is a comment to YAML, so the field ends empty.
                self.error(
                    value,
                    "empty-text",
                    _(
                        "'{name}' kosong; tuliskan teksnya (teks yang diawali '#' dibaca YAML "
                        "sebagai komentar: beri tanda kutip)"
                    ).format(name=name),
                )
            return None
        if not isinstance(value, Scalar) or not isinstance(value.value, str):
            hint = _(" (beri tanda kutip agar menjadi teks)") if isinstance(value, Scalar) else ""
            self.error(
                value,
                "wrong-type",
                _("'{name}' harus berupa teks, ditemukan {found}").format(
                    name=name, found=describe(value)
                )
                + hint,
            )
            return None
        if required and not value.value.strip():
            self.error(
                value, "empty-text", _("'{name}' kosong; tuliskan teksnya").format(name=name)
            )
            return None
        self.markup(value, value.value, f"'{name}'")
        return value.value

    def markup(self, node: Node, text: str, what: str) -> None:
        """Warn about HTML left in text (imports leave it); it would reach learners raw."""
        found = markup_in(text)
        if found is not None:
            self.error(
                node,
                "html-markup",
                _(
                    "{what} memuat markup HTML {found}; tulis teks biasa (peserta akan melihat "
                    "markup itu apa adanya)"
                ).format(what=what, found=repr(found)),
            )

    def distinct(self, texts: list[tuple[str, Node]], what: str) -> None:
        """Report a text that repeats an earlier one of the same question."""
        seen: dict[str, Node] = {}
        for text, node in texts:
            normal = " ".join(text.split()).casefold()
            first = seen.get(normal)
            if first is not None:
                self.error(
                    node,
                    "duplicate-option",
                    _(
                        "teks {what} ini sama dengan {what} di baris {line}; "
                        "masing-masing harus menyatakan hal yang berbeda"
                    ).format(what=what, line=first.line),
                )
            else:
                seen[normal] = node

    def null_required(self, fields: dict[str, tuple[Scalar, Node]], name: str, kind: str) -> None:
        """Report a required field written with no value (``score:``); it is not absent."""
        entry = fields.get(name)
        if entry is not None and isinstance(entry[1], Scalar) and entry[1].value is None:
            self.error(
                entry[1],
                "wrong-type",
                _("'{name}' harus berupa {kind}, ditemukan kosong (null)").format(
                    name=name, kind=kind
                ),
            )

    def integer(
        self, fields: dict[str, tuple[Scalar, Node]], name: str, required: bool = False
    ) -> tuple[int, Node] | None:
        value = self.present(fields, name)
        if value is None:
            if required:
                self.null_required(fields, name, _("bilangan bulat"))
            return None
        if (
            not isinstance(value, Scalar)
            or isinstance(value.value, bool)
            or not isinstance(value.value, int)
        ):
            self.error(
                value,
                "wrong-type",
                _("'{name}' harus berupa bilangan bulat, ditemukan {found}").format(
                    name=name, found=describe(value)
                ),
            )
            return None
        return value.value, value

    def in_range(
        self,
        fields: dict[str, tuple[Scalar, Node]],
        name: str,
        low: int,
        high: int | None,
        required: bool = False,
    ) -> int | None:
        got = self.integer(fields, name, required)
        if got is None:
            return None
        number, node = got
        if number < low or (high is not None and number > high):
            allowed = (
                _("{low} sampai {high}").format(low=low, high=high)
                if high is not None
                else _("{low} atau lebih").format(low=low)
            )
            self.error(
                node,
                "out-of-range",
                _("'{name}' harus {allowed}, ditemukan {number}").format(
                    name=name, allowed=allowed, number=number
                ),
            )
            return None
        return number

    def boolean(self, fields: dict[str, tuple[Scalar, Node]], name: str) -> bool | None:
        value = self.present(fields, name)
        if value is None:
            return None
        if not isinstance(value, Scalar) or not isinstance(value.value, bool):
            self.error(
                value,
                "wrong-type",
                _("'{name}' harus true atau false, ditemukan {found}").format(
                    name=name, found=describe(value)
                ),
            )
            return None
        return value.value

    def ident_node(self, node: Node, what: str) -> str | None:
        """An id value: text matching the id pattern."""
        if not isinstance(node, Scalar) or not isinstance(node.value, str):
            hint = _(" (beri tanda kutip)") if isinstance(node, Scalar) else ""
            self.error(
                node,
                "wrong-type",
                _("{what} harus berupa id (teks), ditemukan {found}").format(
                    what=what, found=describe(node)
                )
                + hint,
            )
            return None
        if not ID_PATTERN.fullmatch(node.value):
            self.error(
                node,
                "bad-id",
                _("'{value}' bukan {what} yang sah: {rule}").format(
                    value=node.value, what=what, rule=_(ID_RULE)
                ),
            )
            return None
        return node.value

    def ident(
        self, fields: dict[str, tuple[Scalar, Node]], name: str, what: str, required: bool = False
    ) -> tuple[str, Node] | None:
        value = fields.get(name, (None, None))[1]
        if value is None:
            return None
        if not required and isinstance(value, Scalar) and value.value is None:
            return None
        ident = self.ident_node(value, what)
        return None if ident is None else (ident, value)

    def sequence(
        self, fields: dict[str, tuple[Scalar, Node]], name: str, required: bool = False
    ) -> Sequence | None:
        value = fields.get(name, (None, None))[1]
        if value is None:
            return None
        if isinstance(value, Scalar) and value.value is None and not required:
            return None
        if not isinstance(value, Sequence):
            self.error(
                value,
                "wrong-type",
                _("'{name}' harus berupa daftar, ditemukan {found}").format(
                    name=name, found=describe(value)
                ),
            )
            return None
        if required and not value.items:
            self.error(
                value,
                "empty-list",
                _("'{name}' memerlukan paling sedikit satu butir").format(name=name),
            )
            return None
        return value

    def text_list(self, fields: dict[str, tuple[Scalar, Node]], name: str) -> list[str] | None:
        seq = self.sequence(fields, name)
        if seq is None:
            return None
        result: list[str] = []
        for item in seq.items:
            if not isinstance(item, Scalar) or not isinstance(item.value, str):
                self.error(
                    item,
                    "wrong-type",
                    _("setiap butir '{name}' harus berupa teks, ditemukan {found}").format(
                        name=name, found=describe(item)
                    ),
                )
            elif not item.value.strip():
                self.error(
                    item,
                    "empty-text",
                    _("sebuah butir '{name}' kosong; tuliskan teksnya").format(name=name),
                )
            else:
                self.markup(item, item.value, _("butir '{name}'").format(name=name))
                result.append(item.value)
        if name == "items":
            self.distinct(
                [
                    (i.value, i)
                    for i in seq.items
                    if isinstance(i, Scalar) and isinstance(i.value, str)
                ],
                _("butir"),
            )
        return result

    def id_list(
        self, fields: dict[str, tuple[Scalar, Node]], name: str, what: str
    ) -> list[tuple[str, Node]] | None:
        seq = self.sequence(fields, name)
        if seq is None:
            return None
        result: list[tuple[str, Node]] = []
        for item in seq.items:
            ident = self.ident_node(item, what)
            if ident is not None:
                result.append((ident, item))
        return result

    def mapping_items(
        self, seq: Sequence, noun: str, build: Callable[[Mapping], T | None]
    ) -> list[T]:
        """Build each entry of a list of mappings; non-mappings are reported."""
        result: list[T] = []
        for item in seq.items:
            if not isinstance(item, Mapping):
                self.error(
                    item,
                    "wrong-type",
                    _("setiap butir harus berupa {noun} (mapping), ditemukan {found}").format(
                        noun=noun, found=describe(item)
                    ),
                )
                continue
            built = build(item)
            if built is not None:
                result.append(built)
        return result

    def unique(self, seen: dict[str, Node], ident: str, node: Node, what: str, where: Kind) -> None:
        """Report an id used twice; ``what`` names the id ("id sumber"), translated."""
        first = seen.get(ident)
        if first is not None:
            # One sentence per place: "modul"/"bank" glued in would not translate.
            template = (
                _("{what} '{ident}' dipakai dua kali dalam modul ini (pertama di baris {line})")
                if where == "module"
                else _("{what} '{ident}' dipakai dua kali dalam bank ini (pertama di baris {line})")
            )
            self.error(
                node,
                "duplicate-id",
                template.format(what=what, ident=ident, line=first.line),
            )
        else:
            seen[ident] = node

    # --- schema ---------------------------------------------------------------------

    def schema(self, root: Mapping, kind: Kind | None) -> tuple[Kind, bool]:
        """Check 'schema' and settle whether the file is a module or a bank.

        The flag says the file declares the other kind than its folder holds.
        """
        node = next(
            (v for k, v in root.pairs if isinstance(k, Scalar) and k.value == "schema"), None
        )
        value = node.value if isinstance(node, Scalar) else None
        declared: Kind | None = (
            "module" if value == MODULE_SCHEMA else "bank" if value == BANK_SCHEMA else None
        )
        if kind is None:
            if declared is not None:
                kind = declared
            else:
                keys = {k.value for k, _v in root.pairs if isinstance(k, Scalar)}
                kind = "module" if "lessons" in keys and "questions" not in keys else "bank"
        expected = MODULE_SCHEMA if kind == "module" else BANK_SCHEMA
        if node is not None and value != expected:
            if declared is not None:
                where = "modules/" if kind == "module" else "question_banks/"
                message = _(
                    "'schema' berisi '{value}', padahal file di {where} harus berisi '{expected}'"
                ).format(value=value, where=where, expected=expected)
            else:
                message = _("'schema' harus '{expected}', ditemukan {found}").format(
                    expected=expected,
                    found=f"'{value}'" if isinstance(value, str) else describe(node),
                )
            self.error(node, "bad-schema", message)
        return kind, node is not None and declared is not None and declared != kind

    # --- modules --------------------------------------------------------------------

    def module(self, root: Mapping, file: Path | None) -> Checked:
        f = self.fields(root, _("modul"), MODULE_FIELDS, MODULE_REQUIRED)
        ident = self.ident(f, "id", _("id modul"), required=True)
        title = self.text(f, "title", True)
        summary = self.text(f, "summary", True)
        agenda_node = self.present(f, "agenda")
        agenda: str | None = None
        if agenda_node is not None:
            if isinstance(agenda_node, Scalar) and agenda_node.value in AGENDAS:
                agenda = str(agenda_node.value)
            else:
                shown = (
                    f"'{agenda_node.value}'"
                    if isinstance(agenda_node, Scalar) and isinstance(agenda_node.value, str)
                    else describe(agenda_node)
                )
                self.error(
                    agenda_node,
                    "bad-agenda",
                    _(
                        "'agenda' harus salah satu dari I, II, III, IV (dalam tanda kutip), "
                        "ditemukan {found}"
                    ).format(found=shown),
                )
        order = self.integer(f, "order")
        language = DEFAULT_LANGUAGE
        if self.present(f, "language") is not None:
            got = self.text(f, "language", False)
            if got is not None:
                if LANGUAGE_PATTERN.fullmatch(got):
                    language = got
                else:
                    self.error(
                        f["language"][1],
                        "bad-language",
                        _(
                            "'language' harus kode bahasa seperti 'id' atau 'en', ditemukan '{got}'"
                        ).format(got=got),
                    )
        sources: list[Source] = []
        source_ids: dict[str, Node] = {}
        seq = self.sequence(f, "sources")
        if seq is not None:
            sources = self.mapping_items(seq, _("sumber"), lambda m: self.source(m, source_ids))
        lessons: list[Lesson] = []
        lesson_ids: dict[str, Node] = {}
        seq = self.sequence(f, "lessons", required=True)
        if seq is not None:
            lessons = self.mapping_items(
                seq, _("pelajaran"), lambda m: self.lesson(m, lesson_ids, source_ids)
            )
        checked = Checked("module", self.path, None, self.findings)
        if ident is not None:
            checked.id, checked.id_line, checked.id_column = (
                ident[0],
                ident[1].line,
                ident[1].column,
            )
        if self.errors == 0:
            assert ident is not None and title is not None and summary is not None
            checked.model = Module(
                id=ident[0],
                title=title,
                summary=summary,
                lessons=tuple(lessons),
                agenda=agenda,
                order=order[0] if order else None,
                language=language,
                sources=tuple(sources),
                path=file,
            )
        return checked

    def source(self, node: Mapping, seen: dict[str, Node]) -> Source | None:
        before = self.errors
        f = self.fields(node, _("sumber"), SOURCE_FIELDS, SOURCE_REQUIRED)
        ident = self.ident(f, "id", _("id sumber"), required=True)
        if ident is not None:
            self.unique(seen, ident[0], ident[1], _("id sumber"), "module")
        title = self.text(f, "title", True)
        url = self.text(f, "url", False) if self.present(f, "url") is not None else None
        if self.errors > before or ident is None or title is None:
            return None
        return Source(id=ident[0], title=title, url=url)

    def lesson(
        self, node: Mapping, seen: dict[str, Node], source_ids: dict[str, Node]
    ) -> Lesson | None:
        before = self.errors
        f = self.fields(node, _("pelajaran"), LESSON_FIELDS, LESSON_REQUIRED)
        ident = self.ident(f, "id", _("id pelajaran"), required=True)
        if ident is not None:
            self.unique(seen, ident[0], ident[1], _("id pelajaran"), "module")
        title = self.text(f, "title", True)
        body = self.text(f, "body", True)
        key_points = self.text_list(f, "key_points") or []
        cited = self.id_list(f, "sources", _("id sumber")) or []
        for source_id, source_node in cited:
            if source_id not in source_ids:
                self.error(
                    source_node,
                    "unknown-source",
                    _("modul ini tidak punya sumber '{id}'").format(id=source_id)
                    + did_you_mean(source_id, source_ids),
                )
        if self.errors > before or ident is None or title is None or body is None:
            return None
        return Lesson(
            id=ident[0],
            title=title,
            body=body,
            key_points=tuple(key_points),
            sources=tuple(source_id for source_id, _node in cited),
        )

    # --- banks ----------------------------------------------------------------------

    def bank(self, root: Mapping, file: Path | None) -> Checked:
        checked = Checked("bank", self.path, None, self.findings)
        f = self.fields(root, _("bank"), BANK_FIELDS, BANK_REQUIRED)
        ident = self.ident(f, "id", _("id bank"), required=True)
        if ident is not None:
            checked.id, checked.id_line, checked.id_column = (
                ident[0],
                ident[1].line,
                ident[1].column,
            )
        title = self.text(f, "title", True)
        module = self.ident(f, "module", _("id modul"))
        if module is not None:
            checked.references.append(
                Reference("module", module[0], module[1].line, module[1].column)
            )
        description = self.text(f, "description", False) if self.present(f, "description") else None
        pass_mark = self.in_range(f, "pass_mark", 1, 100)
        time_limit = self.in_range(f, "time_limit_minutes", 1, None)
        questions: list[Question] = []
        seq = self.sequence(f, "questions", required=True)
        if seq is not None:
            ids: dict[str, Node] = {}
            prompts: dict[str, tuple[str, Node]] = {}
            has_module = "module" in f and self.present(f, "module") is not None
            questions = self.mapping_items(
                seq,
                _("soal"),
                lambda m: self.question(m, ids, prompts, has_module, checked.references),
            )
            self.item_writing(f["questions"][0], questions)
        if self.errors == 0:
            assert ident is not None and title is not None
            checked.model = Bank(
                id=ident[0],
                title=title,
                questions=tuple(questions),
                module=module[0] if module else None,
                description=description,
                pass_mark=pass_mark if pass_mark is not None else DEFAULT_PASS_MARK,
                time_limit_minutes=time_limit,
                path=file,
            )
        return checked

    def item_writing(self, key: Node, questions: list[Question]) -> None:
        """The bank-wide item-writing checks (see :mod:`latsar_tui.content.itemwriting`)."""
        for flaw in bank_flaws(questions):
            self.error(key, flaw.code, flaw.message)
        for pair in similar_pairs(questions):
            counted = f"{pair.more}{'+' if pair.more >= MAX_MORE_COUNTED else ''}"
            more = (
                ngettext(
                    "; {counted} pasangan lain juga mirip",
                    "; {counted} pasangan lain juga mirip",
                    pair.more,
                ).format(counted=counted)
                if pair.more
                else ""
            )
            self.error(
                self.prompt_nodes.get(pair.second.id, key),
                "similar-question",
                _(
                    "soal '{second}' {ratio:.0%} mirip dengan soal '{first}' (context dan "
                    "prompt); peserta yang sudah melihat yang satu tahu jawaban yang lain, jadi "
                    "ubah situasinya atau gabungkan keduanya"
                ).format(second=pair.second.id, ratio=pair.ratio, first=pair.first.id)
                + more,
            )

    def question(
        self,
        node: Mapping,
        ids: dict[str, Node],
        prompts: dict[str, tuple[str, Node]],
        has_module: bool,
        references: list[Reference],
    ) -> Question | None:
        before = self.errors
        qtype = self._question_type(node)
        if qtype is None:
            allowed: tuple[str, ...] = QUESTION_COMMON + tuple(
                {name for names in TYPE_FIELDS.values() for name in names}
            )
            f = self.fields(node, _("soal"), allowed, QUESTION_REQUIRED)
        else:
            f = self.fields(
                node,
                _(TYPE_NOUN[qtype]),
                QUESTION_COMMON + TYPE_FIELDS[qtype],
                QUESTION_REQUIRED + TYPE_REQUIRED[qtype],
            )
        ident = self.ident(f, "id", _("id soal"), required=True)
        if ident is not None:
            self.unique(ids, ident[0], ident[1], _("id soal"), "bank")
        prompt = self.text(f, "prompt", True)
        context_required = qtype in (QuestionType.SCENARIO, QuestionType.BRANCHING)
        context = (
            self.text(f, "context", context_required)
            if context_required or self.present(f, "context") is not None
            else None
        )
        if prompt is not None:
            # Scenario items often share a prompt ("Apa yang Anda lakukan?") and differ
            # in their situation, so the context is part of what must not repeat.
            normal = " ".join(f"{context or ''} {prompt}".split()).casefold()
            first = prompts.get(normal)
            prompt_node = f["prompt"][1]
            if first is not None:
                self.error(
                    prompt_node,
                    "duplicate-prompt",
                    _(
                        "soal ini punya prompt (dan context) yang sama dengan soal "
                        "'{id}' di baris {line}"
                    ).format(id=first[0], line=first[1].line),
                )
            else:
                prompts[normal] = (ident[0] if ident else "?", prompt_node)
            if ident is not None:
                self.prompt_nodes[ident[0]] = prompt_node
        explanation = self.text(f, "explanation", True)
        lesson = self.ident(f, "lesson", _("id pelajaran"))
        sources = self.id_list(f, "sources", _("id sumber"))
        for name, given in (("lesson", lesson), ("sources", sources)):
            if given is not None and not has_module:
                self.error(
                    f[name][0],
                    "needs-module",
                    _(
                        "'{name}' merujuk ke modul bank, tetapi bank ini tidak menyebut "
                        "modul; tambahkan 'module: <id modul>' di bagian atas"
                    ).format(name=name),
                )
        if has_module:
            label = _("soal '{id}'").format(id=ident[0]) if ident else _("soal ini")
            # A lesson or sources given but wrong already has its error; no warning too.
            if lesson is None and self.present(f, "lesson") is None:
                self.error(
                    node,
                    "missing-lesson",
                    _(
                        "{label} tidak menyebut pelajaran; tambahkan 'lesson' agar peserta bisa "
                        "membaca materinya"
                    ).format(label=label),
                )
            elif lesson is not None:
                references.append(Reference("lesson", lesson[0], lesson[1].line, lesson[1].column))
            sources_node = self.present(f, "sources")
            if sources_node is None or (
                isinstance(sources_node, Sequence) and not sources_node.items
            ):
                self.error(
                    node,
                    "missing-sources",
                    _(
                        "{label} tidak mengutip sumber; tambahkan 'sources' agar peserta bisa "
                        "memeriksanya"
                    ).format(label=label),
                )
            else:
                references.extend(
                    Reference("source", sid, snode.line, snode.column)
                    for sid, snode in sources or ()
                )
        tags = self.id_list(f, "tags", _("tag")) or []
        difficulty = self.in_range(f, "difficulty", 1, 3)
        if qtype is None:
            return None
        common: dict[str, Any] = {
            "id": ident[0] if ident else "",
            "prompt": prompt or "",
            "explanation": explanation or "",
            "context": context,
            "lesson": lesson[0] if lesson else None,
            "tags": tuple(tag for tag, _node in tags),
            "difficulty": difficulty,
            "sources": tuple(sid for sid, _node in sources or ()),
            "line": node.line,
        }
        built = self._typed(qtype, f, common)
        if self.errors > before:
            return None
        return built

    def _question_type(self, node: Mapping) -> QuestionType | None:
        for key, value in node.pairs:
            if isinstance(key, Scalar) and key.value == "type":
                if isinstance(value, Scalar) and isinstance(value.value, str):
                    try:
                        return QuestionType(value.value)
                    except ValueError:
                        self.error(
                            value,
                            "unknown-type",
                            _(
                                "'{value}' bukan jenis soal (single, multiple, "
                                "true_false, scenario, ordering, branching, short_answer, "
                                "matching)"
                            ).format(value=value.value)
                            + did_you_mean(value.value, [t.value for t in QuestionType]),
                        )
                        return None
                self.error(
                    value,
                    "wrong-type",
                    _("'type' harus jenis soal, ditemukan {found}").format(found=describe(value)),
                )
                return None
        return None

    def _typed(
        self, qtype: QuestionType, f: dict[str, tuple[Scalar, Node]], common: dict[str, Any]
    ) -> Question | None:
        if qtype in (QuestionType.SINGLE, QuestionType.MULTIPLE):
            options = self._choice_options(qtype, f)
            if options is None:
                return None
            if qtype is QuestionType.SINGLE:
                return SingleQuestion(options=tuple(options), **common)
            return MultipleQuestion(options=tuple(options), **common)
        if qtype is QuestionType.TRUE_FALSE:
            answer = self.boolean(f, "answer")
            if "answer" in f and self.present(f, "answer") is None:
                self.error(
                    f["answer"][1],
                    "wrong-type",
                    _("'answer' harus true atau false, ditemukan kosong (null)"),
                )
            feedback_true = (
                self.text(f, "feedback_true", False) if self.present(f, "feedback_true") else None
            )
            feedback_false = (
                self.text(f, "feedback_false", False) if self.present(f, "feedback_false") else None
            )
            if answer is None:
                return None
            return TrueFalseQuestion(
                answer=answer, feedback_true=feedback_true, feedback_false=feedback_false, **common
            )
        if qtype is QuestionType.SCENARIO:
            scenario = self._scenario_options(f)
            return None if scenario is None else ScenarioQuestion(options=tuple(scenario), **common)
        if qtype is QuestionType.ORDERING:
            seq = self.sequence(f, "items", required=True)
            if seq is None:
                return None
            items = self.text_list(f, "items") or []
            low, high = ITEM_LIMITS
            if not low <= len(seq.items) <= high:
                self.error(
                    f["items"][0],
                    "item-count",
                    _(
                        "soal ordering memerlukan {low} sampai {high} butir, ditemukan {count}"
                    ).format(low=low, high=high, count=len(seq.items)),
                )
                return None
            return OrderingQuestion(items=tuple(items), **common)
        if qtype is QuestionType.SHORT_ANSWER:
            return self._short_answer(f, common)
        if qtype is QuestionType.MATCHING:
            return self._matching(f, common)
        return self._branching(f, common)

    def _typed_text(self, node: Node, what: str, answer: bool = False) -> str | None:
        """One plain-text entry (an answer, a side of a pair); empty is its own error.

        ``what`` is already translated; ``answer`` says the entry is a short answer's.
        """
        if not isinstance(node, Scalar) or not isinstance(node.value, str):
            hint = _(" (beri tanda kutip agar menjadi teks)") if isinstance(node, Scalar) else ""
            self.error(
                node,
                "wrong-type",
                _("{what} harus berupa teks, ditemukan {found}").format(
                    what=what, found=describe(node)
                )
                + hint,
            )
            return None
        text = node.value
        if not normalise(text):
            code = "empty-answer" if answer else "empty-text"
            self.error(node, code, _("{what} kosong; tulis teksnya").format(what=what))
            return None
        self.markup(node, text, what)
        return text

    def _short_answer(
        self, f: dict[str, tuple[Scalar, Node]], common: dict[str, Any]
    ) -> ShortAnswerQuestion | None:
        before = self.errors
        seen: dict[str, Node] = {}

        def remember(text: str, node: Node) -> None:
            normal = normalise(text)
            first = seen.get(normal)
            if first is not None:
                self.error(
                    node,
                    "duplicate-answer",
                    _(
                        "jawaban ini sama dengan jawaban di baris {line} bila huruf "
                        "besar/kecil, spasi, dan tanda baca akhir diabaikan; cukup tulis sekali"
                    ).format(line=first.line),
                )
            else:
                seen[normal] = node

        answers: list[str] = []
        seq = self.sequence(f, "answers", required=True)
        if seq is not None:
            low, high = ANSWER_LIMITS
            if not low <= len(seq.items) <= high:
                self.error(
                    f["answers"][0],
                    "answer-count",
                    _(
                        "soal short_answer butuh {low} sampai {high} jawaban yang diterima, "
                        "ada {count}"
                    ).format(low=low, high=high, count=len(seq.items)),
                )
            for item in seq.items:
                text = self._typed_text(item, _("jawaban di 'answers'"), answer=True)
                if text is not None:
                    answers.append(text)
                    remember(text, item)
        partial: list[PartialAnswer] = []
        partial_seq = self.sequence(f, "partial")
        if partial_seq is not None:

            def build(node: Mapping) -> PartialAnswer | None:
                pf = self.fields(node, _("jawaban parsial"), PARTIAL_FIELDS, PARTIAL_FIELDS)
                text = None
                if "answer" in pf:
                    text = self._typed_text(pf["answer"][1], _("jawaban di 'partial'"), answer=True)
                    if text is not None:
                        remember(text, pf["answer"][1])
                share = self._share(pf)
                if text is None or share is None:
                    return None
                return PartialAnswer(answer=text, share=share)

            partial = self.mapping_items(partial_seq, _("jawaban parsial"), build)
        tolerance = self.in_range(f, "tolerance", 0, 1)
        feedback_wrong = (
            self.text(f, "feedback_wrong", False) if self.present(f, "feedback_wrong") else None
        )
        if self.errors > before or seq is None:
            return None
        return ShortAnswerQuestion(
            answers=tuple(answers),
            partial=tuple(partial),
            tolerance=tolerance or 0,
            feedback_wrong=feedback_wrong,
            **common,
        )

    def _share(self, pf: dict[str, tuple[Scalar, Node]]) -> float | None:
        """A partial answer's share: a number strictly between 0 and 1."""
        entry = pf.get("share")
        if entry is None:
            return None
        node = entry[1]
        if (
            not isinstance(node, Scalar)
            or isinstance(node.value, bool)
            or not isinstance(node.value, int | float)
        ):
            self.error(
                node,
                "wrong-type",
                _("'share' harus berupa angka, ditemukan {found}").format(found=describe(node)),
            )
            return None
        if not 0 < node.value < 1:
            self.error(
                node,
                "out-of-range",
                _("'share' harus lebih dari 0 dan kurang dari 1, ditemukan {value}").format(
                    value=node.value
                ),
            )
            return None
        return float(node.value)

    def _matching(
        self, f: dict[str, tuple[Scalar, Node]], common: dict[str, Any]
    ) -> MatchingQuestion | None:
        before = self.errors
        lefts: dict[str, Node] = {}
        rights: dict[str, Node] = {}
        right_texts: dict[str, str] = {}

        def side(node: Node, seen: dict[str, Node], what: str) -> str | None:
            text = self._typed_text(node, what)
            if text is None:
                return None
            normal = " ".join(text.split()).casefold()
            first = seen.get(normal)
            if first is not None:
                self.error(
                    node,
                    "duplicate-pair-side",
                    _(
                        "teks {what} ini sama dengan yang di baris {line}; peserta tidak bisa "
                        "membedakannya"
                    ).format(what=what, line=first.line),
                )
            else:
                seen[normal] = node
            return text

        pairs: list[MatchPair] = []
        seq = self.sequence(f, "pairs", required=True)
        if seq is not None:
            low, high = PAIR_LIMITS
            if not low <= len(seq.items) <= high:
                self.error(
                    f["pairs"][0],
                    "pair-count",
                    _("soal matching butuh {low} sampai {high} pasangan, ada {count}").format(
                        low=low, high=high, count=len(seq.items)
                    ),
                )

            def build(node: Mapping) -> MatchPair | None:
                pf = self.fields(node, _("pasangan"), PAIR_FIELDS, PAIR_FIELDS)
                left = side(pf["left"][1], lefts, _("sisi kiri")) if "left" in pf else None
                # Two lefts may share a right (as in Moodle: each right is shown once);
                # only a distractor may not repeat a right, so rights are remembered here.
                right = self._typed_text(pf["right"][1], _("sisi kanan")) if "right" in pf else None
                if right is not None:
                    normal = " ".join(right.split()).casefold()
                    first = rights.get(normal)
                    if first is None:
                        rights[normal] = pf["right"][1]
                        right_texts[normal] = right
                    elif right != right_texts[normal]:
                        # A shared right is one item on screen: written the same each time.
                        self.error(
                            pf["right"][1],
                            "duplicate-pair-side",
                            _(
                                "sisi kanan ini hampir sama dengan yang di baris {line}; "
                                "bila dua butir kiri berpasangan dengan satu jawaban, tulis "
                                "teksnya persis sama"
                            ).format(line=first.line),
                        )
                if left is None or right is None:
                    return None
                return MatchPair(left=left, right=right)

            pairs = self.mapping_items(seq, _("pasangan"), build)
        distractors: list[str] = []
        extra = self.sequence(f, "distractors")
        if extra is not None:
            if len(extra.items) > DISTRACTOR_MAX:
                self.error(
                    f["distractors"][0],
                    "pair-count",
                    _("soal matching memuat paling banyak {most} pengecoh, ada {count}").format(
                        most=DISTRACTOR_MAX, count=len(extra.items)
                    ),
                )
            for item in extra.items:
                text = side(item, rights, _("pengecoh sisi kanan"))
                if text is not None:
                    distractors.append(text)
        if self.errors > before or seq is None:
            return None
        return MatchingQuestion(pairs=tuple(pairs), distractors=tuple(distractors), **common)

    def _option_list(
        self, qtype: QuestionType, f: dict[str, tuple[Scalar, Node]]
    ) -> Sequence | None:
        seq = self.sequence(f, "options", required=True)
        if seq is None:
            return None
        low, high = OPTION_LIMITS[qtype]
        if not low <= len(seq.items) <= high:
            self.error(
                f["options"][0],
                "option-count",
                _("{noun} memerlukan {low} sampai {high} opsi, ditemukan {count}").format(
                    noun=_(TYPE_NOUN[qtype]), low=low, high=high, count=len(seq.items)
                ),
            )
        return seq

    def _choice_options(
        self, qtype: QuestionType, f: dict[str, tuple[Scalar, Node]]
    ) -> list[ChoiceOption] | None:
        seq = self._option_list(qtype, f)
        if seq is None:
            return None

        texts: list[tuple[str, Node]] = []

        def build(node: Mapping) -> ChoiceOption | None:
            of = self.fields(node, _("opsi"), CHOICE_OPTION_FIELDS, ("text",))
            text = self.text(of, "text", True)
            if text is not None:
                texts.append((text, of["text"][1]))
            correct = self.boolean(of, "correct")
            feedback = self.text(of, "feedback", False) if self.present(of, "feedback") else None
            if text is None:
                return None
            return ChoiceOption(text=text, correct=bool(correct), feedback=feedback)

        options = self.mapping_items(seq, _("opsi"), build)
        self.distinct(texts, _("opsi"))
        # Count right options whenever every option could be read, even if one had a
        # stray key: the trainer then sees every mistake of the question in one pass.
        if len(options) < len(seq.items):
            return None
        right = sum(1 for option in options if option.correct)
        key = f["options"][0]
        if qtype is QuestionType.SINGLE and right != 1:
            self.error(
                key,
                "single-correct",
                _("soal single memerlukan tepat satu opsi benar, ditemukan {count}").format(
                    count=right
                ),
            )
        if qtype is QuestionType.MULTIPLE and right == 0:
            self.error(
                key,
                "multiple-correct",
                _("soal multiple memerlukan paling sedikit satu opsi benar, tidak ada yang benar"),
            )
        return options

    def _scenario_options(self, f: dict[str, tuple[Scalar, Node]]) -> list[ScenarioOption] | None:
        seq = self._option_list(QuestionType.SCENARIO, f)
        if seq is None:
            return None
        scores: dict[int, Node] = {}

        texts: list[tuple[str, Node]] = []

        def build(node: Mapping) -> ScenarioOption | None:
            of = self.fields(node, _("opsi"), SCENARIO_OPTION_FIELDS, SCENARIO_OPTION_FIELDS)
            text = self.text(of, "text", True)
            if text is not None:
                texts.append((text, of["text"][1]))
            score = self.in_range(of, "score", 1, 5, required=True)
            feedback = self.text(of, "feedback", True)
            if score is not None:
                first = scores.get(score)
                if first is not None:
                    self.error(
                        of["score"][1],
                        "scenario-score-repeated",
                        _(
                            "dua opsi bernilai {score} (yang lain di baris {line}); "
                            "setiap opsi soal scenario memerlukan nilainya sendiri"
                        ).format(score=score, line=first.line),
                    )
                else:
                    scores[score] = of["score"][1]
            if text is None or score is None or feedback is None:
                return None
            return ScenarioOption(text=text, score=score, feedback=feedback)

        options = self.mapping_items(seq, _("opsi"), build)
        self.distinct(texts, _("opsi"))
        if len(options) < len(seq.items):
            return None
        if 5 not in scores:
            best = max(scores, default=0)
            self.error(
                f["options"][0],
                "scenario-best",
                _(
                    "soal scenario memerlukan satu opsi bernilai 5, nilai tertinggi kini {best}"
                ).format(best=best),
            )
        return options

    def _branching(
        self, f: dict[str, tuple[Scalar, Node]], common: dict[str, Any]
    ) -> BranchingQuestion | None:
        start = self.ident(f, "start", _("id langkah"), required=True)
        steps_node = f.get("steps", (None, None))[1]
        if steps_node is None:
            return None
        if not isinstance(steps_node, Mapping):
            self.error(
                steps_node,
                "wrong-type",
                _(
                    "'steps' harus berupa mapping dari id langkah ke langkah, ditemukan {found}"
                ).format(found=describe(steps_node)),
            )
            return None
        if not steps_node.pairs:
            self.error(
                steps_node, "empty-list", _("'steps' memerlukan paling sedikit satu langkah")
            )
            return None
        steps: list[BranchStep] = []
        key_nodes: dict[str, Node] = {}
        # step id -> [(next step id, node of the 'next' value)]
        edges: dict[str, list[tuple[str, Node]]] = {}
        for key, value in steps_node.pairs:
            step_id = self.ident_node(key, _("id langkah"))
            if step_id is None:
                continue
            key_nodes[step_id] = key
            edges[step_id] = []
            if not isinstance(value, Mapping):
                self.error(
                    value,
                    "wrong-type",
                    _("langkah harus berupa mapping, ditemukan {found}").format(
                        found=describe(value)
                    ),
                )
                continue
            step = self._step(step_id, value, edges[step_id])
            if step is not None:
                steps.append(step)
        before = self.errors
        for outgoing in edges.values():
            for target, node in outgoing:
                if target not in key_nodes:
                    self.error(
                        node,
                        "branching-dangling-next",
                        _("'next' menyebut langkah '{id}', tetapi langkah itu tidak ada").format(
                            id=target
                        )
                        + did_you_mean(target, key_nodes),
                    )
        if start is not None:
            if start[0] not in key_nodes:
                self.error(
                    start[1],
                    "branching-start",
                    _("'start' menyebut langkah '{id}', tetapi langkah itu tidak ada").format(
                        id=start[0]
                    )
                    + did_you_mean(start[0], key_nodes),
                )
            else:
                self._graph(start[0], key_nodes, edges)
        if self.errors > before or start is None:
            return None
        return BranchingQuestion(start=start[0], steps=tuple(steps), **common)

    def _step(
        self, step_id: str, node: Mapping, edges: list[tuple[str, Node]]
    ) -> BranchStep | None:
        before = self.errors
        sf = self.fields(node, _("langkah"), STEP_FIELDS, STEP_FIELDS)
        text = self.text(sf, "text", True)
        seq = self.sequence(sf, "choices", required=True)
        choices: list[BranchChoice] = []
        if seq is not None:
            low, high = CHOICE_LIMITS
            if not low <= len(seq.items) <= high:
                self.error(
                    sf["choices"][0],
                    "choice-count",
                    _("langkah memerlukan {low} sampai {high} pilihan, ditemukan {count}").format(
                        low=low, high=high, count=len(seq.items)
                    ),
                )

            texts: list[tuple[str, Node]] = []

            def build(choice: Mapping) -> BranchChoice | None:
                cf = self.fields(choice, _("pilihan"), BRANCH_CHOICE_FIELDS, BRANCH_CHOICE_REQUIRED)
                ctext = self.text(cf, "text", True)
                if ctext is not None:
                    texts.append((ctext, cf["text"][1]))
                score = self.in_range(cf, "score", 0, 5, required=True)
                feedback = self.text(cf, "feedback", True)
                target = self.ident(cf, "next", _("id langkah"))
                if target is not None:
                    edges.append(target)
                if ctext is None or score is None or feedback is None:
                    return None
                return BranchChoice(
                    text=ctext, score=score, feedback=feedback, next=target[0] if target else None
                )

            choices = self.mapping_items(seq, _("pilihan"), build)
            self.distinct(texts, _("pilihan"))
        if self.errors > before or text is None:
            return None
        return BranchStep(id=step_id, text=text, choices=tuple(choices))

    def _graph(
        self,
        start: str,
        key_nodes: dict[str, Node],
        edges: dict[str, list[tuple[str, Node]]],
    ) -> None:
        """Report unreachable steps and loops, each once."""
        reached = {start}
        queue = [start]
        while queue:
            for target, _node in edges.get(queue.pop(), []):
                if target in key_nodes and target not in reached:
                    reached.add(target)
                    queue.append(target)
        for step_id, key in key_nodes.items():
            if step_id not in reached:
                self.error(
                    key,
                    "branching-unreachable",
                    _("langkah '{id}' tidak bisa dicapai dari langkah awal '{start}'").format(
                        id=step_id, start=start
                    ),
                )
        # Depth-first search with colours: an edge back to a step still on the path
        # closes a loop. Iterative, so a long case cannot exhaust the stack.
        state: dict[str, int] = {}  # 1 on the path, 2 done
        order = [start] + [s for s in key_nodes if s != start]
        for root in order:
            if root in state:
                continue
            stack: list[tuple[str, int]] = [(root, 0)]
            state[root] = 1
            while stack:
                step_id, index = stack[-1]
                outgoing = edges.get(step_id, [])
                if index >= len(outgoing):
                    state[step_id] = 2
                    stack.pop()
                    continue
                stack[-1] = (step_id, index + 1)
                target, node = outgoing[index]
                if target not in key_nodes:
                    continue
                if state.get(target) == 1:
                    self.error(
                        node,
                        "branching-cycle",
                        _(
                            "'next' membawa dari langkah '{id}' kembali ke '{target}', sehingga "
                            "berputar; sebuah kasus harus selalu maju ke langkah baru"
                        ).format(id=step_id, target=target),
                    )
                elif target not in state:
                    state[target] = 1
                    stack.append((target, 0))

"""Compose a trainer's YAML into a small node tree that keeps 1-based positions.

We compose from the parser's *events* ourselves instead of calling ``yaml.compose``:
only the events still say whether a tag was written explicitly (the contract rejects
every explicit tag, even ``!!str``), and composing here lets us reject duplicate keys
and bound the expanded size of aliases while the tree is built, before anything else
walks it. The parser is libyaml's (``CSafeLoader``) when PyYAML was built with it,
else the pure-Python one; ``LATSAR_PURE_YAML=1`` or ``pure=True`` forces the latter
(the benchmark compares the two).

Nothing is ever *constructed* from a tag: scalars are resolved with the safe
resolver to str, int, float, bool, None or a date, and that is all the tree holds.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import yaml

from latsar_tui.content.yamlhints import explain
from latsar_tui.i18n import _, current_language, format_decimal

ENV_PURE = "LATSAR_PURE_YAML"

# Nodes a document may expand to once every alias is replaced by what it names. The
# largest realistic bank (10,000 questions) stays well under this; a "billion laughs"
# document passes it after a handful of levels.
MAX_EXPANDED_NODES = 2_000_000

# Nesting deeper than any content file needs; past it we stop before Python's own
# recursion limit turns a crafted file into a slow crash.
MAX_DEPTH = 200

# A content file larger than this is refused before it is parsed: 50 MB is ten times
# the biggest bank a trainer has written (10,000 questions is 5.7 MB).
MAX_FILE_BYTES = 50 * 1024 * 1024
# One text field (a prompt, a lesson body) longer than this is refused: a lesson of
# 20,000 characters is already a long chapter, and longer ones slow every screen.
MAX_TEXT_CHARS = 20_000

UTF8_BOM = b"\xef\xbb\xbf"

_TAG_PREFIX = "tag:yaml.org,2002:"
_SAFE = yaml.SafeLoader  # only for its resolver tables and scalar constructors


class Node:
    """A node of the composed tree, with its 1-based line and column."""

    __slots__ = ("column", "line")

    line: int
    column: int


class Scalar(Node):
    """A scalar: ``value`` is str, int, float, bool, None, date or datetime."""

    __slots__ = ("value",)

    def __init__(self, value: Any, line: int, column: int) -> None:
        self.value = value
        self.line = line
        self.column = column

    def __repr__(self) -> str:
        return f"Scalar({self.value!r} @{self.line}:{self.column})"


class Sequence(Node):
    """A sequence of nodes."""

    __slots__ = ("items",)

    def __init__(self, line: int, column: int) -> None:
        self.items: list[Node] = []
        self.line = line
        self.column = column

    def __repr__(self) -> str:
        return f"Sequence({len(self.items)} @{self.line}:{self.column})"


class Mapping(Node):
    """A mapping: its (key, value) pairs in file order, duplicates already dropped."""

    __slots__ = ("pairs",)

    def __init__(self, line: int, column: int) -> None:
        self.pairs: list[tuple[Node, Node]] = []
        self.line = line
        self.column = column

    def __repr__(self) -> str:
        return f"Mapping({len(self.pairs)} @{self.line}:{self.column})"


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong at the YAML level, before any field is looked at."""

    code: str
    line: int
    column: int
    message: str


@dataclass(slots=True)
class Composed:
    """The result of composing one document.

    ``root`` is None when the file could not be read at all (then ``problems`` holds
    the one fatal problem) or is empty. Non-fatal problems (a duplicate key, a tag)
    are listed but the tree is still usable: the first of duplicate keys is kept and a
    tagged node is read as if it had no tag.
    """

    root: Node | None
    problems: list[Problem] = field(default_factory=list)


_MISSING = object()


class _Fatal(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small acyclic objects.

    A 10,000-question bank is a few hundred thousand nodes; without the pause Python
    re-scans them over and over as they pile up, which doubles composing time and
    quadruples validation. Nested uses are fine: only the outermost one resumes it.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def use_libyaml(pure: bool | None = None) -> bool:
    """Whether to parse with libyaml: it is present and neither ``pure`` nor the env forbid it."""
    if pure is None:
        pure = os.environ.get(ENV_PURE, "") not in ("", "0")
    return bool(yaml.__with_libyaml__) and not pure


def compose_bytes(data: bytes, *, pure: bool | None = None) -> Composed:
    """Decode a file's bytes as UTF-8 (a BOM tolerated) and compose its one document."""
    if len(data) > MAX_FILE_BYTES:
        return Composed(None, [_too_large(len(data))])
    offset = 0
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM) :]
        offset = len(UTF8_BOM)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        bad = error.start
        line = data.count(b"\n", 0, bad) + 1
        line_start = data.rfind(b"\n", 0, bad) + 1
        column = len(data[line_start:bad].decode("utf-8", errors="replace")) + 1
        return Composed(
            None,
            [
                Problem(
                    "not-utf8",
                    line,
                    column,
                    _(
                        "file ini bukan teks UTF-8: byte {offset} (0x{byte:02x}) "
                        "bukan UTF-8 yang sah; simpan ulang file sebagai UTF-8"
                    ).format(offset=bad + offset, byte=data[bad]),
                )
            ],
        )
    return compose_text(text, pure=pure)


def _count(number: int) -> str:
    """A whole number with thousands marks: 20.000 in Indonesian, 20,000 in English."""
    text = f"{number:,}"
    return text.replace(",", ".") if current_language() == "id" else text


def _too_large(size: int) -> Problem:
    return Problem(
        "file-too-large",
        1,
        1,
        _(
            "file ini {size} MB; file konten paling besar {limit} MB: pecah isinya menjadi "
            "beberapa bank"
        ).format(size=format_decimal(size / 1024 / 1024), limit=MAX_FILE_BYTES // 1024 // 1024),
    )


def compose_text(text: str, *, pure: bool | None = None) -> Composed:
    """Compose one YAML document from text; never raises for bad input."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if len(text) > MAX_FILE_BYTES:  # characters, at least as many bytes
        return Composed(None, [_too_large(len(text))])
    composer = _Composer(text, use_libyaml(pure))
    try:
        with gc_paused():
            root = composer.compose()
    except _Fatal as fatal:
        return Composed(None, [fatal.problem])
    except yaml.YAMLError as error:
        return Composed(None, [_syntax_problem(text, error)])
    except RecursionError:
        return Composed(
            None,
            [Problem("yaml-syntax", 1, 1, _("sintaks YAML salah: isinya bersarang terlalu dalam"))],
        )
    if root is None:
        return Composed(
            None,
            [Problem("empty-file", 1, 1, _("file ini kosong: tidak berisi konten YAML"))],
        )
    return Composed(root, composer.problems)


def expanded_size(node: Node) -> int:
    """Nodes in the tree if every shared (aliased) node were copied out; for tests."""
    if isinstance(node, Scalar):
        return 1
    if isinstance(node, Sequence):
        return 1 + sum(expanded_size(item) for item in node.items)
    assert isinstance(node, Mapping)
    return 1 + sum(expanded_size(k) + expanded_size(v) for k, v in node.pairs)


def describe(node: Node) -> str:
    """What a node is, in the words of a message: 'teks', 'angka (3)', 'daftar'..."""
    if isinstance(node, Mapping):
        return _("mapping (kumpulan field)")
    if isinstance(node, Sequence):
        return _("daftar")
    assert isinstance(node, Scalar)
    value = node.value
    if value is None:
        return _("kosong (null)")
    if isinstance(value, bool):
        # 'true'/'false' are what the trainer wrote in YAML: not translated.
        return _("nilai benar/salah ({value})").format(value="true" if value else "false")
    if isinstance(value, int | float):
        return _("angka ({value})").format(value=value)
    if isinstance(value, str):
        return _("teks")
    return _("tanggal ({value})").format(value=value)


class _Composer:
    """Builds the tree from parser events, checking as it goes."""

    loader: Any

    def __init__(self, text: str, libyaml: bool) -> None:
        self.text = text
        self.loader_class: Any = yaml.CSafeLoader if libyaml else yaml.SafeLoader
        self.problems: list[Problem] = []
        self.anchors: dict[str, Node] = {}
        # Expanded size of every finished node that has an anchor or holds an alias;
        # nodes absent from it are plain trees whose size we track on the stack.
        self.sizes: dict[int, int] = {}
        self.open_anchored: set[int] = set()
        self.aliases_seen = False
        self.depth = 0
        self.plain: dict[str, Any] = {}
        self.constructor = yaml.SafeLoader("")

    def compose(self) -> Node | None:
        # Built here, not in __init__: the pure reader already raises on bad characters.
        self.loader = self.loader_class(self.text)
        try:
            events = self._events()
            next(events)  # StreamStart
            first = next(events)
            if isinstance(first, yaml.StreamEndEvent):
                return None
            root, _size = self._node(next(events), events)
            next(events)  # DocumentEnd
            after = next(events)
            if isinstance(after, yaml.DocumentStartEvent):
                mark: Any = after.start_mark
                raise _Fatal(
                    Problem(
                        "yaml-syntax",
                        mark.line + 1,
                        mark.column + 1,
                        _(
                            "file konten berisi satu dokumen YAML, ditemukan dokumen kedua "
                            "(baris berisi '---')"
                        ),
                    )
                )
            return root
        finally:
            self.loader.dispose()
            self.constructor.dispose()

    def _events(self) -> Iterator[Any]:
        # get_event returns None once the stream has ended, for both parsers.
        return iter(self.loader.get_event, None)

    def _tag_check(self, event: Any) -> None:
        tag = event.tag
        if tag is not None:
            shown = "!!" + tag[len(_TAG_PREFIX) :] if tag.startswith(_TAG_PREFIX) else tag
            self.problems.append(
                Problem(
                    "yaml-tag",
                    event.start_mark.line + 1,
                    event.start_mark.column + 1,
                    _(
                        "tag YAML tidak boleh dipakai di file konten, ditemukan '{tag}'; "
                        "tulis hanya teks, angka, daftar dan mapping"
                    ).format(tag=shown),
                )
            )

    def _node(self, event: Any, events: Iterator[Any]) -> tuple[Node, int]:
        """Compose the node starting at ``event``; returns it and its expanded size."""
        if type(event) is yaml.ScalarEvent:  # the common case first, kept short
            if event.tag is not None:
                self._tag_check(event)
            mark: Any = event.start_mark
            scalar = Scalar(self._scalar_value(event), mark.line + 1, mark.column + 1)
            if isinstance(scalar.value, str) and len(scalar.value) > MAX_TEXT_CHARS:
                self.problems.append(
                    Problem(
                        "text-too-long",
                        scalar.line,
                        scalar.column,
                        _(
                            "teks ini {count} karakter; sebuah field teks paling banyak "
                            "{most} karakter: pecah teksnya (pelajaran yang panjang menjadi "
                            "beberapa pelajaran)"
                        ).format(count=_count(len(scalar.value)), most=_count(MAX_TEXT_CHARS)),
                    )
                )
                scalar.value = scalar.value[:MAX_TEXT_CHARS]  # keep the tree small
            if event.anchor is not None:
                self.anchors[event.anchor] = scalar
                self.sizes[id(scalar)] = 1
            return scalar, 1
        line = event.start_mark.line + 1
        column = event.start_mark.column + 1
        if isinstance(event, yaml.AliasEvent):
            self.aliases_seen = True
            target = self.anchors.get(event.anchor or "")
            if target is None:
                raise _Fatal(
                    Problem(
                        "yaml-syntax",
                        line,
                        column,
                        _(
                            "alias '*{anchor}' tidak menyebut anchor yang sudah ditulis "
                            "sebelumnya; bila ini teks yang diawali '*', beri tanda kutip"
                        ).format(anchor=event.anchor),
                    )
                )
            if id(target) in self.open_anchored:
                raise _Fatal(
                    Problem(
                        "alias-bomb",
                        line,
                        column,
                        _(
                            "alias '*{anchor}' merujuk ke bagian yang memuat alias itu "
                            "sendiri, sehingga tidak pernah selesai"
                        ).format(anchor=event.anchor),
                    )
                )
            return target, self.sizes[id(target)]
        self._tag_check(event)
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _Fatal(
                Problem(
                    "yaml-syntax",
                    line,
                    column,
                    _(
                        "sintaks YAML salah: daftar dan mapping bersarang lebih dari "
                        "{depth} tingkat"
                    ).format(depth=MAX_DEPTH),
                )
            )
        node: Node
        if isinstance(event, yaml.SequenceStartEvent):
            node = Sequence(line, column)
            if event.anchor is not None:
                self.anchors[event.anchor] = node
                self.open_anchored.add(id(node))
            size = 1
            items = node.items
            for child_event in events:
                if isinstance(child_event, yaml.SequenceEndEvent):
                    break
                child, child_size = self._node(child_event, events)
                items.append(child)
                size = self._grow(size, child_size, child_event)
        elif isinstance(event, yaml.MappingStartEvent):
            node = Mapping(line, column)
            if event.anchor is not None:
                self.anchors[event.anchor] = node
                self.open_anchored.add(id(node))
            size = self._mapping(node, events)
        else:  # pragma: no cover - the parser never yields anything else here
            raise _Fatal(Problem("yaml-syntax", line, column, _("susunan YAML yang tidak terduga")))
        self.depth -= 1
        anchor = event.anchor
        if anchor is not None:
            self.open_anchored.discard(id(node))
            self.sizes[id(node)] = size
        return node, size

    def _mapping(self, node: Mapping, events: Iterator[Any]) -> int:
        size = 1
        seen: dict[Any, Node] = {}
        pairs = node.pairs
        for key_event in events:
            if isinstance(key_event, yaml.MappingEndEvent):
                break
            key, key_size = self._node(key_event, events)
            value_event = next(events)
            value, value_size = self._node(value_event, events)
            size = self._grow(size, key_size, key_event)
            size = self._grow(size, value_size, value_event)
            if isinstance(key, Scalar):
                # True and 1 are equal in Python but different keys in YAML.
                marker = (type(key.value), key.value)
                first = seen.get(marker)
                if first is not None:
                    self.problems.append(
                        Problem(
                            "duplicate-key",
                            key.line,
                            key.column,
                            _(
                                "field '{name}' ditulis dua kali di sini "
                                "(pertama di baris {line}); bila ini awal butir baru, "
                                "tambahkan '- ' di depannya"
                            ).format(name=key.value, line=first.line),
                        )
                    )
                    continue
                seen[marker] = key
            pairs.append((key, value))
        return size

    def _grow(self, size: int, child_size: int, event: Any) -> int:
        size += child_size
        if size > MAX_EXPANDED_NODES:
            if not self.aliases_seen:
                # Written out in full, with no alias: simply too big, not a bomb.
                code = "too-many-nodes"
                message = _(
                    "dokumen ini memuat lebih dari {most} simpul YAML (sekitar "
                    "100.000 soal): pecah isinya menjadi beberapa bank"
                )
            else:
                code = "alias-bomb"
                message = _(
                    "dokumen ini melebihi {most} simpul setelah aliasnya "
                    "dijabarkan; tulis isinya secara langsung"
                )
            mark = event.start_mark
            raise _Fatal(
                Problem(
                    code,
                    mark.line + 1,
                    mark.column + 1,
                    message.format(most=_count(MAX_EXPANDED_NODES)),
                )
            )
        return size

    def _scalar_value(self, event: Any) -> Any:
        value: str = event.value
        if not event.implicit[0]:
            # Quoted (or explicitly tagged, already reported): always text.
            return value
        # Plain scalars repeat a lot (every key, every 'true'); values are immutable.
        cached = self.plain.get(value, _MISSING)
        if cached is _MISSING:
            cached = self.plain[value] = self._resolve_plain(value)
        return cached

    def _resolve_plain(self, value: str) -> Any:
        tag = self.loader.resolve(yaml.ScalarNode, value, (True, False))
        if tag == "tag:yaml.org,2002:str":
            return value
        if tag == "tag:yaml.org,2002:null":
            return None
        constructor = self.constructor.yaml_constructors.get(tag)
        if constructor is None:  # merge '<<' or value '=': plain text to us
            return value
        try:
            return constructor(self.constructor, yaml.ScalarNode(tag, value))
        except (ValueError, TypeError, OverflowError):  # e.g. a date like 2024-13-45
            return value


def _syntax_problem(text: str, error: yaml.YAMLError) -> Problem:
    """A YAML syntax error as a problem; tabs used for indentation get their own code."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if mark is not None:
        line, column = mark.line + 1, mark.column + 1
    else:
        position = getattr(error, "position", 0) or 0
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
    tab = _tab_near(text, line)
    if tab is not None:
        return Problem(
            "yaml-tab",
            tab[0],
            tab[1],
            _("karakter tab dipakai untuk indentasi; YAML memerlukan spasi"),
        )
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    context = getattr(error, "context", None)
    message = explain(problem, context, text.split("\n"), line)
    return Problem("yaml-syntax", line, column, message)


def _tab_near(text: str, line: int) -> tuple[int, int] | None:
    """Position of a tab in the indentation of the error's line or the line before."""
    lines = text.split("\n")
    for number in (line, line - 1):
        if 1 <= number <= len(lines):
            content = lines[number - 1]
            indent = content[: len(content) - len(content.lstrip(" \t"))]
            if "\t" in indent:
                return number, indent.index("\t") + 1
    return None

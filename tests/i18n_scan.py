"""Finds interface text in the code that does not go through gettext.

A string literal counts as interface text when it reads like words: two or more
words with letters, or one capitalised word ("Benar", "Kembali"). It is fine when it
is the argument of ``_``, ``N_`` or ``ngettext``, a docstring, or in a place that
never reaches a person: CSS, SQL, Rich/Textual styles and classes, ids, dictionary
keys, ``logging`` and ``re`` patterns. A line can opt out with ``# i18n: ignore``
and the reason (data, not interface: an xAPI verb, a file format's keyword).

Run ``python tests/i18n_scan.py [files]`` to list what is left in some files.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "latsar_tui"

MARKERS = {"_", "N_", "ngettext", "pgettext"}
# Calls whose string arguments are never shown to a person.
SILENT_CALLS = {
    "add_class",
    "remove_class",
    "set_class",
    "toggle_class",
    "has_class",
    "query",
    "query_one",
    "query_children",
    "getLogger",
    "debug",
    "execute",
    "executemany",
    "executescript",
    "compile",
    "match",
    "fullmatch",
    "search",
    "sub",
    "split",
    "findall",
    "finditer",
    "Style",
    "parse_style",
    "strftime",
    "strptime",
    "encode",
    "decode",
    "startswith",
    "endswith",
    "getattr",
    "setattr",
    "hasattr",
    "get",
    "pop",
    "setdefault",
    "register_namespace",
    "find",
    "findtext",
    "iterfind",
    "SubElement",
    "Element",
    "TypeVar",
    "cast",
    "import_module",
}
SILENT_KEYWORDS = {
    "style",
    "classes",
    "id",
    "name",
    "variant",
    "key",
    "action",
    "group",
    "encoding",
    "errors",
    "newline",
    "mode",
    "dest",
    "metavar",
    "prog",
    "border_title_style",
    "tooltip_style",
    "format",
    "sep",
    "end",
    "justify",
    "overflow",
    "vertical",
    "align",
    "highlight_style",
    "layout",
}
SILENT_NAMES = re.compile(
    r"(^|_)(CSS|SQL|SCHEMA|STYLE|STYLES|PATTERN|RE|REGEX|TCSS)$|^DEFAULT_CSS$"
)
SQL = re.compile(
    r"^\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|PRAGMA|ALTER|DROP|WITH|BEGIN|REPLACE|"
    r"COMMIT|ROLLBACK|ATTACH|VACUUM|SAVEPOINT|RELEASE)\b"
)
# Rich and Textual style strings ("bold $success", "not bold on #000000").
STYLE_TOKEN = re.compile(
    r"^(not|on|bold|b|italic|i|dim|d|underline|u|underline2|uu|reverse|r|strike|s|blink|"
    r"blink2|conceal|frame|encircle|overline|o|link|none|default|auto|"
    r"(bright_)?(red|green|yellow|blue|magenta|cyan|white|black)|gr[ae]y\d*|"
    r"\$[\w-]+|#[0-9a-fA-F]{3,8}|rgb\([\d, ]+\)|color\(\d+\))$"
)
WORD = re.compile(r"[^\W\d_]{2,}")
CAPITALISED = re.compile(r"^[A-Z][a-zà-ÿ]{2,}[.:!?…]?$")


@dataclass(frozen=True)
class Finding:
    """One string literal that reads like interface text and is not marked."""

    path: Path
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}: {self.text!r}"


def reads_like_text(value: str) -> bool:
    """Whether a literal would be read by a person as words."""
    stripped = value.strip()
    if not stripped or SQL.match(stripped):
        return False
    if all(STYLE_TOKEN.match(token) for token in stripped.split()):
        return False
    if not re.search(r"\s", stripped):
        return bool(CAPITALISED.match(stripped))
    words = WORD.findall(stripped)
    return len(words) >= 2


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


class _Scanner(ast.NodeVisitor):
    def __init__(self, path: Path, lines: list[str]) -> None:
        self.path = path
        self.lines = lines
        self.findings: list[Finding] = []
        self._silent = 0

    # --- places whose strings are exempt -------------------------------------------------
    def _visit_silently(self, *nodes: ast.AST | None) -> None:
        self._silent += 1
        for node in nodes:
            if node is not None:
                self.visit(node)
        self._silent -= 1

    def _docstring_body(self, body: list[ast.stmt]) -> list[ast.stmt]:
        if (
            body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str)
        ):
            return body[1:]
        return body

    def visit_Module(self, node: ast.Module) -> None:
        for statement in self._docstring_body(node.body):
            self.visit(statement)

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        for decorator in node.decorator_list:
            self.visit(decorator)
        self._visit_silently(node.args, node.returns)
        for statement in self._docstring_body(node.body):
            self.visit(statement)

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        for decorator in node.decorator_list:
            self.visit(decorator)
        for statement in self._docstring_body(node.body):
            self.visit(statement)

    def visit_Call(self, node: ast.Call) -> None:
        name = _call_name(node)
        if name in MARKERS or name in SILENT_CALLS:
            self._visit_silently(node.func, *node.args, *node.keywords)
            return
        self.visit(node.func)
        for argument in node.args:
            self.visit(argument)
        for keyword in node.keywords:
            if keyword.arg in SILENT_KEYWORDS:
                self._visit_silently(keyword.value)
            else:
                self.visit(keyword.value)

    def visit_Assign(self, node: ast.Assign) -> None:
        names = [t.id if isinstance(t, ast.Name) else getattr(t, "attr", "") for t in node.targets]
        if any(SILENT_NAMES.search(n or "") for n in names):
            return
        self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        target = node.target
        name = target.id if isinstance(target, ast.Name) else getattr(target, "attr", "")
        if SILENT_NAMES.search(name or ""):
            return
        self._visit_silently(node.annotation)
        if node.value is not None:
            self.visit(node.value)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        self.visit(node.value)
        self._visit_silently(node.slice)

    def visit_Dict(self, node: ast.Dict) -> None:
        self._visit_silently(*node.keys)
        for value in node.values:
            self.visit(value)

    def visit_Compare(self, node: ast.Compare) -> None:
        self._visit_silently(node.left, *node.comparators)

    # --- the strings ---------------------------------------------------------------------
    def _ignored(self, node: ast.AST) -> bool:
        start = getattr(node, "lineno", 1)
        end = getattr(node, "end_lineno", start) or start
        return any("i18n: ignore" in self.lines[i - 1] for i in range(start, end + 1))

    def visit_Constant(self, node: ast.Constant) -> None:
        if self._silent or not isinstance(node.value, str):
            return
        if reads_like_text(node.value) and not self._ignored(node):
            self.findings.append(Finding(self.path, node.lineno, node.value))

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        if self._silent:
            return
        text = "".join(
            part.value
            for part in node.values
            if isinstance(part, ast.Constant) and isinstance(part.value, str)
        )
        # An f-string cannot be looked up in a catalogue: text in one must become
        # _("... {name} ...").format(name=...).
        if reads_like_text(text) and not self._ignored(node):
            self.findings.append(Finding(self.path, node.lineno, "f" + repr(text)))
        for part in node.values:
            if isinstance(part, ast.FormattedValue):
                self.visit(part.value)


def scan_file(path: Path) -> list[Finding]:
    """The unmarked interface strings of one source file."""
    source = path.read_text(encoding="utf-8")
    scanner = _Scanner(path, source.splitlines())
    scanner.visit(ast.parse(source, filename=str(path)))
    return scanner.findings


def interface_files() -> Iterator[Path]:
    """Every module of the package (all of it can speak to a person)."""
    yield from sorted(PACKAGE.rglob("*.py"))


def scan(paths: list[Path] | None = None) -> list[Finding]:
    """Findings for ``paths`` (default: the whole package)."""
    found: list[Finding] = []
    for path in paths or list(interface_files()):
        found.extend(scan_file(path.resolve()))
    return found


if __name__ == "__main__":
    targets = [Path(a) for a in sys.argv[1:]]
    if targets and all(t.is_dir() for t in targets):
        targets = [p for t in targets for p in sorted(t.rglob("*.py"))]
    results = scan(targets or None)
    for finding in results:
        print(finding)
    print(f"{len(results)} unmarked", file=sys.stderr)

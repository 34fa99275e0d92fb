"""Small text helpers shared by the importers and exporters: ids, HTML to text.

Questions from other tools carry free-form names and HTML; the content format wants
ids matching ``^[a-z0-9][a-z0-9._-]{0,63}$`` and plain or Markdown text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
TODO_EXPLANATION = "TODO: tulis penjelasan"
TODO_FEEDBACK = "TODO: tulis umpan balik"
TODO_MARKERS = (TODO_EXPLANATION, TODO_FEEDBACK)


def slugify(text: str, max_length: int = 64) -> str:
    """An id-shaped slug of ``text`` (ASCII, lower case, dashes), or '' if nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9._-]+", "-", ascii_text.lower())
    slug = re.sub(r"-{2,}", "-", slug).strip("-._")
    return slug[:max_length].rstrip("-._")


def is_id(text: str) -> bool:
    """Whether ``text`` is a valid content id."""
    return bool(ID_PATTERN.match(text))


class IdAllocator:
    """Hands out unique question ids: the preferred one when free, else a numbered one."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self._taken: set[str] = set(taken)
        self._counter = 0

    def allocate(self, preferred: str | None) -> str:
        """A free id: ``preferred`` (slugified) if it is valid and unused, else ``q-NNN``."""
        if preferred:
            candidate = preferred if is_id(preferred) else slugify(preferred)
            if candidate and is_id(candidate):
                unique = candidate
                suffix = 2
                while unique in self._taken:
                    tail = f"-{suffix}"
                    unique = candidate[: 64 - len(tail)] + tail
                    suffix += 1
                self._taken.add(unique)
                return unique
        while True:
            self._counter += 1
            candidate = f"q-{self._counter:03d}"
            if candidate not in self._taken:
                self._taken.add(candidate)
                return candidate


_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "blockquote",
        "pre",
        "hr",
    }
)


class _HtmlToText(HTMLParser):
    """Turns the HTML Moodle stores into Markdown-ish plain text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._href: list[str | None] = []
        self._list_depth = 0
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag in {"script", "style"}:
            self._skip += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table"}:
            self.parts.append("\n\n")
        elif tag in {"ul", "ol"}:
            self._list_depth += 1
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n" + "  " * max(0, self._list_depth - 1) + "- ")
        elif tag in {"strong", "b"}:
            self.parts.append("**")
        elif tag in {"em", "i"}:
            self.parts.append("*")
        elif tag == "a":
            self._href.append(attributes.get("href"))
        elif tag == "img":
            alt = attributes.get("alt") or attributes.get("src") or ""
            self.parts.append(f"(gambar: {alt})")
        elif tag == "tr":
            self.parts.append("\n")
        elif tag in {"td", "th"}:
            self.parts.append(" | ")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self._skip = max(0, self._skip - 1)
        elif tag in {"strong", "b"}:
            self.parts.append("**")
        elif tag in {"em", "i"}:
            self.parts.append("*")
        elif tag == "a":
            href = self._href.pop() if self._href else None
            if href and not href.startswith(("#", "javascript:")):
                self.parts.append(f" ({href})")
        elif tag in {"ul", "ol"}:
            self._list_depth = max(0, self._list_depth - 1)
            self.parts.append("\n")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            # HTML whitespace is insignificant: collapse runs, newlines included.
            self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    """Markdown-ish plain text of an HTML fragment: paragraphs, lists, bold, links."""
    parser = _HtmlToText()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts).replace("\xa0", " ")
    lines = [line.strip() for line in text.split("\n")]
    # A list item line starts with "- " after stripping; indentation of nested lists is lost,
    # which is acceptable for the short answers Moodle holds.
    joined = "\n".join(lines)
    joined = re.sub(r"\n{3,}", "\n\n", joined)
    joined = re.sub(r"\*\*\s*\*\*", "", joined)
    return joined.strip()


def looks_like_html(text: str) -> bool:
    """Whether ``text`` holds HTML tags or entities worth converting."""
    return bool(re.search(r"</?[a-zA-Z][^>]*>|&[a-zA-Z]+;|&#\d+;", text))


def todo_markers(folder: Path) -> list[str]:
    """``file:line`` of every import marker still waiting for the trainer's own text."""
    found: list[str] = []
    for path in sorted(folder.rglob("*.y*ml")):
        try:
            lines = path.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError):
            continue  # the validator reports unreadable files with their own message
        found.extend(
            f"{path}:{number}"
            for number, line in enumerate(lines, start=1)
            # The importer's own "# PERIKSA" comment names the marker too; only data counts.
            if not line.lstrip().startswith("#") and any(m in line for m in TODO_MARKERS)
        )
    return found

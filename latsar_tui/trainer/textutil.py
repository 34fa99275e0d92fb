"""Small text helpers shared by the importers and exporters: ids, HTML to text.

Questions from other tools carry free-form names and HTML; the content format wants
ids matching ``^[a-z0-9][a-z0-9._-]{0,63}$`` and plain or Markdown text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
# Markers written into imported banks (content a trainer searches for and replaces, and
# that `latsar pack` refuses): the same in every interface language, not interface text.
TODO_EXPLANATION = "TODO: tulis penjelasan"  # i18n: ignore marker in content
TODO_FEEDBACK = "TODO: tulis umpan balik"  # i18n: ignore marker in content
TODO_CHECK = "TODO: periksa"  # i18n: ignore marker in content
TODO_MARKERS = (TODO_EXPLANATION, TODO_FEEDBACK, TODO_CHECK)
# A long value may be wrapped by the YAML writer right after "TODO:"; that counts too.
_TODO_DATA = re.compile(r"TODO:(\s|$)")


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
# Elements whose content a terminal cannot show: the question loses them.
_MEDIA_TAGS = frozenset({"audio", "video", "iframe", "object", "embed", "source"})
_PLUGINFILE = "@@PLUGINFILE@@/"


@dataclass
class Plain:
    """Plain text converted from HTML or Markdown, and what could not come along.

    ``dropped`` names each image or media file left out; the text holds a
    ``TODO: periksa`` marker where it was, so ``latsar pack`` refuses the bank until
    a trainer has looked (an image may carry the point of the question).
    """

    text: str
    dropped: list[str] = field(default_factory=list)


def dropped_marker(kind: str, name: str) -> str:
    """The marker left in the text where an image or a media file was (content)."""
    return f"({TODO_CHECK} {kind} yang tidak ikut diimpor: {name})"  # i18n: ignore content


def _file_name(src: str) -> str:
    """A short name for an image source: its file name, never a data: blob."""
    src = unquote(src.strip())
    if src.startswith("data:"):
        return "gambar tertanam (data:)"  # i18n: ignore named in the content's marker
    src = src.removeprefix(_PLUGINFILE)
    return src.rsplit("/", 1)[-1].split("?", 1)[0] or src


class _HtmlToText(HTMLParser):
    """Turns the HTML Moodle stores into text; notes every image and media file.

    For a Markdown field (prompt, context, explanation) bold and italics become
    ``**``/``*``; for a plain field (options, feedback) they are dropped, since an
    asterisk there would reach learners as it is.
    """

    def __init__(self, markdown: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self._markdown = markdown
        self.parts: list[str] = []
        self.dropped: list[str] = []
        self._href: list[str | None] = []
        self._list_depth = 0
        self._skip = 0

    def _drop(self, kind: str, src: str) -> None:
        name = _file_name(src)
        self.dropped.append(f"{kind} {name}")
        self.parts.append(f" {dropped_marker(kind, name)} ")

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
        elif tag in {"strong", "b"} and self._markdown:
            self.parts.append("**")
        elif tag in {"em", "i"} and self._markdown:
            self.parts.append("*")
        elif tag == "a":
            self._href.append(attributes.get("href"))
        elif tag == "img":
            self._drop("gambar", attributes.get("src") or attributes.get("alt") or "?")
            alt = (attributes.get("alt") or "").strip()
            if alt:
                self.parts.append(f"({alt}) ")
        elif tag in _MEDIA_TAGS and attributes.get("src"):
            self._drop("berkas", attributes.get("src") or "?")
        elif tag == "tr":
            self.parts.append("\n")
        elif tag in {"td", "th"}:
            self.parts.append(" | ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self._skip = max(0, self._skip - 1)
        elif tag in {"strong", "b"} and self._markdown:
            self.parts.append("**")
        elif tag in {"em", "i"} and self._markdown:
            self.parts.append("*")
        elif tag == "a":
            href = self._href.pop() if self._href else None
            if href and href.startswith(_PLUGINFILE):
                # A link to a file inside the Moodle export (a recording, a PDF).
                self._drop("berkas", href)
            elif href and not href.startswith(("#", "javascript:", "mailto:")):
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


def _tidy(text: str) -> str:
    text = text.replace("\xa0", " ").replace("\u200b", "")
    lines = [re.sub(r"[ \t]{2,}", " ", line).strip() for line in text.split("\n")]
    joined = "\n".join(lines)
    joined = re.sub(r"\n{3,}", "\n\n", joined)
    # Emphasis around nothing but spaces (<b> </b>) would show as stray asterisks.
    return re.sub(r"\*\*\s*\*\*", "", joined).strip()


def html_to_plain(html: str, *, markdown: bool = False) -> Plain:
    """Plain text of an HTML fragment (entities decoded), with the images it dropped.

    Python's own ``html.parser`` does the parsing: it is the standard library's
    tolerant HTML tokenizer (it never fails on broken markup), it decodes every HTML5
    entity, and it adds no dependency to an app that must install offline.
    """
    parser = _HtmlToText(markdown)
    parser.feed(html)
    parser.close()
    return Plain(_tidy("".join(parser.parts)), parser.dropped)


def html_to_text(html: str, *, markdown: bool = True) -> str:
    """Text of an HTML fragment: paragraphs, lists and links kept, tags gone.

    With ``markdown`` (for Markdown fields) bold and italics stay as ``**``/``*``.
    """
    return html_to_plain(html, markdown=markdown).text


_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.DOTALL)
_MD_EM_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])", re.DOTALL)
_MD_EM_UNDER = re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])", re.DOTALL)
_MD_CODE = re.compile(r"`([^`]+)`")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.MULTILINE)
_MD_BULLET = re.compile(r"^([ \t]*)[*+][ \t]+", re.MULTILINE)
_MD_BREAK = re.compile(r"[ \t]{2,}\n|\\\n")


def markdown_images(text: str) -> Plain:
    """Markdown with each image replaced by a ``TODO: periksa`` marker (for Markdown fields).

    The app shows no images, and the file did not come along with the import anyway.
    """
    dropped: list[str] = []

    def image(match: re.Match[str]) -> str:
        name = _file_name(match.group(2))
        dropped.append(f"gambar {name}")
        alt = match.group(1).strip()
        return dropped_marker("gambar", name) + (f" ({alt})" if alt else "")

    return Plain(_MD_IMAGE.sub(image, text).strip(), dropped)


def markdown_to_plain(text: str) -> Plain:
    """Plain text of Moodle's Markdown: emphasis, headings and code marks removed.

    Links keep their address in brackets; each image becomes a ``TODO: periksa``
    marker and is listed as dropped. List items become ``- `` lines.
    """
    with_markers = markdown_images(text)
    dropped = with_markers.dropped
    text = _MD_LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})", with_markers.text)
    text = _MD_BREAK.sub("\n", text)
    text = _MD_HEADING.sub("", text)
    text = _MD_BULLET.sub(r"\1- ", text)
    for pattern in (_MD_STRONG, _MD_EM_STAR, _MD_EM_UNDER):
        previous = None
        while previous != text:  # nested emphasis: ***x*** and **a *b* c**
            previous = text
            text = pattern.sub(lambda m: m.group(m.lastindex or 1), text)
    text = _MD_CODE.sub(r"\1", text)
    # Markdown's backslash escapes (\* \_ \#) stand for the character itself.
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!])", r"\1", text)
    return Plain(text.strip(), dropped)


def to_plain(text: str, fmt: str | None, *, markdown: bool = False) -> Plain:
    """Text in a Moodle text format as the text of one of our fields.

    ``fmt``: ``html``; ``markdown``; ``plain``/``plain_text`` (kept as written: the
    author said so, and our own exports use it for text that must survive as it is);
    anything else (Moodle's own format, "auto") allows HTML, so it is converted when
    it holds tags or entities. ``markdown``: whether the target field is Markdown
    (prompt, context, explanation); a plain field loses Markdown's marks too.
    """
    fmt = (fmt or "").lower()
    if fmt == "markdown":
        return markdown_images(text) if markdown else markdown_to_plain(text)
    if fmt in {"plain", "plain_text"}:
        return Plain(text.strip())
    if fmt == "html" or looks_like_html(text):
        return html_to_plain(text, markdown=markdown)
    return Plain(text.strip())


def looks_like_html(text: str) -> bool:
    """Whether ``text`` holds HTML tags or entities worth converting."""
    return bool(re.search(r"</?[a-zA-Z][^>]*>|&[a-zA-Z]+;|&#\d+;|&#x[0-9a-fA-F]+;", text))


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
            if not line.lstrip().startswith("#")
            and (any(m in line for m in TODO_MARKERS) or _TODO_DATA.search(line))
        )
    return found

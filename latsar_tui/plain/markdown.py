"""Markdown as clean plain text for the line-by-line mode, rendered by a parser.

A screen reader reads every character: stripping ``*`` and ``#`` with patterns leaves
asterisks behind when emphasis spans a line break. Parsing with markdown-it (the
CommonMark parser Textual already ships with) and printing only the text gives
headings as their own line, list items with ``-`` or their number, emphasis without
marks, and links as "text (url)". Raw HTML is not Markdown here (the contract forbids
it), so it stays literal text.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

_PARSER = MarkdownIt("commonmark", {"html": False})


def _inline(children: list[Token]) -> str:
    parts: list[str] = []
    links: list[str] = []
    for token in children:
        if token.type in ("text", "code_inline"):
            parts.append(token.content)
        elif token.type == "softbreak":
            parts.append(" ")
        elif token.type == "hardbreak":
            parts.append("\n")
        elif token.type == "image":
            parts.append(token.content or "gambar")
        elif token.type == "link_open":
            links.append(str(token.attrs.get("href", "")))
            parts.append("\x00")  # where the link text starts
        elif token.type == "link_close":
            href = links.pop() if links else ""
            start = len(parts) - 1 - parts[::-1].index("\x00")
            label = "".join(parts[start + 1 :])
            del parts[start:]
            same = not href or href in (label, f"mailto:{label}")
            parts.append(label if same else f"{label} ({href})")
    return "".join(parts)


def markdown_to_plain(text: str) -> str:
    """The text of a Markdown field as plain lines, blocks separated by a blank line.

    Items of one list sit on consecutive lines, each with ``-`` or its number.
    """
    # (the top-level list it belongs to, or None; text)
    blocks: list[tuple[int | None, str]] = []
    group = 0
    # One entry per open list: the next number, or None for a bullet list.
    lists: list[int | None] = []
    prefix: str | None = None
    for token in _PARSER.parse(text):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            if not lists:
                group += 1
            ordered = token.type == "ordered_list_open"
            lists.append(int(str(token.attrs.get("start", 1) or 1)) if ordered else None)
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif token.type == "list_item_open":
            depth = "  " * (len(lists) - 1)
            number = lists[-1] if lists else None
            if number is None:
                prefix = f"{depth}- "
            else:
                prefix = f"{depth}{number}. "
                lists[-1] = number + 1
        elif token.type == "inline":
            content = _inline(token.children or [])
            in_list = group if lists else None
            if prefix is not None:
                blocks.append((in_list, prefix + content))
                prefix = None
            else:
                blocks.append((in_list, content))
        elif token.type in ("fence", "code_block"):
            blocks.append((None, token.content.rstrip("\n")))
    out: list[str] = []
    previous: int | None = None
    for in_list, block in blocks:
        if out and (in_list is None or in_list != previous):
            out.append("")
        out.append(block)
        previous = in_list
    return "\n".join(out).strip()

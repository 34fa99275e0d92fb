"""Which words on a screen are Indonesian interface text, for the English-mode tests.

The vocabulary is read from the catalogue itself: every word of an Indonesian source
string that no English translation uses ("jawaban", "tekan", "soal"). A screen of the
English interface over English content that shows one of them shows an untranslated
string. Words of the English fixture content are never counted.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

from latsar_tui import i18n

PO = i18n.LOCALE_DIR / "en" / "LC_MESSAGES" / "latsar.po"
ENGLISH_FIXTURE = Path(__file__).resolve().parent / "fixtures" / "ui" / "english"
WORD = re.compile(r"[^\W\d_]{3,}")
# Names that stay as they are in every language: options, file names, commands in
# backticks ("--percobaan", "templat-soal.csv", "`latsar teks`" keeps "teks" only
# where it stands alone). Their words are neither vocabulary nor leftovers.
NAME = re.compile(r"`[^`]*`|\S*[\w][-_./=][\w]\S*|--\S+")


def _words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(NAME.sub(" ", text))}


@cache
def indonesian_words() -> frozenset[str]:
    """Words of the source strings that the English catalogue never uses."""
    source: set[str] = set()
    english: set[str] = set()
    with PO.open("rb") as handle:
        for message in read_po(handle, locale="en"):
            if not message.id:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            for text in ids:
                source |= _words(re.sub(r"\{[^{}]*\}", " ", text))
            for text in strings:
                english |= _words(text or "")
    content = set()
    for path in ENGLISH_FIXTURE.rglob("*.yaml"):
        content |= _words(path.read_text(encoding="utf-8"))
    return frozenset(source - english - content - _command_names())


def command_tree() -> list[tuple[list[str], bool]]:
    """Every subcommand of ``latsar`` as (its path, whether that name is an alias)."""
    import argparse

    from latsar_tui.cli import build_parser

    found: list[tuple[list[str], bool]] = []

    def walk(parser: argparse.ArgumentParser, prefix: list[str]) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, child in action.choices.items():
                    alias = child.prog.split()[-1] != name
                    found.append(([*prefix, name], alias))
                    if not alias:
                        walk(child, [*prefix, name])

    walk(build_parser(), [])
    return found


def _command_names() -> set[str]:
    """Subcommand names (``teks``, ``sinkron``): names, the same in every language."""
    return {path[-1].lower() for path, _alias in command_tree()}


def leftovers(text: str) -> list[str]:
    """The lines of ``text`` that hold an Indonesian interface word, with the words."""
    vocabulary = indonesian_words()
    found = []
    for line in text.splitlines():
        hits = sorted(_words(line) & vocabulary)
        if hits:
            found.append(f"{hits}: {line.strip()}")
    return found

"""Every interface string goes through gettext, and the English catalogue has it.

Fails when a string in the code reads like interface text but is not marked (see
``tests/i18n_scan.py``), when a marked string has no English translation (or only a
fuzzy guess), when a translation loses or invents a ``{placeholder}``, or when the
compiled ``.mo`` that ships is older than its ``.po``. ``python scripts/catalogues.py``
brings the catalogues up to date.
"""

from __future__ import annotations

import ast
import gettext
import io
import re
from pathlib import Path

import pytest

pytest.importorskip("babel")

from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from latsar_tui import i18n
from tests.i18n_scan import MARKERS, PACKAGE, ROOT, interface_files, scan

PO = i18n.LOCALE_DIR / "en" / "LC_MESSAGES" / "latsar.po"
MO = PO.with_suffix(".mo")
FIELD = re.compile(r"\{[^{}]*\}|%(?:\([^)]*\))?[sdif]")


def _catalogue():  # type: ignore[no-untyped-def]
    with PO.open("rb") as handle:
        return read_po(handle, locale="en")


def _marked_in_code() -> dict[tuple[str, str | None], str]:
    """(msgid, context) -> where it is marked, for every marked string of the package."""
    found: dict[tuple[str, str | None], str] = {}
    method_map = [("**.py", "python")]
    for filename, lineno, message, _comments, context in extract_from_dir(
        str(PACKAGE), method_map=method_map
    ):
        msgid = message[0] if isinstance(message, tuple) else message
        if msgid:
            found.setdefault((msgid, context), f"latsar_tui/{filename}:{lineno}")
    return found


def test_every_interface_string_is_marked() -> None:
    unmarked = scan()
    assert not unmarked, (
        f"{len(unmarked)} interface strings are not marked for translation "
        "(wrap them in _(), N_() or ngettext(); f-strings become _('...{x}').format(x=...)):\n"
        + "\n".join(str(f) for f in unmarked[:60])
    )


def test_no_message_is_marked_inside_an_f_string() -> None:
    # Babel cannot see into an f-string: a _() there is marked but never extracted, so
    # it would stay Indonesian in English without any test noticing.
    hidden = []
    for path in interface_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.JoinedStr):
                continue
            for inner in ast.walk(node):
                func = getattr(inner, "func", None)
                if isinstance(inner, ast.Call) and getattr(func, "id", "") in MARKERS:
                    hidden.append(f"{path.relative_to(ROOT)}:{inner.lineno}")
    assert hidden == []


def test_every_marked_string_has_an_english_translation() -> None:
    catalogue = _catalogue()
    missing = []
    for (msgid, context), where in sorted(_marked_in_code().items(), key=str):
        message = catalogue.get(msgid, context=context)
        if message is None:
            missing.append(f"{where}: not in the catalogue: {msgid!r}")
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(f"{where}: untranslated or fuzzy: {msgid!r}")
    assert not missing, (
        f"{len(missing)} catalogue entries missing; run `python scripts/catalogues.py` "
        "and translate:\n" + "\n".join(missing[:60])
    )


def test_translations_keep_their_placeholders() -> None:
    wrong = []
    for message in _catalogue():
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(FIELD.findall(ids[-1]))
        for text in strings:
            if text and set(FIELD.findall(text)) - wanted:
                wrong.append(f"{ids[0]!r} -> {text!r}")
            if text and len(ids) == 1 and set(FIELD.findall(text)) != wanted:
                wrong.append(f"{ids[0]!r} -> {text!r}")
    assert not wrong, "translations with other placeholders:\n" + "\n".join(wrong[:40])


def test_the_shipped_mo_is_compiled_from_the_po() -> None:
    buffer = io.BytesIO()
    write_mo(buffer, _catalogue())
    buffer.seek(0)
    fresh = gettext.GNUTranslations(buffer)
    with MO.open("rb") as handle:
        shipped = gettext.GNUTranslations(handle)
    assert shipped._catalog == fresh._catalog, (  # type: ignore[attr-defined]
        "latsar.mo is older than latsar.po: run `python scripts/catalogues.py`"
    )


def test_the_catalogue_is_found_where_the_package_looks() -> None:
    assert MO.is_file()
    assert Path(i18n.LOCALE_DIR).is_relative_to(ROOT / "latsar_tui")

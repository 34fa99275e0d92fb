"""Interface language: every word the app says goes through gettext.

The source strings in the code are Indonesian (the default language); the English
catalogue lives in ``latsar_tui/locale/en/LC_MESSAGES/latsar.po`` and its compiled
``.mo`` ships in the wheel. Catalogues are kept with Babel (see README, "Terjemahan").

The language is chosen once per process, before the interface is built, from (first
wins) ``--lang``, ``LATSAR_LANG`` and the saved setting; switching it in the app
restarts the app, so strings bound when a module is imported (key bindings, argparse
help) are always in the language in use. Content is never translated: a module is
shown in the language it was written in.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from pathlib import Path

DOMAIN = "latsar"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DEFAULT_LANGUAGE = "id"
# Each language's own name, as a learner looking for it would recognise it.
LANGUAGES: dict[str, str] = {"id": "Bahasa Indonesia", "en": "English"}  # i18n: ignore (names)


class _Active:
    """The process's interface language and its catalogue (one per process)."""

    language = DEFAULT_LANGUAGE
    translations: gettext.NullTranslations = gettext.NullTranslations()


def normalise(value: str | None) -> str | None:
    """``"en_US.UTF-8"``, ``"EN"`` or ``"en"`` -> ``"en"``; ``None`` for unknown languages."""
    if not value:
        return None
    code = value.strip().lower().replace("-", "_").split(".")[0].split("_")[0]
    return code if code in LANGUAGES else None


def resolve(cli_value: str | None, env: Mapping[str, str], setting: str | None = None) -> str:
    """The language to use: ``--lang``, else ``LATSAR_LANG``, else the setting, else id."""
    for candidate in (cli_value, env.get("LATSAR_LANG"), setting):
        code = normalise(candidate)
        if code is not None:
            return code
    return DEFAULT_LANGUAGE


def setup(language: str) -> str:
    """Make ``language`` the interface language of this process; returns the code used.

    A language without a compiled catalogue falls back to Indonesian (the source
    strings) rather than failing: a half-installed copy still works.
    """
    code = normalise(language) or DEFAULT_LANGUAGE
    translations = gettext.NullTranslations()
    if code != DEFAULT_LANGUAGE:
        try:
            translations = gettext.translation(DOMAIN, LOCALE_DIR, languages=[code])
        except OSError:
            code = DEFAULT_LANGUAGE
    _Active.language, _Active.translations = code, translations
    return code


def current_language() -> str:
    """The code of the interface language in use (``"id"`` or ``"en"``)."""
    return _Active.language


def _(message: str) -> str:
    """``message`` (Indonesian source text) in the interface language."""
    return _Active.translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for ``n`` (Indonesian uses one form; give it twice)."""
    return _Active.translations.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` where the same Indonesian word needs another translation by ``context``
    ("Benar" is "True" as an answer and "Correct" as a statistics column)."""
    return _Active.translations.pgettext(context, message)


def N_(message: str) -> str:
    """Marks text for the catalogue where it is defined; translate it with ``_`` at use."""
    return message


# Content languages named in the interface's words ("in Indonesian"), for the note
# beside a module written in another language than the interface's.
_CONTENT_LANGUAGES = {"id": N_("Indonesia"), "en": N_("Inggris")}


def content_language_note(tag: str) -> str:
    """``"(in Indonesian)"`` when content in ``tag`` is not in the interface language.

    Content is never translated, so a learner is told before opening it. The primary
    subtag decides (``id-ID`` is Indonesian); an unknown language shows its tag.
    """
    primary = tag.strip().replace("_", "-").split("-")[0].lower()
    if not primary or primary == _Active.language:
        return ""
    name = _CONTENT_LANGUAGES.get(primary)
    return _("(berbahasa {name})").format(name=_(name) if name else tag.strip())


def true_false(value: bool) -> str:
    """The words for a true/false answer: "Benar"/"Salah" ("True"/"False")."""
    if value:
        return pgettext("true/false answer", "Benar")
    return pgettext("true/false answer", "Salah")


def format_decimal(value: float, decimals: int = 1) -> str:
    """``value`` with ``decimals`` places: a decimal comma in Indonesian, a point in English."""
    text = f"{value:.{decimals}f}"
    return text.replace(".", ",") if _Active.language == "id" else text


# A process started with LATSAR_LANG (a test, `python -m`) speaks it from the first
# import; the CLI calls setup() again with --lang and the saved setting.
if normalise(os.environ.get("LATSAR_LANG")) not in (None, DEFAULT_LANGUAGE):
    setup(os.environ["LATSAR_LANG"])

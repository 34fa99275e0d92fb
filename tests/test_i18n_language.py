"""Choosing the interface language: --lang, LATSAR_LANG, the setting, fallbacks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from latsar_tui import i18n


@pytest.fixture(autouse=True)
def _back_to_indonesian() -> Iterator[None]:
    yield
    i18n.setup("id")


def test_the_flag_wins_over_the_environment_and_the_setting() -> None:
    assert i18n.resolve("en", {"LATSAR_LANG": "id"}, "id") == "en"
    assert i18n.resolve(None, {"LATSAR_LANG": "en_US.UTF-8"}, "id") == "en"
    assert i18n.resolve(None, {}, "en") == "en"
    assert i18n.resolve(None, {}, None) == "id"


def test_unknown_languages_fall_back_to_indonesian() -> None:
    assert i18n.normalise("fr") is None
    assert i18n.resolve(None, {"LATSAR_LANG": "fr"}, None) == "id"
    assert i18n.setup("fr") == "id"


def test_english_translates_and_indonesian_is_the_source() -> None:
    assert i18n.setup("en") == "en"
    assert i18n.current_language() == "en"
    assert i18n._("Bahasa") == "Language"
    i18n.setup("id")
    assert i18n._("Bahasa") == "Bahasa"

"""``review.text.number`` follows the interface language: 1,5 in Indonesian, 1.5 in English."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from latsar_tui import i18n
from latsar_tui.review.text import number


@pytest.fixture
def english() -> Iterator[None]:
    assert i18n.setup("en") == "en"  # the shipped English catalogue is found
    try:
        yield
    finally:
        i18n.setup("id")


def test_number_uses_a_decimal_point_in_english(english: None) -> None:
    assert number(1.5) == "1.5"
    assert number(2.0) == "2"  # trailing zeros and the separator are dropped
    assert number(12.25, 2) == "12.25"


def test_number_uses_a_decimal_comma_in_indonesian() -> None:
    i18n.setup("id")
    assert number(1.5) == "1,5"
    assert number(2.0) == "2"
    assert number(0.10, 2) == "0,1"


def test_number_without_decimals_keeps_its_zeros() -> None:
    i18n.setup("id")
    assert number(10, 0) == "10"

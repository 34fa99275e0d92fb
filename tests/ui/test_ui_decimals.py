"""Points on the results screen: a decimal comma in Indonesian, a point in English,
and no decimals at all for a whole number (issue 13)."""

from __future__ import annotations

import pytest

from latsar_tui import i18n
from latsar_tui.review.text import number


@pytest.mark.parametrize(
    ("language", "value", "shown"),
    [
        ("id", 7.5, "7,5"),
        ("id", 7.0, "7"),
        ("id", 10.0, "10"),
        ("id", 0.0, "0"),
        ("en", 7.5, "7.5"),
        ("en", 10.0, "10"),
        ("en", 0.04, "0"),
    ],
)
def test_points_follow_the_interface_language(language: str, value: float, shown: str) -> None:
    assert i18n.setup(language) == language
    try:
        assert number(value) == shown
    finally:
        i18n.setup("id")

"""'Did you mean ...?' suggestions for misspelt field names, types and ids."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from latsar_tui.i18n import _


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate closest to ``word``, if one is close enough to be a likely typo."""
    options = list(candidates)
    matches = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not matches:
        # Case slips ("Title") are typos too, but difflib counts every letter.
        folded = {option.casefold(): option for option in options}
        return folded.get(word.casefold())
    return matches[0]


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """``"; mungkin maksudnya 'x'?"`` when a candidate is close, else an empty string."""
    match = closest(word, candidates)
    if match is None:
        return ""
    return _("; mungkin maksudnya '{match}'?").format(match=match)

"""Plain-mode reading of the two typed types: a short answer line and ``1c 2a 3b``.

Kept apart from the runner so the parsing is tested on its own and the runner only
gains two small branches.
"""

from __future__ import annotations

import re

from latsar_tui.i18n import _

LETTERS = "abcdefghijkl"  # 8 pairs + 4 distractors at most
_PAIR = re.compile(r"(\d+)\s*[-=:.]?\s*([a-z])", re.IGNORECASE)


def letter(index: int) -> str:
    """The letter a right-side item is typed with."""
    return LETTERS[index]


def parse_pairs(reply: str, lefts: int, rights: int) -> list[int] | str:
    """Display-letter index per left item from ``1c 2a 3b``, or a message saying why not.

    Every left number must appear exactly once; a letter may be used twice (as in
    Moodle, a learner may pick the same right for two lefts, and loses one of them).
    """
    text = reply.strip()
    found = _PAIR.findall(text)
    leftover = _PAIR.sub("", text).replace(",", " ").strip()
    if not found or leftover:
        return _("Ketik pasangan seperti 1{first} 2{second}: nomor kiri lalu huruf kanan.").format(
            first=letter(0), second=letter(1)
        )
    picks: dict[int, int] = {}
    for number_text, char in found:
        number = int(number_text)
        index = LETTERS.find(char.casefold())
        if not 1 <= number <= lefts:
            return _("Nomor kiri hanya 1 sampai {lefts}.").format(lefts=lefts)
        if not 0 <= index < rights:
            return _("Huruf kanan hanya {first} sampai {last}.").format(
                first=letter(0), last=letter(rights - 1)
            )
        if number in picks:
            return _("Nomor {number} disebut dua kali; sebut tiap nomor kiri sekali.").format(
                number=number
            )
        picks[number] = index
    missing = [str(n) for n in range(1, lefts + 1) if n not in picks]
    if missing:
        return _("Belum dijodohkan: nomor {numbers}.").format(numbers=", ".join(missing))
    return [picks[n] for n in range(1, lefts + 1)]

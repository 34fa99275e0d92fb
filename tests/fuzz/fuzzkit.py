"""What the fuzz tests share: the profile, the hang and memory guard, and mangling.

Every fuzz example runs its entry point inside :func:`guarded`: a wall-clock alarm turns
a hang into a failure (the Hypothesis deadline only judges examples that finish), and
tracemalloc bounds the peak memory one example may take.
"""

from __future__ import annotations

import os
import signal
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hypothesis import settings
from hypothesis import strategies as st

LONG = os.environ.get("LATSAR_FUZZ") == "long"
FUZZ = settings.get_profile("latsar-fuzz-long" if LONG else "latsar-fuzz-ci")

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"

HANG_SECONDS = 60.0 if LONG else 20.0
PEAK_BYTES = 200 * 1024 * 1024


class Hang(Exception):
    """An entry point ran longer than ``HANG_SECONDS`` on one small input."""


@contextmanager
def guarded(seconds: float = HANG_SECONDS, peak: int = PEAK_BYTES) -> Iterator[None]:
    """Fail the example on a hang (SIGALRM) or a tracemalloc peak above ``peak``."""

    def _alarm(signum: int, frame: object) -> None:
        raise Hang(f"no answer after {seconds} s")

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    tracemalloc.start()
    try:
        yield
        _, top = tracemalloc.get_traced_memory()
        assert top < peak, f"peak memory {top / 1e6:.0f} MB on one small input"
    finally:
        tracemalloc.stop()
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def refusal(error: BaseException) -> str:
    """The message of a documented refusal; it must say something."""
    message = str(error)
    assert message.strip(), f"{type(error).__name__} without a message"
    return message


# --- generated values --------------------------------------------------------------

# Text as trainers and foreign tools write it, surrogates and odd spaces included.
any_text = st.text(max_size=40)
odd_text = st.one_of(
    any_text,
    st.sampled_from(
        [
            "",
            " ",
            "\t",
            "\u00a0",
            "\ufeff",
            "\u200b",
            "\x00",
            "\r\n",
            "é",
            "ẞ",
            "İ",
            "😀",
            "\ud800",
            "[b]tebal[/b]",
            "<b>x</b>",
            "&amp;",
            "{{",
            "%s",
            "{nama}",
            "TODO:",
            "1e400",
            "-0",
            "NaN",
            "~",
            "null",
            "yes",
            "0x1F",
            "2026-13-45",
        ]
    ),
    st.integers(0, 3).map(lambda n: "x" * (10 ** (n + 2))),
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(-(10**30), 10**30),
    st.floats(),
    odd_text,
)
junk = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.dictionaries(odd_text, children, max_size=3),
    ),
    max_leaves=8,
)


def nested(depth: int, leaf: Any = 1) -> Any:
    """``depth`` lists inside one another, around ``leaf``."""
    value = leaf
    for _ in range(depth):
        value = [value]
    return value


@st.composite
def mangled(draw: st.DrawFn, node: Any, depth: int = 0) -> Any:
    """``node`` (a JSON-like tree) with keys dropped, renamed or added, wrong types,
    odd strings, deep nesting and shared (aliased) subtrees; often left intact."""
    roll = draw(st.integers(0, 19))
    if roll == 0:
        return draw(junk)
    if roll == 1 and depth > 0:
        return nested(draw(st.integers(1, 60)), node)
    if isinstance(node, dict):
        out: dict[Any, Any] = {}
        for key, value in node.items():
            action = draw(st.integers(0, 24))
            if action == 0:
                continue  # dropped
            renamed = key
            if action == 1:
                renamed = draw(st.one_of(odd_text, st.integers(), st.booleans(), st.none()))
            out[renamed] = draw(mangled(value, depth + 1))
        if draw(st.integers(0, 9)) == 0:
            out[draw(odd_text)] = draw(junk)
        return out
    if isinstance(node, list):
        items = [draw(mangled(item, depth + 1)) for item in node]
        action = draw(st.integers(0, 9))
        if action == 0 and items:
            del items[draw(st.integers(0, len(items) - 1))]
        elif action == 1 and items:
            # The same object twice: the YAML dumper writes it as an anchor and alias.
            items.append(items[draw(st.integers(0, len(items) - 1))])
        elif action == 2:
            items = []
        return items
    if roll < 4:
        return draw(scalars)
    return node


@st.composite
def spliced(draw: st.DrawFn, text: str, snippets: list[str]) -> str:
    """``text`` with a few snippets inserted, a slice cut out or the end chopped off."""
    for _ in range(draw(st.integers(0, 4))):
        action = draw(st.integers(0, 3))
        at = draw(st.integers(0, len(text)))
        if action <= 1:
            text = text[:at] + draw(st.sampled_from(snippets) | any_text) + text[at:]
        elif action == 2:
            end = draw(st.integers(at, min(len(text), at + 200)))
            text = text[:at] + text[end:]
        else:
            text = text[:at]
    return text


@st.composite
def flipped(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` with a few bytes changed, cut out or the end chopped off."""
    buffer = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        if not buffer:
            break
        at = draw(st.integers(0, len(buffer) - 1))
        action = draw(st.integers(0, 3))
        if action <= 1:
            buffer[at] = draw(st.integers(0, 255))
        elif action == 2:
            del buffer[at : at + draw(st.integers(1, 64))]
        else:
            del buffer[at:]
    return bytes(buffer)


def encoded(text: str, encoding: str) -> bytes:
    """``text`` in an encoding, unencodable characters as they come (surrogates too)."""
    if encoding == "utf-8":
        return text.encode("utf-8", "surrogatepass")
    return text.encode(encoding, "replace")


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252"]


@st.composite
def one_spot(draw: st.DrawFn, node: Any) -> Any:
    """``node`` with one value somewhere replaced, dropped or given a wrong type: close
    enough to valid that most of the reading code runs before anything is refused."""
    if isinstance(node, dict) and node and draw(st.integers(0, 3)):
        key = draw(st.sampled_from(list(node)))
        out = dict(node)
        if draw(st.integers(0, 4)) == 0:
            del out[key]
        else:
            out[key] = draw(one_spot(node[key]))
        return out
    if isinstance(node, list) and node and draw(st.integers(0, 3)):
        index = draw(st.integers(0, len(node) - 1))
        items = list(node)
        items[index] = draw(one_spot(node[index]))
        return items
    return draw(junk | scalars)

"""Plain mode in English through pipes: a whole practice quiz of every type on the
English fixture bank, invalid input included, and no Indonesian interface word."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("babel")

from test_plain_subprocess import ANSI, Driver, _stored_answers, env  # noqa: F401

from tests.english_words import leftovers

ENGLISH = Path(__file__).parents[1] / "fixtures" / "ui" / "english"


def _without_builtin_titles(text: str) -> str:
    """The output with the built-in (Indonesian) modules' and banks' titles taken out:
    content, which stays in its own language, listed beside the English fixture."""
    from latsar_tui.content.loader import load_catalog
    from latsar_tui.paths import Paths

    catalog = load_catalog(Paths.resolve(), [])
    titles = [m.title for m in catalog.modules_in_order()] + [b.title for b in catalog.banks]
    for title in sorted(titles, key=len, reverse=True):
        text = text.replace(title, "")
    return text


def _answer(driver: Driver) -> str:
    driver.prompt()
    shown = driver.output.rsplit("\nQuestion ", 1)[-1]
    if "Who is at the centre of public service?" in shown:
        driver.type("9")  # out of range: asked again
        driver.type(driver.number_of("Citizens"))
        return "single"
    if "Which belong to a service standard?" in shown:
        driver.type("?")
        driver.type(f"{driver.number_of('Requirements')} {driver.number_of('Fees')}")
        return "multiple"
    if "Service standards are published." in shown:
        driver.type("b")
        return "true_false"
    if "his file was lost" in shown:
        driver.type("w")
        driver.type(driver.number_of("Listen, then trace the file"))
        return "scenario"
    if "Put the complaint steps in order." in shown:
        items = ("Receive the complaint", "Record the complaint", "Follow it up", "Inform")
        numbers = [driver.number_of(item) for item in items]
        driver.type(" ".join(numbers[:2]))  # too few: asked again
        driver.type(" ".join(numbers))
        return "ordering"
    if "The queue at the counter is growing." in shown:
        driver.type(driver.number_of("Open another counter"))
        driver.type(driver.number_of("Give an honest estimate"))
        return "branching"
    if "(one word)" in shown:
        driver.type("")  # empty: not sent
        driver.type("citizen")  # one letter off, within the tolerance
        return "short_answer"
    assert "Match each body with its task." in shown, shown
    rights = ("oversees public service", "monitors human rights", "manages civil servant records")
    picks = [driver.letter_of(right) for right in rights]
    driver.type("one")  # not pairs: asked again
    driver.type(" ".join(f"{n}{p}" for n, p in enumerate(picks, start=1)))
    return "matching"


def test_a_whole_practice_quiz_in_english(env: dict[str, str], tmp_path: Path) -> None:  # noqa: F811
    driver = Driver(["--lang", "en", "--content", str(ENGLISH), "teks"], env)
    driver.type("2")  # practice
    driver.type(driver.number_of("Public Service Practice"))
    kinds = [_answer(driver) for _ in range(8)]
    driver.type("q")
    code, out, err = driver.finish()
    assert code == 0, err
    assert not ANSI.search(out)
    assert sorted(kinds) == sorted(
        [
            "single",
            "multiple",
            "true_false",
            "scenario",
            "ordering",
            "branching",
            "short_answer",
            "matching",
        ]
    )
    assert len(_stored_answers(tmp_path / "home")) == 8
    lines = out.split("\n")
    assert [line for line in lines if re.match(r"Question \d+ of", line)] == [
        f"Question {n} of 8 · Practice · Public Service Practice" for n in range(1, 9)
    ]
    assert lines.count("Answer saved.") == 8
    assert "Type a number from 1 to 3." in lines  # the invalid "9"
    assert "Score 100 percent, 8 of 8 points, 8 of 8 questions answered." in lines, out[-1500:]
    problems = leftovers(_without_builtin_titles(out))
    assert not problems, "Indonesian interface text in English plain mode:\n" + "\n".join(problems)

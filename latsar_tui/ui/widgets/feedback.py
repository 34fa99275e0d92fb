"""What the learner sees right after answering (practice) and in the results list:
literal Content built from the model and the engine's outcome, never markup."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.visual import Visual

from latsar_tui.content.model import (
    Answer,
    BranchingQuestion,
    MatchingQuestion,
    MultipleQuestion,
    OrderingQuestion,
    Question,
    ScenarioQuestion,
    ShortAnswerQuestion,
    SingleQuestion,
    TrueFalseQuestion,
)
from latsar_tui.i18n import _, ngettext, true_false
from latsar_tui.quiz import scoring
from latsar_tui.ui.text import mark, percent
from latsar_tui.ui.widgets.hanging import Hanging, Row
from latsar_tui.ui.widgets.typed_feedback import matching_feedback, short_answer_feedback

NL = Content("\n")


def _style(score: float) -> str:
    if score >= 0.999:
        return "bold $success"
    return "bold $error" if score <= 0.001 else "bold $warning"


def scenario_points(question: ScenarioQuestion, answer: int, *, short: bool = False) -> Content:
    """``✓ 5 dari 5 poin · pilihan terbaik`` or ``● 2 dari 5 poin · pilihan terbaik
    bernilai 5``: a TKP item has no wrong option, only more or fewer points.

    ``short`` keeps only the points, where the best option is listed just below.
    """
    points = question.options[answer].score
    best = question.options[question.best_index].score
    scale = scoring.SCENARIO_MAX
    if short:
        symbol, style = ("✓", "bold $success") if points >= best else ("●", "bold $warning")
        return Content(
            symbol + " " + _("{points} dari {scale} poin").format(points=points, scale=scale)
        ).stylize(style)
    if points >= best:
        return Content.assemble(
            (
                "✓ " + _("{points} dari {scale} poin").format(points=points, scale=scale),
                "bold $success",
            ),
            "  ·  " + _("pilihan terbaik"),
        )
    return Content.assemble(
        (
            "● " + _("{points} dari {scale} poin").format(points=points, scale=scale),
            "bold $warning",
        ),
        "  ·  " + _("pilihan terbaik bernilai {best}").format(best=best),
    )


def verdict(question: Question, answer: Answer | None, score: float) -> Content:
    """The headline after answering, as a symbol and words (never colour alone):
    points for a scenario, otherwise ``✓ Benar`` / ``✗ Kurang tepat`` / ``~ Sebagian``
    with the score said once."""
    if isinstance(question, ScenarioQuestion) and isinstance(answer, int):
        return scenario_points(question, answer)
    word = mark(score).split(" (")[0]  # the percentage follows as "skor", not twice
    return Content.assemble(
        (word, _style(score)), "  ·  " + _("skor {percent}").format(percent=percent(score * 100))
    )


def _line(*parts: Content | str | tuple[str, str]) -> Content:
    return Content.assemble(*parts, "\n")


def _row(head: Content | tuple[str, str], *body: Content | str | tuple[str, str]) -> Row:
    """One option: its head (symbol, points) and its text, which wraps under itself."""
    return (Content.assemble(head), Content.assemble(*body))


def _feedback(text: str | None, indent: int) -> list[Row]:
    """An option's feedback, ``↳`` under the option's text and wrapping under itself."""
    if not text:
        return []
    return [(Content(" " * indent + "↳ ").stylize("dim"), Content(text).stylize("italic"))]


def choice_feedback(question: Question, answer: Answer, order: Sequence[int]) -> Visual:
    """The per-option part of the feedback, in the order the learner saw the options."""
    if isinstance(question, SingleQuestion) and isinstance(answer, int):
        return _single(question, answer, order)
    if isinstance(question, MultipleQuestion) and isinstance(answer, frozenset):
        return _multiple(question, answer, order)
    if isinstance(question, TrueFalseQuestion) and isinstance(answer, bool):
        return _true_false(question, answer)
    if isinstance(question, ScenarioQuestion) and isinstance(answer, int):
        return _scenario(question, answer, order)
    if isinstance(question, OrderingQuestion) and isinstance(answer, tuple):
        return ordering_columns(question, answer)
    if isinstance(question, BranchingQuestion) and isinstance(answer, tuple):
        return branching_summary(question, answer)
    if isinstance(question, ShortAnswerQuestion) and isinstance(answer, str):
        return short_answer_feedback(question, answer)
    if isinstance(question, MatchingQuestion) and isinstance(answer, tuple):
        return matching_feedback(question, answer)
    return Content("")


def _single(question: SingleQuestion, answer: int, order: Sequence[int]) -> Hanging:
    rows: list[Row] = []
    for index in order:
        option = question.options[index]
        chosen = index == answer
        if option.correct:
            head = ("✓ ", "bold $success")
            tail = _("  ← jawaban Anda, benar") if chosen else _("  ← jawaban yang benar")
        elif chosen:
            head, tail = ("✗ ", "bold $error"), _("  ← jawaban Anda")
        else:
            head, tail = ("  ", ""), ""
        style = "bold" if chosen or option.correct else "dim"
        rows.append(_row(head, (option.text, style), (tail, "italic")))
        if chosen or option.correct:
            rows += _feedback(option.feedback, 2)
    return Hanging(rows)


def _multiple(question: MultipleQuestion, answer: frozenset[int], order: Sequence[int]) -> Hanging:
    rows: list[Row] = []
    for index in order:
        option = question.options[index]
        chosen = index in answer
        if chosen and option.correct:
            head, tail = ("✓ ", "bold $success"), _("  ← Anda pilih, benar")
        elif chosen:
            head, tail = ("✗ ", "bold $error"), _("  ← Anda pilih, seharusnya tidak")
        elif option.correct:
            head, tail = ("○ ", "bold $warning"), _("  ← seharusnya dipilih")
        else:
            head, tail = ("  ", ""), _("  (memang tidak dipilih)")
        rows.append(
            _row(head, (option.text, "bold" if chosen or option.correct else ""), (tail, "italic"))
        )
        if chosen:
            rows += _feedback(option.feedback, 2)
    return Hanging(rows)


def _true_false(question: TrueFalseQuestion, answer: bool) -> Hanging:
    said = true_false(answer)
    right = true_false(question.answer)
    text = question.feedback_true if answer else question.feedback_false
    return Hanging(
        [
            Content.assemble(_("Jawaban Anda: "), (said, "bold")),
            Content.assemble(_("Jawaban yang benar: "), (right, "bold")),
            *_feedback(text, 2),
        ]
    )


def _scenario(question: ScenarioQuestion, answer: int, order: Sequence[int]) -> Hanging:
    rows: list[Row] = []
    for index in order:
        option = question.options[index]
        chosen = index == answer
        head = Content.assemble(
            ("▶ ", "bold") if chosen else "  ",
            (
                ngettext("{n} poin", "{n} poin", option.score).format(n=option.score) + "  ",
                "bold $success" if option.score == 5 else "bold",
            ),
        )
        text_style = "bold reverse" if chosen else ""
        tail = (_("  ← pilihan Anda"), "bold italic") if chosen else ("", "")
        rows.append(_row(head, (option.text, text_style), tail))
        rows += _feedback(option.feedback, head.cell_length)
    return Hanging(rows)


def ordering_columns(question: OrderingQuestion, answer: tuple[int, ...]) -> Hanging:
    """The learner's order, step by step with ✓/✗, and the right step under a wrong one.

    Each step wraps under itself instead of being cut to fit a column, so the
    learner's own steps are always readable in full, at any width.
    """
    rows: list[Row | Content] = [Content(_("Urutan Anda:")).stylize("bold")]
    for position, item_index in enumerate(answer):
        right = item_index == position
        symbol = ("✓ ", "bold $success") if right else ("✗ ", "bold $error")
        head = Content.assemble(symbol, f"{position + 1}. ")
        rows.append(_row(head, question.items[item_index]))
        if not right:
            rows += _feedback(
                _("yang benar: {item}").format(item=question.items[position]), head.cell_length
            )
    return Hanging(rows)


def branching_summary(question: BranchingQuestion, answer: tuple[int, ...]) -> Hanging:
    """The path taken, step by step, each decision against the best of its own step."""
    rows: list[Row | Content] = [Content(_("Jalur yang Anda tempuh:")).stylize("bold")]
    path = scoring.branching_path(question, answer)
    parts = scoring.branching_breakdown(question, answer)
    for part, (_step, choice) in zip(parts, path, strict=True):
        head = Content(f"{part.number}. ")
        rows.append(
            _row(
                head,
                (choice.text, "bold"),
                "  "
                + _("(langkah {number}: {earned} dari {best} poin)").format(
                    number=part.number, earned=part.earned, best=part.best
                ),
            )
        )
        rows += _feedback(choice.feedback, head.cell_length)
    # The totals from the breakdown already made, not two more walks of the path.
    earned = sum(part.earned for part in parts)
    possible = sum(part.best for part in parts)
    rows.append(
        Content.assemble(
            (_("Poin diperoleh: "), "bold"),
            _(
                "{earned} dari {possible} poin "
                "(tiap langkah dinilai terhadap pilihan terbaik langkah itu)"
            ).format(earned=earned, possible=possible),
        )
    )
    return Hanging(rows)

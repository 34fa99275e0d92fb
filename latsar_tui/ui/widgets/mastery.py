"""Mastery rows (module, lesson or tag) as aligned columns that fit the width they get.

A row used to be a title, a fixed bar and a sentence of details, which wrapped at 100
columns. This ``Visual`` lays the same figures out at render time: a title column cut
with an ellipsis, a bar as wide as the room allows, and the details under one header
line, so each row stays on one line at 80 columns and up. Every figure is printed as
text beside the bar, so nothing is told by the bar (or its colour) alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from latsar_tui.i18n import _, pgettext
from latsar_tui.review import text
from latsar_tui.review.stats import Mastery

GAP = "  "
TITLE_MAX = 36
TITLE_MIN = 10
BAR_WIDE = 20
BAR_NARROW = 10
# Header words; the figures under them are right-aligned to their width.
MASTERY = _("Penguasaan")
ANSWERED = _("Dijawab")
LAST = pgettext("statistics column: share of last answers that were right", "Benar")
RECALL = _("Ingatan")


class MasteryTable(Visual):
    """A header line, then one line per ``Mastery`` row."""

    def __init__(self, rows: Sequence[Mastery], label: str) -> None:
        self.rows = list(rows)
        self.label = label

    def _answered_width(self) -> int:
        counts = [len(f"{row.answered}/{row.total}") for row in self.rows]
        return max([len(ANSWERED), *counts])

    def _details_width(self) -> int:
        return len(GAP) * 3 + self._answered_width() + len(LAST) + len(RECALL)

    def _title_width(self, width: int, bar: int) -> int:
        longest = max([len(self.label), *(len(row.title) for row in self.rows)])
        room = width - len(GAP) - bar - 5 - self._details_width()
        return max(TITLE_MIN, min(longest, TITLE_MAX, room))

    def lines(self, width: int) -> list[Content]:
        """The table laid out for ``width`` cells, header first."""
        bar = BAR_WIDE if width >= 90 else BAR_NARROW
        title_width = self._title_width(width, bar)
        answered = self._answered_width()
        header = Content.assemble(
            Content(self.label).truncate(title_width, ellipsis=True, pad=True),
            GAP,
            MASTERY.ljust(bar + 5),
            GAP,
            ANSWERED.rjust(answered),
            GAP,
            LAST,
            GAP,
            RECALL,
        ).stylize("bold $text-muted")
        lines = [header]
        for row in self.rows:
            lines.append(
                Content.assemble(
                    # The title comes from YAML: literal, cut with an ellipsis.
                    Content(row.title).truncate(title_width, ellipsis=True, pad=True),
                    GAP,
                    (text.bar(row.mastery, bar), "$accent"),
                    (f" {text.pct(row.mastery):>4}", "bold"),
                    GAP,
                    f"{row.answered}/{row.total}".rjust(answered),
                    GAP,
                    text.pct(row.accuracy).rjust(len(LAST)),
                    GAP,
                    text.pct(row.recall).rjust(len(RECALL)),
                )
            )
        return lines

    @property
    def plain(self) -> str:
        """The table at 80 columns' content width, as text (for tests and logs)."""
        return "\n".join(line.plain for line in self.lines(74))

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        if width <= 0:
            return []
        rich_style = style.rich_style
        strips: list[Strip] = []
        for line in self.lines(width):
            rendered = line.truncate(width).render_strips(width, 1, style, options)
            strip = rendered[0] if rendered else Strip.blank(width, rich_style)
            strips.append(strip.extend_cell_length(width, rich_style))
        return strips[:height] if height is not None else strips

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max(line.cell_length for line in self.lines(container_width))

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self.rows) + 1

"""Rows with a hanging indent: a fixed head (``▶ 1/a  ``, ``5 poin  ``) and a body
that wraps in its own column, so continuation lines sit under the text, not under
the head.

``Content`` alone wraps to column 0, and a Rich table would lose Textual's ``$``
style variables; this small ``Visual`` lays out ``Content`` pieces instead, so text
from YAML stays literal all the way to the screen.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

# A body column never gets narrower than this, however long the head.
MIN_BODY = 8

Row = tuple[Content, Content]


class Hanging(Visual):
    """Rows of (head, body): each body wraps in the column after its own head. A bare
    ``Content`` row is an ordinary full-width line."""

    def __init__(self, rows: Sequence[Row | Content]) -> None:
        self.rows: list[Row | Content] = list(rows)

    @property
    def plain(self) -> str:
        """The text without layout, one row per line (for tests and logs)."""
        return "\n".join(
            row[0].plain + row[1].plain if isinstance(row, tuple) else row.plain
            for row in self.rows
        )

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        if width <= 0:
            return []
        rich_style = style.rich_style
        strips: list[Strip] = []
        for row in self.rows:
            if not isinstance(row, tuple):
                strips.extend(
                    strip.extend_cell_length(width, rich_style)
                    for strip in row.render_strips(width, None, style, options)
                    or [Strip.blank(width, rich_style)]
                )
                continue
            head, body = row
            head_width = _head_width(head, width)
            body_width = width - head_width
            head_strip = _first_strip(head, head_width, style, options)
            blank = Strip.blank(head_width, rich_style)
            body_strips = body.render_strips(body_width, None, style, options) or [
                Strip.blank(body_width, rich_style)
            ]
            for number, body_strip in enumerate(body_strips):
                left = head_strip if number == 0 else blank
                strips.append(
                    Strip.join([left, body_strip.extend_cell_length(body_width, rich_style)])
                )
        if height is not None:
            strips = strips[:height]
        return strips

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        widths = [
            row[0].cell_length + row[1].get_optimal_width(rules, container_width)
            if isinstance(row, tuple)
            else row.get_optimal_width(rules, container_width)
            for row in self.rows
        ]
        return max(widths, default=0)

    def get_minimal_width(self, rules: RulesMap) -> int:
        heads = [row[0].cell_length for row in self.rows if isinstance(row, tuple)]
        return max(heads, default=0) + MIN_BODY

    def get_height(self, rules: RulesMap, width: int) -> int:
        total = 0
        for row in self.rows:
            if isinstance(row, tuple):
                body_width = width - _head_width(row[0], width)
                total += max(1, row[1].get_height(rules, body_width))
            else:
                total += max(1, row.get_height(rules, width))
        return total


def _head_width(head: Content, width: int) -> int:
    """The head's own width, shrunk only when the body would get too narrow."""
    return max(0, min(head.cell_length, width - MIN_BODY))


def _first_strip(head: Content, width: int, style: Style, options: RenderOptions) -> Strip:
    """The head on one line, cut (never wrapped) to its column."""
    if width <= 0:
        return Strip([])
    strips = head.truncate(width).render_strips(width, 1, style, options)
    strip = strips[0] if strips else Strip([])
    return strip.extend_cell_length(width, style.rich_style).crop(0, width)

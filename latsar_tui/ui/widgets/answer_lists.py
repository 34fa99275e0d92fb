"""Keyboard-first answer widgets: a list of options and a list of steps to order.

They only collect an answer in *display* positions (or, for ordering, the item keys
they were given) and post it; turning it into a canonical answer and scoring it is the
session engine's job.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region, Spacing
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from latsar_tui.i18n import _, true_false
from latsar_tui.ui.text import OPTION_KEYS
from latsar_tui.ui.widgets.hanging import Hanging

_PICK_BINDINGS = [
    Binding(str(n + 1), f"pick({n})", show=False) for n in range(len(OPTION_KEYS))
] + [Binding(key, f"pick({n})", show=False) for n, key in enumerate(OPTION_KEYS)]


POINTER = "▶ "


class _PointedList(OptionList):
    """An OptionList whose highlighted row also carries a ▶, not only a colour."""

    _pointed: int | None = None

    def _prompt(self, position: int) -> Hanging:
        raise NotImplementedError

    def _pointer(self, position: int) -> str:
        return POINTER if position == self._pointed else " " * len(POINTER)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        previous, self._pointed = self._pointed, event.option_index
        for position in {previous, event.option_index}:
            if position is not None and position < self.option_count:
                self.replace_option_prompt_at_index(position, self._prompt(position))
        if previous is not None:  # the first highlight comes with the question: stay at its top
            self.call_after_refresh(self._show_highlight_in_parent)

    def _show_highlight_in_parent(self) -> None:
        """Scroll the screen's body so the highlighted option is on screen.

        The list is only as tall as its options, so its own scrolling never moves;
        with long options at 80x24 the last ones sit below the body's edge, and ↓
        would highlight an option nobody can see.
        """
        parent = self.parent
        index = self.highlighted
        if not isinstance(parent, Widget) or index is None or not self.is_mounted:
            return
        self._update_lines()
        line = self._index_to_line.get(index)
        if line is None:
            return
        top = self.virtual_region.y + self.styles.border.spacing.top + line - round(self.scroll_y)
        region = Region(self.virtual_region.x, top, self.size.width, self._heights[index])
        # One more row each side, so the list's border shows at the first and last option.
        parent.scroll_to_region(region, spacing=Spacing(1, 0, 1, 0), animate=False)


class ChoiceList(_PointedList):
    """Options of a question. 1–8 or a–h pick, arrows + Enter too.

    With ``multi`` the same keys (and Space) toggle a tick and Enter submits the set.
    With ``confirm`` (the "konfirmasi jawaban" setting) a key only highlights and Enter
    answers. Whatever the setting, a key never answers while an option is off screen,
    and Enter never answers an option the learner cannot see: the list scrolls to it
    first. ``chosen`` marks the answer already saved (an exam question visited again).
    """

    BINDINGS = [  # noqa: RUF012 - Textual reads class-level lists
        *_PICK_BINDINGS,
        Binding("enter", "select", _("Jawab")),
        Binding("space", "toggle", _("Centang"), show=False),
    ]

    # The key shown before each option, after its number.
    KEY_LABELS = OPTION_KEYS

    class Answered(Message):
        """The learner submitted: display positions of what they chose."""

        def __init__(self, choice_list: ChoiceList, positions: tuple[int, ...]) -> None:
            super().__init__()
            self.choice_list = choice_list
            self.positions = positions

        @property
        def control(self) -> ChoiceList:
            """The list that was answered (lets handlers use ``@on(..., selector)``)."""
            return self.choice_list

    class Held(Message):
        """A key highlighted an option without answering (confirm mode or hidden options)."""

        def __init__(self, choice_list: ChoiceList, hidden: bool) -> None:
            super().__init__()
            self.choice_list = choice_list
            self.hidden = hidden

        @property
        def control(self) -> ChoiceList:
            """The list whose option was highlighted."""
            return self.choice_list

    def __init__(
        self,
        labels: Sequence[Content],
        *,
        multi: bool = False,
        confirm: bool = False,
        chosen: Sequence[int] = (),
        id: str | None = None,
    ) -> None:
        self._labels = list(labels)
        self.multi = multi
        self.confirm = confirm
        self.chosen = frozenset(chosen)
        self.ticked: set[int] = set(chosen) if multi else set()
        self.locked = False
        super().__init__(*[Option(self._prompt(i)) for i in range(len(labels))], id=id)

    def _prompt(self, position: int) -> Hanging:
        # A wrapped option continues under its text, not under the ▶ 1/a keys.
        keys = self.KEY_LABELS
        key = keys[position] if position < len(keys) else "?"
        head = f"{self._pointer(position)}{position + 1}/{key}  "
        if self.multi:
            head += "[✓] " if position in self.ticked else "[ ] "
        elif self.chosen:
            head += "● " if position in self.chosen else "○ "
        return Hanging([(Content(head).stylize("bold"), self._labels[position])])

    def on_mount(self) -> None:
        if self.option_count:
            first = min(self.chosen) if self.chosen and not self.multi else 0
            self.highlighted = first

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A letter past the last option is not this list's key: let it reach the
        # screen (g opens an exam's question grid unless there is a 7th option).
        if action == "pick" and parameters and isinstance(parameters[0], int):
            return parameters[0] < self.option_count
        return super().check_action(action, parameters)

    # --- what is on screen ------------------------------------------------------------

    def _window(self) -> tuple[float, float] | None:
        """The rows of the parent's scrolled content that are on screen, or None."""
        parent = self.parent
        if not isinstance(parent, Widget) or not self.is_mounted:
            return None
        top = parent.scroll_y
        return top, top + parent.scrollable_content_region.height

    def all_options_visible(self) -> bool:
        """Whether every option is inside the screen's scrolled body right now."""
        window = self._window()
        if window is None:
            return True
        region = self.virtual_region
        return region.y >= window[0] and region.bottom <= window[1]

    def option_visible(self, index: int) -> bool:
        """Whether the option at ``index`` is wholly on screen."""
        window = self._window()
        if window is None:
            return True
        self._update_lines()
        line = self._index_to_line.get(index)
        if line is None:
            return False
        top = self.virtual_region.y + self.styles.border.spacing.top + line - round(self.scroll_y)
        return top >= window[0] and top + self._heights[index] <= window[1]

    # --- keys -----------------------------------------------------------------------

    def action_pick(self, position: int) -> None:
        """A number or letter key: choose (single) or toggle (multi) that option.

        It only highlights (and brings into view) in confirm mode, or while some
        option is off screen, so no option is chosen before all were seen.
        """
        if self.locked or position >= self.option_count:
            return
        hidden = not self.all_options_visible()
        self.highlighted = position
        if hidden:
            self.call_after_refresh(self._show_highlight_in_parent)
            self.post_message(self.Held(self, hidden=True))
            return
        if self.multi:
            self._toggle(position)
        elif self.confirm:
            self.post_message(self.Held(self, hidden=False))
        else:
            self.locked = True
            self.post_message(self.Answered(self, (position,)))

    def action_toggle(self) -> None:
        """Space: toggle the highlighted option (multi only)."""
        if self.multi and not self.locked and self.highlighted is not None:
            self._toggle(self.highlighted)

    def _toggle(self, position: int) -> None:
        self.ticked ^= {position}
        self.replace_option_prompt_at_index(position, self._prompt(position))

    def action_select(self) -> None:
        """Enter: submit the highlighted option (once it is on screen), or the ticked set."""
        if self.locked:
            return
        if self.multi:
            self.locked = True
            self.post_message(self.Answered(self, tuple(sorted(self.ticked))))
        elif self.highlighted is not None:
            if not self.option_visible(self.highlighted):
                self._show_highlight_in_parent()
                self.post_message(self.Held(self, hidden=True))
                return
            self.locked = True
            self.post_message(self.Answered(self, (self.highlighted,)))


class TrueFalseList(ChoiceList, inherit_bindings=False):
    """Benar/Salah: letters follow the words, b = Benar and s = Salah (1 and 2 too).

    ChoiceList's a–h are left out on purpose: there ``b`` means the second option,
    which here is Salah.
    """

    BINDINGS = [  # noqa: RUF012
        *OptionList.BINDINGS,
        Binding("1,b", "pick(0)", show=False),
        Binding("2,s", "pick(1)", show=False),
        Binding("enter", "select", _("Jawab")),
    ]
    KEY_LABELS = "bs"

    def __init__(
        self, *, confirm: bool = False, chosen: Sequence[int] = (), id: str | None = None
    ) -> None:
        super().__init__(
            [
                Content(true_false(True)),
                Content(true_false(False)),
            ],
            confirm=confirm,
            chosen=chosen,
            id=id,
        )


class OrderList(_PointedList):
    """Items to put in order. Space picks an item up, arrows move it, Space drops it;
    Shift+↑/↓ (or Ctrl+↑/↓, -/+) move the highlighted item directly. Enter submits.
    """

    BINDINGS = [  # noqa: RUF012
        Binding("enter", "select", _("Kirim urutan")),
        Binding("space", "grab", "Ambil/lepas"),
        Binding("shift+up,ctrl+up,minus", "move(-1)", _("Geser naik"), show=False),
        Binding("shift+down,ctrl+down,plus,equals_sign", "move(1)", _("Geser turun"), show=False),
    ]

    class Answered(Message):
        """The learner submitted this sequence of item keys (top to bottom)."""

        def __init__(self, order_list: OrderList, sequence: tuple[int, ...]) -> None:
            super().__init__()
            self.order_list = order_list
            self.sequence = sequence

        @property
        def control(self) -> OrderList:
            """The list that was answered."""
            return self.order_list

    def __init__(
        self,
        items: Sequence[tuple[int, Content]],
        *,
        id: str | None = None,
    ) -> None:
        self._items = list(items)
        self.grabbed = False
        self.locked = False
        super().__init__(*[Option(self._prompt(i)) for i in range(len(items))], id=id)

    @property
    def sequence(self) -> tuple[int, ...]:
        """Item keys in their current order, top to bottom."""
        return tuple(key for key, _label in self._items)

    def _prompt(self, position: int) -> Hanging:
        grabbed = self.grabbed and position == self.highlighted
        head = f"{self._pointer(position)}{position + 1}. " + ("⇕ " if grabbed else "  ")
        return Hanging([(Content(head).stylize("bold"), self._items[position][1])])

    def _refresh_prompts(self) -> None:
        for position in range(len(self._items)):
            self.replace_option_prompt_at_index(position, self._prompt(position))

    def on_mount(self) -> None:
        if self.option_count:
            self.highlighted = 0

    def action_grab(self) -> None:
        """Pick up or put down the highlighted item."""
        if not self.locked:
            self.grabbed = not self.grabbed
            self._refresh_prompts()

    def action_move(self, delta: int) -> None:
        """Swap the highlighted item with its neighbour above (-1) or below (+1)."""
        here = self.highlighted
        if self.locked or here is None:
            return
        there = here + delta
        if not 0 <= there < len(self._items):
            return
        self._items[here], self._items[there] = self._items[there], self._items[here]
        self.highlighted = there
        self._refresh_prompts()

    def action_cursor_up(self) -> None:
        if self.grabbed:
            self.action_move(-1)
        else:
            super().action_cursor_up()

    def action_cursor_down(self) -> None:
        if self.grabbed:
            self.action_move(1)
        else:
            super().action_cursor_down()

    def action_select(self) -> None:
        """Enter: submit the current order."""
        if not self.locked:
            self.locked = True
            self.grabbed = False
            self._refresh_prompts()
            self.post_message(self.Answered(self, self.sequence))

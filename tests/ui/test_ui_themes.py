"""The high-contrast themes meet WCAG 2.x AA on every colour pair the app uses, and
NO_COLOR gives a theme with no colour at all.

The pairs are read from the app's own stylesheet (every ``$variable`` used as a text
colour, a background or a border) plus the Textual widgets the app shows (footer keys,
the list cursor), and resolved through the theme exactly as Textual resolves them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.color import Color

from latsar_tui.ui.themes import HIGH_CONTRAST, NO_COLOUR, THEMES

UI = Path(__file__).parents[2] / "latsar_tui" / "ui"
TCSS = UI / "app.tcss"
TEXT_AA = 4.5
BORDER_AA = 3.0


def _luminance(color: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(a: Color, b: Color) -> float:
    """The WCAG contrast ratio of two opaque colours."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula_on_known_pairs() -> None:
    assert contrast(Color.parse("#000000"), Color.parse("#FFFFFF")) == pytest.approx(21.0)
    assert contrast(Color.parse("#777777"), Color.parse("#FFFFFF")) == pytest.approx(4.48, abs=0.01)


def _used_variables() -> tuple[set[str], set[str], set[str]]:
    """Variables the stylesheet uses as text colour, as background, and in borders."""
    text: set[str] = set()
    background: set[str] = set()
    border: set[str] = set()
    for prop, value in re.findall(r"^\s*([a-z-]+):\s*([^;]+);", TCSS.read_text(), re.M):
        names = set(re.findall(r"\$([a-z0-9-]+)", value))
        if prop in ("color", "border-title-color"):
            text |= names
        elif prop.startswith("background"):
            background |= names
        elif prop.startswith(("border", "outline")):
            border |= names
    # Styles given in code ("bold $success" on a Content) colour text too.
    for source in UI.rglob("*.py"):
        for style in re.findall(r"[\"']((?:bold |italic )*\$[a-z0-9-]+)[\"']", source.read_text()):
            text |= set(re.findall(r"\$([a-z0-9-]+)", style))
    return text, background, border


def _resolve(variables: dict[str, str], name: str, under: Color) -> Color:
    value = variables[name]
    assert not value.startswith("auto"), f"${name} is derived ({value}); set it explicitly"
    color = Color.parse(value)
    return under.blend(color, color.a) if color.a < 1 else color


@pytest.mark.parametrize("theme", [t for t in THEMES if t.name in HIGH_CONTRAST], ids=str)
def test_every_pair_meets_aa(theme: object) -> None:
    variables = theme.to_color_system().generate()  # type: ignore[attr-defined]
    screen = Color.parse(variables["background"])
    text_vars, background_vars, border_vars = _used_variables()
    # Text sits on the screen, the surface, the footer and any background the styles set.
    grounds = {
        name: _resolve(variables, name, screen)
        for name in {"background", "surface", "panel", *background_vars}
    }
    foregrounds = text_vars | {"text", "text-muted", "foreground", "footer-key-foreground"}
    failures = []
    for fg in sorted(foregrounds):
        for bg, ground in sorted(grounds.items()):
            ratio = contrast(_resolve(variables, fg, ground), ground)
            if ratio < TEXT_AA:
                failures.append(f"${fg} on ${bg}: {ratio:.2f}")
    footer = _resolve(variables, "footer-background", screen)
    for fg in ("footer-key-foreground", "footer-description-foreground", "footer-foreground"):
        ratio = contrast(_resolve(variables, fg, footer), footer)
        if ratio < TEXT_AA:
            failures.append(f"${fg} on $footer-background: {ratio:.2f}")
    cursor = _resolve(variables, "block-cursor-background", screen)
    ratio = contrast(_resolve(variables, "block-cursor-foreground", cursor), cursor)
    if ratio < TEXT_AA:
        failures.append(f"list cursor: {ratio:.2f}")
    for name in sorted(border_vars | {"border"}):
        for bg in ("background", "surface"):
            ratio = contrast(_resolve(variables, name, grounds[bg]), grounds[bg])
            if ratio < BORDER_AA:
                failures.append(f"border ${name} on ${bg}: {ratio:.2f}")
    assert failures == []


def test_the_colourless_theme_has_only_greys() -> None:
    (theme,) = [t for t in THEMES if t.name == NO_COLOUR]
    for name, value in theme.to_color_system().generate().items():
        if value.startswith("#"):
            color = Color.parse(value)
            assert color.r == color.g == color.b, f"${name} is {value}"


async def test_no_color_starts_the_colourless_theme(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from ui_helpers import SIZE, make_app, settle

    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(monkeypatch, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == NO_COLOUR


async def test_theme_and_animations_are_remembered(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from ui_helpers import SIZE, make_app, settle

    monkeypatch.delenv("NO_COLOR", raising=False)
    app = make_app(monkeypatch, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.use_theme(HIGH_CONTRAST[1])
        app.set_animations(False)
        await settle(pilot)
        assert app.animation_level == "none"
    again = make_app(monkeypatch, tmp_path)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.theme == HIGH_CONTRAST[1]
        assert again.animation_level == "none"

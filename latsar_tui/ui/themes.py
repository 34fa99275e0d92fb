"""The app's own themes: two high-contrast ones and one without any colour.

Textual derives many colours (muted text, hover, cursor, footer) from a theme's base
colours with transparency; those derived shades are what fail contrast for low-vision
readers. Here every colour the app's styles use is set explicitly and solid, so a
test can compute each foreground/background pair against WCAG 2.x AA (4.5:1 for text,
3:1 for borders). The colourless theme is chosen when ``NO_COLOR`` is set: greys only,
everything still said by words and marks (✓/✗, ▶).
"""

from __future__ import annotations

from textual.theme import Theme

HIGH_CONTRAST_DARK = "latsar-kontras-gelap"
HIGH_CONTRAST_LIGHT = "latsar-kontras-terang"
NO_COLOUR = "latsar-tanpa-warna"


def _theme(name: str, dark: bool, base: dict[str, str], variables: dict[str, str]) -> Theme:
    return Theme(name=name, dark=dark, variables=variables, **base)


_DARK_BASE = {
    "primary": "#5CC8FF",
    "secondary": "#D7A8FF",
    "accent": "#FFD75E",
    "warning": "#FFB347",
    "error": "#FF8A8A",
    "success": "#6EF0A0",
    "foreground": "#FFFFFF",
    "background": "#000000",
    "surface": "#0A0A0A",
    "panel": "#1C1C1C",
    "boost": "#121212",
}
_DARK_VARIABLES = {
    "text": "#FFFFFF",
    "text-muted": "#D6D6D6",
    "text-primary": "#8FDBFF",
    "text-accent": "#FFE28A",
    "text-warning": "#FFC875",
    "text-error": "#FFA8A8",
    "text-success": "#9CF5BE",
    "foreground-muted": "#D6D6D6",
    "primary-muted": "#0E2A3D",
    "warning-muted": "#3D2800",
    "surface-lighten-2": "#8A8A8A",
    "footer-background": "#1C1C1C",
    "footer-foreground": "#FFFFFF",
    "footer-key-foreground": "#FFD75E",
    "footer-description-foreground": "#FFFFFF",
    "block-cursor-background": "#FFFFFF",
    "block-cursor-foreground": "#000000",
    "block-cursor-blurred-background": "#3A3A3A",
    "block-cursor-blurred-foreground": "#FFFFFF",
    "block-hover-background": "#262626",
    "input-selection-background": "#0E4A6E",
    "border": "#FFFFFF",
    "border-blurred": "#8A8A8A",
    "scrollbar": "#8A8A8A",
    "scrollbar-hover": "#BDBDBD",
    "scrollbar-active": "#FFFFFF",
    "scrollbar-background": "#000000",
}

_LIGHT_BASE = {
    "primary": "#004C99",
    "secondary": "#5B2A86",
    "accent": "#6B3A00",
    "warning": "#7A4300",
    "error": "#A1001C",
    "success": "#0A5A22",
    "foreground": "#000000",
    "background": "#FFFFFF",
    "surface": "#FFFFFF",
    "panel": "#EDEDED",
    "boost": "#F5F5F5",
}
_LIGHT_VARIABLES = {
    "text": "#000000",
    "text-muted": "#333333",
    "text-primary": "#003A75",
    "text-accent": "#5A3000",
    "text-warning": "#663800",
    "text-error": "#8A0018",
    "text-success": "#084A1C",
    "foreground-muted": "#333333",
    "primary-muted": "#E1ECF8",
    "warning-muted": "#FCEFD9",
    "surface-lighten-2": "#6E6E6E",
    "footer-background": "#EDEDED",
    "footer-foreground": "#000000",
    "footer-key-foreground": "#6B3A00",
    "footer-description-foreground": "#000000",
    "block-cursor-background": "#000000",
    "block-cursor-foreground": "#FFFFFF",
    "block-cursor-blurred-background": "#D0D0D0",
    "block-cursor-blurred-foreground": "#000000",
    "block-hover-background": "#E6E6E6",
    "input-selection-background": "#BFD7F2",
    "border": "#000000",
    "border-blurred": "#6E6E6E",
    "scrollbar": "#6E6E6E",
    "scrollbar-hover": "#444444",
    "scrollbar-active": "#000000",
    "scrollbar-background": "#FFFFFF",
}

# Greys only: every hue maps to a shade, so NO_COLOR means no colour at all.
_GREY_BASE = {
    "primary": "#E0E0E0",
    "secondary": "#C8C8C8",
    "accent": "#FFFFFF",
    "warning": "#E8E8E8",
    "error": "#FFFFFF",
    "success": "#E0E0E0",
    "foreground": "#FFFFFF",
    "background": "#000000",
    "surface": "#0A0A0A",
    "panel": "#1C1C1C",
    "boost": "#121212",
}
_GREY_VARIABLES = {
    **{key: value for key, value in _DARK_VARIABLES.items()},
    "text-primary": "#E0E0E0",
    "text-accent": "#FFFFFF",
    "text-warning": "#E8E8E8",
    "text-error": "#FFFFFF",
    "text-success": "#E0E0E0",
    "primary-muted": "#262626",
    "warning-muted": "#2E2E2E",
    "footer-key-foreground": "#FFFFFF",
    "input-selection-background": "#4A4A4A",
}

THEMES: tuple[Theme, ...] = (
    _theme(HIGH_CONTRAST_DARK, True, _DARK_BASE, _DARK_VARIABLES),
    _theme(HIGH_CONTRAST_LIGHT, False, _LIGHT_BASE, _LIGHT_VARIABLES),
    _theme(NO_COLOUR, True, _GREY_BASE, _GREY_VARIABLES),
)
HIGH_CONTRAST = (HIGH_CONTRAST_DARK, HIGH_CONTRAST_LIGHT)

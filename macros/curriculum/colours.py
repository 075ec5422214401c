"""Colours: WCAG contrast, and the pairs of colours the theme puts together.

The light theme uses the brand's two colours as they are, so each pair they form (LIGHT_PAIRS)
is checked, and a colour that falls short is reported with a darker one of the same hue that
passes.  The dark theme's colours are derived (brand.css_colors): each brand colour lightened
until it reads on Material's slate panels, so DARK_PAIRS hold for any brand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from macros.curriculum.problems import Problem
from macros.curriculum.source import line_of

HEX = r"^#[0-9a-fA-F]{6}$"
WHITE = "#ffffff"
BLACK = "#000000"
LIGHT_PANEL = "#f5f5f5"  # Material's code and box background in the light scheme
SLATE = "#1e2129"  # Material's slate background, hsl(225 15% 14%)
SLATE_PANEL = "#2e3347"  # the lightest panel on slate (details, code, cards): links must read there too
AA = 4.5  # WCAG AA for text; focus outlines and other parts of controls need 3:1, which text pairs cover


def _luminance(color: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio between two #rrggbb colours (1 to 21)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _mixed(color: str, toward: str, share: float) -> str:
    """`color` moved `share` (0 to 1) of the way to `toward`: the hue stays, the lightness changes."""
    ends = [(int(color[i : i + 2], 16), int(toward[i : i + 2], 16)) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c + (t - c) * share):02x}" for c, t in ends)


def lighten_until_readable(color: str, background: str = SLATE_PANEL, ratio: float = AA) -> str:
    """Mix `color` with white in small steps until it reaches `ratio` against `background`."""
    for step in range(0, 101, 5):
        mixed = _mixed(color, WHITE, step / 100)
        if contrast(mixed, background) >= ratio:
            return mixed
    return WHITE


def darken_until_readable(color: str, pairs: list[Pair]) -> str:
    """Mix `color` with black in small steps until every pair reaches its ratio: a suggestion."""
    for step in range(101):
        mixed = _mixed(color, BLACK, step / 100)
        if all(contrast(mixed, pair.against) >= pair.needs for pair in pairs):
            return mixed
    return BLACK


@dataclass(frozen=True)
class Pair:
    """A brand colour where the theme puts it against another colour, and the contrast AA asks."""

    color: str  # "primary" or "accent"
    against: str
    against_name: str
    use: str
    needs: float = AA


# Where the light theme puts the two colours (overrides/main.html sets Material's variables;
# Material's CSS and docs/assets/stylesheets/course.css use them). Text and the white text on a
# colour are the same pair; a hovered or focused state is one too, and on phones a tap leaves it
# on. Focus outlines in the accent need 3:1 against white, which the 4.5:1 for text covers.
LIGHT_PAIRS = [
    Pair("primary", WHITE, "white", "links, and the white text of the header and buttons"),
    Pair("primary", LIGHT_PANEL, "the light grey of boxes and code", "links in boxes"),
    Pair("accent", WHITE, "white", "hovered and focused links, and the white text of hovered buttons"),
    Pair("accent", LIGHT_PANEL, "the light grey of boxes and code", "hovered links in boxes"),
]
# The dark theme's colours are derived (css_colors), so these pairs hold for any brand colours.
DARK_PAIRS = [
    Pair("primary_on_dark", SLATE, "the dark background", "links"),
    Pair("primary_on_dark", SLATE_PANEL, "dark boxes", "links in boxes"),
    Pair("accent_on_dark", SLATE, "the dark background", "hovered and focused links, and focus outlines"),
    Pair("accent_on_dark", SLATE_PANEL, "dark boxes", "hovered links in boxes"),
    Pair("accent_on_dark", BLACK, "black", "the black text of hovered buttons"),
]


def contrast_problems(brand: dict, file: str, line: int = 1) -> list[Problem]:
    """Each brand colour that falls short of AA in a pair of LIGHT_PAIRS: the first such pair,
    at the colour's line, with a darker colour of the same hue that passes them all."""
    colors = brand.get("colors")
    problems = []
    for name in ("primary", "accent"):
        color = colors.get(name) if isinstance(colors, dict) else None
        if not isinstance(color, str) or not re.match(HEX, color):
            continue  # the schema reports it
        pairs = [pair for pair in LIGHT_PAIRS if pair.color == name]
        short = next((pair for pair in pairs if contrast(color, pair.against) < pair.needs), None)
        if short:
            ratio = _ratio_shown(contrast(color, short.against), short.needs)
            problems.append(
                Problem(
                    file,
                    line_of(brand, ("colors", name)) or line,
                    f"extra.brand.colors.{name}",
                    f"{color} on {short.against_name} is {ratio}:1 for {short.use}; WCAG AA needs {short.needs:g}:1",
                    f"choose a darker {name}, such as {darken_until_readable(color, pairs)}",
                )
            )
    return problems


def _ratio_shown(ratio: float, needs: float) -> str:
    """One decimal, unless rounding would show a ratio that falls short as enough (4.47 is not 4.5)."""
    shown = f"{ratio:.1f}"
    return shown if float(shown) < needs else f"{int(ratio * 100) / 100:.2f}"

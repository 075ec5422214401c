"""The organisation's identity (brand.yml → `extra.brand`), checked before anything is built.

Colours must be hex values with enough contrast for WCAG 2.1 AA: the primary colour carries
white text in the header and is the link colour on white pages.  The dark-mode link colour is
derived here (the primary colour lightened until it reads on Material's slate background), so
an organisation sets two colours and gets both palettes.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import jsonschema

from macros.curriculum.problems import Problem
from macros.curriculum.source import SourceError, line_of
from macros.curriculum.tree import SourceTree

BRAND_FILE = "brand.yml"

HEX = r"^#[0-9a-fA-F]{6}$"
FONT_STACK = r"^[A-Za-z0-9 ,'\"-]+$"  # names and commas only: it goes into CSS
WHITE = "#ffffff"
SLATE = "#1e2129"  # Material's slate background, hsl(225 15% 14%)
SLATE_PANEL = "#2e3347"  # the lightest panel on slate (details, code, cards): links must read there too
AA = 4.5

SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["short_name", "tagline", "colors", "fonts", "footer"],
    "properties": {
        "short_name": {"type": "string", "minLength": 1, "maxLength": 30, "description": "A short name for tight spaces."},
        "tagline": {"type": "string", "minLength": 1, "maxLength": 200, "description": "One line under the name on the home page."},
        "colors": {
            "type": "object",
            "additionalProperties": False,
            "required": ["primary", "accent"],
            "properties": {
                "primary": {"type": "string", "pattern": HEX, "description": "Header background and link colour, as #rrggbb."},
                "accent": {"type": "string", "pattern": HEX, "description": "Hover and highlight colour, as #rrggbb."},
            },
        },
        "fonts": {
            "type": "object",
            "additionalProperties": False,
            "required": ["text", "code"],
            "properties": {
                "text": {
                    "type": "string",
                    "pattern": FONT_STACK,
                    "description": "CSS font stack for text (fonts installed on readers' devices, or files you add).",
                },
                "code": {"type": "string", "pattern": FONT_STACK, "description": "CSS font stack for code."},
            },
        },
        "footer": {"type": "string", "maxLength": 300, "description": "A line of text at the foot of every page."},
        "contact": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "email": {"type": "string", "pattern": r"^[^@\s]+@[^@\s]+$"},
                "url": {"type": "string", "pattern": r"^https?://"},
            },
        },
    },
}
_VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


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


def lighten_until_readable(color: str, background: str = SLATE_PANEL, ratio: float = AA) -> str:
    """Mix `color` with white in small steps until it reaches `ratio` against `background`."""
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    for step in range(0, 101, 5):
        t = step / 100
        mixed = "#" + "".join(f"{round(c + (255 - c) * t):02x}" for c in (r, g, b))
        if contrast(mixed, background) >= ratio:
            return mixed
    return WHITE


def check(brand: Any, file: str, line: int = 1) -> list[Problem]:
    """Problems with the brand block: schema first, then colour contrast."""
    if not isinstance(brand, dict):
        return [
            Problem(file, line, "extra.brand", "the brand block is missing", "copy the extra: brand: block from the project's brand.yml")
        ]
    problems = []
    for error in _VALIDATOR.iter_errors(brand):
        field = "extra.brand." + ".".join(str(p) for p in error.absolute_path)
        problems.append(Problem(file, line, field.rstrip("."), error.message, "see the comments in brand.yml"))
    if problems:
        return problems
    primary = brand["colors"]["primary"]
    ratio = contrast(primary, WHITE)
    if ratio < AA:
        problems.append(
            Problem(
                file,
                line,
                "extra.brand.colors.primary",
                f"{primary} has a contrast of {ratio:.1f}:1 with white; WCAG AA needs {AA}:1",
                "choose a darker colour (check it at any contrast checker)",
            )
        )
    return problems


def check_project(root: Path, fallback: Any = None, tree: SourceTree | None = None) -> list[Problem]:
    """The brand block where a fork writes it: brand.yml (which mkdocs.yml inherits), at its line.

    Without brand.yml the block is in mkdocs.yml; the caller passes it as `fallback`.
    """
    brand_file = Path(root) / BRAND_FILE
    if not brand_file.is_file():
        return check(fallback, "mkdocs.yml")
    try:
        data = (tree or SourceTree()).yaml(brand_file)
    except SourceError as error:
        return [Problem(BRAND_FILE, error.line, "", error.message, error.hint)]
    extra = data.get("extra") if isinstance(data, dict) else None
    return check(extra.get("brand") if isinstance(extra, dict) else None, BRAND_FILE, line_of(data, ("extra", "brand")) or 1)


def css_colors(brand: dict) -> dict[str, str]:
    """The colours templates need, the derived dark-mode one included."""
    primary = brand["colors"]["primary"]
    return {
        "primary": primary,
        "accent": brand["colors"]["accent"],
        "primary_on_dark": lighten_until_readable(primary),
    }


def image_size(image: Path) -> tuple[int, int] | None:
    """The width and height an SVG or PNG file declares (whole pixels), or None when it cannot be read.

    The logo's <img> carries them (partials/logo.html) so the header never shifts as it loads.
    """
    try:
        data = image.read_bytes()
        if data.startswith(b"\x89PNG\r\n\x1a\n"):
            return struct.unpack(">II", data[16:24])  # the IHDR chunk comes first
        if image.suffix.lower() == ".svg":
            root = ElementTree.fromstring(data)
            width, height = (re.fullmatch(r"\s*([\d.]+)(px)?\s*", root.get(name) or "") for name in ("width", "height"))
            if width and height:
                return _pixels(width.group(1)), _pixels(height.group(1))
            box = (root.get("viewBox") or "").replace(",", " ").split()
            if len(box) == 4:
                return _pixels(box[2]), _pixels(box[3])
    except (OSError, ElementTree.ParseError, struct.error, ValueError):
        pass
    return None


def _pixels(value: str) -> int:
    return max(1, round(float(value)))

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
from urllib.parse import urlsplit
from xml.etree import ElementTree

from macros.curriculum.kinds import KEYWORD, LINK_SCHEMES, Kind, validator_for
from macros.curriculum.problems import Problem
from macros.curriculum.schema_check import validate_with
from macros.curriculum.source import SourceError, line_of
from macros.curriculum.tree import SourceTree

BRAND_FILE = "brand.yml"

HEX = r"^#[0-9a-fA-F]{6}$"
FONT_STACK = r"^[A-Za-z0-9 ,'\"-]+$"  # names and commas only: it goes into CSS
WHITE = "#ffffff"
SLATE = "#1e2129"  # Material's slate background, hsl(225 15% 14%)
SLATE_PANEL = "#2e3347"  # the lightest panel on slate (details, code, cards): links must read there too
AA = 4.5
# Hosts the pages may load files from (checks/offsite.py); anything else on another site is a problem.
ALLOWED_HOSTS = "allowed_hosts"
HOST_NAME = re.compile(r"^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$")

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
        "social_image": {
            "type": "string",
            KEYWORD: Kind.URL,
            "description": "The picture link previews show: a PNG or JPEG in docs/, about 1200×630.",
        },
        "contact": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "email": {"type": "string", "pattern": r"^[^@\s]+@[^@\s]+$"},
                "url": {"type": "string", KEYWORD: Kind.URL},
            },
        },
        ALLOWED_HOSTS: {
            "type": "array",
            "items": {"type": "string"},
            "description": "Other sites the pages may load images, videos, scripts and styles from, by exact host name.",
            "examples": [["videos.example.org"]],
        },
    },
}
_VALIDATOR = validator_for(SCHEMA)


def _field(kind: Kind, description: str, **more) -> dict:
    return {"type": "string", KEYWORD: kind, "description": description, **more}


# The rest of brand.yml (mkdocs.yml inherits it): every value a template prints or links to, by kind.
# Other keys are MkDocs' own and MkDocs checks them.
FILE_SCHEMA = {
    "type": "object",
    "properties": {
        "site_name": _field(Kind.TEXT, "The organisation's or the site's name.", examples=["Fernhill Learning"]),
        "site_description": _field(Kind.TEXT, "One sentence for search engines.", examples=["A free, open curriculum."]),
        "site_author": _field(Kind.TEXT, "Who publishes the site.", examples=["Fernhill Learning"]),
        "copyright": _field(Kind.TEXT, "The line of small print in the footer.", examples=["© 2026 Fernhill Learning"]),
        "site_url": _field(Kind.URL, "Where the site is published.", examples=["https://learning.example.org/course-site/"]),
        "repo_url": _field(Kind.URL, "The repository, for the edit links.", examples=["https://github.com/example/course-site"]),
        "repo_name": _field(Kind.TEXT, "The repository's name, shown with its link.", examples=["example/course-site"]),
        "theme": {
            "type": "object",
            "properties": {
                "logo": _field(Kind.URL, "The logo: a file in docs/.", examples=["assets/brand/logo.svg"]),
                "favicon": _field(Kind.URL, "The browser tab's icon: a file in docs/.", examples=["assets/brand/favicon.svg"]),
            },
        },
        "extra": {
            "type": "object",
            "properties": {
                "social": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "link": _field(
                                Kind.URL, "Where the icon links to.", examples=["https://example.org"], **{"x-schemes": LINK_SCHEMES}
                            ),
                            "name": _field(Kind.TEXT, "What the link is, for screen readers.", examples=["Write to us"]),
                        },
                    },
                }
            },
        },
    },
}
_FILE_VALIDATOR = validator_for(FILE_SCHEMA)


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
    problems += allowed_host_problems(brand, file, line)
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


def named_host(value: str) -> str | None:
    """The host an allow-list entry names: itself, or the host of an address written instead."""
    host = value.strip().lower()
    if HOST_NAME.match(host):
        return host
    if "*" in host or not ("/" in host or ":" in host):
        return None
    try:
        return urlsplit(host if "//" in host else "//" + host).hostname or None
    except ValueError:  # a malformed [IPv6] part
        return None


def host_problem(value: str) -> tuple[str, str] | None:
    """(what is wrong, how to fix it) when `value` is not a host name for the allow-list."""
    host = named_host(value)
    if host == value.strip().lower():
        return None
    if "*" in value:
        return f"'{value}' is a wildcard; hosts are matched exactly", "list each host by its full name, such as videos.example.org"
    if host:
        return f"'{value}' is an address, not a host name", f"write the host alone: {host}"
    return f"'{value}' is not a host name", "write a name such as videos.example.org"


def allowed_host_problems(brand: dict, file: str, line: int) -> list[Problem]:
    """Each entry of allowed_hosts that is not a host name, at its line."""
    hosts = brand.get(ALLOWED_HOSTS)
    problems = []
    for position, value in enumerate(hosts if isinstance(hosts, list) else []):
        wrong = host_problem(value) if isinstance(value, str) else None  # the schema reports other types
        if wrong:
            at = line_of(brand, (ALLOWED_HOSTS, position)) or line
            problems.append(Problem(file, at, f"extra.brand.{ALLOWED_HOSTS}", *wrong))
    return problems


def allowed_hosts(brand: Any) -> frozenset[str]:
    """The hosts the allow-list names, lower case. An address written instead of a host still
    allows its host: the entry is reported once, not again at every file from that host."""
    hosts = brand.get(ALLOWED_HOSTS) if isinstance(brand, dict) else None
    named = (named_host(value) for value in hosts if isinstance(value, str)) if isinstance(hosts, list) else ()
    return frozenset(host for host in named if host)


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
    problems = validate_with(_FILE_VALIDATOR, data, BRAND_FILE) if isinstance(data, dict) else []
    return problems + check(extra.get("brand") if isinstance(extra, dict) else None, BRAND_FILE, line_of(data, ("extra", "brand")) or 1)


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

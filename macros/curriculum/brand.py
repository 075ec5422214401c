"""The organisation's identity (brand.yml → `extra.brand`), checked before anything is built.

Each problem is at its field's line, said with a fix (schema_check.py), like a lesson's.
Colours must be hex values with enough contrast for WCAG 2.1 AA wherever the light theme puts
them (colours.py: a colour that falls short comes with a darker one that passes); the dark
theme's colours are derived from them, so an organisation sets two colours and gets both
palettes.  The logo, favicon and social image must be files in docs/.
"""

from __future__ import annotations

import re
import struct
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

import yaml

from macros.curriculum.colours import HEX, contrast_problems, lighten_until_readable
from macros.curriculum.kinds import KEYWORD, LINK_SCHEMES, Kind, validator_for
from macros.curriculum.problems import Problem, did_you_mean, inside
from macros.curriculum.project import read_layout
from macros.curriculum.schema_check import MISSING_FIELD, validate_with
from macros.curriculum.source import LineDict, SourceError, line_of
from macros.curriculum.tree import SourceTree

BRAND_FILE = "brand.yml"

FONT_STACK = r"^[A-Za-z0-9 ,'\"-]+$"  # names and commas only: it goes into CSS
EMAIL = r"^[^@\s]+@[^@\s]+$"
# The folder of docs/ that holds the authors' guide, and the brand's switch that publishes it.
AUTHORS_GUIDE = "authoring/"
PUBLISH_AUTHORS_GUIDE = "publish_authors_guide"
# Hosts the pages may load files from (checks/offsite.py); anything else on another site is a problem.
ALLOWED_HOSTS = "allowed_hosts"
HOST_NAME = re.compile(r"^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$")

SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["short_name", "tagline", "colors", "fonts", "footer"],
    "properties": {
        "short_name": {
            "type": "string",
            "minLength": 1,
            "maxLength": 30,
            "description": "A short name for tight spaces.",
            "examples": ["Fernhill"],
        },
        "tagline": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200,
            "description": "One line under the name on the home page.",
            "examples": ["Practical training for people who serve customers."],
        },
        "colors": {
            "type": "object",
            "additionalProperties": False,
            "required": ["primary", "accent"],
            "properties": {
                "primary": {
                    "type": "string",
                    "pattern": HEX,
                    "description": "Header background and link colour, as #rrggbb.",
                    "examples": ["#1d5c63"],
                },
                "accent": {
                    "type": "string",
                    "pattern": HEX,
                    "description": "Hover and highlight colour, as #rrggbb.",
                    "examples": ["#a34a12"],
                },
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
                    "examples": ["system-ui, sans-serif"],
                },
                "code": {
                    "type": "string",
                    "pattern": FONT_STACK,
                    "description": "CSS font stack for code.",
                    "examples": ["ui-monospace, monospace"],
                },
            },
        },
        "footer": {
            "type": "string",
            "maxLength": 300,
            "description": "A line of text at the foot of every page.",
            "examples": ["Course content under CC BY 4.0."],
        },
        "social_image": {
            "type": "string",
            KEYWORD: Kind.URL,
            "description": "The picture link previews show: a PNG or JPEG in docs/, about 1200×630.",
            "examples": ["assets/brand/social.png"],
        },
        "contact": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "email": {"type": "string", "pattern": EMAIL, "examples": ["training@example.org"]},
                "url": {"type": "string", KEYWORD: Kind.URL, "examples": ["https://example.org/contact"]},
            },
        },
        ALLOWED_HOSTS: {
            "type": "array",
            "items": {"type": "string"},
            "description": "Other sites the pages may load images, videos, scripts and styles from, by exact host name.",
            "examples": [["videos.example.org"]],
        },
        PUBLISH_AUTHORS_GUIDE: {
            "type": "boolean",
            "description": "Whether the learner site carries the authors' guide (docs/authoring/); true unless set.",
            "examples": [False],
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


def check(brand: Any, file: str, line: int = 1) -> list[Problem]:
    """Problems with the brand block: the schema's, said plainly at each field's line, the
    allow-list's and the colours' contrast. `line` is the block's (where a missing field goes)."""
    if not isinstance(brand, dict):
        return [
            Problem(file, line, "extra.brand", "the brand block is missing", "copy the extra: brand: block from the project's brand.yml")
        ]
    at_line = LineDict(brand)  # the same fields; its own line is the block's
    at_line.lines, at_line.line = getattr(brand, "lines", {}), line
    problems = [_plainly(problem, brand) for problem in validate_with(_VALIDATOR, at_line, file)]
    return problems + allowed_host_problems(brand, file, line) + contrast_problems(brand, file, line)


# What the schema's patterns mean (jsonschema would print the regular expression).
_PATTERN_SAYS = {
    HEX: "is not a colour written as #rrggbb",
    FONT_STACK: "is not a list of font names: use letters, digits, spaces, hyphens, quotes and commas",
    EMAIL: "is not an e-mail address",
}


def _plainly(problem: Problem, brand: dict) -> Problem:
    """A schema problem of the brand block: its field named from extra.brand, a pattern said in
    words, and a missing block given with the fields to write in it."""
    path = problem.field.split(".") if problem.field else []
    schema: dict = SCHEMA
    for key in path:
        schema = schema.get("properties", {}).get(key, {})
    pattern = schema.get("pattern")
    if pattern in _PATTERN_SAYS and problem.message.endswith(f" does not match {pattern!r}"):
        value = _value_at(brand, path)
        problem = replace(problem, message=f'"{value}" {_PATTERN_SAYS[pattern]}')
    elif pattern == HEX and problem.message == "expected text, got nothing":  # `accent: #a34a12`, unquoted
        problem = replace(problem, message="no colour here: YAML reads an unquoted # and what follows it as a comment")
    elif problem.message == MISSING_FIELD and schema.get("type") == "object":
        fields = " and ".join(f"{key}: {_yaml_value(sub['examples'][0])}" for key, sub in schema["properties"].items())
        problem = replace(problem, hint=f"add {path[-1]}: with {fields} indented under it")
    return replace(problem, field="extra.brand." + problem.field if problem.field else "extra.brand")


def _value_at(data: Any, path: list[str]) -> Any:
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def _yaml_value(value: str) -> str:
    """A text value as YAML writes it: in quotes where YAML would read something else (# starts a comment)."""
    return value if isinstance(yaml.safe_load(value), str) else f'"{value}"'


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


def check_project(root: Path, fallback: Any = None, tree: SourceTree | None = None, docs_dir: str | None = None) -> list[Problem]:
    """The brand block where a fork writes it: brand.yml (which mkdocs.yml inherits), at its line,
    and the files brand.yml names in docs/ (mkdocs.yml's docs_dir, unless given).

    Without brand.yml the block is in mkdocs.yml; the caller passes it as `fallback`.
    """
    brand_file = Path(root) / BRAND_FILE
    if not brand_file.is_file():
        return check(fallback, "mkdocs.yml")
    try:
        data = (tree or SourceTree()).yaml(brand_file)
    except SourceError as error:
        return [Problem(BRAND_FILE, error.line, "", error.message, error.hint)]
    if not isinstance(data, dict):
        return check(None, BRAND_FILE)
    extra = data.get("extra")
    problems = validate_with(_FILE_VALIDATOR, data, BRAND_FILE)
    problems += missing_file_problems(data, Path(root), docs_dir or read_layout(Path(root))[0].docs_dir)
    return problems + check(extra.get("brand") if isinstance(extra, dict) else None, BRAND_FILE, line_of(data, ("extra", "brand")) or 1)


# The settings of brand.yml that name a file in docs/ (the site shows each on every page), each with an example.
FILE_SETTINGS = {
    ("theme", "logo"): "assets/brand/logo.svg",
    ("theme", "favicon"): "assets/brand/favicon.svg",
    ("extra", "brand", "social_image"): "assets/brand/social.png",
}


def missing_file_problems(data: dict, root: Path, docs_dir: str) -> list[Problem]:
    """Each FILE_SETTINGS path that names no file in docs/, at its line, with the nearest file there.

    Addresses on other sites are checks/offsite.py's; a path from the site's root is left alone."""
    problems = []
    for setting, example in FILE_SETTINGS.items():
        path = _path_in_site(_value_at(data, list(setting)))
        wrong = _not_in_docs(path, root, docs_dir, example) if path else None
        if wrong:
            problems.append(Problem(BRAND_FILE, line_of(data, setting) or 1, ".".join(setting), *wrong))
    return problems


def _path_in_site(value: Any) -> str | None:
    """The file a relative address names (unquoted, without ?query or #fragment); None for the rest."""
    try:
        address = urlsplit(value) if isinstance(value, str) else None
    except ValueError:  # a malformed [IPv6] part: the schema's URL check reports it
        return None
    if address is None or address.scheme or address.netloc or address.path.startswith("/") or not address.path:
        return None
    return unquote(address.path)


def _not_in_docs(target: str, root: Path, docs_dir: str, example: str) -> tuple[str, str] | None:
    """(what is wrong, how to fix it) when `target` is not a file in docs/."""
    docs = root / docs_dir
    put_it = f"put the file in {docs_dir}/ and write its path from there, such as {example}"
    if not inside(docs / target, docs):
        return f"{target} is outside {docs_dir}/", put_it
    if (docs / target).is_file():
        return None
    present = sorted(path.relative_to(docs).as_posix() for path in docs.rglob("*") if path.is_file()) if docs.is_dir() else []
    return f"there is no file {docs_dir}/{target}", did_you_mean(target, present) or put_it


def publishes_authors_guide(brand: Any) -> bool:
    """Whether the learner site carries the authors' guide: unless brand.yml says false."""
    return not (isinstance(brand, dict) and brand.get(PUBLISH_AUTHORS_GUIDE) is False)


def css_colors(brand: dict) -> dict[str, str]:
    """The colours templates need, with the dark theme's, derived so that DARK_PAIRS hold: links
    and hovered links lightened until they read on Material's slate panels (black text on them)."""
    primary, accent = brand["colors"]["primary"], brand["colors"]["accent"]
    return {
        "primary": primary,
        "accent": accent,
        "primary_on_dark": lighten_until_readable(primary),
        "accent_on_dark": lighten_until_readable(accent),
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

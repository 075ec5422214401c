"""A page's `sources:` (lessons, capstones, articles): read into `Source`s, and the rules the schema
cannot say well checked as problems at their lines.

    source_problems(meta, file) -> list[Problem]     (called with the schema's own, reader.py)
    sources_of(meta) -> tuple[Source, ...]           (once the front matter passed)

The schema (schema_fields.SOURCE) checks each field's type, the year's range and that a `url` is
not of another scheme; here: a source names where to find it (a url or a publisher), and a url is a
whole web address, since a source lives on another site, never in this one.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from macros.curriculum.kinds import url_problem
from macros.curriculum.model import Source
from macros.curriculum.problems import Problem
from macros.curriculum.source import line_of

FIELD = "sources"


def source_problems(meta: Any, file: str) -> list[Problem]:
    """What the schema leaves to say about each source in `meta` (front matter), at its line."""
    listed = meta.get(FIELD) if isinstance(meta, dict) else None
    if not isinstance(listed, list):
        return []
    problems = []
    for index, item in enumerate(listed):
        if not isinstance(item, dict):
            continue  # the schema says it
        field = f"{FIELD}[{index + 1}]"
        line = line_of(meta, (FIELD, index)) or 1
        url = item.get("url")
        if not url and not item.get("publisher"):
            hint = "add publisher: (the journal, publisher or organisation), or url: with the address where it can be read"
            problems.append(Problem(file, line, field, "the source does not say where to find it", hint))
        elif isinstance(url, str) and _a_path(url):
            at = line_of(meta, (FIELD, index, "url")) or line
            hint = "write the whole address, starting with https://, or give publisher: instead"
            problems.append(Problem(file, at, f"{field}.url", f"'{url}' is not a web address", hint))
    return problems


def _a_path(url: str) -> bool:
    """A value the schema lets through as a URL (a path in the site) that is not http(s)."""
    return url_problem(url) is None and urlsplit(url.strip()).scheme.lower() not in ("http", "https")


def sources_of(meta: dict) -> tuple[Source, ...]:
    """The front matter's sources, in the order written (valid front matter)."""
    return tuple(
        Source(
            author=str(item["author"]),
            title=str(item["title"]),
            year=int(item["year"]),
            url=str(item.get("url", "")),
            publisher=str(item.get("publisher", "")),
        )
        for item in meta.get(FIELD) or ()
    )

"""Broken inputs of issue 17 (sources for claims): cases in the format of broken_inputs.py, run by
test_broken_inputs.py.

Each case gives the minimal course's "Map symbols" lesson (or its article) a `sources:` list
after the last field of its front matter (the lesson's line 21, the article's line 7), so the
first source starts on line 23 (the article's: 9). The publications are made up: tests, not content.
"""

from __future__ import annotations

from tests.build.broken_inputs import Case, M, replace

SYMBOLS = f"{M}/symbols.md"
ARTICLE = "docs/blog/posts/fold-the-map-first.md"
LAST_LESSON_FIELD = "        why: A compass shows direction, not symbols.\n"
LAST_ARTICLE_FIELD = "description: Why we teach folding the map before anything else.\n"


def lesson_sources(*fields: str) -> list:
    """One source with these fields (each 'name: value'), in the lesson's front matter."""
    lines = "".join(("  - " if index == 0 else "    ") + field + "\n" for index, field in enumerate(fields))
    return [replace(SYMBOLS, LAST_LESSON_FIELD, LAST_LESSON_FIELD + "sources:\n" + lines)]


CASES: list[Case] = [
    Case(
        "source-without-url-or-publisher",
        lesson_sources("author: Alex Walker", "title: Hill Paths", "year: 2015"),
        (
            f"{SYMBOLS}:23: sources[1]: the source does not say where to find it — add publisher: (the journal, publisher or "
            "organisation), or url: with the address where it can be read",
        ),
    ),
    Case(
        "source-url-that-is-a-path",
        lesson_sources("author: Alex Walker", "title: Hill Paths", "year: 2015", "url: notes/hill-paths.html"),
        (
            f"{SYMBOLS}:26: sources[1].url: 'notes/hill-paths.html' is not a web address — write the whole address, starting with "
            "https://, or give publisher: instead",
        ),
    ),
    Case(
        "source-url-of-another-scheme",
        lesson_sources("author: Alex Walker", "title: Hill Paths", "year: 2015", 'url: "javascript:alert(1)"'),
        (
            f"{SYMBOLS}:26: sources[1].url: 'javascript:alert(1)' is a javascript: address; only http:, https: or a path in the "
            "site can be used here — write an address that starts with https://, or a path in the site, as in "
            "url: https://example.org/papers/one-number",
        ),
    ),
    Case(
        "source-year-too-early",
        lesson_sources("author: Alex Walker", "title: Hill Paths", "year: 1850", "publisher: Example Press"),
        (f"{SYMBOLS}:25: sources[1].year: 1850 is out of range (1850 is less than the minimum of 1900) — write year: 2003",),
    ),
    Case(
        "source-year-in-words",
        lesson_sources("author: Alex Walker", "title: Hill Paths", "year: twenty fifteen", "publisher: Example Press"),
        (f'{SYMBOLS}:25: sources[1].year: expected a whole number, got "twenty fifteen" — write year: 2003',),
    ),
    Case(
        "source-without-title",
        lesson_sources("author: Alex Walker", "year: 2015", "publisher: Example Press"),
        (f"{SYMBOLS}:23: sources[1].title: this required field is missing — write title: The One Number You Need to Grow",),
    ),
    Case(
        "article-source-without-url-or-publisher",
        [
            replace(
                ARTICLE,
                LAST_ARTICLE_FIELD,
                LAST_ARTICLE_FIELD + "sources:\n  - author: Alex Walker\n    title: Hill Paths\n    year: 2015\n",
            )
        ],
        (
            f"{ARTICLE}:9: sources[1]: the source does not say where to find it — add publisher: (the journal, publisher or "
            "organisation), or url: with the address where it can be read",
        ),
    ),
]

"""Content rules: what the course asks of its lessons, capstones and articles beyond the schema
(the course plugin's `rules:` in mkdocs.yml, read into `Layout.rules` by curriculum/project.py).

    lesson_words: 700          a lesson's text has at least 700 words
    required: {lesson: [materials]}   every lesson fills in materials
    severity: error            error: the build stops; warning: `course check` mentions it

A page is held to the rules of its kind: a lesson listed in its module.yml, a module's
capstone.md, an article under the blog's posts.  Words are counted in the text after the front
matter, as `wc -w` counts them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from macros.checks.pages import Index, Page, is_article
from macros.curriculum import addresses
from macros.curriculum.problems import Problem
from macros.curriculum.project import CAPSTONE_FILE, CONFIG_FILE, RULES_FIELD, Layout, Rules, page_fields
from macros.curriculum.schema_check import example_yaml


def rule_problems(layout: Layout, index: Index) -> Iterator[Problem]:
    """The rules' own setting problems, then each page that falls short of them."""
    rules = layout.rules
    yield from rules.problems
    for page in index.pages:
        kind = page_kind(layout, index, page)
        if kind:
            yield from _too_short(rules, kind, page)
            yield from _missing_fields(rules, kind, page)


def page_kind(layout: Layout, index: Index, page: Page) -> str:
    """'lesson', 'capstone' or 'article': the rules a page is held to ('' for any other page)."""
    if is_article(layout, page):
        return "article"
    parts = PurePosixPath(page.site).parts
    if len(parts) != 3 or parts[0] != addresses.MODULES or parts[1] not in index.modules:
        return ""
    if parts[2] == CAPSTONE_FILE:
        return "capstone"
    return "lesson" if PurePosixPath(parts[2]).stem in index.modules[parts[1]] else ""


def words(text: str) -> int:
    return len(text.split())


def _too_short(rules: Rules, kind: str, page: Page) -> Iterator[Problem]:
    minimum = rules.words(kind)
    count = words(page.source.body)
    if count < minimum:
        yield Problem(
            page.file,
            page.source.body_line,
            "body",
            f"{count} words; this course asks for at least {minimum} (rules.{kind}_words in {CONFIG_FILE})",
            f"add to the {kind}, or lower the rule",
            severity=rules.severity,
        )


def _missing_fields(rules: Rules, kind: str, page: Page) -> Iterator[Problem]:
    meta = page.source.meta
    if not meta:  # no front matter at all: the loader says so, and that is the one problem
        return
    for name in rules.fields(kind):
        if meta.get(name) in (None, "", [], {}):
            example = example_yaml(name, page_fields(kind)[name]) or f"{name}: ..."
            yield Problem(
                page.file,
                1,
                name,
                f"this course asks every {kind} for {name} (rules.required.{kind} in {CONFIG_FILE})",
                f"add {example} to the front matter, or take {name} out of {RULES_FIELD}.required.{kind}",
                severity=rules.severity,
            )

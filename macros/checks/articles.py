"""Articles: drafts and articles dated in the future (a notice each: the site leaves them out), and
categories outside the blog's `categories_allowed`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from macros.checks.pages import Index, is_article
from macros.checks.placeholders import PLACEHOLDER
from macros.curriculum.problems import Problem, did_you_mean
from macros.curriculum.project import Layout
from macros.curriculum.source import line_of


def article_problems(layout: Layout, index: Index, today: date) -> Iterator[Problem]:
    for page in index.pages:
        if not is_article(layout, page):
            continue
        meta = page.source.meta
        why = index.unpublished.get(page.site)
        if why == "a draft":
            line = meta.lines.get("draft", 1) if hasattr(meta, "lines") else 1
            yield Problem(
                page.file,
                line,
                "draft",
                "this article is a draft: the built site leaves it out",
                "remove draft: true when it is ready to publish",
                severity="warning",
            )
        elif why:
            line = meta.lines.get("date", 1) if hasattr(meta, "lines") else 1
            yield Problem(
                page.file,
                line,
                "date",
                f"this article is {why}: the site leaves it out until then",
                "set today's date to publish it now",
                severity="warning",
            )
        categories = meta.get("categories")
        if layout.categories and isinstance(categories, list):
            for i, category in enumerate(categories):
                if isinstance(category, str) and category not in layout.categories and not PLACEHOLDER.search(category):
                    hint = (
                        did_you_mean(category, layout.categories)
                        or "use one of " + ", ".join(layout.categories) + " (categories_allowed in mkdocs.yml)"
                    )
                    yield Problem(page.file, line_of(meta, ("categories", i)) or 1, "categories", f"unknown category '{category}'", hint)

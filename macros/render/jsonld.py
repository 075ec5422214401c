"""schema.org data (JSON-LD) for search engines, as plain Python data from the curriculum.

    course(module, prerequisites, site, url, part_url)      a module: Course, its pages as hasPart
    learning_resource(step, module, url)                    a lesson or capstone: LearningResource
    blog_posting(article, authors, site, url, updated, image)   an article: BlogPosting
    script_json(data) -> Markup                             the text of a <script type="application/ld+json">
    absolute_url(site_url, path) -> str                     a path in the site as a full URL

`url` is the page's canonical URL (None without site_url); `part_url` turns a page's address
(addresses.py) into the URL to give for it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urljoin

from markupsafe import Markup

from macros.curriculum.model import Article, Author, Capstone, Lesson, Module

SCHEMA_ORG = "https://schema.org"


@dataclass(frozen=True)
class Site:
    name: str
    url: str  # site_url, "" when the site has none
    language: str


def absolute_url(site_url: str, path: str) -> str:
    """'modules/a/' under 'https://example.org/course/' -> 'https://example.org/course/modules/a/'."""
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", path.lstrip("/"))


def duration(minutes: int) -> str:
    """ISO 8601, as schema.org's timeRequired wants it: 25 -> 'PT25M'."""
    return f"PT{minutes}M"


def organisation(site: Site) -> dict[str, Any]:
    found: dict[str, Any] = {"@type": "Organization", "name": site.name}
    if site.url:
        found["url"] = site.url
    return found


def course(module: Module, prerequisites: Iterable[Module], site: Site, url: str | None, part_url: Callable[[str], str]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": SCHEMA_ORG,
        "@type": "Course",
        "name": module.title,
        "description": module.summary,
        "url": url,
        "inLanguage": site.language,
        "educationalLevel": module.level,
        "timeRequired": duration(module.duration),
        "teaches": [objective.text for objective in module.objectives],
        "provider": organisation(site),
        "hasPart": [
            {"@type": "LearningResource", "name": page.title, "url": part_url(page.path), "timeRequired": duration(page.duration)}
            for page in module.pages
        ],
    }
    needed = [prerequisite.title for prerequisite in prerequisites]
    if needed:
        data["coursePrerequisites"] = needed
    return data


def learning_resource(step: Lesson | Capstone, module: Module, url: str | None) -> dict[str, Any]:
    return {
        "@context": SCHEMA_ORG,
        "@type": "LearningResource",
        "name": step.title,
        "description": step.description,
        "url": url,
        "timeRequired": duration(step.duration),
        "teaches": [objective.text for objective in step.objectives],
        "isPartOf": {"@type": "Course", "name": module.title},
    }


def blog_posting(
    article: Article, authors: Iterable[Author], site: Site, url: str | None, updated: date | None, image: str
) -> dict[str, Any]:
    """`updated`: the blog's `date: updated:`, if the post has one; `image`: the sharing image's full URL, or ""."""
    data: dict[str, Any] = {
        "@context": SCHEMA_ORG,
        "@type": "BlogPosting",
        "headline": article.title,
        "description": article.description,
        "datePublished": article.date.isoformat(),
        "author": [{"@type": "Person", "name": author.name} for author in authors],
        "publisher": organisation(site),
        "inLanguage": site.language,
        "keywords": list(article.tags),
        "articleSection": list(article.categories),
    }
    if updated:
        data["dateModified"] = updated.isoformat()
    if url:
        data["url"] = url
        data["mainEntityOfPage"] = {"@type": "WebPage", "@id": url}
    if image:
        data["image"] = image
    return data


def script_json(data: dict[str, Any]) -> Markup:
    """JSON that cannot end or confuse the <script> element it is written in.

    Inside <script>, '</' could close the element early ('</script>' in a title) and '<!--' can
    make the parser miss the real end tag: every '<' is written as the JSON escape '\\u003c', which
    reads back the same (and keeps '<script>' out of the page's text, for scanners as for tests).
    """
    return Markup(json.dumps(data, ensure_ascii=False).replace("<", "\\u003c"))

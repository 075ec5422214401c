"""Write small curricula into a temporary folder: a valid one, which each test then breaks."""

from __future__ import annotations

import textwrap
from pathlib import Path

MODULE_YML = """\
id: {id}
title: {title}
summary: A short module for tests.
audience: [Testers]
level: introductory
order: {order}
objectives:
  do-it: Do the thing.
prerequisites: {prerequisites}
tags: [testing]
authors: [ann]
version: "1.0"
reviewed: 2026-11-01
lessons:
  - first
  - second
"""

LESSON_MD = """\
---
title: {title}
duration: 20
serves: [do-it]
objectives:
  name-it: Name the thing.
key_takeaways:
  - Things have names.
tags: [testing]
exercises:
  - title: Name three things
    assesses: [name-it]
knowledge_check:
  - question: What has a name?
    assesses: [name-it]
    options:
      - answer: A thing
        correct: true
        why: Things have names.
      - answer: Nothing
        why: Everything has a name.
---

Some text.

!!! exercise "Name three things"
    Write down three names.
"""

AUTHORS = """\
authors:
  ann:
    name: Ann Author
    description: Writes tests
    avatar: https://example.org/ann.png
"""


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def make_module(root: Path, module_id: str = "alpha", order: int = 1, prerequisites: str = "[]") -> Path:
    folder = root / "modules" / module_id
    write(root, f"modules/{module_id}/module.yml", MODULE_YML.format(id=module_id, title=module_id.title(), order=order, prerequisites=prerequisites))
    write(root, f"modules/{module_id}/first.md", LESSON_MD.format(title="First lesson"))
    write(root, f"modules/{module_id}/second.md", LESSON_MD.format(title="Second lesson"))
    return folder


def make_curriculum(root: Path) -> Path:
    write(root, "docs/blog/.authors.yml", AUTHORS)
    make_module(root)
    return root


# -- a whole project, as the `course` command finds it (tests/unit/test_cli.py) -------------------

MKDOCS_YML = """\
site_name: Test course
docs_dir: docs
nav:
  - Home: index.md
  - Curriculum:
      - curriculum/index.md
plugins:
  - course:
      modules_dir: modules
      nav_section: Curriculum
  - blog:
      blog_dir: blog
      categories_allowed:
        - News
        - Skills
      draft_if_future_date: true
"""

BRAND_YML = """\
extra:
  brand:
    short_name: Test
    tagline: Courses for tests.
    colors:
      primary: "#1d5c63"
      accent: "#a34a12"
    fonts:
      text: system-ui, sans-serif
      code: ui-monospace, monospace
    footer: A test organisation.
"""

ARTICLE_MD = """\
---
date: {date}
authors: [ann]
categories: [News]
tags: [testing]
modules: [alpha]
description: An article for tests.
{extra}---

# {title}

The opening.

<!-- more -->

The rest.
"""

GLOSSARY_YML = """\
terms:
  churn:
    term: churn
    definition: The share of customers who leave.
"""


def make_project(root: Path) -> Path:
    """make_curriculum plus mkdocs.yml, brand.yml, a home page and a glossary, reviewed today."""
    from datetime import date

    make_curriculum(root)
    module_yml = root / "modules/alpha/module.yml"
    module_yml.write_text(module_yml.read_text().replace("reviewed: 2026-11-01", f"reviewed: {date.today().isoformat()}"))
    write(root, "mkdocs.yml", MKDOCS_YML)
    write(root, "brand.yml", BRAND_YML)
    write(root, "docs/index.md", "# Home\n\n{{ catalogue() }}\n\nSee [the first lesson](modules/alpha/first.md).\n")
    write(root, "docs/curriculum/index.md", "# Curriculum\n")
    write(root, "modules/glossary.yml", GLOSSARY_YML)
    return root


def make_article(root: Path, slug: str, title: str = "An article", date: str = "2026-01-15", extra: str = "") -> Path:
    return write(root, f"docs/blog/posts/{slug}.md", ARTICLE_MD.format(date=date, title=title, extra=extra))

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

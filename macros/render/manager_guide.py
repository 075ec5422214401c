"""A module's coaching guide for the learner's manager (modules/<id>/manager.md), written from
module.yml: the briefing before the course, the observation checklist of each objective's
behaviours at work, coaching questions, and check-ins at 30, 60 and 90 days.

Like the workbook it is Markdown plus HTML fragments, never templated; metadata is escaped.
"""

from __future__ import annotations

from collections.abc import Callable

from macros.curriculum.model import Module

Render = Callable[..., str]  # a fragment template name and its context -> HTML
Url = Callable[[str], str]  # a docs-relative source path -> URL relative to the page


def manager_markdown(module: Module, render: Render, url: Url) -> str:
    return "Coming soon.\n"

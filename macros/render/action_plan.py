"""A module's action plan page (modules/<id>/action-plan.md): the learner chooses behaviours to
practise at work, says when, where and who observes, and takes the plan away as a printable page,
a Markdown file and calendar reminders (docs/assets/javascripts/after.js).
"""

from __future__ import annotations

from collections.abc import Callable

from macros.curriculum.model import Module

Render = Callable[..., str]
Url = Callable[[str], str]


def action_plan_markdown(module: Module, render: Render, url: Url) -> str:
    return "Coming soon.\n"

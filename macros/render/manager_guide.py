"""A module's coaching guide for the learner's manager (modules/<id>/manager.md), written from
module.yml: the briefing before the course, the observation checklist of each objective's
behaviours at work, coaching questions, and check-ins at 30, 60 and 90 days.

Like the workbook it is Markdown plus HTML fragments (overrides/partials/course/manager-*.html),
never templated; metadata is text, escaped by the fragments. The facilitator guide's "Before and
after the workshop" (workshop.py) shows the same briefing, behaviours and check-ins from the same
fragments, in short.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

from macros.curriculum.addresses import PRACTICE_PAGE, action_plan_page, facilitator_page
from macros.curriculum.model import Module

Render = Callable[..., str]  # a fragment template name and its context -> HTML
Url = Callable[[str], str]  # a docs-relative source path -> URL relative to the page


@dataclass(frozen=True)
class Part:
    id: str  # the heading's id: the guide's contents and other pages link to it
    title: str
    fragment: str  # the fragment under the heading
    css_class: str = ""


PARTS = (
    Part("before-the-course", "Before the course: a briefing conversation", "manager-briefing.html"),
    # The checklist starts a sheet of its own on paper (print.css), to be carried around.
    Part("observation-checklist", "Observation checklist", "manager-checklist.html", "course-manager__checklist"),
    Part("coaching-questions", "Coaching questions", "manager-questions.html"),
    Part("check-ins", "Check-ins at 30, 60 and 90 days", "manager-check-ins.html"),
)


def manager_markdown(module: Module, render: Render, url: Url) -> str:
    parts = [
        render(
            "manager-intro.html",
            module=module,
            contents=PARTS,
            action_plan=action_plan_page(module.id),
            practice=practice_link(module.id, url),
            facilitator=facilitator_page(module.id),
        )
    ]
    measured = [objective for objective in module.objectives if objective.watch or objective.avoid]
    for part in PARTS:
        css_class = f" .{part.css_class}" if part.css_class else ""
        parts.append(f"## {part.title} {{ #{part.id}{css_class} }}")
        parts.append(render(part.fragment, module=module, full=True, measured=measured))
    return "\n\n".join(parts) + "\n"


def practice_link(module_id: str, url: Url) -> str:
    """The spaced-practice page showing only this module's questions (the page reads ?module=)."""
    return f"{url(PRACTICE_PAGE)}?module={quote(module_id)}"

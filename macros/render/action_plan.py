"""A module's action plan page (modules/<id>/action-plan.md): the learner chooses behaviours to
practise at work, says when, where and who observes, and takes the plan away as a printable page,
a Markdown file and calendar reminders (docs/assets/javascripts/after.js).

The page is one HTML fragment (overrides/partials/course/action-plan.html). Without JavaScript it
is a plan to print and fill in by hand: boxes to tick, lines to write on. after.js reads what it
needs from the page itself: the module's id and title, each behaviour's text, the most that may
be chosen (data-limit) and when each reminder falls (data-days, data-months), so the numbers live
here only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from macros.curriculum.model import Module

Render = Callable[..., str]
Url = Callable[[str], str]

MOST_CHOSEN = 3  # a plan of more than three changes at once is rarely kept


@dataclass(frozen=True)
class Reminder:
    """A follow-up after the start of the plan: days, or calendar months (a 31st moves to the
    month's last day: 31 December + 2 months is 28 or 29 February)."""

    key: str  # part of the calendar event's UID: the same plan downloaded twice updates, not duplicates
    label: str
    days: int = 0
    months: int = 0


REMINDERS = (
    Reminder("2d", "2 days", days=2),
    Reminder("1w", "1 week", days=7),
    Reminder("3w", "3 weeks", days=21),
    Reminder("2m", "2 months", months=2),
)


def action_plan_markdown(module: Module, render: Render, url: Url) -> str:
    html = render("action-plan.html", module=module, limit=MOST_CHOSEN, reminders=REMINDERS)
    return f"{html}\n"

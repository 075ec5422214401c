"""Governance: a module whose `reviewed` date is older than the project's review age (a notice),
and each module's status for `course list`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from macros.checks.pages import quiet_yaml
from macros.checks.placeholders import placeholders
from macros.curriculum.load import MODULE_FILE
from macros.curriculum.problems import Problem
from macros.curriculum.project import Layout
from macros.curriculum.source import line_of
from macros.curriculum.tree import SourceTree
from macros.render.fragments import plural


def reviewed_date(tree: SourceTree, path: Path) -> tuple[date | None, int]:
    """A module.yml's `reviewed` date and its line (None when missing or not a date)."""
    data = quiet_yaml(tree, path)
    if not isinstance(data, dict):
        return None, 1
    line = line_of(data, ("reviewed",)) or 1
    try:
        return date.fromisoformat(str(data.get("reviewed"))), line
    except ValueError:
        return None, line


def review_due(reviewed: date | None, review_age: int, today: date) -> bool:
    try:
        return reviewed is not None and reviewed < today - timedelta(days=review_age)
    except OverflowError:  # an age longer than the calendar: never due
        return False


def review_problems(layout: Layout, tree: SourceTree, today: date) -> Iterator[Problem]:
    review_age = layout.review_age
    for folder in layout.module_folders():
        path = folder / MODULE_FILE
        reviewed, line = reviewed_date(tree, path)
        if reviewed is not None and review_due(reviewed, review_age, today):
            days = (today - reviewed).days
            yield Problem(
                layout.rel(path),
                line,
                "reviewed",
                f"last reviewed {plural(days, 'day')} ago, on {reviewed.isoformat()} (reviews are due every {review_age} days)",
                f"review the module's content, then write reviewed: {today.isoformat()}",
                severity="warning",
            )


def module_status(layout: Layout, tree: SourceTree, module_id: str, today: date) -> str:
    """'draft' (placeholders left in), 'review due' or 'ok', for `course list`."""
    folder = layout.modules / module_id
    files = [folder / MODULE_FILE, *sorted(p for p in folder.glob("*.md") if p.is_file())]
    if any(placeholders(layout, tree, path) for path in files):
        return "draft"
    reviewed, _ = reviewed_date(tree, folder / MODULE_FILE)
    return "review due" if review_due(reviewed, layout.review_age, today) else "ok"

"""When each file last changed, from git: one `git log` for the whole build.

The "last update" line under every page comes from here. A plugin that asks git once per page
(three processes each) cost a 1,000-lesson build a third of its time (make bench); reading the
whole log once costs about as much as one of those calls.

    changed = last_commits(root, ["docs", "modules"])   # {absolute path: unix time}
    changed.get(str(path))                              # None: not committed yet, or no git
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime
from html import escape
from pathlib import Path

from macros.render.dates import long_date


def last_commits(root: Path, folders: list[str]) -> dict[str, int]:
    """Each committed file under `folders` -> the time of its newest commit ({} outside git)."""
    if shutil.which("git") is None:
        return {}
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=root, capture_output=True, text=True, timeout=60)
        if top.returncode != 0:
            return {}  # a copy without .git (a download, a test): no dates rather than wrong ones
        log = subprocess.run(
            ["git", "log", "--format=%x00%ct", "--name-only", "--no-renames", "--", *folders],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=300,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    base = Path(top.stdout.strip())
    changed: dict[str, int] = {}
    when = 0
    for line in log.stdout.splitlines():
        if line.startswith("\0"):
            when = int(line[1:])
        elif line:
            changed.setdefault(str((base / line).resolve()), when)  # newest first: keep the first
    return changed


def updated_html(timestamp: int, language: str | None = "en") -> str:
    """The date as the theme shows it under a page, in the site's language; the exact time in its
    tooltip (UTC)."""
    moment = datetime.fromtimestamp(timestamp, UTC)
    day = escape(long_date(moment.date(), language))
    css = "git-revision-date-localized-plugin git-revision-date-localized-plugin-date"
    return f'<span class="{css}" title="{day} {moment:%H:%M:%S} UTC">{day}</span>'

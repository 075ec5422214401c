"""The spaced practice page (practice.md): questions of completed lessons come back on a
Leitner schedule, in this browser only (docs/assets/javascripts/practice.js).
"""

from __future__ import annotations

from collections.abc import Callable

from macros.curriculum.model import Curriculum

Render = Callable[..., str]
Url = Callable[[str], str]


def practice_markdown(curriculum: Curriculum, render: Render, url: Url) -> str:
    return "Coming soon.\n"

"""The spaced practice page (practice.md): questions of completed lessons come back on a
Leitner schedule, in this browser only (docs/assets/javascripts/practice.js).

The page is one HTML fragment (overrides/partials/course/spaced-practice.html): what the page needs
without JavaScript or storage, and a hidden list of every lesson with a knowledge check (its
module, its link and its questions' ids). The questions themselves stay in the lesson pages:
practice.js reads a due question from its lesson's page, so nothing here has to be kept in step
with them, and the page grows by one short line per lesson.

Schedule: Leitner boxes (Sebastian Leitner, "So lernt man lernen", 1972; the time-based form in
https://en.wikipedia.org/wiki/Leitner_system). BOX_DAYS is how many days a question in each box
waits before it comes back; practice.js reads it from the page (data-box-days).
"""

from __future__ import annotations

from collections.abc import Callable

from macros.curriculum.model import Curriculum

Render = Callable[..., str]
Url = Callable[[str], str]

# Box 1 (a new question, or one answered wrong): the next day. Each right answer moves it up a box.
# practice.js gives a newly completed lesson's questions box 1's wait, without reading the page.
BOX_DAYS = (1, 3, 7, 16, 35)


def practice_markdown(curriculum: Curriculum, render: Render, url: Url) -> str:
    modules = [module for module in curriculum.modules if any(lesson.knowledge_check for lesson in module.lessons)]
    html = render("spaced-practice.html", modules=modules, box_days=BOX_DAYS, gaps=gaps_in_words(BOX_DAYS[1:]))
    return f"{html}\n"


def gaps_in_words(days: tuple[int, ...]) -> str:
    """(3, 7, 16, 35) -> '3 days, then 7, 16 and 35 days'."""
    if len(days) == 1:
        return f"{days[0]} days"
    first, *middle, last = days
    if not middle:
        return f"{first} days, then {last} days"
    return f"{first} days, then {', '.join(map(str, middle))} and {last} days"

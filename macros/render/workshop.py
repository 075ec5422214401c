"""The pages the site writes for running a module face to face, assembled as Markdown.

    modules/<id>/workbook.md     every lesson on one page for learners to print, with space to write
    modules/<id>/facilitator.md  the session plan with clock times, materials, facilitator notes,
                                 activity instructions and answer keys; each practice conversation's
                                 map, text and role-play cards
    schedule.md                  the whole curriculum as a timed workshop schedule

Each is Markdown built from the lessons' own text and metadata plus HTML fragments from
overrides/partials/course/; the page then goes through the normal build (extensions, search
exclusion, theme) but never through the template engine: metadata is data, and a lesson's text is
templated once, on its own, as its author wrote it (`Body`, given by the site: macros run with the
lesson's front matter, errors are named at the lesson's file and line). Facilitator notes and
exercises are taken from that rendered text. Nothing is kept on disk.
"""

from __future__ import annotations

import re
import textwrap
from bisect import bisect_right
from collections.abc import Callable
from html import escape

from macros.curriculum.addresses import facilitator_page, manager_page, workbook_page
from macros.curriculum.blocks import EXERCISE, FACILITATOR, code_spans, find_blocks, learner_markdown
from macros.curriculum.model import Capstone, Curriculum, Lesson, Module, Scenario
from macros.render.role_play import cards as role_play_cards
from macros.render.role_play import objective_texts
from macros.render.scenario_map import BOX_HEIGHT, BOX_WIDTH, OUTCOME_MARKS
from macros.render.scenario_map import layout as scenario_layout
from macros.render.schedule import DayRules, days, plan
from macros.render.templating import MacroError

Render = Callable[..., str]  # a fragment template name and its context -> HTML
Url = Callable[[str], str]  # a docs-relative source path -> URL relative to the page
Body = Callable[[Lesson | Capstone], str]  # a lesson or capstone -> its Markdown body, macros rendered for this page
SHORT_LINE = 70  # characters of a line in the scenario map's words


def as_written(page: Lesson | Capstone) -> str:
    """A body with no macros run (where no template engine is at hand, as in unit tests)."""
    return page.body


def _heading(page, number: int) -> str:
    """'Lesson 2: Title'; a capstone's title says what it is already ('Capstone: ...')."""
    title = escape(page.title)
    return title if isinstance(page, Capstone) else f"Lesson {number}: {title}"


# -- the learner workbook -----------------------------------------------------------------------


def workbook_markdown(module: Module, render: Render, body: Body = as_written) -> str:
    parts = [render("workbook-cover.html", module=module)]
    for number, page in enumerate(module.pages, 1):
        parts.append(f"## {_heading(page, number)} {{ #{page.slug} .course-workbook__lesson }}")
        parts.append(render("workbook-lesson-meta.html", module=module, lesson=page))
        parts.append(_with_writing_space(_demoted(learner_markdown(body(page)))))
        if isinstance(page, Lesson):
            if page.knowledge_check:
                parts.append(render("workbook-check.html", lesson=page))
            parts.append(render("workbook-takeaways.html", lesson=page))
        if page.sources:  # printed: the address is written out, as a link cannot be followed
            parts.append(render("workbook-sources.html", lesson=page))
    return "\n\n".join(parts) + "\n"


WRITING_SPACE = '<div class="course-write" aria-hidden="true"></div>'
# Python-Markdown reads raw HTML blocks only at the top of a page: inside a tab or a list item the
# space is inline HTML in a paragraph, where only a <span> is valid HTML (print.css makes it a box).
NESTED_WRITING_SPACE = '<span class="course-write" aria-hidden="true"></span>'


def _with_writing_space(markdown: str) -> str:
    """After each exercise, room to write when printed (the box is print-only, see print.css)."""
    lines = markdown.split("\n")
    for block in reversed(find_blocks(markdown, EXERCISE)):  # from the end: earlier line numbers stay right
        space = " " * block.indent + (NESTED_WRITING_SPACE if block.indent else WRITING_SPACE)
        lines[block.end_line : block.end_line] = ["", space]  # at the block's indentation: inside its tab or list item
    return "\n".join(lines)


_HEADING = re.compile(r"^(#{1,5})(?=\s)", re.MULTILINE)


def _demoted(markdown: str) -> str:
    """Headings one level down (a lesson's ## sections sit under the workbook's ## lesson title); code stays as written."""
    code = code_spans(markdown)
    starts = [start for start, _ in code]

    def demote(heading: re.Match) -> str:
        before = bisect_right(starts, heading.start()) - 1  # the last code span starting at or before it
        in_code = before >= 0 and heading.start() < code[before][1]
        return heading.group(0) if in_code else "#" + heading.group(0)

    return _HEADING.sub(demote, markdown)


# -- the facilitator guide ----------------------------------------------------------------------


def facilitator_markdown(module: Module, render: Render, url: Url, rules: DayRules, body: Body = as_written) -> str:
    slots = plan(((module, page) for page in module.pages), rules)
    manager = manager_page(module.id)
    parts = [
        render("facilitator-intro.html", module=module, days=days(slots), workbook=workbook_page(module.id), manager=manager),
        "## Session plan { #session-plan }",
        render(
            "session-plan.html", days=days(slots), show_module=False, show_day=False, link=lambda slot: f"#{slot.page.slug}", guide=None
        ),
        "## Materials { #materials }",
        render("materials.html", items=module.materials),
        # What managers do before and after: the manager's coaching guide in short (manager_guide.py)
        "## Before and after the workshop { #before-and-after }",
        render("facilitator-before-after.html", module=module, manager=manager),
    ]
    sessions = {slot.page.slug: slot for slot in slots if slot.page is not None}
    for number, page in enumerate(module.pages, 1):
        slot = sessions[page.slug]
        parts.append(f"## {slot.start_text}–{slot.end_text} · {_heading(page, number)} {{ #{page.slug} .course-facilitator__session }}")
        parts.append(render("facilitator-session.html", module=module, lesson=page, slot=slot))
        text = body(page)
        for note in find_blocks(text, FACILITATOR):
            parts.append(f"### {escape(note.title or 'Facilitator notes')}")
            parts.append(note.body)
        for exercise in find_blocks(text, EXERCISE):
            parts.append(f"### Activity: {escape(exercise.title)}")
            parts.append(exercise.body)
        if isinstance(page, Lesson) and page.knowledge_check:
            parts.append("### Answer key")
            parts.append(render("facilitator-answers.html", lesson=page))
    parts += _practice_conversations(module, render, url)
    return "\n\n".join(parts) + "\n"


def _practice_conversations(module: Module, render: Render, url: Url) -> list[str]:
    """Each scenario's map, its text and its role-play cards (all of it text: see the fragments)."""
    if not module.scenarios:
        return []
    parts = [
        "## Practice conversations { #practice-conversations .course-facilitator__practice }",
        render("practice-intro.html", module=module),
    ]
    for scenario in module.scenarios:
        objectives = objective_texts(scenario, module)
        lesson = next((page for page in module.lessons if page.slug == scenario.lesson), None)
        drawn = {"map": scenario_layout(scenario), "marks": OUTCOME_MARKS, "box": {"width": BOX_WIDTH, "height": BOX_HEIGHT}}
        parts += [
            f"### {_markdown_text(scenario.title)} {{ #practice-{scenario.id} .course-facilitator__scenario }}",
            render("scenario-intro.html", scenario=scenario, lesson=lesson, objectives=objectives, page=_learner_page(scenario, url)),
            render("scenario-map.html", short=_short, **drawn),
            render("scenario-script.html", objectives=objectives, **drawn),
            render("role-play-cards.html", cards=role_play_cards(scenario, module), marks=OUTCOME_MARKS),
        ]
    return parts


def _learner_page(scenario: Scenario, url: Url) -> str:
    """The URL of the scenario's own page; "" where the site has none to link (the site writes it)."""
    try:
        return url(scenario.path)
    except MacroError:
        return ""


def _markdown_text(text: str) -> str:
    """Text for a Markdown heading: every sign as a character reference, so no Markdown syntax,
    HTML or typographic replacement acts on it."""
    return "".join(character if character.isalnum() or character == " " else f"&#{ord(character)};" for character in text)


def _short(text: str) -> str:
    """The start of a line, for the map in words (the whole line is in the text under it)."""
    return textwrap.shorten(text, SHORT_LINE, placeholder=" …")


# -- the curriculum schedule --------------------------------------------------------------------


def schedule_markdown(curriculum: Curriculum, render: Render, url: Url, rules: DayRules) -> str:
    sessions = [(module, page) for module in curriculum.modules for page in module.pages]
    timed = days(plan(sessions, rules))
    parts = [render("schedule-intro.html", curriculum=curriculum, days=timed, rules=rules)]
    for day in timed:
        parts.append(f"## Day {day[0].day} {{ #day-{day[0].day} }}")
        parts.append(
            render(
                "session-plan.html",
                days=[day],
                show_module=True,
                show_day=False,
                link=lambda slot: f"{url(facilitator_page(slot.module.id))}#{slot.page.slug}",
                guide=lambda module: url(facilitator_page(module.id)),
            )
        )
    return "\n\n".join(parts) + "\n"

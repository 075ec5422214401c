"""Timings that hold: the minutes a lesson claims against the minutes its parts need.

    a facilitator note's minute plan ("- 20 min: the exercise ...")   errors: an exercise's line
        shorter than the exercise's `minutes`, no line for an exercise, a total other than `duration`
    a lesson's `duration` under its reading time plus its exercises' minutes   warning (self-study)
    a page that calls the modules a half-day workshop when one runs longer      error

The plan is the list of "- N min: ..." lines in the note titled "Running this lesson" (or
"Running the capstone"). A line belongs to an exercise when it names the exercise's title, or,
in a lesson with one exercise, when it says "exercise". Reading time is the words a learner
reads (the text without facilitator notes, exercises, code or macro calls, and the knowledge
check's questions and options) at READING_WORDS_PER_MINUTE, rounded up; an exercise's own text is
read within its minutes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from macros.checks.masking import EXPRESSION, HTML_COMMENT, mask_code, prose
from macros.checks.pages import Page, markdown_files, read_page
from macros.curriculum.blocks import EXERCISE, FACILITATOR, find_blocks, learner_markdown, split_blocks
from macros.curriculum.model import Capstone, Curriculum, Lesson, Module
from macros.curriculum.problems import Problem
from macros.curriculum.project import Layout
from macros.curriculum.tree import SourceTree

# Instructional text read with care, as the author guide says: slower than a novel (250 or more).
READING_WORDS_PER_MINUTE = 200
# The teaching minutes a half-day workshop holds, breaks aside: the most a page may call "half-day".
HALF_DAY_MINUTES = 240
PLAN_TITLES = ("Running this lesson", "Running the capstone")

_PLAN_LINE = re.compile(r"^- (\d+) min: *(.*)$")
_WORD = re.compile(r"[^\W_][\w'’-]*")  # a word starts with a letter or a digit
_TEMPLATE_TAG = re.compile(r"\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_HTML_TAG = re.compile(r"<[^>\n]+>")
_LINK_TARGET = re.compile(r"\]\([^)\s]*\)")  # a link's address is not read
_HALF_DAY = re.compile(r"\bhalf[- ]day\b", re.IGNORECASE)


@dataclass(frozen=True)
class PlanLine:
    minutes: int
    text: str  # what the minutes are for
    line: int  # in the file


@dataclass(frozen=True)
class MinutePlan:
    title: str  # the note's title
    line: int  # the note's marker line in the file
    lines: tuple[PlanLine, ...]

    @property
    def total(self) -> int:
        return sum(item.minutes for item in self.lines)


def minute_plan(page: Lesson | Capstone) -> MinutePlan | None:
    """The "- N min: ..." lines of the page's "Running this lesson" note; None without any."""
    for note in find_blocks(page.body, FACILITATOR):
        if note.title in PLAN_TITLES:
            first = page.body_line + note.line  # the file line of the note's first body line
            items = tuple(
                PlanLine(int(found.group(1)), found.group(2), first + number)
                for number, text in enumerate(note.body.split("\n"))
                if (found := _PLAN_LINE.match(text))
            )
            return MinutePlan(note.title, page.body_line + note.line - 1, items) if items else None
    return None


def reading_words(markdown: str) -> int:
    """The words a learner reads in a page's text: no facilitator notes, exercises (read within
    their own minutes), code, macro calls, HTML tags, comments or link addresses."""
    text, _ = split_blocks(learner_markdown(markdown), EXERCISE)
    text = HTML_COMMENT.sub(" ", mask_code(text))
    for pattern in (EXPRESSION, _TEMPLATE_TAG, _HTML_TAG, _LINK_TARGET):
        text = pattern.sub(" ", text)
    return len(_WORD.findall(text))


def reading_minutes(lesson: Lesson) -> int:
    """Minutes to read a lesson's text and its knowledge check, rounded up."""
    asked = " ".join(q.question + " " + " ".join(o.answer for o in q.options) for q in lesson.knowledge_check)
    words = reading_words(lesson.body) + len(_WORD.findall(asked))
    return math.ceil(words / READING_WORDS_PER_MINUTE)


def self_study_minutes(lesson: Lesson) -> int:
    """What a learner alone needs: the reading time plus every exercise's minutes."""
    return reading_minutes(lesson) + sum(exercise.minutes for exercise in lesson.exercises)


def timing_problems(curriculum: Curriculum, pages: Iterable[Page] = ()) -> Iterator[Problem]:
    """Every timing problem in the modules, then the pages' half-day claims."""
    for module in curriculum.modules:
        for page in module.pages:
            yield from _plan_problems(page)
        for lesson in module.lessons:
            yield from _self_study(lesson)
    yield from half_day_claims(curriculum, pages)


def _plan_problems(page: Lesson | Capstone) -> Iterator[Problem]:
    plan = minute_plan(page)
    if plan is None:
        return
    what = "lesson" if isinstance(page, Lesson) else "capstone"
    if page.duration and plan.total != page.duration:
        yield Problem(
            page.source,
            plan.line,
            "",
            f'the minute plan in "{plan.title}" adds up to {plan.total} minutes, but the {what}\'s duration is {page.duration}',
            f"make the plan's minutes add up to {page.duration}, or change duration (line {page.line('duration')}) to match",
        )
    if isinstance(page, Lesson):
        for index, exercise in enumerate(page.exercises):
            yield from _exercise_slot(page, plan, index, exercise.title, exercise.minutes)


def _exercise_slot(lesson: Lesson, plan: MinutePlan, index: int, title: str, minutes: int) -> Iterator[Problem]:
    if not title or not minutes:
        return  # its metadata is broken: reported where it is written
    lines = [item for item in plan.lines if _names(item.text, title, len(lesson.exercises))]
    if not lines:
        yield Problem(
            lesson.source,
            plan.line,
            "",
            f'the minute plan in "{plan.title}" has no line for the exercise "{title}"',
            f"name it in the line for its time, as in '- {minutes} min: the exercise ...' (exercises[{index + 1}].minutes: {minutes})",
        )
        return
    slot = sum(item.minutes for item in lines)
    if slot < minutes:
        yield Problem(
            lesson.source,
            lines[0].line,
            "",
            f'the minute plan gives the exercise "{title}" {slot} minutes, but it takes {minutes} '
            f"(exercises[{index + 1}].minutes, line {lesson.line(f'exercises.{index}.minutes')})",
            f"give it {minutes} minutes, taking the time from other lines or raising the lesson's duration, or change its minutes",
        )


def _simple(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def _names(text: str, title: str, exercises: int) -> bool:
    """Whether a plan line is for the exercise: it names its title, or says "exercise" where there is one."""
    words = f" {_simple(text)} "
    return f" {_simple(title)} " in words or (exercises == 1 and " exercise " in words)


def _self_study(lesson: Lesson) -> Iterator[Problem]:
    needed = self_study_minutes(lesson)
    if not lesson.duration or lesson.duration >= needed:
        return
    reading = reading_minutes(lesson)
    yield Problem(
        lesson.source,
        lesson.line("duration"),
        "duration",
        f"{lesson.duration} minutes is less than a learner alone needs: {reading} to read "
        f"(at {READING_WORDS_PER_MINUTE} words a minute) and {needed - reading} for the exercises",
        f"write duration: {needed} or more, or shorten the text",
        severity="warning",
    )


def half_day_claims(curriculum: Curriculum, pages: Iterable[Page]) -> Iterator[Problem]:
    """A page that calls the modules (a module's own introduction: its module) a half-day
    workshop while one of them runs longer than HALF_DAY_MINUTES."""
    by_id = {module.id: module for module in curriculum.modules}
    for page in pages:
        module = _intro_module(page, by_id)
        if page.site.startswith(("blog/", "modules/")) and module is None:
            continue  # an article's or a lesson's half day may be any half day
        longest = _longest([module] if module else curriculum.modules)
        if longest is None or longest.duration <= HALF_DAY_MINUTES:
            continue
        text = prose(page.source.body)
        for found in _HALF_DAY.finditer(text):
            yield Problem(
                page.file,
                page.source.body_line + text.count("\n", 0, found.start()),
                "",
                f"the page calls a module a half-day workshop, but '{longest.id}' runs {longest.duration} minutes, "
                f"more than {HALF_DAY_MINUTES}, before breaks",
                "give the length the site computes instead: each module's overview and facilitator guide show it",
            )


def claim_pages(layout: Layout, tree: SourceTree) -> Iterator[Page]:
    """The pages that may say how long a module runs: docs/ outside the blog, and module introductions."""
    for path in markdown_files(layout):
        page, _ = read_page(layout, tree, path)  # a page that cannot be read is reported by the page checks
        if page is not None:
            yield page


def _intro_module(page: Page, modules: dict[str, Module]) -> Module | None:
    """The module whose introduction (modules/<id>/index.md) the page is, if any."""
    parts = page.site.split("/")
    return modules.get(parts[1]) if len(parts) == 3 and parts[0] == "modules" and parts[2] == "index.md" else None


def _longest(modules: Iterable[Module]) -> Module | None:
    return max(modules, key=lambda module: module.duration, default=None)

"""Broken inputs of issue 17 (timings that hold): cases in the format of broken_inputs.py, run by
test_broken_inputs.py.

The minimal course's "Map symbols" lesson lasts 20 minutes and its exercise, "Find five symbols",
takes 10 (`minutes: 10`, written in flow style so that the fixture's lines stay where other cases
name them). The cases take its minutes away or write them as words, give it a
facilitator note whose minute plan leaves the exercise too little time or adds up to more than
the lesson, and call the modules half-day workshops on the home page when one runs longer.
"""

from __future__ import annotations

from tests.build.broken_inputs import Case, M, replace

SYMBOLS = f"{M}/symbols.md"
MINUTES = "  - {title: Find five symbols, minutes: 10,\n"
EXERCISE_BLOCK = '!!! exercise "Find five symbols"'


def plan(*lines: str) -> list:
    """A "Running this lesson" note with these minute lines, before the exercise (the note at line 26)."""
    note = '!!! facilitator "Running this lesson"\n' + "".join(f"    {line}\n" for line in lines) + "\n"
    return [replace(SYMBOLS, EXERCISE_BLOCK, note + EXERCISE_BLOCK)]


CASES: list[Case] = [
    Case(
        "exercise-without-minutes",
        [replace(SYMBOLS, MINUTES, "  - {title: Find five symbols,\n")],
        (f"{SYMBOLS}:11: exercises[1].minutes: this required field is missing — write minutes: 20",),
    ),
    Case(
        "exercise-minutes-in-words",
        [replace(SYMBOLS, MINUTES, "  - {title: Find five symbols, minutes: ten,\n")],
        (f'{SYMBOLS}:11: exercises[1].minutes: expected a whole number, got "ten" — write minutes: 20',),
    ),
    Case(
        "exercise-slot-shorter-than-its-minutes",
        plan("- 5 min: the key and its symbols.", "- 5 min: the exercise, in pairs.", "- 10 min: the knowledge check."),
        (
            f'{SYMBOLS}:28: the minute plan gives the exercise "Find five symbols" 5 minutes, but it takes 10 (exercises[1].minutes, '
            "line 11) — give it 10 minutes, taking the time from other lines or raising the lesson's duration, or change its minutes",
        ),
    ),
    Case(
        "minute-plan-longer-than-the-lesson",
        plan("- 5 min: the key and its symbols.", "- 10 min: the exercise, in pairs.", "- 10 min: the knowledge check."),
        (
            f'{SYMBOLS}:26: the minute plan in "Running this lesson" adds up to 25 minutes, but the lesson\'s duration is 20 — make '
            "the plan's minutes add up to 20, or change duration (line 3) to match",
        ),
    ),
    Case(
        "half-day-claim-for-a-longer-module",
        [
            replace(f"{M}/contours.md", "duration: 25\n", "duration: 230\n"),
            replace("docs/index.md", "## The modules\n", "## The modules\n\nEach module is a half-day workshop.\n"),
        ],
        (
            "docs/index.md:12: the page calls a module a half-day workshop, but 'map-reading' runs 250 minutes, more than 240, "
            "before breaks — give the length the site computes instead: each module's overview and facilitator guide show it",
        ),
    ),
]

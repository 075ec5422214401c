"""Reading time and minute plans (macros/checks/timings.py): what a learner reads, at the stated
speed, and the "- N min:" lines of a facilitator note, at their lines in the file."""

from __future__ import annotations

from macros.checks.timings import READING_WORDS_PER_MINUTE, minute_plan, reading_minutes, reading_words, self_study_minutes
from macros.curriculum.model import Exercise, Lesson, Option, Question


def lesson(body: str, exercises: tuple[Exercise, ...] = (), questions: tuple[Question, ...] = (), body_line: int = 10) -> Lesson:
    return Lesson(
        slug="l",
        module_id="m",
        title="L",
        duration=30,
        objectives=(),
        key_takeaways=(),
        tags=(),
        exercises=exercises,
        knowledge_check=questions,
        body=body,
        body_line=body_line,
    )


def test_reading_words_are_the_learners_prose_only():
    body = (
        "One two three.\n\n"
        '!!! facilitator "Running this lesson"\n    - 5 min: not read by learners.\n\n'
        '!!! exercise "Try it"\n    Read within the exercise\'s own minutes.\n\n'
        "```\ncode is not read\n```\n\n"
        'Four {{ term("open-question", "open questions") }} [five](https://example.org/a-long-address) <span>six</span> it\'s.\n'
    )
    assert reading_words(body) == 7  # one two three four five six it's


def test_reading_minutes_round_up_and_count_the_knowledge_check():
    words = READING_WORDS_PER_MINUTE
    assert reading_minutes(lesson("word " * words)) == 1
    assert reading_minutes(lesson("word " * (words + 1))) == 2
    asked = Question("Is this read?", (Option("Yes", True, "Feedback is not counted."), Option("No", False, "Nor this.")))
    assert reading_minutes(lesson("word " * (words - 5), questions=(asked,))) == 1  # 195 + 5 words
    assert reading_minutes(lesson("word " * (words - 5) + "extra", questions=(asked,))) == 2


def test_self_study_time_is_reading_plus_every_exercise():
    exercises = (Exercise("A", minutes=20), Exercise("B", minutes=5))
    assert self_study_minutes(lesson("word " * 450, exercises)) == 3 + 25


def test_the_minute_plan_is_read_from_its_note_at_the_file_lines():
    body = (
        'Intro.\n\n!!! facilitator "Running this lesson"\n'
        "    - 3 min: open.\n    - 20 min: the exercise, in pairs.\n\n    **Open with:** a question.\n"
    )
    plan = minute_plan(lesson(body, body_line=10))
    assert plan is not None
    assert plan.line == 12  # the note's marker: body line 3 is file line 12
    assert [(item.minutes, item.text, item.line) for item in plan.lines] == [(3, "open.", 13), (20, "the exercise, in pairs.", 14)]
    assert plan.total == 23


def test_only_the_running_note_holds_a_plan():
    assert minute_plan(lesson('!!! facilitator "Debrief"\n    - 5 min: not a plan.\n')) is None
    assert minute_plan(lesson('!!! facilitator "Running this lesson"\n    No minutes here.\n')) is None

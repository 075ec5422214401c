"""Facilitator blocks are found (and kept out of learner text), and workshop clocks add up."""

from __future__ import annotations

import pytest

from macros.curriculum.blocks import FACILITATOR, find_blocks, learner_markdown
from macros.curriculum.load import load_curriculum
from macros.curriculum.model import Lesson, Module, Workshop
from macros.curriculum.problems import CurriculumError
from macros.render.schedule import DayRules, days, plan

from .curriculum_factory import make_project, write

LESSON = """\
Intro paragraph.

!!! facilitator "Running this lesson"
    - 5 min: open with a question.

    **Watch for:** silence.

## A section

!!! exercise "Do it"
    Steps.

!!! facilitator
    Answer key: B.
Back to learners.

```markdown
!!! facilitator "Shown in the author guide"
    This stays: it is an example in code.
```
"""


def test_facilitator_blocks_are_taken_out_with_their_titles_and_bodies():
    blocks = find_blocks(LESSON, FACILITATOR)
    assert [(b.title, b.body) for b in blocks] == [
        ("Running this lesson", "- 5 min: open with a question.\n\n**Watch for:** silence."),
        ("", "Answer key: B."),
    ]
    learner = learner_markdown(LESSON)
    assert "open with a question" not in learner and "Answer key" not in learner
    assert "Intro paragraph." in learner and "!!! exercise" in learner and "Back to learners." in learner
    assert "This stays: it is an example in code." in learner, "a block inside fenced code was removed"


def test_a_page_without_notes_is_returned_untouched():
    assert learner_markdown("# Title\n\n    indented code\n") == "# Title\n\n    indented code\n"


def lesson(slug: str, minutes: int) -> Lesson:
    return Lesson(slug=slug, module_id="m", title=slug.title(), duration=minutes, objectives=(), key_takeaways=(), tags=())


def module(*lessons: Lesson, workshop: Workshop = Workshop()) -> Module:
    from datetime import date

    return Module(id="m", title="M", summary="", audience=(), level="introductory", order=1, objectives=(), prerequisites=(), tags=(), authors=(), version="1", reviewed=date(2026, 1, 1), lessons=lessons, workshop=workshop)


def timeline(slots) -> list[str]:
    return [f"{s.day} {s.start_text}-{s.end_text} {s.title}" for s in slots]


def test_sessions_follow_each_other_with_a_break_before_going_past_ninety_minutes():
    m = module(lesson("a", 30), lesson("b", 30), lesson("c", 30), lesson("d", 30))
    assert timeline(plan((m, page) for page in m.pages)) == [
        "1 09:30-10:00 A",
        "1 10:00-10:30 B",
        "1 10:30-11:00 C",
        "1 11:00-11:15 Break",
        "1 11:15-11:45 D",
    ]


def test_lunch_comes_at_the_first_boundary_after_lunch_time_and_a_day_ends_before_running_late():
    m = module(*(lesson(f"l{i}", 60) for i in range(8)))
    rules = DayRules(start="09:00", end="16:00", break_after=120, break_minutes=10, lunch_after="12:00", lunch_minutes=60)
    slots = plan(((m, page) for page in m.pages), rules)
    assert timeline(slots) == [
        "1 09:00-10:00 L0",
        "1 10:00-11:00 L1",
        "1 11:00-11:10 Break",
        "1 11:10-12:10 L2",
        "1 12:10-13:10 Lunch",
        "1 13:10-14:10 L3",
        "1 14:10-15:10 L4",
        "2 09:00-10:00 L5",  # 15:10 + a break + 60 min would end after 16:00
        "2 10:00-11:00 L6",
        "2 11:00-11:10 Break",
        "2 11:10-12:10 L7",
    ]
    assert [len(day) for day in days(slots)] == [7, 4]


def test_a_module_can_restart_the_clock_for_a_second_day_at_its_own_start_time():
    m = module(lesson("a", 40), lesson("b", 40), lesson("c", 40), workshop=Workshop(start="13:00", new_day_after=("a",)))
    assert timeline(plan((m, page) for page in m.pages)) == ["1 13:00-13:40 A", "2 13:00-13:40 B", "2 13:40-14:20 C"]


def test_workshop_metadata_is_loaded_and_checked(tmp_path):
    root = make_project(tmp_path)
    module_yml = root / "modules/alpha/module.yml"
    module_yml.write_text(module_yml.read_text() + 'workshop:\n  start: "10:00"\n  new_day_after: [first]\n  materials: [Flip chart]\n')
    write(root, "modules/alpha/first.md", (root / "modules/alpha/first.md").read_text().replace("tags: [testing]", "tags: [testing]\nmaterials: [Cards, Flip chart]", 1))
    alpha = load_curriculum(root).module("alpha")
    assert alpha.workshop == Workshop(start="10:00", new_day_after=("first",), materials=("Flip chart",))
    assert alpha.materials == ("Flip chart", "Cards")

    module_yml.write_text(module_yml.read_text().replace("new_day_after: [first]", "new_day_after: [frist]").replace('start: "10:00"', 'start: "10am"'))
    with pytest.raises(CurriculumError) as error:
        load_curriculum(root)
    report = error.value.report()
    assert "workshop.new_day_after: 'frist' is not a lesson of module 'alpha' — did you mean 'first'?" in report or "workshop.start" in report
    assert "workshop.start" in report


def test_lessons_may_not_take_the_names_of_generated_pages(tmp_path):
    root = make_project(tmp_path)
    module_yml = root / "modules/alpha/module.yml"
    module_yml.write_text(module_yml.read_text().replace("  - second\n", "  - second\n  - workbook\n"))
    write(root, "modules/alpha/workbook.md", (root / "modules/alpha/second.md").read_text())
    with pytest.raises(CurriculumError) as error:
        load_curriculum(root)
    assert "lessons: 'workbook' is the address of the module's learner workbook, which the site generates — rename workbook.md and its entry here" in error.value.report()

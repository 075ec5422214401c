"""Facilitator blocks are found (and kept out of learner text), and a module's workshop metadata
is loaded and checked (the clock times it gives are tested in tests/unit/render/test_schedule.py)."""

from __future__ import annotations

import pytest

from macros.curriculum.blocks import FACILITATOR, find_blocks, learner_markdown
from macros.curriculum.load import load_curriculum
from macros.curriculum.model import Workshop
from macros.curriculum.problems import CurriculumError
from tests.factory import Project

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


def test_workshop_metadata_is_loaded_and_checked(tmp_path):
    project = Project.small(tmp_path)
    module_yml = project / "modules/alpha/module.yml"
    project.append("modules/alpha/module.yml", 'workshop:\n  start: "10:00"\n  new_day_after: [first]\n  materials: [Flip chart]\n')
    project.replace("modules/alpha/first.md", "tags: [testing]", "tags: [testing]\nmaterials: [Cards, Flip chart]")
    alpha = load_curriculum(project).module("alpha")
    assert alpha.workshop == Workshop(start="10:00", new_day_after=("first",), materials=("Flip chart",))
    assert alpha.materials == ("Flip chart", "Cards")

    module_yml.write_text(
        module_yml.read_text().replace("new_day_after: [first]", "new_day_after: [frist]").replace('start: "10:00"', 'start: "10am"')
    )
    with pytest.raises(CurriculumError) as error:
        load_curriculum(project)
    report = error.value.report()
    assert (
        "workshop.new_day_after: 'frist' is not a lesson of module 'alpha' — did you mean 'first'?" in report or "workshop.start" in report
    )
    assert "workshop.start" in report


def test_lessons_may_not_take_the_names_of_generated_pages(tmp_path):
    project = Project.small(tmp_path)
    project.lesson("alpha", "workbook", project.read("modules/alpha/second.md"))
    with pytest.raises(CurriculumError) as error:
        load_curriculum(project)
    assert (
        "lessons: 'workbook' is the address of the module's learner workbook, which the site generates — rename workbook.md and "
        "its entry here" in error.value.report()
    )

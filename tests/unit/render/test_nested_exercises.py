"""Regression (issue 11): an exercise inside a content tab, or written `!!! exercise inline end "X"`,
passed `course check` but was missing from the facilitator guide and had no writing space in the
workbook. One block reader now serves the check, the guide and the workbook."""

from __future__ import annotations

import re

import markdown as python_markdown
import pytest

from macros.curriculum.load import load_curriculum
from macros.curriculum.problems import CurriculumError
from macros.render.schedule import DayRules
from macros.render.workshop import facilitator_markdown, workbook_markdown
from tests.factory import LESSON_MD, Project

EXERCISES = """\
exercises:
  - title: Name three things
    assesses: [name-it]
    minutes: 5
  - title: Compare the replies
    assesses: [name-it]
    minutes: 5
  - title: Spot the question
    assesses: [name-it]
    minutes: 5
"""

BODY = """
Some text.

!!! exercise "Name three things"
    Write down three names.

=== "On the phone"

    !!! exercise "Compare the replies"
        Read both replies aloud.

    !!! facilitator "Phone debrief"
        The second reply names the deadline.

=== "By email"

    Nothing to do here.

!!! exercise inline end "Spot the question"
    Underline the question in the email.

The end.
"""

EXTENSIONS = ["admonition", "attr_list", "md_in_html", "pymdownx.details", "pymdownx.superfences", "pymdownx.tabbed"]


def lesson_with(exercises: str, body: str) -> str:
    head, _, _ = LESSON_MD.format(title="First lesson").partition("exercises:\n")
    rest = LESSON_MD.split("knowledge_check:", 1)[1].split("---", 1)[0]
    return head + exercises + "knowledge_check:" + rest + "---\n" + body


@pytest.fixture
def module(tmp_path):
    project = Project.small(tmp_path)
    project.write("modules/alpha/first.md", lesson_with(EXERCISES, BODY))
    return load_curriculum(project).module("alpha")  # course check: raises CurriculumError on any problem


def render(template: str, **context) -> str:
    return f"<!-- {template} -->"


def test_the_check_accepts_tabbed_and_inline_end_exercises(module):
    assert [e.title for e in module.lessons[0].exercises] == ["Name three things", "Compare the replies", "Spot the question"]


def test_the_check_does_not_count_an_exercise_shown_in_code(tmp_path):
    project = Project.small(tmp_path)
    shown = BODY.replace('!!! exercise inline end "Spot the question"', '```markdown\n!!! exercise inline end "Spot the question"\n```')
    project.write("modules/alpha/first.md", lesson_with(EXERCISES, shown))
    with pytest.raises(CurriculumError) as error:
        load_curriculum(project)
    assert 'no exercise titled "Spot the question" in the lesson\'s text' in error.value.report()


def test_the_facilitator_guide_lists_every_activity_and_the_note_in_the_tab(module):
    guide = facilitator_markdown(module, render, url=lambda path: path, rules=DayRules())
    first = guide.split("<!-- facilitator-session.html -->")[1]
    activities = re.findall(r"^### Activity: (.+)$", first, re.MULTILINE)
    assert activities == ["Name three things", "Compare the replies", "Spot the question"]
    assert "### Phone debrief\n\nThe second reply names the deadline." in first
    assert "### Activity: Compare the replies\n\nRead both replies aloud." in first


def test_the_workbook_gives_every_exercise_space_to_write_inside_its_tab(module):
    workbook = workbook_markdown(module, render)
    assert "The second reply names the deadline" not in workbook, "a facilitator note inside a tab reached the workbook"
    assert '    !!! exercise "Compare the replies"\n        Read both replies aloud.\n\n    <span class="course-write"' in workbook
    assert 'Underline the question in the email.\n\n<div class="course-write" aria-hidden="true"></div>' in workbook

    html = python_markdown.markdown(workbook, extensions=EXTENSIONS)
    assert html.count('class="course-write"') == 4  # three exercises in the first lesson, one in the second
    phone_tab = html.split('<div class="tabbed-content">')[1].split("</div>\n</div>")[0]
    assert re.search(r'Read both replies aloud\.</p>\n</div>\n<p><span class="course-write" aria-hidden="true"></span></p>', phone_tab)
    assert "<p><div" not in html, "a <div> inside a paragraph is invalid HTML"

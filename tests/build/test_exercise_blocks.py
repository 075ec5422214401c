"""Regression (issue 11), in a real strict build: an exercise inside a content tab and one written
`!!! exercise inline end "X"` reach the facilitator guide and get space to write in the workbook,
inside their tab; a facilitator note inside a tab stays off the learner page."""

from __future__ import annotations

import re

import pytest

from tests.factory import Project
from tests.html import html, text_of

LESSON = "modules/map-reading/symbols.md"

EXERCISES = """\
  - title: Find five symbols
    assesses: [name-symbols]
    minutes: 5
  - title: Compare two keys
    assesses: [name-symbols]
    minutes: 5
  - title: Spot the church
    assesses: [name-symbols]
    minutes: 5
"""

BODY = """\
=== "Paper map"

    !!! exercise "Compare two keys"
        Lay two sheets side by side and compare their keys.

    !!! facilitator "Running the comparison"
        Expect learners to miss the youth hostel symbol.

=== "Phone app"

    The app shows the same symbols.

!!! exercise inline end "Spot the church"
    Find a church with a tower and one without.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = Project.minimal(tmp_path_factory.mktemp("project") / "project")
    project.replace("mkdocs.yml", "  - pymdownx.details\n", "  - pymdownx.details\n  - pymdownx.tabbed\n")
    written = "exercises:\n  - {title: Find five symbols, minutes: 10,\n     assesses: [name-symbols]}\n"
    project.replace(LESSON, written, "exercises:\n" + EXERCISES)
    project.append(LESSON, "\n" + BODY)
    site = tmp_path_factory.mktemp("site") / "site"
    result = project.build(site)
    assert result.returncode == 0, f"the strict build failed:\n{result.stdout}\n{result.stderr}"
    return site


def test_the_learner_page_shows_the_exercises_and_not_the_note_in_the_tab(site):
    page = html(site, "modules/map-reading/symbols")
    assert re.findall(r'class="admonition ([\w ]+)"', page) == ["exercise", "exercise", "exercise inline end"]
    assert "youth hostel" not in page


def test_the_facilitator_guide_lists_the_tabbed_and_inline_end_activities(site):
    guide = text_of(html(site, "modules/map-reading/facilitator"))
    for title in ["Find five symbols", "Compare two keys", "Spot the church"]:
        assert f"Activity: {title}" in guide
    assert "Lay two sheets side by side and compare their keys." in guide
    assert "Expect learners to miss the youth hostel symbol." in guide


def test_the_workbook_has_space_to_write_after_each_exercise_inside_its_tab(site):
    workbook = html(site, "modules/map-reading/workbook")
    assert "youth hostel" not in workbook
    tab = workbook[workbook.index('class="tabbed-content"') :]
    tab = tab[: tab.index("The app shows")]
    assert re.search(r'compare their keys\.</p>\s*</div>\s*<p><span class="course-write" aria-hidden="true"></span></p>', tab)
    after_inline = workbook[workbook.index("without.</p>") :]
    assert re.match(r'without\.</p>\s*</div>\s*<div class="course-write" aria-hidden="true"></div>', after_inline)
    assert "<p><div" not in workbook

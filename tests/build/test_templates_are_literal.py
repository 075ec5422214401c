"""Templates run only where an author wrote them (issue 12): metadata is data, generated pages are
never templated a second time, a lesson's text is templated once as its own page is (its front
matter, its file and line, `render_macros: false` obeyed), and code in every Markdown form stays
literal while macros in the prose around it still run, with links that resolve from the workbook.

Real `course check` and real builds of the minimal course; the broken cases (refused at the
lesson's line) are in broken_templates.py."""

from __future__ import annotations

import re
import subprocess
from html import unescape
from pathlib import Path

import pytest

from tests.factory import Project
from tests.html import html
from tests.search import indexed_pages

M, R = "modules/map-reading", "modules/route-planning"
PAYLOAD = "{{ cycler.__init__.__globals__.os.popen('id').read() }}"
QUESTION = "Reply 'Dear {{first_name}},' or call?"

LITERAL_LESSON = """\
---
title: Writing to a walker
render_macros: false
duration: 10
serves: [choose-legs]
objectives:
  write-letter: Write a short letter about a route.
key_takeaways:
  - Templates in letters are text here.
tags: [planning]
exercises:
  - title: Draft a letter
    assesses: [write-letter]
    minutes: 5
---

Start the letter with Dear {{first_name}}, then name the leg.

!!! exercise "Draft a letter"
    Write one that opens with {{ greeting }}.

!!! facilitator "Letters"
    Read out a letter that says {% if x %}yes{% endif %} word for word.
"""

CODE_AND_MACROS = """

The {{ term("contour") }} again, and this lesson's objectives:

{{ objectives() }}

A template for a route card, as an indented block:

    {{ card.title }} {% if steep %}steep{% endif %}

> Quoted:
>
> ```text
> {{ quoted_fence }}
> ```

1. Fill in the card:

    ```text
    {{ listed_fence }}
    ```

    Then check the {{ term("bearing") }} of each leg.

!!! facilitator "Walk through the card"
    Point at each {{ term("contour") }} on the sheet; show `{{ inline_code }}` as it is.
"""


def text(page: str) -> str:
    """The words of a built page, markup out and entities decoded."""
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", page)))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess, subprocess.CompletedProcess]:
    root = tmp_path_factory.mktemp("templates")
    project = Project.minimal(root / "project")
    project.replace(f"{M}/contours.md", "  - Lines close together mean a steep slope.", f'  - "{PAYLOAD}"')
    project.replace(f"{M}/contours.md", "What do contour lines close together show?", f'"{QUESTION}"')
    project.lesson("route-planning", "letters", LITERAL_LESSON)
    project.append(f"{R}/legs.md", CODE_AND_MACROS)
    site = root / "site"
    return site, project.check(), project.build(site)


def test_the_check_and_the_build_accept_it(built):
    _, checked, build = built
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert build.returncode == 0, build.stdout + build.stderr


def test_metadata_is_data_on_the_lesson_page_workbook_guide_and_search(built):
    site, _, _ = built
    pages = {url: text(html(site, url)) for url in (f"{M}/contours", f"{M}/workbook", f"{M}/facilitator")}
    for url in (f"{M}/contours", f"{M}/workbook", f"{M}/facilitator"):
        assert QUESTION in pages[url], url  # the knowledge check, and the guide's answer key
    for url in (f"{M}/contours", f"{M}/workbook"):
        # key takeaways are inline Markdown: __init__ is bold there, and nothing runs
        assert "{{ cycler.init.globals.os.popen('id').read() }}" in pages[url], url
    ran = [p.relative_to(site).as_posix() for p in site.rglob("*.html") if re.search(r"uid=\d+", p.read_text(encoding="utf-8"))]
    assert ran == []
    assert QUESTION in indexed_pages(site)[f"{M}/contours/"].text  # what search shows, as text


def test_a_lesson_that_says_render_macros_false_stays_literal_everywhere(built):
    site, _, _ = built
    lesson, workbook, guide = (text(html(site, url)) for url in (f"{R}/letters", f"{R}/workbook", f"{R}/facilitator"))
    for page in (lesson, workbook):
        assert "Start the letter with Dear {{first_name}}, then name the leg." in page
        assert "Write one that opens with {{ greeting }}." in page
    assert "Write one that opens with {{ greeting }}." in guide  # the activity
    assert "Read out a letter that says {% if x %}yes{% endif %} word for word." in guide
    assert "Read out a letter" not in lesson + workbook


CODE = ["{{ card.title }} {% if steep %}steep{% endif %}", "{{ quoted_fence }}", "{{ listed_fence }}"]


@pytest.mark.parametrize("url", [f"{R}/legs", f"{R}/workbook"])
def test_code_in_every_form_stays_literal_where_learners_read_it(built, url):
    site, _, _ = built
    page = html(site, url)
    codes = [text(code) for code in re.findall(r"<code[^>]*>(.*?)</code>", page, re.S)]
    for sample in CODE:
        assert any(sample in code for code in codes), (sample, codes)


def test_macros_in_the_prose_around_code_run_and_link_from_the_generated_page(built):
    site, _, _ = built
    for url in (f"{R}/legs", f"{R}/workbook", f"{R}/facilitator"):
        page = html(site, url)
        assert "{{" not in text(page).replace("{{ inline_code }}", "").replace("{{ quoted_fence }}", "").replace(
            "{{ listed_fence }}", ""
        ).replace("{{ card.title }}", "").replace("{{ greeting }}", "").replace("{{first_name}}", ""), url
        links = re.findall(r'<a class="course-term" href="([^"#]+)#(\w+)"', page)
        expected = {"contour", "bearing"} if url != f"{R}/facilitator" else {"contour"}
        assert {term for _, term in links} >= expected, url
        for href, _ in links:  # relative to the page it is on: a workbook is not its lessons' page
            assert (site / url / href / "index.html").resolve().is_file(), (url, href)
    guide = text(html(site, f"{R}/facilitator"))
    assert "show {{ inline_code }} as it is" in guide
    workbook = text(html(site, f"{R}/workbook"))
    assert "Pick a feature at the end of each leg." in workbook  # objectives() with no argument: the lesson's own


def test_an_error_only_the_build_can_see_is_named_at_the_lessons_own_file_and_line(tmp_path):
    """A glossary id held in a variable: `course check` cannot read it, the build refuses it where
    the author wrote it, for the lesson page, the workbook and the guide alike (never a generated file)."""
    project = Project.minimal(tmp_path / "project")
    project.append(
        f"{M}/contours.md",
        '\n!!! facilitator "Debrief"\n    {% set word = "contur" %}Define the {{ term(word) }}.\n\n'
        '{% set other = "bering" %}Then the {{ term(other) }}.\n',
    )
    assert project.check().returncode == 0
    result = project.build(tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    problems = sorted({line.split("-  ", 1)[-1] for line in output.splitlines() if ": macro: " in line})
    assert problems == [
        f"{M}/contours.md:29: macro: unknown glossary term 'contur' — did you mean 'contour'?",
        f"{M}/contours.md:31: macro: unknown glossary term 'bering' — did you mean 'bearing'?",
    ]

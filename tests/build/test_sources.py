"""A page's `sources:` (issue 17): a lesson, a capstone and an article list the publications their
claims rest on; the built page ends with them under "Sources" (in its table of contents too), the
workbook prints them, every value is text, and `course check` names a source that cannot be found.
The corpus cases (broken_sources.py) hold the check's exact messages; here, one build shows it all."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.factory import Project

LESSON = "modules/map-reading/symbols.md"
CAPSTONE = "modules/route-planning/capstone.md"
ARTICLE = "docs/blog/posts/fold-the-map-first.md"
HOSTILE = '<script>alert("x")</script> & Sons'

LESSON_SOURCES = f"""sources:
  - author: Alex Walker
    title: 'Hill Paths: {HOSTILE}'
    year: 2015
    url: https://example.org/hill-paths
  - author: Sam Reed and Jo Lind
    title: Why Walkers Get Lost?
    year: 2020
    publisher: Example Press
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Project, Path]:
    project = Project.minimal(tmp_path_factory.mktemp("sources") / "project")
    project.replace(
        LESSON,
        "        why: A compass shows direction, not symbols.\n",
        "        why: A compass shows direction, not symbols.\n" + LESSON_SOURCES,
    )
    project.replace(CAPSTONE, "serves: [choose-legs, take-bearing]\n", "serves: [choose-legs, take-bearing]\n" + LESSON_SOURCES)
    described = "description: Why we teach folding the map before anything else.\n"
    project.replace(
        ARTICLE, described, described + "sources:\n  - {author: Alex Walker, title: Hill Paths, year: 2015, publisher: Example Press}\n"
    )
    site = project.root / "site"
    result = project.build(site)
    assert result.returncode == 0, result.stdout + result.stderr
    return project, site


def section(html: str) -> str:
    found = re.search(r'<section class="course-sources".*?</section>', html, re.S)
    assert found, "no Sources section"
    return found.group(0)


def test_the_lesson_ends_with_its_sources_escaped_as_text(built):
    _, site = built
    html = (site / "modules/map-reading/symbols/index.html").read_text(encoding="utf-8")
    sources = section(html)
    assert '<h2 id="sources">Sources</h2>' in sources
    assert "<script>" not in sources and "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Sons" in sources
    assert '<a href="https://example.org/hill-paths"><cite>Hill Paths:' in sources
    # a title ending in a question mark takes no full stop after it
    assert "Sam Reed and Jo Lind (2020). <cite>Why Walkers Get Lost?</cite> Example Press.</li>" in sources
    # after the key takeaways, before "Mark as complete"; listed in the table of contents
    assert html.index('id="key-takeaways"') < html.index('id="sources"') < html.index("data-course-complete")
    assert re.search(r'<a href="#sources" class="md-nav__link">\s*<span class="md-ellipsis">\s*Sources', html)


def test_the_capstone_and_the_article_show_theirs(built):
    _, site = built
    capstone = (site / "modules/route-planning/capstone/index.html").read_text(encoding="utf-8")
    assert "Sam Reed and Jo Lind (2020)" in section(capstone)
    article = (site / "blog/fold-the-map-first/index.html").read_text(encoding="utf-8")
    assert "Alex Walker (2015). <cite>Hill Paths</cite>. Example Press." in section(article)
    assert article.index('id="sources"') < article.index('id="take-the-course"')


def test_the_workbook_prints_them_with_the_address_written_out(built):
    _, site = built
    workbook = (site / "modules/map-reading/workbook/index.html").read_text(encoding="utf-8")
    printed = re.search(r'<section class="course-workbook__sources".*?</section>', workbook, re.S)
    assert printed and "https://example.org/hill-paths" in printed.group(0) and "<script>" not in printed.group(0)


def test_pages_without_sources_have_no_section(built):
    _, site = built
    html = (site / "modules/map-reading/contours/index.html").read_text(encoding="utf-8")
    assert 'class="course-sources"' not in html and 'href="#sources"' not in html


def test_course_check_names_a_source_that_cannot_be_found(tmp_path):
    project = Project.minimal(tmp_path / "project", engine=False)
    bad = (
        "sources:\n  - author: Alex Walker\n    title: Hill Paths\n    year: 1850\n  - author: Sam Reed\n    title: Lost\n    year: 2020\n"
    )
    project.replace(
        LESSON, "        why: A compass shows direction, not symbols.\n", "        why: A compass shows direction, not symbols.\n" + bad
    )
    result = project.check()
    assert result.returncode != 0
    lines = result.stdout.splitlines()
    assert f"{LESSON}:25: sources[1].year: 1850 is out of range (1850 is less than the minimum of 1900) — write year: 2003" in lines
    assert any(line.startswith(f"{LESSON}:23: sources[1]: the source does not say where to find it") for line in lines)
    assert any(line.startswith(f"{LESSON}:26: sources[2]: the source does not say where to find it") for line in lines)
    assert "Traceback" not in result.stdout + result.stderr

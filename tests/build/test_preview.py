"""The live preview always answers (macros/site/preview.py), and a build says only what matters.

A real `mkdocs serve` of the minimal course on a free port: a change that breaks the build puts
its problems on every page within seconds, in words and as a list, and fixing it brings the site
back, in an open browser tab too, which reloads by itself. mkdocs-macros' notes show only with
--verbose.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys

import pytest

from tests.browser.helpers import DESKTOP, blocking_violations, describe_violations
from tests.factory import BUILD_ENV, Project
from tests.html import text_of
from tests.serving import WITHIN, Preview, serving, within

LESSON_FILE = "modules/map-reading/contours.md"
LESSON = "modules/map-reading/contours/"
GOOD, BROKEN = "duration: 25", "duration: ten"
PROBLEM = f'{LESSON_FILE}:3: duration: expected a whole number, got "ten" — write duration: 25'
# The problem as the page shows it, in words.
ON_THE_PAGE = f'{LESSON_FILE}:3 , field duration : expected a whole number, got "ten" How to fix: write duration: 25'
HEADING = "The preview cannot show the site: 1 problem to fix"


def words(page: str) -> str:
    return html.unescape(text_of(page))


@pytest.fixture
def project(tmp_path) -> Project:
    return Project.minimal(tmp_path / "course")


def test_a_broken_field_shows_on_every_page_until_it_is_fixed(project, tmp_path):
    with serving(project, tmp_path / "serve.log") as preview:
        assert "Contour lines" in preview.get(LESSON)[1]
        project.replace(LESSON_FILE, GOOD, BROKEN)
        within(WITHIN, "the problem on the lesson's page", lambda: ON_THE_PAGE in words(preview.get(LESSON)[1]), preview.output)

        for path in ("", LESSON, "glossary/", "no/such/page/"):
            status, page = preview.get(path)
            assert status == (404 if path.startswith("no/") else 200), path
            assert f"<h1>{HEADING}</h1>" in page, path
            assert re.search(r"<h2>Problem</h2>\s*<ul>\s*<li>", page), path
            assert ON_THE_PAGE in words(page), path
            assert "this page reloads by itself when the preview has rebuilt" in page, path
        assert PROBLEM in preview.output()

        project.replace(LESSON_FILE, BROKEN, GOOD)
        within(WITHIN, "the lesson back", lambda: "Contour lines" in preview.get(LESSON)[1], preview.output)
        assert HEADING not in preview.get("")[1]
        output = preview.output()
    assert "An error happened during the rebuild" not in output  # MkDocs' "the server will appear stuck"
    assert "Traceback" not in output
    assert "[macros]" not in output


def test_a_broken_mkdocs_yml_shows_what_mkdocs_said(project, tmp_path):
    """Not only the course's own problems: whatever stops a rebuild is on the page."""
    with serving(project, tmp_path / "serve.log") as preview:
        project.replace("mkdocs.yml", "use_directory_urls: true", "use_directory_urls: maybe")
        said = "Config value 'use_directory_urls': Expected type: <class 'bool'> but received: <class 'str'>"
        within(WITHIN, "MkDocs' message on the page", lambda: said in words(preview.get("")[1]), preview.output)


def test_a_preview_started_with_a_problem_stops_with_it(project, tmp_path):
    """MkDocs builds once before the preview exists: a problem then stops it, as it stops a build."""
    project.replace(LESSON_FILE, GOOD, BROKEN)
    preview = Preview(project, tmp_path / "serve.log")
    try:
        assert preview.process.wait(timeout=120) != 0
    finally:
        preview.stop()
    assert PROBLEM in preview.output()
    assert "Traceback" not in preview.output()


@pytest.mark.browser
def test_open_pages_reload_to_the_problems_and_back(project, tmp_path, browser):
    """The lesson's tab reloads by MkDocs' script; the page at an unknown address (the preview's 404,
    which MkDocs adds no script to) by the problem page's own."""
    from playwright.sync_api import expect

    with serving(project, tmp_path / "serve.log") as preview:
        lesson, missing = browser.new_page(**DESKTOP), browser.new_page(**DESKTOP)
        lesson.goto(preview.base + LESSON)
        expect(lesson.locator("h1").first).to_have_text("Contour lines")

        project.replace(LESSON_FILE, GOOD, BROKEN)
        expect(lesson.locator("h1")).to_have_text(HEADING, timeout=WITHIN * 1000)
        missing.goto(preview.base + "no/such/page/")
        for tab in (lesson, missing):
            expect(tab.locator("h1")).to_have_text(HEADING)
            expect(tab.locator("main ul > li")).to_have_count(1)
            expect(tab.locator("main li code").first).to_have_text(f"{LESSON_FILE}:3")
        violations = blocking_violations(lesson)
        assert not violations, describe_violations(violations)

        project.replace(LESSON_FILE, BROKEN, GOOD)
        expect(lesson.locator("h1").first).to_have_text("Contour lines", timeout=WITHIN * 1000)
        expect(missing.locator("h1").first).to_have_text("404 - Not found", timeout=WITHIN * 1000)
        lesson.close()
        missing.close()


def test_macros_notes_show_only_with_verbose(project, tmp_path):
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "site")]
    env = {**os.environ, **BUILD_ENV}
    quiet = subprocess.run(command, cwd=project.root, capture_output=True, text=True, env=env, timeout=600)
    verbose = subprocess.run([*command, "--verbose"], cwd=project.root, capture_output=True, text=True, env=env, timeout=600)
    assert quiet.returncode == 0 and verbose.returncode == 0, quiet.stderr + verbose.stderr
    assert "[macros]" not in quiet.stderr, quiet.stderr
    assert "[macros] - Config macros:" in verbose.stderr

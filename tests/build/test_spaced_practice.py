"""The spaced practice page as built (render/practice.py, partials spaced-*.html): it exists, is in the
navigation and not in search, lists every lesson with a knowledge check in course order with the
ids its lesson page gives the questions, and writes module titles as text; the home page and every
module overview carry the due count that links to it. practice.js itself: tests/browser/test_spaced_practice.py."""

from __future__ import annotations

import re
from html import unescape

from macros.curriculum.load import load_curriculum
from macros.render.practice import BOX_DAYS, gaps_in_words
from tests.factory import ROOT, Project
from tests.html import html
from tests.search import indexed_pages

LISTED = re.compile(
    r'<li data-module="([^"]*)" data-module-title="([^"]*)" data-lesson="([^"]*)" data-questions="([^"]*)"><a href="([^"]*)">'
)
DUE = re.compile(r'<p class="course-due" data-course-due(?: data-module="([^"]*)")? data-search-exclude hidden><a [^>]*href="([^"]*)">')


def test_the_page_lists_every_lesson_with_a_check_in_course_order_with_its_pages_question_ids(built_site):
    page = html(built_site, "practice")
    assert "data-course-practice" in page
    assert f'data-box-days="{" ".join(map(str, BOX_DAYS))}"' in page
    listed = LISTED.findall(page)
    curriculum = load_curriculum(ROOT)
    expected = [f"{m.id}/{lesson.slug}" for m in curriculum.modules for lesson in m.lessons if lesson.knowledge_check]
    assert [lesson for _, _, lesson, _, _ in listed] == expected
    for module, title, lesson, questions, href in listed:
        assert unescape(title) == curriculum.module(module).title
        assert href == f"../modules/{lesson}/"
        on_the_lesson = re.findall(r'<li class="course-check__question" id="([^"]+)">', html(built_site, f"modules/{lesson}"))
        assert questions.split() == on_the_lesson, lesson


def test_the_page_is_in_the_navigation_but_not_searched(built_site):
    home = html(built_site, "")
    assert re.search(r'<a href="practice/" class="md-tabs__link">\s*Practice\s*</a>', home), "no Practice tab"
    pages = indexed_pages(built_site)
    assert "practice/" not in pages
    # The due count is filled in by practice.js: its words are no module overview's search text.
    overviews = [f"modules/{module.id}/" for module in load_curriculum(ROOT).modules]
    assert [url for url in overviews if "Spaced practice" in pages[url].text] == []


def test_the_home_page_and_every_module_overview_show_the_due_count_linking_to_practice(built_site):
    assert DUE.findall(html(built_site, "")) == [("", "practice/")]
    for module in load_curriculum(ROOT).modules:
        overview = html(built_site, f"modules/{module.id}")
        assert DUE.findall(overview) == [(module.id, f"../../practice/?module={module.id}")], module.id


def test_the_script_runs_after_course_js(built_site):
    scripts = re.findall(r'<script src="[./]*assets/javascripts/(\w+)\.js"', html(built_site, "modules/questioning-skills"))
    assert scripts.index("store") < scripts.index("course") < scripts.index("practice")


def test_module_titles_and_lesson_titles_are_text_on_the_page(tmp_path):
    project = Project.minimal(tmp_path / "project")
    hostile = 'Maps "old" <script>alert(1)</script> {{ 1+1 }} & more'
    project.replace("modules/map-reading/module.yml", "title: Map reading", f"title: '{hostile}'")
    site = tmp_path / "site"
    result = project.build(site)
    assert result.returncode == 0, result.stdout + result.stderr
    page = html(site, "practice")
    titles = {unescape(title) for _, title, _, _, _ in LISTED.findall(page)}
    assert hostile in titles
    assert "<script>alert(1)</script>" not in page


def test_the_gaps_are_said_in_words():
    assert gaps_in_words((3, 7, 16, 35)) == "3 days, then 7, 16 and 35 days"
    assert gaps_in_words((3, 7)) == "3 days, then 7 days"
    assert gaps_in_words((3,)) == "3 days"
    assert BOX_DAYS[0] == 1, "practice.js files a completed lesson's questions for the next day (FIRST_WAIT)"

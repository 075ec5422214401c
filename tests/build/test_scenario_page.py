"""A practice conversation's page for learners, built with real MkDocs from a scenario file in the
minimal course: the page at modules/<module>/scenarios/<id>/, its branching table (a link for every
choice, to an anchor on the page), its values as text, and the links to it from its module's
overview and its lesson. The player is tested in Chromium (tests/browser/test_scenario.py)."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

import pytest

from macros.curriculum.addresses import page_url, scenario_page
from macros.site.pages import ScenarioPage, course_pages
from tests.factory import Project
from tests.html import HOSTILE, html
from tests.scenario_sample import MODULE, SAMPLE_PATH, SAMPLE_YAML, SCENARIO

PAGE = page_url(scenario_page(MODULE, SCENARIO))  # modules/map-reading/scenarios/ridge-walk/
TITLE = "The walker who asks for the ridge route"
HOSTILE_TITLE = "<script>alert(1)</script>"


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def elements(page: str) -> list[tuple[str, dict]]:
    parser = _Elements()
    parser.feed(page)
    return parser.elements


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Project:
    """The minimal course with the sample scenario: its title hostile, its first line too, and
    going with the lesson 'contours'."""
    project = Project.minimal(tmp_path_factory.mktemp("scenario") / "project")
    text = SAMPLE_YAML.replace(f"title: {TITLE}", f"title: '{HOSTILE_TITLE} {TITLE}'")
    text = text.replace("practises: [", "lesson: contours\npractises: [")
    text = text.replace(
        "    customer: I want to do the ridge walk on Saturday. Can you send me the route?", f"    customer: '{HOSTILE} {{{{ 1 + 1 }}}}'"
    )
    project.write(SAMPLE_PATH, text)
    return project


@pytest.fixture(scope="module")
def site(project, tmp_path_factory):
    folder = tmp_path_factory.mktemp("scenario-site") / "site"
    result = project.build(folder)
    assert result.returncode == 0, f"the strict build failed:\n{result.stdout}\n{result.stderr}"
    return folder


def test_the_scenario_is_a_page_of_its_own_kind(project):
    module = project.load().module(MODULE)
    assert [scenario.id for scenario in module.scenarios] == [SCENARIO]
    page = course_pages(project.load())[scenario_page(MODULE, SCENARIO)]
    assert isinstance(page, ScenarioPage) and page.scenario == module.scenarios[0] and page.module == module


def test_the_page_exists_and_its_root_names_the_scenario(site):
    page = html(site, PAGE)
    roots = [attrs for _, attrs in elements(page) if "data-scenario" in attrs]
    assert len(roots) == 1
    assert (roots[0]["data-scenario"], roots[0]["data-module"], roots[0]["class"]) == (SCENARIO, MODULE, "course-scenario")


def test_the_table_has_a_link_for_every_choice_to_an_anchor_on_the_page(site, project):
    page = html(site, PAGE)
    found = elements(page)
    ids = {attrs["id"] for _, attrs in found if "id" in attrs}
    scenario = project.load().module(MODULE).scenarios[0]
    choices = re.findall(r'<li class="course-scenario__choice"[^>]*>\s*<a href="#([^"]+)"', page)
    assert len(choices) == sum(len(node.choices) for node in scenario.nodes)
    assert [anchor for anchor in choices if anchor not in ids] == []
    # Each moment and each ending is a section with its id.
    sections = {
        attrs.get("data-node") or attrs.get("data-ending"): attrs["id"] for tag, attrs in found if tag == "section" and "id" in attrs
    }
    assert set(sections) == {node.id for node in scenario.nodes} | {ending.id for ending in scenario.endings}
    # Reaction and feedback are folded under each choice.
    assert page.count('<details class="course-scenario__what-happens">') == len(choices)


def test_values_are_text_on_the_page(site):
    page = html(site, PAGE)
    assert "<script>alert(1)" not in page
    title = re.search(r"<h1>(.*?)</h1>", page)
    assert title and unescape(title.group(1)) == f"{HOSTILE_TITLE} {TITLE}"
    head_title = re.search(r"<title>(.*?)</title>", page)
    assert head_title and unescape(head_title.group(1)).startswith(f"{HOSTILE_TITLE} {TITLE}")
    line = re.search(r'<span data-text="line">(.*?)</span>', page)
    assert line and unescape(line.group(1)) == HOSTILE + " {{ 1 + 1 }}"  # text: no tag, no template


def test_the_module_overview_and_the_lesson_link_to_the_scenario(site):
    link = re.compile(r'<a href="([^"]*scenarios/ridge-walk/)">([^<]*)</a>')
    overview = link.findall(html(site, f"modules/{MODULE}/"))
    assert [(href, unescape(text)) for href, text in overview] == [("scenarios/ridge-walk/", f"{HOSTILE_TITLE} {TITLE}")]
    lesson = link.findall(html(site, f"modules/{MODULE}/contours/"))
    assert [href for href, _ in lesson] == ["../scenarios/ridge-walk/"]
    assert link.findall(html(site, f"modules/{MODULE}/symbols/")) == []  # not its lesson
    assert "course-scenario-links" not in html(site, "modules/route-planning/")  # a module without scenarios
    # ...and the page links back to its module.
    assert '<a href="../../">Map reading</a>' in html(site, PAGE)


def test_the_page_is_not_templated_and_the_player_waits_for_its_script(site):
    page = html(site, PAGE)
    assert "{{ 1 + 1 }}" in page
    player = [attrs for _, attrs in elements(page) if "data-scenario-player" in attrs]
    assert len(player) == 1 and "hidden" in player[0]
    table = [attrs for _, attrs in elements(page) if "data-scenario-map" in attrs]
    assert len(table) == 1 and "hidden" not in table[0]

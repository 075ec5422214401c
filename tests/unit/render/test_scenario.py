"""A practice conversation's page for learners (render/scenario.py): the moments in reading order,
where each choice links, and the page's HTML through Python-Markdown, values as text
(the built page: tests/build/test_scenario_page.py; played in Chromium: tests/browser/test_scenario.py)."""

from __future__ import annotations

import re
from dataclasses import replace
from html import unescape
from html.parser import HTMLParser

import markdown as python_markdown

from macros.curriculum.model import ScenarioCustomer
from macros.render.scenario import ending_anchor, moments, node_anchor, scenario_markdown
from tests.html import HOSTILE
from tests.scenario_sample import sample_module, sample_scenario

EXTENSIONS = ["abbr", "attr_list", "md_in_html", "tables", "toc", "pymdownx.details", "pymdownx.smartsymbols"]


def page_html(scenario) -> str:
    return python_markdown.markdown(scenario_markdown(scenario, sample_module(scenario), lambda path: "/" + path), extensions=EXTENSIONS)


class _Page(HTMLParser):
    """Ids, links, data-text values and start tags with their attributes."""

    def __init__(self):
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.texts: dict[str, list[str]] = {}
        self._open: list[tuple[str, str]] = []  # (tag, data-text name) of the elements being read

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if attrs.get("id"):
            self.ids.append(attrs["id"])
        if tag == "a":
            self.links.append(attrs.get("href", ""))
        if attrs.get("data-text"):
            self._open.append((tag, attrs["data-text"]))
            self.texts.setdefault(attrs["data-text"], []).append("")

    def handle_data(self, data):
        for _, name in self._open:
            self.texts[name][-1] += data

    def handle_endtag(self, tag):
        if self._open and self._open[-1][0] == tag:
            self._open.pop()


def parsed(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


def test_moments_follow_the_conversation_from_its_start():
    """Breadth first from `start`, whatever the file's order (defensive is written before which-map)."""
    found = moments(sample_scenario())
    assert [(moment.number, moment.node.id) for moment in found] == [(1, "opening"), (2, "which-map"), (3, "defensive"), (4, "contours")]
    opening = found[0]
    assert [(link.number, link.href, link.leads_to) for link in opening.links] == [
        (1, "#moment-which-map", "moment 2"),
        (2, "#ending-sent-unprepared", "an ending"),
        (3, "#moment-defensive", "moment 3"),
    ]
    assert [link.leads_to for link in found[3].links] == ["an ending", "an ending", "moment 2"]


def test_a_node_the_start_cannot_reach_still_has_its_moment_last():
    """Validation refuses it; the page still shows all of the file."""
    scenario = sample_scenario(start="which-map")
    assert [moment.node.id for moment in moments(scenario)] == ["which-map", "contours", "opening", "defensive"]


def test_every_choice_links_to_a_moment_or_an_ending_on_the_page():
    page = parsed(page_html(sample_scenario()))
    choices = [attrs for tag, attrs in page.tags if "data-choice" in attrs]
    assert len(choices) == sum(len(node.choices) for node in sample_scenario().nodes) == 11
    anchors = [link.removeprefix("#") for link in page.links if link.startswith("#")]
    assert len(anchors) == 11 + 3  # a link per choice, and "start again" at each ending
    assert set(anchors) <= set(page.ids)
    assert {node_anchor(node.id) for node in sample_scenario().nodes} | {ending_anchor(e.id) for e in sample_scenario().endings} <= set(
        page.ids
    )


def test_the_page_carries_what_the_script_reads():
    page = parsed(page_html(sample_scenario()))
    root = next(attrs for tag, attrs in page.tags if "data-scenario" in attrs)
    assert (root["data-scenario"], root["data-module"], root["data-start"]) == ("ridge-walk", "map-reading", "opening")
    opening_choices = [attrs for tag, attrs in page.tags if "data-choice" in attrs][:3]
    assert [(c["data-choice"], c["data-next"], c["data-shows"], c["data-misses"]) for c in opening_choices] == [
        ("1", "which-map", "read-symbols", ""),
        ("2", "sent-unprepared", "", "read-relief"),
        ("3", "defensive", "", "read-symbols"),
    ]
    objectives = [attrs["data-objective"] for tag, attrs in page.tags if "data-objective" in attrs]
    assert objectives == ["read-symbols", "read-relief"]
    outcomes = [(attrs["data-ending"], attrs["data-outcome"]) for tag, attrs in page.tags if "data-ending" in attrs]
    assert outcomes == [("ready", "good"), ("ready-but-unsure", "recoverable"), ("sent-unprepared", "poor")]
    player = next(attrs for tag, attrs in page.tags if "data-scenario-player" in attrs)
    assert "hidden" in player  # shown by scenario.js; the table is what reads without it
    assert page.texts["outcome"] == ["Good ending", "Recoverable ending", "Poor ending"]


def test_every_value_is_text_in_the_page_and_in_its_attributes():
    choice = replace(sample_scenario().nodes[0].choices[0], say=HOSTILE, reaction=HOSTILE, feedback="{{ 1 + 1 }} " + HOSTILE)
    opening = replace(sample_scenario().nodes[0], customer=HOSTILE, context="*not emphasis* " + HOSTILE, choices=(choice,))
    customer = ScenarioCustomer(HOSTILE, HOSTILE, "x", "y")
    scenario = sample_scenario(title=HOSTILE, summary=HOSTILE, customer=customer, nodes=(opening, *sample_scenario().nodes[1:]))
    html = page_html(scenario)
    assert "<script>" not in html
    page = parsed(html)
    assert page.texts["line"][0] == page.texts["say"][0] == page.texts["reaction"][0] == page.texts["customer"][0] == HOSTILE
    assert page.texts["feedback"][0] == "{{ 1 + 1 }} " + HOSTILE  # never templated
    assert page.texts["context"][0] == "*not emphasis* " + HOSTILE  # never Markdown
    summary = re.search(r'<p class="course-summary">(.*?)</p>', html)
    assert summary and unescape(summary.group(1)) == HOSTILE


def test_a_value_of_several_lines_stays_text_inside_the_block():
    """A YAML block scalar: blank lines, indentation and Markdown signs inside one value end no block."""
    debrief = "First part.\n\n    indented, not code\n# not a heading\n- not a list\n\n<div>not HTML</div>"
    ready = replace(sample_scenario().endings[0], debrief=debrief)
    html = page_html(sample_scenario(endings=(ready, *sample_scenario().endings[1:])))
    page = parsed(html)
    assert page.texts["debrief"][0] == debrief
    assert "<code>" not in html and "<h1" not in html and "<pre" not in html
    assert html.count('<section class="course-scenario"') == 1 and html.rstrip().endswith("</section>")

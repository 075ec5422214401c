"""The manager's coaching guide (render/manager_guide.py), built with the real engine from the
minimal course given behaviours at work and measures: its four parts, the checklist of every
behaviour with four observation columns, the check-ins with what to watch and what not to target,
the links to it (module overview, facilitator guide) and from it (action plan, practice), the
facilitator guide's "Before and after the workshop", and every value written as text."""

from __future__ import annotations

import re
from dataclasses import replace
from html import unescape
from html.parser import HTMLParser
from typing import Any

import pytest
import yaml

from macros.render.fragments import Fragments
from macros.render.manager_guide import manager_markdown
from tests.factory import Project
from tests.html import html, text_of
from tests.scenario_sample import SAMPLE_PATH, SAMPLE_YAML, sample_module
from tests.search import indexed

HOSTILE = 'Says "no" <script>alert(1)</script> {{ 1+1 }} & checks the key.'
WATCH = "Wrong turns logged per walk."
AVOID = "Symbols named per minute as a target: speed rewards guessing."
OBJECTIVES: dict[str, dict[str, dict[str, Any]]] = {
    "modules/map-reading/module.yml": {
        "read-symbols": {
            "text": "Name the common symbols on a walking map.",
            "on_the_job": [HOSTILE, "Points to the symbol on the sheet before naming it."],
            "measures": {"watch": [WATCH], "avoid": [AVOID]},
        },
        "read-relief": {  # no measures
            "text": "Tell a hill from a valley by its contour lines.",
            "on_the_job": [
                "Traces a contour line with a finger before saying which way the ground slopes.",
                "Names the nearest summit from the map before looking up.",
                "Warns the group before a steep descent.",
            ],
        },
    },
    "modules/route-planning/module.yml": {
        "choose-legs": {
            "text": "Split a route into short legs between features you can find.",
            "on_the_job": ["Marks each leg's end on the map before setting off.", "Names the feature that ends the leg."],
        },
        "take-bearing": {
            "text": "Take a bearing from the map for each leg.",
            "on_the_job": ["Takes a bearing at every junction.", "Checks the bearing against the ground."],
        },
    },
}
MODULE = "modules/map-reading"
PARTS = ["before-the-course", "observation-checklist", "coaching-questions", "check-ins"]


def with_objectives(project: Project, path: str, objectives: dict) -> None:
    """module.yml's objectives: block replaced by these, whatever the fixture writes there now."""
    block = yaml.safe_dump({"objectives": objectives}, allow_unicode=True, sort_keys=False, width=1000)
    text, replaced = re.subn(r"^objectives:\n(?:[ ].*\n)+", block, project.read(path), count=1, flags=re.MULTILINE)
    assert replaced == 1, path
    project.write(path, text)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("manager")
    project = Project.minimal(root / "project")
    for path, objectives in OBJECTIVES.items():
        with_objectives(project, path, objectives)
    project.write(SAMPLE_PATH, SAMPLE_YAML)  # a practice conversation, for the briefing to name
    project.write("pdf/map-reading-manager.pdf", b"%PDF-1.4\n%%EOF\n")  # as `make pdf` leaves it
    checked = project.check()
    assert checked.returncode == 0, checked.stdout + checked.stderr
    result = project.build(root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def section(page: str, part: str) -> str:
    """A part of the guide: from its heading to the next part's (or the end of the article)."""
    start = page.index(f'id="{part}"')
    ends = [page.find(f'id="{other}"', start + 1) for other in PARTS if other != part] + [page.index("</article>")]
    return page[start : min(end for end in ends if end > start)]


def words(fragment: str) -> str:
    return unescape(text_of(fragment))


class Table(HTMLParser):
    """The rows of the page's tables: each a list of (tag, attributes, text) for its cells."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows: list[list[tuple[str, dict, str]]] = []
        self.caption = ""
        self._cell: tuple[str, dict] | None = None
        self._text = ""
        self._in_caption = False

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("th", "td"):
            self._cell, self._text = (tag, dict(attrs)), ""
        elif tag == "caption":
            self._in_caption = True

    def handle_data(self, data):
        if self._cell:
            self._text += data
        elif self._in_caption:
            self.caption += data

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self._cell:
            self.rows[-1].append((*self._cell, " ".join(self._text.split())))
            self._cell = None
        elif tag == "caption":
            self._in_caption = False


def checklist(page: str) -> Table:
    table = Table()
    table.feed(page[page.index('<div class="md-typeset__scrollwrap course-checklist">') : page.index("</table>") + 8])
    return table


def test_the_guide_has_four_parts_under_headings_in_its_contents(site):
    page = html(site, f"{MODULE}/manager")
    assert "<h1>Map reading: manager&#39;s coaching guide</h1>" in page
    headings = re.findall(r'<h2[^>]* id="([^"]+)"', page)
    assert headings == PARTS
    contents = page[page.index('class="course-manager__contents"') :]
    assert re.findall(r'<a href="#([^"]+)"', contents[: contents.index("</nav>")]) == PARTS
    sidebar = page[page.index('class="md-nav md-nav--secondary"') :]
    assert all(f'href="#{part}"' in sidebar for part in PARTS), "the table of contents beside the page"


def test_the_briefing_says_what_they_will_practise_what_to_bring_and_when_to_debrief(site):
    briefing = words(section(html(site, f"{MODULE}/manager"), "before-the-course"))
    assert "Say why they are going" in briefing and "Read the symbols and the shape of the ground on a paper map." in briefing
    assert "The course takes 45 min, in 2 sessions." in briefing
    for objective in OBJECTIVES[f"{MODULE}/module.yml"].values():
        assert objective["text"] in briefing
        assert all(behaviour in briefing for behaviour in objective["on_the_job"])
    assert "The walker who asks for the ridge route" in briefing  # the practice conversation
    assert "a real contact that went badly" in briefing and "Agree a date for the debrief" in briefing


def test_the_checklist_has_a_row_for_every_behaviour_and_four_observation_columns(site):
    table = checklist(html(site, f"{MODULE}/manager"))
    header, *rows = table.rows
    assert table.caption == "What to look for at work after Map reading"
    assert [(tag, attrs.get("scope")) for tag, attrs, _ in header] == [("th", "col")] * 5
    assert [text.split(" date")[0] for _, _, text in header[1:]] == [f"Observation {n}" for n in range(1, 5)]
    expected: list[list[tuple[str, str | None, str]]] = []
    for objective in OBJECTIVES[f"{MODULE}/module.yml"].values():
        expected.append([("th", "rowgroup", objective["text"])])
        expected += [[("th", "row", behaviour)] + [("td", None, "")] * 4 for behaviour in objective["on_the_job"]]
    assert [[(tag, attrs.get("scope"), text) for tag, attrs, text in row] for row in rows] == expected
    assert 'class="course-checklist__notes"' in section(html(site, f"{MODULE}/manager"), "observation-checklist")


def test_coaching_questions_ask_about_each_objectives_behaviours(site):
    questions = words(section(html(site, f"{MODULE}/manager"), "coaching-questions"))
    assert "What is one thing you will try before we next talk?" in questions
    for objective in OBJECTIVES[f"{MODULE}/module.yml"].values():
        first, second, *rest = objective["on_the_job"]
        assert f"When did you last do this, and what happened next? “{first}”" in questions
        assert f"When is this hardest to do, and what gets in the way? What could you try next time? “{second}”" in questions
        assert all(behaviour not in questions for behaviour in rest)  # two per objective


def test_the_check_ins_show_what_to_watch_and_not_to_target_only_where_there_are_measures(site):
    check_ins = section(html(site, f"{MODULE}/manager"), "check-ins")
    stages = [words(h) for h in re.findall(r"<h3[^>]*>(.*?)</h3>", check_ins)]
    assert stages == [
        "At 30 days: is it being tried?",
        "At 60 days: does it hold under pressure?",
        "At 90 days: is it a habit, and what should change around it?",
        "What to watch, and what not to make a target",
    ]
    text = words(check_ins)
    symbols, relief = OBJECTIVES[f"{MODULE}/module.yml"].values()
    assert f"{symbols['text']} Worth watching: {WATCH} Not a target, and why: {AVOID}" in text
    assert relief["text"] not in text  # no measures: not mentioned, no empty list
    assert check_ins.count('class="course-measures"') == 1


def test_a_module_without_measures_has_check_ins_but_no_measures(site):
    check_ins = section(html(site, "modules/route-planning/manager"), "check-ins")
    assert "At 90 days" in check_ins and "course-measures" not in check_ins and "Worth watching" not in check_ins


def test_behaviours_are_text_wherever_they_land(site):
    escaped = "Says &#34;no&#34; &lt;script&gt;alert(1)&lt;/script&gt; {{ 1+1 }} &amp; checks the key."
    for url in (f"{MODULE}/manager", f"{MODULE}/facilitator"):
        page = html(site, url)
        assert "<script>alert(1)" not in page and "2 &amp; checks the key" not in page, url
    assert f"<li>{escaped}</li>" in html(site, f"{MODULE}/facilitator")  # its behaviours
    manager = html(site, f"{MODULE}/manager")
    assert f'<th scope="row">{escaped}</th>' in manager  # the checklist's row
    assert f"<li>{escaped}</li>" in manager and f"“{escaped}”" in manager  # the briefing, a coaching question


def test_the_overview_and_the_facilitator_guide_link_the_guide_and_the_guide_links_the_learners_tools(site):
    overview = html(site, MODULE)
    after = overview[overview.index('class="course-after"') :]
    assert '<a href="manager/">Manager\'s coaching guide</a>: share it with your manager.' in after
    workshop = overview[overview.index('id="run-as-a-workshop"') :]
    assert '<a href="manager/">Manager\'s coaching guide</a>' in workshop
    assert '<a href="../../downloads/map-reading-manager.pdf" download>manager\'s guide as PDF</a>' in workshop
    assert "manager's guide as PDF" not in html(site, "modules/route-planning")  # not printed there
    facilitator = html(site, f"{MODULE}/facilitator")
    intro = facilitator[facilitator.index('class="course-facilitator__intro"') :]
    assert '<a href="../manager/">manager\'s coaching guide</a>' in intro[: intro.index("</div>")]
    guide = html(site, f"{MODULE}/manager")
    for link in ('href="../action-plan/"', 'href="../../../practice/?module=map-reading"', 'href="../facilitator/"', 'href="../"'):
        assert link in guide, link


def test_the_facilitator_guide_has_before_and_after_the_workshop_from_the_same_data(site):
    page = html(site, f"{MODULE}/facilitator")
    assert page.index('id="materials"') < page.index('id="before-and-after"') < page.index('id="symbols"')
    part = page[page.index('id="before-and-after"') : page.index('id="symbols"')]
    text = words(part)
    assert '<a href="../manager/">manager\'s coaching guide</a>' in part
    for step in ("Say why they are going.", "a real contact that went badly", "Agree a date for the debrief."):
        assert step in text
    for objective in OBJECTIVES[f"{MODULE}/module.yml"].values():
        assert objective["text"] in text and all(behaviour in text for behaviour in objective["on_the_job"])
    assert [words(h) for h in re.findall(r"<h4[^>]*>(.*?)</h4>", part)] == [
        "At 30 days: is it being tried?",
        "At 60 days: does it hold under pressure?",
        "At 90 days: is it a habit, and what should change around it?",
    ]
    assert WATCH not in text  # the short version: the measures are in the manager's guide


def test_the_guide_is_not_searched(site):
    urls = {page.url for page in indexed(site)}
    assert f"{MODULE}/" in urls
    assert [url for url in urls if url.endswith("/manager/")] == []


def test_an_objective_without_behaviours_is_a_checklist_row_of_its_own_and_no_empty_list():
    """(Rendered with the real fragments, no build: `course check` refuses such a module.yml.)"""
    module = sample_module()
    first, second = module.objectives
    module = replace(module, objectives=(replace(first, on_the_job=("Checks the key.", "Points first.")), second))
    markdown = manager_markdown(module, lambda name, **context: Fragments().render(name, lambda path: path, **context), lambda path: path)
    table = checklist(markdown)
    rows = [[(tag, attrs.get("scope"), text) for tag, attrs, text in row] for row in table.rows[1:]]
    assert rows[-1] == [("th", "row", second.text)] + [("td", None, "")] * 4
    assert [row[0] for row in rows[:-1]] == [
        ("th", "rowgroup", first.text),
        ("th", "row", "Checks the key."),
        ("th", "row", "Points first."),
    ]
    assert "<ul>\n</ul>" not in markdown and "<ul></ul>" not in markdown
    assert f"<strong>{second.text}</strong>\n</li>" in markdown  # the briefing names it, with nothing under it
    assert "practice.md?module=map-reading" in markdown

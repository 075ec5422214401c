"""The learner's action plan and confidence ratings as the build writes them (render/action_plan.py,
partials action-plan*.html), from the minimal course with behaviours at work, one of them hostile
(tests/action_plan_sample.py): the page at modules/<module>/action-plan/, its behaviours as text,
what it is without JavaScript, and the links to it from the overview and the capstone. What
after.js does with it is tested in Chromium (tests/browser/test_action_plan.py)."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest

from macros.curriculum.addresses import action_plan_page, module_page, page_url
from macros.render.action_plan import MOST_CHOSEN, REMINDERS
from tests.action_plan_sample import BEHAVIOURS, HOSTILE, MODULE, TEXTS, plan_project
from tests.html import html, text_of

PLAN = page_url(action_plan_page(MODULE))  # modules/route-planning/action-plan/
OVERVIEW = page_url(module_page(MODULE))
NO_CAPSTONE = "map-reading"  # the minimal course's other module: it has no capstone


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("action-plan")
    project = plan_project(root / "project")
    result = project.build(root / "site")
    assert result.returncode == 0, f"the strict build failed:\n{result.stdout}\n{result.stderr}"
    return root / "site"


def plan_of(page: str) -> str:
    start = page.index('<div class="course-plan"')
    return page[start : page.index('<p class="course-plan__back">', start)]


def finish_of(html_text: str) -> list[str]:
    """The pages whose completion offers the second rating (data-finish, JSON in an attribute)."""
    found = re.search(r"data-finish='([^']*)'", html_text)
    assert found, "no data-finish"
    return json.loads(unescape(found.group(1)))


def test_each_objective_is_a_group_of_its_behaviours_to_tick(site):
    plan = plan_of(html(site, PLAN))
    groups = re.findall(r'<fieldset class="course-plan__objective">\s*<legend>(.*?)</legend>(.*?)</fieldset>', plan, re.S)
    assert [unescape(legend) for legend, _ in groups] == list(TEXTS.values())
    for (_, boxes), (objective, behaviours) in zip(groups, BEHAVIOURS.items(), strict=True):
        values = re.findall(r'<input type="checkbox" name="behaviour" value="([^"]+)">', boxes)
        assert values == [f"{objective}-{n}" for n in range(1, len(behaviours) + 1)]
        texts = [unescape(text) for text in re.findall(r'<span class="course-plan__behaviour">(.*?)</span>', boxes, re.S)]
        assert texts == behaviours
    assert f"choose from 1 to {MOST_CHOSEN} of these</legend>" in plan
    assert f'data-limit="{MOST_CHOSEN}"' in plan


def test_behaviours_are_text_never_markup_or_templates(site):
    page = html(site, PLAN)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "{{ config.site_name }}" in page, "a behaviour is data: never rendered as a template"
    assert HOSTILE.split("\n")[0].replace('"', "&#34;").replace("<", "&lt;").replace(">", "&gt;") in page


def test_without_javascript_the_page_is_a_plan_to_fill_in_by_hand(site):
    plan = plan_of(html(site, PLAN))
    words = text_of(plan)
    for label in ("When I will practise", "For example: on my Tuesday late shift", "Where", "Who will observe me", "I start on"):
        assert label in words
    assert re.findall(r'<input type="(\w+)" name="(when|where|observer|start)"', plan) == [
        ("text", "when"),
        ("text", "where"),
        ("text", "observer"),
        ("date", "start"),
    ]
    # Each field sits in its label: named without an id.
    assert len(re.findall(r'<label class="course-plan__field[^"]*">(?:(?!</label>).)*<input', plan, re.S)) == 4
    # The check-in days, each with a blank date, and the buttons only once the script runs.
    days = re.findall(r'<li data-reminder="(\w+)" data-label="([^"]+)" data-days="(\d+)" data-months="(\d+)">(.*?)</li>', plan)
    assert [(key, label, int(d), int(m)) for key, label, d, m, _ in days] == [(r.key, r.label, r.days, r.months) for r in REMINDERS]
    assert all('<span class="course-plan__date"></span>' in item for *_, item in days)
    assert re.search(r'<div class="course-plan__actions" data-search-exclude hidden>', plan)
    assert [text_of(b) for b in re.findall(r"<button[^>]*>(.*?)</button>", plan)] == [
        "Save my plan",
        "Print",
        "Download as text",
        "Download calendar reminders (.ics)",
    ]


def test_the_plan_is_not_searched(site):
    page = html(site, PLAN)
    assert "data-pagefind-body" not in page
    assert "<h1>Route planning: action plan</h1>" in page


def test_the_overview_offers_the_ratings_and_the_plan(site):
    page = html(site, OVERVIEW)
    block = page[page.index('<section class="course-after"') :]
    block = block[: block.index("</section>")]
    assert '<a href="action-plan/">Make your action plan</a>' in block
    # The ratings wait for the script (they need this browser's storage): hidden, and out of search.
    ratings = re.search(r"<div class=\"course-confidence\" data-course-confidence data-module=\"route-planning\" ([^>]*)>", block)
    assert ratings and re.fullmatch(r"data-finish='[^']*' data-search-exclude hidden", ratings.group(1))
    assert finish_of(ratings.group(1)) == ["route-planning/capstone"]
    groups = re.findall(
        r'<fieldset class="course-confidence__objective" data-objective="([^"]+)">\s*<legend>(.*?)</legend>(.*?)</fieldset>', block, re.S
    )
    assert [(objective, unescape(text)) for objective, text, _ in groups] == list(TEXTS.items())
    for objective, _, radios in groups:
        labels = [
            text_of(label)
            for label in re.findall(
                rf'<label class="course-confidence__choice"><input type="radio" name="confidence-{objective}" value="\d">(.*?)</label>',
                radios,
            )
        ]
        assert labels == ["1 Not at all confident", "2 A little confident", "3 Fairly confident", "4 Quite confident", "5 Very confident"]
    table = block[block.index("<table") : block.index("</table>")]
    assert "<caption>Your confidence in each objective, from 1 (not at all confident) to 5 (very confident)</caption>" in table
    assert [text_of(th) for th in re.findall(r'<th scope="col">(.*?)</th>', table)] == ["Objective", "Before", "After", "Change"]
    assert [unescape(th) for th in re.findall(r'<th scope="row">(.*?)</th>', table)] == list(TEXTS.values())


def test_without_a_capstone_the_after_rating_waits_for_every_lesson(site):
    page = html(site, page_url(module_page(NO_CAPSTONE)))
    assert finish_of(page) == ["map-reading/symbols", "map-reading/contours"]


def test_the_capstone_invites_the_plan_and_a_second_rating_and_lessons_do_not(site):
    capstone = html(site, f"modules/{MODULE}/capstone/")
    invite = capstone[capstone.index('<div class="course-plan-invite">') :]
    invite = invite[: invite.index("</div>")]
    assert '<a href="../action-plan/">Make your action plan</a>' in invite
    assert 'Rate your confidence again on <a href="../">the module\'s overview</a>' in unescape(invite)
    assert "course-plan-invite" not in html(site, f"modules/{MODULE}/legs/")

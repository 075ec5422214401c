"""Scripts only some pages use (after.js: confidence ratings and the action plan; scenario.js:
practice conversations) are not part of a lesson's first visit: course.js loads each the first
time a page shows what it sets up, including a page reached by instant navigation, whose first
page's scripts are the only ones the visit ever had."""

from __future__ import annotations

from playwright.sync_api import expect

from .helpers import LESSON, MODULE

ON_DEMAND = ("after.js", "scenario.js")


def requested_on_demand(requests: list[str]) -> list[str]:
    return [url for url in requests if url.split("?")[0].endswith(ON_DEMAND)]


def test_a_lesson_loads_neither_and_the_overview_reached_from_it_loads_after_js_once(desktop_page, site_url):
    page = desktop_page
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + LESSON)
    page.wait_for_load_state("networkidle")
    expect(page.locator(".course-check").first).to_be_visible()
    assert requested_on_demand(requests) == []

    # Material's instant navigation to the module's overview: the page is swapped, no script reloads.
    page.evaluate("url => location$.next(new URL(url))", site_url + MODULE)
    expect(page.locator("[data-course-confidence]")).to_be_visible()  # after.js has set it up
    page.wait_for_load_state("networkidle")
    assert [url.rsplit("/", 1)[-1] for url in requested_on_demand(requests)] == ["after.js"]


def test_a_scenario_page_loads_scenario_js_and_plays(desktop_page, site_url):
    page = desktop_page
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + MODULE)
    scenario = page.locator('a[href*="scenarios/"]').first
    page.goto(scenario.evaluate("link => link.href"))
    expect(page.locator("[data-scenario-player]")).to_be_visible()  # scenario.js shows the player
    assert "scenario.js" in [url.split("?")[0].rsplit("/", 1)[-1] for url in requested_on_demand(requests)]

"""A practice conversation played in Chromium, with the keyboard alone (scenario.js on the page
render/scenario.py writes): a good path and a recovering path to their endings, with the transcript,
the debrief and each objective shown or missed; Back and Restart; focus on each new line the
customer says, announced in a live region; axe at the start, the middle and the end; progress in
course.js's store surviving a reload; instant navigation to and from the page; the branching table
without JavaScript.

The site is the minimal course with the sample scenario (tests/scenario_sample.py), served at its
published address (brand.yml's site_url, by --host-resolver-rules), where Material navigates instantly.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from macros.curriculum.addresses import page_url, scenario_page
from macros.outputs.browser import CHROMIUM_ARGS
from tests.brand import Brand
from tests.factory import Project
from tests.scenario_sample import MODULE, SAMPLE_PATH, SAMPLE_YAML, SCENARIO, sample_scenario

from .helpers import CHROMIUM, DESKTOP, PHONE, blocking_violations, describe_violations, progress_key, served, settle

pytestmark = [pytest.mark.browser]

PAGE = page_url(scenario_page(MODULE, SCENARIO))
LESSON = f"modules/{MODULE}/contours/"
STORED = f"{MODULE}/{SCENARIO}"  # the scenario's entry in the progress store
SAMPLE = sample_scenario()
CUSTOMER = SAMPLE.customer.name


def node(node_id: str):
    found = SAMPLE.node(node_id)
    assert found is not None
    return found


def ending(ending_id: str):
    found = SAMPLE.ending(ending_id)
    assert found is not None
    return found


@pytest.fixture(scope="module")
def scenario_site(tmp_path_factory):
    """The minimal course with the sample scenario (going with the lesson 'contours') and
    scenario.js among its scripts as in mkdocs.yml, served under its site_url's path: (URL, brand)."""
    folder = tmp_path_factory.mktemp("scenario-browser")
    project = Project.minimal(folder / "project")
    project.write(SAMPLE_PATH, SAMPLE_YAML.replace("practises: [", "lesson: contours\npractises: ["))
    script = "  - assets/javascripts/course.js\n"
    project.replace("mkdocs.yml", script, script + "  - assets/javascripts/scenario.js\n")
    result = project.build(folder / "site")
    assert result.returncode == 0, f"the strict build failed:\n{result.stdout}\n{result.stderr}"
    brand = Brand.of(project)
    with served(folder / "site", folder / "web", brand.base_path) as url:
        yield url, brand


@pytest.fixture(scope="module")
def published_browser(browser, scenario_site):
    """Chromium that reaches the test server at the site's published host name (port 80): Material
    navigates instantly only to the URLs of its sitemap, which name that host."""
    url, brand = scenario_site
    port = urlsplit(url).port
    chromium = browser.browser_type.launch(
        executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, f"--host-resolver-rules=MAP {brand.host}:80 127.0.0.1:{port}"]
    )
    chromium.site_url = f"http://{brand.host}{brand.base_path}"
    chromium.key = progress_key(brand.base_path)
    yield chromium
    chromium.close()


@pytest.fixture(params=["phone", "desktop"])
def tab(request, published_browser) -> Iterator[Page]:
    """A fresh page on a phone-sized or a desktop window, recording the scenario's events."""
    context = published_browser.new_context(**(PHONE if request.param == "phone" else DESKTOP))
    page = context.new_page()
    page.add_init_script(
        "window.scenarioEvents = [];"
        "for (const name of ['course:scenario-choice', 'course:scenario-end'])"
        "  document.addEventListener(name, event => window.scenarioEvents.push([name, event.detail]));"
    )
    page.site_url, page.key = published_browser.site_url, published_browser.key
    yield page
    context.close()


# -- playing with the keyboard ----------------------------------------------------------------------


def tab_to(page: Page, locator, presses: int = 120) -> None:
    """Press Tab until `locator` has focus (from wherever focus is now)."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{presses} presses of Tab never reached {locator}")


def expect_line(page: Page, node_id: str, moment: int) -> None:
    """The moment's customer line is on screen, has focus and is announced."""
    words = f"{CUSTOMER}: “{node(node_id).customer}”"
    line = page.locator(".course-scenario__player .course-scenario__new-line")
    expect(line).to_have_text(words)
    expect(line).to_be_focused()
    expect(page.locator(".course-scenario__player .course-scenario__step")).to_have_text(f"Moment {moment}")
    expect(page.locator(".course-scenario__player .course-scenario__live")).to_have_text(words)


def reply(page: Page, number: int, node_id: str) -> None:
    """From the customer's line, Tab to reply `number` and press Enter: the reaction has focus."""
    choice = node(node_id).choices[number - 1]
    options = page.locator(".course-scenario__player .course-scenario__option")
    expect(options).to_have_count(len(node(node_id).choices))
    if page.locator(".course-scenario__player .course-scenario__new-line").evaluate("line => line === document.activeElement"):
        for _ in range(number):
            page.keyboard.press("Tab")
    else:
        tab_to(page, options.nth(number - 1))
    expect(options.nth(number - 1)).to_have_text(f"“{choice.say}”")
    expect(options.nth(number - 1)).to_be_focused()
    page.keyboard.press("Enter")
    reaction = page.locator(".course-scenario__player .course-scenario__reaction")
    expect(reaction).to_have_text(choice.reaction)
    expect(reaction).to_be_focused()
    expect(page.locator(".course-scenario__player .course-scenario__live")).to_have_text(choice.reaction)
    expect(page.locator(".course-scenario__player .course-scenario__feedback")).to_have_text(f"Feedback: {choice.feedback}")


def carry_on(page: Page) -> None:
    """From the reaction (or from wherever focus is, after a reload), Tab to Continue and press Enter."""
    button = page.locator(".course-scenario__player").get_by_role("button", name="Continue")
    if page.locator(".course-scenario__player .course-scenario__reaction").evaluate("line => line === document.activeElement"):
        page.keyboard.press("Tab")
    else:
        tab_to(page, button)
    expect(button).to_be_focused()
    page.keyboard.press("Enter")


def walk(page: Page, steps: list[tuple[str, int]]) -> None:
    """Reply and carry on at each (node, reply number) in turn, checking each moment's line."""
    for moment, (node_id, number) in enumerate(steps, 1):
        if moment > 1:
            expect_line(page, node_id, moment)
        reply(page, number, node_id)
        carry_on(page)


def expect_ending(page: Page, ending_id: str, steps: list[tuple[str, int]], results: dict[str, str]) -> None:
    """The ending has focus and is announced; the debrief, each objective's verdict and the transcript."""
    end = ending(ending_id)
    words = {"good": "Good ending", "recoverable": "Recoverable ending", "poor": "Poor ending"}[end.outcome]
    title = page.locator(".course-scenario__player .course-scenario__ending-title")
    expect(title).to_be_focused()
    expect(title).to_contain_text(words)
    expect(title).to_contain_text(end.title)
    expect(page.locator(".course-scenario__player .course-scenario__live")).to_have_text(f"{words}: {end.title}. {end.debrief}")
    expect(page.locator(".course-scenario__player .course-scenario__debrief")).to_have_text(end.debrief)
    objectives = {objective.id: objective.text for objective in _module_objectives()}
    shown = page.locator(".course-scenario__player .course-scenario__result")
    expect(shown).to_have_text([f"{mark} {verdict}: {objectives[oid]}" for oid, (mark, verdict) in _verdicts(results).items()])
    exchanges = page.locator(".course-scenario__player .course-scenario__exchange")
    expect(exchanges).to_have_count(len(steps))
    for index, (node_id, number) in enumerate(steps):
        choice = node(node_id).choices[number - 1]
        exchange = exchanges.nth(index)
        expect(exchange.locator(".course-scenario__said--customer")).to_have_text(f"{CUSTOMER}: “{node(node_id).customer}”")
        expect(exchange.locator(".course-scenario__said--you")).to_have_text(f"You: “{choice.say}”")
        expect(exchange.locator(".course-scenario__reaction")).to_have_text(choice.reaction)
        expect(exchange.locator(".course-scenario__feedback")).to_have_text(f"Feedback: {choice.feedback}")


VERDICTS = {"shown": ("✓", "Shown"), "missed": ("✗", "Missed"), "both": ("±", "Shown at one moment, missed at another")}


def _verdicts(results: dict[str, str]) -> dict[str, tuple[str, str]]:
    return {oid: VERDICTS[kind] for oid, kind in results.items()}


def _module_objectives():
    from tests.scenario_sample import sample_module

    return sample_module().objectives


def events(page: Page) -> list:
    return page.evaluate("() => window.scenarioEvents")


def stored(page: Page) -> dict:
    key = getattr(page, "key")  # noqa: B009 (set by the `tab` fixture)
    return json.loads(page.evaluate(f"() => localStorage.getItem('{key}')") or "null")


def assert_no_blocking_violations(page: Page, when: str) -> None:
    settle(page)  # Material hides its tabs as focus scrolls the page: not mid-fade
    blocking = blocking_violations(page)
    assert blocking == [], f"axe-core at {when} ({page.url}):\n" + describe_violations(blocking)


# -- the tests ----------------------------------------------------------------------------------


GOOD = [("opening", 1), ("which-map", 1), ("contours", 1)]
RECOVERING = [("opening", 3), ("defensive", 1), ("which-map", 1), ("contours", 2)]


def test_a_good_path_with_the_keyboard_alone(tab):
    tab.goto(tab.site_url + PAGE)
    expect(tab.locator("[data-scenario-map]")).to_be_hidden()
    expect(tab.locator(".course-scenario__player .course-scenario__step")).to_have_text("Moment 1")
    expect(tab.locator(".course-scenario__player .course-scenario__controls")).to_be_hidden()  # nothing to take back yet
    assert_no_blocking_violations(tab, "the start")
    walk(tab, GOOD[:1])
    expect_line(tab, "which-map", 2)
    reply(tab, 1, "which-map")
    assert_no_blocking_violations(tab, "the middle (a reaction and its feedback)")
    carry_on(tab)
    expect_line(tab, "contours", 3)
    reply(tab, 1, "contours")
    carry_on(tab)
    expect_ending(tab, "ready", GOOD, {"read-symbols": "shown", "read-relief": "shown"})
    assert_no_blocking_violations(tab, "the end")
    tab.emulate_media(color_scheme="dark")
    assert_no_blocking_violations(tab, "the end, dark")

    choices = [detail for name, detail in events(tab) if name == "course:scenario-choice"]
    assert choices == [
        {"scenario": SCENARIO, "node": "opening", "choice": 1, "shows": ["read-symbols"], "misses": []},
        {"scenario": SCENARIO, "node": "which-map", "choice": 1, "shows": ["read-relief", "read-symbols"], "misses": []},
        {"scenario": SCENARIO, "node": "contours", "choice": 1, "shows": ["read-relief"], "misses": []},
    ]
    assert [detail for name, detail in events(tab) if name == "course:scenario-end"] == [{"scenario": SCENARIO, "outcome": "good"}]


def test_a_recovering_path_with_the_keyboard_alone(tab):
    tab.goto(tab.site_url + PAGE)
    walk(tab, RECOVERING)
    # A poor first reply (it misses reading the symbols), made good at the next moment.
    expect_ending(tab, "ready-but-unsure", RECOVERING, {"read-symbols": "both", "read-relief": "shown"})
    assert [detail["outcome"] for name, detail in events(tab) if name == "course:scenario-end"] == ["recoverable"]
    assert stored(tab)["scenarios"][STORED] == {"path": [3, 1, 1, 2], "pending": False, "endings": ["ready-but-unsure"]}


def test_back_takes_a_reply_back_and_restart_starts_again(tab):
    tab.goto(tab.site_url + PAGE)
    reply(tab, 2, "opening")  # a poor reply...
    tab_to(tab, tab.locator(".course-scenario__player").get_by_role("button", name="Back"))
    tab.keyboard.press("Enter")  # ...taken back before it is carried on
    expect_line(tab, "opening", 1)
    expect(tab.locator(".course-scenario__player .course-scenario__controls")).to_be_hidden()
    walk(tab, [("opening", 1), ("which-map", 2)])  # to the poor ending
    expect(tab.locator(".course-scenario__player .course-scenario__ending-title")).to_contain_text(ending("sent-unprepared").title)
    tab_to(tab, tab.locator(".course-scenario__player").get_by_role("button", name="Back"))
    tab.keyboard.press("Enter")  # from the ending to the moment before it, to choose again
    expect_line(tab, "which-map", 2)
    walk(tab, [("which-map", 1), ("contours", 1)][:1])
    expect_line(tab, "contours", 3)
    tab_to(tab, tab.locator(".course-scenario__player").get_by_role("button", name="Restart"))
    tab.keyboard.press("Enter")
    expect_line(tab, "opening", 1)
    assert stored(tab)["scenarios"][STORED]["path"] == []
    assert [detail["choice"] for name, detail in events(tab) if name == "course:scenario-choice"] == [2, 1, 2, 1]


def test_progress_survives_a_reload_in_the_same_store_as_lessons(tab):
    tab.goto(tab.site_url + LESSON)
    tab.get_by_role("button", name="Mark this lesson as complete").click()  # course.js's part of the store
    tab.goto(tab.site_url + PAGE)
    walk(tab, GOOD[:1])
    reply(tab, 1, "which-map")
    assert stored(tab)["done"] == [f"{MODULE}/contours"]
    assert stored(tab)["scenarios"][STORED] == {"path": [1, 1], "pending": True, "endings": []}

    tab.reload()  # the reaction waits for Continue, as it did
    expect(tab.locator(".course-scenario__player .course-scenario__reaction")).to_have_text(node("which-map").choices[0].reaction)
    carry_on(tab)
    expect_line(tab, "contours", 3)
    reply(tab, 1, "contours")
    carry_on(tab)
    tab.reload()  # the ending, the transcript and the verdicts, as they were
    expect(tab.locator(".course-scenario__player .course-scenario__ending-title")).to_contain_text(ending("ready").title)
    expect(tab.locator(".course-scenario__player .course-scenario__exchange")).to_have_count(3)
    assert stored(tab)["done"] == [f"{MODULE}/contours"]  # the lesson's progress untouched
    assert [name for name, _ in events(tab)] == []  # a reload records nothing again


def test_works_after_instant_navigation(tab):
    tab.goto(tab.site_url + LESSON)
    tab.evaluate("() => { window.sameDocument = true; }")
    tab.locator(".course-scenario-links a").click()  # from the lesson it goes with
    # Material's navigation.tracking may carry the last page's section (#knowledge-check-...) over
    # for a moment: the page is what counts, not the fragment.
    expect(tab).to_have_url(re.compile("^" + re.escape(tab.site_url + PAGE) + "(#.*)?$"))
    reply(tab, 1, "opening")
    tab.locator(".course-scenario .course-meta a").click()  # to the module overview...
    expect(tab).to_have_url(tab.site_url + f"modules/{MODULE}/")
    tab.locator(".course-scenario-links a").click()  # ...and back: the player is set up afresh, where it was
    expect(tab).to_have_url(re.compile("^" + re.escape(tab.site_url + PAGE) + "(#.*)?$"))
    expect(tab.locator(".course-scenario__player .course-scenario__reaction")).to_have_text(node("opening").choices[0].reaction)
    expect(tab.locator(".course-scenario__player")).to_have_count(1)
    carry_on(tab)
    expect_line(tab, "which-map", 2)
    assert tab.evaluate("() => window.sameDocument === true"), "a full page load, not instant navigation"
    assert len([name for name, _ in events(tab) if name == "course:scenario-choice"]) == 1  # one listener, one event


def test_without_javascript_the_table_links_each_reply_to_where_it_leads(published_browser):
    context = published_browser.new_context(java_script_enabled=False, **DESKTOP)
    page = context.new_page()
    page.goto(published_browser.site_url + PAGE)
    expect(page.locator("[data-scenario-player]")).to_be_hidden()
    first = page.locator("#moment-opening .course-scenario__choice").nth(2)
    first.locator("summary").click()
    expect(first.locator("[data-text=reaction]")).to_have_text(node("opening").choices[2].reaction)
    first.locator("a").click()
    expect(page).to_have_url(re.compile(r"#moment-defensive$"))
    expect(page.locator("#moment-defensive [data-text=line]")).to_have_text(node("defensive").customer)
    context.close()


def test_the_table_passes_axe_as_it_reads_without_javascript(published_browser):
    """axe runs as a script in the page: the table is shown here as it is without one, every
    "What happens" open."""
    context = published_browser.new_context(**DESKTOP)
    page = context.new_page()
    page.goto(published_browser.site_url + PAGE)
    expect(page.locator("[data-scenario-player]")).to_be_visible()
    page.evaluate(
        """() => {
        document.querySelector("[data-scenario-player]").hidden = true;
        document.querySelector("[data-scenario-map]").hidden = false;
        document.querySelectorAll(".course-scenario__what-happens").forEach(details => { details.open = true; });
    }"""
    )
    expect(page.locator("#ending-ready")).to_be_visible()
    assert_no_blocking_violations(page, "the table without JavaScript")
    context.close()

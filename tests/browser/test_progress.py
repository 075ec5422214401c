"""Progress kept in this browser: "Mark as complete", bars and ticks after a reload and after
Material's instant navigation, "Continue where you left off", "Delete my data", the storage key
scoped to the site's base path, and a browser that keeps nothing."""

from __future__ import annotations

import re
import shutil
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from macros.outputs.browser import CHROMIUM_ARGS, serve_folder
from tests.brand import REPOSITORY

from .helpers import BASE_PATH, CHROMIUM, DESKTOP, LESSON, MODULE, PHONE, blocking_violations, describe_violations, progress_key

pytestmark = [pytest.mark.browser, pytest.mark.curriculum]  # on this repository's sample modules

KEY = progress_key()  # of the site served at site_url's path
FIRST = MODULE + "why-questions-matter/"
LESSON_COUNT = 5  # lessons in Questioning skills


@pytest.fixture(scope="module")
def published_browser(browser, site_url):
    """Chromium that reaches the test server under the site's published host name (brand.yml's
    site_url, on port 80 by --host-resolver-rules). Material only navigates instantly to URLs in
    sitemap.xml, which it maps to the page's protocol and host name but not its port: on
    127.0.0.1:<port> every click is a full page load, at the published address it is instant."""
    host = REPOSITORY.host
    port = urlsplit(site_url).port
    chromium = browser.browser_type.launch(
        executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, f"--host-resolver-rules=MAP {host}:80 127.0.0.1:{port}"]
    )
    chromium.site_url = f"http://{host}{urlsplit(site_url).path}"
    yield chromium
    chromium.close()


@pytest.fixture(params=["phone", "desktop"])
def published(request, published_browser):
    """(page, site URL) at the published address, on a phone-sized or a desktop window."""
    context = published_browser.new_context(**(PHONE if request.param == "phone" else DESKTOP))
    yield context.new_page(), published_browser.site_url
    context.close()


def stored(page) -> dict | None:
    return page.evaluate(f"() => JSON.parse(localStorage.getItem('{KEY}'))")


def mark_complete(page, url: str) -> None:
    page.goto(url)
    page.get_by_role("button", name=re.compile(r"^Mark this (lesson|activity) as complete$")).click()
    expect(page.locator(".course-complete__status")).to_contain_text("You've completed this")


def test_a_completed_lesson_stays_complete_after_a_reload_and_shows_on_the_overview_after_instant_navigation(published):
    page, site_url = published
    page.goto(site_url + LESSON)
    complete = page.locator(".course-complete")
    expect(complete).to_be_visible()
    expect(complete.locator(".course-complete__status")).to_be_empty()
    complete.get_by_role("button", name="Mark this lesson as complete").click()
    expect(complete.locator(".course-complete__status")).to_have_text("✓ You've completed this lesson.")
    expect(complete.get_by_role("button")).to_have_text("Mark as not complete")

    page.reload()
    expect(complete.locator(".course-complete__status")).to_have_text("✓ You've completed this lesson.")
    expect(complete.get_by_role("button")).to_have_text("Mark as not complete")

    # A link in the page: Material swaps the content without loading a new document.
    page.evaluate("() => { window.sameDocument = true; }")
    page.locator(".course-lesson-header .course-meta a").click()
    expect(page).to_have_url(site_url + MODULE)
    expect(page.locator("h1")).to_have_text("Questioning skills")
    assert page.evaluate("() => window.sameDocument === true"), "the overview was a full page load, not instant navigation"
    overview = page.locator(".course-lessons .course-progress")
    expect(overview).to_be_visible()
    expect(overview.locator(".course-progress__text")).to_have_text(f"1 of {LESSON_COUNT} lessons done")
    expect(overview.locator("progress")).to_have_js_property("value", 1)
    expect(overview.get_by_label("Your progress in Questioning skills")).to_have_attribute(
        "aria-valuetext", f"1 of {LESSON_COUNT} lessons done"
    )
    done = page.locator(".course-lessons__list li", has=page.locator(".course-done"))
    expect(done).to_have_count(1)
    expect(done).to_contain_text("Open, closed and probing questions")
    expect(done.locator(".course-done")).to_have_text("✓ Done")  # a word, not only a colour

    # Back to the lesson by a link, and undo: the overview follows again.
    page.locator(".course-lessons__list a", has_text="Open, closed and probing questions").click()
    page.get_by_role("button", name="Mark as not complete").click()
    expect(complete.locator(".course-complete__status")).to_have_text("This lesson is no longer marked as complete.")
    page.locator(".course-lesson-header .course-meta a").click()
    expect(overview.locator(".course-progress__text")).to_have_text(f"0 of {LESSON_COUNT} lessons done")
    expect(page.locator(".course-done")).to_have_count(0)
    assert page.evaluate("() => window.sameDocument === true")


def test_the_catalogue_shows_a_bar_only_for_modules_begun_and_ticks_the_capstone(page, site_url):
    page.goto(site_url)
    expect(page.locator(".course-card .course-progress").first).to_be_hidden()
    mark_complete(page, site_url + LESSON)
    mark_complete(page, site_url + MODULE + "capstone/")
    page.goto(site_url)
    card = page.locator(".course-card", has_text="Questioning skills")
    expect(card.locator(".course-progress")).to_be_visible()
    expect(card.locator(".course-progress__text")).to_have_text(f"1 of {LESSON_COUNT} lessons done")  # the capstone is not a lesson
    expect(page.locator(".course-card .course-progress:visible")).to_have_count(1)
    page.goto(site_url + MODULE)
    expect(page.locator(".course-capstone-link .course-done")).to_have_text("✓ Done")


def test_continue_where_you_left_off(published):
    page, site_url = published
    page.goto(site_url)
    resume = page.locator(".course-continue")
    expect(resume).to_be_hidden()  # nothing done, nothing visited

    page.goto(site_url + FIRST)
    page.goto(site_url)
    expect(resume).to_be_visible()
    expect(resume.locator("h2")).to_have_text("Continue where you left off")
    link = resume.locator(".course-continue__link")
    expect(link).to_have_text("Why questions matter")
    expect(resume.locator(".course-continue__module")).to_have_text("in Questioning skills")
    expect(resume.locator(".course-continue__summary")).to_have_text(re.compile(r"^You've completed 0 of \d+ lessons\.$"))

    mark_complete(page, site_url + FIRST)  # the last one visited is done: on to the next in its module
    page.goto(site_url)
    expect(link).to_have_text("Open, closed and probing questions")
    expect(resume.locator(".course-continue__summary")).to_have_text(re.compile(r"^You've completed 1 of \d+ lessons\.$"))
    page.evaluate("() => { window.sameDocument = true; }")
    link.click()
    expect(page).to_have_url(site_url + LESSON)
    assert page.evaluate("() => window.sameDocument === true")


def test_continue_goes_on_after_the_lesson_completed_last_not_back_to_one_skipped(page, site_url):
    """Issue 13: a learner who went straight to lesson 5 and completed it was offered lesson 1."""
    link = page.locator(".course-continue .course-continue__link")
    module = page.locator(".course-continue .course-continue__module")

    mark_complete(page, site_url + MODULE + "answering-in-their-interest/")  # lesson 5 of 5
    page.goto(site_url)
    expect(link).to_have_text("Capstone: Find the need behind the call")
    expect(module).to_have_text("in Questioning skills")
    expect(link).to_have_attribute("href", MODULE + "capstone/")

    # After a module's capstone: on to the next module in the catalogue.
    mark_complete(page, site_url + MODULE + "capstone/")
    page.goto(site_url)
    expect(link).to_have_text("Recognising vulnerability")
    expect(module).to_have_text("in Customers in vulnerable circumstances")

    # Nothing follows the last module's capstone: on from the start of the catalogue.
    mark_complete(page, site_url + "modules/vulnerable-customers/capstone/")
    page.goto(site_url)
    expect(link).to_have_text("What outstanding service is")
    expect(module).to_have_text("in Customer service")

    # Going back to complete lesson 2: on to lesson 3, the next one not yet done after it.
    mark_complete(page, site_url + LESSON)
    page.goto(site_url)
    expect(link).to_have_text("Asking about people, not just things")
    expect(page.locator(".course-continue__summary")).to_have_text(re.compile(r"^You've completed 2 of \d+ lessons\.$"))


def course_keys(page) -> list[str]:
    """Every entry this site keeps in localStorage (store.js: "<base path>.course.<part>")."""
    return sorted(page.evaluate(f"() => Object.keys(localStorage).filter(key => key.startsWith('{BASE_PATH}.course.'))"))


def test_delete_my_data_asks_first_then_leaves_nothing(page, site_url):
    mark_complete(page, site_url + LESSON)
    # Every other part the site keeps, as its scripts write it (after.js, practice.js).
    for part, value in {
        "confidence": {"questioning-skills": {"before": {"diagnose": 2, "date": "2026-12-01"}}},
        "plans": {"questioning-skills": {"behaviours": ["diagnose-1"], "when": "Tuesdays", "start": "2026-12-01"}},
        "practice": {"cards": {}},
    }.items():
        page.evaluate("([key, value]) => localStorage.setItem(key, JSON.stringify(value))", [f"{BASE_PATH}.course.{part}", value])
    page.goto(site_url + "using-this-site/")
    expect(page.locator("#your-progress-and-privacy")).to_be_visible()
    start = page.get_by_role("button", name="Delete my data", exact=True)
    start.click()
    expect(start).to_have_attribute("aria-expanded", "true")
    question = page.locator(".course-reset__question")
    expect(question).to_be_focused()
    expect(question).to_contain_text("confidence ratings and action plans")
    page.get_by_role("button", name="No, keep it").click()
    expect(start).to_be_focused()
    expect(question).to_be_hidden()
    assert stored(page)["done"] == ["questioning-skills/open-closed-and-probing"]
    assert len(course_keys(page)) == 4

    start.click()
    page.get_by_role("button", name="Yes, delete my data").click()
    status = page.locator(".course-reset__status")
    expect(status).to_have_text("Your data has been deleted: this site keeps nothing in this browser now.")
    expect(status).to_be_focused()
    assert course_keys(page) == []

    page.goto(site_url)
    expect(page.locator(".course-continue")).to_be_hidden()
    page.goto(site_url + MODULE)
    expect(page.locator(".course-lessons .course-progress__text")).to_have_text(f"0 of {LESSON_COUNT} lessons done")


def test_delete_my_data_from_the_home_page(page, site_url):
    mark_complete(page, site_url + LESSON)
    page.goto(site_url)
    resume = page.locator(".course-continue")
    resume.get_by_role("button", name="Delete my data", exact=True).click()
    resume.get_by_role("button", name="Yes, delete my data").click()
    expect(resume.locator(".course-reset__status")).to_have_text("Your data has been deleted: this site keeps nothing in this browser now.")
    expect(resume.locator(".course-reset__status")).to_be_focused()  # the panel stays until the next page
    expect(resume.locator(".course-continue__link")).to_be_hidden()
    expect(page.locator(".course-card .course-progress:visible")).to_have_count(0)
    assert course_keys(page) == []
    page.reload()
    expect(resume).to_be_hidden()


@pytest.fixture
def two_sites(built_site, tmp_path):
    """The same build at /one-course/ and at /other-course/ on one host: one origin, two sites."""
    for name in ("one-course", "other-course"):
        shutil.copytree(built_site, tmp_path / name)
    with serve_folder(tmp_path) as base:
        yield base


def test_two_course_sites_on_one_origin_keep_separate_progress(browser, two_sites):
    context = browser.new_context()
    page = context.new_page()
    mark_complete(page, two_sites + "one-course/" + LESSON)
    assert page.evaluate("() => Object.keys(localStorage).filter(key => key.endsWith('.course.progress'))") == [
        progress_key("/one-course/")
    ]
    page.goto(two_sites + "other-course/" + MODULE)
    expect(page.locator(".course-lessons .course-progress__text")).to_have_text(f"0 of {LESSON_COUNT} lessons done")
    mark_complete(page, two_sites + "other-course/" + FIRST)
    assert sorted(page.evaluate("() => Object.keys(localStorage).filter(key => key.endsWith('.course.progress'))")) == [
        progress_key("/one-course/"),
        progress_key("/other-course/"),
    ]
    page.goto(two_sites + "one-course/" + MODULE)
    expect(page.locator(".course-done")).to_have_count(1)
    expect(page.locator(".course-lessons__list li", has=page.locator(".course-done"))).to_contain_text("Open, closed and probing questions")
    context.close()


def test_a_browser_that_keeps_nothing_still_gets_working_checks(browser, site_url):
    """localStorage refuses every write (as in some private windows): no progress controls, no errors."""
    context = browser.new_context()
    context.add_init_script("Storage.prototype.setItem = function () { throw new DOMException('blocked', 'SecurityError'); };")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + LESSON)
    questions = page.locator(".course-check__question")
    for index in range(questions.count()):
        question = questions.nth(index)
        question.locator("input[data-correct]").check()
        question.get_by_role("button", name="Check answer").click()
    last = questions.last.locator(".course-check__feedback")
    expect(last).to_contain_text("That's every question:")
    expect(last).not_to_contain_text("marked as complete")
    expect(page.locator(".course-complete")).to_be_hidden()
    page.goto(site_url + MODULE)
    expect(page.locator(".course-progress")).to_be_hidden()
    page.goto(site_url + "using-this-site/")
    expect(page.locator(".course-reset")).to_have_text("This browser isn't letting the site keep anything, so there is nothing to delete.")
    assert errors == []
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_axe_violations_where_progress_shows(page, site_url, scheme):
    page.emulate_media(color_scheme=scheme)
    mark_complete(page, site_url + LESSON)
    for path, shown in [("", ".course-continue"), (MODULE, ".course-lessons .course-progress")]:
        page.goto(site_url + path)
        expect(page.locator(shown)).to_be_visible()
        blocking = blocking_violations(page, colours_only=scheme == "dark")
        assert blocking == [], f"{path or 'home'}:\n" + describe_violations(blocking)

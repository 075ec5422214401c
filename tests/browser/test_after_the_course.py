"""The learner's way through "after the course", in one Chromium session on this repository's site,
with Playwright's clock: finish a lesson by answering its check; a day later its questions are due
on practice/; one answered wrong comes back sooner than the ones answered right; then finish the
module, make an action plan, and download calendar reminders that parse (icalendar) with the
right dates. The parts are tested one by one in test_spaced_practice.py and test_action_plan.py.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from playwright.sync_api import expect

from .helpers import DESKTOP

pytestmark = [pytest.mark.browser, pytest.mark.curriculum]  # on this repository's sample modules

ZONE = ZoneInfo("Europe/London")
DAY0 = datetime(2027, 3, 1, 9, 0, tzinfo=ZONE)
MODULE = "questioning-skills"
LESSONS = [
    "why-questions-matter",
    "open-closed-and-probing",
    "things-and-people",
    "listening-and-summarising",
    "answering-in-their-interest",
]
FIRST = "open-closed-and-probing"


def answer_check(page, site_url: str, lesson: str) -> dict[str, tuple[int, int]]:
    """Answer every question of the lesson's check right; course.js then marks the lesson complete.
    Returns each question's legend with the positions of its right option and of a wrong one."""
    page.goto(site_url + f"modules/{MODULE}/{lesson}/")
    questions = page.locator(".course-check__question")
    for index in range(questions.count()):
        question = questions.nth(index)
        question.locator("input[data-correct]").check()
        question.get_by_role("button", name="Check answer").click()
    expect(questions.last.locator(".course-check__feedback")).to_contain_text("This lesson is now marked as complete.")
    found = questions.evaluate_all("""all => all.map(q => {
        const radios = [...q.querySelectorAll('input[type=radio]')];
        return [q.querySelector('legend').textContent.replace(/\\s+/g, ' ').trim(),
                radios.findIndex(r => r.hasAttribute('data-correct')), radios.findIndex(r => !r.hasAttribute('data-correct'))];
    })""")
    return {legend: (right, wrong) for legend, right, wrong in found}


def due_today(page, url: str) -> str:
    page.goto(url)
    box = page.locator("[data-course-due]")
    expect(box).to_be_visible()
    return " ".join(box.inner_text().split())


def practise(page, site_url: str, options: dict[str, tuple[int, int]], wrong_first: bool) -> list[str]:
    """A session on practice/?module=…: the first question answered wrong (when `wrong_first`), the
    rest right, a repeat right. Returns the questions' legends in the order they came."""
    page.goto(site_url + f"practice/?module={MODULE}")
    heading, session = page.locator(".course-practice__heading"), page.locator(".course-practice__session")
    asked = []
    while True:
        expect(heading).not_to_have_text(re.compile("^$"))
        if heading.inner_text() == "Done for today":
            return asked
        legend = " ".join(session.locator("legend").inner_text().split())
        wrong = wrong_first and not asked
        right, wrong_one = options[legend]
        session.locator("input[type=radio]").nth(wrong_one if wrong else right).check()
        page.get_by_role("button", name="Check answer").click()
        expect(session.locator(".course-check__feedback")).to_contain_text("Not quite." if wrong else "Right.")
        asked.append(legend)
        session.locator("button", has_text=re.compile("^(Next question|Finish)$")).click()


def test_a_lesson_comes_back_for_practice_and_the_module_ends_with_a_plan_in_the_calendar(browser, site_url):
    context = browser.new_context(**DESKTOP, timezone_id="Europe/London", accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.clock.install(time=DAY0)
    page.goto(site_url + f"modules/{MODULE}/")

    # Day 0: a lesson finished by its check; nothing is due yet.
    options = answer_check(page, site_url, FIRST)
    count = len(options)
    assert "nothing is due today" in due_today(page, site_url + f"modules/{MODULE}/")

    # Day 1: all its questions are due; the first is answered wrong and asked again at the end.
    page.clock.set_system_time(DAY0 + timedelta(days=1))
    assert f"{count} questions" in due_today(page, site_url)
    asked = practise(page, site_url, options, wrong_first=True)
    assert len(asked) == count + 1 and asked[-1] == asked[0], asked

    # Day 3: only the one answered wrong is back (the right ones wait for their next box).
    page.clock.set_system_time(DAY0 + timedelta(days=3))
    assert "1 question" in due_today(page, site_url + f"modules/{MODULE}/")
    assert practise(page, site_url, options, wrong_first=False) == [asked[0]]

    # Finish the module: the other lessons' checks, then the capstone.
    for lesson in LESSONS:
        if lesson != FIRST:
            answer_check(page, site_url, lesson)
    page.goto(site_url + f"modules/{MODULE}/capstone/")
    page.get_by_role("button", name="Mark this activity as complete").click()
    invite = page.get_by_role("link", name=re.compile("action plan", re.IGNORECASE)).first
    expect(invite).to_be_visible()
    invite.click()

    # The action plan: two behaviours, when, where, who; reminders from the day it is made.
    expect(page).to_have_url(re.compile(f"modules/{MODULE}/action-plan/$"))
    behaviours = page.locator('input[name="behaviour"]')
    behaviours.nth(0).check()
    behaviours.nth(1).check()
    page.get_by_label("When I will practise").fill("Every Tuesday morning on the phones")
    page.get_by_label("Where").fill("The repairs line")
    page.get_by_label("Who will observe me").fill("My team lead")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download calendar reminders (.ics)").click()
    calendar = icalendar.Calendar.from_ical(info.value.path().read_bytes())
    made = (DAY0 + timedelta(days=3)).date()
    expected = [made + timedelta(days=2), made + timedelta(days=7), made + timedelta(days=21), date(2027, 5, 4)]  # 2 calendar months
    events = calendar.walk("VEVENT")
    assert [event.decoded("DTSTART") for event in events] == expected
    assert all(f"practice/?module={MODULE}" in str(event["URL"]) for event in events)
    assert errors == []
    context.close()

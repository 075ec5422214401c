"""Spaced practice in Chromium (docs/assets/javascripts/practice.js, render/practice.py), on this
repository's site, with Playwright's clock: two lessons completed on day 0, then days 1, 3, 10 and 40,
with the due counts on the home page, the module overviews and the practice page, and the order the
questions come in. A wrong answer comes back at the end of the session and the next day, before
the ones answered right. Also: axe (light and dark, phone and desktop) on the practice page at
rest and mid-session and on the due counts, a session with the keyboard alone,
the page without JavaScript or storage, lessons completed before spaced practice existed, and
"Delete my data".

The schedule (Leitner boxes, 1 3 7 16 35 days), step by step for the lesson of questioning-skills:
    day 0   lesson completed: every question in box 1, due day 1
    day 1   q1 wrong (box 1, due day 2; asked again at the end), q2-q5 right (box 2, due day 4)
    day 3   q1 only: right (box 2, due day 6)
    day 10  q2-q5 first (due since day 4), then q1 (since day 6): all right (box 3, due day 17)
    day 40  all five, in course order (same day, same box): all right (box 4, due day 56)
The lesson of customer-service is never practised: its questions stay due from day 1, first of all.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from .helpers import BASE_PATH, DESKTOP, blocking_violations, describe_violations, settle

pytestmark = [pytest.mark.browser, pytest.mark.curriculum]  # on this repository's sample modules

# 09:00 on Monday 4 January in Auckland is still Sunday 3 January in UTC: a date taken from UTC
# would be a day early.
ZONE = "Pacific/Auckland"
DAY0 = datetime(2027, 1, 4, 9, 0, tzinfo=ZoneInfo(ZONE))
ONE_DAY = 24 * 60 * 60 * 1000  # ms
QS, CS = "questioning-skills", "customer-service"
QS_LESSON, CS_LESSON = f"{QS}/open-closed-and-probing", f"{CS}/positive-language"
PRACTICE = "practice/"
PRACTICE_KEY = f"{BASE_PATH}.course.practice"


def on(day: int) -> str:
    """Day `day` of the test as the learner's calendar says it."""
    return (date(2027, 1, 4) + timedelta(days=day)).isoformat()


def learner(browser, **extra):
    context = browser.new_context(**DESKTOP, timezone_id=ZONE, **extra)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    return context, page


def complete(page, site_url, lesson: str) -> list[dict]:
    """Answer every question of the lesson's check right (course.js then marks it complete); its
    questions as the lesson shows them: legend, the right option's index, a wrong one's."""
    page.goto(site_url + f"modules/{lesson}/")
    questions = page.locator(".course-check__question")
    for index in range(questions.count()):
        question = questions.nth(index)
        question.locator("input[data-correct]").check()
        question.get_by_role("button", name="Check answer").click()
    expect(questions.last.locator(".course-check__feedback")).to_contain_text("This lesson is now marked as complete.")
    return questions.evaluate_all("""all => all.map(q => {
        const radios = [...q.querySelectorAll('input[type=radio]')];
        return {legend: q.querySelector('legend').textContent.replace(/\\s+/g, ' ').trim(),
                right: radios.findIndex(r => r.hasAttribute('data-correct')),
                wrong: radios.findIndex(r => !r.hasAttribute('data-correct'))};
    })""")


def cards(page) -> dict:
    return page.evaluate(f"() => (JSON.parse(localStorage.getItem('{PRACTICE_KEY}')) || {{cards: {{}}}}).cards")


def due_says(page, url: str) -> str:
    page.goto(url)
    box = page.locator("[data-course-due]")
    expect(box).to_be_visible()
    return " ".join(box.inner_text().split())


def practise(page, url: str, answers: list[tuple[dict, bool]]) -> None:
    """A session: the questions come in this order, each answered right or wrong as said; a question
    answered wrong the first time is asked again at the end (listed again in `answers`)."""
    page.goto(url)
    heading = page.locator(".course-practice__heading")
    total = sum(1 for n, (question, _) in enumerate(answers) if question not in [q for q, _ in answers[:n]])
    seen = []
    for number, (question, right) in enumerate(answers, start=1):
        expect(heading).to_have_text(f"Question {number} of {total}")
        expect(page.locator(".course-practice__session legend")).to_have_text(question["legend"])
        page.locator(".course-practice__session input[type=radio]").nth(question["right" if right else "wrong"]).check()
        page.get_by_role("button", name="Check answer").click()
        feedback = page.locator(".course-practice__session .course-check__feedback")
        expect(feedback).to_contain_text("Right." if right else "Not quite.")
        if question["legend"] in seen:
            expect(feedback).to_contain_text("This question comes back tomorrow.")  # its first answer was wrong
        elif not right:
            expect(feedback).to_contain_text("This question comes back at the end of this session, and again tomorrow.")
            total += 1
        seen.append(question["legend"])
        next_button = page.locator(".course-practice__session button", has_text=re.compile("^(Next question|Finish)$"))
        expect(next_button).to_be_focused()
        next_button.click()
    expect(heading).to_have_text("Done for today")
    expect(heading).to_be_focused()


def test_questions_come_back_on_a_leitner_schedule_and_a_wrong_one_sooner(browser, site_url):
    context, page = learner(browser)
    page.clock.install(time=DAY0)
    qs = complete(page, site_url, QS_LESSON)
    cs = complete(page, site_url, CS_LESSON)
    assert len(qs) == 5 and len(cs) == 4
    filed = cards(page)
    assert sorted(filed) == sorted(
        [*(f"{QS_LESSON}/open-closed-and-probing-q{n}" for n in range(1, 6)), *(f"{CS_LESSON}/positive-language-q{n}" for n in range(1, 5))]
    )
    assert {(card["box"], card["due"]) for card in filed.values()} == {(1, on(1))}  # the next day, in Auckland
    assert filed[f"{QS_LESSON}/open-closed-and-probing-q1"]["module"] == QS
    assert due_says(page, site_url) == "Spaced practice: nothing is due today; the next 9 questions are due tomorrow."
    assert due_says(page, site_url + f"modules/{QS}/") == "Spaced practice: nothing is due today; the next 5 questions are due tomorrow."
    page.goto(site_url + PRACTICE)
    expect(page.locator("[data-practice-status]")).to_have_text("Nothing to practise today: the next 9 questions are due tomorrow.")

    page.clock.fast_forward(ONE_DAY)  # day 1
    assert due_says(page, site_url) == "Spaced practice: 9 questions are due today."
    assert due_says(page, site_url + f"modules/{QS}/") == "Spaced practice: 5 questions from this module are due today."
    assert due_says(page, site_url + f"modules/{CS}/") == "Spaced practice: 4 questions from this module are due today."
    page.get_by_role("link", name="Spaced practice").click()  # the overview's link: that module's only
    expect(page).to_have_url(re.compile(rf"/practice/\?module={CS}$"))
    expect(page.locator("[data-practice-filter]")).to_have_text("Questions from Customer service only. Practise every module")
    expect(page.locator(".course-practice__heading")).to_have_text("Question 1 of 4")
    page.goto(site_url + PRACTICE)  # every module: the same day and box, so course order (customer-service comes first)
    expect(page.locator(".course-practice__heading")).to_have_text("Question 1 of 9")
    expect(page.locator(".course-practice__session legend")).to_have_text(cs[0]["legend"])
    practise(page, site_url + PRACTICE + f"?module={QS}", [(qs[0], False), *((q, True) for q in qs[1:]), (qs[0], True)])
    filed = cards(page)
    assert (filed[f"{QS_LESSON}/open-closed-and-probing-q1"]["box"], filed[f"{QS_LESSON}/open-closed-and-probing-q1"]["due"]) == (1, on(2))
    assert {
        (filed[f"{QS_LESSON}/open-closed-and-probing-q{n}"]["box"], filed[f"{QS_LESSON}/open-closed-and-probing-q{n}"]["due"])
        for n in range(2, 6)
    } == {(2, on(4))}
    assert due_says(page, site_url + f"modules/{QS}/") == "Spaced practice: nothing is due today; the next question is due tomorrow."
    assert due_says(page, site_url) == "Spaced practice: 4 questions are due today."

    page.clock.fast_forward(2 * ONE_DAY)  # day 3: only the one answered wrong
    assert due_says(page, site_url + f"modules/{QS}/") == "Spaced practice: 1 question from this module is due today."
    assert due_says(page, site_url) == "Spaced practice: 5 questions are due today."
    practise(page, site_url + PRACTICE + f"?module={QS}", [(qs[0], True)])
    assert due_says(page, site_url + f"modules/{QS}/") == "Spaced practice: nothing is due today; the next 4 questions are due tomorrow."

    page.clock.fast_forward(7 * ONE_DAY)  # day 10: the oldest due first
    assert due_says(page, site_url + f"modules/{QS}/") == "Spaced practice: 5 questions from this module are due today."
    page.goto(site_url + PRACTICE)  # customer-service's, due since day 1, before any of questioning-skills'
    expect(page.locator(".course-practice__heading")).to_have_text("Question 1 of 9")
    expect(page.locator(".course-practice__session legend")).to_have_text(cs[0]["legend"])
    practise(page, site_url + PRACTICE + f"?module={QS}", [*((q, True) for q in qs[1:]), (qs[0], True)])
    assert {(card["box"], card["due"]) for key, card in cards(page).items() if key.startswith(QS_LESSON)} == {(3, on(17))}
    expect(page.locator(".course-practice__session")).to_contain_text("The next 5 questions are due on Thursday, January 21.")

    page.clock.fast_forward(30 * ONE_DAY)  # day 40: the same day and box, so course order
    assert due_says(page, site_url) == "Spaced practice: 9 questions are due today."
    assert due_says(page, site_url + f"modules/{QS}/") == "Spaced practice: 5 questions from this module are due today."
    practise(page, site_url + PRACTICE + f"?module={QS}", [(q, True) for q in qs])
    expect(page.locator(".course-practice__session")).to_contain_text("You answered 5 of 5 questions right first time.")
    assert {(card["box"], card["due"]) for key, card in cards(page).items() if key.startswith(QS_LESSON)} == {(4, on(56))}
    assert {(card["box"], card["due"]) for key, card in cards(page).items() if key.startswith(CS_LESSON)} == {(1, on(1))}
    assert page.errors == []
    context.close()


def settled_violations(page, scheme: str) -> list[dict]:
    """axe's serious and critical findings once nothing moves: moving the focus scrolls the page, and
    Material then fades its tabs and "Back to top" in or out (mid-fade, their colours are neither),
    after a moment of its own: wait for that moment, then for the fades to end. The dark palette
    recolours the same markup: only the colour rules can find anything new there."""
    page.wait_for_timeout(500)
    settle(page)
    return blocking_violations(page, colours_only=scheme == "dark")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_serious_at_rest_or_mid_session(page, site_url, scheme):
    page.emulate_media(color_scheme=scheme)
    page.clock.install(time=DAY0)
    complete(page, site_url, QS_LESSON)
    page.goto(site_url + PRACTICE)
    expect(page.locator("[data-practice-status]")).to_contain_text("Nothing to practise today")
    states = {"nothing due": settled_violations(page, scheme)}
    page.clock.fast_forward(ONE_DAY)
    for name, path in [("home page", ""), ("module overview", f"modules/{QS}/")]:
        page.goto(site_url + path)
        expect(page.locator("[data-course-due]")).to_be_visible()
        states[f"due count on the {name}"] = settled_violations(page, scheme)
    page.goto(site_url + PRACTICE)
    expect(page.locator(".course-practice__session legend")).to_be_visible()
    states["first question"] = settled_violations(page, scheme)
    page.locator(".course-practice__session input[type=radio]").first.check()
    page.get_by_role("button", name="Check answer").click()
    expect(page.locator(".course-practice__session .course-check__feedback")).not_to_be_empty()
    states["answer checked"] = settled_violations(page, scheme)
    page.get_by_role("button", name="Next question").click()
    expect(page.locator(".course-practice__session legend")).to_be_visible()
    states["next question"] = settled_violations(page, scheme)
    found = {state: describe_violations(violations) for state, violations in states.items() if violations}
    assert found == {}, f"axe-core, {page.form_factor}, {scheme}:\n" + "\n".join(f"{k}:\n{v}" for k, v in found.items())


def test_a_session_with_the_keyboard_alone(browser, site_url):
    context, page = learner(browser)
    page.clock.install(time=DAY0)
    complete(page, site_url, QS_LESSON)
    page.clock.fast_forward(ONE_DAY)
    page.goto(site_url + PRACTICE)
    heading = page.locator(".course-practice__heading")
    expect(page.locator(".course-practice__session legend")).to_be_visible()
    heading.focus()  # where "Next question" leaves the focus; on arrival the page keeps it at the top
    page.keyboard.press("Tab")  # the lesson's link
    page.keyboard.press("Tab")  # the first option
    expect(page.locator("#course-practice-option-0")).to_be_focused()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Check answer")).to_be_focused()
    page.keyboard.press("Enter")
    feedback = page.get_by_role("status").filter(has_text=re.compile("^(Right|Not quite)"))
    expect(feedback).to_have_attribute("aria-live", "polite")
    expect(page.get_by_role("button", name="Next question")).to_be_focused()
    page.keyboard.press("Enter")
    expect(heading).to_have_text(re.compile(r"^Question 2 of [56]$"))  # 6: the first answer was wrong
    expect(heading).to_be_focused()
    expect(feedback).to_have_count(0)  # emptied for the next answer
    assert page.errors == []
    context.close()


def test_lessons_completed_before_spaced_practice_existed_are_due_at_once(browser, site_url):
    context, page = learner(browser)
    page.goto(site_url)
    page.evaluate(
        "([key, lesson]) => localStorage.setItem(key, JSON.stringify({done: [lesson], last: null}))",
        [f"{BASE_PATH}.course.progress", QS_LESSON],
    )
    assert (
        due_says(page, site_url)
        == "Spaced practice: questions from the lessons you have completed come back there to help you remember them."
    )
    page.goto(site_url + PRACTICE)
    expect(page.locator(".course-practice__heading")).to_have_text("Question 1 of 5")
    assert len(cards(page)) == 5
    page.goto(site_url + PRACTICE + "?module=no-such-module")
    expect(page.locator("[data-practice-filter]")).to_have_text(
        "There is no module “no-such-module” in this course, so here are the questions from every module."
    )
    expect(page.locator(".course-practice__heading")).to_have_text("Question 1 of 5")
    page.goto(site_url + PRACTICE + f"?module={CS}")
    expect(page.locator("[data-practice-status]")).to_have_text(
        "You haven't completed a lesson of this module in this browser yet. Once you have answered every question of a lesson's "
        "“Check your understanding”, its questions come back here the next day."
    )
    assert page.errors == []
    context.close()


def test_without_javascript_or_storage_the_page_says_what_it_needs(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PRACTICE)
    expect(page.locator("[data-practice-status]")).to_contain_text(
        "Spaced practice needs JavaScript, and a browser that lets this site keep"
    )
    context.close()

    context, page = learner(browser)
    context.add_init_script("Storage.prototype.setItem = function () { throw new DOMException('blocked', 'SecurityError'); };")
    page.goto(site_url + PRACTICE)
    expect(page.locator("[data-practice-status]")).to_contain_text("This browser isn't letting the site keep anything on this device")
    expect(page.locator("[data-practice-session]")).to_be_hidden()
    page.goto(site_url)
    expect(page.locator("[data-course-due]")).to_be_hidden()
    assert page.errors == []
    context.close()


def test_delete_my_data_leaves_no_practice_entry(browser, site_url):
    context, page = learner(browser)
    complete(page, site_url, QS_LESSON)
    assert len(cards(page)) == 5
    page.goto(site_url)
    due = page.locator("[data-course-due]")
    expect(due).to_be_visible()
    page.get_by_role("button", name="Delete my data", exact=True).click()
    page.get_by_role("button", name="Yes, delete my data").click()
    expect(due).to_be_hidden()
    assert page.evaluate("key => localStorage.getItem(key)", PRACTICE_KEY) is None
    page.goto(site_url + PRACTICE)
    expect(page.locator("[data-practice-status]")).to_contain_text("You haven't completed a lesson in this browser yet.")
    assert page.evaluate("key => localStorage.getItem(key)", PRACTICE_KEY) is None
    context.close()

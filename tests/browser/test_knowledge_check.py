"""The knowledge checks as a learner reads them, once an answer is opened; and what opening an
answer before trying it does to "right first time"."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .helpers import LESSON, MODULE

pytestmark = [pytest.mark.browser, pytest.mark.curriculum]  # on this repository's sample modules

READ_CHECK = """check => [...check.querySelectorAll('.course-check__question')].map(question => ({
    id: question.id,
    options: [...question.querySelectorAll('.course-check__option')].map(option => ({
        letter: option.querySelector('.course-check__letter').textContent.trim().replace(/\\.$/, ''),
        correct: option.querySelector('input').hasAttribute('data-correct'),
    })),
    right: question.querySelector('.course-check__right strong').textContent,
    others: [...question.querySelectorAll('.course-check__others li strong')].map(strong => strong.textContent),
}))"""


def test_every_explanation_names_the_option_it_explains(desktop_page, site_url):
    """ "B is right", then "Not A", "Not C", "Not D": each wrong option explained under its own letter."""
    page = desktop_page
    page.goto(site_url + MODULE)
    lessons = page.locator(".course-lessons__list a").evaluate_all("links => links.map(link => link.href)")
    assert lessons, "the module overview lists no lessons"
    wrong = []
    for url in lessons:
        page.goto(url, wait_until="domcontentloaded")  # the check is plain HTML
        check = page.locator(".course-check")
        expect(check).to_have_count(1)
        for question in check.evaluate(READ_CHECK):
            right = [o["letter"] for o in question["options"] if o["correct"]]
            others = [o["letter"] for o in question["options"] if not o["correct"]]
            assert len(right) == 1, f"{question['id']}: {len(right)} options marked correct"
            said_right = re.fullmatch(r"(\w) is right\.", question["right"].strip())
            said_others = [re.sub(r"^Not (\w):$", r"\1", text.strip()) for text in question["others"]]
            if not said_right or said_right.group(1) != right[0] or said_others != others:
                wrong.append(
                    f"{url}#{question['id']}: options {''.join(o['letter'] for o in question['options'])}, right {right[0]}; "
                    f"the answer says {question['right']!r} and explains 'Not {', Not '.join(said_others)}' "
                    f"instead of 'Not {', Not '.join(others)}'"
                )
    assert wrong == [], "explanations under the wrong letter:\n" + "\n".join(wrong)


# Every "course:answer" and "course:reveal" event, as the SCORM bridge hears them.
LISTEN = """() => { window.heard = [];
    for (const name of ["course:answer", "course:reveal"]) {
        document.addEventListener(name, event => window.heard.push([name, event.detail.question, event.detail.firstTry]));
    } }"""


def test_an_answer_shown_before_a_first_try_is_not_right_first_time(desktop_page, site_url):
    """Opening "Show the answer" first, then choosing the right option: right, but not right first
    time, in the score and in the event an LMS package records; opening it after a try changes nothing."""
    page = desktop_page
    page.goto(site_url + LESSON)
    check = page.locator(".course-check[data-course-ready]")
    expect(check.locator(".course-check__intro")).to_contain_text("a question whose answer you open before you try it doesn't count")
    page.evaluate(LISTEN)
    questions = check.locator(".course-check__question")
    count = questions.count()
    score = check.locator(".course-check__score")

    first = questions.nth(0)
    first.get_by_text("Show the answer").click()
    expect(first.locator(".course-check__right")).to_be_visible()
    expect(score).to_have_text(f"0 of {count} questions answered correctly so far, 0 right first time.")
    first.locator("input[data-correct]").check()
    first.get_by_role("button", name="Check answer").click()
    expect(first.locator(".course-check__feedback--right")).to_be_visible()
    expect(score).to_have_text(f"1 of {count} questions answered correctly so far, 0 right first time.")

    for number in range(1, count):
        question = questions.nth(number)
        question.locator("input[data-correct]").check()
        question.get_by_role("button", name="Check answer").click()
        expect(question.locator(".course-check__feedback--right")).to_be_visible()
        question.get_by_text("Show the answer").click()  # after the first try: nothing changes
    expect(score).to_have_text(f"Check complete: {count - 1} of {count} right first time.")

    heard = page.evaluate("() => window.heard")
    first_id = first.get_attribute("id")
    assert heard[:2] == [["course:reveal", first_id, None], ["course:answer", first_id, False]]
    assert [name for name, _, _ in heard].count("course:reveal") == 1, heard
    assert all(first_try for name, question, first_try in heard[2:]), heard

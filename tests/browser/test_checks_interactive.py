"""The knowledge check with JavaScript: feedback on each answer, another go, a score, the lesson
marked complete when every question is answered right; with the keyboard alone, and with axe-core."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .helpers import LESSON, blocking_violations, describe_violations, progress_key

pytestmark = [pytest.mark.browser, pytest.mark.curriculum]  # on this repository's sample modules

SLUG = LESSON.rstrip("/").rsplit("/", 1)[1]
LESSON_ID = "questioning-skills/" + SLUG


def why(page, radio) -> str:
    """The explanation the page gives for one option (in its "Show the answer"), without the "Not B:" label."""
    return page.evaluate(
        """id => { const copy = document.getElementById(id).cloneNode(true);
                   copy.querySelectorAll('strong').forEach(s => s.remove());
                   return copy.textContent.trim(); }""",
        radio.get_attribute("data-why"),
    )


def options(question):
    """(right option, wrong options) of one question, as radio locators."""
    radios = question.locator("input[type=radio]")
    right = question.locator("input[type=radio][data-correct]")
    wrong = [radios.nth(i) for i in range(radios.count()) if radios.nth(i).get_attribute("data-correct") is None]
    return right, wrong


@pytest.fixture
def desktop(browser, site_url):
    """A desktop page: keyboard use is checked once, on the screen it is used with."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


def test_a_wrong_answer_explains_why_and_invites_another_go_then_a_right_one_is_confirmed(page, site_url):
    page.goto(site_url + LESSON)
    question = page.locator(".course-check__question").first
    feedback = question.locator(".course-check__feedback")
    expect(feedback).to_have_attribute("aria-live", "polite")
    expect(feedback).to_have_attribute("role", "status")
    expect(page.locator(".course-check__score")).to_have_text("Answer every question to finish the check.")
    right, wrong = options(question)

    wrong[0].check()
    question.get_by_role("button", name="Check answer").click()
    expect(feedback).to_have_text(f"Not quite. {why(page, wrong[0])} Have another go: choose a different answer and check it.")
    expect(page.locator(f"label[for='{wrong[0].get_attribute('id')}']")).to_contain_text("Not this one")  # words, not only colour

    right.check()
    question.get_by_role("button", name="Check answer").click()
    expect(feedback).to_have_text(f"Right. {why(page, right)}")
    expect(page.locator(f"label[for='{right.get_attribute('id')}']")).to_contain_text("Right answer")
    questions = page.locator(".course-check__question").count()
    expect(page.locator(".course-check__score")).to_have_text(f"1 of {questions} questions answered correctly so far, 0 right first time.")
    # The explanations stay available after answering.
    question.locator("summary").click()
    expect(question.locator(".course-check__right")).to_be_visible()


def test_checking_without_choosing_asks_for_an_answer(page, site_url):
    page.goto(site_url + LESSON)
    question = page.locator(".course-check__question").first
    question.get_by_role("button", name="Check answer").click()
    expect(question.locator(".course-check__feedback")).to_have_text("Choose an answer first, then select ‘Check answer’.")
    expect(page.locator(".course-check__score")).to_have_text("Answer every question to finish the check.")


def test_the_whole_check_with_the_keyboard_alone(desktop, site_url):
    """Tab, arrows, Space and Enter only: one question wrong first, the rest right; the score, then
    the lesson is complete. Focus never jumps: it stays on the button the learner pressed."""
    page = desktop
    # Following the table of contents' link sets where the next Tab starts, as it would for a visitor.
    page.goto(site_url + LESSON + f"#knowledge-check-{SLUG}")
    questions = page.locator(".course-check__question")
    count = questions.count()
    assert count >= 3
    for index in range(count):
        question = questions.nth(index)
        radios = question.locator("input[type=radio]")
        correct = [radios.nth(i).get_attribute("data-correct") is not None for i in range(radios.count())].index(True)
        button = question.get_by_role("button", name="Check answer")
        feedback = question.locator(".course-check__feedback")

        page.keyboard.press("Tab")  # into the group: the first option
        expect(radios.first).to_be_focused()
        if index == 0:  # first a wrong answer, then another go
            wrong = 1 if correct == 0 else 0
            for _ in range(wrong):
                page.keyboard.press("ArrowDown")
            page.keyboard.press("Space")
            expect(radios.nth(wrong)).to_be_checked()
            page.keyboard.press("Tab")
            expect(button).to_be_focused()
            page.keyboard.press("Enter")
            expect(feedback).to_contain_text("Not quite.")
            expect(button).to_be_focused()
            page.keyboard.press("Shift+Tab")  # back to the chosen option
            expect(radios.nth(wrong)).to_be_focused()
            for _ in range(wrong):
                page.keyboard.press("ArrowUp")
            page.keyboard.press("Space")
        else:
            page.keyboard.press("Space")
        for _ in range(correct):
            page.keyboard.press("ArrowDown")
        expect(radios.nth(correct)).to_be_checked()
        page.keyboard.press("Tab")
        expect(button).to_be_focused()
        page.keyboard.press("Space" if index % 2 else "Enter")
        expect(feedback).to_contain_text("Right.")
        page.keyboard.press("Tab")  # on to "Show the answer", then the next question
        expect(question.locator("summary")).to_be_focused()

    last = questions.nth(count - 1).locator(".course-check__feedback")
    expect(last).to_contain_text(f"That's every question: {count - 1} of {count} right first time. This lesson is now marked as complete.")
    expect(page.locator(".course-check__score")).to_have_text(f"Check complete: {count - 1} of {count} right first time.")
    expect(page.locator(".course-complete__status")).to_have_text("✓ You've completed this lesson.")
    stored = page.evaluate(f"() => JSON.parse(localStorage.getItem('{progress_key()}'))")
    assert LESSON_ID in stored["done"]


def test_the_check_button_shows_focus(desktop, site_url):
    """WCAG 2.4.7: the added button looks different when focused from the keyboard."""
    page = desktop
    page.goto(site_url + LESSON + f"#knowledge-check-{SLUG}")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    button = page.locator(".course-check__submit").first
    expect(button).to_be_focused()
    box = button.bounding_box()
    clip = {"x": box["x"] - 8, "y": box["y"] - 8, "width": box["width"] + 16, "height": box["height"] + 16}
    focused = page.screenshot(clip=clip, animations="disabled")
    page.evaluate("() => document.activeElement.blur()")
    assert focused != page.screenshot(clip=clip, animations="disabled"), "no visible focus indicator on 'Check answer'"


def test_objectives_link_to_the_questions_and_exercise_that_assess_them(page, site_url):
    page.goto(site_url + LESSON)
    objective = page.locator("#objective-tell-apart")
    expect(objective.locator(".course-coverage")).to_have_text(
        re.compile(r"Practised in: exercise ‘Rewrite the interrogation’\.\s+Checked by: question 1 and question 2\.")
    )
    exercise = objective.get_by_role("link", name="exercise ‘Rewrite the interrogation’")
    exercise.click()
    expect(page).to_have_url(re.compile(f"#{SLUG}-exercise-1$"))
    expect(page.locator(f"#{SLUG}-exercise-1 .admonition-title")).to_have_text("Rewrite the interrogation")
    expect(page.locator(f"#{SLUG}-exercise-1")).to_be_in_viewport()
    objective.get_by_role("link", name="question 2").click()
    expect(page.locator(f"#{SLUG}-q2")).to_be_in_viewport()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_axe_violations_after_answering(page, site_url, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + LESSON)
    question = page.locator(".course-check__question").first
    _right, wrong = options(question)
    wrong[0].check()
    question.get_by_role("button", name="Check answer").click()
    expect(question.locator(".course-check__feedback")).to_contain_text("Not quite.")
    second = page.locator(".course-check__question").nth(1)
    second.locator("input[data-correct]").check()
    second.get_by_role("button", name="Check answer").click()
    expect(second.locator(".course-check__feedback")).to_contain_text("Right.")
    page.get_by_role("button", name="Mark this lesson as complete").click()
    expect(page.locator(".course-complete__status")).to_contain_text("completed")
    blocking = blocking_violations(page, colours_only=scheme == "dark")
    assert blocking == [], describe_violations(blocking)

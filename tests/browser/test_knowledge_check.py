"""The knowledge checks as a learner reads them, once an answer is opened."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .helpers import MODULE

pytestmark = pytest.mark.browser

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

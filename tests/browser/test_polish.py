"""The look of a few things learners met first (issue 13), measured on a phone and a desktop: the
home page's hero buttons and the space under the hero, a knowledge check's question inside its box,
and the words a search hit marks on the page it opens."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .helpers import LESSON, blocking_violations, describe_violations

pytestmark = pytest.mark.browser

SEARCHED = "question"  # a word the lesson uses dozens of times


def pixels(page, selector: str, prop: str) -> float:
    return page.locator(selector).first.evaluate("(node, prop) => parseFloat(getComputedStyle(node)[prop])", prop)


def test_the_hero_buttons_are_as_readable_as_the_page_text(page, site_url):
    page.goto(site_url)
    prose = pixels(page, ".md-content .md-typeset p", "fontSize")
    buttons = page.locator(".course-hero__button")
    expect(buttons).to_have_count(2)
    for index in range(2):
        size = buttons.nth(index).evaluate("button => parseFloat(getComputedStyle(button).fontSize)")
        assert size == prose >= 16, f"hero button {index + 1}: {size} px, the page's text {prose} px"
        assert buttons.nth(index).bounding_box()["height"] >= 44, "a touch target needs about 44 px"


def test_the_page_under_the_hero_starts_close_below_it(page, site_url):
    page.goto(site_url)
    heading = page.locator(".md-content__inner > :first-child")  # "The curriculum" here
    expect(heading).to_be_visible()
    # On a desktop the navigation tabs sit between the hero and the page; on a phone they are hidden.
    above = page.evaluate(
        """() => Math.max(...['.course-hero', '.md-tabs'].map(selector => document.querySelector(selector))
            .filter(node => node && node.offsetHeight).map(node => node.getBoundingClientRect().bottom))"""
    )
    gap = heading.bounding_box()["y"] - above
    assert 8 <= gap <= 40, f"{gap:.0f} px of blank space above the page's first heading (it was 90)"


@pytest.mark.curriculum
def test_a_questions_text_sits_inside_its_box_above_the_options(page, site_url):
    page.goto(site_url + LESSON)
    fieldsets = page.locator(".course-check fieldset")
    assert fieldsets.count() >= 3
    for index in range(fieldsets.count()):
        layout = fieldsets.nth(index).evaluate(
            """fieldset => {
                const legend = fieldset.querySelector('legend').getBoundingClientRect();
                const box = fieldset.getBoundingClientRect();
                return {
                    legendTop: legend.top, legendBottom: legend.bottom, legendLeft: legend.left, legendRight: legend.right,
                    inside: box.top + parseFloat(getComputedStyle(fieldset).borderTopWidth), left: box.left, right: box.right,
                    firstOption: fieldset.querySelector('.course-check__option').getBoundingClientRect().top,
                };
            }"""
        )
        question = f"question {index + 1}: {layout}"
        assert layout["legendTop"] >= layout["inside"], f"the border crosses the text of {question}"
        assert layout["left"] < layout["legendLeft"] and layout["legendRight"] < layout["right"], question
        assert layout["legendBottom"] <= layout["firstOption"], f"the text of {question} runs into its first option"


def open_with_search_marks(page, site_url) -> None:
    """The lesson as a search hit opens it: search.js marks the searched word (as Material's search.highlight did)."""
    page.goto(f"{site_url}{LESSON}?h={SEARCHED}")
    expect(page.locator(".md-content mark").first).to_be_attached()


@pytest.mark.curriculum
def test_a_search_hit_marks_its_words_lightly_and_not_in_headings_or_links(page, site_url):
    open_with_search_marks(page, site_url)
    prose = page.locator(".md-content :is(p, li) > mark")
    expect(prose.first).to_have_text(re.compile(f"^{SEARCHED}$", re.IGNORECASE))
    background = prose.first.evaluate("mark => getComputedStyle(mark).backgroundColor")
    alpha = re.search(r"/ ([\d.]+)\)$|, ([\d.]+)\)$", background)
    assert alpha and float(alpha[1] or alpha[2]) <= 0.2, f"a mark's background is {background}: a light tint, not a block of colour"
    assert prose.first.evaluate("mark => getComputedStyle(mark).boxShadow") != "none", "an underline shows where the word is"
    quiet = page.locator(".md-content :is(h1, a) mark")
    assert quiet.count() > 0
    for index in range(quiet.count()):
        assert quiet.nth(index).evaluate("mark => getComputedStyle(mark).backgroundColor") == "rgba(0, 0, 0, 0)"


@pytest.mark.curriculum
def test_a_mark_does_not_split_a_tag(page, site_url):
    page.goto(site_url + LESSON)
    tags = page.locator(".md-content .md-tag")
    widths = tags.evaluate_all("tags => tags.map(tag => Math.round(tag.getBoundingClientRect().width))")
    open_with_search_marks(page, site_url)
    expect(tags.locator("mark")).not_to_have_count(0)
    assert tags.evaluate_all("tags => tags.map(tag => Math.round(tag.getBoundingClientRect().width))") == widths


@pytest.mark.curriculum
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_marked_words_keep_their_contrast(page, site_url, scheme):
    page.emulate_media(color_scheme=scheme)
    open_with_search_marks(page, site_url)
    blocking = blocking_violations(page, colours_only=True)
    assert blocking == [], describe_violations(blocking)

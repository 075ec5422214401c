"""Material's search, driven as a visitor would on a phone and on a desktop.

Phone: the search field is behind the header's magnifier (label[for=__search]).
Desktop: the field is in the header; both clicking it and the "/" shortcut open search,
so one test uses each.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .helpers import MODULE, content_h1, indexed_title, open_search, search_docs, search_result, type_query

pytestmark = [pytest.mark.browser, pytest.mark.curriculum]  # on this repository's sample modules

# A word in a lesson's prose and in an article.
SHARED_WORD = "empathy"
SHARED_LESSON = MODULE + "why-questions-matter/"
SHARED_ARTICLE = "blog/missing-the-real-training-need/"

# A word that is only in one lesson's key takeaways, a section the course plugin injects.
TAKEAWAY_WORD = "therapeutic"
TAKEAWAY_LESSON = MODULE + "things-and-people/"


def test_a_word_finds_the_lesson_and_the_article_and_opens_the_lesson(page, site_url, built_site):
    indexed = search_docs(built_site, SHARED_WORD)
    assert any(loc.startswith(SHARED_LESSON) for loc in indexed) and any(loc.startswith(SHARED_ARTICLE) for loc in indexed), (
        f"the content changed: {SHARED_WORD!r} should be in {SHARED_LESSON} and {SHARED_ARTICLE}; it is in {sorted(indexed)}"
    )
    lesson_title = indexed_title(built_site, SHARED_LESSON)
    article_title = indexed_title(built_site, SHARED_ARTICLE)

    page.goto(site_url)
    open_search(page, how="click")
    type_query(page, SHARED_WORD)

    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"^\d+ matching documents?$"))
    lesson = search_result(page, SHARED_LESSON)
    article = search_result(page, SHARED_ARTICLE)
    expect(lesson).to_be_visible()
    expect(lesson.locator("h1")).to_have_text(lesson_title)
    expect(article).to_be_visible()
    expect(article.locator("h1")).to_have_text(article_title)

    lesson.click()
    expect(page).to_have_url(re.compile("^" + re.escape(site_url + SHARED_LESSON)))
    assert page.url.startswith(site_url + "modules/"), page.url
    expect(content_h1(page)).to_have_text(lesson_title)
    expect(page.locator("#__search")).not_to_be_checked()


def test_a_word_only_in_the_key_takeaways_finds_that_lesson(page, site_url, built_site):
    indexed = search_docs(built_site, TAKEAWAY_WORD)
    assert list(indexed) == [TAKEAWAY_LESSON + "#key-takeaways"], (
        f"the content changed: {TAKEAWAY_WORD!r} should be only in {TAKEAWAY_LESSON}#key-takeaways; it is in {sorted(indexed)}"
    )
    lesson_title = indexed_title(built_site, TAKEAWAY_LESSON)

    page.goto(site_url)
    open_search(page, how="/")
    type_query(page, TAKEAWAY_WORD)

    expect(page.locator(".md-search-result__meta")).to_have_text("1 matching document")
    expect(search_result(page, TAKEAWAY_LESSON).locator("h1")).to_have_text(lesson_title)
    takeaways = search_result(page, TAKEAWAY_LESSON, "#key-takeaways")
    expect(takeaways).to_be_visible()
    expect(takeaways.locator("h2")).to_have_text("Key takeaways")

    takeaways.click()
    expect(page).to_have_url(re.compile("^" + re.escape(site_url + TAKEAWAY_LESSON) + r".*#key-takeaways$"))
    assert page.url.startswith(site_url + "modules/"), page.url
    expect(content_h1(page)).to_have_text(lesson_title)
    # The section is scrolled into view and search.highlight marks the word inside it.
    expect(page.locator("#key-takeaways")).to_be_in_viewport()
    expect(page.locator(".course-takeaways mark").first).to_have_text(re.compile(f"^{TAKEAWAY_WORD}$", re.IGNORECASE))

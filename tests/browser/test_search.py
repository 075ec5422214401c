"""The site's search (Pagefind, on demand), driven as a visitor would on a phone and on a desktop.

Phone: the search field is behind the header's magnifier (label[for=__search]).
Desktop: the field is in the header; clicking it and the "/" shortcut both open search.
The site is served under site_url's path, as on GitHub Pages, so every address is checked there.
"""

from __future__ import annotations

import gzip
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from macros.outputs.browser import CHROMIUM_ARGS
from tests.brand import REPOSITORY
from tests.search import indexed_pages

from .helpers import (
    CHROMIUM,
    DESKTOP,
    LESSON,
    MODULE,
    blocking_violations,
    content_h1,
    describe_violations,
    indexed_title,
    open_search,
    search_docs,
    search_result,
    settle,
    type_query,
)

pytestmark = [pytest.mark.browser, pytest.mark.curriculum]  # on this repository's sample modules

KB = 1000
FIRST_QUERY_BUDGET = 150 * KB  # gzip, scripts included (issue 14)
COMPRESSED_TYPES = ("text/", "javascript", "json", "xml", "svg")

# A word in a lesson's prose and in an article.
SHARED_WORD = "empathy"
SHARED_LESSON = MODULE + "why-questions-matter/"
SHARED_ARTICLE = "blog/missing-the-real-training-need/"
MODULE_TITLE = "Questioning skills"

# A word that is only in one lesson's key takeaways, a section the course plugin injects.
TAKEAWAY_WORD = "therapeutic"
TAKEAWAY_LESSON = MODULE + "things-and-people/"

# Only in a facilitator note (Handoffs and workflow's answer key): never searchable. Pagefind
# matches stems ("proportionality" finds "proportionate"), so no learner page has a word from its stem.
FACILITATOR_ONLY = "grievance"
FACILITATOR_GUIDE = "modules/internal-customer-service/facilitator/"

# Learner queries of several words: each word may need its own part of the index.
QUERIES = ["handoff to another team", "what to ask first"]


def results_where(page) -> list[str]:
    """Each result's kind and modules, as shown ("Lesson · Questioning skills")."""
    return page.locator(".md-search-result__item .course-search__where").all_inner_texts()


def test_a_word_finds_the_lesson_and_the_article_with_kind_and_module_and_opens_the_lesson(page, site_url, built_site):
    indexed = search_docs(built_site, SHARED_WORD)
    assert SHARED_LESSON in indexed and SHARED_ARTICLE in indexed, (
        f"the content changed: {SHARED_WORD!r} should be in {SHARED_LESSON} and {SHARED_ARTICLE}; it is in {sorted(indexed)}"
    )
    lesson_title = indexed_title(built_site, SHARED_LESSON)
    article_title = indexed_title(built_site, SHARED_ARTICLE)

    page.goto(site_url)
    open_search(page, how="click")
    type_query(page, SHARED_WORD)

    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"^\d+ matching documents?$"))
    lesson = search_result(page, site_url_path(site_url) + SHARED_LESSON)
    article = search_result(page, site_url_path(site_url) + SHARED_ARTICLE)
    expect(lesson.locator("h1")).to_have_text(lesson_title)
    expect(lesson.locator(".course-search__where")).to_have_text(f"Lesson · {MODULE_TITLE}")
    expect(article.locator("h1")).to_have_text(article_title)
    expect(article.locator(".course-search__where")).to_have_text(re.compile(r"^Article( · .+)?$"))
    # The excerpt shows the word where the page uses it, marked.
    expect(lesson.locator("p mark").first).to_have_text(re.compile(f"^{SHARED_WORD}", re.IGNORECASE))

    lesson.click()
    expect(page).to_have_url(re.compile("^" + re.escape(site_url + SHARED_LESSON) + r"\?h=" + SHARED_WORD))
    expect(content_h1(page)).to_have_text(lesson_title)
    expect(page.locator("#__search")).not_to_be_checked()
    # The page marks the searched word, as Material's search did.
    expect(page.locator(".md-content mark[data-md-highlight]").first).to_have_text(re.compile(f"^{SHARED_WORD}$", re.IGNORECASE))


def site_url_path(site_url: str) -> str:
    """The site's path on its host (/course-site/): result links are absolute paths."""
    return "/" + site_url.split("/", 3)[3]


def test_a_word_only_in_the_key_takeaways_finds_that_section_of_the_lesson(page, site_url, built_site):
    indexed = search_docs(built_site, TAKEAWAY_WORD)
    assert list(indexed) == [TAKEAWAY_LESSON], f"the content changed: {TAKEAWAY_WORD!r} should be only in {TAKEAWAY_LESSON}: {indexed}"
    lesson_title = indexed_title(built_site, TAKEAWAY_LESSON)

    page.goto(site_url + LESSON)
    open_search(page, how="/")
    type_query(page, TAKEAWAY_WORD)

    expect(page.locator(".md-search-result__meta")).to_have_text("1 matching document")
    path = site_url_path(site_url) + TAKEAWAY_LESSON
    expect(search_result(page, path).locator("h1")).to_have_text(lesson_title)
    takeaways = search_result(page, path, "#key-takeaways")
    expect(takeaways.locator("h2")).to_have_text("Key takeaways")

    takeaways.click()
    expect(page).to_have_url(re.compile("^" + re.escape(site_url + TAKEAWAY_LESSON) + r".*#key-takeaways$"))
    expect(content_h1(page)).to_have_text(lesson_title)
    expect(page.locator("#key-takeaways")).to_be_in_viewport()
    expect(page.locator(".course-takeaways mark").first).to_have_text(re.compile(f"^{TAKEAWAY_WORD}$", re.IGNORECASE))


def test_the_filters_narrow_the_results_by_kind_and_by_module(page, site_url, built_site):
    kinds = {entry.kind for entry in indexed_pages(built_site).values()}
    assert {"Lesson", "Article", "Module", "Capstone", "Glossary term", "Guide"} <= kinds, kinds
    page.goto(site_url)
    open_search(page)
    type_query(page, "customer")
    everything = count_of(page)

    search = page.locator("[data-course-search]")
    search.get_by_role("button", name="Filter by kind or module").click()
    kind = search.get_by_label("Kind", exact=True)
    expect(kind).to_be_focused()
    kind.select_option("Article")
    type_query_settled(page)
    assert 0 < count_of(page) < everything
    assert results_where(page) and all(where.startswith("Article") for where in results_where(page)), results_where(page)

    kind.select_option("")
    search.get_by_label("Module", exact=True).select_option(MODULE_TITLE)
    type_query_settled(page)
    assert 0 < count_of(page) < everything
    assert all(MODULE_TITLE in where for where in results_where(page)), results_where(page)


def count_of(page) -> int:
    text = page.locator(".md-search-result__meta").inner_text()
    return 0 if text.startswith("No") else int(text.split()[0])


def type_query_settled(page) -> None:
    expect(page.locator(".md-search-result")).not_to_have_attribute("aria-busy", "true")
    settle(page)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_results_are_announced_and_pass_axe_with_the_search_open(page, site_url, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + LESSON)
    open_search(page)
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_attribute("role", "status")
    expect(meta).to_have_attribute("aria-live", "polite")
    type_query(page, "angry customer")
    expect(meta).to_have_text(re.compile(r"^\d+ matching documents?$"))
    search = page.locator("[data-course-search]")
    search.get_by_role("button", name="Filter by kind or module").click()
    expect(search.get_by_label("Module", exact=True)).to_be_visible()
    blocking = blocking_violations(page, colours_only=scheme == "dark")  # the dark palette recolours the same markup
    assert blocking == [], describe_violations(blocking)


def test_slash_focuses_the_search_box_without_typing_a_slash(desktop_page, site_url):
    desktop_page.goto(site_url + LESSON)
    desktop_page.keyboard.press("/")
    field = desktop_page.locator(".md-search__input")
    expect(field).to_be_focused()
    expect(desktop_page.locator("#__search")).to_be_checked()
    expect(field).to_have_value("")
    desktop_page.keyboard.press("Escape")
    expect(desktop_page.locator("#__search")).not_to_be_checked()


def test_the_keyboard_and_more_results_work_as_in_materials_search(desktop_page, site_url):
    page = desktop_page
    page.form_factor = "desktop"
    page.goto(site_url + LESSON)
    open_search(page, how="/")
    type_query(page, "customer")
    items = page.locator(".md-search-result__item")
    expect(items).to_have_count(5)  # five at once: each fetches its page's text
    page.get_by_role("button", name="More results").click()
    expect(items).to_have_count(10)
    expect(items.nth(5).locator("a").first).to_be_focused()
    page.locator(".md-search__input").focus()
    page.keyboard.press("ArrowDown")
    expect(items.first.locator("a").first).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()


def test_a_question_whose_words_no_page_holds_all_still_finds_pages_and_says_what_they_lack(page, site_url):
    page.goto(site_url)
    open_search(page)
    type_query(page, "how to say no nicely")  # no page says "nicely"
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    lacking = page.locator(".md-search-result__terms", has_text="nicely").first
    expect(lacking).to_have_text(re.compile(r"^Missing: "))
    expect(lacking.locator("del", has_text="nicely")).to_be_visible()


def test_a_facilitator_only_phrase_finds_nothing(page, site_url, built_site):
    guide = (built_site / FACILITATOR_GUIDE / "index.html").read_text(encoding="utf-8")
    assert FACILITATOR_ONLY in guide, f"the content changed: {FACILITATOR_ONLY!r} should be in a facilitator note"
    stem = FACILITATOR_ONLY[:-2]
    assert [page.url for page in indexed_pages(built_site).values() if stem in page.text.lower()] == []
    page.goto(site_url)
    open_search(page)
    type_query(page, FACILITATOR_ONLY)
    expect(page.locator(".md-search-result__meta")).to_have_text("No matching documents")
    expect(page.locator(".md-search-result__item")).to_have_count(0)


@pytest.fixture
def published_page(browser, site_url):
    """A desktop page that reaches the test server at the published host name (brand.yml's site_url,
    port 80 mapped to the server's): Material navigates instantly only to URLs of its sitemap, which
    names that host (as in test_progress.py)."""
    host, port = REPOSITORY.host, urlsplit(site_url).port
    chromium = browser.browser_type.launch(
        executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, f"--host-resolver-rules=MAP {host}:80 127.0.0.1:{port}"]
    )
    page = chromium.new_context(**DESKTOP).new_page()
    page.form_factor = "desktop"
    yield page, f"http://{host}{urlsplit(site_url).path}"
    chromium.close()


def test_search_works_after_instant_navigation(published_page):
    page, site_url = published_page
    page.goto(site_url)
    page.evaluate("window.__not_reloaded = true")
    page.locator(f'.md-content a[href$="{MODULE}"]').first.click()  # instant navigation to the module
    expect(page).to_have_url(site_url + MODULE)
    expect(content_h1(page)).to_have_text("Questioning skills")
    page.wait_for_timeout(250)  # Material closes the search 125 ms after a navigation, as a learner never notices
    open_search(page)
    type_query(page, SHARED_WORD)
    search_result(page, site_url_path(site_url) + SHARED_LESSON).click()
    expect(page).to_have_url(re.compile("^" + re.escape(site_url + SHARED_LESSON)))
    expect(page.locator(".md-content mark[data-md-highlight]").first).to_have_text(re.compile(f"^{SHARED_WORD}$", re.IGNORECASE))
    expect(page.locator("#__search")).not_to_be_checked()
    assert page.evaluate("window.__not_reloaded === true"), "a page was loaded in full: instant navigation did not run"


def test_the_first_visit_fetches_nothing_of_the_index_and_the_search_box_starts_it(page, site_url):
    page.goto(site_url + LESSON)
    page.wait_for_load_state("networkidle")
    assert [url for url in page.requests if "/pagefind/" in url] == []
    with page.expect_request(re.compile(r"/pagefind/pagefind\.js$")):
        open_search(page)


@pytest.mark.parametrize("query", QUERIES)
def test_a_first_query_fetches_at_most_150_kb(page, site_url, query):
    responses = []
    page.context.on("response", lambda response: responses.append(response))
    page.goto(site_url + LESSON)
    page.wait_for_load_state("networkidle")
    first_visit = len(responses)
    open_search(page)
    type_query(page, query)
    page.wait_for_load_state("networkidle")
    assert page.locator(".md-search-result__item").count() > 0

    sizes = {}
    for response in responses[first_visit:]:
        if response.url not in sizes and not response.url.startswith("data:"):
            sizes[response.url] = sent_bytes(response)
    total = sum(sizes.values())
    largest = sorted(sizes.items(), key=lambda item: -item[1])
    breakdown = "\n".join(f"  {size / KB:6.1f} KB  {url.removeprefix(site_url)}" for url, size in largest)
    summary = f"first query {query!r} ({page.form_factor}): {total / KB:.1f} KB gzip, {len(sizes)} responses\n{breakdown}"
    print(summary)
    assert any("/pagefind/" in url for url in sizes), summary
    assert total <= FIRST_QUERY_BUDGET, f"over the {FIRST_QUERY_BUDGET / KB:.0f} KB budget: {summary}"


def sent_bytes(response) -> int:
    """What a compressing host sends, as tests/browser/test_transfer.py counts: text at gzip level 1,
    the rest (Pagefind's index files, compressed already) as it is."""
    if 300 <= response.status < 400:
        return 0
    body = response.body()
    kind = response.headers.get("content-type", "")
    if response.headers.get("content-encoding") or not any(part in kind for part in COMPRESSED_TYPES):
        return len(body)
    return len(gzip.compress(body, compresslevel=1))

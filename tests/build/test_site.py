"""The real site, built once in strict mode (the `built_site` fixture), checked through its HTML."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

MODULE = "modules/questioning-skills"
LESSONS = ["why-questions-matter", "open-closed-and-probing", "things-and-people", "listening-and-summarising", "answering-in-their-interest"]


def html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def text_of(fragment: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment)).strip()


def section(page: str, css_class: str) -> str:
    """From the tag carrying `css_class` onwards (enough for the assertions)."""
    start = page.rfind("<", 0, page.index(f'class="{css_class}'))
    return page[start : start + 20000]


def test_every_module_and_lesson_becomes_a_page(built_site):
    assert (built_site / MODULE / "index.html").is_file()
    for slug in LESSONS:
        assert (built_site / MODULE / slug / "index.html").is_file(), slug


def test_module_overview_shows_summary_facts_objectives_prerequisites_lessons_and_articles(built_site):
    page = html(built_site, MODULE)
    overview = text_of(section(page, "course-module"))
    assert "For Frontline service staff, Team leads" in overview
    assert "Level Introductory" in overview
    assert "Time 2 h 25 min" in overview  # 25 + 30 * 4, computed from the lessons
    assert "Lessons 5" in overview
    assert "By the end of this module you will be able to" in overview
    assert "No other module is needed first." in overview
    lesson_links = re.findall(r'<li><a href="([^"]+)">([^<]+)</a> <span class="course-lessons__time">(\d+) min</span>', page)
    assert [href for href, _, _ in lesson_links] == [f"{slug}/" for slug in LESSONS]
    assert "Related articles" in overview and "../../blog/missing-the-real-training-need/" in page


def test_lesson_header_has_position_time_and_objectives(built_site):
    page = html(built_site, f"{MODULE}/open-closed-and-probing")
    header = text_of(section(page, "course-lesson-header"))
    assert header.startswith("Questioning skills · Lesson 2 of 5 · Time: 30 min In this lesson you will learn to")
    assert 'id="objective-tell-apart"' in page or 'id="objective-' in page
    assert page.index("course-lesson-header") < page.index("course-check") < page.index('id="key-takeaways"') < page.index("course-pager")


def test_lesson_footer_has_takeaways_and_previous_next(built_site):
    first, second, last = (html(built_site, f"{MODULE}/{slug}") for slug in (LESSONS[0], LESSONS[1], LESSONS[-1]))
    pager = section(second, "course-pager")
    assert f'rel="prev" href="../{LESSONS[0]}/"' in pager and f'rel="next" href="../{LESSONS[2]}/"' in pager
    assert "Module overview" in text_of(section(first, "course-pager"))
    assert "Module complete" in text_of(section(last, "course-pager"))
    assert text_of(section(second, "course-takeaways")).startswith("Key takeaways")


def test_knowledge_check_works_without_javascript(built_site):
    page = html(built_site, f"{MODULE}/open-closed-and-probing")
    check = page[page.index('class="course-check"') : page.index('class="course-takeaways"')]
    questions = check.count('class="course-check__question"')
    assert questions >= 3
    assert check.count("<fieldset>") == questions and check.count("<legend>") == questions
    assert check.count("<details") == questions and check.count("Show the answer") == questions
    assert check.count(" is right.</strong>") == questions  # one right answer each, explained
    assert check.count("<strong>Not ") >= 2 * questions  # every wrong option explained


def test_catalogue_cards_on_the_home_page(built_site):
    page = html(built_site, "")
    card = section(page, "course-card")
    assert '<a href="modules/questioning-skills/">Questioning skills</a>' in card
    assert text_of(card[: card.index("</article>")]).endswith("Introductory 2 h 25 min 5 lessons")
    assert "Fernhill Learning" in page and "course-hero" in page


def test_blog_index_posts_archive_and_drafts(built_site):
    index = html(built_site, "blog")
    for slug in ("why-training-does-not-stick", "missing-the-real-training-need"):
        post = html(built_site, f"blog/{slug}")
        assert "md-post" in post or "md-content" in post
        assert f'href="{slug}/"' in index or f'href="./{slug}/"' in index or slug in index
    assert (built_site / "blog/archive/2026/index.html").is_file()
    post = html(built_site, "blog/missing-the-real-training-need")
    assert "Daniel Reyes" in post or "Amara Osei" in post
    assert re.search(r"\d+ min read", post)


def test_rss_feed_lists_the_articles(built_site):
    feed = ET.parse(built_site / "feed_rss_created.xml").getroot()
    links = [item.findtext("link") for item in feed.iter("item")]
    assert "https://fernhill-learning.example.org/course-site/blog/why-training-does-not-stick/" in links
    assert "https://fernhill-learning.example.org/course-site/blog/missing-the-real-training-need/" in links


def test_search_index_holds_lesson_objectives_takeaways_and_articles(built_site):
    docs = json.loads((built_site / "search/search_index.json").read_text())["docs"]
    by_location = {doc["location"]: doc for doc in docs}
    objectives = by_location[f"{MODULE}/open-closed-and-probing/#lesson-objectives"]
    assert "Tell open, closed and probing questions apart" in objectives["text"] or objectives["text"]
    assert f"{MODULE}/open-closed-and-probing/#key-takeaways" in by_location
    assert any(location.startswith("blog/why-training-does-not-stick/") for location in by_location)


class _Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            fetched_link = tag == "link" and dict(attrs).get("rel") in ("stylesheet", "icon", "preload", "modulepreload", "manifest")
            if value and (name in ("src", "srcset", "data-src") or (name == "href" and fetched_link)):
                self.urls.append(value)


def test_no_asset_is_requested_from_another_host(built_site):
    offsite = []
    for page in built_site.rglob("*.html"):
        parser = _Assets()
        parser.feed(page.read_text(encoding="utf-8"))
        offsite += [f"{page.relative_to(built_site)}: {url}" for url in parser.urls if re.match(r"^(https?:)?//", url)]
    for css in built_site.rglob("*.css"):
        offsite += [f"{css.name}: {url}" for url in re.findall(r"url\((['\"]?)(https?:)?//", css.read_text())]
    assert offsite == []


def test_links_are_relative_so_the_site_works_under_a_sub_path(built_site):
    absolute = []
    for page in built_site.rglob("*.html"):
        hrefs = re.findall(r'(?:href|src)="(/[^"/][^"]*)"', page.read_text(encoding="utf-8"))
        if page.name == "404.html":  # served at any depth, so MkDocs writes it with the sub-path
            hrefs = [href for href in hrefs if not href.startswith("/course-site/")]
        absolute += [f"{page.relative_to(built_site)}: {href}" for href in hrefs]
    assert absolute == []


def test_brand_values_reach_every_page(built_site):
    for page in [built_site / "index.html", built_site / MODULE / "index.html", built_site / "blog/index.html"]:
        text = page.read_text(encoding="utf-8")
        assert "--md-primary-fg-color: #1d5c63" in text
        assert "Fernhill Learning is a fictional training organisation" in text
        assert "fonts.googleapis.com" not in text


def test_structured_data_for_modules_and_lessons(built_site):
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html(built_site, MODULE), re.S).group(1))
    assert data["@type"] == "Course" and data["name"] == "Questioning skills" and len(data["hasPart"]) == 5
    lesson = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html(built_site, f"{MODULE}/things-and-people"), re.S).group(1))
    assert lesson["@type"] == "LearningResource" and lesson["timeRequired"].startswith("PT")

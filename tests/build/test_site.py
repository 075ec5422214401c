"""The real site, built once in strict mode (the `built_site` fixture), checked through its HTML.

Tests that expect a brand value take `any_site` instead: this site and a rebranded copy, with the
values each one's brand.yml gives. Tests marked `curriculum` name this repository's own lessons.
"""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from macros.curriculum.load import load_curriculum
from macros.render.fragments import minutes
from tests.brand import BuiltSite
from tests.factory import ROOT
from tests.html import curriculum_pages, html, text_of
from tests.search import indexed_pages

MODULE = "modules/questioning-skills"
LESSONS = [
    "why-questions-matter",
    "open-closed-and-probing",
    "things-and-people",
    "listening-and-summarising",
    "answering-in-their-interest",
]


@pytest.fixture(scope="module")
def questioning():
    """The module as the model reads it, for figures the site computes (times, counts)."""
    return load_curriculum(ROOT).module("questioning-skills")


def section(page: str, css_class: str) -> str:
    """From the tag carrying `css_class` onwards (enough for the assertions)."""
    start = page.rfind("<", 0, page.index(f'class="{css_class}'))
    return page[start : start + 20000]


def test_every_module_lesson_and_capstone_becomes_a_page(built_site):
    for module in load_curriculum(ROOT).modules:
        assert (built_site / "modules" / module.id / "index.html").is_file(), module.id
        for page in module.pages:
            assert (built_site / "modules" / module.id / page.slug / "index.html").is_file(), page.source


@pytest.mark.curriculum
def test_module_overview_shows_summary_facts_objectives_prerequisites_lessons_and_articles(built_site, questioning):
    page = html(built_site, MODULE)
    overview = text_of(section(page, "course-module"))
    assert "For Frontline service staff, Team leads" in overview
    assert "Level Introductory" in overview
    total = sum(lesson.duration for lesson in questioning.lessons) + questioning.capstone.duration
    assert f"Time {minutes(total)}" in overview  # added up from the lessons and the capstone
    assert "Lessons 5" in overview
    assert "By the end of this module you will be able to" in overview
    assert "Take these modules first:" in overview and '<a href="../customer-service/">Customer service</a>' in page
    lesson_links = re.findall(r'<li[^>]*><a href="([^"]+)">([^<]+)</a> <span class="course-lessons__time">(\d+) min</span>', page)
    assert [href for href, _, _ in lesson_links] == [f"{slug}/" for slug in LESSONS]
    assert f"To finish: {questioning.capstone.title}" in overview and 'href="capstone/"' in page
    assert "Related articles" in overview and "../../blog/missing-the-real-training-need/" in page


@pytest.mark.curriculum
def test_the_capstone_ends_the_module(built_site, questioning):
    page = html(built_site, f"{MODULE}/capstone")
    header = text_of(section(page, "course-lesson-header"))
    assert header.startswith(f"Questioning skills · Capstone activity · Time: {minutes(questioning.capstone.duration)}")
    assert "This activity practises the module's objectives" in header.replace("&#39;", "'")
    assert "It brings together:" in header and '<a href="../why-questions-matter/">Why questions matter</a>' in page
    pager = text_of(section(page, "course-pager"))
    assert (
        pager.startswith("Previous lesson Answering in the customer's interest".replace("'", "&#39;"))
        or "Answering in the customer" in pager
    )
    assert "Module complete" in pager
    assert "course-check" not in page  # a capstone has no knowledge check of its own


@pytest.mark.curriculum
def test_an_article_ends_with_the_modules_it_supports(built_site):
    page = html(built_site, "blog/missing-the-real-training-need")
    box = text_of(section(page, "course-article-modules"))
    assert box.startswith("Take the course This article supports")
    assert '<a href="../../modules/questioning-skills/">Questioning skills</a>' in page


@pytest.mark.curriculum
def test_glossary_links_lead_to_their_definitions(built_site):
    glossary = html(built_site, "glossary")
    entries = re.findall(r'<dt id="([a-z0-9-]+)">([^<]+)</dt>', glossary)
    names = [name.lower() for _, name in entries]
    assert len(entries) >= 20 and names == sorted(names)  # alphabetical by the term, not its id
    terms = [term_id for term_id, _ in entries]
    lesson = html(built_site, f"{MODULE}/open-closed-and-probing")
    links = re.findall(r'<a class="course-term" href="([^"#]+)#([a-z0-9-]+)" title="[^"]+">', lesson)
    assert links and all(href == "../../../glossary/" and anchor in terms for href, anchor in links)


@pytest.mark.curriculum
def test_lesson_header_has_position_time_and_objectives(built_site):
    page = html(built_site, f"{MODULE}/open-closed-and-probing")
    header = text_of(section(page, "course-lesson-header"))
    assert header.startswith("Questioning skills · Lesson 2 of 5 · Time: 30 min In this lesson you will learn to")
    assert 'id="objective-tell-apart"' in page or 'id="objective-' in page
    assert page.index("course-lesson-header") < page.index("course-check") < page.index('id="key-takeaways"') < page.index("course-pager")


@pytest.mark.curriculum
def test_lesson_footer_has_takeaways_and_previous_next(built_site):
    first, second, last = (html(built_site, f"{MODULE}/{slug}") for slug in (LESSONS[0], LESSONS[1], LESSONS[-1]))
    pager = section(second, "course-pager")
    assert f'rel="prev" href="../{LESSONS[0]}/"' in pager and f'rel="next" href="../{LESSONS[2]}/"' in pager
    assert "Module overview" in text_of(section(first, "course-pager"))
    assert "Capstone activity Capstone:" in text_of(section(last, "course-pager"))
    assert text_of(section(second, "course-takeaways")).startswith("Key takeaways")


@pytest.mark.curriculum
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
    curriculum = load_curriculum(ROOT)
    cards = re.findall(r'<article class="course-card".*?</article>', page, re.DOTALL)
    assert len(cards) == len(curriculum.modules)
    for card, module in zip(cards, curriculum.modules, strict=False):
        assert f'<a href="modules/{module.id}/">{module.title}</a>' in card
        assert text_of(card).endswith(f"{module.level.capitalize()} {minutes(module.duration)} {len(module.lessons)} lessons")
    assert "course-hero" in page


def test_the_home_page_names_the_organisation(any_site: BuiltSite):
    hero = section(html(any_site.path, ""), "course-hero")
    heading = re.search(r'<h1 id="course-hero-title">(.*?)</h1>', hero)
    assert heading and unescape(heading.group(1)) == any_site.brand.site_name
    assert any_site.brand.tagline in unescape(text_of(hero))


@pytest.mark.curriculum
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


def test_rss_feed_lists_the_articles(any_site: BuiltSite):
    feed = ET.parse(any_site.path / "feed_rss_created.xml").getroot()
    links = [item.findtext("link") for item in feed.iter("item")]
    articles = load_curriculum(any_site.project).published_articles()
    assert articles and sorted(links) == sorted(any_site.brand.url(f"blog/{article.slug}/") for article in articles)


@pytest.mark.curriculum
def test_search_index_holds_lesson_objectives_takeaways_and_articles(built_site):
    pages = indexed_pages(built_site)
    lesson = pages[f"{MODULE}/open-closed-and-probing/"]
    assert "Tell open, closed and probing questions apart" in lesson.text
    assert {"lesson-objectives", "key-takeaways"} <= set(lesson.anchors)
    assert (lesson.kind, lesson.modules) == ("Lesson", ["Questioning skills"])
    assert pages["blog/why-training-does-not-stick/"].kind == "Article"


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


def test_links_are_relative_so_the_site_works_under_a_sub_path(any_site: BuiltSite):
    absolute = []
    for page in any_site.path.rglob("*.html"):
        hrefs = re.findall(r'(?:href|src)="(/[^"/][^"]*)"', page.read_text(encoding="utf-8"))
        if page.name == "404.html":  # served at any depth, so MkDocs writes it with site_url's path
            hrefs = [href for href in hrefs if not href.startswith(any_site.brand.base_path)]
        absolute += [f"{page.relative_to(any_site.path)}: {href}" for href in hrefs]
    assert absolute == []


def test_brand_values_reach_every_page(any_site: BuiltSite):
    brand = any_site.brand
    module = load_curriculum(any_site.project).modules[0]
    for url in ["", f"modules/{module.id}", "blog"]:
        page = html(any_site.path, url)
        assert f"--md-primary-fg-color: {brand.primary}" in page and f"--md-accent-fg-color: {brand.accent}" in page, url
        assert brand.footer in unescape(text_of(page)), url
        assert re.search(rf'<img src="[^"]*{re.escape(brand.logo)}" alt="', page), f"{url}: not the logo brand.yml names"
        assert re.search(rf'<link rel="icon" href="[^"]*{re.escape(brand.favicon)}"', page), f"{url}: not the favicon brand.yml names"
        assert "fonts.googleapis.com" not in page


@pytest.mark.curriculum
def test_structured_data_for_modules_and_lessons(built_site):
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html(built_site, MODULE), re.S).group(1))
    assert data["@type"] == "Course" and data["name"] == "Questioning skills" and len(data["hasPart"]) == 6  # five lessons and the capstone
    lesson = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html(built_site, f"{MODULE}/things-and-people"), re.S).group(1)
    )
    assert lesson["@type"] == "LearningResource" and lesson["timeRequired"].startswith("PT")


class _Links(HTMLParser):
    """Every id in one page, and every URL it links to or loads: a/area/link href (stylesheets,
    icons, prev/next, canonical), src on any element (images, scripts, frames), srcset, poster."""

    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag in ("a", "area", "link") and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        self.hrefs += [attrs[name] for name in ("src", "poster") if attrs.get(name)]
        self.hrefs += [candidate.split()[0] for candidate in (attrs.get("srcset") or "").split(",") if candidate.strip()]


def test_every_internal_link_and_anchor_resolves(any_site: BuiltSite):
    """Links written by macros and templates too, which MkDocs' own validation never sees: every
    page of the built site (in the navigation or not), every link and asset it names, and every
    url() in the site's stylesheets."""
    built_site = any_site.path
    pages: dict[Path, _Links] = {}
    for path in built_site.rglob("*.html"):
        parser = _Links()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path.resolve()] = parser
    for path in built_site.rglob("*.css"):
        parser = _Links()
        parser.hrefs = [
            url for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", path.read_text(encoding="utf-8")) if not url.startswith("data:")
        ]
        pages[path.resolve()] = parser
    assert len(pages) > curriculum_pages(any_site.project) and sum(len(parser.hrefs) for parser in pages.values()) > 10 * len(pages)
    site_url = any_site.brand.site_url
    base = urlsplit(site_url).path
    broken = []
    for path, parser in pages.items():
        for href in parser.hrefs:
            if href.startswith(site_url):  # canonical links name the published address
                href = base + href[len(site_url) :]
            if re.match(r"^[a-z][a-z0-9+.-]*:", href) or href.startswith("//"):
                continue  # mailto:, https: and the like leave the site
            target, _, anchor = href.partition("#")
            target = target.split("?", 1)[0]
            if target.startswith(base):  # 404.html links from the site's root, as it is served from any depth
                resolved = (built_site / target[len(base) :]).resolve()
            else:
                resolved = (path.parent / target).resolve() if target else path
            if resolved.is_dir():
                resolved = resolved / "index.html"
            if not resolved.exists():
                broken.append(f"{path.relative_to(built_site)}: {href} (no such file)")
            elif anchor and resolved.suffix == ".html" and anchor not in pages[resolved].ids and anchor != "__search":
                broken.append(f"{path.relative_to(built_site)}: {href} (no id '{anchor}' there)")
    assert not broken, "\n".join(sorted(set(broken)))


def test_every_page_links_to_its_own_file_for_editing(any_site: BuiltSite):
    """Curriculum pages link to their file under modules/, not to a path inside docs/."""
    built_site, project = any_site.path, any_site.project
    base = any_site.brand.repo_url.rstrip("/") + "/edit/main/"
    curriculum = load_curriculum(project)
    expected = {f"modules/{module.id}/{page.slug}": page.source for module in curriculum.modules for page in module.pages}
    expected.update({f"modules/{module.id}": module.source for module in curriculum.modules})
    expected.update({f"blog/{article.slug}": article.source for article in curriculum.published_articles()})
    expected["about"] = "docs/about.md"
    for url, source in expected.items():
        links = re.findall(r'<a href="([^"]+)" title="Edit this page"', html(built_site, url))
        assert links == [base + source], f"{url}: {links}"
        assert (project / source).is_file(), source
    # The header's repository link is a plain link: Material's "source" component would call api.github.com.
    assert 'data-md-component="source"' not in html(built_site, "")


def _last_commit(path: str) -> int | None:
    found = subprocess.run(["git", "log", "-1", "--format=%at", "--", path], cwd=ROOT, capture_output=True, text=True)
    return int(found.stdout) if found.returncode == 0 and found.stdout.strip() else None


@pytest.mark.curriculum
def test_last_update_comes_from_the_history_of_each_file(built_site):
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the build falls back to its own date, which is what it should do")
    checked = 0
    for url, source in [
        (f"{MODULE}/things-and-people", f"{MODULE}/things-and-people.md"),
        ("about", "docs/about.md"),
        ("blog/missing-the-real-training-need", "docs/blog/posts/missing-the-real-training-need.md"),
    ]:
        committed = _last_commit(source)
        if committed is None:
            continue  # a file added since the last commit has no history yet
        shown = re.search(
            r'class="git-revision-date-localized-plugin git-revision-date-localized-plugin-date" title="([^"]+)"', html(built_site, url)
        )
        assert shown, f"{url}: no last-update date"
        when = datetime.strptime(shown.group(1), "%B %d, %Y %H:%M:%S %Z").replace(tzinfo=UTC)
        assert int(when.timestamp()) == committed, f"{url}: shows {shown.group(1)}, but {source} was last committed at {committed}"
        checked += 1
    assert checked, "none of the files has a commit yet"


def test_the_guide_lists_every_metadata_field_from_the_schema(built_site):
    from macros.curriculum import schema

    guide = html(built_site, "authoring")
    tables = re.findall(r'<table class="course-reference">.*?</table>', guide, re.DOTALL)
    assert len(tables) == len(schema.SCHEMAS)
    for kind, table in zip(["module", "lesson", "capstone", "glossary", "article", "scenario"], tables, strict=True):
        rules = schema.TERM if kind == "glossary" else schema.SCHEMAS[kind]
        listed = re.findall(r"<tr><td><code>([a-z_]+)</code></td><td>(yes|no)</td>", table)
        assert listed == [(name, "yes" if name in rules.get("required", ()) else "no") for name in rules["properties"]], kind

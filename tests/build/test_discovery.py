"""Sharing and discovery, checked in the built HTML: sitemap, canonical URLs, Open Graph and
Twitter cards, robots.txt and schema.org data (Course for modules, BlogPosting for articles).

Expected values come from brand.yml and the curriculum, never from literals, so the tests hold
for a fork: they run on this site and on a rebranded copy (the `any_site` fixture); copies of the
project check another domain, no site_url, and hostile titles.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from macros.curriculum.load import load_curriculum
from macros.site.discovery import robots_txt
from tests.brand import REPOSITORY, BuiltSite
from tests.factory import Project
from tests.html import HOSTILE, head

SITE_URL = REPOSITORY.site_url
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def page_file(site: Path, url: str, site_url: str) -> Path:
    """The built file an absolute URL of the site stands for."""
    assert url.startswith(site_url), url
    return site / url[len(site_url) :] / "index.html"


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.relative_to(site).as_posix() != "404.html")


def url_of(site: Path, page: Path, site_url: str) -> str:
    folder = page.parent.relative_to(site).as_posix()
    return site_url + ("" if folder == "." else folder + "/")


@pytest.fixture
def curriculum(any_site: BuiltSite):
    return load_curriculum(any_site.project)


@pytest.fixture
def project(tmp_path) -> Project:
    return Project.copy_of_repo(tmp_path / "project")


def test_the_sitemap_lists_every_module_lesson_capstone_and_article(any_site: BuiltSite, curriculum):
    built_site, site_url = any_site.path, any_site.brand.site_url
    root = ET.parse(built_site / "sitemap.xml").getroot()
    listed = [loc.text.strip() for loc in root.iterfind("s:url/s:loc", SITEMAP_NS)]
    assert len(listed) == len(set(listed))
    expected = []
    for module in curriculum.modules:
        expected.append(f"{site_url}modules/{module.id}/")
        expected += [f"{site_url}modules/{module.id}/{page.slug}/" for page in module.pages]
    expected += [f"{site_url}blog/{article.slug}/" for article in curriculum.published_articles()]
    assert [url for url in expected if url not in listed] == []
    assert [url for url in listed if not page_file(built_site, url, site_url).is_file()] == []


def test_robots_txt_allows_all_and_names_the_sitemap(any_site: BuiltSite):
    lines = (any_site.path / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["User-agent: *", "Allow: /"]
    assert f"Sitemap: {any_site.brand.site_url}sitemap.xml" in lines


def test_every_page_has_one_canonical_url_and_a_sharing_card(any_site: BuiltSite, curriculum):
    built_site, site_url = any_site.path, any_site.brand.site_url
    articles = {f"{site_url}blog/{a.slug}/" for a in curriculum.published_articles()}
    problems = []
    for page in html_pages(built_site):
        name, tags, url = page.relative_to(built_site).as_posix(), head(page), url_of(built_site, page, site_url)
        if tags.canonical != [url]:
            problems.append(f"{name}: canonical {tags.canonical}, expected [{url}]")
        for key in ("og:title", "og:description", "og:url", "og:type", "og:site_name", "twitter:card", "twitter:title"):
            if len(tags.meta.get(key, [])) != 1 or not tags.meta[key][0]:
                problems.append(f"{name}: {key} {tags.meta.get(key)}")
        if tags.meta.get("og:url") != [url]:
            problems.append(f"{name}: og:url {tags.meta.get('og:url')} is not the canonical URL")
        kind = "article" if url in articles else "website"
        if tags.meta.get("og:type") != [kind]:
            problems.append(f"{name}: og:type {tags.meta.get('og:type')}, expected {kind}")
        if tags.meta.get("og:site_name") != [any_site.brand.site_name]:
            problems.append(f"{name}: og:site_name {tags.meta.get('og:site_name')}")
    assert problems == []


def test_sharing_cards_carry_the_page_title_and_description(any_site: BuiltSite, curriculum):
    built_site = any_site.path
    module = curriculum.modules[0]
    lesson = head(built_site / "modules" / module.id / module.lessons[0].slug / "index.html")
    assert lesson.one("og:title") == lesson.one("twitter:title") == module.lessons[0].title
    assert lesson.one("og:description") == lesson.one("twitter:description") == lesson.one("description")
    if not any_site.brand.social_image:  # no social image in brand.yml: no og:image either
        assert lesson.one("twitter:card") == "summary"
        assert "og:image" not in lesson.meta and "twitter:image" not in lesson.meta
    home = head(built_site / "index.html")
    assert home.one("og:title") == any_site.brand.site_name


def test_module_pages_describe_the_course_and_all_its_lessons(any_site: BuiltSite, curriculum):
    built_site, site_url = any_site.path, any_site.brand.site_url
    for module in curriculum.modules:
        tags = head(built_site / "modules" / module.id / "index.html")
        course = tags.data("Course")
        assert course["name"] == module.title and course["url"] == tags.canonical[0]
        assert course["provider"] == {"@type": "Organization", "name": any_site.brand.site_name, "url": site_url}
        assert course["teaches"] == [objective.text for objective in module.objectives]
        assert course["educationalLevel"] == module.level
        assert course.get("coursePrerequisites", []) == [p.title for p in curriculum.prerequisites_of(module)]
        parts = course["hasPart"]
        assert [part["name"] for part in parts] == [lesson.title for lesson in module.pages]
        for part, lesson in zip(parts, module.pages, strict=False):
            assert part["@type"] == "LearningResource" and part["timeRequired"] == f"PT{lesson.duration}M"
            assert part["url"] == f"{site_url}modules/{module.id}/{lesson.slug}/"
            assert page_file(built_site, part["url"], site_url).is_file()


def test_articles_are_blog_postings(any_site: BuiltSite, curriculum):
    for article in curriculum.published_articles():
        tags = head(any_site.path / "blog" / article.slug / "index.html")
        posting = tags.data("BlogPosting")
        assert posting["headline"] == article.title
        assert posting["description"] == article.description
        assert posting["datePublished"] == article.date.isoformat()
        assert [a["name"] for a in posting["author"]] == [curriculum.authors[a].name for a in article.authors]
        assert posting["url"] == posting["mainEntityOfPage"]["@id"] == tags.canonical[0]
        assert posting["publisher"]["name"] == any_site.brand.site_name
        assert posting["keywords"] == list(article.tags) and posting["articleSection"] == list(article.categories)
        assert tags.one("og:type") == "article" and tags.one("article:published_time") == article.date.isoformat()


@pytest.mark.curriculum
def test_titles_and_descriptions_are_escaped_everywhere(project, tmp_path):
    lesson = project / "modules/questioning-skills/things-and-people.md"
    title = re.search(r"^title: (.*)$", lesson.read_text(), re.M).group(0)
    project.replace(lesson, title, "title: '" + HOSTILE + "'")
    post = project / "docs/blog/posts/asking-better-questions.md"
    description = re.search(r"^description: (.*)$", post.read_text(), re.M).group(0)
    project.replace(post, description, "description: '" + HOSTILE + "'")
    site = tmp_path / "site"
    result = project.build(site)
    assert result.returncode == 0, result.stdout + result.stderr

    raw = [p.relative_to(site).as_posix() for p in site.rglob("*.html") if "<script>alert(1)" in p.read_text(encoding="utf-8")]
    assert raw == []  # in the nav of every module page, the <title>, the heading, the tags page...

    page = site / "modules/questioning-skills/things-and-people/index.html"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.read_text(encoding="utf-8")
    tags = head(page)
    assert tags.title.startswith(HOSTILE + " - ")
    assert tags.one("og:title") == tags.one("twitter:title") == HOSTILE
    assert tags.data("LearningResource")["name"] == HOSTILE
    course = head(site / "modules/questioning-skills/index.html").data("Course")
    assert HOSTILE in [part["name"] for part in course["hasPart"]]

    article = head(site / "blog/asking-better-questions/index.html")
    assert article.one("description") == article.one("og:description") == article.one("twitter:description") == HOSTILE
    assert article.data("BlogPosting")["description"] == HOSTILE


@pytest.mark.parametrize("site_url", ["https://learn.example.com/", ""], ids=["custom-domain", "no-site-url"])
def test_urls_follow_the_forks_site_url(project, tmp_path, site_url):
    project.replace("brand.yml", f"site_url: {SITE_URL}", f"site_url: '{site_url}'")
    site = tmp_path / "site"
    result = project.build(site, strict=bool(site_url))  # without a site_url the feeds warn
    assert result.returncode == 0, result.stdout + result.stderr
    assert (site / "robots.txt").read_text(encoding="utf-8") == robots_txt(site_url)
    module = load_curriculum(project).modules[0]
    tags = head(site / "modules" / module.id / "index.html")
    parts = tags.data("Course")["hasPart"]
    if site_url:
        assert tags.canonical == tags.meta["og:url"] == [f"{site_url}modules/{module.id}/"]
        assert [part["url"] for part in parts] == [f"{site_url}modules/{module.id}/{lesson.slug}/" for lesson in module.pages]
        assert SITE_URL not in "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    else:  # no canonical URL to give: links stay relative to the page
        assert tags.canonical == [] and "og:url" not in tags.meta
        assert [part["url"] for part in parts] == [f"{lesson.slug}/" for lesson in module.pages]

"""Metadata is text (issue 12): hostile but valid values, built with the real engine, read back
as written wherever they land — pages, nav, tags page, search index, RSS feeds — and are never
HTML, never escaped twice.

One build of the minimal course with HOSTILE (tests/html.py) and `Q&A` in lesson and article
tags, in the blog's authors, in an ordinary page's title and description, in brand.yml, and a
glossary definition with code, a link and emphasis.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.factory import Project
from tests.html import HOSTILE
from tests.search import indexed_pages

QUOTED = "'" + HOSTILE.replace("'", "''") + "'"
AUTHOR_URL = "https://example.org/rowan?a=1&b=2#x'y"  # a " or < > in an address is refused (the corpus)
SOCIAL_URL = "https://example.org/@waymark?a=1&b=2#x'y"
REPO_URL = "https://example.org/waymark/course?a=1&b=2"
EMAIL = "q&a@example.org"
DEFINITION = 'A line (`<b>` & "q") joining [points](https://example.org/?a=1&b=2) of *equal* height.'
DEFINITION_TEXT = 'A line (<b> & "q") joining points of equal height.'
ARTICLE_TITLE = "Fold the map & compass first"  # from its heading: # Fold the map & `compass` first
HEADING_TITLE = "Q&A about & code"  # docs/heading.md: # Q&A about <maps> & `code` (MkDocs drops the tag)
TWICE = ("&amp;lt;", "&amp;gt;", "&amp;amp;", "&amp;quot;", "&amp;#")  # what text escaped twice looks like


def hostile_project(root: Path) -> Project:
    project = Project.minimal(root)
    tags = f"tags: [maps, {QUOTED}, 'Q&A']"
    project.replace("modules/map-reading/symbols.md", "tags: [maps]", tags)
    project.replace(
        "modules/map-reading/symbols.md", "Every walking map has a key.", "Every {{ term('contour') }} and symbol is in the key."
    )
    post = "docs/blog/posts/fold-the-map-first.md"
    project.replace(post, "tags: [maps]", tags)
    project.replace(post, "# Fold the map first", "# Fold the map & `compass` first")
    authors = "docs/blog/.authors.yml"
    project.replace(authors, "name: Rowan Hale", f'name: {QUOTED}\n    url: "{AUTHOR_URL}"')
    project.replace(authors, "description: Hill-walking instructor", f"description: {QUOTED}")
    project.write("docs/about.md", f"---\ntitle: {QUOTED}\ndescription: {QUOTED}\n---\n\nAbout the school.\n")
    project.write("docs/heading.md", "# Q&A about <maps> & `code`\n\nQuestions.\n")
    project.write("docs/tags.md", "# Tags\n\n<!-- material/tags -->\n")
    project.replace(
        "mkdocs.yml", "  - Glossary: glossary.md\n", "  - Glossary: glossary.md\n  - about.md\n  - heading.md\n  - Tags: tags.md\n"
    )
    project.replace(
        "modules/glossary.yml",
        "definition: A line joining points of equal height above sea level.",
        "definition: '" + DEFINITION.replace("'", "''") + "'",
    )
    for key in ("site_name", "site_description", "site_author", "copyright"):
        brand, found = re.subn(rf"^{key}: .*$", f"{key}: {QUOTED}", project.read("brand.yml"), count=1, flags=re.MULTILINE)
        assert found, key
        project.write("brand.yml", brand)
    project.replace("brand.yml", "tagline: Map skills for people who walk in the hills.", f"tagline: {QUOTED}")
    project.replace(
        "brand.yml",
        "footer: Waymark Outdoor School is a made-up school for tests.",
        f"footer: {QUOTED}\n    contact:\n      email: '{EMAIL}'\n  social:\n"
        f'    - icon: fontawesome/brands/mastodon\n      link: "{SOCIAL_URL}"\n      name: {QUOTED}',
    )
    project.append("brand.yml", f"repo_url: '{REPO_URL}'\nrepo_name: {QUOTED}\n")
    return project


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    project = hostile_project(root / "project")
    checked = project.check()
    assert checked.returncode == 0, checked.stdout  # hostile, but valid: nothing to refuse
    built = project.build(root / "site")
    assert built.returncode == 0, built.stdout + built.stderr
    return root / "site"


VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


class Elements(HTMLParser):
    """Every element of a page as a browser reads it: tag, attributes and text, references decoded."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.all: list[dict] = []
        self._open: list[dict] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "text": ""}
        self.all.append(element)
        if tag not in VOID:
            self._open.append(element)

    def handle_endtag(self, tag):
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index]["tag"] == tag:
                del self._open[index:]
                return

    def handle_data(self, data):
        for element in self._open:
            element["text"] += data

    def find(self, tag: str | None = None, css: str | None = None, **attrs: str) -> list[dict]:
        """The elements of the tag, with the class among theirs and the attributes' values."""
        return [
            e
            for e in self.all
            if tag in (None, e["tag"])
            and (css is None or css in (e["attrs"].get("class") or "").split())
            and all(e["attrs"].get(name) == value for name, value in attrs.items())
        ]

    def texts(self, tag: str | None = None, css: str | None = None, **attrs: str) -> list[str]:
        return [" ".join(e["text"].split()) for e in self.find(tag, css, **attrs)]

    def values(self, attribute: str, tag: str, css: str | None = None, **attrs: str) -> list[str]:
        return [e["attrs"][attribute] for e in self.find(tag, css, **attrs) if attribute in e["attrs"]]


def page(site: Path, url: str) -> Elements:
    return Elements((site / url / "index.html").read_text(encoding="utf-8"))


def test_no_value_is_raw_or_escaped_twice_in_any_page_feed_or_index(site):
    written = {
        p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*") if p.suffix in (".html", ".xml", ".json")
    }
    for feed in ("feed_rss_created.xml", "feed_rss_updated.xml"):
        written[feed] = re.sub(r"<description>.*?</description>", "", written[feed], flags=re.DOTALL)
    assert [name for name, text in written.items() if "<script>alert(1)" in text] == []
    # (A feed's <description> is HTML inside XML, escaped twice by design: see the feeds' test.)
    twice = {name: [t for t in TWICE if t in text] for name, text in written.items() if any(t in text for t in TWICE)}
    assert twice == {}
    scripts = [  # a script a browser would run (JSON-LD holds the value as JSON data, which it is)
        name
        for name, text in written.items()
        if name.endswith(".html")
        for script in Elements(text).find("script")
        if "alert(1)" in script["text"] and script["attrs"].get("type") != "application/ld+json"
    ]
    assert scripts == []
    assert "feed_json_created.json" not in written  # RSS only (mkdocs.yml): see macros/site/escaping.py


def test_tags_read_as_written_on_pages_and_the_tags_page(site):
    for url in ("modules/map-reading/symbols", "blog/fold-the-map-first"):
        assert sorted(page(site, url).texts(css="md-tag")) == sorted(["maps", HOSTILE, "Q&A"]), url
    listing = page(site, "tags")
    assert {HOSTILE, "Q&A"} <= set(listing.texts("span", "md-tag"))
    assert {HOSTILE, "Q&A"} <= set(listing.texts("a", "md-nav__link"))  # the page's table of contents


def test_blog_authors_read_as_written_on_articles_and_the_blog_index(site):
    article = page(site, "blog/fold-the-map-first")
    assert article.texts("a", href=AUTHOR_URL) == [HOSTILE]
    assert article.texts(css="md-profile__description") == [f"{HOSTILE} {HOSTILE}"]  # name, then description
    for url in ("blog/fold-the-map-first", "blog"):
        assert HOSTILE in page(site, url).values("alt", "img"), url


def test_ordinary_pages_titles_and_descriptions_are_text_in_head_nav_and_search(site):
    about = page(site, "about")
    assert about.texts("title") == [f"{HOSTILE} - {HOSTILE}"]
    assert about.values("content", "meta", name="description") == [HOSTILE]
    assert about.texts("h1") == [HOSTILE]  # Material writes it: the page has no heading of its own
    assert HOSTILE in about.texts("a", "md-nav__link")
    # Search holds the title and description as text (search.js shows them as text, never HTML).
    indexed = indexed_pages(site)["about/"]
    assert (indexed.title, indexed.meta["description"], indexed.kind) == (HOSTILE, HOSTILE, "Guide")
    # A title from the page's heading is HTML already: it is text once in <title> and labels.
    assert page(site, "heading").texts("title") == [f"{HEADING_TITLE} - {HOSTILE}"]
    assert about.values("aria-label", "a", "md-footer__link--next") == [f"Next: {HEADING_TITLE}"]
    assert HEADING_TITLE in about.texts("a", "md-nav__link")


def test_brand_values_are_text_on_every_page(site):
    home = page(site, "")
    assert home.texts("h1", id="course-hero-title") == home.texts("p", "course-hero__tagline") == [HOSTILE]
    assert page(site, "tags").values("content", "meta", name="description") == [HOSTILE]  # site_description
    for url in ("", "about", "modules/map-reading/symbols", "blog/fold-the-map-first"):
        built = page(site, url)
        assert built.texts("title")[0].endswith(HOSTILE), url
        assert built.values("content", "meta", name="author") == [HOSTILE], url
        assert built.values("aria-label", "a", "md-logo") == [HOSTILE, HOSTILE], url  # header and drawer
        assert HOSTILE in built.texts(css="md-header__topic") and HOSTILE in built.texts("label", "md-nav__title"), url
        assert built.texts(css="md-copyright__highlight") == [HOSTILE], url
        assert built.texts(css="course-footer-line") == [HOSTILE, EMAIL], url
        assert f"mailto:{EMAIL}" in built.values("href", "a"), url
        assert set(built.values("href", "a", "md-source")) == {REPO_URL}, url
        assert set(built.texts(css="md-source__repository")) == {HOSTILE}, url
        assert built.values("href", "a", "md-social__link") == [SOCIAL_URL], url


def test_a_glossary_tooltip_is_the_definition_as_plain_text(site):
    html = (site / "modules/map-reading/symbols/index.html").read_text(encoding="utf-8")
    # One whole link: Markdown found nothing to act on inside it (no <code> or <a> in its title).
    assert re.search(r'<a class="course-term" href="[^"]*#contour" title="[^"<>]*">contour line</a>', html)
    links = Elements(html).find("a", "course-term")
    assert [(link["attrs"]["title"], link["text"]) for link in links] == [(DEFINITION_TEXT, "contour line")]


def test_both_feeds_are_valid_xml_and_read_as_written(site):
    for name in ("feed_rss_created.xml", "feed_rss_updated.xml"):
        channel = ElementTree.parse(site / name).getroot().find("channel")  # raises unless well-formed
        assert channel is not None
        assert channel.findtext("title") == channel.findtext("managingEditor") == HOSTILE
        # RSS 2.0: a description is HTML, which feed readers render: the text, escaped once more.
        description = channel.findtext("description") or ""
        assert unescape(description) == HOSTILE and "<" not in description
        assert channel.findtext("docs") == REPO_URL
        (item,) = channel.findall("item")
        assert item.findtext("title") == ARTICLE_TITLE
        assert item.findtext("author") == HOSTILE
        assert sorted(c.text or "" for c in item.findall("category")) == sorted(["maps", HOSTILE, "Q&A", "Skills"])
        assert item.findtext("source") == HOSTILE

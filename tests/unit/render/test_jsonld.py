"""schema.org data as Python data (render/jsonld.py): the right fields from the model, and JSON that
stays inside its <script> element whatever a title holds."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser

import pytest

from macros.curriculum.load import load_curriculum
from macros.render import jsonld
from tests.factory import ROOT

SITE = jsonld.Site(name="Example Academy", url="https://example.org/course/", language="en")
HOSTILE = 'Say "no" </script><script>alert(1)</script> <!--<script> & mean it'


@pytest.fixture(scope="module")
def curriculum():
    return load_curriculum(ROOT)


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts: list[str] = []
        self._open = False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._open = True
            self.scripts.append("")

    def handle_data(self, data):
        if self._open:
            self.scripts[-1] += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._open = False


def scripts_in(html: str) -> list[str]:
    parser = _Scripts()
    parser.feed(html)
    return parser.scripts


def test_absolute_url_joins_under_the_site_path():
    assert jsonld.absolute_url("https://example.org/course/", "modules/a/") == "https://example.org/course/modules/a/"
    assert jsonld.absolute_url("https://example.org/course", "modules/a/") == "https://example.org/course/modules/a/"
    assert jsonld.absolute_url("https://example.org/course/", "/images/card.png") == "https://example.org/course/images/card.png"


def test_a_module_is_a_course_with_its_pages_as_parts(curriculum):
    module = next(m for m in curriculum.modules if m.prerequisites)
    prerequisites = curriculum.prerequisites_of(module)
    data = jsonld.course(module, prerequisites, SITE, "https://example.org/course/m/", lambda path: "full:" + path)
    assert data["@type"] == "Course"
    assert (data["name"], data["description"], data["educationalLevel"]) == (module.title, module.summary, module.level)
    assert data["timeRequired"] == f"PT{module.duration}M"
    assert data["teaches"] == [objective.text for objective in module.objectives]
    assert data["provider"] == {"@type": "Organization", "name": SITE.name, "url": SITE.url}
    assert [part["url"] for part in data["hasPart"]] == ["full:" + page.path for page in module.pages]
    assert data["coursePrerequisites"] == [p.title for p in prerequisites]


def test_a_course_without_prerequisites_or_site_url_leaves_them_out(curriculum):
    module = next(m for m in curriculum.modules if not m.prerequisites)
    data = jsonld.course(module, (), replace(SITE, url=""), None, lambda path: path)
    assert "coursePrerequisites" not in data
    assert data["provider"] == {"@type": "Organization", "name": SITE.name}
    assert data["url"] is None


def test_a_lesson_and_a_capstone_are_learning_resources_of_their_course(curriculum):
    module = next(m for m in curriculum.modules if m.capstone)
    for step in (module.lessons[0], module.capstone):
        data = jsonld.learning_resource(step, module, "https://example.org/course/x/")
        assert data["@type"] == "LearningResource"
        assert data["isPartOf"] == {"@type": "Course", "name": module.title}
        assert data["teaches"] == [objective.text for objective in step.objectives]


def test_an_article_is_a_blog_posting(curriculum):
    article = curriculum.published_articles()[0]
    authors = [curriculum.authors[a] for a in article.authors]
    url = "https://example.org/course/blog/x/"
    data = jsonld.blog_posting(article, authors, SITE, url, date(2026, 5, 1), "https://example.org/course/card.png")
    assert data["@type"] == "BlogPosting"
    assert data["datePublished"] == article.date.isoformat() and data["dateModified"] == "2026-05-01"
    assert data["author"] == [{"@type": "Person", "name": author.name} for author in authors]
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert data["image"] == "https://example.org/course/card.png"
    bare = jsonld.blog_posting(article, authors, SITE, None, None, "")
    assert not {"dateModified", "url", "mainEntityOfPage", "image"} & set(bare)


def test_a_hostile_title_stays_inside_the_json_string(curriculum):
    article = replace(curriculum.published_articles()[0], title=HOSTILE, description=HOSTILE)
    text = jsonld.script_json(jsonld.blog_posting(article, [], SITE, None, None, ""))
    page = f'<html><head><script type="application/ld+json">{text}</script></head><body><p>after</p></body></html>'
    assert "<" not in text
    assert scripts_in(page) == [str(text)]  # one script, ended by its own end tag only
    assert json.loads(text)["headline"] == HOSTILE


def test_script_json_keeps_other_text_as_written():
    text = jsonld.script_json({"name": "Café – ‘quoted’ & <b>bold</b>"})
    assert json.loads(text) == {"name": "Café – ‘quoted’ & <b>bold</b>"}
    assert "Café – ‘quoted’" in text
    assert "\\u003cb>bold\\u003c/b>" in text
    assert text.__html__() == str(text)  # Markup: written as it is by an autoescaping template

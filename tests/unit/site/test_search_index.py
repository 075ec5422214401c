"""Indexing a built site for search (site/search_index.py), with the real Pagefind binary on a few
hand-written pages: only pages marked data-pagefind-body are indexed, what is about the page
rather than its subject is left out, a site with nothing to search gets no index, and only the
files a browser loads stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.site import search_index
from macros.site.search_index import index_site
from tests.search import indexed_pages

LESSON = """<!doctype html><html lang="en"><head><title>Lesson</title></head><body>
<nav>Site navigation words: zebra</nav>
<div data-pagefind-body data-pagefind-filter="kind[data-kind]" data-kind="Lesson">
<h1>Reading contours</h1>
<p class="course-meta"><a href="../">Map reading</a> · Lesson 1 of 2</p>
<p>Contour lines close together mean a steep slope.</p>
<p data-search-exclude>Mark this lesson as complete</p>
</div></body></html>"""

GUIDE = """<!doctype html><html lang="en"><head><title>Guide</title></head><body>
<h1>Facilitator guide</h1><p>The answer key: steep slope.</p></body></html>"""


def write(site: Path, path: str, text: str) -> None:
    (site / path).parent.mkdir(parents=True, exist_ok=True)
    (site / path).write_text(text, encoding="utf-8")


@pytest.fixture
def site(tmp_path) -> Path:
    site = tmp_path / "site"
    write(site, "modules/map/contours/index.html", LESSON)
    write(site, "modules/map/facilitator/index.html", GUIDE)
    return site


def test_only_marked_pages_are_indexed_with_their_kind(site):
    indexed = index_site(site)
    assert indexed.pages == 1
    pages = indexed_pages(site)
    assert list(pages) == ["modules/map/contours/"]
    lesson = pages["modules/map/contours/"]
    assert (lesson.title, lesson.kind) == ("Reading contours", "Lesson")
    assert "steep slope" in lesson.text
    # Navigation, the lesson's place in its module and a marked control are not its subject.
    for left_out in ("zebra", "Lesson 1 of 2", "Map reading", "complete"):
        assert left_out not in lesson.text


def test_only_what_the_browser_loads_is_kept(site):
    index_site(site)
    bundle = site / search_index.BUNDLE
    names = {path.name for path in bundle.iterdir()}
    assert {"pagefind.js", "pagefind-entry.json", "fragment", "index"} <= names
    assert [name for name in names if "-ui" in name or "highlight" in name or "worker" in name or name == "playground"] == []


def test_indexing_again_replaces_the_index(site):
    index_site(site)
    write(site, "modules/map/contours/index.html", LESSON.replace("steep slope", "gentle rise"))
    index_site(site)
    assert "gentle rise" in indexed_pages(site)["modules/map/contours/"].text
    assert len(list((site / "pagefind/fragment").iterdir())) == 1
    assert sorted(path.name for path in site.iterdir()) == ["modules", "pagefind"]  # nothing left beside it


def test_results_can_keep_index_html_for_a_package_without_a_web_server(site):
    index_site(site, keep_index_url=True)
    assert list(indexed_pages(site)) == ["modules/map/contours/index.html"]


def test_a_site_with_nothing_to_search_gets_no_index(tmp_path):
    """Without one marked page Pagefind would index every page, the facilitator guide's answers too."""
    site = tmp_path / "site"
    write(site, "modules/map/facilitator/index.html", GUIDE)
    write(site, "pagefind/pagefind.js", "an index from an earlier build")
    assert index_site(site).pages == 0
    assert not (site / "pagefind").exists()


def test_without_pagefind_the_build_says_how_to_get_it_and_the_last_index_stays(site, tmp_path, monkeypatch):
    index_site(site)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "no-pagefind-here"))  # where the package looks first
    with pytest.raises(search_index.SearchIndexError, match=r"Pagefind did not run .*run `make site`"):
        index_site(site)
    assert list(indexed_pages(site)) == ["modules/map/contours/"]  # a preview still searches the last one
    assert sorted(path.name for path in site.iterdir()) == ["modules", "pagefind"]

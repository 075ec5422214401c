"""What learners can search (site/search_pages.py), read from the built site's Pagefind index: every
module overview, lesson, capstone and article with its kind and modules, the glossary and the
site's own guides; never a facilitator guide, manager's guide, workbook, schedule, listing or the authors' guide."""

from __future__ import annotations

from macros.curriculum.load import load_curriculum
from tests.factory import ROOT, Project
from tests.search import indexed_pages


def test_every_page_of_the_curriculum_is_searched_with_its_kind_and_modules(built_site):
    pages = indexed_pages(built_site)
    curriculum = load_curriculum(ROOT)
    expected = {}
    for module in curriculum.modules:
        expected[f"modules/{module.id}/"] = ("Module", [module.title])
        for step in module.pages:
            expected[f"modules/{module.id}/{step.slug}/"] = (step.kind.value.capitalize(), [module.title])
    for article in curriculum.published_articles():
        expected[f"blog/{article.slug}/"] = ("Article", [module.title for module in curriculum.supported_modules(article)])
    found = {url: (pages[url].kind, pages[url].modules) for url in expected if url in pages}
    assert found == expected
    assert pages["glossary/"].kind == "Glossary term"
    others = {url: page.kind for url, page in pages.items() if url not in expected and url != "glossary/"}
    assert others and set(others.values()) == {"Guide"}, others  # about, how to use the site...


def test_listings_generated_pages_and_the_authors_guide_are_not_searched(built_site):
    urls = set(indexed_pages(built_site))
    never = {"", "curriculum/", "blog/", "tags/", "schedule/"}
    assert urls & never == set()
    left_out = ("authoring/", "blog/archive/", "blog/category/")
    assert [url for url in urls if url.startswith(left_out) or url.endswith(("/workbook/", "/facilitator/", "/manager/"))] == []


def test_a_page_whose_front_matter_says_search_exclude_is_not_searched(tmp_path):
    project = Project.minimal(tmp_path / "project")
    project.write("docs/kit.md", "---\ntitle: Kit list\nsearch:\n  exclude: true\n---\n\nBoots and a compass.\n")
    project.write("docs/safety.md", "---\ntitle: Staying safe\n---\n\nTell someone your route.\n")
    project.replace("mkdocs.yml", "  - Glossary: glossary.md\n", "  - Glossary: glossary.md\n  - kit.md\n  - safety.md\n")
    site = tmp_path / "site"
    result = project.build(site)
    assert result.returncode == 0, result.stdout + result.stderr
    pages = indexed_pages(site)
    assert "kit/" not in pages
    assert pages["safety/"].kind == "Guide"

"""Page kinds decided once (site/pages.py), from the addresses in curriculum/addresses.py."""

from __future__ import annotations

import pytest

from macros.curriculum import addresses
from macros.curriculum.addresses import Generated
from macros.curriculum.load import load_curriculum
from macros.site.pages import ArticlePage, CapstonePage, GeneratedPage, LessonPage, ModuleOverview, course_pages, generated_addresses
from tests.factory import ROOT


@pytest.fixture(scope="module")
def curriculum():
    return load_curriculum(ROOT)


def test_every_page_of_the_curriculum_has_its_kind(curriculum):
    pages = course_pages(curriculum)
    for module in curriculum.modules:
        assert pages[addresses.module_page(module.id)] == ModuleOverview(module)
        for lesson in module.lessons:
            assert pages[addresses.lesson_page(module.id, lesson.slug)] == LessonPage(module, lesson)
        if module.capstone:
            assert pages[addresses.capstone_page(module.id)] == CapstonePage(module, module.capstone)
        assert pages[addresses.workbook_page(module.id)] == GeneratedPage(Generated.WORKBOOK, module)
        assert pages[addresses.facilitator_page(module.id)] == GeneratedPage(Generated.FACILITATOR_GUIDE, module)
    for article in curriculum.articles:
        assert pages[addresses.article_page(article.slug)] == ArticlePage(article)
    assert pages[addresses.SCHEDULE_PAGE] == GeneratedPage(Generated.SCHEDULE)
    assert "index.md" not in pages and "about.md" not in pages


def test_generated_pages_schedule_first_and_a_schedule_of_the_projects_own_wins(curriculum):
    written = generated_addresses(course_pages(curriculum))
    first = curriculum.modules[0].id
    assert written[:6] == [
        addresses.SCHEDULE_PAGE,
        addresses.PRACTICE_PAGE,
        addresses.workbook_page(first),
        addresses.facilitator_page(first),
        addresses.manager_page(first),
        addresses.action_plan_page(first),
    ]
    assert addresses.SCHEDULE_PAGE not in generated_addresses(course_pages(curriculum, own_schedule=True))


def test_the_model_takes_its_paths_from_the_addresses(curriculum):
    module = curriculum.modules[0]
    assert module.path == f"modules/{module.id}/index.md"
    assert module.lessons[0].path == f"modules/{module.id}/{module.lessons[0].slug}.md"
    assert curriculum.articles[0].path == f"blog/posts/{curriculum.articles[0].slug}.md"


@pytest.mark.parametrize(
    ("address", "url", "file", "flat"),
    [
        ("modules/m/index.md", "modules/m/", "modules/m/index.html", "modules/m/index.html"),
        ("modules/m/workbook.md", "modules/m/workbook/", "modules/m/workbook/index.html", "modules/m/workbook.html"),
        ("schedule.md", "schedule/", "schedule/index.html", "schedule.html"),
    ],
)
def test_built_files_and_urls(address, url, file, flat):
    assert addresses.page_url(address) == url
    assert addresses.page_file(address) == file
    assert addresses.page_file(address, directory_urls=False) == flat


def test_printed_handouts():
    assert addresses.pdf_name("m", Generated.WORKBOOK) == "m-workbook.pdf"
    assert addresses.pdf_download("m", Generated.FACILITATOR_GUIDE) == "downloads/m-facilitator.pdf"

"""What each course page is, decided once per build from its address.

    course_pages(curriculum, own_schedule=False) -> {address: ModuleOverview | LessonPage | ...}
    generated_addresses(pages) -> [address, ...]        the pages the site writes itself, schedule first
    ScenarioPage.markdown(page, url) -> str             a practice conversation's page (render/scenario.py)
    with_modules(nav, curriculum, section) -> nav       mkdocs.yml's nav with a section per module

The plugin fills this in on_files and every hook after it looks the page up and dispatches on its
type. Pages of the project's own (home, about, the curriculum index...) are not in it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import escape
from mkdocs.exceptions import PluginError

from macros.curriculum.addresses import MODULE_GENERATED, PRACTICE_PAGE, SCHEDULE_PAGE, Generated, handout_page
from macros.curriculum.model import Article, Capstone, Curriculum, Lesson, Module, Scenario
from macros.render.scenario import Url, scenario_markdown


@dataclass(frozen=True)
class ModuleOverview:
    module: Module


@dataclass(frozen=True)
class LessonPage:
    module: Module
    lesson: Lesson


@dataclass(frozen=True)
class CapstonePage:
    module: Module
    capstone: Capstone


@dataclass(frozen=True)
class ArticlePage:
    article: Article


@dataclass(frozen=True)
class GeneratedPage:
    """A workbook, facilitator guide, manager's guide or action plan (of `module`), the schedule or
    spaced practice (module None); or a practice conversation (ScenarioPage, kind None)."""

    kind: Generated | None
    module: Module | None = None


@dataclass(frozen=True)
class ScenarioPage(GeneratedPage):
    """A practice conversation of `module`, written from its scenarios/<id>.yml like a handout: no
    file of its own, never templated."""

    scenario: Scenario = field(kw_only=True)

    def markdown(self, page, url: Url) -> str:
        """The page's Markdown; its title and description are the scenario's, escaped (the theme
        prints them as HTML)."""
        page.meta["title"], page.meta["description"] = escape(self.scenario.title), escape(self.scenario.summary)
        page.edit_url = None
        assert self.module is not None  # course_pages gives every scenario its module
        return scenario_markdown(self.scenario, self.module, url)


CoursePage = ModuleOverview | LessonPage | CapstonePage | ArticlePage | GeneratedPage


def course_pages(curriculum: Curriculum, own_schedule: bool = False) -> dict[str, CoursePage]:
    """Every page the curriculum makes, by address; `own_schedule`: docs/ has a schedule page, which wins."""
    pages: dict[str, CoursePage] = {} if own_schedule else {SCHEDULE_PAGE: GeneratedPage(Generated.SCHEDULE)}
    pages[PRACTICE_PAGE] = GeneratedPage(Generated.PRACTICE)
    for module in curriculum.modules:
        pages[module.path] = ModuleOverview(module)
        for lesson in module.lessons:
            pages[lesson.path] = LessonPage(module, lesson)
        if module.capstone:
            pages[module.capstone.path] = CapstonePage(module, module.capstone)
        for kind in MODULE_GENERATED:
            pages[handout_page(module.id, kind)] = GeneratedPage(kind, module)
        for scenario in module.scenarios:
            pages[scenario.path] = ScenarioPage(None, module, scenario=scenario)
    for article in curriculum.articles:
        pages[article.path] = ArticlePage(article)
    return pages


def generated_addresses(pages: dict[str, CoursePage]) -> list[str]:
    """The addresses of the pages the site writes (no file of their own), schedule first."""
    return [address for address, page in pages.items() if isinstance(page, GeneratedPage)]


def with_modules(nav: list | None, curriculum: Curriculum, section: str) -> list:
    """mkdocs.yml's nav with a section per module (overview, then lessons in order) appended to
    `section`. Titles are escaped: MkDocs and Material treat nav and page titles as HTML."""
    sections = [
        {escape(module.title): [module.path, *({escape(page.title): page.path} for page in module.pages)]} for module in curriculum.modules
    ]
    for entry in nav or []:
        if isinstance(entry, dict) and section in entry:
            children = entry[section]
            entry[section] = (children if isinstance(children, list) else [children]) + sections
            return nav or []
    raise PluginError(f"mkdocs.yml: nav: no section '{section}' to put the modules in — add '- {section}: [curriculum/index.md]' to nav")

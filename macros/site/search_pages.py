"""Which pages learners search, and what a search result says about each: its kind and its modules.

    search_entry(course_page, page, curriculum) -> SearchEntry | None     (None: not searched)

partials/content.html marks a searched page for Pagefind (`data-pagefind-body`, search_index.py)
and gives it the kind and modules as filters, which the results show and the search box filters by.

Searched: module overviews, lessons, capstones, articles, the glossary, and the site's own pages
(about, how to use the site...), as guides. Not searched: the facilitator guides (answer keys),
the managers' coaching guides (for managers, not learners),
the workbooks, the schedule and spaced practice (they repeat the lessons), the home page and section index pages,
the blog's and the tags' listings, the authors' guide (about running the site, not learning), and
any page whose front matter says `search: {exclude: true}` (Material's own switch, kept).
"""

from __future__ import annotations

from dataclasses import dataclass

from material.plugins.blog.structure import View

from macros.curriculum.addresses import GLOSSARY_PAGE, INDEX
from macros.curriculum.brand import AUTHORS_GUIDE
from macros.curriculum.model import Curriculum
from macros.site.pages import ArticlePage, CapstonePage, CoursePage, GeneratedPage, LessonPage, ModuleOverview


@dataclass(frozen=True)
class SearchEntry:
    kind: str  # "Lesson", "Capstone", "Module", "Article", "Glossary term", "Guide": shown and filtered by
    modules: tuple[str, ...] = ()  # titles of the modules it belongs to or supports


def search_entry(course_page: CoursePage | None, page, curriculum: Curriculum, config) -> SearchEntry | None:
    match course_page:
        case LessonPage(module=module):
            return SearchEntry("Lesson", (module.title,))
        case CapstonePage(module=module):
            return SearchEntry("Capstone", (module.title,))
        case ModuleOverview(module=module):
            return SearchEntry("Module", (module.title,))
        case ArticlePage(article=article):
            return SearchEntry("Article", tuple(module.title for module in curriculum.supported_modules(article)))
        case GeneratedPage():
            return None
    return _own_page_entry(page, config)


def _own_page_entry(page, config) -> SearchEntry | None:
    """A page of the project's own docs/ folder."""
    address = page.file.src_uri
    if isinstance(page, View) or address == INDEX or address.endswith("/" + INDEX) or address.startswith(AUTHORS_GUIDE):
        return None
    search = page.meta.get("search")
    if isinstance(search, dict) and search.get("exclude"):
        return None
    if _lists_tags(page, config):
        return None
    return SearchEntry("Glossary term" if address == GLOSSARY_PAGE else "Guide")


def _lists_tags(page, config) -> bool:
    """The tags plugin fills a page that holds `<!-- material/tags -->` with every tagged page."""
    tags = config.plugins.get("material/tags") or config.plugins.get("tags")
    listings = getattr(tags, "listings", None) or ()
    return any(listing.page.file.src_uri == page.file.src_uri for listing in listings)

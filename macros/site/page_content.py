"""The fragments the plugin puts around each kind of course page's HTML, and their entries in the
page's table of contents (ids and titles from render/fragment_ids.py).

    course_content(course_page, html, page, ctx, pdfs) -> str    (on_page_content)
    toc_entry(fragment_id, *parts) -> AnchorLink

They go into the content, not the theme, so search indexes objectives and takeaways.
"""

from __future__ import annotations

from markupsafe import Markup
from mkdocs.structure.toc import AnchorLink

from macros.curriculum.addresses import Generated, facilitator_page, manager_page, workbook_page
from macros.curriculum.model import Article
from macros.render.fragment_ids import FRAGMENT_IDS as IDS
from macros.render.fragment_ids import FragmentId
from macros.render.page_macros import PageContext
from macros.site.pages import ArticlePage, CapstonePage, CoursePage, LessonPage, ModuleOverview

PrintedHandouts = dict[tuple[str, Generated], str]  # (module id, kind) -> address of its PDF


def toc_entry(fragment: FragmentId, *parts) -> AnchorLink:
    """A heading a fragment adds, as an entry in the page's table of contents."""
    return AnchorLink(fragment.title, fragment(*parts), 2)


def course_content(course_page: CoursePage | None, html: str, page, ctx: PageContext, pdfs: PrintedHandouts) -> str:
    """The page's HTML with its course fragments around it; other pages' as it is."""
    match course_page:
        case LessonPage() as lesson:
            return lesson_content(html, page, lesson, ctx)
        case CapstonePage() as capstone:
            return capstone_content(html, page, capstone, ctx)
        case ModuleOverview() as overview:
            return overview_content(html, page, overview, ctx, pdfs)
        case ArticlePage(article=article) if article.modules or article.sources:
            return article_content(html, page, article, ctx)
    return html


def lesson_content(html: str, page, found: LessonPage, ctx: PageContext) -> str:
    module, lesson = found.module, found.lesson
    previous, following = module.neighbours(lesson)
    header = ctx.render("lesson-header.html", module=module, lesson=lesson, position=module.position(lesson))
    footer = ctx.render("lesson-footer.html", module=module, lesson=lesson, previous=previous, next=following)
    page.toc.items.insert(0, toc_entry(IDS.lesson_objectives))
    if lesson.knowledge_check:
        page.toc.items.append(toc_entry(IDS.knowledge_check, lesson.slug))
    page.toc.items.append(toc_entry(IDS.key_takeaways))
    if lesson.sources:
        page.toc.items.append(toc_entry(IDS.sources))
    return f"{header}\n{html}\n{footer}"


def capstone_content(html: str, page, found: CapstonePage, ctx: PageContext) -> str:
    module, capstone = found.module, found.capstone
    previous, _ = module.neighbours(capstone)
    header = ctx.render("capstone-header.html", module=module, capstone=capstone)
    footer = ctx.render("lesson-footer.html", module=module, lesson=capstone, previous=previous, next=None)
    page.toc.items.insert(0, toc_entry(IDS.capstone_objectives))
    if capstone.sources:
        page.toc.items.append(toc_entry(IDS.sources))
    return f"{header}\n{html}\n{footer}"


def overview_content(html: str, page, found: ModuleOverview, ctx: PageContext, pdfs: PrintedHandouts) -> str:
    """The module's generated overview, with the author's index.md (the page's HTML) as its intro,
    and links to its workbook and guides (and their PDFs, when `make pdf` has printed them)."""
    module, curriculum = found.module, ctx.curriculum
    related = curriculum.related_articles(module)
    printed = {kind: ctx.url(path) for (module_id, kind), path in pdfs.items() if module_id == module.id}
    prerequisites = curriculum.prerequisites_of(module)
    overview = ctx.render("module-overview.html", module=module, intro=Markup(html), prerequisites=prerequisites, related=related)
    handouts = {"workbook": workbook_page(module.id), "guide": facilitator_page(module.id), "manager": manager_page(module.id)}
    workshop = ctx.render("workshop-links.html", pdfs=printed, **handouts)
    headings = (IDS.module_objectives, IDS.before_you_start, IDS.lessons, IDS.after_the_course, IDS.run_as_a_workshop)
    page.toc.items.extend(toc_entry(fragment) for fragment in headings)
    return f"{overview}\n{workshop}"


def article_content(html: str, page, article: Article, ctx: PageContext) -> str:
    """An article ends with its sources, if it lists any, then links to the modules it names."""
    parts = [html]
    if article.sources:
        parts.append(ctx.render("sources.html", sources=article.sources))
        page.toc.items.append(toc_entry(IDS.sources))
    if article.modules:
        parts.append(ctx.render("article-modules.html", modules=ctx.curriculum.supported_modules(article)))
        page.toc.items.append(toc_entry(IDS.take_the_course))
    return "\n".join(parts)

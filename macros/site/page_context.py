"""What the theme's templates get about a course page (`course` in on_page_context): its module,
lesson or article, the sharing image, its schema.org data (render/jsonld.py) as ld+json, and
what search says of it (search_pages.py).

    template_context(course_page, page, config, curriculum, files) -> dict
    edit_url(config, root, source) -> str | None     where to edit a curriculum page's file
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.utils import get_relative_url

from macros.curriculum.model import Curriculum
from macros.render import jsonld
from macros.site.pages import ArticlePage, CapstonePage, CoursePage, LessonPage, ModuleOverview
from macros.site.search_pages import search_entry


def template_context(course_page: CoursePage | None, page, config, curriculum: Curriculum, files: Files) -> dict:
    site = jsonld.Site(config.site_name, config.site_url or "", config.theme["language"])
    image = config.extra["brand"].get("social_image")
    share_image = jsonld.absolute_url(site.url, image) if image and site.url else ""
    data = schema_org(course_page, page, site, share_image, curriculum, files)
    return {
        "module": getattr(course_page, "module", None),
        "lesson": getattr(course_page, "lesson", None) or getattr(course_page, "capstone", None),
        "article": course_page.article if isinstance(course_page, ArticlePage) else None,
        "share_image": share_image,
        "jsonld": jsonld.script_json(data) if data else "",
        "search": search_entry(course_page, page, curriculum, config),  # searched by learners? its kind and modules
    }


def schema_org(
    course_page: CoursePage | None, page, site: jsonld.Site, share_image: str, curriculum: Curriculum, files: Files
) -> dict | None:
    """The page's schema.org data, for the templates' ld+json script."""
    match course_page:
        case ModuleOverview(module=module):
            prerequisites = curriculum.prerequisites_of(module)
            return jsonld.course(module, prerequisites, site, page.canonical_url, lambda path: absolute_url(files, path, page, site.url))
        case LessonPage(module=module, lesson=step) | CapstonePage(module=module, capstone=step):
            return jsonld.learning_resource(step, module, page.canonical_url)
        case ArticlePage(article=article):
            authors = [curriculum.authors[a] for a in article.authors if a in curriculum.authors]
            post = getattr(page, "config", None)  # Material's blog gives a post its front matter as config
            updated = post.date.get("updated") if post is not None else None
            return jsonld.blog_posting(article, authors, site, page.canonical_url, updated.date() if updated else None, share_image)
    return None


def absolute_url(files: Files, path: str, page, site_url: str) -> str:
    """A docs-relative source path as a full URL under site_url (relative to `page` without one)."""
    target = files.get_file_from_path(path)
    if target is None:
        raise PluginError(f"no page at {path}")
    return jsonld.absolute_url(site_url, target.url) if site_url else get_relative_url(target.url, page.url)


def edit_url(config, root: Path, source: str) -> str | None:
    """Where to edit a curriculum page: its file under modules/, not a path inside docs/.

    edit_uri points into docs/ (edit/main/docs/); the repository root is that minus docs/.
    """
    if not config.repo_url or not config.edit_uri:
        return None
    docs = Path(config.docs_dir).resolve().relative_to(root).as_posix() + "/"
    base = config.repo_url.rstrip("/") + "/" + config.edit_uri.strip("/") + "/"
    return (base[: -len(docs)] if base.endswith("/" + docs) else base) + source

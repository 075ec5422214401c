"""The MkDocs side of the course: wiring only.

    on_config        load and validate the curriculum and the brand once; add modules to the nav
    on_files         add every module overview, lesson and capstone from modules/ as a page
    on_page_markdown pick the module or lesson template
    on_page_content  put the lesson header/footer and the module overview around the page's HTML
                     (in the content, so search indexes objectives and takeaways)
    on_page_context  give templates the page's module, lesson or article (for schema.org data)
    on_post_build    write robots.txt; fail the build if any macro call went wrong; else swap the
                     staged build in for site/ (publish.py: a failed build leaves site/ as it was)

The curriculum model, the fragments and the macros know nothing of MkDocs; this file is the
adapter a move to another builder would replace.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urljoin

from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url

from . import brand
from .config import CourseConfig
from .discovery import robots_txt
from .load import INTRO_FILE, load_curriculum
from .model import Curriculum
from .page_macros import PageContext
from .problems import CurriculumError, Problem
from .publish import StagedSite, WarningCounter
from .render import Fragments
from .templating import MacroError

log = logging.getLogger("mkdocs.plugins.course")


class CoursePlugin(BasePlugin[CourseConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.serving = False
        self.curriculum: Curriculum | None = None
        self.files: Files | None = None
        self.fragments = Fragments()
        self.macro_problems: list[Problem] = []
        self.atomic = False
        self.staged: StagedSite | None = None
        self.warnings = WarningCounter()

    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"
        # The preview builds into a temporary folder of its own; a dirty build updates site/ in place.
        self.atomic = command in ("build", "gh-deploy") and not dirty

    # -- loading -------------------------------------------------------------------------------

    def on_config(self, config):
        self.root = Path(config.config_file_path).resolve().parent
        self.macro_problems = []
        problems = brand.check_project(self.root, config.extra.get("brand"))
        try:
            self.curriculum = load_curriculum(
                self.root,
                modules_dir=self.config.modules_dir,
                docs_dir=str(Path(config.docs_dir).resolve().relative_to(self.root)),
                blog_dir=self.config.blog_dir,
            )
        except CurriculumError as error:
            problems.extend(error.problems)
        if any(p.severity == "error" for p in problems):
            raise PluginError("The course has problems; nothing was published.\n" + CurriculumError(problems).report())
        for problem in problems:
            log.warning(str(problem))

        config.extra["brand"] = {**config.extra["brand"], "css": brand.css_colors(config.extra["brand"])}
        if self.atomic:
            self._stage(config)
        self._add_modules_to_nav(config)
        modules = str(self.root / self.config.modules_dir)
        if modules not in [str(Path(w).resolve()) for w in config.watch]:
            config.watch.append(modules)
        return config

    def _stage(self, config) -> None:
        """Build into a staging folder; on_post_build swaps it in, on_build_error throws it away."""
        self.staged = StagedSite(config.site_dir)
        config["site_dir"] = self.staged.begin()
        self.warnings.count = 0
        mkdocs_log = logging.getLogger("mkdocs")
        if config.strict and self.warnings not in mkdocs_log.handlers:
            mkdocs_log.addHandler(self.warnings)

    def _add_modules_to_nav(self, config) -> None:
        """Append a section per module (overview, then lessons in order) to the curriculum section.

        Titles are escaped: MkDocs and Material treat nav and page titles as HTML.
        """
        sections = [
            {escape(module.title): [module.path, *({escape(page.title): page.path} for page in module.pages)]}
            for module in self.curriculum.modules
        ]
        for entry in config.nav or []:
            if isinstance(entry, dict) and self.config.nav_section in entry:
                children = entry[self.config.nav_section]
                entry[self.config.nav_section] = (children if isinstance(children, list) else [children]) + sections
                return
        raise PluginError(
            f"mkdocs.yml: nav: no section '{self.config.nav_section}' to put the modules in — "
            f"add '- {self.config.nav_section}: [curriculum/index.md]' to nav"
        )

    def on_files(self, files: Files, *, config) -> Files:
        for module in self.curriculum.modules:
            intro = self.root / self.config.modules_dir / module.id / INTRO_FILE
            if intro.is_file():
                files.append(self._mounted(config, module.path, intro))
            else:
                files.append(File.generated(config, module.path, content=""))
            for page in module.pages:
                files.append(self._mounted(config, page.path, self.root / page.source))
        self.files = files
        return files

    @staticmethod
    def _mounted(config, src_uri: str, source: Path) -> File:
        """A real file from modules/, shown at src_uri in the docs tree.

        Not File.generated: other plugins treat generated files as having no history (the git
        dates would be the build's), and these are ordinary files under version control.
        """
        file = File(src_uri, src_dir=None, dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls)
        file.abs_src_path = str(source)
        return file

    # -- pages ---------------------------------------------------------------------------------

    def page_context(self, page) -> PageContext:
        """What macros and fragments need to know about the page being built."""
        files = self.files

        def url(path: str) -> str:
            target = files.get_file_from_path(path)
            if target is None:
                raise MacroError(f"no page at {path}", f"check the id, or create the page docs/{path}")
            return get_relative_url(target.url, page.url)

        return PageContext(self.curriculum, page.file.src_uri, url, self.fragments)

    def on_page_markdown(self, markdown, *, page, config, files):
        found = self.curriculum.find_page(page.file.src_uri)
        if found:
            module, lesson = found
            page.meta["template"] = "lesson.html" if lesson else "module.html"
            page.meta.setdefault("title", lesson.title if lesson else module.title)
            page.meta.setdefault("description", lesson.description if lesson else module.summary)
            page.edit_url = self._edit_url(config, lesson.source if lesson else module.source)
        if found or self.curriculum.find_article(page.file.src_uri):
            # Front matter is plain text, but Material writes meta title and description into the
            # page as they are (<title>, <meta name="description">): escape them once, here.
            for key in ("title", "description"):
                if isinstance(page.meta.get(key), str):
                    page.meta[key] = escape(page.meta[key])
        return markdown

    def _edit_url(self, config, source: str) -> str | None:
        """Where to edit a curriculum page: its file under modules/, not a path inside docs/.

        edit_uri points into docs/ (edit/main/docs/); the repository root is that minus docs/.
        """
        if not config.repo_url or not config.edit_uri:
            return None
        docs = Path(config.docs_dir).resolve().relative_to(self.root).as_posix() + "/"
        base = config.repo_url.rstrip("/") + "/" + config.edit_uri.strip("/") + "/"
        return (base[: -len(docs)] if base.endswith("/" + docs) else base) + source

    def on_page_content(self, html, *, page, config, files):
        # Checklists (`- [ ] ...`) are printed tick boxes, never ticked on screen: pymdownx.tasklist
        # writes them as unlabelled disabled inputs, which screen readers announce as a nameless
        # "checkbox, dimmed" before each line. Hide the box; the list item reads as it should.
        html = html.replace('<input type="checkbox" disabled/>', '<input type="checkbox" disabled aria-hidden="true"/>')
        found = self.curriculum.find_page(page.file.src_uri)
        if not found:
            article = self.curriculum.find_article(page.file.src_uri)
            if article and article.modules:
                supported = self.page_context(page).render("article-modules.html", modules=self.curriculum.supported_modules(article))
                page.toc.items.append(AnchorLink("Take the course", "take-the-course", 2))
                return f"{html}\n{supported}"
            return html
        module, lesson = found
        ctx = self.page_context(page)
        if lesson is not None and lesson.kind == "capstone":
            previous, _ = module.neighbours(lesson)
            header = ctx.render("capstone-header.html", module=module, capstone=lesson)
            footer = ctx.render("lesson-footer.html", module=module, lesson=lesson, previous=previous, next=None)
            page.toc.items.insert(0, AnchorLink("What this practises", "capstone-objectives", 2))
            return f"{header}\n{html}\n{footer}"
        if lesson is None:
            related = self.curriculum.related_articles(module)
            overview = ctx.render("module-overview.html", module=module, intro=Markup(html), prerequisites=self.curriculum.prerequisites_of(module), related=related)
            page.toc.items.extend(AnchorLink(title, anchor, 2) for title, anchor in [("Objectives", "module-objectives"), ("Before you start", "before-you-start"), ("Lessons", "lessons")])
            return overview
        previous, following = module.neighbours(lesson)
        header = ctx.render("lesson-header.html", module=module, lesson=lesson, position=module.position(lesson))
        footer = ctx.render("lesson-footer.html", module=module, lesson=lesson, previous=previous, next=following)
        page.toc.items.insert(0, AnchorLink("Objectives", "lesson-objectives", 2))
        if lesson.knowledge_check:
            page.toc.items.append(AnchorLink("Check your understanding", f"knowledge-check-{lesson.slug}", 2))
        page.toc.items.append(AnchorLink("Key takeaways", "key-takeaways", 2))
        return f"{header}\n{html}\n{footer}"

    def on_page_context(self, context, *, page, config, nav):
        found = self.curriculum.find_page(page.file.src_uri)
        context["course"] = {"module": found[0], "lesson": found[1]} if found else {}
        if page.file.generated_by:
            # An overview with no index.md has no file, so no history: the git plugin would show
            # the build's date as "last update". Show none rather than a wrong one.
            for key in [k for k in page.meta if k.startswith("git_")]:
                del page.meta[key]
        if found and found[1] is None:
            context["course"]["prerequisites"] = self.curriculum.prerequisites_of(found[0])
        article = self.curriculum.find_article(page.file.src_uri)
        if article:
            authors = self.curriculum.authors
            context["course"] = {"article": article, "authors": [authors[a] for a in article.authors if a in authors]}
        context["course"]["absolute_url"] = lambda path: self.absolute_url(path, page, config)
        return context

    def absolute_url(self, path: str, page, config) -> str:
        """A docs-relative source path as a full URL under site_url (relative to `page` without one)."""
        target = self.files.get_file_from_path(path)
        if target is None:
            raise PluginError(f"no page at {path}")
        if not config.site_url:
            return get_relative_url(target.url, page.url)
        return urljoin(config.site_url if config.site_url.endswith("/") else config.site_url + "/", target.url)

    # -- errors --------------------------------------------------------------------------------

    def report(self, problem: Problem) -> None:
        """A macro problem: logged now, and the build fails at the end (the preview goes on)."""
        log.error(str(problem))
        self.macro_problems.append(problem)

    @event_priority(-1000)  # last: after every other plugin has written its files
    def on_post_build(self, *, config):
        # Made at build time, not kept in docs/: the Sitemap line needs this fork's site_url.
        # A robots.txt of the project's own in docs/ wins.
        if self.files is None or self.files.get_file_from_path("robots.txt") is None:
            Path(config.site_dir, "robots.txt").write_text(robots_txt(config.site_url), encoding="utf-8")
        if self.macro_problems and not self.serving:
            count = len(self.macro_problems)
            raise PluginError(f"{count} macro problem{'s' if count > 1 else ''} (listed above); the build failed.")
        # In strict mode MkDocs aborts after this event when anything warned: publish nothing then.
        if self.staged and not (config.strict and self.warnings.count):
            config["site_dir"] = self.staged.publish()  # gh-deploy reads site_dir after the build
            self.staged = None

    def on_build_error(self, *, error):
        if self.staged:
            self.staged.discard()
            self.staged = None

    def on_shutdown(self):
        logging.getLogger("mkdocs").removeHandler(self.warnings)

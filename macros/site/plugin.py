"""The MkDocs side of the course: wiring only.

    on_config        load and validate the curriculum and the brand once; add modules to the nav;
                     add the Markdown extension that hides checklist boxes from screen readers
    on_files         add every module overview, lesson and capstone from modules/ as a page, and the
                     generated workbooks, facilitator guides and schedule (workshop.py); decide
                     once what each course page is (pages.py); leave out what is not published
                     (the authors' guide when brand.yml says so, brand and author images nothing uses)
    on_page_markdown pick the module or lesson template; write the generated pages; take facilitator
                     notes out of every learner page (blocks.py)
    on_page_content  put the lesson header/footer and the module overview around the page's HTML
                     (in the content, so search indexes objectives and takeaways)
    on_page_context  give templates the page's module, lesson or article and its schema.org data
                     (page_context.py)
    on_serve         the preview answers every request even while the last build failed: each
                     page shows the problems, and reloads when they are fixed (preview.py); an
                     edit to lessons rebuilds only the pages it shows on (live_update.py)
    on_post_build    write robots.txt; fail the build if any macro call went wrong; else index the
                     staged pages for search (search_index.py) and swap the staged build in for
                     site/ (publish.py: a failed build leaves site/ as it was)

The curriculum model, the fragments and the macros know nothing of MkDocs; this file is the
adapter a move to another builder would replace.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from functools import partial
from pathlib import Path
from urllib.parse import quote

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from macros import checks
from macros.checks import samples
from macros.curriculum import brand
from macros.curriculum.addresses import MODULE_HANDOUTS, SCHEDULE_PAGE, pdf_download, pdf_name
from macros.curriculum.blocks import learner_markdown
from macros.curriculum.load import INTRO_FILE, load_curriculum
from macros.curriculum.model import Curriculum
from macros.curriculum.problems import CurriculumError, Problem
from macros.curriculum.project import Layout, read_rules
from macros.curriculum.schema import CLOCK
from macros.curriculum.tree import SourceTree
from macros.render.fragments import Fragments
from macros.render.inline_markdown import to_text
from macros.render.page_macros import PageContext
from macros.render.schedule import DayRules
from macros.render.tasklist import HiddenCheckboxExtension
from macros.render.templating import MacroError
from macros.render.workshop import as_written
from macros.site import live_update, preview, search_index
from macros.site.config import CourseConfig
from macros.site.discovery import robots_txt
from macros.site.escaping import escape_other_plugins, escape_page_meta
from macros.site.generated import generated_markdown
from macros.site.history import last_commits, updated_html
from macros.site.macros_env import render_body
from macros.site.page_content import PrintedHandouts, course_content
from macros.site.page_context import edit_url, template_context
from macros.site.pages import (
    ArticlePage,
    CapstonePage,
    CoursePage,
    GeneratedPage,
    LessonPage,
    ModuleOverview,
    course_pages,
    generated_addresses,
    with_modules,
)
from macros.site.publish import StagedSite, WarningCounter

log = logging.getLogger("mkdocs.plugins.course")
HH_MM_HINT = 'write it as 24-hour HH:MM in quotes, as in "09:30"'
_ID = re.compile(r'\sid="([^"]+)"')
URL_SAFE = "/:@!$&()*+,;=~%?#"  # kept as they are in an edit URL: everything else is percent-encoded


class CoursePlugin(BasePlugin[CourseConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.serving = False
        self.curriculum = Curriculum(modules=())  # until on_config has loaded the project's
        self.files = Files([])  # until on_files
        self.fragments = Fragments()
        self.macro_problems: list[Problem] = []
        self.tree = SourceTree()  # the files this build read (on_config)
        self.templates = None  # mkdocs-macros' environment, handed over when it loads (macros_env.define_env)
        self.pages: dict[str, CoursePage] = {}  # address -> what the page is, decided in on_files
        self.pdfs: PrintedHandouts = {}
        self.changed: dict[str, int] = {}  # file -> time of its last commit (history.py)
        self.atomic = False
        self.staged: StagedSite | None = None
        self.warnings = WarningCounter()
        self.last_build: live_update.LastBuild | None = None  # while serving: what the quick path reuses
        self.server = None
        self.preview_index = search_index.BackgroundIndex()  # the preview's search, made after each build

    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"
        # The preview builds into a temporary folder of its own; a dirty build updates site/ in place.
        self.atomic = command in ("build", "gh-deploy") and not dirty
        self.preview: preview.Preview | None = None  # while serving, after the first build (on_serve)
        preview.quiet_macros()  # mkdocs-macros' notes only with --verbose

    def on_serve(self, server, *, config, builder):
        self.preview = preview.Preview(config.site_dir)
        self.server = server
        # A failed rebuild must not hang every request; an edit to lessons rebuilds only its pages.
        server.builder = self.preview.keep_answering(server.builder, quick=self._quick_update)
        return server

    def _quick_update(self) -> bool:
        if self.last_build is None:
            return False
        course = live_update.Course(self.root, self.curriculum, self._reload, self._adopt)
        site = Path(self.last_build.config.site_dir)
        quick = live_update.QuickPath(
            course, self.last_build, ask_again=lambda: preview.ask_for_rebuild(self.server), done=lambda: self.preview_index.refresh(site)
        )
        return quick.update(check=lambda: live_update.course_passes(self.root))

    def _reload(self) -> Curriculum:
        """The curriculum from disk, parsing only the files that changed (quick path)."""
        assert self.last_build is not None  # the quick path runs only after a build
        self._next_tree = SourceTree(after=self.tree)
        layout = self._layout(self.last_build.config)
        return load_curriculum(self.root, layout.modules_dir, layout.docs_dir, layout.blog_dir, tree=self._next_tree)

    def _adopt(self, curriculum: Curriculum) -> None:
        self.curriculum, self.tree = curriculum, self._next_tree
        self.pages = course_pages(curriculum, own_schedule=self.own_schedule)

    # -- loading -------------------------------------------------------------------------------

    def on_config(self, config):
        self.root = Path(config.config_file_path).resolve().parent
        if self.serving:  # as the build starts: an edit saved while it runs shows in the next one
            self.watched = [*config.watch, config.docs_dir, config.config_file_path, str(self.root / self.config.modules_dir)]
            self.seen = live_update.snapshot(self.watched)
        self.macro_problems = []
        self.language = config.theme["language"] or "en"
        self.fragments.language = self.language
        # Every file read once, by the checks, the loader and the generated pages; the preview's
        # next build parses again only the files that changed.
        self.tree = SourceTree(after=self.tree if self.serving else None)
        report = checks.check_project(self._layout(config), self.tree)
        problems = report.metadata + self._workshop_day_problems()
        # The content checks' notices (drafts, reviews due) are for `course check`, not reasons to
        # stop a build; in the live preview their errors do not stop it either: a new lesson full
        # of TODOs must still show.
        content = [p for p in report.content if p.severity == "error"]
        problems += [replace(p, severity="warning") for p in content] if self.serving else content
        problems = sorted(set(problems))
        if any(p.severity == "error" for p in problems):
            if self.preview:  # the preview shows them in the browser, on every page (preview.py)
                self.preview.problems = [p for p in problems if p.severity == "error"]
            raise PluginError("The course has problems; nothing was published.\n" + CurriculumError(problems).report())
        for problem in problems:
            log.warning(str(problem))
        if report.curriculum is None:  # only with an error, reported above
            raise PluginError("The curriculum did not load; nothing was published.")
        self.curriculum = report.curriculum

        config.extra["brand"] = {**config.extra["brand"], "css": brand.css_colors(config.extra["brand"])}
        if config.theme.get("logo"):
            config.extra["brand"]["logo_size"] = brand.image_size(Path(config.docs_dir) / config.theme["logo"])
        config.nav = samples.published_nav(config.nav, config.extra["brand"])  # the authors' guide, unless brand.yml leaves it out
        if self.atomic:
            self._stage(config)
        config.nav = with_modules(config.nav, self.curriculum, self.config.nav_section)
        # Checklist boxes hidden from screen readers: render/tasklist.py, run after pymdownx.tasklist.
        config.markdown_extensions.append(HiddenCheckboxExtension())
        modules = str(self.root / self.config.modules_dir)
        if modules not in [str(Path(w).resolve()) for w in config.watch]:
            config.watch.append(modules)
        return config

    def _layout(self, config) -> Layout:
        """The project's layout as MkDocs has read mkdocs.yml (the command line reads it itself)."""
        blog = config.plugins.get("material/blog")
        return Layout(
            root=self.root,
            docs_dir=Path(config.docs_dir).resolve().relative_to(self.root).as_posix(),
            modules_dir=self.config.modules_dir,
            blog_dir=blog.config.blog_dir if blog else self.config.blog_dir,
            pdf_dir=self.config.pdf_dir,
            review_age=self.config.review_age,
            categories=tuple(blog.config.categories_allowed or ()) if blog else (),
            future_drafts=bool(blog and blog.config.draft_if_future_date),
            rules=read_rules(self.config.rules, Path(config.config_file_path)),
            has_config=True,
        )

    def _workshop_day_problems(self) -> list[Problem]:
        day = self.config.workshop
        wrong = [
            Problem("mkdocs.yml", 0, f"plugins.course.workshop.{key}", f"'{day[key]}' is not a time of day", HH_MM_HINT)
            for key in ("start", "end", "lunch_after")
            if not re.match(CLOCK, str(day[key]))
        ]
        if not wrong:
            fields = ("start", "end", "break_after", "break_minutes", "lunch_after", "lunch_minutes")
            self.day_rules = DayRules(**{key: day[key] for key in fields})
        return wrong

    def _stage(self, config) -> None:
        """Build into a staging folder; on_post_build swaps it in, on_build_error throws it away."""
        self.staged = StagedSite(config.site_dir)
        config["site_dir"] = self.staged.begin()
        self.warnings.count = 0
        mkdocs_log = logging.getLogger("mkdocs")
        if config.strict and self.warnings not in mkdocs_log.handlers:
            mkdocs_log.addHandler(self.warnings)

    def on_files(self, files: Files, *, config) -> Files:
        for module in self.curriculum.modules:
            intro = self.root / self.config.modules_dir / module.id / INTRO_FILE
            files.append(self._mounted(config, module.path, intro) if intro.is_file() else File.generated(config, module.path, content=""))
            for page in module.pages:
                files.append(self._mounted(config, page.path, self.root / page.source))
        self.own_schedule = files.get_file_from_path(SCHEDULE_PAGE) is not None  # the project's wins
        self.pages = course_pages(self.curriculum, own_schedule=self.own_schedule)
        for path in generated_addresses(self.pages):
            files.append(File.generated(config, path, content=""))
        self._add_pdfs(config, files)
        for file in samples.left_out(files, self._layout(config), self.tree, config.extra["brand"], config.theme.custom_dir):
            files.remove(file)  # the authors' guide if brand.yml leaves it out, and images nothing names
        self.files = files
        docs = Path(config.docs_dir).resolve().relative_to(self.root).as_posix()
        self.changed = last_commits(self.root, [docs, self.config.modules_dir])
        return files

    def _add_pdfs(self, config, files: Files) -> None:
        """Workbooks and guides printed by `make pdf` (pdf/<module>-<kind>.pdf), when there are any."""
        self.pdfs = {}
        for module in self.curriculum.modules:
            for kind in MODULE_HANDOUTS:
                pdf = self.root / self.config.pdf_dir / pdf_name(module.id, kind)
                if pdf.is_file() and not pdf.is_symlink():  # a link is refused by checks/published.py
                    path = pdf_download(module.id, kind)
                    files.append(self._mounted(config, path, pdf))
                    self.pdfs[(module.id, kind)] = path

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
        escape_other_plugins(config.plugins)  # the blog's authors, the feeds' channel (escaping.py)
        course_page = self.pages.get(page.file.src_uri)
        if isinstance(course_page, GeneratedPage):
            return self._generated_markdown(page, course_page)
        committed = self.changed.get(str(Path(page.file.abs_src_path).resolve())) if page.file.abs_src_path else None
        if committed:
            page.meta["git_revision_date_localized"] = updated_html(committed, self.language)  # Material shows it as "last update"
        markdown = learner_markdown(markdown)  # facilitator notes appear in the facilitator guide only
        match course_page:
            case ModuleOverview(module=module):
                self._curriculum_meta(page, config, "module.html", module.title, module.summary, module.source)
            case LessonPage(lesson=step) | CapstonePage(capstone=step):
                self._curriculum_meta(page, config, "lesson.html", step.title, step.description, step.source)
            case ArticlePage(article=article):
                # The article's title as text. MkDocs' own, from the heading, is HTML, which the
                # rss plugin would escape a second time (Q&amp;amp;A in a feed reader).
                page.meta.setdefault("title", to_text(article.title))
        # Front matter is plain text, but Material and the rss plugin print a page's title,
        # description and tags as they are (<title>, meta tags, nav, tags, search index, feeds):
        # escape them once, here, on every page.
        escape_page_meta(page.meta)
        return markdown

    def _curriculum_meta(self, page, config, template: str, title: str, description: str, source: str) -> None:
        """A module, lesson or capstone page: its template, and what front matter may not set."""
        page.meta["template"] = template
        page.meta.setdefault("title", title)
        page.meta.setdefault("description", description)
        page.edit_url = edit_url(config, self.root, source)

    def _generated_markdown(self, page, generated: GeneratedPage) -> str:
        """A page written from the curriculum (generated.py), never templated as a whole."""
        body = partial(render_body, self.templates, page) if self.templates is not None else as_written
        return generated_markdown(page, generated, self.curriculum, self.page_context(page), self.day_rules, body)

    def on_page_content(self, html, *, page, config, files):
        content = course_content(self.pages.get(page.file.src_uri), html, page, self.page_context(page), self.pdfs)
        # MkDocs checks #anchors against the ids the Markdown made; the header, footer and overview
        # fragments bring their own (#key-takeaways, #lesson-objectives...): tell it about them.
        if page.present_anchor_ids is not None:
            page.present_anchor_ids.update(_ID.findall(content))
        return content

    def on_page_context(self, context, *, page, config, nav):
        if page.edit_url:  # the theme writes it into href="..." as it is: a '"' in a file name must not end the attribute
            page.edit_url = quote(page.edit_url, safe=URL_SAFE)
        context["course"] = template_context(self.pages.get(page.file.src_uri), page, config, self.curriculum, self.files)
        return context

    # -- errors --------------------------------------------------------------------------------

    def report(self, problem: Problem) -> None:
        """A macro problem: logged now, and the build fails at the end (the preview goes on).

        A workbook repeats its lessons' text, and so their macro errors, at the lesson's own file
        and line (macros_env.render_body): each is named once."""
        if problem in self.macro_problems:
            return
        log.error(str(problem))
        self.macro_problems.append(problem)

    @event_priority(-1000)  # last: after every other plugin has written its files
    def on_post_build(self, *, config):
        # Made at build time, not kept in docs/: the Sitemap line needs this fork's site_url.
        # A robots.txt of the project's own in docs/ wins.
        if self.files.get_file_from_path("robots.txt") is None:
            Path(config.site_dir, "robots.txt").write_text(robots_txt(config.site_url), encoding="utf-8")
        if self.macro_problems and not self.serving:
            count = len(self.macro_problems)
            raise PluginError(f"{count} macro problem{'s' if count > 1 else ''} (listed above); the build failed.")
        # In strict mode MkDocs aborts after this event when anything warned: publish nothing then.
        if self.staged and not (config.strict and self.warnings.count):
            search_index.index_site(Path(config.site_dir))  # the staged pages learners search (search_pages.py)
            config["site_dir"] = self.staged.publish()  # gh-deploy reads site_dir after the build
            self.staged = None
        if self.serving:
            self.last_build = live_update.LastBuild(config, self.files, self.nav, self.env, self.watched, self.seen)
            self.preview_index.refresh(Path(config.site_dir))

    def on_nav(self, nav, *, config, files):
        self.nav = nav
        return nav

    @event_priority(-1000)  # last: the quick path renders with the environment every plugin has set up
    def on_env(self, env, *, config, files):
        self.env = env
        return env

    def on_build_error(self, *, error):
        self.last_build = None  # the next edit takes the full rebuild
        if self.staged:
            self.staged.discard()
            self.staged = None

    def on_shutdown(self):
        logging.getLogger("mkdocs").removeHandler(self.warnings)

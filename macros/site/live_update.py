"""The live preview's quick path: after an edit to lessons, rebuild only the pages that show them.

MkDocs 1.6 rebuilds the whole site after any change, which takes a minute at 1,000 lessons; most
edits change one lesson's text or front matter. When every file changed since the last build is a
lesson or a capstone that was already there, `QuickPath.update` reloads the curriculum (the files
that did not change are not parsed again: tree.py, schema_check.py) and rebuilds, in the objects
MkDocs' last full build left (its config and plugin instances, files, navigation and templates):

    a text edit         the page, and its module's workbook and facilitator guide
    a front-matter edit the same, the module's other pages (their navigation shows its title), the
                        pages next to the module (previous/next links), the catalogue, home,
                        glossary, schedule and tags pages, and every page whose last HTML links it

Anything else takes the full rebuild: a file added, removed or renamed, module.yml, an article, a
docs page, mkdocs.yml, brand.yml, templates, a change to the curriculum's shape, or a problem in
the edited lesson (the full rebuild shows it). A full `course check` then runs in the background,
and asks for the full rebuild if the edit broke something elsewhere (a link to a heading it took
out). tests/build/test_preview.py holds the quick path to what a fresh build writes.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import escape
from material.plugins.blog.structure import Post, View
from material.plugins.tags.renderer import Renderer
from mkdocs.commands.build import _build_page, _populate_page  # MkDocs 1.6's own steps, pinned in the lock
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from macros.curriculum.addresses import GLOSSARY_PAGE, INDEX, MODULE_HANDOUTS, SCHEDULE_PAGE, handout_page
from macros.curriculum.model import Capstone, Curriculum, Lesson, Module
from macros.curriculum.problems import CurriculumError

log = logging.getLogger("mkdocs.plugins.course")
# Files editors write beside the one being saved (swap, backup, lock and temporary files): never the site's.
EDITORS_OWN = re.compile(r"^(\..*\.sw[a-p]|.*~|\.#.*|#.*#|4913|sed[A-Za-z0-9]{6}|.*\.tmp)$")

ALWAYS_SHOWN = (INDEX, "curriculum/index.md", GLOSSARY_PAGE, SCHEDULE_PAGE, "tags.md")  # pages that list lessons


# -- what changed ---------------------------------------------------------------------------------


def snapshot(roots: Iterable[str | Path]) -> dict[Path, tuple[int, int]]:
    """Every watched file's (modification time, size)."""
    seen: dict[Path, tuple[int, int]] = {}
    for root in roots:
        root = Path(root)
        if root.is_file():
            stat = root.stat()
            seen[root.resolve()] = (stat.st_mtime_ns, stat.st_size)
            continue
        for folder, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if not d.startswith(".") and d != "__pycache__"]
            for name in files:
                if EDITORS_OWN.match(name):
                    continue
                path = Path(folder, name)
                try:
                    stat = path.stat()
                except OSError:
                    continue  # removed while we looked: the next snapshot sees it gone
                seen[path.resolve()] = (stat.st_mtime_ns, stat.st_size)
    return seen


@dataclass
class Changes:
    modified: list[Path] = field(default_factory=list)
    added: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)


def changes(before: dict[Path, tuple[int, int]], after: dict[Path, tuple[int, int]]) -> Changes:
    return Changes(
        modified=sorted(p for p in after if p in before and after[p] != before[p]),
        added=sorted(p for p in after if p not in before),
        removed=sorted(p for p in before if p not in after),
    )


# -- the last full build --------------------------------------------------------------------------


@dataclass
class LastBuild:
    """What MkDocs' last successful build left, kept by the course plugin while serving."""

    config: MkDocsConfig  # with the plugin instances that built the site
    files: Files
    nav: Navigation
    env: jinja2.Environment  # the theme's, after every plugin's on_env
    watched: list[str]
    seen: dict[Path, tuple[int, int]]  # the snapshot taken as that build started
    waiting: list[Page] = field(default_factory=list)  # pages the last edit shows on, not rebuilt yet

    @property
    def documentation_pages(self):
        return self.files.documentation_pages(inclusion=InclusionLevel.is_in_serve)


@dataclass
class Course:
    """What the quick path needs from the course plugin (plugin.py): its state, and a fresh load."""

    root: Path
    curriculum: Curriculum
    reload: Callable[[], Curriculum]  # the curriculum from disk; raises CurriculumError
    adopt: Callable[[Curriculum], None]  # make it the plugin's (its page table too)


# -- the quick path -------------------------------------------------------------------------------


class QuickPath:
    def __init__(self, course: Course, last: LastBuild, ask_again: Callable[[], None], done: Callable[[], None]):
        self.course = course
        self.last = last
        self.ask_again = ask_again  # has the preview call its builder again, as after a save
        self.done = done  # once every page the edit shows on is rebuilt (the search index follows)
        self._checking: threading.Thread | None = None

    def update(self, check: Callable[[], bool]) -> bool:
        """Rebuild what the edit shows on; False when only a full rebuild will do."""
        started = time.perf_counter()
        now = snapshot(self.last.watched)
        change = changes(self.last.seen, now)
        if change.added or change.removed:
            return _full("a file was added or removed")
        if not change.modified:  # nothing saved since: the pages after the edited ones, if any wait
            self._finish(check)
            return True
        steps = self._edited_steps(change.modified)
        if steps is None:
            return _full("a file other than a lesson changed")
        looked = time.perf_counter()
        try:
            curriculum = self.course.reload()
        except CurriculumError:
            return _full("the curriculum has problems")  # the full rebuild names them on every page
        edited = _edited(self.course.curriculum, curriculum, steps)
        if edited is None:
            return _full("the curriculum's modules or their pages changed")
        pages = self._pages_to_rebuild(edited)
        if pages is None:
            return _full("an article shows the lesson (Material's blog makes its pages once per build)")
        self.course.adopt(curriculum)
        self.last.seen = now
        loaded = time.perf_counter()
        # The edited page first, which the author is looking at: the browser reloads as soon as it
        # is written. The other pages the edit shows on come straight after, in a second pass.
        edited_pages = {edit.step.path for edit in edited}
        first = [page for page in pages if page.file.src_uri in edited_pages]
        later = {page.file.src_uri: page for page in self.last.waiting + pages if page.file.src_uri not in edited_pages}
        self.last.waiting = list(later.values())
        self._rebuild(first, edited)
        log.debug(
            f"Quick rebuild: {looked - started:.2f} s to find the edit, {loaded - looked:.2f} s to load the curriculum "
            f"and choose the pages, {time.perf_counter() - loaded:.2f} s to rebuild the edited ones."
        )
        log.info(f"Rebuilt the edited page in {time.perf_counter() - started:.1f} s; {len(self.last.waiting)} more it shows on next.")
        if self.last.waiting:
            self.ask_again()
        else:
            self._check_in_background(check)
        return True

    def _finish(self, check: Callable[[], bool]) -> None:
        """The other pages the last edit shows on, then the whole course check."""
        if not self.last.waiting:
            return
        started = time.perf_counter()
        pages, self.last.waiting = self.last.waiting, []
        self._rebuild(pages, [])
        log.info(f"Rebuilt {len(pages)} more pages the edit shows on in {time.perf_counter() - started:.1f} s; the rest are as they were.")
        self._check_in_background(check)

    def _edited_steps(self, paths: list[Path]) -> list[str] | None:
        """The edited files as lesson or capstone sources (relative to the project), or None."""
        sources = {
            (self.course.root / step.source).resolve(): step.source for module in self.course.curriculum.modules for step in module.pages
        }
        found = [sources.get(path) for path in paths]
        return None if None in found else [source for source in found if source]

    def _pages_to_rebuild(self, edited: list[Edit]) -> list[Page] | None:
        by_address = {file.src_uri: file.page for file in self.last.documentation_pages}
        addresses: list[str] = []
        for edit in edited:
            addresses += [edit.step.path] + [handout_page(edit.module.id, kind) for kind in MODULE_HANDOUTS]
            if edit.front_matter:
                linking = self._pages_linking(edit.step)
                if linking is None:
                    return None
                addresses += _module_and_neighbours(self.last.nav, edit.module) + list(ALWAYS_SHOWN) + linking
        seen: dict[str, Page] = {}
        for address in addresses:
            page = by_address.get(address)
            if page is not None and address not in seen:
                seen[address] = page
        return list(seen.values())

    def _pages_linking(self, step: Lesson | Capstone) -> list[str] | None:
        """Pages whose text calls macros and whose last HTML links the step: a macro may print its
        title there (a link written in Markdown keeps its own words). None when one of them is an
        article: Material's blog makes its pages once per build."""
        target = "/" + step.path.removesuffix(".md") + "/"
        found = []
        for file in self.last.documentation_pages:
            if file.src_uri.startswith("modules/") or file.page is None or not _calls_macros(file):
                continue
            try:
                text = Path(file.abs_dest_path).read_text(encoding="utf-8")
            except OSError:
                continue
            if target in text:
                if isinstance(file.page, (Post, View)):
                    return None
                found.append(file.src_uri)
        return found

    def _rebuild(self, pages: list[Page], edited: list[Edit]) -> None:
        config, files, nav, env = self.last.config, self.last.files, self.last.nav, self.last.env
        for edit in edited:  # the navigation shows the title MkDocs was given with the nav
            file = files.get_file_from_path(edit.step.path)
            if file is not None and file.page is not None:
                file.page.title = escape(edit.step.title)  # as plugin.py gives it: HTML, escaped once
        tags: Any = config.plugins.get("material/tags")
        for page in pages:
            listings = _forget_listings(tags, page)
            _populate_page(page, config, files)
            if listings:  # Material's tags plugin fills a page's tag lists once per build, in on_env
                renderer = Renderer(env, config)
                for listing in [listing for listing in tags.listings.data if listing.page is page]:
                    tags.listings.populate(listing, tags.mappings, renderer)
        doc_files = self.last.documentation_pages
        for page in pages:
            _build_page(page, config, doc_files, nav, env, excluded=page.file.inclusion.is_excluded())

    def _check_in_background(self, check: Callable[[], bool]) -> None:
        """The whole course check, after the pages show: a full rebuild if the edit broke another page."""
        self.done()

        def run() -> None:
            if not check():
                log.info("The edit broke something the quick rebuild does not show: rebuilding the whole site.")
                self.last.seen = {}  # every file then counts as changed: the quick path steps aside
                self.ask_again()

        self._checking = threading.Thread(target=run, name="course-check", daemon=True)
        self._checking.start()


def course_passes(root: Path) -> bool:
    """Whether the whole course passes what a full build checks (python -m macros.checks), in a
    process of its own at a low priority: the preview stays quick while it runs."""
    try:
        done = subprocess.run(
            [sys.executable, "-m", "macros.checks", str(root)], capture_output=True, text=True, timeout=600, preexec_fn=lower_priority
        )
    except (OSError, subprocess.TimeoutExpired):
        return True  # no verdict: the next full rebuild checks anyway
    for line in done.stdout.splitlines():
        log.debug(f"course check, after a quick rebuild: {line}")
    return done.returncode != 1


def lower_priority() -> None:
    """In a child process: give way to the preview (and the author's editor)."""
    os.nice(10)


def _full(reason: str) -> bool:
    log.debug(f"A full rebuild: {reason}.")
    return False


def _forget_listings(tags, page) -> bool:
    """Take the page's tags and tag lists out of the tags plugin (populating it adds them again)."""
    if tags is None or not tags.config.enabled:
        return False
    tags.mappings.data.pop(page.url, None)  # its tags as they are now come back as it is populated
    mine = {listing for listing in tags.listings.data if listing.page is page}
    tags.listings.data -= mine
    return bool(mine)


def _calls_macros(file: File) -> bool:
    if not file.abs_src_path:
        return True  # written by a plugin: it may say anything
    try:
        text = Path(file.abs_src_path).read_text(encoding="utf-8")
    except OSError:
        return True
    return "{{" in text or "{%" in text


@dataclass
class Edit:
    module: Module
    step: Lesson | Capstone
    front_matter: bool  # False: only the text changed


def _edited(old: Curriculum, new: Curriculum, sources: list[str]) -> list[Edit] | None:
    """The edited steps in the new curriculum, or None when the curriculum changed shape."""
    if _shape(old) != _shape(new):
        return None
    before = {step.source: step for module in old.modules for step in module.pages}
    edits = []
    for module in new.modules:
        for step in module.pages:
            if step.source in sources:
                previous = before[step.source]
                edits.append(Edit(module, step, front_matter=previous != step))
    return edits


def _shape(curriculum: Curriculum) -> list[tuple[str, tuple[str, ...]]]:
    return [(module.id, tuple(step.path for step in module.pages)) for module in curriculum.modules]


def _module_and_neighbours(nav, module: Module) -> list[str]:
    """The module's pages in the navigation, and the page before and after them (footer links)."""
    pages = list(nav.pages)
    inside = [i for i, page in enumerate(pages) if page.file.src_uri.startswith(f"modules/{module.id}/")]
    if not inside:
        return []
    around = [pages[i] for i in (inside[0] - 1, inside[-1] + 1) if 0 <= i < len(pages)]
    return [pages[i].file.src_uri for i in inside] + [page.file.src_uri for page in around]

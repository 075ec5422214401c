"""The pages the checks look at, and the index they look things up in.

    index = Index.build(layout, tree, today)   # every Markdown page, module lessons, glossary ids, drafts
    index.page("modules/m/lesson.md")          # a page by its path in the site
    index.anchors("blog/posts/x.md")           # the ids a link may point at (None: only the build knows)

Pages are read through the shared SourceTree, so the loader and the checks read each file once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from macros.checks.masking import CALLED_NAME, EXPRESSION, HTML_COMMENT, blank, mask_code
from macros.curriculum import addresses
from macros.curriculum.load import GLOSSARY_FILE, INTRO_FILE, MODULE_FILE
from macros.curriculum.problems import Problem, inside
from macros.curriculum.project import Layout
from macros.curriculum.source import MarkdownSource, SourceError
from macros.curriculum.tree import SourceTree
from macros.render.anchors import page_anchors


@dataclass
class Page:
    """A Markdown file as the checks see it."""

    path: Path
    file: str  # relative to the project root
    site: str  # relative to the docs root, as the built site sees it
    text: str
    source: MarkdownSource

    @property
    def front_matter_lines(self) -> range:
        """File lines (1-based) holding the front matter (empty without one)."""
        return range(2, self.source.body_line - 1)


def read_page(layout: Layout, tree: SourceTree, path: Path) -> tuple[Page | None, Problem | None]:
    file = layout.rel(path)
    try:
        text = tree.text(path)
        source = tree.markdown(path)
    except SourceError as error:
        return None, Problem(file, error.line, "", error.message, error.hint)
    return Page(path, file, site_path(layout, path), text.lstrip("\ufeff"), source), None


def site_path(layout: Layout, path: Path) -> str:
    """A source file's path in the site: docs/x.md -> x.md; modules/m/l.md -> modules/m/l.md."""
    path = path.resolve()
    for base, prefix in ((layout.modules.resolve(), addresses.MODULES + "/"), (layout.docs.resolve(), "")):
        try:
            return prefix + path.relative_to(base).as_posix()
        except ValueError:
            continue
    return layout.rel(path)


def markdown_files(layout: Layout) -> list[Path]:
    """Every page: lessons, capstones and introductions in modules/, and everything in docs/."""
    found = [p for folder in layout.module_folders() for p in sorted(folder.glob("*.md")) if p.is_file()]
    if layout.docs.is_dir():
        for path in sorted(layout.docs.rglob("*.md")):
            if path.is_file() and not any(part.startswith(".") for part in path.relative_to(layout.docs).parts):
                found.append(path)
    return [path for path in found if inside(path, layout.root)]  # a link out is reported by load_curriculum, never read


@dataclass
class Index:
    """What the checks look things up in: pages, modules and their lessons, glossary ids, drafts."""

    pages: list[Page]
    modules: dict[str, list[str]]  # module id (folder) -> lesson slugs
    glossary: list[str] | None  # None when glossary.yml cannot be read (load reports why)
    unpublished: dict[str, str]  # site path of a draft or future article -> why it is left out
    problems: list[Problem] = field(default_factory=list)
    _anchors: dict[str, set[str] | None] = field(default_factory=dict, init=False, repr=False)

    @classmethod
    def build(cls, layout: Layout, tree: SourceTree, today: date) -> Index:
        pages, problems = [], []
        for path in markdown_files(layout):
            page, problem = read_page(layout, tree, path)
            if page:
                pages.append(page)
            if problem:
                problems.append(problem)
        modules = {}
        for folder in layout.module_folders():
            data = quiet_yaml(tree, folder / MODULE_FILE)
            lessons = data.get("lessons") if isinstance(data, dict) else None
            modules[folder.name] = [str(s) for s in lessons] if isinstance(lessons, list) else []
        glossary: list[str] | None = []
        glossary_file = layout.modules / GLOSSARY_FILE
        if glossary_file.is_file():
            data = quiet_yaml(tree, glossary_file)
            terms = data.get("terms") if isinstance(data, dict) else None
            glossary = [str(t) for t in terms] if isinstance(terms, dict) else None
        unpublished = {}
        for page in pages:
            if is_article(layout, page):
                why = why_unpublished(layout, page.source.meta, today)
                if why:
                    unpublished[page.site] = why
        return cls(pages, modules, glossary, unpublished, problems)

    @cached_property
    def _by_site(self) -> dict[str, Page]:
        return {page.site: page for page in self.pages}

    @cached_property
    def site_pages(self) -> list[str]:
        """Every page a link may lead to, module overviews included (for did-you-mean)."""
        return [page.site for page in self.pages] + [addresses.module_page(m) for m in self.modules]

    def page(self, site: str) -> Page | None:
        return self._by_site.get(site)

    def anchors(self, site: str) -> set[str] | None:
        """The ids of a page, or None when macros put in ids no one can know before the build.

        Worked out once per page, however many links point at it."""
        if site not in self._anchors:
            self._anchors[site] = self._find_anchors(site)
        return self._anchors[site]

    def _find_anchors(self, site: str) -> set[str] | None:
        page = self.page(site)
        if page is None:  # a module overview the plugin generates has only fragment ids; else unreadable
            return set() if site.endswith("/" + INTRO_FILE) and site.count("/") == 2 and site.split("/")[1] in self.modules else None
        body = HTML_COMMENT.sub(blank, mask_code(page.source.body))
        called = set(CALLED_NAME.findall(" ".join(EXPRESSION.findall(body))))
        if page.source.meta.get("render_macros") is not False and called - {"term", "glossary"}:
            return None
        anchors = page_anchors(body)
        if "glossary" in called:
            anchors.update(self.glossary or ())
        return anchors


def quiet_yaml(tree: SourceTree, path: Path) -> Any:
    """YAML or None: load_curriculum reports what is wrong with the file."""
    try:
        return tree.yaml(path)
    except SourceError:
        return None


def is_article(layout: Layout, page: Page) -> bool:
    try:
        page.path.resolve().relative_to(layout.posts.resolve())
        return True
    except ValueError:
        return False


def article_date(meta: dict) -> date | None:
    value = meta.get("date")
    if isinstance(value, dict):
        value = value.get("created")
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def why_unpublished(layout: Layout, meta: dict, today: date) -> str:
    draft = meta.get("draft")
    if draft is True:
        return "a draft"
    created = article_date(meta)
    if layout.future_drafts and not isinstance(draft, bool) and created and created > today:
        return f"dated {created.isoformat()}, in the future"
    return ""

"""The checks `course check` adds to load_curriculum, made on the files without building the site.

    layout, problems = read_layout(root)            # where things are, from mkdocs.yml
    report = check_project(layout, review_age=365)  # load_curriculum + the checks below, every problem

load_curriculum already checks the metadata (schema, ids, prerequisites, coverage, authors,
capstones, glossary).  Here, on every Markdown page (lessons, capstones, module introductions,
articles and the rest of docs/), module.yml and glossary.yml:

* links to a relative .md file that does not exist (modules/ is mounted at the docs root's
  modules/, so `../../blog/posts/x.md` from a lesson is docs/blog/posts/x.md);
* images that are missing, not published (kept in modules/) or have no alt text;
* placeholders left in: "TODO" in front matter values or text, outside code;
* drafts, and articles dated in the future: a warning each;
* macro calls: `{{ name(...) }}` with an unknown name, arguments that do not fit, or an unknown
  module, lesson or glossary id;
* governance: a module whose `reviewed` date is more than `review_age` days old (a warning);
* categories outside the blog's `categories_allowed`, and the brand block (brand.py).

Every check reads the files itself, so one run reports everything even when the curriculum does
not load.  Nothing here imports MkDocs or click.
"""

from __future__ import annotations

import ast
import difflib
import inspect
import posixpath
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Iterable, Iterator
from urllib.parse import unquote

import jinja2
import yaml

from macros.curriculum import brand
from macros.render.anchors import fragment_anchor, page_anchors
from macros.curriculum.load import GLOSSARY_FILE, INTRO_FILE, MODULE_FILE, load_curriculum
from macros.curriculum.model import Curriculum
from macros.render.page_macros import MACROS
from macros.curriculum.problems import CurriculumError, Problem, did_you_mean, inside, relative
from macros.render.fragments import plural
from macros.curriculum.schema import LEVELS
from macros.curriculum.source import MarkdownSource, SourceError, flatten_lines, is_file, line_of, parse_yaml, read_text, split_front_matter
from macros.render.templating import FENCE, INLINE_CODE, MacroError, check_call, protect_code, syntax_problem, undefined_hint

CONFIG_FILE = "mkdocs.yml"
DEFAULT_REVIEW_AGE = 365  # days
SITE_MODULES = "modules"  # where the plugin mounts the modules folder in the site (model.py's paths)

# -- where things are ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Layout:
    """The project's folders and the few settings the checks need, read from mkdocs.yml."""

    root: Path
    docs_dir: str = "docs"
    modules_dir: str = "modules"
    blog_dir: str = "blog"
    review_age: int | None = None  # the course plugin's `review_age`, when set
    categories: tuple[str, ...] = ()  # the blog's categories_allowed (empty: any)
    future_drafts: bool = False  # the blog's draft_if_future_date
    has_config: bool = False  # mkdocs.yml was found

    @property
    def docs(self) -> Path:
        return self.root / self.docs_dir

    @property
    def modules(self) -> Path:
        return self.root / self.modules_dir

    @property
    def posts(self) -> Path:
        return self.docs / self.blog_dir / "posts"

    @property
    def authors_file(self) -> Path:
        return self.docs / self.blog_dir / ".authors.yml"

    def rel(self, path: Path) -> str:
        return relative(path, self.root)

    def module_folders(self) -> list[Path]:
        """Folders that hold a module (as load.py reads them)."""
        if not self.modules.is_dir():
            return []
        return sorted(p for p in self.modules.iterdir() if p.is_dir() and not p.name.startswith((".", "_")) and (p / MODULE_FILE).is_file())


def find_root(start: Path) -> Path | None:
    """The nearest folder, from `start` upward, that holds mkdocs.yml."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
    return None


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml may hold !ENV and !!python/name: tags; their values do not matter here."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _load_config(path: Path) -> tuple[Any, list[Problem]]:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader), []
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or "invalid YAML"
        return None, [Problem(path.name, mark.line + 1 if mark else 1, "", f"this is not valid YAML ({problem})", "check the indentation and the quotes")]


def _plugins(config: dict) -> dict[str, dict]:
    """plugins: as {name: options}, from either form MkDocs accepts (a list, or a mapping)."""
    plugins = config.get("plugins") or []
    entries = list(plugins.items()) if isinstance(plugins, dict) else []
    for entry in plugins if isinstance(plugins, list) else []:
        if isinstance(entry, str):
            entries.append((entry, {}))
        elif isinstance(entry, dict):
            entries.extend(entry.items())
    return {name: options if isinstance(options, dict) else {} for name, options in entries if isinstance(name, str)}


def read_layout(root: Path) -> tuple[Layout, list[Problem]]:
    """The layout from root/mkdocs.yml (defaults without one), and any problem reading it."""
    root = Path(root)
    path = root / CONFIG_FILE
    if not path.is_file():
        return Layout(root), []
    config, problems = _load_config(path)
    if not isinstance(config, dict):
        return Layout(root, has_config=True), problems
    plugins = _plugins(config)
    course, blog = plugins.get("course", {}), plugins.get("blog", {})
    review_age = course.get("review_age")
    if review_age is not None and (not isinstance(review_age, int) or isinstance(review_age, bool) or review_age < 0):
        problems.append(Problem(CONFIG_FILE, 1, "plugins.course.review_age", f"expected a whole number of days, got {review_age!r}", "write review_age: 365"))
        review_age = None

    def text(options: dict, key: str, default: str) -> str:
        value = options.get(key, default)
        return value if isinstance(value, str) and value else default

    categories = blog.get("categories_allowed") or ()
    layout = Layout(
        root=root,
        docs_dir=text(config, "docs_dir", "docs"),
        modules_dir=text(course, "modules_dir", "modules"),
        blog_dir=text(blog, "blog_dir", "blog"),
        review_age=review_age,
        categories=tuple(str(c) for c in categories) if isinstance(categories, list) else (),
        future_drafts=blog.get("draft_if_future_date") is True,
        has_config=True,
    )
    return layout, problems


# -- the whole check ------------------------------------------------------------------------------


@dataclass
class Report:
    problems: list[Problem]
    curriculum: Curriculum | None  # None when it did not load

    @property
    def errors(self) -> int:
        return sum(p.severity == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity == "warning" for p in self.problems)


def check_project(layout: Layout, review_age: int | None = None, today: date | None = None) -> Report:
    """load_curriculum's problems and every check of this module, sorted, each once."""
    problems: list[Problem] = []
    curriculum = None
    try:
        curriculum = load_curriculum(layout.root, modules_dir=layout.modules_dir, docs_dir=layout.docs_dir, blog_dir=layout.blog_dir)
    except CurriculumError as error:
        problems.extend(error.problems)
    problems.extend(extra_checks(layout, review_age=review_age, today=today))
    if layout.has_config:
        problems.extend(brand_problems(layout))
    return Report(sorted(set(problems)), curriculum)


def effective_review_age(layout: Layout, review_age: int | None) -> int:
    if review_age is not None:
        return review_age
    return layout.review_age if layout.review_age is not None else DEFAULT_REVIEW_AGE


def extra_checks(layout: Layout, review_age: int | None = None, today: date | None = None) -> list[Problem]:
    today = today or date.today()
    index = _Index.build(layout, today)
    problems: list[Problem] = list(index.problems)
    for page in index.pages:
        problems.extend(_links_and_images(layout, index, page))
        problems.extend(placeholders_in_page(page))
        problems.extend(_macro_calls(index, page))
        problems.extend(_template_syntax(page))
    for path in (*(folder / MODULE_FILE for folder in layout.module_folders()), layout.modules / GLOSSARY_FILE):
        problems.extend(placeholders_in_yaml(layout, path))
    problems.extend(_articles(layout, index, today))
    problems.extend(review_problems(layout, effective_review_age(layout, review_age), today))
    return problems


# -- reading pages ------------------------------------------------------------------------------


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


def read_page(layout: Layout, path: Path) -> tuple[Page | None, Problem | None]:
    file = layout.rel(path)
    try:
        text = read_text(path)
        source = split_front_matter(text)
    except SourceError as error:
        return None, Problem(file, error.line, "", error.message, error.hint)
    return Page(path, file, site_path(layout, path), text.lstrip("\ufeff"), source), None


def site_path(layout: Layout, path: Path) -> str:
    """A source file's path in the site: docs/x.md -> x.md; modules/m/l.md -> modules/m/l.md."""
    path = path.resolve()
    for base, prefix in ((layout.modules.resolve(), SITE_MODULES + "/"), (layout.docs.resolve(), "")):
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
class _Index:
    """What the checks look things up in: pages, modules and their lessons, glossary ids, drafts."""

    pages: list[Page]
    modules: dict[str, list[str]]  # module id (folder) -> lesson slugs
    glossary: list[str] | None  # None when glossary.yml cannot be read (load reports why)
    unpublished: dict[str, str]  # site path of a draft or future article -> why it is left out
    problems: list[Problem] = field(default_factory=list)

    @classmethod
    def build(cls, layout: Layout, today: date) -> _Index:
        pages, problems = [], []
        for path in markdown_files(layout):
            page, problem = read_page(layout, path)
            if page:
                pages.append(page)
            if problem:
                problems.append(problem)
        modules = {}
        for folder in layout.module_folders():
            data = _quiet_yaml(folder / MODULE_FILE)
            lessons = data.get("lessons") if isinstance(data, dict) else None
            modules[folder.name] = [str(s) for s in lessons] if isinstance(lessons, list) else []
        glossary: list[str] | None = []
        glossary_file = layout.modules / GLOSSARY_FILE
        if glossary_file.is_file():
            data = _quiet_yaml(glossary_file)
            terms = data.get("terms") if isinstance(data, dict) else None
            glossary = [str(t) for t in terms] if isinstance(terms, dict) else None
        unpublished = {}
        for page in pages:
            if _is_article(layout, page):
                why = _unpublished(layout, page.source.meta, today)
                if why:
                    unpublished[page.site] = why
        return cls(pages, modules, glossary, unpublished, problems)

    def page(self, site: str) -> Page | None:
        if not hasattr(self, "_by_site"):
            self._by_site = {page.site: page for page in self.pages}
        return self._by_site.get(site)

    def anchors(self, site: str) -> set[str] | None:
        """The ids of a page, or None when macros put in ids no one can know before the build."""
        page = self.page(site)
        if page is None:  # a module overview the plugin generates has only fragment ids; else unreadable
            return set() if site.endswith("/" + INTRO_FILE) and site.count("/") == 2 and site.split("/")[1] in self.modules else None
        body = HTML_COMMENT.sub(_blank, mask_code(page.source.body))
        called = set(CALLED_NAME.findall(" ".join(EXPRESSION.findall(body))))
        if page.source.meta.get("render_macros") is not False and called - {"term", "glossary"}:
            return None
        anchors = page_anchors(body)
        if "glossary" in called:
            anchors.update(self.glossary or ())
        return anchors


def _quiet_yaml(path: Path) -> Any:
    """YAML or None: load_curriculum reports what is wrong with the file."""
    try:
        return parse_yaml(read_text(path))
    except (OSError, SourceError):
        return None


def _is_article(layout: Layout, page: Page) -> bool:
    try:
        page.path.resolve().relative_to(layout.posts.resolve())
        return True
    except ValueError:
        return False


def _article_date(meta: dict) -> date | None:
    value = meta.get("date")
    if isinstance(value, dict):
        value = value.get("created")
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def _unpublished(layout: Layout, meta: dict, today: date) -> str:
    draft = meta.get("draft")
    if draft is True:
        return "a draft"
    created = _article_date(meta)
    if layout.future_drafts and not isinstance(draft, bool) and created and created > today:
        return f"dated {created.isoformat()}, in the future"
    return ""


# -- masking: what is code, comment or prose ------------------------------------------------------

HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def mask_code(markdown: str) -> str:
    """The text with fenced blocks and `code` spans blanked out; offsets and lines unchanged."""
    return INLINE_CODE.sub(_blank, FENCE.sub(_blank, markdown))


def _strip_yaml_comment(line: str) -> str:
    quote = None
    escaped = False
    for i, ch in enumerate(line):
        if quote:
            if escaped:
                escaped = False
            elif ch == "\\" and quote == '"':
                escaped = True
            elif ch == quote:
                quote = None
        elif ch in "\"'" and (i == 0 or line[i - 1] in " \t[{:,-"):
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[:i]
    return line


def _line_at(text: str, offset: int, first_line: int) -> int:
    return first_line + text.count("\n", 0, offset)


# -- (a, b) links and images --------------------------------------------------------------------

LINK = re.compile(r"(!?)\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)")
REFERENCE = re.compile(r"^[ ]{0,3}\[([^\]^][^\]]*)\]:[ \t]*<?([^\s>]+)>?", re.MULTILINE)
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def _target(raw: str) -> str:
    """A link's path: no <>, no #anchor or ?query, %-escapes decoded; '' for anchors and URLs."""
    raw = raw.strip("<>").strip()
    if not raw or raw.startswith(("#", "/")) or SCHEME.match(raw):
        return ""
    return unquote(re.split(r"[#?]", raw, maxsplit=1)[0])


def _site_file(layout: Layout, site: str) -> Path | None:
    """The source file a site path comes from, if it exists (module overviews exist without one)."""
    if is_file(layout.docs / site):
        return layout.docs / site
    if site.startswith(SITE_MODULES + "/"):
        rest = site[len(SITE_MODULES) + 1 :]
        if is_file(layout.modules / rest):
            return layout.modules / rest
        parts = rest.split("/")
        if len(parts) == 2 and parts[1] == INTRO_FILE and (layout.modules / parts[0] / MODULE_FILE).is_file():
            return layout.modules / parts[0] / MODULE_FILE  # the plugin generates the overview page
    return None


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a name too long for the system
        return False


def _suggest(target: str, here: str, candidates: Iterable[str]) -> str:
    """'did you mean ...?' with the nearest existing path, written relative to the page."""
    match = difflib.get_close_matches(target, list(candidates), n=1, cutoff=0.6)
    return f"did you mean '{posixpath.relpath(match[0], here or '.')}'?" if match else ""


def _links_and_images(layout: Layout, index: _Index, page: Page) -> Iterator[Problem]:
    body = HTML_COMMENT.sub(_blank, mask_code(page.source.body))
    here = posixpath.dirname(page.site)
    found = [(m.start(), m.group(1) == "!", m.group(2), m.group(3)) for m in LINK.finditer(body)]
    found += [(m.start(), False, None, m.group(2)) for m in REFERENCE.finditer(body)]
    site_pages = None
    for offset, is_image, alt, raw in sorted(found, key=lambda item: item[0]):
        line = _line_at(body, offset, page.source.body_line)
        if is_image and not (alt or "").strip():
            yield Problem(page.file, line, "image", "the image has no alt text", "describe what it shows between the brackets, as in ![A customer at the counter](...)")
        target = _target(raw)
        fragment = _fragment(raw)
        if fragment and not is_image and raw.strip("<>").strip().startswith("#"):
            yield from _anchor_problems(index, page, page.site, raw, fragment, line)
            continue
        if not target or (not is_image and not target.endswith(".md")):
            continue
        resolved = posixpath.normpath(posixpath.join(here, target))
        if resolved == ".." or resolved.startswith("../"):
            yield Problem(page.file, line, "image" if is_image else "link", f"'{raw}' points outside the site", "link to a page or file under docs/ or modules/")
            continue
        if is_image:
            if is_file(layout.docs / resolved):
                continue
            if resolved.startswith(SITE_MODULES + "/") and is_file(layout.modules / resolved[len(SITE_MODULES) + 1 :]):
                yield Problem(page.file, line, "image", f"'{raw}' is in {layout.modules_dir}/, which the site does not publish", "move it to docs/assets/ and link it from there")
                continue
            folder = layout.docs / posixpath.dirname(resolved)
            others = [posixpath.join(posixpath.dirname(resolved), p.name) for p in folder.iterdir()] if _is_dir(folder) else []
            yield Problem(page.file, line, "image", f"'{raw}' does not exist", _suggest(resolved, here, others) or f"add the file, or correct the path (it is read as docs/{resolved})")
            continue
        if _site_file(layout, resolved) is None:
            if site_pages is None:
                site_pages = [p.site for p in index.pages] + [f"{SITE_MODULES}/{m}/{INTRO_FILE}" for m in index.modules]
            yield Problem(page.file, line, "link", f"'{raw}' does not exist", _suggest(resolved, here, site_pages) or "correct the path: links are relative to this file")
        elif resolved in index.unpublished:
            yield Problem(page.file, line, "link", f"'{raw}' links to an article the site leaves out ({index.unpublished[resolved]})", "publish that article first, or remove the link")
        elif fragment:
            yield from _anchor_problems(index, page, resolved, raw, fragment, line)


def _fragment(raw: str) -> str:
    """The #anchor of a link, decoded ('' without one, or for a web address)."""
    raw = raw.strip("<>").strip()
    if SCHEME.match(raw) or "#" not in raw:
        return ""
    return unquote(raw.split("#", 1)[1])


def _anchor_problems(index: _Index, page: Page, site: str, raw: str, fragment: str, line: int) -> Iterator[Problem]:
    anchors = index.anchors(site)
    if anchors is None or fragment in anchors or fragment_anchor(fragment):
        return
    target = index.page(site)
    name = target.file if target else site
    hint = did_you_mean(fragment, sorted(anchors)) or ("the headings there are " + ", ".join(f"#{a}" for a in sorted(anchors)[:8]) if anchors else "add a heading there, or remove the #anchor")
    yield Problem(page.file, line, "link", f"'{raw}': {name} has no heading or id '{fragment}'", hint)


# -- (c) placeholders -----------------------------------------------------------------------------

PLACEHOLDER = re.compile(r"\bTODO\b")


def _field_names(data: Any) -> list[tuple[int, str]]:
    """(line, field name) for every key and item, sorted by line, deepest name per line."""
    by_line: dict[int, str] = {}
    for path, line in flatten_lines(data).items():
        if line and len(path) >= len(by_line.get(line, "")):
            by_line[line] = path
    return sorted((line, _pretty(path)) for line, path in by_line.items())


def _pretty(path: str) -> str:
    return re.sub(r"\.(\d+)(?=\.|$)", lambda m: f"[{int(m.group(1)) + 1}]", path)


def _field_at(names: list[tuple[int, str]], line: int) -> str:
    name = ""
    for start, found in names:
        if start > line:
            break
        name = found
    return name


def _placeholder(file: str, line: int, field_name: str, text: str, start: int) -> Problem:
    shown = " ".join(text[start:].split()).rstrip("\"',]").strip()
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    return Problem(file, line, field_name, f'a placeholder is left in: "{shown}"', "replace it with the real text")


def _placeholders_in_lines(file: str, lines: Iterable[tuple[int, str]], names: list[tuple[int, str]], yaml_lines: bool) -> Iterator[Problem]:
    for number, line in lines:
        text = _strip_yaml_comment(line) if yaml_lines else line
        match = PLACEHOLDER.search(text)
        if match:
            yield _placeholder(file, number, _field_at(names, number) if yaml_lines else "", text, match.start())


def placeholders_in_page(page: Page) -> list[Problem]:
    """'TODO' left in the front matter's values or in the text (code does not count)."""
    lines = page.text.split("\n")
    names = _field_names(page.source.meta)
    front = [(n, lines[n - 1]) for n in page.front_matter_lines if n - 1 < len(lines)]
    problems = list(_placeholders_in_lines(page.file, front, names, yaml_lines=True))
    body = mask_code(page.source.body).split("\n")
    problems += _placeholders_in_lines(page.file, ((page.source.body_line + i, line) for i, line in enumerate(body)), [], yaml_lines=False)
    return problems


def placeholders_in_yaml(layout: Layout, path: Path) -> list[Problem]:
    if not path.is_file():
        return []
    try:
        text = read_text(path)
    except SourceError:
        return []
    try:
        names = _field_names(parse_yaml(text))
    except SourceError:
        names = []
    return list(_placeholders_in_lines(layout.rel(path), enumerate(text.split("\n"), start=1), names, yaml_lines=True))


def placeholders(layout: Layout, path: Path) -> list[Problem]:
    """Placeholders in one file (Markdown or YAML), for `course list`'s status."""
    if path.suffix == ".md":
        page, _ = read_page(layout, path)
        return placeholders_in_page(page) if page else []
    return placeholders_in_yaml(layout, path)


# -- (e) macro calls ------------------------------------------------------------------------------

EXPRESSION = re.compile(r"\{\{-?(.*?)-?\}\}", re.DOTALL)
CALLED_NAME = re.compile(r"(?<![\w.])([A-Za-z_]\w*)\s*\(")


def _macro_calls(index: _Index, page: Page) -> Iterator[Problem]:
    if page.source.meta.get("render_macros") is False:
        return
    body = mask_code(page.source.body)
    for match in EXPRESSION.finditer(body):
        line = _line_at(body, match.start(), page.source.body_line)
        expression = " ".join(match.group(1).split())
        try:
            tree = ast.parse(expression, mode="eval")
        except (SyntaxError, ValueError, MemoryError, RecursionError):  # Jinja-only syntax (`is defined`, `~`), or too deep: names only
            for name in CALLED_NAME.findall(expression):
                if name not in MACROS:
                    yield _unknown_macro(page, line, name)
            continue
        known = None
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                known = known if known is not None else _known_names(page, body)
                yield from _check_call(index, page, line, node, known)


# What a page's macros can name besides the macros: mkdocs-macros' variables, Jinja's globals,
# and the brand (extra:), as the build's Jinja environment has them.
MACRO_VARIABLES = {
    "config", "extra", "page", "environment", "plugin", "git", "macros", "filters", "filters_builtin", "navigation", "files",
    "context", "macros_info", "now", "fix_url", "range", "dict", "lipsum", "cycler", "joiner", "namespace",
    "true", "false", "none", "True", "False", "None", "brand", "social",
}
JINJA_TAG = re.compile(r"\{%.*?%\}", re.DOTALL)
IDENTIFIER = re.compile(r"[A-Za-z_]\w*")


def _known_names(page: Page, body: str) -> set[str]:
    """Names a macro argument may use on this page: any word in a {% %} tag counts ({% set x %})."""
    defined = {name for tag in JINJA_TAG.findall(body) for name in IDENTIFIER.findall(tag)}
    return MACRO_VARIABLES | set(MACROS) | {str(key) for key in page.source.meta} | defined


def _template_syntax(page: Page) -> Iterator[Problem]:
    """The Jinja syntax errors the build would stop on ({{ not closed, a heading id written {#id})."""
    body = page.source.body
    if page.source.meta.get("render_macros") is False or not any(mark in body for mark in ("{{", "{%", "{#")):
        return
    try:
        _JINJA.parse(protect_code(body))
    except jinja2.TemplateSyntaxError as error:
        yield syntax_problem(error, page.file, page.source.body_line)
    except (MemoryError, RecursionError):
        yield Problem(page.file, page.source.body_line, "macro", "a macro expression is nested too deeply to read", "simplify it")


_JINJA = jinja2.Environment()  # mkdocs-macros' delimiters: {{ }}, {% %}, {# #}


def _unknown_macro(page: Page, line: int, name: str) -> Problem:
    hint = did_you_mean(name, MACROS) or "the macros are " + ", ".join(MACROS) + " (see the author guide)"
    return Problem(page.file, line, "macro", f"unknown macro '{name}'", hint)


def _check_call(index: _Index, page: Page, line: int, node: ast.Call, known: set[str]) -> Iterator[Problem]:
    name = node.func.id
    func = MACROS.get(name)
    if func is None:
        yield _unknown_macro(page, line, name)
        return
    if any(k.arg is None for k in node.keywords) or any(isinstance(a, ast.Starred) for a in node.args):
        return
    for value in [*node.args, *(k.value for k in node.keywords)]:
        if isinstance(value, ast.Name) and value.id not in known:  # term(churn): a word without quotes
            yield Problem(page.file, line, "macro", f"unknown name: '{value.id}' is undefined", undefined_hint(value.id, known))
            return
    try:
        args = tuple(ast.literal_eval(a) for a in node.args)
        kwargs = {k.arg: ast.literal_eval(k.value) for k in node.keywords}
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):  # a variable or an expression: only the build can tell
        return
    try:
        check_call(func, (None, *args), kwargs, name)
    except MacroError as error:
        yield Problem(page.file, line, "macro", error.message, error.hint)
        return
    bound = inspect.signature(func).bind(None, *args, **kwargs).arguments
    for parameter, value in bound.items():
        problem = _check_argument(index, name, parameter, value)
        if problem:
            yield Problem(page.file, line, "macro", *problem)


def _check_argument(index: _Index, name: str, parameter: str, value: Any) -> tuple[str, str] | None:
    """(message, hint) for a value the macro would reject, by the parameter's name."""
    if value is None or not isinstance(value, str):
        return None
    modules = list(index.modules)
    if parameter == "module" and value not in index.modules:
        return f"{name}(): unknown module '{value}'", did_you_mean(value, modules) or "use one of " + ", ".join(modules)
    if parameter == "lesson":
        refs = [f"{m}/{slug}" for m, slugs in index.modules.items() for slug in slugs]
        if value not in refs:
            return f"{name}(): unknown lesson '{value}'", did_you_mean(value, refs) or "write it as 'module-id/lesson-id'"
    if parameter == "term_id" and index.glossary is not None and value not in index.glossary:
        return f"unknown glossary term '{value}'", did_you_mean(value, index.glossary) or "add it to modules/glossary.yml, or use one of its ids"
    if parameter == "level" and value not in LEVELS:
        return f"{name}(): unknown level '{value}'", did_you_mean(value, LEVELS) or "use one of " + ", ".join(LEVELS)
    return None


# -- (d) articles: drafts, dates in the future, categories ----------------------------------------


def _articles(layout: Layout, index: _Index, today: date) -> Iterator[Problem]:
    for page in index.pages:
        if not _is_article(layout, page):
            continue
        meta = page.source.meta
        why = index.unpublished.get(page.site)
        if why == "a draft":
            line = meta.lines.get("draft", 1) if hasattr(meta, "lines") else 1
            yield Problem(page.file, line, "draft", "this article is a draft: the built site leaves it out", "remove draft: true when it is ready to publish", severity="warning")
        elif why:
            line = meta.lines.get("date", 1) if hasattr(meta, "lines") else 1
            yield Problem(page.file, line, "date", f"this article is {why}: the site leaves it out until then", "set today's date to publish it now", severity="warning")
        categories = meta.get("categories")
        if layout.categories and isinstance(categories, list):
            for i, category in enumerate(categories):
                if isinstance(category, str) and category not in layout.categories and not PLACEHOLDER.search(category):
                    hint = did_you_mean(category, layout.categories) or "use one of " + ", ".join(layout.categories) + " (categories_allowed in mkdocs.yml)"
                    yield Problem(page.file, line_of(meta, ("categories", i)) or 1, "categories", f"unknown category '{category}'", hint)


# -- (f) governance -------------------------------------------------------------------------------


def reviewed_date(path: Path) -> tuple[date | None, int]:
    """A module.yml's `reviewed` date and its line (None when missing or not a date)."""
    data = _quiet_yaml(path)
    if not isinstance(data, dict):
        return None, 1
    line = line_of(data, ("reviewed",)) or 1
    try:
        return date.fromisoformat(str(data.get("reviewed"))), line
    except ValueError:
        return None, line


def review_due(reviewed: date | None, review_age: int, today: date) -> bool:
    try:
        return reviewed is not None and reviewed < today - timedelta(days=review_age)
    except OverflowError:  # an age longer than the calendar: never due
        return False


def review_problems(layout: Layout, review_age: int, today: date) -> Iterator[Problem]:
    for folder in layout.module_folders():
        path = folder / MODULE_FILE
        reviewed, line = reviewed_date(path)
        if review_due(reviewed, review_age, today):
            days = (today - reviewed).days
            yield Problem(
                layout.rel(path), line, "reviewed", f"last reviewed {plural(days, 'day')} ago, on {reviewed.isoformat()} (reviews are due every {review_age} days)",
                f"review the module's content, then write reviewed: {today.isoformat()}", severity="warning",
            )


def module_status(layout: Layout, module_id: str, review_age: int, today: date) -> str:
    """'draft' (placeholders left in), 'review due' or 'ok', for `course list`."""
    folder = layout.modules / module_id
    files = [folder / MODULE_FILE, *sorted(p for p in folder.glob("*.md") if p.is_file())]
    if any(placeholders(layout, path) for path in files):
        return "draft"
    reviewed, _ = reviewed_date(folder / MODULE_FILE)
    return "review due" if review_due(reviewed, review_age, today) else "ok"


# -- brand ----------------------------------------------------------------------------------------


def brand_problems(layout: Layout) -> list[Problem]:
    """The brand block, checked as the plugin checks it (brand.yml, else mkdocs.yml)."""
    if (layout.root / brand.BRAND_FILE).is_file():
        return brand.check_project(layout.root)
    data, problems = _load_config(layout.root / CONFIG_FILE)
    if problems:
        return []  # read_layout reports them
    extra = data.get("extra") if isinstance(data, dict) else None
    return brand.check_project(layout.root, extra.get("brand") if isinstance(extra, dict) else None)


# -- sizes, for `course stats` ---------------------------------------------------------------------

WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)


def word_count(markdown: str) -> int:
    """Words a reader reads: macros and HTML comments left out."""
    return len(WORD.findall(HTML_COMMENT.sub(" ", JINJA.sub(" ", markdown))))


def article_words(layout: Layout, curriculum: Curriculum) -> int:
    total = 0
    for article in curriculum.articles:
        page, _ = read_page(layout, layout.root / article.source)
        total += word_count(page.source.body) if page else 0
    return total


__all__ = [
    "DEFAULT_REVIEW_AGE",
    "Layout",
    "Page",
    "Report",
    "check_project",
    "effective_review_age",
    "extra_checks",
    "find_root",
    "mask_code",
    "module_status",
    "placeholders",
    "read_layout",
    "review_due",
    "reviewed_date",
    "word_count",
]

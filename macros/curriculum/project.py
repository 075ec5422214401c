"""Where a project keeps things, and the defaults: the one place both are written down.

    layout, problems = read_layout(root)   # for `course check`: mkdocs.yml read as plain YAML
    Layout(root, modules_dir=...)          # for the build: the course plugin fills it from MkDocs' config

The build reads mkdocs.yml through MkDocs (site/config.py declares the course plugin's options,
with the defaults below); the command line reads it here, safely, without MkDocs.  Either way the
checks and the loader get a `Layout`, so they see the same folders and settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from macros.curriculum.problems import Problem, relative

CONFIG_FILE = "mkdocs.yml"
MODULE_FILE = "module.yml"
GLOSSARY_FILE = "glossary.yml"
INTRO_FILE = "index.md"  # a module's optional introduction, shown on its overview page
CAPSTONE_FILE = "capstone.md"
# Pages the site generates in every module's folder (render/workshop.py): no lesson may take their names.
GENERATED_PAGES = {"workbook": "learner workbook", "facilitator": "facilitator guide"}

# The course plugin's defaults (site/config.py uses these too).
DOCS_DIR = "docs"
MODULES_DIR = "modules"
BLOG_DIR = "blog"
PDF_DIR = "pdf"
NAV_SECTION = "Curriculum"
REVIEW_AGE = 365  # days after a module's `reviewed` date when `course check` asks for a review


@dataclass(frozen=True)
class Layout:
    """The project's folders and the few settings the checks need."""

    root: Path
    docs_dir: str = DOCS_DIR
    modules_dir: str = MODULES_DIR
    blog_dir: str = BLOG_DIR
    pdf_dir: str = PDF_DIR  # where `make pdf` writes the handouts the site links to
    review_age: int = REVIEW_AGE
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
        """Folders that hold a module (as the loader reads them)."""
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


def load_config(path: Path) -> tuple[Any, list[Problem]]:
    """mkdocs.yml as plain data (tags read as nothing), or the problem reading it."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader), []
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or "invalid YAML"
        line = mark.line + 1 if mark else 1
        return None, [Problem(path.name, line, "", f"this is not valid YAML ({problem})", "check the indentation and the quotes")]


def plugin_options(config: dict) -> dict[str, dict]:
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
    config, problems = load_config(path)
    if not isinstance(config, dict):
        return Layout(root, has_config=True), problems
    plugins = plugin_options(config)
    course, blog = plugins.get("course", {}), plugins.get("blog", {})
    review_age = course.get("review_age", REVIEW_AGE)
    if not isinstance(review_age, int) or isinstance(review_age, bool) or review_age < 0:
        field = "plugins.course.review_age"
        problems.append(Problem(CONFIG_FILE, 1, field, f"expected a whole number of days, got {review_age!r}", "write review_age: 365"))
        review_age = REVIEW_AGE
    categories = blog.get("categories_allowed") or ()
    layout = Layout(
        root=root,
        docs_dir=_text(config, "docs_dir", DOCS_DIR),
        modules_dir=_text(course, "modules_dir", MODULES_DIR),
        blog_dir=_text(blog, "blog_dir", BLOG_DIR),
        pdf_dir=_text(course, "pdf_dir", PDF_DIR),
        review_age=review_age,
        categories=tuple(str(c) for c in categories) if isinstance(categories, list) else (),
        future_drafts=blog.get("draft_if_future_date") is True,
        has_config=True,
    )
    return layout, problems


def _text(options: dict, key: str, default: str) -> str:
    value = options.get(key, default)
    return value if isinstance(value, str) and value else default

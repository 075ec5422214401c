"""The sample content a fork makes its own, and what the learner site leaves out.

    sample_problems(layout, tree)   once brand.yml names another organisation, a notice for each
                                    file that still names the sample's: Fernhill, its authors,
                                    its domain (own-site.md, "Make the content yours")
    published_nav(nav, brand)       the nav without the authors' guide when brand.yml leaves it out
    left_out(files, ...)            what the build drops from docs/: the authors' guide when
                                    brand.yml leaves it out, and images under assets/brand/ and
                                    assets/authors/ that no page, template or setting names (the
                                    old logo after a rebrand, the avatar of a removed author)

No MkDocs here: the course plugin hands over its files, which need only a docs path and a path on disk.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any, Protocol, TypeVar
from urllib.parse import quote

from macros.checks.masking import prose
from macros.checks.pages import quiet_yaml
from macros.curriculum import brand
from macros.curriculum.problems import Problem
from macros.curriculum.project import CONFIG_FILE, Layout, load_config
from macros.curriculum.source import SourceError
from macros.curriculum.tree import SourceTree

# The sample organisation this repository ships: its name, and what carries it (the authors of
# docs/blog/.authors.yml, by id and by name, and its example domain).
SAMPLE_SITE_NAME = "Fernhill Learning"
SAMPLE_AUTHORS = {"amara-osei": "Amara Osei", "daniel-reyes": "Daniel Reyes", "priya-nair": "Priya Nair"}
SAMPLE_NAMES = ["fernhill-learning.example.org", "Fernhill", *SAMPLE_AUTHORS, *SAMPLE_AUTHORS.values()]
# Longest first, so that the domain is one name rather than "Fernhill" and the rest.
_SAMPLE = re.compile(
    r"(?<![A-Za-z0-9])(" + "|".join(re.escape(name) for name in sorted(SAMPLE_NAMES, key=len, reverse=True)) + r")(?![A-Za-z0-9])",
    re.IGNORECASE,
)
TEXT_SUFFIXES = {".md", ".markdown", ".html", ".htm", ".css", ".js", ".yml", ".yaml", ".json", ".svg", ".xml", ".txt"}
MAKE_IT_YOURS = 'docs/authoring/own-site.md, "Make the content yours"'


def sample_problems(layout: Layout, tree: SourceTree) -> list[Problem]:
    """A notice for each file that still names the sample organisation, at the first line that
    does, once brand.yml (or mkdocs.yml) names another one: nothing for the sample itself."""
    name = site_name(layout, tree)
    if not isinstance(name, str) or name == SAMPLE_SITE_NAME:
        return []
    problems = []
    for path in _content_files(layout, tree):
        try:
            text = tree.text(path)
        except SourceError:
            continue  # not text: nothing to read
        found = list(_SAMPLE.finditer(text))
        if found:
            names = list(dict.fromkeys(match.group(1) for match in found))
            shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
            line = text.count("\n", 0, found[0].start()) + 1
            message = f"still carries the sample's names: {shown}"
            problems.append(Problem(layout.rel(path), line, "", message, _fix(layout, path), severity="warning"))
    return problems


def _fix(layout: Layout, path: Path) -> str:
    """Settings are edited, content may go too, and the authors' guide may stay out of the site."""
    if path.is_relative_to(layout.docs / brand.AUTHORS_GUIDE):
        return f"edit the guide's examples, or leave the guide out of the site: {brand.PUBLISH_AUTHORS_GUIDE}: false in brand.yml"
    content = path.is_relative_to(layout.docs) or path.is_relative_to(layout.modules)
    return f"replace them with your own{', or remove the file' if content else ''} ({MAKE_IT_YOURS})"


def site_name(layout: Layout, tree: SourceTree) -> Any:
    """The site's name as brand.yml writes it, else mkdocs.yml (None when neither can be read)."""
    data = quiet_yaml(tree, layout.root / brand.BRAND_FILE) if (layout.root / brand.BRAND_FILE).is_file() else None
    if not isinstance(data, dict) or "site_name" not in data:
        data, _ = load_config(layout.root / CONFIG_FILE) if (layout.root / CONFIG_FILE).is_file() else (None, [])
    return data.get("site_name") if isinstance(data, dict) else None


def _content_files(layout: Layout, tree: SourceTree) -> Iterator[Path]:
    """brand.yml, mkdocs.yml and the text files of docs/ and modules/ (the blog's .authors.yml
    included), without the authors' guide when the site leaves it out."""
    guide = layout.docs / brand.AUTHORS_GUIDE
    publishes_guide = brand.publishes_authors_guide(_brand_block(layout, tree))
    yield from (path for path in (layout.root / brand.BRAND_FILE, layout.root / CONFIG_FILE) if path.is_file())
    for folder in (layout.docs, layout.modules):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.suffix in TEXT_SUFFIXES and path.is_file() and (publishes_guide or not path.is_relative_to(guide)):
                yield path


def _brand_block(layout: Layout, tree: SourceTree) -> Any:
    data = quiet_yaml(tree, layout.root / brand.BRAND_FILE) if (layout.root / brand.BRAND_FILE).is_file() else None
    extra = data.get("extra") if isinstance(data, dict) else None
    return extra.get("brand") if isinstance(extra, dict) else None


# -- what the learner site leaves out ---------------------------------------------------------------

ASSET_FOLDERS = ("assets/brand/", "assets/authors/")


def published_nav(nav: Any, brand_block: Any) -> Any:
    """mkdocs.yml's nav, without the authors' guide when brand.yml leaves it out."""
    return nav if brand.publishes_authors_guide(brand_block) else without_folder(nav, brand.AUTHORS_GUIDE)


def without_folder(nav: Any, folder: str) -> Any:
    """A nav (MkDocs' list of pages and sections) without the pages in `folder` (docs/-relative),
    and without the sections that leaves empty."""
    if not isinstance(nav, list):
        return nav
    kept: list = []
    for entry in nav:
        if isinstance(entry, str):
            kept += [] if entry.startswith(folder) else [entry]
        elif isinstance(entry, dict):
            section = {title: without_folder(value, folder) for title, value in entry.items()}
            section = {
                title: value for title, value in section.items() if value and not (isinstance(value, str) and value.startswith(folder))
            }
            kept += [section] if section else []
        else:
            kept.append(entry)
    return kept


class SiteFile(Protocol):
    """A file of the site as MkDocs lists it: its path in docs/, and the file on disk (None when generated)."""

    @property
    def src_uri(self) -> str: ...

    @property
    def abs_src_path(self) -> str | None: ...


File = TypeVar("File", bound=SiteFile)


def left_out(files: Iterable[File], layout: Layout, tree: SourceTree, brand_block: Any, templates: str | None) -> list[File]:
    """The files the learner site does not publish, in order of their docs paths.

    The authors' guide, when brand.yml leaves it out; then the files under ASSET_FOLDERS whose
    names nothing published mentions: no page, stylesheet or script in docs/ or modules/, no
    template in `templates` (the theme's custom_dir), not brand.yml, mkdocs.yml or the blog's
    .authors.yml. A name mentioned anywhere keeps its file: a file wrongly left out would be a
    broken image, a file wrongly kept only a few kilobytes."""
    guide_left_out = not brand.publishes_authors_guide(brand_block)
    listed = sorted(files, key=lambda file: file.src_uri)
    dropped = [file for file in listed if guide_left_out and file.src_uri.startswith(brand.AUTHORS_GUIDE)]
    kept = [file for file in listed if file.abs_src_path and file not in dropped]
    on_disk = [Path(file.abs_src_path) for file in kept if file.abs_src_path]
    ours = [path for path in on_disk if path.is_relative_to(layout.docs) or path.is_relative_to(layout.modules)]
    settings = [layout.root / brand.BRAND_FILE, layout.root / CONFIG_FILE, layout.authors_file]
    template_files = sorted(Path(templates).rglob("*")) if templates and Path(templates).is_dir() else []
    assets = [file for file in kept if file.src_uri.startswith(ASSET_FOLDERS)]
    mentioned = mentioned_names([file.src_uri for file in assets], [*ours, *settings, *template_files], tree)
    return dropped + [file for file in assets if PurePosixPath(file.src_uri).name not in mentioned]


def mentioned_names(uris: Iterable[str], sources: Iterable[Path], tree: SourceTree) -> set[str]:
    """The file names of `uris` that the text files among `sources` mention (as written, or
    percent-encoded), outside code, comments and a name that merely ends with theirs."""
    forms = {form: PurePosixPath(uri).name for uri in uris for form in (PurePosixPath(uri).name, quote(PurePosixPath(uri).name))}
    if not forms:
        return set()
    names = re.compile(r"(?<![\w.-])(" + "|".join(map(re.escape, sorted(forms, key=len, reverse=True))) + r")(?![\w-])")
    found: set[str] = set()
    for path in sources:
        if path.suffix in TEXT_SUFFIXES and path.is_file():
            try:
                text = _what_is_shown(path, tree.text(path))
            except SourceError:
                continue
            found.update(forms[match.group(1)] for match in names.finditer(text))
    return found


def _what_is_shown(path: Path, text: str) -> str:
    """The text without what never reaches a page: code and comments in Markdown, comments in
    YAML, templates and stylesheets (a guide's `assets/brand/logo.svg` keeps no old logo)."""
    if path.suffix in (".md", ".markdown"):
        return prose(text)
    if path.suffix in (".yml", ".yaml"):
        return re.sub(r"(?m)(?:^|\s)#.*$", "", text)
    if path.suffix in (".html", ".htm"):
        return re.sub(r"\{#.*?#\}|<!--.*?-->", "", text, flags=re.DOTALL)
    if path.suffix == ".css":
        return re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL)
    return text

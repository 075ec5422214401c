"""New modules, lessons and articles, written from templates that hold every required field.

    new_module(layout, "asking-for-feedback")                   modules/<slug>/: module.yml, a lesson, capstone.md
    new_lesson(layout, "questioning-skills", "follow-ups")      modules/<module>/<slug>.md, listed in module.yml
    new_article(layout, "Why feedback matters")                 docs/blog/posts/<slugified-title>.md, a draft

Each template fills what it can (ids, today's date, the next catalogue position, an author) and
marks everything else with a placeholder starting "TODO", which `course check` reports until it
is replaced.  Comments in the templates say what each field is for.  Nothing is ever overwritten,
and adding a lesson to module.yml edits its text, so the file's comments and layout survive.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from macros.authoring.templates import ARTICLE_TEMPLATE, CAPSTONE_TEMPLATE, LESSON_TEMPLATE, MODULE_TEMPLATE
from macros.authoring.yaml_edit import add_to_list
from macros.curriculum.load import CAPSTONE_FILE, GENERATED_PAGES, INTRO_FILE, MODULE_FILE
from macros.curriculum.problems import Problem, did_you_mean
from macros.curriculum.project import Layout
from macros.curriculum.schema import SLUG
from macros.curriculum.source import SourceError, parse_yaml, read_text

RESERVED = {Path(CAPSTONE_FILE).stem, Path(INTRO_FILE).stem, *GENERATED_PAGES}
FIRST_LESSON = "introduction"
GUIDE = "docs/authoring/index.md"


class ScaffoldError(Exception):
    """Why nothing was written. `usage` errors (a bad name) exit 2; the others (a file exists) exit 1."""

    def __init__(self, message: str, *, usage: bool = False, param: str = ""):
        self.message, self.usage, self.param = message, usage, param
        super().__init__(message)


@dataclass
class Scaffolded:
    created: list[str] = field(default_factory=list)  # files written, relative to the project
    updated: list[str] = field(default_factory=list)  # files edited
    notes: list[str] = field(default_factory=list)


# -- names ----------------------------------------------------------------------------------------


def slugify(title: str, max_length: int = 60) -> str:
    """'Why training doesn't stick!' -> 'why-training-doesnt-stick' (ASCII, lowercase, hyphens)."""
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"['’]", "", text)
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug


def check_slug(value: str, what: str, param: str) -> None:
    if not re.match(SLUG, value):
        suggestion = slugify(value)
        hint = f"did you mean '{suggestion}'?" if suggestion else "use lowercase letters, digits and hyphens"
        raise ScaffoldError(f"'{value}' is not a valid {what} id: use lowercase words joined by hyphens — {hint}", usage=True, param=param)
    if value in RESERVED:
        role = GENERATED_PAGES.get(value) or ("capstone" if value == "capstone" else "introduction")
        raise ScaffoldError(f"'{value}' is reserved: it is the module's {role} — choose another name", usage=True, param=param)


def _yaml_text(value: str) -> str:
    """A YAML double-quoted string (JSON's quoting is valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _exists(layout: Layout, path: Path) -> ScaffoldError:
    return ScaffoldError(str(Problem(layout.rel(path), 0, "", "already exists", "choose another name")))


def _write_new(layout: Layout, path: Path, text: str) -> None:
    """Write a file that must not exist yet (mode 'x': never overwrites, even in a race)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as out:
            out.write(text)
    except FileExistsError:
        raise _exists(layout, path) from None


def _read(path: Path) -> Any:
    try:
        return parse_yaml(read_text(path))
    except (OSError, SourceError):
        return None


def module_ids(layout: Layout) -> list[str]:
    return [folder.name for folder in layout.module_folders()]


def author_ids(layout: Layout) -> list[str]:
    data = _read(layout.authors_file) if layout.authors_file.is_file() else None
    authors = data.get("authors") if isinstance(data, dict) else None
    return [str(a) for a in authors] if isinstance(authors, dict) else []


def _author(layout: Layout, author: str | None) -> tuple[str, str]:
    """The author id to write, and a comment listing the known ones."""
    known = author_ids(layout)
    listing = ", ".join(known) if known else "none yet: add yourself there"
    if author is None:
        return (known[0] if known else "your-id"), listing
    if author not in known:
        hint = did_you_mean(author, known) or (
            f"use one of {listing}" if known else f"add '{author}' to {layout.rel(layout.authors_file)} first"
        )
        raise ScaffoldError(f"unknown author '{author}' — {hint}", usage=True, param="--author")
    return author, listing


def _module(layout: Layout, module: str) -> Path:
    folder = layout.modules / module
    if re.match(SLUG, module) and (folder / MODULE_FILE).is_file():
        return folder
    ids = module_ids(layout)
    hint = did_you_mean(module, ids) or ("the modules are " + ", ".join(ids) if ids else "create one with: course new module SLUG")
    raise ScaffoldError(f"unknown module '{module}' — {hint}", usage=True, param="MODULE")


# -- module ---------------------------------------------------------------------------------------


def _next_order(layout: Layout) -> int:
    orders = []
    for folder in layout.module_folders():
        data = _read(folder / MODULE_FILE)
        order = data.get("order") if isinstance(data, dict) else None
        if isinstance(order, int) and not isinstance(order, bool):
            orders.append(order)
    return max(orders, default=0) + 1


def new_module(
    layout: Layout, slug: str, title: str | None = None, author: str | None = None, lesson: str = FIRST_LESSON, today: date | None = None
) -> Scaffolded:
    """modules/<slug>/ with module.yml, a first lesson and a capstone."""
    today = today or date.today()
    check_slug(slug, "module", "SLUG")
    check_slug(lesson, "lesson", "--lesson")
    author_id, authors = _author(layout, author)
    folder = layout.modules / slug
    if folder.exists():
        raise _exists(layout, folder)
    others = module_ids(layout)
    module_yml = MODULE_TEMPLATE.substitute(
        guide=GUIDE,
        slug=slug,
        title=_yaml_text(title) if title else '"TODO: the module\'s title, as learners see it"',
        order=_next_order(layout),
        modules=", ".join(others) if others else "none yet",
        author=author_id,
        authors_file=layout.rel(layout.authors_file),
        authors=authors,
        today=today.isoformat(),
        lesson=lesson,
    )
    lesson_md = _lesson_text(None, serves="first-objective", objectives="first-objective")
    capstone_md = CAPSTONE_TEMPLATE.substitute(lesson=lesson)
    try:
        folder.mkdir(parents=True)
    except FileExistsError:
        raise _exists(layout, folder) from None
    result = Scaffolded()
    for name, text in ((MODULE_FILE, module_yml), (f"{lesson}.md", lesson_md), (CAPSTONE_FILE, capstone_md)):
        _write_new(layout, folder / name, text)
        result.created.append(layout.rel(folder / name))
    return result


# -- lesson ---------------------------------------------------------------------------------------


def _lesson_text(title: str | None, serves: str, objectives: str) -> str:
    return LESSON_TEMPLATE.substitute(
        guide=GUIDE,
        title=_yaml_text(title) if title else '"TODO: the lesson\'s title"',
        serves=serves,
        objectives=objectives or "none yet",
    )


def new_lesson(layout: Layout, module: str, slug: str, title: str | None = None) -> Scaffolded:
    """modules/<module>/<slug>.md, and '- <slug>' at the end of lessons: in module.yml."""
    folder = _module(layout, module)
    check_slug(slug, "lesson", "SLUG")
    path = folder / f"{slug}.md"
    if path.exists():
        raise _exists(layout, path)
    meta_path = folder / MODULE_FILE
    try:
        text = read_text(meta_path)
        data = parse_yaml(text)
    except SourceError as error:
        raise ScaffoldError(str(Problem(layout.rel(meta_path), error.line, "", error.message, error.hint))) from None
    listed = data.get("lessons") if isinstance(data, dict) else None
    objectives = data.get("objectives") if isinstance(data, dict) else None
    objective_ids = ", ".join(str(o) for o in objectives) if isinstance(objectives, dict) else ""

    result = Scaffolded()
    new_text = None
    if isinstance(listed, list) and slug in listed:
        result.notes.append(f"'{slug}' was already listed under lessons: in {layout.rel(meta_path)}")
    else:
        new_text = add_to_list(text, "lessons", slug)
        if new_text is None:
            raise ScaffoldError(
                str(
                    Problem(
                        layout.rel(meta_path),
                        0,
                        "lessons",
                        "cannot find the list of lessons to add to",
                        f"add '- {slug}' under lessons: by hand, then run the command again",
                    )
                )
            )
    _write_new(layout, path, _lesson_text(title, serves="", objectives=objective_ids))
    result.created.append(layout.rel(path))
    if new_text is not None:
        with meta_path.open("w", encoding="utf-8", newline="") as out:
            out.write(new_text)
        result.updated.append(layout.rel(meta_path))
        result.notes.append(
            f"'{slug}' is now the last lesson of {module}: move its line under lessons: in {layout.rel(meta_path)} to change the order"
        )
    return result


# -- article --------------------------------------------------------------------------------------


def new_article(layout: Layout, title: str, author: str | None = None, today: date | None = None) -> Scaffolded:
    """docs/blog/posts/<slugified-title>.md: a draft dated today."""
    today = today or date.today()
    title = " ".join(title.split())
    slug = slugify(title)
    if not slug:
        raise ScaffoldError(
            f"'{title}' has no letters or digits to make a file name from — give the article a title in words", usage=True, param="TITLE"
        )
    author_id, authors = _author(layout, author)
    modules = module_ids(layout)
    path = layout.posts / f"{slug}.md"
    if path.exists():
        raise _exists(layout, path)
    text = ARTICLE_TEMPLATE.substitute(
        today=today.isoformat(),
        author=author_id,
        authors_file=layout.rel(layout.authors_file),
        authors=authors,
        categories=", ".join(layout.categories) if layout.categories else "the categories in mkdocs.yml",
        first_module=modules[0] if modules else "module-id",
        modules=", ".join(modules) if modules else "none yet",
        title=title,
    )
    _write_new(layout, path, text)
    return Scaffolded(created=[layout.rel(path)])

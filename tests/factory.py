"""The one way tests make a course project: made, changed, checked and built as an author would.

Three kinds of project, each in a folder of its own (usually under tmp_path):

    Project.copy_of_repo(dest)      this repository as a build reads it (no .git): the real course
    Project.minimal(dest)           tests/fixtures/minimal (two modules, four lessons, an article,
                                    a glossary) with this repository's overrides/, macros/ and
                                    assets, so it builds with the real engine; engine=False: the
                                    fixture alone, enough to load and check
    Project.small(dest)             written from the templates below: module 'alpha' (lessons
                                    'first' and 'second'), author 'ann', mkdocs.yml, brand.yml, a
                                    home page and a glossary; site=False: only the curriculum
                                    (modules/alpha and the blog's authors)

and Project.repo(), the repository itself, to build or read (never to change).

A Project stands where a path is expected (`project / "mkdocs.yml"`, `load_curriculum(project)`,
`cwd=project`); `project.root` is the Path. Changes name files relative to the root (an absolute
path under it works too):

    project.write(path, text or bytes)     project.replace(path, old, new)   (old must be there)
    project.append(path, text)             project.delete(path)
    project.module("beta", order=2)        project.lesson("alpha", "third")  (listed in module.yml)
    project.article("on-testing", extra="draft: true\\n")

and it is used as authors use it:

    project.load()                         the curriculum (raises CurriculumError)
    project.course("new", "lesson", ...)   the `course` command, as a process in the project
    project.check()                        `course check`
    project.build(site_dir, strict=True)   `mkdocs build` (or tool="properdocs") as a process
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date as Date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"

# What a build reads from this repository (copy_of_repo copies these, never .git).
PROJECT_FILES = ["mkdocs.yml", "brand.yml", "docs", "modules", "overrides", "macros", "Makefile", "requirements.lock", "pyproject.toml"]
# What the minimal course borrows from the repository rather than keeping a copy that could drift.
ENGINE = ["overrides", "macros", "docs/assets/stylesheets", "docs/assets/javascripts"]
BIN = Path(sys.executable).parent
BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}

# -- the templates of the small project -----------------------------------------------------------

# A module objective is a block of its text and 2 to 4 behaviours at work (course check asks for
# them), written on one line here and in tests/fixtures/minimal, so that the lines tests name stay put.
MODULE_YML = """\
id: {id}
title: {title}
summary: A short module for tests.
audience: [Testers]
level: introductory
order: {order}
objectives:
  do-it: {{text: Do the thing., on_the_job: ["Does the thing at work without being reminded.", "Shows a colleague how to do the thing."]}}
prerequisites: {prerequisites}
tags: [testing]
authors: [ann]
version: "1.0"
reviewed: 2026-11-01
lessons:
  - first
  - second
"""

LESSON_MD = """\
---
title: {title}
duration: 20
serves: [do-it]
objectives:
  name-it: Name the thing.
key_takeaways:
  - Things have names.
tags: [testing]
exercises:
  - {{title: Name three things, minutes: 10,
     assesses: [name-it]}}
knowledge_check:
  - question: What has a name?
    assesses: [name-it]
    options:
      - answer: A thing
        correct: true
        why: Things have names.
      - answer: Nothing
        why: Everything has a name.
---

Some text.

!!! exercise "Name three things"
    Write down three names.
"""

AUTHORS = """\
authors:
  ann:
    name: Ann Author
    description: Writes tests
    avatar: assets/authors/ann.svg
"""

MKDOCS_YML = """\
site_name: Test course
docs_dir: docs
nav:
  - Home: index.md
  - Curriculum:
      - curriculum/index.md
plugins:
  - course:
      modules_dir: modules
      nav_section: Curriculum
  - blog:
      blog_dir: blog
      categories_allowed:
        - News
        - Skills
      draft_if_future_date: true
"""

BRAND_YML = """\
extra:
  brand:
    short_name: Test
    tagline: Courses for tests.
    colors:
      primary: "#2f5d3a"
      accent: "#8a4b0f"
    fonts:
      text: system-ui, sans-serif
      code: ui-monospace, monospace
    footer: A test organisation.
"""

ARTICLE_MD = """\
---
date: {date}
authors: [ann]
categories: [News]
tags: [testing]
modules: [alpha]
description: An article for tests.
{extra}---

# {title}

The opening.

<!-- more -->

The rest.
"""

GLOSSARY_YML = """\
terms:
  churn:
    term: churn
    definition: The share of customers who leave.
"""


class Project:
    """A course project in the folder `root`."""

    def __init__(self, root: Path | str):
        self.root = Path(root)

    # -- making one ---------------------------------------------------------------------------------

    @classmethod
    def repo(cls) -> Project:
        """This repository, to build or read: never change it."""
        return cls(ROOT)

    @classmethod
    def copy_of_repo(cls, dest: Path) -> Project:
        """A copy of this repository (what a build reads, no .git) to change in a test."""
        dest.mkdir(parents=True)
        for name in PROJECT_FILES:
            source = ROOT / name
            if source.is_dir():
                shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(source, dest / name)
        return cls(dest)

    @classmethod
    def minimal(cls, dest: Path, *, engine: bool = True) -> Project:
        """The minimal course at `dest`; with the repository's overrides/, macros/ and assets unless
        engine=False (then it loads and checks, but does not build)."""
        shutil.copytree(MINIMAL, dest)
        if engine:
            for name in ENGINE:
                shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        return cls(dest)

    @classmethod
    def small(cls, dest: Path, *, site: bool = True) -> Project:
        """Module 'alpha' with lessons 'first' and 'second' by author 'ann' (reviewed 2026-11-01);
        with site=True also mkdocs.yml, brand.yml, a home page, a curriculum page and a glossary,
        and the module reviewed today. `dest` may exist already."""
        project = cls(dest)
        project.write("docs/blog/.authors.yml", AUTHORS)
        project.write(
            "docs/assets/authors/ann.svg", "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 8 8'><circle cx='4' cy='4' r='4'/></svg>"
        )
        project.module("alpha")
        if site:
            project.replace("modules/alpha/module.yml", "reviewed: 2026-11-01", f"reviewed: {Date.today().isoformat()}")
            project.write("mkdocs.yml", MKDOCS_YML)
            project.write("brand.yml", BRAND_YML)
            project.write("docs/index.md", "# Home\n\n{{ catalogue() }}\n\nSee [the first lesson](modules/alpha/first.md).\n")
            project.write("docs/curriculum/index.md", "# Curriculum\n")
            project.write("modules/glossary.yml", GLOSSARY_YML)
        return project

    # -- a path --------------------------------------------------------------------------------------

    def __fspath__(self) -> str:
        return os.fspath(self.root)

    def __str__(self) -> str:
        return str(self.root)

    def __repr__(self) -> str:
        return f"Project({str(self.root)!r})"

    def __truediv__(self, relative: str | Path) -> Path:
        return self.root / relative

    def path(self, relative: str | Path) -> Path:
        return self.root / relative

    # -- changing it ---------------------------------------------------------------------------------

    def read(self, relative: str | Path) -> str:
        return self.path(relative).read_text(encoding="utf-8")

    def write(self, relative: str | Path, content: str | bytes) -> Path:
        """Write a file (and its folders), replacing any there."""
        path = self.path(relative)
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    def replace(self, relative: str | Path, old: str, new: str) -> Path:
        """Replace the first `old` in a file: it must be there (a test that changes nothing fails)."""
        text = self.read(relative)
        assert old in text, f"{old!r} is not in {relative}"
        return self.write(relative, text.replace(old, new, 1))

    def append(self, relative: str | Path, text: str) -> Path:
        return self.write(relative, self.read(relative) + text)

    def delete(self, relative: str | Path) -> None:
        self.path(relative).unlink()

    def symlink_outside(self, relative: str | Path, outside: str, content: str) -> Path:
        """Replace a file with a link to a file `outside` the project (beside its folder) holding
        `content`. The link is relative, so a message naming it is the same in every temp folder."""
        target = self.root.parent / outside
        target.write_text(content, encoding="utf-8")
        link = self.path(relative)
        if link.exists():
            link.unlink()
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(os.path.relpath(target, link.parent))
        return link

    def module(self, module_id: str = "alpha", order: int = 1, prerequisites: str = "[]") -> Path:
        """A module from the template: lessons 'first' and 'second', objective 'do-it', author 'ann'."""
        self.write(
            f"modules/{module_id}/module.yml",
            MODULE_YML.format(id=module_id, title=module_id.title(), order=order, prerequisites=prerequisites),
        )
        self.write(f"modules/{module_id}/first.md", LESSON_MD.format(title="First lesson"))
        self.write(f"modules/{module_id}/second.md", LESSON_MD.format(title="Second lesson"))
        return self.path(f"modules/{module_id}")

    def lesson(self, module_id: str, slug: str, text: str | None = None, *, title: str | None = None) -> Path:
        """A lesson (the template's, unless `text`) added at the end of its module's list."""
        path = self.write(f"modules/{module_id}/{slug}.md", text if text is not None else LESSON_MD.format(title=title or slug.title()))
        meta = self.read(f"modules/{module_id}/module.yml")
        head, marker, listed = meta.partition("lessons:\n")
        assert marker, f"modules/{module_id}/module.yml has no block list of lessons"
        items = listed.splitlines(keepends=True)
        end = next((i for i, line in enumerate(items) if not line.startswith("  - ")), len(items))
        self.write(f"modules/{module_id}/module.yml", head + marker + "".join(items[:end]) + f"  - {slug}\n" + "".join(items[end:]))
        return path

    def article(self, slug: str, title: str = "An article", date: str = "2026-01-15", extra: str = "") -> Path:
        """A blog article by 'ann' in News, supporting module 'alpha'; `extra`: more front matter lines."""
        return self.write(f"docs/blog/posts/{slug}.md", ARTICLE_MD.format(date=date, title=title, extra=extra))

    # -- using it ------------------------------------------------------------------------------------

    def load(self, **options):
        """The curriculum, as the site and `course check` read it (raises CurriculumError)."""
        from macros.curriculum.load import load_curriculum

        return load_curriculum(self.root, **options)

    def course(self, *args: str, timeout: int = 120) -> subprocess.CompletedProcess:
        """The `course` command (the venv's console script) run in the project's folder."""
        return subprocess.run([str(BIN / "course"), *args], cwd=self.root, capture_output=True, text=True, timeout=timeout)

    def check(self, *args: str) -> subprocess.CompletedProcess:
        return self.course("check", *args)

    def build(self, site_dir: Path, *, tool: str = "mkdocs", strict: bool = True) -> subprocess.CompletedProcess:
        """A real build into `site_dir` with the venv's mkdocs (or properdocs)."""
        command = [sys.executable, "-m", tool, "build", "--site-dir", str(site_dir), "--config-file", str(self.root / "mkdocs.yml")]
        if strict:
            command.append("--strict")
        return subprocess.run(command, cwd=self.root, capture_output=True, text=True, env={**os.environ, **BUILD_ENV}, timeout=600)

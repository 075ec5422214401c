"""What the `course` command shares between its commands: the project it works on, and text tables."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import click

from macros.curriculum.load import load_curriculum
from macros.curriculum.model import Curriculum
from macros.curriculum.problems import CurriculumError, Problem
from macros.curriculum.project import CONFIG_FILE, Layout, find_root, read_layout
from macros.curriculum.tree import SourceTree
from macros.render.fragments import plural


class Project:
    """The project the command works on: found from the current folder upward, or --root."""

    def __init__(self, root: Path | None):
        self._root = root
        self._layout: Layout | None = None
        self.config_problems: list[Problem] = []
        self.tree = SourceTree()  # every file read once, whatever the command asks

    @property
    def layout(self) -> Layout:
        if self._layout is None:
            root = self._root or find_root(Path.cwd())
            if root is None:
                raise click.UsageError(
                    f"no {CONFIG_FILE} in {Path.cwd()} or any folder above it — run course inside the project, or give --root PATH"
                )
            self._layout, self.config_problems = read_layout(root)
        return self._layout

    def curriculum(self) -> Curriculum:
        """The loaded curriculum; on problems, prints them and exits 1 (never a traceback)."""
        layout = self.layout
        try:
            return load_curriculum(
                layout.root, modules_dir=layout.modules_dir, docs_dir=layout.docs_dir, blog_dir=layout.blog_dir, tree=self.tree
            )
        except CurriculumError as error:
            for problem in error.problems:
                click.echo(str(problem), err=True)
            click.echo(f"{count_problems(error.problems)} — run `course check` for the whole list.", err=True)
            raise SystemExit(1) from None


def count_problems(problems: list[Problem]) -> str:
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    return f"{plural(len(problems), 'problem')} ({plural(errors, 'error')}, {plural(warnings, 'warning')})"


def table(rows: list[tuple], right: Collection[int] = ()) -> list[str]:
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [str(cell).rjust(widths[i]) if i in right else str(cell).ljust(widths[i]) for i, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
    return lines


def short(text: str, width: int = 50) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"

"""Reading the project's files for the loader, with every problem collected on the way, so one run
reports them all.  Files come from the shared SourceTree: read once per build or check.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from macros.curriculum.kinds import mark
from macros.curriculum.memo import per_object
from macros.curriculum.problems import Problem, inside, relative
from macros.curriculum.schema_check import SCHEMA_OF, validate
from macros.curriculum.source import MarkdownSource, SourceError
from macros.curriculum.sources import source_problems
from macros.curriculum.tree import SourceTree

# The kinds of page that may list `sources:` (sources.py checks what the schema cannot say).
CITING = ("lesson", "capstone", "article")
MAX_FILE_BYTES = 1_000_000  # a lesson is prose; a larger file is a mistake (a pasted export)


class Reader:
    """Collects problems while reading, so one run reports them all."""

    def __init__(self, root: Path, tree: SourceTree):
        self.root = root
        self.tree = tree
        self.problems: list[Problem] = []
        # Modules that did not load or lost a lesson: not 'unknown' elsewhere, coverage unknown.
        self.uncertain: set[str] = set()

    def rel(self, path: Path) -> str:
        return relative(path, self.root)

    def problem(self, path: Path, line: int, field: str, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.rel(path), line, field, message, hint))

    def _unreadable(self, path: Path) -> bool:
        """A link out of the project (reported by _links_out), or a file too big: never read."""
        return not inside(path, self.root) or self._too_big(path)

    def _too_big(self, path: Path) -> bool:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            self.problem(
                path,
                0,
                "",
                f"the file is {size // 1000:,} KB, over the {MAX_FILE_BYTES // 1000:,} KB limit",
                "split it into several lessons, or move data out of it",
            )
            return True
        return False

    def yaml(self, path: Path) -> Any:
        if self._unreadable(path):
            return None
        try:
            data = self.tree.yaml(path)
        except SourceError as error:
            self.problem(path, error.line, "", error.message, error.hint)
            return None
        if data is None:
            self.problem(path, 1, "", "the file is empty", "fill in the fields (see the author guide's metadata reference)")
        return data

    def markdown(self, path: Path) -> MarkdownSource | None:
        if self._unreadable(path):
            return None
        try:
            source = self.tree.markdown(path)
        except SourceError as error:
            self.problem(path, error.line, "", error.message, error.hint)
            return None
        if not source.meta and not source.body.strip():
            self.problem(path, 1, "", "the file is empty", "start it with front matter between --- lines, then the text")
            return None
        return source

    def checked(self, kind: str, data: Any, path: Path) -> bool:
        """Whether `data` passed the schema (its problems reported)."""
        return not self.schema_problems(kind, data, path)

    def schema_problems(self, kind: str, data: Any, path: Path) -> list[Problem]:
        """The schema's problems with `data`, reported; the caller may still check the fields they
        leave alone (validate.py's `Broken`), so one run shows everything."""
        found = validate(kind, data, self.rel(path))
        if kind in CITING:
            found = found + source_problems(data, self.rel(path))
        self.problems.extend(found)
        if not found:
            _mark(data, kind)  # inline-Markdown values are handed on as such (kinds.py)
        return found


def links_out(reader: Reader, folders: list[Path]) -> None:
    """Symbolic links that lead out of the project: the site would publish whatever they point at."""
    for base in folders:
        found = [base] if base.is_symlink() else []
        for folder, dirs, files in os.walk(base):  # a linked folder is listed, never entered
            found += [Path(folder) / name for name in dirs + files if (Path(folder) / name).is_symlink()]
        for link in found:
            if not inside(link, reader.root):
                target = os.readlink(link)
                reader.problem(
                    link,
                    0,
                    "",
                    f"this is a link to {target}, outside the project",
                    "put the file itself in the project instead of a link to it",
                )


@per_object  # in place, once per parsed object (the preview's next build hands them back)
def _mark(data: Any, kind: str) -> None:
    mark(SCHEMA_OF[kind], data)

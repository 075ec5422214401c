"""Problems an author can act on: where, what is wrong, how to fix it.

Every check in the project reports through `Problem`, so the build, `course check` and CI print
one shape: ``file:line: field: what is wrong — how to fix it``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    file: str  # relative to the project root, with forward slashes
    line: int  # 1-based line in the real file; 0 when the problem concerns the whole file
    field: str  # the metadata field or macro concerned, '' when none
    message: str  # what is wrong
    hint: str = ""  # how to fix it
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {self.field}:" if self.field else ""
        hint = f" — {self.hint}" if self.hint else ""
        label = " warning:" if self.severity == "warning" else ""
        return f"{where}:{label}{field} {self.message}{hint}"

    def github(self) -> str:
        """The same problem as a GitHub Actions annotation (workflow-command escaping applied)."""
        kind = "warning" if self.severity == "warning" else "error"
        field = f"{self.field}: " if self.field else ""
        hint = f" — {self.hint}" if self.hint else ""
        text = _escape(f"{field}{self.message}{hint}")
        file = _escape(self.file).replace(",", "%2C").replace(":", "%3A")
        return f"::{kind} file={file},line={max(self.line, 1)}::{text}"


def _escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


class CurriculumError(Exception):
    """Raised with every problem found, never with only the first."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        lines = [str(p) for p in self.problems]
        errors = sum(p.severity == "error" for p in self.problems)
        lines.append(f"{errors} problem{'s' if errors != 1 else ''} found.")
        return "\n".join(lines)


@lru_cache(maxsize=65536)  # thousands of calls a check, on the same few thousand paths
def relative(path: Path, root: Path) -> str:
    """A path as authors see it: relative to the project, forward slashes.

    A link is named where it is, not where it points (which may be outside the project).
    """
    root = root.resolve()
    for candidate in (path.parent.resolve() / path.name, path.resolve()):
        try:
            return candidate.relative_to(root).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def inside(path: Path, root: Path) -> bool:
    """Whether `path`, links followed, is in the project (a link may point anywhere)."""
    return path.resolve().is_relative_to(root.resolve())


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' — did you mean 'x'?' style suggestion, or '' when nothing is close."""
    match = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f"did you mean '{match[0]}'?" if match else ""

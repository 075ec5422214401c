"""`python -m macros.checks ROOT`: what would stop the live preview's next full build.

The preview's quick path (site/live_update.py) runs this in a process of its own, at a low
priority, after each quick rebuild: the pages show at once, and an edit that broke something
elsewhere (a link to a heading it renamed) still takes the full rebuild, which shows the problem.
Only metadata errors count, as in the preview's build: content errors are warnings there.
Exit status 0: none; 1: some, one per line.
"""

from __future__ import annotations

import sys
from pathlib import Path

from macros.checks import check_project
from macros.curriculum.project import read_layout


def main(root: Path) -> int:
    layout, problems = read_layout(root)
    report = check_project(layout)
    errors = [problem for problem in problems + report.metadata if problem.severity == "error"]
    for problem in errors:
        print(problem)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]).resolve()))

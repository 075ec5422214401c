"""What the site publishes at addresses of its own making.

published_file_problems(layout)      the PDFs `make pdf` prints (pdf/): regular files inside the
                                     project, never links, which would publish what they point at
taken_address_problems(layout, c)    a page in docs/ at an address the course writes (a lesson,
                                     a workbook...): MkDocs would drop one of the two unsaid
"""

from __future__ import annotations

import os

from macros.curriculum.addresses import MODULE_GENERATED, MODULE_HANDOUTS, handout_page, pdf_download
from macros.curriculum.model import Curriculum
from macros.curriculum.problems import Problem, inside
from macros.curriculum.project import Layout


def published_file_problems(layout: Layout) -> list[Problem]:
    folder = layout.root / layout.pdf_dir
    if folder.is_symlink():
        return [_link(layout, folder)]
    if not folder.is_dir():
        return []
    problems = []
    for path in sorted(folder.iterdir()):
        if path.is_symlink():
            problems.append(_link(layout, path))
        elif path.suffix.lower() == ".pdf" and not path.is_file():
            problems.append(Problem(layout.rel(path), 0, "", "this is not a regular file", "put the PDF itself here, or run make pdf"))
    return problems


def _link(layout: Layout, path) -> Problem:
    target = os.readlink(path)
    where = "inside" if inside(path, layout.root) else "outside"
    return Problem(
        layout.rel(path),
        0,
        "",
        f"this is a link to {target}, {where} the project; the site publishes only regular files from {layout.pdf_dir}/",
        "put the file itself here (make pdf writes it), or delete the link",
    )


def taken_address_problems(layout: Layout, curriculum: Curriculum) -> list[Problem]:
    problems = []
    for module in curriculum.modules:
        made = {module.path: f"the overview of module {module.id}"}
        made |= {page.path: f"the page of {page.source}" for page in module.pages}
        for kind in MODULE_GENERATED:
            made[handout_page(module.id, kind)] = f"the {kind.value} page of module {module.id}"
        for kind in MODULE_HANDOUTS:
            made[pdf_download(module.id, kind)] = f"the printed {kind.value} of module {module.id} (from {layout.pdf_dir}/)"
        for address, what in made.items():
            if (layout.docs / address).exists():
                problems.append(
                    Problem(
                        layout.rel(layout.docs / address),
                        0,
                        "",
                        f"the site writes {what} at this address, so this file would not be published",
                        "move or rename it; the course's own pages come from modules/",
                    )
                )
    return problems

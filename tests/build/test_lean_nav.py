"""The site navigation of a page does not grow with the curriculum (overrides/partials/nav-item.html).

A lesson's sidebar (the drawer on a phone) lists its own module's pages and the top-level sections;
the other modules are on the curriculum page, not in every page's navigation. Real builds of a copy
of this repository, before and after its modules are copied under new ids.
"""

from __future__ import annotations

import json
import re
import shutil
from html import unescape

from tests.factory import Project
from tests.html import html, text_of

COPIES = 3  # of every module: a curriculum four times the size


def primary_nav(page: str) -> str:
    """The page's site navigation (Material's nav.md-nav--primary, with the nested navs in it)."""
    start = page.index('<nav class="md-nav md-nav--primary')
    depth, position = 0, start
    for tag in re.finditer(r"<(/?)nav\b", page[start:]):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            position = start + tag.end()
            break
    return page[start : page.index(">", position) + 1]


def copy_module(project: Project, module, number: int) -> tuple[str, str]:
    """A module's folder again as modules/<id>-copy-<number>, ordered after every module: (id, title)."""
    new_id, title = f"{module.id}-copy-{number}", f"{module.title} copy {number}"
    shutil.copytree(project / "modules" / module.id, project / "modules" / new_id)
    meta = project.read(f"modules/{new_id}/module.yml")
    meta = re.sub(r"^id: .*$", f"id: {new_id}", meta, count=1, flags=re.MULTILINE)
    meta = re.sub(r"^title: .*$", f"title: {json.dumps(title)}", meta, count=1, flags=re.MULTILINE)  # JSON is YAML
    meta = re.sub(r"^order: .*$", f"order: {1000 + number}", meta, count=1, flags=re.MULTILINE)
    project.write(f"modules/{new_id}/module.yml", meta)
    return new_id, title


def test_a_lessons_navigation_does_not_grow_when_modules_are_added(tmp_path):
    project = Project.copy_of_repo(tmp_path / "project")
    curriculum = project.load()
    module, lesson = curriculum.modules[0], curriculum.modules[0].lessons[0]
    url = f"modules/{module.id}/{lesson.slug}"

    result = project.build(tmp_path / "before")
    assert result.returncode == 0, result.stderr
    before = primary_nav(html(tmp_path / "before", url))

    copies = [copy_module(project, other, number) for number in range(1, COPIES + 1) for other in curriculum.modules]
    result = project.build(tmp_path / "after")
    assert result.returncode == 0, result.stderr
    after = primary_nav(html(tmp_path / "after", url))

    assert len(after) == len(before), (
        f"{url}: the navigation grew from {len(before)} to {len(after)} bytes when "
        f"{len(copies)} modules were added: every page would carry the whole curriculum"
    )
    assert [title for _, title in copies if title in after] == []
    # Its own module is all there: the overview and every lesson, and the curriculum page.
    for step in (module.title, *(page.title for page in module.pages)):
        assert step in unescape(text_of(after)), f"{url}: '{step}' is missing from the navigation"
    assert 'href="../../../curriculum/"' in after
    # A copy's lesson shows that copy's module; the curriculum page lists every module.
    copy_id, copy_title = next(copy for copy in copies if copy[0] == f"{module.id}-copy-{COPIES}")
    assert copy_title in unescape(text_of(primary_nav(html(tmp_path / "after", f"modules/{copy_id}/{lesson.slug}"))))
    catalogue = html(tmp_path / "after", "curriculum")
    assert [new_id for new_id, _ in copies if f"modules/{new_id}/" not in catalogue] == []


def test_the_curriculum_page_opens_no_empty_panel(built_site):
    """Its section lists no module, so it is not expanded: the phone's drawer opens on the top level."""
    nav = primary_nav(html(built_site, "curriculum"))
    section = re.search(r'<li class="md-nav__item md-nav__item--active[^"]*"><input [^>]*>', nav)
    assert section, "the curriculum section is not marked active on its own page"
    assert "checked" not in section.group(0)
    # Every nested navigation is named by a label that is there (aria-labelledby), or by aria-label.
    missing = [name for name in re.findall(r'aria-labelledby="([^"]+)"', nav) if f'id="{name}"' not in nav]
    assert missing == [], f"aria-labelledby names no element: {missing}"

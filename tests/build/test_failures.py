"""A broken input fails the build with file:line: what — fix, no traceback, and site/ survives."""

from __future__ import annotations

import os
import subprocess
from html import unescape
from pathlib import Path

import pytest

from tests.brand import Brand
from tests.factory import ROOT, Project


@pytest.fixture
def project(tmp_path) -> Project:
    """A copy of this project to break."""
    return Project.copy_of_repo(tmp_path / "project")


def failed_with(result: subprocess.CompletedProcess, *lines: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    for line in lines:
        assert line in output, output


@pytest.mark.curriculum
def test_bad_metadata_stops_the_build_before_anything_is_written(project, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "keep.txt").write_text("the previous site")
    project.replace("modules/questioning-skills/module.yml", "level: introductory", "level: beginner")
    project.replace("modules/questioning-skills/module.yml", "prerequisites: [customer-service]", "prerequisites: [customer-servce]")
    result = project.build(site)
    failed_with(
        result,
        'modules/questioning-skills/module.yml:5: level: "beginner" is not allowed here — use one of introductory, intermediate, advanced',
    )
    assert (site / "keep.txt").read_text() == "the previous site"
    assert [p.name for p in site.iterdir()] == ["keep.txt"]


@pytest.mark.curriculum
def test_unknown_prerequisite_is_named_with_a_suggestion(project, tmp_path):
    project.replace("modules/questioning-skills/module.yml", "prerequisites: [customer-service]", "prerequisites: [questioning-skill]")
    failed_with(
        project.build(tmp_path / "site"),
        "modules/questioning-skills/module.yml:72: prerequisites: unknown module 'questioning-skill' — did you mean 'questioning-skills'?",
    )


def test_a_bad_macro_call_names_the_page_the_line_and_the_call(project, tmp_path):
    page = project / "docs/curriculum/index.md"
    project.replace(page, "{{ catalogue() }}", '{{ catalogue(levle="introductory") }}')
    line = page.read_text().splitlines().index('{{ catalogue(levle="introductory") }}') + 1
    failed_with(
        project.build(tmp_path / "site"),
        f"docs/curriculum/index.md:{line}: macro: catalogue(): got an unexpected keyword argument 'levle' — call it as "
        f"catalogue(level=None, tag=None)",
    )


def test_an_undefined_name_fails_even_without_strict(project, tmp_path):
    page = project / "docs/curriculum/index.md"
    project.replace(page, "{{ catalogue() }}", "{{ catalog() }}")
    failed_with(project.build(tmp_path / "site", strict=False), "macro: unknown macro 'catalog' — did you mean 'catalogue'?")


def test_make_site_keeps_the_previous_site_when_the_build_fails(project):
    venv = ROOT / ".venv"
    # A stamp newer than the copied files: make must not reinstall into the shared .venv from the copy.
    stamp = project / ".installed"
    stamp.touch()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    make = ["make", "--no-print-directory", "-C", str(project), "site", f"VENV={venv}", f"STAMP={stamp}"]
    first = subprocess.run(make, capture_output=True, text=True, env=env, timeout=600)
    assert first.returncode == 0, first.stdout + first.stderr
    before = (project / "site/index.html").read_text()
    project.replace("docs/index.md", "{{ catalogue() }}", "{{ catalogue(42) }}")
    second = subprocess.run(make, capture_output=True, text=True, env=env, timeout=600)
    failed_with(second, "docs/index.md:")
    assert (project / "site/index.html").read_text() == before


def previous_site(folder: Path) -> dict[str, str]:
    """A stand-in for the last good site, and a snapshot of it to compare with after a build."""
    (folder / "lesson").mkdir(parents=True)
    (folder / "index.html").write_text("the previous site")
    (folder / "lesson/index.html").write_text("a page of the previous site")
    return snapshot(folder)


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("strict", [True, False])
def test_a_build_that_fails_late_leaves_the_previous_site_exactly_as_it_was(project, tmp_path, strict):
    """An error only rendering finds (the checks before the build pass) fails even a non-strict build."""
    site = tmp_path / "site"
    before = previous_site(site)
    about = project / "docs/about.md"
    about.write_text(about.read_text() + "\n\nTotal: {{ 10 // 0 }}\n")
    failed_with(project.build(site, strict=strict), "docs/about.md:", "macro: ZeroDivisionError")
    assert snapshot(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"], "the staging folder was left behind"


def test_a_strict_warning_found_after_writing_leaves_the_previous_site(project, tmp_path):
    """MkDocs validates anchors after it has written every page, then aborts a strict build.

    course check leaves anchors alone on pages whose macros write ids, so this one gets that far."""
    site = tmp_path / "site"
    before = previous_site(site)
    page = project / "docs/curriculum/index.md"
    page.write_text(page.read_text() + "\n\nSee [the list](#no-such-anchor).\n")
    failed_with(
        project.build(site),
        "contains a link '#no-such-anchor', but there is no such anchor on this page",
        "Aborted with 1 warnings in strict mode",
    )
    assert snapshot(site) == before


def test_a_good_build_replaces_the_whole_previous_site(project, tmp_path):
    site = tmp_path / "site"
    previous_site(site)
    result = project.build(site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (site / "lesson").exists(), "a file of the previous site survived"
    assert Brand.of(project).site_name in unescape((site / "index.html").read_text())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]


@pytest.mark.curriculum
def test_the_site_also_builds_with_properdocs(tmp_path):
    site = tmp_path / "site"
    result = Project.repo().build(site, tool="properdocs")
    assert result.returncode == 0, result.stdout + result.stderr
    page = (site / "modules/questioning-skills/open-closed-and-probing/index.html").read_text()
    assert "Lesson 2 of 5" in page and "course-check" in page

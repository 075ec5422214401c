"""A broken input fails the build with file:line: what — fix, no traceback, and site/ survives."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, build, copy_project

@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of this project to break."""
    return copy_project(tmp_path / "project")


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def failed_with(result: subprocess.CompletedProcess, *lines: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    for line in lines:
        assert line in output, output


def test_bad_metadata_stops_the_build_before_anything_is_written(project, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "keep.txt").write_text("the previous site")
    replace(project / "modules/questioning-skills/module.yml", "level: introductory", "level: beginner")
    replace(project / "modules/questioning-skills/module.yml", "prerequisites: [customer-service]", "prerequisites: [customer-servce]")
    result = build(project, site)
    failed_with(
        result,
        'modules/questioning-skills/module.yml:5: level: "beginner" is not allowed here — use one of introductory, intermediate, advanced',
    )
    assert (site / "keep.txt").read_text() == "the previous site"
    assert [p.name for p in site.iterdir()] == ["keep.txt"]


def test_unknown_prerequisite_is_named_with_a_suggestion(project, tmp_path):
    replace(project / "modules/questioning-skills/module.yml", "prerequisites: [customer-service]", "prerequisites: [questioning-skill]")
    failed_with(
        build(project, tmp_path / "site"),
        "modules/questioning-skills/module.yml:13: prerequisites: unknown module 'questioning-skill' — did you mean 'questioning-skills'?",
    )


def test_a_bad_macro_call_names_the_page_the_line_and_the_call(project, tmp_path):
    page = project / "docs/curriculum/index.md"
    replace(page, "{{ catalogue() }}", '{{ catalogue(levle="introductory") }}')
    line = page.read_text().splitlines().index('{{ catalogue(levle="introductory") }}') + 1
    failed_with(
        build(project, tmp_path / "site"),
        f"docs/curriculum/index.md:{line}: macro: catalogue(): got an unexpected keyword argument 'levle' — call it as catalogue(level=None, tag=None)",
    )


def test_an_undefined_name_fails_even_without_strict(project, tmp_path):
    page = project / "docs/curriculum/index.md"
    replace(page, "{{ catalogue() }}", "{{ catalog() }}")
    failed_with(build(project, tmp_path / "site", strict=False), "macro: unknown name: 'catalog' is undefined — did you mean 'catalogue'?")


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
    replace(project / "docs/index.md", "{{ catalogue() }}", "{{ catalogue(42) }}")
    second = subprocess.run(make, capture_output=True, text=True, env=env, timeout=600)
    failed_with(second, "docs/index.md:")
    assert (project / "site/index.html").read_text() == before


def test_the_site_also_builds_with_properdocs(tmp_path):
    site = tmp_path / "site"
    result = build(ROOT, site, tool="properdocs")
    assert result.returncode == 0, result.stdout + result.stderr
    page = (site / "modules/questioning-skills/open-closed-and-probing/index.html").read_text()
    assert "Lesson 2 of 5" in page and "course-check" in page

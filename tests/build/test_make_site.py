"""`make site` runs `course check` before MkDocs reads any YAML of ours.

MkDocs reads brand.yml (mkdocs.yml's INHERIT) with its own loader, which runs `!!python` tags,
before any plugin can look. The check reads it safely, so the Makefile puts the check first.
Run on a copy of the repository, with this test run's virtualenv (VENV and STAMP are pointed at
it, so make installs nothing).
"""

from __future__ import annotations

import re
import subprocess

from tests.factory import BIN, Project


def make_site(project: Project, tmp_path) -> subprocess.CompletedProcess:
    stamp = tmp_path / "installed"
    stamp.touch()  # newer than the copied lock file: make sees the set-up as done
    return subprocess.run(
        ["make", "site", f"VENV={BIN.parent}", f"STAMP={stamp}", f"SITE={tmp_path / 'site'}"],
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_python_tag_in_brand_yml_stops_make_site_before_mkdocs_runs_it(tmp_path):
    project = Project.copy_of_repo(tmp_path / "project")
    witness = tmp_path / "ran"
    author = re.search(r"(?m)^site_author: .*$", project.read("brand.yml"))
    assert author, "brand.yml has no site_author line"
    line = project.read("brand.yml").count("\n", 0, author.start()) + 1
    project.replace("brand.yml", author.group(0), f"site_author: !!python/object/apply:os.system ['touch {witness}']")
    result = make_site(project, tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert f"brand.yml:{line}: this is not valid YAML (could not determine a constructor for the tag" in output
    assert "mkdocs build" not in output  # make stopped at the check
    assert not witness.exists()
    assert not (tmp_path / "site").exists()

"""`python -m macros.checks ROOT`: the preview's background check after a quick rebuild
(site/live_update.py) sees what would stop the next full build, and only that."""

from __future__ import annotations

import subprocess
import sys

from tests.factory import Project


def run(project: Project) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros.checks", str(project.root)], capture_output=True, text=True, timeout=300)


def test_a_sound_course_passes(tmp_path):
    done = run(Project.minimal(tmp_path / "course", engine=False))
    assert (done.returncode, done.stdout) == (0, ""), done.stdout + done.stderr


def test_a_wrong_field_fails_with_its_file_and_line(tmp_path):
    project = Project.minimal(tmp_path / "course", engine=False)
    project.replace("modules/map-reading/contours.md", "duration: 25", "duration: ten")
    done = run(project)
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stdout.startswith('modules/map-reading/contours.md:3: duration: expected a whole number, got "ten"'), done.stdout


def test_content_problems_do_not_count_as_in_the_preview(tmp_path):
    """A lesson still full of TODOs shows in the preview: it is not a reason for a full rebuild."""
    project = Project.minimal(tmp_path / "course", engine=False)
    project.append("modules/map-reading/contours.md", "\nTODO: finish this section.\n")
    assert project.check().returncode == 1, "course check should name the TODO"
    done = run(project)
    assert (done.returncode, done.stdout) == (0, ""), done.stdout + done.stderr

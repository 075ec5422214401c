"""A new author's first lesson, as the author guide describes it: `course new lesson` writes it,
`course check` and the build name every placeholder left, and the live preview shows it anyway."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.brand import Brand
from tests.factory import Project

pytestmark = pytest.mark.curriculum  # on this repository's sample modules

BIN = Path(sys.executable).parent
LESSON = "modules/questioning-skills/asking-follow-ups.md"


def placeholders(output: str) -> list[str]:
    return sorted(line for line in output.splitlines() if line.startswith(LESSON + ":") and "a placeholder is left in" in line)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_new_lesson_is_checked_refused_by_the_build_and_shown_in_the_preview(tmp_path):
    project = Project.copy_of_repo(tmp_path / "project")
    made = project.course("new", "lesson", "questioning-skills", "asking-follow-ups")
    assert made.returncode == 0, made.stdout + made.stderr

    checked = project.check()
    assert checked.returncode == 1
    found = placeholders(checked.stdout + checked.stderr)
    assert len(found) >= 10, checked.stdout

    # The build says the same, and publishes nothing half-written.
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous site")
    built = project.build(site)
    assert built.returncode != 0 and "Traceback" not in built.stderr
    printed = [line.split("-  ", 1)[-1] for line in (built.stdout + built.stderr).splitlines()]
    assert placeholders("\n".join(printed)) == found
    assert [p.name for p in site.iterdir()] == ["index.html"]

    # The preview shows the page while the placeholders are being filled in, under site_url's path.
    port = free_port()
    preview = f"http://127.0.0.1:{port}{Brand.of(project).base_path}"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    serve = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        page = None
        for _ in range(240):  # the first build of the whole site: generous, not a speed test
            try:
                page = urllib.request.urlopen(preview + "modules/questioning-skills/asking-follow-ups/", timeout=5).read().decode()
                break
            except OSError:
                if serve.poll() is not None:
                    raise AssertionError("mkdocs serve stopped:\n" + serve.stderr.read()) from None
                time.sleep(0.5)
        assert page is not None, "the preview never served the new lesson"
        assert "TODO: the lesson&#39;s title" in page or "TODO: the lesson's title" in page
        assert "timing plan that adds up to the duration" not in page, "a facilitator note reached the learner page"
    finally:
        serve.terminate()
        serve.wait(timeout=30)

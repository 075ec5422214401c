"""`make bench` keeps working as the content grows: its plain-Material copy of a curriculum large
enough to copy every article once builds in strict mode. An article that linked a page only the
course has (practice.md) once broke the benchmark unnoticed, because nothing else builds that copy.
"""

from __future__ import annotations

import os
import subprocess

import pytest

from tests.bench.builds import build_command
from tests.bench.curricula import LESSONS_PER_ARTICLE, make_plain, make_project, real_articles

pytestmark = pytest.mark.curriculum  # this repository's own lessons, copied


def test_the_plain_copy_with_every_article_builds_in_strict_mode(tmp_path):
    lessons = LESSONS_PER_ARTICLE * len(real_articles())  # one article is copied for every ten lessons
    project = make_project(tmp_path / "ours", lessons)
    plain = tmp_path / "plain"
    plain.mkdir()
    pages = make_plain(project, plain)
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        build_command(plain, tmp_path / "site"), cwd=plain, capture_output=True, text=True, timeout=300, env=environment
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert pages > lessons
    assert len(list((tmp_path / "site").rglob("index.html"))) >= pages

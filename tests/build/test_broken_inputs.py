"""Broken inputs (the corpus in broken_inputs.py): `course check` and the strict build each fail
with the case's exact `file:line: what — fix` lines and no traceback, and a failed build leaves
the previous site exactly as it was. Hostile text in titles and summaries stays text everywhere.

Each case costs one `course check` and one real build of the minimal course (about a second or
two each); the whole file takes a few minutes on a shared machine.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.build import (
    broken_after_course,
    broken_brand,
    broken_checks,
    broken_escaping,
    broken_offsite,
    broken_rotation,
    broken_rules,
    broken_scenarios,
    broken_sources,
    broken_style,
    broken_templates,
    broken_timings,
)
from tests.build.broken_inputs import CASES as BASE_CASES
from tests.build.broken_inputs import Case
from tests.factory import MINIMAL, ROOT, Project
from tests.html import HOSTILE, head
from tests.search import indexed_pages

LOG_PREFIX = re.compile(r"^(?:ERROR|WARNING|INFO|DEBUG)\s+-\s+")
MARKER = "the previous site"
CASES = [
    *BASE_CASES,
    *broken_templates.CASES,
    *broken_escaping.CASES,
    *broken_offsite.CASES,
    *broken_rules.CASES,
    *broken_brand.CASES,
    *broken_scenarios.CASES,
    *broken_after_course.CASES,
    *broken_checks.CASES,
    *broken_timings.CASES,
    *broken_rotation.CASES,
    *broken_sources.CASES,
    *broken_style.CASES,
]


def output_lines(result: subprocess.CompletedProcess) -> list[str]:
    """Every line printed, without MkDocs' 'ERROR   -  ' prefixes."""
    return [LOG_PREFIX.sub("", line) for line in (result.stdout + result.stderr).splitlines()]


@pytest.fixture
def project(tmp_path) -> Project:
    return Project.minimal(tmp_path / "project")


def test_the_corpus_has_thirty_named_cases():
    names = [case.name for case in CASES]
    assert len(names) >= 30 and len(set(names)) == len(names)
    assert all(case.check for case in CASES)


def test_the_minimal_course_is_valid(project, tmp_path):
    checked = project.check()
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.strip() == "No problems found in 2 modules, 4 lessons, 1 article."
    site = tmp_path / "site"
    built = project.build(site)
    assert built.returncode == 0, built.stdout + built.stderr
    for page in [
        "index.html",
        "modules/map-reading/index.html",
        "modules/route-planning/bearings/index.html",
        "modules/route-planning/capstone/index.html",
        "blog/fold-the-map-first/index.html",
        "glossary/index.html",
    ]:
        assert (site / page).is_file(), page


def test_the_minimal_course_uses_the_real_configuration():
    """Only the nav (and the docs it lists) and the content rules differ from mkdocs.yml: the cases
    break the real engine. (The repository asks 700 words of a lesson; the minimal course's have 30.)"""

    def config(path: Path) -> dict:
        loader = type("Loader", (yaml.SafeLoader,), {})
        loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)
        return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)

    real, minimal = config(ROOT / "mkdocs.yml"), config(MINIMAL / "mkdocs.yml")
    for settings in (real, minimal):
        for plugin in settings["plugins"]:
            if isinstance(plugin, dict) and "course" in plugin:
                plugin["course"].pop("rules", None)
    for key in ["INHERIT", "docs_dir", "theme", "plugins", "markdown_extensions", "validation", "not_in_nav"]:
        assert minimal.get(key) == real.get(key), key


def _ids(cases: list[Case]) -> list[str]:
    return [case.name for case in cases]


@pytest.mark.parametrize("case", CASES, ids=_ids(CASES))
def test_course_check_reports_exactly_the_problem(case: Case, project):
    case.apply(project)
    result = project.check()
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output, output
    printed = output_lines(result)
    problems = [line for line in printed if not re.fullmatch(r"\d+ problems? \(.*\)", line)]
    assert sorted(problems) == sorted(case.check), output


BUILT = [case for case in CASES if case.build]


@pytest.mark.parametrize("case", BUILT, ids=_ids(BUILT))
def test_the_build_fails_with_the_problem_and_keeps_the_site(case: Case, project, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "keep.txt").write_text(MARKER, encoding="utf-8")
    case.apply(project)
    result = project.build(site)
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.returncode != 0, output
    printed = output_lines(result)
    missing = [line for line in case.build_lines if line not in printed]
    assert not missing, f"not printed: {missing}\n{output}"
    assert [p.name for p in site.iterdir()] == ["keep.txt"]
    assert (site / "keep.txt").read_text(encoding="utf-8") == MARKER


# -- hostile text: <script> in titles and summaries is text on every page, card and data block ------


def test_html_in_titles_and_summaries_is_text_everywhere(project, tmp_path):
    project.replace("modules/map-reading/module.yml", "title: Map reading", f"title: '{HOSTILE}'")
    project.replace(
        "modules/map-reading/module.yml",
        "summary: Read the symbols and the shape of the ground on a paper map.",
        f"summary: '{HOSTILE} on a map.'",
    )
    project.replace("modules/map-reading/symbols.md", "title: Map symbols", f"title: '{HOSTILE}'")
    project.replace("docs/blog/posts/fold-the-map-first.md", "# Fold the map first\n", "")
    project.replace("docs/blog/posts/fold-the-map-first.md", "date: 2026-03-02", f"date: 2026-03-02\ntitle: '{HOSTILE}'")
    project.replace(
        "docs/blog/posts/fold-the-map-first.md",
        "description: Why we teach folding the map before anything else.",
        f"description: '{HOSTILE} with a map.'",
    )
    checked = project.check()
    assert checked.returncode == 0, checked.stdout
    site = tmp_path / "site"
    result = project.build(site)
    assert result.returncode == 0, result.stdout + result.stderr

    written = [p for p in site.rglob("*") if p.suffix in (".html", ".json", ".xml") and p.is_file()]
    raw = [p.relative_to(site).as_posix() for p in written if "<script>alert(1)" in p.read_text(encoding="utf-8")]
    assert raw == []  # nav, cards, <title>, meta tags, JSON-LD, search index, feeds

    home = (site / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in home  # the catalogue card: title and summary
    module = head(site / "modules/map-reading/index.html")
    assert module.title.startswith(HOSTILE + " - ")
    assert module.one("og:title") == module.one("twitter:title") == HOSTILE
    assert module.data("Course")["name"] == HOSTILE
    assert module.data("Course")["description"].startswith(HOSTILE)
    lesson = head(site / "modules/map-reading/symbols/index.html")
    assert lesson.one("og:title") == HOSTILE and lesson.data("LearningResource")["name"] == HOSTILE
    article = head(site / "blog/fold-the-map-first/index.html")
    assert article.title.startswith(HOSTILE + " - ") and article.data("BlogPosting")["headline"] == HOSTILE
    assert article.one("description").startswith(HOSTILE)
    assert article.data("BlogPosting")["description"].startswith(HOSTILE)

    # Search holds titles, module names (its filters) and descriptions as text, shown as text by search.js.
    searched = indexed_pages(site)
    lesson_entry = searched["modules/map-reading/symbols/"]
    assert (lesson_entry.title, lesson_entry.modules) == (HOSTILE, [HOSTILE])
    assert searched["modules/map-reading/"].meta["description"] == f"{HOSTILE} on a map."
    assert searched["blog/fold-the-map-first/"].title == HOSTILE

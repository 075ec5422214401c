"""What a workflow run tells its reader: each script step of pages.yml and checks.yml that explains a
failure is run here with bash, as GitHub runs it (`bash -e`), in a real project, and its annotations
and step summary are read back. Only the GitHub CLI is a stand-in: a script that answers as GitHub
does and records what it was asked. (tests/build/test_repository.py lints the workflows.)
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.factory import ROOT, Project

WORKFLOWS = ROOT / ".github" / "workflows"
REPOSITORY = "northwind/courses"
PAGES_URL = "https://northwind.github.io/courses"


@dataclass
class Run:
    returncode: int
    stdout: str  # where workflow commands (annotations) go
    summary: str  # $GITHUB_STEP_SUMMARY
    outputs: str  # $GITHUB_OUTPUT


def job(workflow: str, name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / workflow).read_text(encoding="utf-8"))["jobs"][name]


def step(workflow: str, job_name: str, name: str) -> dict:
    """A step by its id or its name."""
    found = [s for s in job(workflow, job_name)["steps"] if name in (s.get("id"), s.get("name"))]
    assert len(found) == 1, f"{workflow}: no single step {name!r} in job {job_name}"
    return found[0]


def step_env(found: dict, expressions: dict[str, str]) -> dict[str, str]:
    """The step's env, each `${{ expression }}` replaced by the value a run would give it."""
    env = {}
    for key, text in found.get("env", {}).items():
        for expression in re.findall(r"\$\{\{\s*(.*?)\s*\}\}", str(text)):
            assert expression in expressions, f"give the test a value for ${{{{ {expression} }}}}"
            text = text.replace(f"${{{{ {expression} }}}}", expressions[expression])
        env[key] = str(text)
    return env


def run_step(found: dict, cwd: Path, tmp: Path, expressions: dict[str, str] | None = None, extra: dict | None = None) -> Run:
    summary, outputs, runner_temp = tmp / "summary.md", tmp / "output", tmp / "runner"
    runner_temp.mkdir(exist_ok=True)
    script = tmp / "step.sh"
    script.write_text(found["run"], encoding="utf-8")
    env = {
        **os.environ,
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_OUTPUT": str(outputs),
        "GITHUB_REPOSITORY": REPOSITORY,
        "GITHUB_SERVER_URL": "https://github.com",
        "RUNNER_TEMP": str(runner_temp),
        **step_env(found, {"runner.temp": str(runner_temp), **(expressions or {})}),
        **(extra or {}),
    }
    result = subprocess.run(["bash", "-e", str(script)], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    read = lambda path: path.read_text(encoding="utf-8") if path.exists() else ""  # noqa: E731
    return Run(result.returncode, result.stdout + result.stderr, read(summary), read(outputs))


@pytest.fixture
def project(tmp_path) -> Project:
    """The minimal course, with this repository's .venv where the workflows look for it."""
    course = Project.minimal(tmp_path / "course")
    (course.root / ".venv").symlink_to(ROOT / ".venv")
    return course


# ── Is GitHub Pages set up? (pages.yml, before the build) ─────────────────────────────────────


def fake_gh(tmp_path: Path, stdout: str, stderr: str = "", status: int = 0) -> dict[str, str]:
    """A `gh` on PATH that answers like the GitHub CLI and writes its arguments to gh.args."""
    folder = tmp_path / "bin"
    folder.mkdir()
    gh = folder / "gh"
    gh.write_text(
        f'#!/bin/sh\necho "$@" > {tmp_path / "gh.args"}\nprintf "%s" {stdout!r}\nprintf "%s\\n" {stderr!r} >&2\nexit {status}\n',
        encoding="utf-8",
    )
    gh.chmod(0o755)
    return {"PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}


def ask_pages(tmp_path: Path, stdout: str, stderr: str = "", status: int = 0) -> Run:
    found = step("pages.yml", "build", "setup")
    run = run_step(found, tmp_path, tmp_path, {"github.token": "token"}, fake_gh(tmp_path, stdout, stderr, status))
    assert (tmp_path / "gh.args").read_text().split() == ["api", f"repos/{REPOSITORY}/pages", "--jq", ".build_type"]
    return run


def test_pages_set_to_github_actions_lets_the_run_publish(tmp_path):
    run = ask_pages(tmp_path, "workflow")
    assert run.returncode == 0, run.stdout
    assert run.outputs == "ready=true\n"
    assert run.summary == "" and "::" not in run.stdout


@pytest.mark.parametrize(
    ("answer", "problem"),
    [
        (("", "gh: Not Found (HTTP 404)", 1), "GitHub Pages is not switched on for this repository"),
        (("legacy", "", 0), "GitHub Pages publishes this repository from a branch, not from this workflow"),
    ],
    ids=["pages off", "pages from a branch"],
)
def test_pages_not_set_up_is_said_plainly_with_the_fix(tmp_path, answer, problem):
    run = ask_pages(tmp_path, *answer)
    assert run.returncode == 0, "the step itself passes, so the build still runs and shows the course's problems"
    assert run.outputs == "ready=false\n"
    fix = (
        f"open Settings → Pages (https://github.com/{REPOSITORY}/settings/pages) and, under Build and deployment, "
        "set Source to GitHub Actions; then run this workflow again (Actions → Publish on GitHub Pages → Run workflow)"
    )
    assert f"::error title=GitHub Pages is not set up::{problem} — {fix}" in run.stdout.splitlines()
    assert run.summary.startswith("### GitHub Pages is not set up\n")
    assert f"{problem}, so nothing was published. To publish, {fix}." in run.summary


def test_a_github_that_cannot_be_asked_leaves_the_answer_to_configure_pages(tmp_path):
    run = ask_pages(tmp_path, "", "error connecting to api.github.com", 1)
    assert run.returncode == 0 and run.outputs == "ready=true\n"
    assert "::warning title=GitHub Pages::Could not ask GitHub whether Pages is set up: error connecting to api.github.com" in run.stdout


def test_nothing_is_published_while_pages_is_not_set_up():
    steps = job("pages.yml", "build")["steps"]
    names = [s.get("id") or s.get("name") or s["uses"].split("@")[0] for s in steps]
    guarded = {s["uses"].split("@")[0]: s.get("if") for s in steps if "uses" in s}
    assert guarded["actions/configure-pages"] == guarded["actions/upload-pages-artifact"] == "steps.setup.outputs.ready == 'true'"
    stop = step("pages.yml", "build", "Stop before publishing (GitHub Pages is not set up)")
    assert stop["if"] == "steps.setup.outputs.ready != 'true'" and "exit 1" in stop["run"]
    assert names.index("setup") < names.index("check") < names.index("build") < names.index("actions/upload-pages-artifact")


# ── The course's problems in the summary (both workflows) ─────────────────────────────────────


@pytest.mark.parametrize(("workflow", "job_name"), [("pages.yml", "build"), ("checks.yml", "test")])
def test_the_course_checks_problems_are_listed_in_the_summary(project, tmp_path, workflow, job_name):
    project.replace("modules/map-reading/module.yml", "level: ", "levle: ")
    printed = project.check()
    problems = [line for line in printed.stdout.splitlines() if line.startswith("modules/")]
    assert problems, printed.stdout
    found = step(workflow, job_name, "List the course check's problems in the summary")
    assert found["if"] == "failure() && steps.check.outcome == 'failure'"
    assert step(workflow, job_name, "check")["run"] == ".venv/bin/course check --format github"
    run = run_step(found, project.root, tmp_path)
    assert run.returncode == 0, run.stdout
    assert run.summary.startswith("### The course has problems")
    block = run.summary.split("```text\n", 1)[1].split("```", 1)[0]
    assert block == printed.stdout, "the summary holds what `course check` prints, line for line"


def test_the_builds_problems_are_listed_in_the_summary(project, tmp_path):
    project.replace("docs/index.md", "## Newest articles", "## Newest articles\n\nSee [the map](nowhere.md).")
    found = step("pages.yml", "build", "List the build's problems in the summary")
    assert found["if"] == "failure() && steps.build.outcome == 'failure'"
    run = run_step(found, project.root, tmp_path)
    assert run.returncode == 0, run.stdout
    assert run.summary.startswith("### The build stopped, so nothing was published\n")
    assert "docs/index.md:18: link: 'nowhere.md' does not exist — correct the path: links are relative to this file" in run.summary
    assert not re.search(r"^INFO", run.summary, re.MULTILINE)
    assert "end of life" not in run.summary


# ── brand.yml still naming the original (pages.yml, after configure-pages) ────────────────────


def check_addresses(project: Project, tmp_path: Path) -> Run:
    found = step("pages.yml", "build", "Does brand.yml name this repository and its address?")
    run = run_step(found, project.root, tmp_path, {"steps.pages.outputs.base_url": PAGES_URL})
    assert run.returncode == 0, run.stdout
    return run


def test_a_copy_that_still_names_the_original_is_told_what_to_set(project, tmp_path):
    run = check_addresses(project, tmp_path)
    site_url_line = (
        project.root.joinpath("brand.yml").read_text().splitlines().index("site_url: https://waymark.example.org/course-site/") + 1
    )
    assert run.stdout.splitlines() == [
        f"::warning file=brand.yml,line={site_url_line},title=site_url::site_url is https://waymark.example.org/course-site/, "
        f"but this repository publishes at {PAGES_URL}/ — set site_url: {PAGES_URL}/ (the sitemap, the feeds and shared links "
        "use it), or enter your own domain in Settings → Pages → Custom domain",
        f"::warning file=brand.yml,line=1,title=repo_url::repo_url is not set, but this repository is https://github.com/{REPOSITORY} "
        f'— set repo_url: https://github.com/{REPOSITORY} and repo_name: {REPOSITORY} (every page\'s "Edit this page" link uses it)',
    ]
    assert run.summary.startswith("### brand.yml still names another site\n\n- brand.yml, site_url is https://waymark")


def test_a_copy_that_names_itself_gets_no_warning(project, tmp_path):
    project.replace(
        "brand.yml",
        "site_url: https://waymark.example.org/course-site/",
        f"site_url: {PAGES_URL}/\nrepo_url: https://github.com/Northwind/Courses/",
    )
    run = check_addresses(project, tmp_path)
    assert run.stdout == "" and run.summary == ""


# ── Failed tests in the summary (checks.yml) ──────────────────────────────────────────────────


def test_failed_tests_are_listed_in_the_summary(tmp_path):
    found = step("checks.yml", "test", "List the failed tests in the summary")
    assert found["if"] == "failure() && steps.test.outcome == 'failure'"
    assert step("checks.yml", "test", "test")["run"] == "make test"
    results = tmp_path / "runner" / "tests.xml"
    assert step_env(step("checks.yml", "test", "test"), {"runner.temp": str(tmp_path / "runner")}) == {
        "PYTEST_ADDOPTS": f"--junitxml={results}"
    }
    (tmp_path / "test_sample.py").write_text(
        "def test_passes():\n    pass\n\n\ndef test_fails():\n    assert 1 == 2, 'the brand colour is wrong'\n"
    )
    (tmp_path / "runner").mkdir()
    subprocess.run(
        [str(ROOT / ".venv/bin/python"), "-m", "pytest", "-p", "no:cacheprovider", "-q", f"--junitxml={results}", "test_sample.py"],
        cwd=tmp_path,
        capture_output=True,
        timeout=120,
    )
    run = run_step(found, ROOT, tmp_path)
    assert run.returncode == 0, run.stdout
    assert run.summary.splitlines()[0] == "### make test failed"
    failed = [line for line in run.summary.splitlines() if line.startswith("- ")]
    assert failed == ["- `test_sample.test_fails`: AssertionError: the brand colour is wrong"]


def test_a_make_test_that_stopped_before_the_tests_says_so(tmp_path):
    run = run_step(step("checks.yml", "test", "List the failed tests in the summary"), ROOT, tmp_path)
    assert run.returncode == 0, run.stdout
    assert "It stopped before the tests ran (make lint, or installing Chromium or Java)" in run.summary

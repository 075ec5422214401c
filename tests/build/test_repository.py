"""The repository's own machinery: GitHub workflows, pre-commit, the CI entry point.

Workflows are linted with zizmor (from requirements.lock, a binary in its wheel): YAML syntax and
the workflow schema, pinned actions, permissions, template injection, and every `${{ }}`
expression, which it parses and warns about when it cannot. Each kind of mistake has a negative
control, a broken copy in tmp_path, so a linter that silently checked nothing would fail here.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.factory import ROOT

BIN = Path(sys.executable).parent
WORKFLOWS = ROOT / ".github" / "workflows"
PRE_COMMIT_CONFIG = ROOT / ".pre-commit-config.yaml"
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<action>[^@\s]+)@(?P<ref>\S+)(?:\s+#\s*(?P<version>\S+))?\s*$")
SHA = re.compile(r"^[0-9a-f]{40}$")
VERSION = re.compile(r"^v\d+(\.\d+){0,2}$")


def tool(name: str) -> Path:
    path = BIN / name
    assert path.is_file(), f"{path} is missing: it comes from requirements.lock (run make site)"
    return path


def workflow_files() -> list[Path]:
    files = sorted(WORKFLOWS.glob("*.y*ml"))
    assert files, f"no workflows in {WORKFLOWS}"
    return files


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:  # YAML 1.1 reads the key `on` as true
        data["on"] = data.pop(True)
    return data


def steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def uses(job: dict, action: str) -> dict | None:
    return next((step for step in steps(job) if step.get("uses", "").split("@")[0] == action), None)


def runs(job: dict) -> list[str]:
    return [step["run"].strip() for step in steps(job) if "run" in step]


# ── Lint ──────────────────────────────────────────────────────────────────────────────────────


def lint(folder: Path) -> list[str]:
    """zizmor's findings and warnings for the workflows in `folder` (empty: clean)."""
    result = subprocess.run(
        [str(tool("zizmor")), "--offline", "--strict-collection", "--no-progress", "--color=never", str(folder)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    # Warnings include "couldn't parse expression", which zizmor does not count as a finding.
    problems = [line for line in result.stderr.splitlines() if " WARN " in line]
    if result.returncode != 0:
        problems.append(f"exit {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return problems


def unclosed_expressions(text: str) -> list[str]:
    """Lines where a `${{` is not closed by `}}` on the same line (GitHub rejects the workflow)."""
    return [line.strip() for line in text.splitlines() if re.search(r"\$\{\{(?:(?!\}\}).)*$", line)]


def test_workflows_pass_the_linter():
    assert lint(WORKFLOWS) == []


def test_every_expression_is_closed():
    for path in workflow_files():
        assert unclosed_expressions(path.read_text(encoding="utf-8")) == [], path.name


def test_an_unclosed_expression_is_found():
    assert unclosed_expressions("url: ${{ steps.deployment.outputs.page_url }\nok: ${{ a }} and ${{ b }}\n") == [
        "url: ${{ steps.deployment.outputs.page_url }"
    ]


# A mistake made in a copy of checks.yml: (text, replacement, what zizmor must say).
BREAKAGES = {
    "broken expression": ("|| github.ref }}", "|| }}", "couldn't parse expression"),
    "misspelled key": ("runs-on:", "runs_on:", "'runs_on' was unexpected"),
    "action pinned to a tag": ("@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1", "@v7", "unpinned-uses"),
    "template injection": ("run: make test", "run: echo ${{ github.event.pull_request.title }}", "template-injection"),
}


@pytest.mark.parametrize("breakage", BREAKAGES, ids=list(BREAKAGES))
def test_the_linter_catches_a_broken_workflow(tmp_path, breakage):
    old, new, finding = BREAKAGES[breakage]
    text = (WORKFLOWS / "checks.yml").read_text(encoding="utf-8")
    assert old in text, f"the control no longer applies to checks.yml: {old!r}"
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    (folder / "checks.yml").write_text(text.replace(old, new, 1), encoding="utf-8")
    problems = "\n".join(lint(folder))
    assert finding in problems, f"zizmor did not catch a {breakage}:\n{problems}"


# ── Pinned actions ────────────────────────────────────────────────────────────────────────────


def test_every_action_is_pinned_to_a_commit_with_its_version_in_a_comment():
    for path in workflow_files():
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(-\s+)?uses:", line)]
        in_yaml = [step["uses"] for job in load(path)["jobs"].values() for step in steps(job) if "uses" in step]
        assert len(lines) == len(in_yaml), f"{path.name}: write each `uses:` on a line of its own"
        for line in lines:
            match = PINNED.match(line)
            assert match, f"{path.name}: {line.strip()!r} is not action@sha # version"
            if match["action"].startswith(("./", "docker://")):
                continue
            assert SHA.match(match["ref"]), f"{path.name}: {match['action']} is pinned to {match['ref']!r}, not a 40-character commit"
            assert match["version"] and VERSION.match(match["version"]), (
                f"{path.name}: {match['action']} needs its version as a comment: # v1.2.3"
            )


# ── What each workflow does ───────────────────────────────────────────────────────────────────


def makefile_variable(name: str) -> str:
    match = re.search(rf"^{name}\s*:?=\s*(\S+)", (ROOT / "Makefile").read_text(), re.MULTILINE)
    assert match, f"Makefile has no {name}"
    return match[1]


def test_checks_run_on_pull_requests_with_annotations_then_make_test():
    workflow = load(WORKFLOWS / "checks.yml")
    assert "pull_request" in workflow["on"]
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["concurrency"]["cancel-in-progress"] is True
    (job,) = workflow["jobs"].values()
    assert uses(job, "actions/checkout")["with"]["fetch-depth"] == 0  # "last update" needs history
    python = uses(job, "actions/setup-python")["with"]
    assert python["cache"] == "pip" and python["cache-dependency-path"] == "requirements.lock"
    commands = runs(job)
    stamp = makefile_variable("STAMP").replace("$(VENV)", makefile_variable("VENV"))
    assert f"make {stamp}" in commands, "the set-up step names the Makefile's STAMP"
    assert commands.index(".venv/bin/course check --format github") < commands.index("make test")
    assert any("apt-get install -y chromium" in command for command in commands)


def test_pages_builds_with_make_site_and_deploys_with_the_official_actions():
    workflow = load(WORKFLOWS / "pages.yml")
    assert workflow["on"]["push"]["branches"] == ["main"] and "workflow_dispatch" in workflow["on"]
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert uses(build, "actions/checkout")["with"]["fetch-depth"] == 0
    assert uses(build, "actions/setup-python")["with"]["cache"] == "pip"
    assert uses(build, "actions/configure-pages") is not None
    assert "make site" in runs(build)
    assert uses(build, "actions/upload-pages-artifact")["with"]["path"] == makefile_variable("SITE") == "site"
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"] == {"name": "github-pages", "url": "${{ steps.deployment.outputs.page_url }}"}
    step = uses(deploy, "actions/deploy-pages")
    assert step is not None and step["id"] == "deployment"
    assert workflow["permissions"] == {"contents": "read"}, "only the deploy job may write"


# ── pre-commit and CI ─────────────────────────────────────────────────────────────────────────


def test_pre_commit_config_is_valid_and_runs_course_check():
    result = subprocess.run(
        [str(tool("pre-commit")), "validate-config", str(PRE_COMMIT_CONFIG)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr
    hooks = {hook["id"]: hook for repo in yaml.safe_load(PRE_COMMIT_CONFIG.read_text())["repos"] for hook in repo["hooks"]}
    course = hooks["course-check"]
    assert course["entry"] == ".venv/bin/course check" and course["language"] == "system"
    assert course["pass_filenames"] is False
    assert re.search(course["files"], "modules/customer-service/module.yml") and re.search(course["files"], "brand.yml")
    assert {"check-yaml", "end-of-file-fixer", "trailing-whitespace", "check-merge-conflict", "check-added-large-files"} <= hooks.keys()


def test_ci_entry_point_runs_make_test():
    script = ROOT / ".ci" / "run"
    assert script.is_file()
    commands = [line.strip() for line in script.read_text().splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert "set -euo pipefail" in commands
    assert "make test" in commands

"""Shared fixtures: the real site, built once per session, served under a sub-path, and a browser.

* `built_site`  – `mkdocs build --strict` of this repository into a temporary folder.
* `site_url`    – that folder served on 127.0.0.1 under /course-site/, as on GitHub Pages.
* `browser`     – Debian's Chromium driven by Playwright (never skipped: a missing browser fails).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.outputs.browser import CHROMIUM_ARGS, serve_folder

ROOT = Path(__file__).resolve().parent.parent
SUB_PATH = "course-site"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def build(project: Path, site_dir: Path, *, tool: str = "mkdocs", strict: bool = True) -> subprocess.CompletedProcess:
    """Run a real build of `project` into `site_dir` with the venv's mkdocs (or properdocs)."""
    command = [sys.executable, "-m", tool, "build", "--site-dir", str(site_dir), "--config-file", str(project / "mkdocs.yml")]
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    return subprocess.run(command, cwd=project, capture_output=True, text=True, env=env, timeout=600)


PROJECT_FILES = ["mkdocs.yml", "brand.yml", "docs", "modules", "overrides", "macros", "Makefile", "requirements.lock", "pyproject.toml"]


def copy_project(copy: Path) -> Path:
    """A copy of this project (what a build reads, no .git) to change in a test."""
    copy.mkdir(parents=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, copy / name)
    return copy


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("site") / "site"
    result = build(ROOT, site)
    assert result.returncode == 0, f"the strict build failed:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture(scope="session")
def site_url(built_site, tmp_path_factory):
    """The built site at http://127.0.0.1:<port>/course-site/ (a project sub-path, as on Pages)."""
    web_root = tmp_path_factory.mktemp("web")
    shutil.copytree(built_site, web_root / SUB_PATH)
    with serve_folder(web_root) as base:
        yield base + SUB_PATH + "/"


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run 'make test' (it installs Debian's chromium) or set CHROMIUM")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


@pytest.fixture(params=["phone", "desktop"])
def page(request, browser, site_url):
    """A fresh page on a phone-sized or a desktop window, recording every request it makes."""
    context = browser.new_context(**(PHONE if request.param == "phone" else DESKTOP))
    tab = context.new_page()
    tab.requests = []
    tab.on("request", lambda r: tab.requests.append(r.url))
    tab.form_factor = request.param
    yield tab
    context.close()


@pytest.fixture
def desktop_page(browser):
    """One desktop page, for what is the same on every screen (so it runs once)."""
    context = browser.new_context(**DESKTOP)
    yield context.new_page()
    context.close()

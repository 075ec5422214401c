"""Shared fixtures: the real site, built once per session in strict mode (`built_site`), and the
same site after a fork's rebrand (`rebranded_site`); `any_site` is each of the two in turn, for
the tests whose expectations come from brand.yml.

Projects to change come from tests/factory.py, brands from tests/brand.py; the browser fixtures
(the site served under its path, Chromium, pages) are in tests/browser/conftest.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.brand import REPOSITORY, BuiltSite, rebrand
from tests.factory import Project


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """`mkdocs build --strict` of this repository into a temporary folder."""
    site = tmp_path_factory.mktemp("site") / "site"
    result = Project.repo().build(site)
    assert result.returncode == 0, f"the strict build failed:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture(scope="session")
def rebranded_site(tmp_path_factory) -> BuiltSite:
    """A copy of this repository rebranded as a fork does it (tests/brand.py: another name, colours,
    logo, favicon and site_url path), built in strict mode."""
    folder = tmp_path_factory.mktemp("rebranded")
    project = Project.copy_of_repo(folder / "project")
    brand = rebrand(project)
    result = project.build(folder / "site")
    assert result.returncode == 0, f"the rebranded copy's strict build failed:\n{result.stdout}\n{result.stderr}"
    return BuiltSite(folder / "site", project, brand)


@pytest.fixture(scope="session", params=["repository", "rebranded"])
def any_site(request) -> BuiltSite:
    """This repository's site, then the rebranded copy's: a test that passes on both reads every
    brand value it expects from the project's brand.yml."""
    if request.param == "repository":
        return BuiltSite(request.getfixturevalue("built_site"), Project.repo(), REPOSITORY)
    return request.getfixturevalue("rebranded_site")


@pytest.fixture(scope="session")
def browser():
    """One Chromium per test process: Playwright's sync API allows one running instance per thread,
    so every test that drives a browser (tests/browser/, the preview's) shares it."""
    from macros.outputs.browser import CHROMIUM_ARGS
    from tests.browser.helpers import CHROMIUM

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run 'make test' (it installs Debian's chromium) or set CHROMIUM")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()

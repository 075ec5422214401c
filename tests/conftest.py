"""Shared fixture: the real site, built once per session in strict mode (`built_site`).

Projects to change come from tests/factory.py; the browser fixtures (the site served under a
sub-path, Chromium, pages) are in tests/browser/conftest.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.factory import Project


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """`mkdocs build --strict` of this repository into a temporary folder."""
    site = tmp_path_factory.mktemp("site") / "site"
    result = Project.repo().build(site)
    assert result.returncode == 0, f"the strict build failed:\n{result.stdout}\n{result.stderr}"
    return site

"""SCORM packages, before any build (the packages of the built site are checked in
tests/build/test_scorm_package.py, and in a SCORM runtime in tests/browser/test_scorm.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from macros.outputs.scorm.package import PackageError, _check_suspend_data_fits


def test_a_module_too_large_for_scorm_suspend_data_is_refused():
    lessons = [SimpleNamespace(slug=f"lesson-with-a-rather-long-identifier-{n}", knowledge_check=(None,) * 10) for n in range(80)]
    module = SimpleNamespace(id="huge", source="modules/huge/module.yml", lessons=lessons, pages=lessons, scenarios=())
    with pytest.raises(PackageError, match=r"modules/huge/module.yml: lessons: module 'huge' is too large for SCORM 1\.2"):
        _check_suspend_data_fits(module)

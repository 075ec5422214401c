"""What a module's SCORM package knows of its practice conversations, before any build: their
pages are built into it, runtime.js is told their ids and whether they count in the score, and the
longest suspend data counts their endings (the package in a SCORM runtime:
tests/browser/test_scorm_scenarios.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from macros.outputs.scorm.package import PackageError, _check_suspend_data_fits, _mastery_score, module_part, runtime_config
from tests.scenario_sample import MODULE, SCENARIO, sample_module, sample_scenario


def test_the_scenario_pages_are_built_into_the_package():
    assert f"modules/{MODULE}/scenarios/{SCENARIO}.md" in module_part(sample_module(sample_scenario())).pages


def test_the_runtime_is_told_the_scenarios_and_whether_they_count():
    counted = runtime_config(sample_module(sample_scenario(), in_score=True), 80)
    assert counted["scenarios"] == [SCENARIO] and counted["scenarios_in_score"] is True
    assert runtime_config(sample_module(sample_scenario()), 80)["scenarios_in_score"] is False
    assert runtime_config(sample_module(in_score=True), None)["scenarios_in_score"] is False, "nothing to count"


def test_a_module_scored_by_its_scenarios_alone_has_a_pass_mark():
    """The sample module has no lessons, so no questions: only its scenarios can score it."""
    assert _mastery_score(sample_module(sample_scenario())) is None
    assert _mastery_score(sample_module(sample_scenario(), in_score=True)) == 80
    assert _mastery_score(replace(sample_module(sample_scenario(), in_score=True), mastery_score=60)) == 60


def test_the_suspend_data_check_counts_every_scenarios_ending():
    many = tuple(sample_scenario(id=f"a-conversation-with-a-long-identifier-{n}") for n in range(120))
    with pytest.raises(PackageError, match=r"module 'map-reading' is too large for SCORM 1\.2"):
        _check_suspend_data_fits(sample_module(*many))
    _check_suspend_data_fits(sample_module(*many[:10]))

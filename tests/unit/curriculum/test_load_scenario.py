"""Reading a module's scenarios (curriculum/load_scenario.py): into the model in file-name order, each
file read once, every problem at its line, and none that only follows from another."""

from __future__ import annotations

import re
import shutil

import pytest

from macros.curriculum.load import load_curriculum
from macros.curriculum.model import Outcome
from macros.curriculum.problems import CurriculumError
from macros.curriculum.tree import SourceTree
from tests.build.broken_scenarios import FILE, SCENARIO, at
from tests.factory import ROOT, Project

MODULE = "modules/map-reading/module.yml"


@pytest.fixture
def project(tmp_path) -> Project:
    return Project.minimal(tmp_path / "course", engine=False)


def problems(project: Project) -> list[str]:
    with pytest.raises(CurriculumError) as caught:
        load_curriculum(project.root)
    return [str(p) for p in caught.value.problems]


def test_a_scenario_loads_into_the_model(project):
    project.write(FILE, SCENARIO)
    module = load_curriculum(project.root).module("map-reading")
    (scenario,) = module.scenarios
    assert (scenario.id, scenario.module_id, scenario.title, scenario.lesson) == (
        "the-walker-in-a-hurry",
        "map-reading",
        "The walker in a hurry",
        "contours",
    )
    assert scenario.path == "modules/map-reading/scenarios/the-walker-in-a-hurry.md"
    assert scenario.source == FILE
    assert scenario.practises == ("read-relief",)
    assert scenario.customer.not_said_yet == "Their torch is in the car."
    assert scenario.agent.role == "Hill ranger at the summit"
    assert [node.id for node in scenario.nodes] == ["opening", "at-the-crag", "the-long-path"]
    first = scenario.nodes[0].choices[1]
    assert (first.next, first.shows, first.misses) == ("the-long-path", ("read-relief",), ())
    assert scenario.nodes[0].context == "Tone: hurried. The light is going."
    assert scenario.nodes[1].context == ""
    assert [(e.id, e.outcome) for e in scenario.endings] == [("down-safely", Outcome.GOOD), ("stuck-at-dusk", Outcome.POOR)]
    assert scenario.step("down-safely") is scenario.endings[0]
    assert scenario.line("nodes.opening.choices.1.next") == at("next: the-long-path")
    assert module.scenarios_in_score is False


def test_scenarios_come_in_file_name_order_and_scenarios_in_score_from_module_yml(project):
    for name in ("c-third", "a-first", "b-second"):
        project.write(f"modules/map-reading/scenarios/{name}.yml", SCENARIO)
    project.replace(MODULE, "lessons:\n", "scenarios_in_score: true\nlessons:\n")
    module = load_curriculum(project.root).module("map-reading")
    assert [s.id for s in module.scenarios] == ["a-first", "b-second", "c-third"]
    assert module.scenarios_in_score is True
    assert load_curriculum(project.root).module("route-planning").scenarios == ()


def test_each_scenario_file_is_read_once(project):
    tree = SourceTree()
    load_curriculum(project.root, tree=tree)
    before = tree.files_read
    project.write(FILE, SCENARIO)
    tree = SourceTree()
    load_curriculum(project.root, tree=tree)
    assert tree.files_read == before + 1


def test_a_schema_problem_does_not_hide_the_checks_of_the_fields_that_passed(project):
    project.write(FILE, SCENARIO.replace("title: The walker", "titel: The walker").replace("next: down-safely", "next: down-safley"))
    project.replace(FILE, "lesson: contours", "lesson: contour")
    assert problems(project) == [
        f"{FILE}:1: titel: unknown field — did you mean 'title'?",
        f"{FILE}:4: lesson: 'contour' is not a lesson of module 'map-reading' — did you mean 'contours'?",
        f"{FILE}:{at('next: down-safely')}: nodes.the-long-path.choices[1].next: 'down-safley' is not a node or an ending of this "
        "scenario — did you mean 'down-safely'?",
    ]


def test_a_broken_node_holds_back_the_checks_of_the_conversation(project):
    # at-the-crag would be unreachable, but only because a choice that may lead there lost its next:
    project.write(FILE, SCENARIO.replace("        next: at-the-crag\n        misses", "        nxt: at-the-crag\n        misses"))
    assert problems(project) == [f"{FILE}:{at('next: at-the-crag')}: nodes.opening.choices[1].nxt: unknown field — did you mean 'next'?"]


def test_a_missing_start_is_one_problem(project):
    project.write(FILE, SCENARIO.replace("start: opening\n", ""))
    assert problems(project) == [f"{FILE}:1: start: this required field is missing — write start: opening"]


def test_objectives_wait_while_module_yml_has_them_wrong_and_the_rest_is_still_checked(project):
    project.write(FILE, SCENARIO.replace("practises: [read-relief]", "practises: [anything]").replace("outcome: good", "outcome: poor"))
    project.replace(MODULE, "  read-relief:", "  Read_Relief:")
    assert [line.split(" — ")[0] for line in problems(project)] == [
        f'{MODULE}:7: objectives: "Read_Relief" is not an id',
        f"{FILE}:{at('endings:')}: endings: no ending has outcome: good",
    ]


def test_an_empty_file_and_a_file_that_is_not_a_block_of_fields(project):
    project.write(FILE, "")
    project.write("modules/map-reading/scenarios/a-list.yml", "- title\n- nodes\n")
    assert problems(project) == [
        "modules/map-reading/scenarios/a-list.yml:1: expected fields like 'title: ...' — write one 'field: value' per line",
        f"{FILE}:1: the file is empty — fill in the fields (see the author guide's metadata reference)",
    ]


def test_the_example_in_the_authors_guide_passes_the_check(tmp_path):
    guide = (ROOT / "docs/authoring/index.md").read_text(encoding="utf-8")
    section = guide.split("## Practice conversations (scenarios)", 1)[1]
    example = re.search(r"```yaml\n(# (\S+)\n.*?)```", section, re.DOTALL)
    assert example, "the section has no YAML example that starts with its file's path"
    project = Project.copy_of_repo(tmp_path / "repo")
    for folder in project.path("modules").glob("*/scenarios"):
        shutil.rmtree(folder)  # the example alone, whatever the course's own scenarios are
    project.write(example.group(2), example.group(1))
    module_id = example.group(2).split("/")[1]
    (scenario,) = load_curriculum(project.root).module(module_id).scenarios
    assert len(scenario.nodes) in (3, 4) and len(scenario.endings) == 2
    # The guide's sample problem names a real line of the example.
    shown = re.search(rf"{re.escape(example.group(2))}:(\d+): nodes\.opening\.choices\[1\]\.next: '(\S+)'", section)
    assert shown and int(shown.group(1)) == scenario.line("nodes.opening.choices.0.next")

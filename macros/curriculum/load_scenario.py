"""A module's practice conversations, modules/<module>/scenarios/<id>.yml, read into `Scenario`s in
file-name order (the file name is the id).

    load_scenarios(reader, folder, module) -> list[Scenario]

Each file is read once (the Reader's SourceTree) and checked here, whatever else in the module has
a problem: against the schema (schema_scenario.py), its own shape (scenario_graph.py) and its
module (objectives, lessons). The checks need only the module's own files, so they run as the
file is read, and a scenario with a problem stays out of the curriculum. A field with a schema
problem waits for its fix (validate.py's Broken): its checks would only repeat it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from macros.curriculum.model import (
    Outcome,
    Scenario,
    ScenarioAgent,
    ScenarioChoice,
    ScenarioCustomer,
    ScenarioEnding,
    ScenarioNode,
)
from macros.curriculum.problems import Problem, did_you_mean
from macros.curriculum.reader import Reader
from macros.curriculum.scenario_graph import graph_problems
from macros.curriculum.schema_fields import SLUG
from macros.curriculum.schema_scenario import REQUIRED
from macros.curriculum.source import flatten_lines
from macros.curriculum.validate import Broken

SCENARIOS_FOLDER = "scenarios"  # in a module's folder
SCENARIO_SUFFIX = ".yml"


@dataclass(frozen=True)
class ScenarioModule:
    """What a scenario is checked against: its module's id, objective ids (None while module.yml's
    objectives have a problem) and the lessons module.yml lists."""

    id: str
    objectives: list[str] | None
    lessons: list[str]


def load_scenarios(reader: Reader, folder: Path, module: ScenarioModule) -> list[Scenario]:
    """The module's scenarios that passed every check, in file-name order; every problem reported."""
    where = folder / SCENARIOS_FOLDER
    if not where.is_dir():
        return []
    files = sorted(path for path in where.iterdir() if not path.name.startswith("."))
    for path in files:
        if path.suffix == ".yaml":
            reader.problem(path, 0, "", "a scenario's file name ends in .yml", f"rename it to {path.stem}{SCENARIO_SUFFIX}")
    loaded = (load_scenario(reader, path, module) for path in files if path.suffix == SCENARIO_SUFFIX and path.is_file())
    return [scenario for scenario in loaded if scenario is not None]


def load_scenario(reader: Reader, path: Path, module: ScenarioModule) -> Scenario | None:
    """The scenario, or None when it has a problem (each one reported)."""
    named = re.fullmatch(SLUG, path.stem) is not None
    if not named:
        reader.problem(
            path,
            0,
            "",
            f"'{path.stem}' cannot be a scenario's id: the file name is its id and its address",
            "rename the file with lowercase letters, digits and hyphens, such as the-caller-who-asks-to-cancel.yml",
        )
    data = reader.yaml(path)
    if data is None:
        return None
    problems = reader.schema_problems("scenario", data, path)
    if not isinstance(data, dict):
        return None
    # A misspelt field is reported as unknown, not also as missing: the one it was meant for waits too.
    missing = {name for name in REQUIRED if name not in data}
    broken = Broken(Broken.of(problems).fields | missing)
    scenario = _scenario(reader.rel(path), path.stem, module.id, data, broken)
    checked = list(_checks(scenario, broken, module))
    reader.problems.extend(checked)
    return scenario if named and not problems and not checked else None


def _checks(scenario: Scenario, broken: Broken, module: ScenarioModule) -> Iterator[Problem]:
    """Everything beyond the schema that the fields which passed it allow."""
    if all(broken.ok(name) for name in ("start", "nodes", "endings")):
        yield from graph_problems(scenario)
    if module.objectives is not None:
        if broken.ok("practises"):
            yield from _objectives(scenario, module, [(f"practises.{i}", "practises", oid) for i, oid in enumerate(scenario.practises)])
        if broken.ok("nodes"):
            yield from _objectives(scenario, module, list(_shows_and_misses(scenario)))
    if scenario.lesson and broken.ok("lesson") and scenario.lesson not in module.lessons:
        hint = did_you_mean(scenario.lesson, module.lessons) or "use one of " + ", ".join(module.lessons)
        message = f"'{scenario.lesson}' is not a lesson of module '{module.id}'"
        yield Problem(scenario.source, scenario.line("lesson"), "lesson", message, hint)


def _shows_and_misses(scenario: Scenario) -> Iterator[tuple[str, str, str]]:
    """(where it is written, the field as authors name it, objective id) for each id a choice names."""
    for node in scenario.nodes:
        for index, choice in enumerate(node.choices):
            for name, ids in (("shows", choice.shows), ("misses", choice.misses)):
                for position, oid in enumerate(ids):
                    yield f"nodes.{node.id}.choices.{index}.{name}.{position}", f"nodes.{node.id}.choices[{index + 1}].{name}", oid


def _objectives(scenario: Scenario, module: ScenarioModule, named: list[tuple[str, str, str]]) -> Iterator[Problem]:
    """Objective ids that module.yml does not define."""
    ids = module.objectives or []
    for where, field, oid in named:
        if oid not in ids:
            message = f"'{oid}' is not an objective of module '{module.id}'"
            yield Problem(scenario.source, scenario.line(where), field, message, did_you_mean(oid, ids) or "use one of " + ", ".join(ids))


def _scenario(source: str, scenario_id: str, module_id: str, data: dict, broken: Broken) -> Scenario:
    """The scenario from the fields that passed the schema; the others are left empty."""

    def usable(name: str, default: Any) -> Any:
        return data.get(name, default) if broken.ok(name) else default

    customer, agent = usable("customer", {}), usable("agent", {})
    return Scenario(
        id=scenario_id,
        module_id=module_id,
        title=usable("title", ""),
        summary=usable("summary", ""),
        practises=tuple(usable("practises", ())),
        customer=ScenarioCustomer(
            customer.get("name", ""), customer.get("who", ""), customer.get("wants", ""), customer.get("not_said_yet", "")
        ),
        agent=ScenarioAgent(agent.get("role", ""), agent.get("knows", "")),
        start=usable("start", ""),
        nodes=tuple(_node(str(key), value) for key, value in usable("nodes", {}).items()),
        endings=tuple(_ending(str(key), value) for key, value in usable("endings", {}).items()),
        lesson=usable("lesson", ""),
        source=source,
        lines=flatten_lines(data),
    )


def _node(node_id: str, data: dict) -> ScenarioNode:
    return ScenarioNode(
        id=node_id,
        customer=data["customer"],
        choices=tuple(_choice(choice) for choice in data["choices"]),
        context=data.get("context", ""),
    )


def _choice(data: dict) -> ScenarioChoice:
    return ScenarioChoice(
        say=data["say"],
        reaction=data["reaction"],
        feedback=data["feedback"],
        next=data["next"],
        shows=tuple(data.get("shows", ())),
        misses=tuple(data.get("misses", ())),
    )


def _ending(ending_id: str, data: dict) -> ScenarioEnding:
    return ScenarioEnding(id=ending_id, outcome=Outcome(data["outcome"]), title=data["title"], debrief=data["debrief"])

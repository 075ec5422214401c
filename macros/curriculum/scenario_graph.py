"""A scenario as a graph: its nodes and endings are the places, each choice's `next` a way from one
to another. Pure functions of a `Scenario`, and the problems an author can fix in it:

    steps(scenario) -> dict[str, tuple[str, ...]]    each node's known next steps, in order
    reachable(scenario) -> set[str]                  the nodes and endings the start leads to
    endless(scenario) -> list[str]                   the nodes from which no ending can be reached
    graph_problems(scenario) -> Iterator[Problem]    unknown next or start, unreachable or endless
                                                     places, no good ending, ids used twice,
                                                     choices that say the same

A problem that only follows from another is not reported: while a `next` names nothing, what it
was meant to reach is not called unreachable (the load waits for the fix, as validate.py's Broken).
"""

from __future__ import annotations

from collections.abc import Iterator

from macros.curriculum.model import Outcome, Scenario, ScenarioNode
from macros.curriculum.problems import Problem, did_you_mean


def steps(scenario: Scenario) -> dict[str, tuple[str, ...]]:
    """Each node's id -> where its choices lead, known places only, first choice first."""
    places = _places(scenario)
    return {node.id: tuple(dict.fromkeys(c.next for c in node.choices if c.next in places)) for node in scenario.nodes}


def reachable(scenario: Scenario) -> set[str]:
    """The ids of the nodes and endings a learner can get to from the start (none if it is unknown)."""
    ways = steps(scenario)
    if scenario.start not in ways:
        return set()
    seen, queue = {scenario.start}, [scenario.start]
    while queue:
        for step in ways.get(queue.pop(), ()):
            if step not in seen:
                seen.add(step)
                queue.append(step)
    return seen


def endless(scenario: Scenario) -> list[str]:
    """The ids of the nodes from which no ending can be reached, in file order. A node with a `next`
    that names nothing may end there once it is fixed: it is not counted."""
    ending_ids = {ending.id for ending in scenario.endings}
    places = _places(scenario)
    can_end = {node.id for node in scenario.nodes if any(c.next in ending_ids or c.next not in places for c in node.choices)}
    ways = steps(scenario)
    changed = True
    while changed:  # a node can end when one of its steps can: grow the set until it holds
        grown = {node for node, nexts in ways.items() if node not in can_end and any(n in can_end for n in nexts)}
        can_end |= grown
        changed = bool(grown)
    return [node.id for node in scenario.nodes if node.id not in can_end]


def graph_problems(scenario: Scenario) -> Iterator[Problem]:
    """Every problem with the scenario's shape (its nodes, endings and start passed the schema)."""
    yield from _clashing_ids(scenario)
    unknown = list(_unknown_nexts(scenario))
    yield from unknown
    start = list(_unknown_start(scenario))
    yield from start
    unreached: set[str] = set()
    if not unknown and not start:  # a wrong id may have been meant for what looks unreachable
        unreached = _places(scenario) - reachable(scenario)
        yield from _unreachable(scenario, unreached)
    yield from _endless(scenario, unreached)
    yield from _no_good_ending(scenario)
    for node in scenario.nodes:
        yield from _same_words(scenario, node)


def _places(scenario: Scenario) -> set[str]:
    return {node.id for node in scenario.nodes} | {ending.id for ending in scenario.endings}


def _problem(scenario: Scenario, where: str, field: str, message: str, hint: str) -> Problem:
    """A problem at the line of `where` ('nodes.opening.choices.0.next'), named `field`."""
    return Problem(scenario.source, scenario.line(where), field, message, hint)


def _choice_field(node: ScenarioNode, index: int, name: str) -> tuple[str, str]:
    """Where a choice's field is written, and its name as authors count (from 1)."""
    return f"nodes.{node.id}.choices.{index}.{name}", f"nodes.{node.id}.choices[{index + 1}].{name}"


def _one_of(word: str, ids: list[str]) -> str:
    return did_you_mean(word, ids) or "use one of " + ", ".join(ids)


def _clashing_ids(scenario: Scenario) -> Iterator[Problem]:
    node_ids = {node.id for node in scenario.nodes}
    for ending in scenario.endings:
        if ending.id in node_ids:
            where = f"endings.{ending.id}"
            yield _problem(scenario, where, where, f"'{ending.id}' is also the id of a node", "give the ending an id of its own")


def _unknown_nexts(scenario: Scenario) -> Iterator[Problem]:
    places = _places(scenario)
    ids = [node.id for node in scenario.nodes] + [ending.id for ending in scenario.endings]
    for node in scenario.nodes:
        for index, choice in enumerate(node.choices):
            if choice.next not in places:
                where, field = _choice_field(node, index, "next")
                yield _problem(
                    scenario, where, field, f"'{choice.next}' is not a node or an ending of this scenario", _one_of(choice.next, ids)
                )


def _unknown_start(scenario: Scenario) -> Iterator[Problem]:
    node_ids = [node.id for node in scenario.nodes]
    if scenario.start in node_ids:
        return
    if scenario.ending(scenario.start):
        message = f"'{scenario.start}' is an ending: the conversation starts at a node"
    else:
        message = f"'{scenario.start}' is not a node of this scenario"
    yield _problem(scenario, "start", "start", message, _one_of(scenario.start, node_ids))


def _unreachable(scenario: Scenario, unreached: set[str]) -> Iterator[Problem]:
    parts = [("nodes", node.id) for node in scenario.nodes] + [("endings", ending.id) for ending in scenario.endings]
    for group, place in parts:
        if place in unreached:
            where = f"{group}.{place}"
            message = f"no path from the start ('{scenario.start}') leads here"
            yield _problem(scenario, where, where, message, "point a choice's next: at it, or delete it")


def _endless(scenario: Scenario, unreached: set[str]) -> Iterator[Problem]:
    """Nodes with no way to an ending; one that no path reaches is already reported."""
    ending = scenario.endings[0].id if scenario.endings else "an-ending"
    for node_id in endless(scenario):
        if node_id not in unreached:
            where = f"nodes.{node_id}"
            message = "no ending can be reached from here: every choice leads round in a loop"
            hint = f"point a choice here, or one further on, at an ending, such as next: {ending}"
            yield _problem(scenario, where, where, message, hint)


def _no_good_ending(scenario: Scenario) -> Iterator[Problem]:
    if scenario.endings and not any(ending.outcome == Outcome.GOOD for ending in scenario.endings):
        yield _problem(scenario, "endings", "endings", "no ending has outcome: good", "give at least one ending outcome: good")


def _same_words(scenario: Scenario, node: ScenarioNode) -> Iterator[Problem]:
    """Two choices of a node that say the same thing (case and spacing aside): the learner could
    not tell them apart."""
    first: dict[str, int] = {}
    for index, choice in enumerate(node.choices):
        words = " ".join(choice.say.casefold().split())
        if words in first:
            where, field = _choice_field(node, index, "say")
            message = f"choice {index + 1} says the same as choice {first[words] + 1}"
            yield _problem(scenario, where, field, message, "give each choice words of its own")
        first.setdefault(words, index)

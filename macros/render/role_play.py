"""A scenario as role-play cards for a workshop, in threes: a customer, an agent and an observer.

    the customer's brief   who they are, what they ask for first, their opening line and what
                           they have not said yet (their card is theirs alone)
    the agent's brief      their role and what they know
    the observer's checklist   each objective the scenario practises, with the choices that show
                           it (to listen for) and those that miss it (to watch out for), to tick

The cards are printed from the facilitator guide (partials/course/role-play-cards.html, print.css).
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.curriculum.model import Module, Objective, Scenario, ScenarioEnding
from macros.render.scenario_map import distances


@dataclass(frozen=True)
class Said:
    """One choice, as the observer hears it: what the agent says, and where in the map it is."""

    node: str
    choice: int  # from 1, as on the map
    say: str


@dataclass(frozen=True)
class Checkpoint:
    objective: Objective
    listen_for: tuple[Said, ...]  # the choices that show the objective
    watch_for: tuple[Said, ...]  # the choices that miss it


@dataclass(frozen=True)
class Cards:
    scenario: Scenario
    opening: str  # the customer's first line
    checklist: tuple[Checkpoint, ...]
    endings: tuple[ScenarioEnding, ...]  # good first, then recoverable, then poor: how it ended, to tick


OUTCOME_ORDER = ("good", "recoverable", "poor")


def objective_texts(scenario: Scenario, module: Module) -> dict[str, str]:
    """Each objective id the scenario names, with its text in module.yml (its id, if it has none:
    validation refuses that, and the guide still shows something)."""
    texts = {objective.id: objective.text for objective in module.objectives}
    named = [*scenario.practises, *(i for node in scenario.nodes for c in node.choices for i in (*c.shows, *c.misses))]
    return {objective_id: texts.get(objective_id, objective_id) for objective_id in dict.fromkeys(named)}


def cards(scenario: Scenario, module: Module) -> Cards:
    texts = objective_texts(scenario, module)
    start = scenario.node(scenario.start)
    checklist = tuple(
        Checkpoint(
            Objective(objective_id, texts[objective_id]),
            _choices(scenario, "shows", objective_id),
            _choices(scenario, "misses", objective_id),
        )
        for objective_id in scenario.practises
    )
    endings = tuple(sorted(scenario.endings, key=lambda ending: OUTCOME_ORDER.index(ending.outcome)))
    return Cards(scenario, start.customer if start else "", checklist, endings)


def _choices(scenario: Scenario, which: str, objective_id: str) -> tuple[Said, ...]:
    """The choices that show (or miss) the objective, in the order the conversation reaches them."""
    order = list(distances(scenario))
    nodes = sorted(scenario.nodes, key=lambda node: order.index(node.id))
    return tuple(
        Said(node.id, number, choice.say)
        for node in nodes
        for number, choice in enumerate(node.choices, 1)
        if objective_id in getattr(choice, which)
    )

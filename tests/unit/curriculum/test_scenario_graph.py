"""A scenario's shape (curriculum/scenario_graph.py): where its choices lead, and each problem with it
said once, at the line it was written."""

from __future__ import annotations

from macros.curriculum.model import Outcome, Scenario, ScenarioAgent, ScenarioChoice, ScenarioCustomer, ScenarioEnding, ScenarioNode
from macros.curriculum.scenario_graph import endless, graph_problems, reachable, steps

SOURCE = "modules/m/scenarios/s.yml"


def make(
    nodes: dict[str, list[str]], endings: dict[str, Outcome] | None = None, start: str = "a", says: list[str] | None = None
) -> Scenario:
    """A scenario whose node `id` has one choice per id in `nodes[id]`, leading there; each place's
    line is its position in the file, counting from 10."""
    endings = {"win": Outcome.GOOD, "lose": Outcome.POOR} if endings is None else endings
    built = tuple(
        ScenarioNode(
            node_id,
            "Hello.",
            tuple(ScenarioChoice((says or [])[i] if says else f"{node_id}, choice {i}", "Oh.", "Why.", n) for i, n in enumerate(nexts)),
        )
        for node_id, nexts in nodes.items()
    )
    lines = {f"nodes.{node_id}": 10 + index for index, node_id in enumerate(nodes)}
    for index, node_id in enumerate(nodes):
        for choice in range(len(nodes[node_id])):
            lines[f"nodes.{node_id}.choices.{choice}.next"] = 100 + 10 * index + choice
            lines[f"nodes.{node_id}.choices.{choice}.say"] = 200 + 10 * index + choice
    lines |= {f"endings.{ending}": 50 + index for index, ending in enumerate(endings)}
    lines |= {"start": 2, "endings": 49}
    return Scenario(
        id="s",
        module_id="m",
        title="S",
        summary="S.",
        practises=("x",),
        customer=ScenarioCustomer("C", "Who.", "Wants.", "Not yet."),
        agent=ScenarioAgent("Agent", "Knows."),
        start=start,
        nodes=built,
        endings=tuple(ScenarioEnding(ending, outcome, ending.title(), "Debrief.") for ending, outcome in endings.items()),
        source=SOURCE,
        lines=lines,
    )


def said(scenario: Scenario) -> list[str]:
    return [str(problem) for problem in graph_problems(scenario)]


def test_a_good_scenario_has_no_problem_and_every_place_is_reached():
    scenario = make({"a": ["b", "lose"], "b": ["win", "a"]})
    assert steps(scenario) == {"a": ("b", "lose"), "b": ("win", "a")}
    assert reachable(scenario) == {"a", "b", "win", "lose"}
    assert endless(scenario) == []
    assert said(scenario) == []


def test_a_loop_is_fine_while_it_has_a_way_out():
    assert said(make({"a": ["b", "b"], "b": ["a", "c"], "c": ["a", "win"]}, {"win": Outcome.GOOD})) == []


def test_an_unknown_next_is_named_with_the_nearest_id_and_hides_what_it_may_have_meant_to_reach():
    scenario = make({"a": ["b", "wn"], "b": ["b", "b"], "c": ["win", "lose"]})
    assert said(scenario) == [
        f"{SOURCE}:101: nodes.a.choices[2].next: 'wn' is not a node or an ending of this scenario — did you mean 'win'?",
        # b leads only to itself: it cannot end, whatever 'wn' becomes
        f"{SOURCE}:11: nodes.b: no ending can be reached from here: every choice leads round in a loop — point a choice here, or "
        "one further on, at an ending, such as next: win",
    ]  # c, win and lose look unreachable, but 'wn' may have been meant for any of them


def test_the_start_must_be_a_node():
    assert said(make({"a": ["win", "lose"]}, start="aa")) == [f"{SOURCE}:2: start: 'aa' is not a node of this scenario — did you mean 'a'?"]
    assert said(make({"a": ["win", "lose"]}, start="win")) == [
        f"{SOURCE}:2: start: 'win' is an ending: the conversation starts at a node — use one of a"
    ]


def test_places_no_path_reaches_are_named_once_each():
    scenario = make({"a": ["win", "win"], "b": ["c", "lose"], "c": ["b", "b"]})
    assert reachable(scenario) == {"a", "win"}
    assert said(scenario) == [
        f"{SOURCE}:11: nodes.b: no path from the start ('a') leads here — point a choice's next: at it, or delete it",
        f"{SOURCE}:12: nodes.c: no path from the start ('a') leads here — point a choice's next: at it, or delete it",
        f"{SOURCE}:51: endings.lose: no path from the start ('a') leads here — point a choice's next: at it, or delete it",
    ]


def test_every_node_of_a_loop_with_no_exit_is_named():
    scenario = make({"a": ["b", "win"], "b": ["c", "c"], "c": ["b", "b"]}, {"win": Outcome.GOOD})
    assert endless(scenario) == ["b", "c"]
    hint = "point a choice here, or one further on, at an ending, such as next: win"
    assert said(scenario) == [
        f"{SOURCE}:11: nodes.b: no ending can be reached from here: every choice leads round in a loop — {hint}",
        f"{SOURCE}:12: nodes.c: no ending can be reached from here: every choice leads round in a loop — {hint}",
    ]


def test_a_scenario_needs_a_good_ending():
    scenario = make({"a": ["win", "lose"]}, {"win": Outcome.RECOVERABLE, "lose": Outcome.POOR})
    assert said(scenario) == [f"{SOURCE}:49: endings: no ending has outcome: good — give at least one ending outcome: good"]


def test_choices_that_say_the_same_apart_from_case_and_spacing():
    scenario = make({"a": ["win", "lose", "win"]}, says=["Can I help?", "Something else", "  can I   HELP? "])
    assert said(scenario) == [
        f"{SOURCE}:202: nodes.a.choices[3].say: choice 3 says the same as choice 1 — give each choice words of its own"
    ]


def test_an_ending_cannot_share_a_node_id():
    scenario = make({"a": ["win", "lose"], "win": ["a", "lose"]}, {"win": Outcome.GOOD, "lose": Outcome.POOR})
    assert said(scenario)[0] == f"{SOURCE}:50: endings.win: 'win' is also the id of a node — give the ending an id of its own"

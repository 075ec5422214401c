"""A practice conversation for tests of the facilitator's view and the LMS, in the minimal course's
module 'map-reading' (objectives read-symbols and read-relief):

    SAMPLE_YAML                   modules/map-reading/scenarios/ridge-walk.yml, as an author writes it
    sample_scenario(**changes)    the same as a `Scenario`, made here (tests of render/ need no loader)
    sample_module(*scenarios)     the module that holds it, with its two objectives

Its shape: a recovery along the first row (defensive -> which-map), a way back up (contours ->
which-map), two choices of one moment to the same place (defensive 1 and 3), three endings.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import yaml

from macros.curriculum.model import (
    Module,
    Objective,
    Outcome,
    Scenario,
    ScenarioAgent,
    ScenarioChoice,
    ScenarioCustomer,
    ScenarioEnding,
    ScenarioNode,
)

MODULE = "map-reading"
SCENARIO = "ridge-walk"
SAMPLE_PATH = f"modules/{MODULE}/scenarios/{SCENARIO}.yml"
OBJECTIVES = {"read-symbols": "Name the common symbols on a walking map.", "read-relief": "Tell a hill from a valley by its contour lines."}

SAMPLE_YAML = """\
title: The walker who asks for the ridge route
summary: A walker rings to ask for the ridge route for Saturday; she cannot read the contours that show its steep end.
practises: [read-symbols, read-relief]
customer:
  name: Morag Quinn
  who: A keen walker in her sixties, new to the hills, ringing the school from her kitchen.
  wants: The ridge route, by email, today.
  not_said_yet: She has never read the brown lines on a map and is too proud to say so.
agent:
  role: Booking desk at the outdoor school
  knows: The ridge ends in a steep scramble; an easier path leaves it halfway.
start: opening
nodes:
  opening:
    customer: I want to do the ridge walk on Saturday. Can you send me the route?
    context: "Tone: brisk and cheerful. On screen: no past bookings."
    choices:
      - say: Happy to. Which map will you carry?
        reaction: "'The orange one from the shop.'"
        feedback: Asking about the map opens the talk about what is on it.
        next: which-map
        shows: [read-symbols]
      - say: Sure, I'll email it now.
        reaction: "'Lovely, thanks.' She rings off."
        feedback: Sending the route without a word about the ground leaves her to find the scramble alone.
        next: sent-unprepared
        misses: [read-relief]
      - say: The ridge is hard. Have you done it before?
        reaction: "'I have walked plenty, thank you.'"
        feedback: A closed question about her experience sounds like doubt.
        next: defensive
        misses: [read-symbols]
  defensive:
    customer: I have walked plenty, thank you.
    choices:
      - say: Sorry, that came out wrong. Which map will you carry?
        reaction: She softens. "'The orange one.'"
        feedback: An apology and an open question bring the talk back.
        next: which-map
        shows: [read-symbols]
      - say: Then you'll be fine.
        reaction: "'I know.' She rings off."
        feedback: Agreeing ends the call with the danger unspoken.
        next: sent-unprepared
        misses: [read-relief]
      - say: Fair enough. What map do you have?
        reaction: "'The orange one from the shop.'"
        feedback: Moving on to the map, without arguing, works too.
        next: which-map
  which-map:
    customer: It has brown lines all over it. I never know what they mean.
    choices:
      - say: Those are contours. Close together means steep.
        reaction: "'Oh! Then the end of the ridge is very steep.'"
        feedback: Naming the symbol and what it shows lets her read the ground herself.
        next: contours
        shows: [read-relief, read-symbols]
      - say: Don't worry about those.
        reaction: "'If you say so.'"
        feedback: Waving the contours away leaves her blind to the scramble.
        next: sent-unprepared
        misses: [read-relief]
  contours:
    customer: So the lines packed tight at the end, that's the steep bit?
    choices:
      - say: Yes, that's the scramble. Shall we look at the easier path down?
        reaction: "'Yes please, that sounds more like me.'"
        feedback: She sees the danger on the map and chooses the safer way.
        next: ready
        shows: [read-relief]
      - say: Yes. You'll manage.
        reaction: "'I hope so.'"
        feedback: She knows where the steep part is, but not how to avoid it.
        next: ready-but-unsure
      - say: Let's look at the first part of the map again.
        reaction: "'All right, from the car park.'"
        feedback: Going back over the start is patient, if slow.
        next: which-map
endings:
  ready:
    outcome: good
    title: She walks the ridge and takes the easy way down
    debrief: You let the map teach her; she chose the route herself.
  ready-but-unsure:
    outcome: recoverable
    title: She knows where the scramble is, and hopes for the best
    debrief: She can read the contours now; next time offer the way round.
  sent-unprepared:
    outcome: poor
    title: She sets off without knowing about the scramble
    debrief: The route went out, the danger did not.
"""


def sample_scenario(**changes) -> Scenario:
    """SAMPLE_YAML as a Scenario, made here as the loader would (values changed by `changes`)."""
    data = yaml.safe_load(SAMPLE_YAML)
    nodes = tuple(
        ScenarioNode(
            node_id,
            node["customer"],
            tuple(
                ScenarioChoice(c["say"], c["reaction"], c["feedback"], c["next"], tuple(c.get("shows", ())), tuple(c.get("misses", ())))
                for c in node["choices"]
            ),
            node.get("context", ""),
        )
        for node_id, node in data["nodes"].items()
    )
    endings = tuple(ScenarioEnding(ending_id, Outcome(e["outcome"]), e["title"], e["debrief"]) for ending_id, e in data["endings"].items())
    scenario = Scenario(
        id=SCENARIO,
        module_id=MODULE,
        title=data["title"],
        summary=data["summary"],
        practises=tuple(data["practises"]),
        customer=ScenarioCustomer(**data["customer"]),
        agent=ScenarioAgent(**data["agent"]),
        start=data["start"],
        nodes=nodes,
        endings=endings,
        source=SAMPLE_PATH,
    )
    return replace(scenario, **changes)


def sample_module(*scenarios: Scenario, in_score: bool = False) -> Module:
    return Module(
        id=MODULE,
        title="Map reading",
        summary="Read the symbols and the shape of the ground on a paper map.",
        audience=(),
        level="introductory",
        order=1,
        objectives=tuple(Objective(key, text) for key, text in OBJECTIVES.items()),
        prerequisites=(),
        tags=(),
        authors=(),
        version="1.0",
        reviewed=date(2026, 3, 1),
        lessons=(),
        scenarios=scenarios,
        scenarios_in_score=in_score,
    )

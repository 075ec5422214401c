"""Broken inputs of issue 15 (practice conversations): cases in the format of broken_inputs.py, run by
test_broken_inputs.py.

Each case adds the small valid scenario below to the minimal course's map-reading module (its
objectives are read-symbols and read-relief, its lessons symbols and contours), then breaks it one
way. Lines are found in the scenario's own text, so a change to it moves them with it.
"""

from __future__ import annotations

from tests.build.broken_inputs import Case, Change, M, replace, write

FILE = f"{M}/scenarios/the-walker-in-a-hurry.yml"

SCENARIO = """\
title: The walker in a hurry
summary: A walker on the summit asks for the quickest way down; the real worry is the failing light.
practises: [read-relief]
lesson: contours
customer:
  name: Sam Reid
  who: A walker at the summit cairn at four o'clock on a November afternoon.
  wants: The quickest way down to the car park.
  not_said_yet: Their torch is in the car.
agent:
  role: Hill ranger at the summit
  knows: Sunset is at 16:20. The steep path is quick but crosses a crag; the long path is gentle all the way.
start: opening
nodes:
  opening:
    customer: Which is the quickest way down?
    context: "Tone: hurried. The light is going."
    choices:
      - say: The steep path, straight down the contours.
        reaction: They set off at once.
        feedback: Quick, but you never asked what they need.
        next: at-the-crag
        misses: [read-relief]
      - say: Before I say, how long have you got before dark?
        reaction: "'Not long. My torch is in the car.'"
        feedback: A question first brings out the real need, which is daylight.
        next: the-long-path
        shows: [read-relief]
  at-the-crag:
    customer: The lines are all bunched up here. Is this right?
    choices:
      - say: Bunched lines mean a crag. Go back up to where they spread out.
        reaction: They turn back to the easier ground.
        feedback: You read the relief for them and put it right.
        next: the-long-path
        shows: [read-relief]
      - say: Just go carefully.
        reaction: They edge down in the dusk.
        feedback: The map said crag, and you let them go on.
        next: stuck-at-dusk
  the-long-path:
    customer: So the longer path is the safer one?
    choices:
      - say: Yes. The lines stay wide apart all the way, and you will be down before dark.
        reaction: They thank you and set off.
        feedback: A clear answer, drawn from the map.
        next: down-safely
        shows: [read-relief]
      - say: It's up to you.
        reaction: They hesitate, then take the steep path after all.
        feedback: Leaving the choice to them wastes what you know.
        next: at-the-crag
endings:
  down-safely:
    outcome: good
    title: Down before dark
    debrief: You asked first, then read the map for them.
  stuck-at-dusk:
    outcome: poor
    title: Stuck above the crag at dusk
    debrief: The contours warned of the crag, and a question would have found the missing torch.
"""

# A node whose choices lead only back to itself: a loop with no way out.
LOST_IN_MIST = """\
  lost-in-mist:
    customer: I can't see the path any more.
    choices:
      - say: Stay where you are until it clears.
        reaction: They wait, and the mist stays.
        feedback: Safe for now, but it leads nowhere.
        next: lost-in-mist
      - say: Walk on slowly.
        reaction: They walk round in a circle.
        feedback: Without the map, every direction looks the same.
        next: lost-in-mist
"""


def at(text: str, after: str = "") -> int:
    """The line of the scenario where `text` first appears (after the first `after`, if given)."""
    start = SCENARIO.index(after) if after else 0
    return SCENARIO.count("\n", 0, SCENARIO.index(text, start)) + 1


def scenario(*edits: tuple[str, str]) -> list[Change]:
    """The valid scenario added to the module, then each (old, new) replaced in it."""
    return [write(FILE, SCENARIO), *(replace(FILE, old, new) for old, new in edits)]


CASES: list[Case] = [
    Case(
        "scenario-not-yaml",
        scenario(("title: The walker in a hurry", "title: [The walker in a hurry")),
        (f"{FILE}:1: a list opened with '[' is not closed — close it with ']', or put quotes around text that starts with '['",),
    ),
    Case(
        "scenario-field-typos",
        scenario(
            ("      - say: Just go carefully.", "      - sya: Just go carefully."),
            ("start: opening", "strat: opening"),
            ("  not_said_yet:", "  not_said:"),
        ),
        (
            f"{FILE}:{at('not_said_yet')}: customer.not_said: unknown field — did you mean 'not_said_yet'?",
            f"{FILE}:{at('start: opening')}: strat: unknown field — did you mean 'start'?",
            f"{FILE}:{at('Just go carefully')}: nodes.at-the-crag.choices[2].sya: unknown field — did you mean 'say'?",
        ),
    ),
    Case(
        "scenario-choices-and-outcome",
        scenario(
            (
                "      - say: It's up to you.\n"
                "        reaction: They hesitate, then take the steep path after all.\n"
                "        feedback: Leaving the choice to them wastes what you know.\n"
                "        next: at-the-crag\n",
                "",
            ),
            ("outcome: poor", "outcome: bad"),
        ),
        (
            f"{FILE}:{at('choices:', 'the-long-path:')}: nodes.the-long-path.choices: 1 item; at least 2 are needed — add 1 more",
            f'{FILE}:{at("outcome: poor") - 4}: endings.stuck-at-dusk.outcome: "bad" is not allowed here — use one of good, '
            "recoverable, poor",
        ),
    ),
    Case(
        "scenario-unknown-next",
        scenario(("        next: down-safely", "        next: down-safley")),
        (
            f"{FILE}:{at('next: down-safely')}: nodes.the-long-path.choices[1].next: 'down-safley' is not a node or an ending of this "
            "scenario — did you mean 'down-safely'?",
        ),
    ),
    Case(
        "scenario-unknown-start",
        scenario(("start: opening", "start: openning")),
        (f"{FILE}:{at('start: opening')}: start: 'openning' is not a node of this scenario — did you mean 'opening'?",),
    ),
    Case(
        "scenario-unreachable-node-and-ending",
        scenario(
            ("        next: at-the-crag\n        misses", "        next: the-long-path\n        misses"),
            ("        next: at-the-crag\nendings", "        next: opening\nendings"),
        ),
        (
            f"{FILE}:{at('  at-the-crag:')}: nodes.at-the-crag: no path from the start ('opening') leads here — point a choice's next: at "
            "it, or delete it",
            f"{FILE}:{at('  stuck-at-dusk:')}: endings.stuck-at-dusk: no path from the start ('opening') leads here — point a choice's "
            "next: at it, or delete it",
        ),
    ),
    Case(
        "scenario-loop-with-no-exit",
        scenario(("        next: at-the-crag\nendings:\n", "        next: lost-in-mist\n" + LOST_IN_MIST + "endings:\n")),
        (
            f"{FILE}:{at('endings:')}: nodes.lost-in-mist: no ending can be reached from here: every choice leads round in a loop — "
            "point a choice here, or one further on, at an ending, such as next: down-safely",
        ),
    ),
    Case(
        "scenario-unknown-objectives",
        scenario(
            ("practises: [read-relief]", "practises: [read-releif, read-symbols]"),
            ("        misses: [read-relief]", "        misses: [read-reliefs]"),
            ("        shows: [read-relief]\n  at-the-crag", "        shows: [reading-maps]\n  at-the-crag"),
        ),
        (
            f"{FILE}:{at('practises')}: practises: 'read-releif' is not an objective of module 'map-reading' — did you mean 'read-relief'?",
            f"{FILE}:{at('misses: [read-relief]')}: nodes.opening.choices[1].misses: 'read-reliefs' is not an objective of module "
            "'map-reading' — did you mean 'read-relief'?",
            f"{FILE}:{at('shows: [read-relief]')}: nodes.opening.choices[2].shows: 'reading-maps' is not an objective of module "
            "'map-reading' — use one of read-symbols, read-relief",
        ),
    ),
    Case(
        "scenario-no-good-ending",
        scenario(("outcome: good", "outcome: recoverable")),
        (f"{FILE}:{at('endings:')}: endings: no ending has outcome: good — give at least one ending outcome: good",),
    ),
    Case(
        "scenario-choices-that-say-the-same",
        scenario(("      - say: Just go carefully.", "      - say: 'bunched lines mean a crag.  Go back up to where they spread OUT.'")),
        (
            f"{FILE}:{at('Just go carefully')}: nodes.at-the-crag.choices[2].say: choice 2 says the same as choice 1 — give each choice "
            "words of its own",
        ),
    ),
    Case(
        "scenario-unknown-lesson",
        scenario(("lesson: contours", "lesson: contour-lines")),
        (f"{FILE}:{at('lesson: contours')}: lesson: 'contour-lines' is not a lesson of module 'map-reading' — did you mean 'contours'?",),
    ),
    Case(
        "scenario-ending-with-a-node-id",
        scenario(
            ("  down-safely:\n    outcome", "  the-long-path:\n    outcome"), ("        next: down-safely", "        next: the-long-path")
        ),
        (
            f"{FILE}:{at('  down-safely:')}: endings.the-long-path: 'the-long-path' is also the id of a node — give the ending an id "
            "of its own",
        ),
    ),
    Case(
        "scenario-file-names",
        [write(f"{M}/scenarios/Walker_In_A_Hurry.yml", SCENARIO), write(f"{M}/scenarios/the-walker.yaml", SCENARIO)],
        (
            f"{M}/scenarios/Walker_In_A_Hurry.yml: 'Walker_In_A_Hurry' cannot be a scenario's id: the file name is its id and its address "
            "— rename the file with lowercase letters, digits and hyphens, such as the-caller-who-asks-to-cancel.yml",
            f"{M}/scenarios/the-walker.yaml: a scenario's file name ends in .yml — rename it to the-walker.yml",
        ),
    ),
    Case(
        "scenarios-in-score-not-true-or-false",
        [replace(f"{M}/module.yml", "lessons:\n", 'scenarios_in_score: "yes"\nlessons:\n')],
        (f'{M}/module.yml:15: scenarios_in_score: expected true or false, got "yes" — write scenarios_in_score: true',),
    ),
]

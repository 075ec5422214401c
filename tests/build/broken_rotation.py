"""Broken inputs of issue 17 (capstones in which everyone practises): cases in the format of
broken_inputs.py, run by test_broken_inputs.py.

The minimal course's capstone (route-planning) has each learner plan a walk and check a partner's.
The cases give it a "Who plays what" table (the heading at line 10, the table's first row at 12,
its rounds from 14) in which someone never holds a role, someone holds two in one round, a round
has no one in a role, or the heading has no table at all.
"""

from __future__ import annotations

from tests.build.broken_inputs import Case, replace

CAPSTONE = "modules/route-planning/capstone.md"
LAST_LINE = "check each other's work on the map.\n"
NO_TABLE = "add a table under it with a row for each round and a column for each role, naming who holds each role"


def who_plays_what(*rows: str) -> list:
    """The capstone with a "Who plays what" table of these rounds, under its text."""
    table = "\n## Who plays what\n\n| Round | Planner | Checker |\n|---|---|---|\n" + "".join(f"{row}\n" for row in rows)
    return [replace(CAPSTONE, LAST_LINE, LAST_LINE + table)]


def never(person: str, role: str) -> str:
    return (
        f'{CAPSTONE}:12: {person} never plays the {role} in the "Who plays what" table — give {person} that role in one round, '
        f"or, if only some people can hold it, say why in a line under the table that starts 'Only' and names the {role}"
    )


CASES: list[Case] = [
    Case(
        "rotation-someone-never-holds-a-role",
        who_plays_what("| 1 | A (assessed) | B (checks the bearings) |", "| 2 | A (assessed) | B |"),
        (never("A", "Checker"), never("B", "Planner")),
    ),
    Case(
        "rotation-two-roles-in-one-round",
        who_plays_what("| 1 | A | B |", "| 2 | B | A |", "| 3 | A | A |"),
        (
            f"{CAPSTONE}:16: A plays both the Planner and the Checker in round 3 — give each person one role a round: "
            "move one of them to someone else, or write the second as a note in brackets",
        ),
    ),
    Case(
        "rotation-round-with-no-one-in-a-role",
        who_plays_what("| 1 | A | B |", "| 2 | B | A |", "| 3 | — | B |"),
        (f"{CAPSTONE}:16: no one plays the Planner in round 3 — name who plays the Planner in round 3",),
    ),
    Case(
        "rotation-heading-without-a-table",
        [replace(CAPSTONE, LAST_LINE, LAST_LINE + "\n## Who plays what\n\nTake turns to plan and to check.\n")],
        (f'{CAPSTONE}:10: the "Who plays what" section has no table — {NO_TABLE}',),
    ),
]

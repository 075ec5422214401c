"""Broken inputs of issue 16 (after the course): a module objective's behaviours at work
(`on_the_job`) and `measures`, in the format of broken_inputs.py, run by test_broken_inputs.py.

Each case rewrites the map-reading module's first objective (read-symbols, line 8 of the minimal
course's module.yml, where the fixture writes it on one line) in block form, then breaks it one
way. The other objectives keep their two behaviours, so each case's lines are its only problems.
"""

from __future__ import annotations

from tests.build.broken_inputs import Case, Change, M, replace

META = f"{M}/module.yml"
# The fixture's line: one line, so that the lines the other cases name stay where they are.
FIXTURE_LINE = (
    "  read-symbols: {text: Name the common symbols on a walking map., on_the_job: [\"Names the symbols along the day's route "
    'without opening the key.", "Points out a stile or a footbridge on the map before the group reaches it."]}\n'
)
TEXT = "    text: Name the common symbols on a walking map.\n"
BEHAVIOURS = [
    "Names the symbols along the day's route without opening the key.",
    "Points out a stile or a footbridge on the map before the group reaches it.",
    "Says which symbol on the sheet marks the next gate.",
    "Asks about a symbol they do not know before setting off.",
    "Checks the key when the map and the ground disagree.",
]
SEE_OR_HEAR = "a manager would see or hear at work when the objective is met"


def objective(*lines: str) -> Change:
    """read-symbols written as `lines` (each a full line, indented under it), from line 9 on."""
    return replace(META, FIXTURE_LINE, "  read-symbols:\n" + "".join(lines))


def on_the_job(count: int) -> str:
    return "    on_the_job:\n" + "".join(f"      - {behaviour}\n" for behaviour in BEHAVIOURS[:count])


CASES: list[Case] = [
    Case(
        "module objective written as text alone",
        [replace(META, FIXTURE_LINE, "  read-symbols: Name the common symbols on a walking map.\n")],
        (
            f"{META}:8: objectives.read-symbols: written as text alone, with no behaviours at work (on_the_job) — write it as a "
            f"mapping with text: and on_the_job: 2 to 4 things {SEE_OR_HEAR}",
        ),
    ),
    Case(
        "module objective without on_the_job",
        [objective(TEXT)],
        (f"{META}:8: objectives.read-symbols: no behaviours at work (on_the_job) — add on_the_job: 2 to 4 things {SEE_OR_HEAR}",),
    ),
    Case(
        "module objective with one behaviour at work",
        [objective(TEXT, on_the_job(1))],
        (
            f"{META}:10: objectives.read-symbols: 1 behaviour at work (on_the_job); at least 2 are needed — add 1 more under "
            f"on_the_job: something else {SEE_OR_HEAR}",
        ),
    ),
    Case(
        "module objective with five behaviours at work",
        [objective(TEXT, on_the_job(5))],
        (
            f"{META}:15: objectives.read-symbols: 5 behaviours at work (on_the_job); at most 4 are allowed — keep the 4 a manager "
            "can see or hear most clearly, and remove 1",
        ),
    ),
    Case(
        "on_the_job written as a sentence, not a list",
        [objective(TEXT, f"    on_the_job: {BEHAVIOURS[0]}\n")],
        (
            f'{META}:10: objectives.read-symbols.on_the_job: expected a list, got "Names the symbols along the day\'s rou..." — '
            "write on_the_job: [Asks what prompted the call before offering a fix, Sums up the need and checks it with the customer]",
        ),
    ),
    Case(
        "unknown field under a module objective",
        [objective(TEXT, on_the_job(2), "    behaviours: [Reads the key]\n")],
        (
            f"{META}:13: objectives.read-symbols.behaviours: unknown field — remove it; the fields allowed here are text, on_the_job, "
            "measures",
        ),
    ),
    Case(
        "a number as a field name under a module objective",
        [objective(TEXT, on_the_job(2), "    !!int 2: Reads the key\n")],
        (f"{META}:13: objectives.read-symbols.2: unknown field — remove it; the fields allowed here are text, on_the_job, measures",),
    ),
    Case(
        "module objective with empty text",
        [objective('    text: ""\n', on_the_job(2))],
        (f"{META}:9: objectives.read-symbols.text: this is empty — write text: Ask questions that uncover the need behind a request.",),
    ),
    Case(
        "measures.watch empty",
        [objective(TEXT, on_the_job(2), "    measures:\n      watch: []\n")],
        (
            f"{META}:14: objectives.read-symbols.measures.watch: this list is empty — write watch: [Repeat contacts within seven "
            "days about the same problem]",
        ),
    ),
    Case(
        "unknown field under measures",
        [objective(TEXT, on_the_job(2), "    measures:\n      watch: [Walks finished on time]\n      target: [Miles a day]\n")],
        (f"{META}:15: objectives.read-symbols.measures.target: unknown field — remove it; the fields allowed here are watch, avoid",),
    ),
    Case(
        "measures written as a list",
        [objective(TEXT, on_the_job(2), "    measures:\n      - Walks finished on time\n")],
        (f"{META}:13: objectives.read-symbols.measures: expected a block of fields, got a list — make it a block of fields",),
    ),
]

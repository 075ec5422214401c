"""Broken inputs of issue 12 (templates): cases in the format of broken_inputs.py, run by test_broken_inputs.py.

A lesson's text is a template wherever it is published (its page, the workbook, the facilitator
guide), so a name nothing defines is refused at the lesson's own file and line, by `course check`
before the build, with the build's own message: in prose, in a facilitator note, in a capstone's
exercise, inside an author's own {% macro %}. What must build instead is in test_templates_are_literal.py.
"""

from __future__ import annotations

from tests.build.broken_inputs import Case, Change, M, R, replace

UNKNOWN = 'check the spelling; text goes in quotes, as in "{0}"; to show {{{{ }}}} as text, put it in `code`'


def append(path: str, text: str) -> Change:
    return lambda project: project.append(path, text)


def unknown_name(where: str, name: str) -> str:
    return f"{where}: macro: unknown name: '{name}' is undefined — {UNKNOWN.format(name)}"


CASES: list[Case] = [
    Case(
        "bare-undefined-name",
        [replace(f"{R}/bearings.md", "Lay the compass along the leg", "Dear {{first_name}}, lay the compass along the leg")],
        (unknown_name(f"{R}/bearings.md:21", "first_name"),),
    ),
    Case(
        "undefined-name-in-a-facilitator-note",
        [
            append(
                f"{M}/contours.md",
                '\n!!! facilitator "Debrief"\n    Write "Dear {{ first_name }}" on the board, then ask who saw the hill first.\n',
            )
        ],
        (unknown_name(f"{M}/contours.md:29", "first_name"),),
    ),
    Case(
        "unknown-macro-in-a-facilitator-note",
        [append(f"{M}/contours.md", '\n!!! facilitator "Debrief"\n    Show the list: {{ glosary() }}\n')],
        (f"{M}/contours.md:29: macro: unknown macro 'glosary' — did you mean 'glossary'?",),
    ),
    Case(
        "undefined-name-in-a-capstone-exercise",
        [append(f"{R}/capstone.md", '\n!!! exercise "Swap plans"\n    Work in teams of {{ team_size }}.\n')],
        (unknown_name(f"{R}/capstone.md:11", "team_size"),),
    ),
    Case(
        "undefined-name-in-an-authors-own-macro",
        [
            append(
                f"{M}/symbols.md",
                "\n{% macro remind() %}\nLook at the key, {{ learner }}.\n{% endmacro %}\n\n{{ remind() }}\n",
            )
        ],
        (unknown_name(f"{M}/symbols.md:30", "learner"),),
    ),
]

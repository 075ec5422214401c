"""Broken inputs of issue 17, part 1 (the knowledge checks' order): cases in the format of
broken_inputs.py, run by test_broken_inputs.py.

The order's notices (the correct option the longest, or in one place, in too many of a module's
questions) stop nothing, and a case here must fail the check and the build: they are tested in
tests/unit/checks/test_questions.py instead, with `course check`'s exact lines.
"""

from __future__ import annotations

from tests.build.broken_inputs import Case, M, replace

CASES: list[Case] = [
    Case(
        "shuffle-written-as-text",
        [
            replace(
                f"{M}/symbols.md",
                "    assesses: [name-symbols]\n    options:",
                "    assesses: [name-symbols]\n    shuffle: 'off'\n    options:",
            )
        ],
        (f'{M}/symbols.md:16: knowledge_check[1].shuffle: expected true or false, got "off" — write shuffle: false',),
    ),
]

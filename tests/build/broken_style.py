"""Broken inputs of issue 17 (house style): cases in the format of broken_inputs.py, run by
test_broken_inputs.py.

The minimal course sets no house style (`rules:` in its mkdocs.yml holds only `severity: error`).
Each case turns `style:` on there with `severity: error`, so that `course check` fails and the
build stops on it (a course that leaves the severity out gets warnings: tests/unit/checks/
test_style.py), then writes text that breaks the style beside text that keeps it: the lines
expected name only the first. The last case gets the settings themselves wrong.
"""

from __future__ import annotations

from tests.build.broken_inputs import Case, Change, M, P, replace
from tests.factory import MINIMAL

SEVERITY = "        severity: error\n"
# Where the style block goes in: before `severity: error`, which is found in the file, so that a
# line added above it elsewhere in mkdocs.yml does not break the cases.
RULES_LINE = (MINIMAL / "mkdocs.yml").read_text(encoding="utf-8").splitlines().index(SEVERITY.rstrip("\n")) + 1
SYMBOLS = f"{M}/symbols.md"
KEY = "Every walking map has a key."  # line 24 of symbols.md
FOLD = "We start every course by folding the sheet"  # line 16 of the article


def style(*settings: str) -> list[Change]:
    """The house style turned on in the minimal course's mkdocs.yml, with these settings."""
    block = "        style:\n" + "".join(f"          {setting}\n" for setting in settings)
    return [replace("mkdocs.yml", SEVERITY, block + SEVERITY)]


STRICT = ("quotes: single", "times: 5 pm", "severity: error")

CASES: list[Case] = [
    Case(
        "style-double-quotes-in-a-lesson",
        [
            *style(*STRICT),
            replace(
                SYMBOLS,
                KEY,
                KEY + ' "Read the key first," Ffion tells the group. Ffion\'s rule is \'Say "key" before you say "north".\'',
            ),
        ],
        (
            f"{SYMBOLS}:24: double quotes around \"Read the key first,\" — use single quotes: 'Read the key first,' "
            "(rules.style.quotes in mkdocs.yml)",
        ),
    ),
    Case(
        "style-times-in-an-article",
        [*style(*STRICT), replace(P, FOLD, "We meet at 9.30am, stop at 12 noon and finish by 17:00. " + FOLD)],
        (
            f"{P}:16: '9.30am' is not how this course writes a time — write 9.30 am (rules.style.times in mkdocs.yml)",
            f"{P}:16: '17:00' is not how this course writes a time — write 5 pm (rules.style.times in mkdocs.yml)",
        ),
    ),
    Case(
        "style-in-front-matter",
        [
            *style(*STRICT),
            replace(
                SYMBOLS,
                "why: The key lists every symbol the sheet uses.",
                'why: \'The key lists every symbol the sheet uses, from "bridleway" to "trig point".\'',
            ),
            replace(SYMBOLS, "why: A compass shows direction, not symbols.", "why: A compass shows direction at 3 pm, not symbols."),
        ],
        (
            f'{SYMBOLS}:19: knowledge_check[1].options[1].why: double quotes around "bridleway" — use single quotes: '
            "'bridleway' (rules.style.quotes in mkdocs.yml)",
            f'{SYMBOLS}:19: knowledge_check[1].options[1].why: double quotes around "trig point" — use single quotes: '
            "'trig point' (rules.style.quotes in mkdocs.yml)",
        ),
    ),
    Case(
        "style-settings-wrong",
        style("quotes: singel", "times: 5pm", "colour: blue"),
        (
            f"mkdocs.yml:{RULES_LINE + 1}: plugins.course.rules.style.quotes: 'singel' is not a choice for quotes — "
            "write quotes: single, double or off",
            f"mkdocs.yml:{RULES_LINE + 2}: plugins.course.rules.style.times: '5pm' is not a choice for times — "
            "write times: '5 pm', '17:00' or off",
            f"mkdocs.yml:{RULES_LINE + 3}: plugins.course.rules.style.colour: unknown style setting — "
            "the style settings are quotes, times, severity",
        ),
    ),
]

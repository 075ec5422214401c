"""Broken inputs of issue 13 (content rules, every problem at once, paths): cases in the format of
broken_inputs.py, run by test_broken_inputs.py.

The minimal course asks for nothing beyond the schema (`rules:` in its mkdocs.yml holds only
`severity: error`); each rule case turns one rule on there, and the pages that fall short of it
are named with the rule to change. The other cases put two problems in one file, or a path written
from the folders on disk, and expect every problem, each with the path the author meant.
"""

from __future__ import annotations

from tests.build.broken_inputs import Case, Change, M, P, R, replace
from tests.factory import MINIMAL

SEVERITY = "        severity: error\n"
# Where the rules go in: a setting added before `severity: error` takes its line (read from the
# file, so a line added above it elsewhere in mkdocs.yml does not break the cases).
RULES_LINE = (MINIMAL / "mkdocs.yml").read_text(encoding="utf-8").splitlines().index(SEVERITY.rstrip("\n")) + 1


def rule(setting: str) -> list[Change]:
    """Turn one rule on in the minimal course's mkdocs.yml (`setting`: indented YAML lines)."""
    return [replace("mkdocs.yml", SEVERITY, setting + SEVERITY)]


SYMBOLS_LINE = "Every walking map has a key."

CASES: list[Case] = [
    # -- content rules (plugins.course.rules in mkdocs.yml) -----------------------------------------
    Case(
        "rule-lesson-words",
        rule("        lesson_words: 35\n"),
        (
            f"{R}/bearings.md:20: body: 23 words; this course asks for at least 35 (rules.lesson_words in mkdocs.yml) — add to the lesson, or lower the rule",  # noqa: E501
            f"{R}/legs.md:20: body: 30 words; this course asks for at least 35 (rules.lesson_words in mkdocs.yml) — add to the lesson, or lower the rule",  # noqa: E501
        ),
    ),
    Case(
        "rule-article-and-capstone-words",
        rule("        article_words: 60\n        capstone_words: 40\n"),
        (
            f"{P}:9: body: 50 words; this course asks for at least 60 (rules.article_words in mkdocs.yml) — add to the article, or lower the rule",  # noqa: E501
            f"{R}/capstone.md:6: body: 35 words; this course asks for at least 40 (rules.capstone_words in mkdocs.yml) — add to the capstone, or lower the rule",  # noqa: E501
        ),
    ),
    Case(
        "rule-required-materials",
        rule("        required:\n          capstone: [materials]\n"),
        (
            f"{R}/capstone.md:1: materials: this course asks every capstone for materials (rules.required.capstone in mkdocs.yml) — add materials: ['Printed customer scenarios, one per pair', Flip chart and pens] to the front matter, or take materials out of plugins.course.rules.required.capstone",  # noqa: E501
        ),
    ),
    Case(
        "rule-setting-typos",
        rule("        lesson_word: 700\n        required:\n          lesson: [materals]\n"),
        (
            f"mkdocs.yml:{RULES_LINE}: plugins.course.rules.lesson_word: unknown rule — did you mean 'lesson_words'?",
            f"mkdocs.yml:{RULES_LINE + 2}: plugins.course.rules.required.lesson: 'materals' is not a field of a lesson — did you mean 'materials'?",  # noqa: E501
        ),
    ),
    # -- every problem at once: a schema problem does not hide the checks of the other fields -------
    Case(
        "field-typo-and-wrong-assesses",
        [
            replace(f"{M}/symbols.md", "title: Map symbols", "titel: Map symbols"),
            replace(f"{M}/symbols.md", "    assesses: [name-symbols]\n    options", "    assesses: [name-symbol]\n    options"),
        ],
        (
            f"{M}/symbols.md:2: titel: unknown field — did you mean 'title'?",
            f"{M}/symbols.md:15: knowledge_check[1].assesses: 'name-symbol' is not an objective of this lesson — did you mean 'name-symbols'?",  # noqa: E501
        ),
    ),
    # -- paths: the path that reaches the file, written from the page's place in the site ----------
    Case(
        "image-path-from-the-disk",
        [
            replace(
                f"{M}/symbols.md",
                SYMBOLS_LINE,
                f"![Rowan on the hill](../../../docs/assets/authors/rowan-hale.svg)\n\n{SYMBOLS_LINE}",
            )
        ],
        (
            f"{M}/symbols.md:24: image: '../../../docs/assets/authors/rowan-hale.svg' points outside the site — did you mean '../../assets/authors/rowan-hale.svg'?",  # noqa: E501
        ),
    ),
    Case(
        "article-link-one-level-short",
        [replace(P, "# Fold the map first\n", "# Fold the map first\n\nSee [the symbols](../modules/map-reading/symbols.md).\n")],
        (f"{P}:12: link: '../modules/map-reading/symbols.md' does not exist — did you mean '../../modules/map-reading/symbols.md'?",),
    ),
]

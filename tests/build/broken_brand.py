"""Broken inputs of issue 13 (brand.yml checked like lessons): cases in the format of
broken_inputs.py, run by test_broken_inputs.py.

Each problem is at its own line of brand.yml, in plain words, with a fix: a colour too pale for
the places the theme puts it comes with a darker one that passes, a colour or a block written
wrong with the line to write, a missing file with the nearest file in docs/.
"""

from __future__ import annotations

from tests.build.broken_inputs import Case, replace, write

COLORS = '    colors:\n      primary: "#2f5d3a"\n      accent: "#8a4b0f"\n'
COPYRIGHT = "copyright: © 2026 Waymark Outdoor School\n"
LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><circle cx="24" cy="24" r="20" fill="#2f5d3a"/></svg>\n'

CASES: list[Case] = [
    Case(
        "brand-pale-accent",
        [replace("brand.yml", 'accent: "#8a4b0f"', 'accent: "#ffb300"')],
        (
            "brand.yml:14: extra.brand.colors.accent: #ffb300 on white is 1.8:1 for hovered and focused links, and the white text of hovered buttons; WCAG AA needs 4.5:1 — choose a darker accent, such as #946800",  # noqa: E501
        ),
    ),
    Case(
        "brand-accent-pale-only-on-boxes",
        [replace("brand.yml", 'accent: "#8a4b0f"', 'accent: "#767676"')],
        (
            "brand.yml:14: extra.brand.colors.accent: #767676 on the light grey of boxes and code is 4.2:1 for hovered links in boxes; WCAG AA needs 4.5:1 — choose a darker accent, such as #707070",  # noqa: E501
        ),
    ),
    Case(
        "brand-logo-missing",
        [
            write("docs/assets/brand/waymark.svg", LOGO),
            replace("brand.yml", COPYRIGHT, COPYRIGHT + "theme:\n  logo: assets/brand/waymark.svgg\n"),
        ],
        ("brand.yml:8: theme.logo: there is no file docs/assets/brand/waymark.svgg — did you mean 'assets/brand/waymark.svg'?",),
    ),
    Case(
        "brand-favicon-outside-docs",
        [replace("brand.yml", COPYRIGHT, COPYRIGHT + "theme:\n  favicon: ../favicon.ico\n")],
        (
            "brand.yml:8: theme.favicon: ../favicon.ico is outside docs/ — put the file in docs/ and write its path from there, such as assets/brand/favicon.svg",  # noqa: E501
        ),
    ),
    Case(
        "brand-colour-name",
        [replace("brand.yml", 'primary: "#2f5d3a"', "primary: navy")],
        ('brand.yml:13: extra.brand.colors.primary: "navy" is not a colour written as #rrggbb — write primary: "#1d5c63"',),
    ),
    Case(
        "brand-colour-unquoted",
        [replace("brand.yml", 'accent: "#8a4b0f"', "accent: #8a4b0f")],
        (
            'brand.yml:14: extra.brand.colors.accent: no colour here: YAML reads an unquoted # and what follows it as a comment — write accent: "#a34a12"',  # noqa: E501
        ),
    ),
    Case(
        "brand-colors-missing",
        [replace("brand.yml", COLORS, "")],
        (
            'brand.yml:9: extra.brand.colors: this required field is missing — add colors: with primary: "#1d5c63" and accent: "#a34a12" indented under it',  # noqa: E501
        ),
    ),
    Case(
        "brand-colors-misspelt",
        [replace("brand.yml", "    colors:\n", "    colours:\n")],
        ("brand.yml:12: extra.brand.colours: unknown field — did you mean 'colors'?",),
    ),
    Case(
        "brand-publish-switch-not-true-or-false",
        [replace("brand.yml", "    footer:", "    publish_authors_guide: later\n    footer:")],
        ('brand.yml:18: extra.brand.publish_authors_guide: expected true or false, got "later" — write publish_authors_guide: false',),
    ),
]

"""The brand block: problems at their lines in plain words, colours that pass WCAG AA wherever the
theme puts them (a darker one suggested when they do not), the files brand.yml names, and the
dark theme's derived colours."""

from pathlib import Path

import pytest

from macros.curriculum.brand import check, check_project, css_colors, publishes_authors_guide
from macros.curriculum.colours import DARK_PAIRS, LIGHT_PAIRS, SLATE, SLATE_PANEL, contrast, darken_until_readable
from macros.curriculum.source import parse_yaml

BRAND = {
    "short_name": "Org",
    "tagline": "We train.",
    "colors": {"primary": "#1d5c63", "accent": "#a34a12"},
    "fonts": {"text": "system-ui, sans-serif", "code": "monospace"},
    "footer": "Footer.",
}

BRAND_YML = """\
site_name: Org
theme:
  logo: assets/brand/logo.svg
extra:
  brand:
    short_name: Org
    tagline: We train.
    colors:
      primary: "#1d5c63"
      accent: "#a34a12"
    fonts:
      text: system-ui, sans-serif
      code: monospace
    footer: Footer.
"""


def problems_in(brand_yml: str) -> list[str]:
    """The problems of a brand.yml's brand block, read with its lines."""
    data = parse_yaml(brand_yml)
    return [str(p) for p in check(data["extra"]["brand"], "brand.yml", data["extra"].lines["brand"])]


def test_the_default_brand_passes():
    assert check(BRAND, "brand.yml") == []
    assert problems_in(BRAND_YML) == []


def test_a_pale_accent_is_refused_at_its_line_with_a_darker_one_that_passes():
    [problem] = problems_in(BRAND_YML.replace('accent: "#a34a12"', 'accent: "#ffb300"'))
    assert problem == (
        "brand.yml:10: extra.brand.colors.accent: #ffb300 on white is 1.8:1 for hovered and focused links, and the white text "
        "of hovered buttons; WCAG AA needs 4.5:1 — choose a darker accent, such as #946800"
    )
    assert all(contrast("#946800", pair.against) >= pair.needs for pair in LIGHT_PAIRS if pair.color == "accent")


def test_a_pale_primary_colour_is_refused_with_its_contrast():
    pale = {**BRAND, "colors": {"primary": "#ffcc00", "accent": "#000000"}}
    [problem] = check(pale, "brand.yml", 20)
    assert str(problem) == (
        "brand.yml:20: extra.brand.colors.primary: #ffcc00 on white is 1.5:1 for links, and the white text of the header and "
        "buttons; WCAG AA needs 4.5:1 — choose a darker primary, such as #876c00"
    )


def test_a_colour_that_reads_on_white_but_not_in_boxes_is_refused_for_the_boxes():
    [problem] = check({**BRAND, "colors": {"primary": "#1d5c63", "accent": "#767676"}}, "brand.yml")
    assert "#767676 on the light grey of boxes and code is 4.2:1 for hovered links in boxes" in str(problem)


def test_a_ratio_just_short_is_not_shown_as_enough():
    # 4.49:1 would round to 4.5, which is what WCAG asks.
    grey = next(f"#{v:02x}{v:02x}{v:02x}" for v in range(0x80, 0x60, -1) if 4.45 <= contrast(f"#{v:02x}{v:02x}{v:02x}", "#f5f5f5") < 4.5)
    [problem] = check({**BRAND, "colors": {"primary": grey, "accent": "#000000"}}, "brand.yml")
    assert " is 4.4" in problem.message and "4.5:1 for" not in problem.message


@pytest.mark.parametrize(
    "color", [f"#{r:02x}{g:02x}{b:02x}" for r in range(0, 256, 51) for g in range(0, 256, 51) for b in range(0, 256, 51)]
)
def test_every_suggestion_passes_and_the_dark_theme_always_reads(color):
    for name in ("primary", "accent"):
        pairs = [pair for pair in LIGHT_PAIRS if pair.color == name]
        suggestion = darken_until_readable(color, pairs)
        assert all(contrast(suggestion, pair.against) >= pair.needs for pair in pairs)
    derived = css_colors({"colors": {"primary": color, "accent": color}})
    for pair in DARK_PAIRS:
        assert contrast(derived[pair.color], pair.against) >= pair.needs, (color, pair)


def test_dark_mode_link_colour_is_derived_and_readable():
    colors = css_colors(BRAND)
    assert contrast(colors["primary_on_dark"], SLATE) >= 4.5
    assert contrast(colors["primary_on_dark"], SLATE_PANEL) >= 4.5
    assert contrast(colors["accent_on_dark"], SLATE_PANEL) >= 4.5
    assert contrast("#000000", "#ffffff") == 21


def test_colours_and_fonts_cannot_inject_css():
    bad = {**BRAND, "colors": {"primary": "red;}body{", "accent": "#000000"}, "fonts": {"text": "x;}</style>", "code": "mono"}}
    fields = {p.field for p in check(bad, "brand.yml")}
    assert fields == {"extra.brand.colors.primary", "extra.brand.fonts.text"}


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'primary: "#1d5c63"',
            "primary: navy",
            'brand.yml:9: extra.brand.colors.primary: "navy" is not a colour written as #rrggbb — write primary: "#1d5c63"',
        ),
        (
            'accent: "#a34a12"',
            "accent: #a34a12",
            "brand.yml:10: extra.brand.colors.accent: no colour here: YAML reads an unquoted # and what follows it as a comment"
            ' — write accent: "#a34a12"',
        ),
        (
            '    colors:\n      primary: "#1d5c63"\n      accent: "#a34a12"\n',
            "",
            'brand.yml:5: extra.brand.colors: this required field is missing — add colors: with primary: "#1d5c63" and accent: "#a34a12"'
            " indented under it",
        ),
        (
            "      code: monospace\n",
            "",
            "brand.yml:11: extra.brand.fonts.code: this required field is missing — write code: ui-monospace, monospace",
        ),
        (
            "    tagline: We train.\n",
            "    tagline: We train.\n    taglines: More.\n",
            "brand.yml:8: extra.brand.taglines: unknown field — ",
        ),
        (
            "    footer: Footer.\n",
            "    footer: Footer.\n    publish_authors_guide: no way\n",
            "brand.yml:15: extra.brand.publish_authors_guide: ",
        ),
        ("    colors:\n", "    colours:\n", "brand.yml:8: extra.brand.colours: unknown field — did you mean 'colors'?"),
        (
            "    footer: Footer.\n",
            "    footer: Footer.\n    contact:\n      email: training.example.org\n",
            'brand.yml:16: extra.brand.contact.email: "training.example.org" is not an e-mail address — write email: training@example.org',
        ),
    ],
    ids=[
        "colour-name",
        "unquoted-colour",
        "missing-block",
        "missing-font",
        "unknown-field",
        "switch-not-boolean",
        "misspelt-block",
        "email",
    ],
)
def test_each_brand_problem_is_at_its_line_in_plain_words(old, new, expected):
    found = problems_in(BRAND_YML.replace(old, new))
    assert len(found) == 1 and found[0].startswith(expected), found


def test_schema_text_never_reaches_the_author():
    found = problems_in(BRAND_YML.replace('primary: "#1d5c63"', "primary: navy").replace("      code: monospace\n", "      code: a;b\n"))
    assert found and not any("does not match" in p or "is a required property" in p or "^#" in p for p in found), found


def project(tmp_path: Path, logo: str = "assets/brand/logo.svg", files: tuple[str, ...] = ("assets/brand/logo.svg",)) -> Path:
    (tmp_path / "brand.yml").write_text(BRAND_YML.replace("logo: assets/brand/logo.svg", f"logo: {logo}"), encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("INHERIT: brand.yml\ndocs_dir: docs\n", encoding="utf-8")
    for name in files:
        (tmp_path / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / name).write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    return tmp_path


def test_a_logo_that_is_there_passes(tmp_path):
    assert check_project(project(tmp_path)) == []
    assert check_project(project(tmp_path, "assets/brand/my%20logo.svg", ("assets/brand/my logo.svg",))) == []
    assert check_project(project(tmp_path, "https://cdn.example.org/logo.svg")) == []  # checks/offsite.py's


def test_a_missing_logo_is_reported_at_its_line_with_the_nearest_file(tmp_path):
    [problem] = check_project(project(tmp_path, "assets/brand/logo.svgg"))
    assert str(problem) == "brand.yml:3: theme.logo: there is no file docs/assets/brand/logo.svgg — did you mean 'assets/brand/logo.svg'?"


def test_a_logo_outside_docs_or_far_from_any_file_says_where_files_go(tmp_path):
    [outside] = check_project(project(tmp_path, "../brand.yml"))
    assert outside.message == "../brand.yml is outside docs/"
    [far] = check_project(project(tmp_path, "zzz/q.png"))
    assert far.hint == "put the file in docs/ and write its path from there, such as assets/brand/logo.svg"


def test_the_docs_folder_comes_from_mkdocs_yml(tmp_path):
    root = project(tmp_path, files=())
    (root / "site-src/assets/brand").mkdir(parents=True)
    (root / "site-src/assets/brand/logo.svg").write_text("<svg/>", encoding="utf-8")
    (root / "mkdocs.yml").write_text("INHERIT: brand.yml\ndocs_dir: site-src\n", encoding="utf-8")
    assert check_project(root) == []


def test_the_authors_guide_is_published_unless_brand_yml_says_false():
    assert publishes_authors_guide(BRAND) and publishes_authors_guide(None)
    assert publishes_authors_guide({**BRAND, "publish_authors_guide": True})
    assert not publishes_authors_guide({**BRAND, "publish_authors_guide": False})

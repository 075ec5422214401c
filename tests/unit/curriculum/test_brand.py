"""The brand block: schema, and colours that pass WCAG AA."""

from macros.curriculum.brand import SLATE, SLATE_PANEL, check, contrast, css_colors

BRAND = {
    "short_name": "Org",
    "tagline": "We train.",
    "colors": {"primary": "#1d5c63", "accent": "#a34a12"},
    "fonts": {"text": "system-ui, sans-serif", "code": "monospace"},
    "footer": "Footer.",
}


def test_the_default_brand_passes():
    assert check(BRAND, "brand.yml") == []


def test_a_pale_primary_colour_is_refused_with_its_contrast():
    pale = {**BRAND, "colors": {"primary": "#ffcc00", "accent": "#000000"}}
    [problem] = check(pale, "brand.yml", 20)
    assert (
        str(problem)
        == "brand.yml:20: extra.brand.colors.primary: #ffcc00 has a contrast of 1.5:1 with white; WCAG AA needs 4.5:1 — choose a "
        "darker colour (check it at any contrast checker)"
    )


def test_colours_and_fonts_cannot_inject_css():
    bad = {**BRAND, "colors": {"primary": "red;}body{", "accent": "#000000"}, "fonts": {"text": "x;}</style>", "code": "mono"}}
    fields = {p.field for p in check(bad, "brand.yml")}
    assert fields == {"extra.brand.colors.primary", "extra.brand.fonts.text"}


def test_dark_mode_link_colour_is_derived_and_readable():
    colors = css_colors(BRAND)
    assert contrast(colors["primary_on_dark"], SLATE) >= 4.5
    assert contrast(colors["primary_on_dark"], SLATE_PANEL) >= 4.5
    assert contrast("#000000", "#ffffff") == 21

"""An organisation rebrands through brand.yml alone: its name, colours and logo on every page,
and the default brand's name on none."""

from __future__ import annotations

import re

from tests.factory import Project

NEW_NAME = "Harbour Bank Academy"
NEW_PRIMARY = "#6b2d5c"
NEW_ACCENT = "#0b5394"
LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><circle cx="24" cy="24" r="20" fill="#ffffff"/></svg>\n'


def rebrand(brand_yml: str) -> str:
    """What a fork does, in brand.yml only."""
    replacements = [
        (r"(?m)^site_name: .*$", f"site_name: {NEW_NAME}"),
        (r"(?m)^site_author: .*$", f"site_author: {NEW_NAME}"),
        (r"(?m)^site_url: .*$", "site_url: https://learning.harbour-bank.example/"),
        (r"(?m)^repo_url: .*$", "repo_url: https://github.com/harbour-bank/academy"),
        (r"(?m)^repo_name: .*$", "repo_name: harbour-bank/academy"),
        (r"(?m)^copyright: .*$", f"copyright: © 2026 {NEW_NAME}"),
        (r"(?m)^  logo: \S+", "  logo: assets/brand/harbour.svg"),
        (r"(?m)^  favicon: \S+", "  favicon: assets/brand/harbour.svg"),
        (r"(?m)^    short_name: .*$", "    short_name: Harbour"),
        (r"(?m)^    tagline: .*$", "    tagline: Service skills for every branch."),
        (r'(?m)^      primary: "#[0-9a-f]{6}"', f'      primary: "{NEW_PRIMARY}"'),
        (r'(?m)^      accent: "#[0-9a-f]{6}"', f'      accent: "{NEW_ACCENT}"'),
        (r"(?m)^    footer: .*$", f"    footer: {NEW_NAME} trains its own people."),
        (r"(?m)^      email: .*$", "      email: academy@harbour-bank.example"),
        (r"(?m)^      link: mailto:.*$", "      link: mailto:academy@harbour-bank.example"),
    ]
    for pattern, value in replacements:
        brand_yml, count = re.subn(pattern, value, brand_yml)
        assert count == 1, f"brand.yml no longer has one line matching {pattern!r}"
    return brand_yml


def test_one_file_rebrands_every_page(tmp_path):
    project = Project.copy_of_repo(tmp_path / "project")
    (project / "docs/assets/brand/harbour.svg").write_text(LOGO, encoding="utf-8")
    brand = project / "brand.yml"
    brand.write_text(rebrand(brand.read_text(encoding="utf-8")), encoding="utf-8")
    site = tmp_path / "site"
    result = project.build(site)
    assert result.returncode == 0, result.stdout + result.stderr

    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        text = page.read_text(encoding="utf-8")
        name = page.relative_to(site)
        assert NEW_NAME in text, f"{name}: the new name is missing"
        assert "fernhill" not in text.lower(), f"{name}: still names the default brand"
        assert f"--md-primary-fg-color: {NEW_PRIMARY}" in text and f"--md-accent-fg-color: {NEW_ACCENT}" in text, (
            f"{name}: not in the new colours"
        )
        assert re.search(r'<img src="[^"]*assets/brand/harbour\.svg" alt="', text), f"{name}: not the new logo"
        assert re.search(r'<link rel="icon" href="[^"]*assets/brand/harbour\.svg"', text), f"{name}: not the new favicon"
    # Outside the HTML too: the feed, the sitemap and the search index.
    for other in ["feed_rss_created.xml", "sitemap.xml", "search/search_index.json"]:
        assert "fernhill" not in (site / other).read_text(encoding="utf-8").lower(), other
    assert "learning.harbour-bank.example" in (site / "sitemap.xml").read_text(encoding="utf-8")

"""An organisation rebrands through brand.yml alone, as own-site.md says (tests/brand.py's rebrand:
another name, colours, logo, favicon and site_url path): its brand on every page, and no trace of
the old one anywhere in the site.

The `rebranded_site` fixture (tests/conftest.py) builds the copy once per run; through `any_site`
the brand-dependent tests of tests/build run against it as well as against this repository.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import yaml

from macros.curriculum.load import load_curriculum
from tests.brand import REPOSITORY, BuiltSite, new_brand_for, rebrand
from tests.factory import Project
from tests.html import curriculum_pages, head, html
from tests.search import indexed

# Files of the built site that a browser or a feed reader reads as text.
TEXT_FILES = {".html", ".xml", ".json", ".js", ".css", ".txt", ".webmanifest"}


def test_one_file_rebrands_every_page(rebranded_site: BuiltSite):
    site, brand = rebranded_site.path, rebranded_site.brand
    assert brand.site_name == new_brand_for(REPOSITORY).name and brand.base_path not in ("/", REPOSITORY.base_path)
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > curriculum_pages(rebranded_site.project)
    for page in pages:
        text = page.read_text(encoding="utf-8")
        name = page.relative_to(site)
        assert brand.site_name in text, f"{name}: the new name is missing"
        assert f"--md-primary-fg-color: {brand.primary}" in text and f"--md-accent-fg-color: {brand.accent}" in text, (
            f"{name}: not in the new colours"
        )
        assert re.search(rf'<img src="[^"]*{re.escape(brand.logo)}" alt="', text), f"{name}: not the new logo"
        assert re.search(rf'<link rel="icon" href="[^"]*{re.escape(brand.favicon)}"', text), f"{name}: not the new favicon"
    assert brand.site_url in (site / "sitemap.xml").read_text(encoding="utf-8")


def old_brand_in(name: str, text: str) -> list[str]:
    """`name: value` for each name, address or line of the old brand.yml in a file's text, and its
    colours in a page."""
    words = [REPOSITORY.site_name, REPOSITORY.short_name, REPOSITORY.host, REPOSITORY.repo_url, REPOSITORY.email]
    words += [REPOSITORY.footer, REPOSITORY.tagline, REPOSITORY.copyright]
    if name.endswith(".html"):
        words += [REPOSITORY.primary, REPOSITORY.accent]
    return [f"{name}: {word!r}" for word in words if word and word.lower() in text.lower()]


def test_no_trace_of_the_old_brand_anywhere_in_the_site(rebranded_site: BuiltSite):
    """Names, addresses and lines of the old brand.yml in no page, feed, index or script; its
    colours on no page; its logo and favicon files not published."""
    site = rebranded_site.path
    traces = []
    for file in sorted(path for path in site.rglob("*") if path.suffix in TEXT_FILES):
        traces += old_brand_in(file.relative_to(site).as_posix(), file.read_text(encoding="utf-8"))
    assert traces == [], "the old brand is still in the site:\n" + "\n".join(traces)
    for image in {REPOSITORY.logo, REPOSITORY.favicon} - {""}:
        assert not (site / image).exists(), f"{image}: the old brand's file is published"


def test_no_trace_of_the_old_brand_in_an_lms_package(rebranded_site: BuiltSite, tmp_path):
    project = rebranded_site.project
    module = load_curriculum(project).modules[0].id
    result = project.course("export", "scorm", module, "--out", str(tmp_path), timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    with zipfile.ZipFile(tmp_path / f"{module}-scorm12.zip") as package:
        names = package.namelist()
        texts = [name for name in names if Path(name).suffix in TEXT_FILES]
        traces = [trace for name in texts for trace in old_brand_in(name, package.read(name).decode("utf-8"))]
    assert texts and traces == [], "the old brand is still in the package:\n" + "\n".join(traces)
    old_images = {Path(image).name for image in (REPOSITORY.logo, REPOSITORY.favicon) if image}
    assert not [name for name in names if Path(name).name in old_images], "the old brand's logo or favicon is in the package"


# -- making the content yours (issue 13): what the site leaves out, and the home page's description --

WAYMARK_LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 48"><rect width="96" height="48" fill="#2f5d3a"/></svg>\n'
COPYRIGHT = "copyright: © 2026 Waymark Outdoor School\n"
GUIDE_NAV = "  - Glossary: glossary.md\n"


def test_images_that_nothing_names_are_not_published(tmp_path):
    """The old logo after a rebrand and the avatar of a removed author stay in the repository, out of the site."""
    project = Project.minimal(tmp_path / "project")
    project.write("docs/assets/brand/waymark.svg", WAYMARK_LOGO)
    project.write("docs/assets/brand/old-logo.svg", WAYMARK_LOGO)
    project.write("docs/assets/authors/gone-author.svg", WAYMARK_LOGO)
    project.replace("brand.yml", COPYRIGHT, COPYRIGHT + "theme:\n  logo: assets/brand/waymark.svg\n")
    site = tmp_path / "site"
    result = project.build(site)
    assert result.returncode == 0, result.stdout + result.stderr
    published = {path.relative_to(site).as_posix() for path in (site / "assets").rglob("*.svg")}
    assert {"assets/brand/waymark.svg", "assets/authors/rowan-hale.svg"} <= published
    assert not published & {"assets/brand/old-logo.svg", "assets/authors/gone-author.svg"}
    assert '<img src="assets/brand/waymark.svg" alt="Waymark Outdoor School" width="96" height="48">' in html(site, "")


def with_a_guide(project: Project) -> Project:
    project.write("docs/authoring/index.md", "# Authors' guide\n\nHow to write a lesson. [Your own site](own-site.md).\n")
    project.write("docs/authoring/own-site.md", "# Your own site\n\nFork it.\n")
    guide = "  - Authors' guide:\n      - authoring/index.md\n      - Your own site: authoring/own-site.md\n"
    project.replace("mkdocs.yml", GUIDE_NAV, GUIDE_NAV + guide)
    return project


def test_brand_yml_publishes_the_authors_guide_or_leaves_it_out(tmp_path):
    project = with_a_guide(Project.minimal(tmp_path / "project"))
    shown = tmp_path / "shown"
    assert project.build(shown).returncode == 0
    assert (shown / "authoring/own-site/index.html").is_file() and "authoring/" in html(shown, "")

    project.replace("brand.yml", "    footer:", "    publish_authors_guide: false\n    footer:")
    assert project.check().returncode == 0
    hidden = tmp_path / "hidden"
    result = project.build(hidden)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (hidden / "authoring").exists()
    linking = [page.relative_to(hidden).as_posix() for page in hidden.rglob("*.html") if "authoring/" in page.read_text(encoding="utf-8")]
    assert linking == []  # no menu entry, no link
    assert "authoring" not in (hidden / "sitemap.xml").read_text(encoding="utf-8")
    assert [page.url for page in indexed(hidden) if page.url.startswith("authoring/")] == []  # nor in search


def test_the_home_page_describes_the_site_with_site_description(tmp_path):
    """The home page has no description of its own (docs/index.md), so brand.yml's is its meta and sharing description."""
    front_matter = (Project.repo() / "docs/index.md").read_text(encoding="utf-8").split("---")[1]
    assert "description" not in yaml.safe_load(front_matter)
    project = Project.minimal(tmp_path / "project")
    project.replace("docs/index.md", "description: Short map-reading modules for walkers.\n", "")
    described = "Map & compass skills for <every> walker."
    project.replace(
        "brand.yml", "site_description: Two short modules on finding your way with a paper map.", f'site_description: "{described}"'
    )
    site = tmp_path / "site"
    assert project.build(site).returncode == 0
    home = head(site / "index.html")
    assert home.one("description") == home.one("og:description") == home.one("twitter:description") == described


def test_a_pale_accent_is_refused_with_a_colour_that_would_do(tmp_path):
    """Issue 13's amber: hovered links at 1.8:1 on white. course check says so, with a colour that passes."""
    project = Project.copy_of_repo(tmp_path / "project")
    brand = rebrand(project.root)
    project.replace("brand.yml", f'accent: "{brand.accent}"', 'accent: "#ffb300"')
    result = project.check()
    assert result.returncode == 1, result.stdout
    [problem] = [line for line in result.stdout.splitlines() if "colors.accent" in line]
    assert re.fullmatch(
        r"brand\.yml:\d+: extra\.brand\.colors\.accent: #ffb300 on white is 1\.8:1 for .*; WCAG AA needs 4\.5:1 — "
        r"choose a darker accent, such as #[0-9a-f]{6}",
        problem,
    ), problem

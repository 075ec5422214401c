"""The sample content a fork makes its own (checks/samples.py): `course check` names each file that
still carries the sample's names once brand.yml names another organisation; the nav and the files
the site leaves out (the authors' guide on request, images nothing mentions).

The checks run in-process on the minimal course (Waymark Outdoor School, so already "rebranded");
the builds that show the effect on the site are in tests/build/test_rebrand.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from macros import checks
from macros.checks.samples import (
    SAMPLE_AUTHORS,
    SAMPLE_SITE_NAME,
    left_out,
    mentioned_names,
    published_nav,
    sample_problems,
    without_folder,
)
from macros.curriculum.project import read_layout
from macros.curriculum.tree import SourceTree
from tests.brand import REPOSITORY
from tests.factory import ROOT, Project

ARTICLE = "docs/blog/posts/fold-the-map-first.md"
HINT = 'replace them with your own, or remove the file (docs/authoring/own-site.md, "Make the content yours")'


@pytest.fixture
def project(tmp_path) -> Project:
    return Project.minimal(tmp_path / "project", engine=False)


def notices(project: Project) -> list[str]:
    layout, _ = read_layout(project.root)
    return sorted(str(problem) for problem in sample_problems(layout, SourceTree()))


def test_a_course_without_sample_names_has_no_notices(project):
    assert notices(project) == []


def test_each_file_with_sample_names_gets_one_notice_at_the_first_line(project):
    project.replace(ARTICLE, "authors: [rowan-hale]", "authors: [rowan-hale]\n# Thanks to Amara Osei and daniel-reyes")
    project.append("modules/map-reading/symbols.md", "\nSee https://fernhill-learning.example.org/course-site/ and Fernhill.\n")
    project.write("docs/assets/brand/old-logo.svg", "<svg xmlns='http://www.w3.org/2000/svg'>\n<text>FERNHILL</text></svg>")
    project.replace("brand.yml", "copyright:", "repo_url: https://github.com/fernhill-learning/course-site\ncopyright:")
    found = notices(project)
    symbols_line = len(project.read("modules/map-reading/symbols.md").splitlines())
    assert found == [
        "brand.yml:6: warning: still carries the sample's names: fernhill — replace them with your own "
        '(docs/authoring/own-site.md, "Make the content yours")',
        f"docs/assets/brand/old-logo.svg:2: warning: still carries the sample's names: FERNHILL — {HINT}",
        f"{ARTICLE}:4: warning: still carries the sample's names: Amara Osei, daniel-reyes — {HINT}",
        f"modules/map-reading/symbols.md:{symbols_line}: warning: still carries the sample's names: "
        f"fernhill-learning.example.org, Fernhill — {HINT}",
    ]


def test_names_inside_other_words_are_not_the_sample(project):
    project.append(ARTICLE, "\nFernhillock and samara-osei are someone else.\n")
    assert notices(project) == []


def test_the_sample_itself_gets_no_notices_and_a_fork_only_notices():
    """As shipped, nothing to say; in a fork that has rebranded and kept the sample content, one
    notice a file (never an error: a fork may publish the samples on purpose)."""
    layout, _ = read_layout(ROOT)
    found = sample_problems(layout, SourceTree())
    if REPOSITORY.site_name == SAMPLE_SITE_NAME:
        assert found == []
    else:
        assert found and {p.severity for p in found} == {"warning"} and all("sample's names" in p.message for p in found)


def test_the_authors_guide_counts_only_while_it_is_published(project):
    project.write("docs/authoring/index.md", "# Guide\n\nAmara Osei wrote the sample.\n")
    assert notices(project) == [
        "docs/authoring/index.md:3: warning: still carries the sample's names: Amara Osei — edit the guide's examples, "
        "or leave the guide out of the site: publish_authors_guide: false in brand.yml"
    ]
    project.replace("brand.yml", "    footer:", "    publish_authors_guide: false\n    footer:")
    assert notices(project) == []


def test_course_check_lists_them_as_notices_that_do_not_fail(project):
    project.append(ARTICLE, "\nWith thanks to Priya Nair.\n")
    layout, _ = read_layout(project.root)
    report = checks.check_project(layout)
    assert report.errors == 0 and report.warnings == 1


@pytest.mark.curriculum  # a fork that replaces the sample authors turns it off with the other content tests
def test_the_sample_names_are_the_repository_s_authors():
    authors = yaml.safe_load((ROOT / "docs/blog/.authors.yml").read_text(encoding="utf-8"))["authors"]
    assert {key: value["name"] for key, value in authors.items()} == SAMPLE_AUTHORS


# -- what the site leaves out -------------------------------------------------------------------------

NAV = [
    {"Home": "index.md"},
    {"Curriculum": ["curriculum/index.md"]},
    {"Authors' guide": ["authoring/index.md", {"Own site": "authoring/own-site.md"}]},
    "authoring/lms.md",
    {"Guide page": "authoring/performance.md"},
    {"Elsewhere": "https://example.org/authoring/"},
]


def test_the_nav_loses_the_guide_and_the_sections_it_empties():
    assert without_folder(NAV, "authoring/") == [
        {"Home": "index.md"},
        {"Curriculum": ["curriculum/index.md"]},
        {"Elsewhere": "https://example.org/authoring/"},
    ]
    assert published_nav(NAV, {"publish_authors_guide": False}) == without_folder(NAV, "authoring/")
    assert published_nav(NAV, {}) is NAV and published_nav(None, {"publish_authors_guide": False}) is None


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_name_counts_where_a_page_shows_it_not_in_code_or_comments(tmp_path):
    assets = ["assets/brand/logo.svg", "assets/brand/my logo.png", "assets/authors/ann.svg", "assets/brand/old.svg"]
    sources = [
        write(tmp_path, "a.md", "![Logo](../assets/brand/logo.svg)\n\n`assets/brand/old.svg`\n<!-- old.svg -->\n"),
        write(tmp_path, "b.html", '{# old.svg #}<img src="assets/brand/my%20logo.png">'),
        write(tmp_path, "c.yml", "avatar: assets/authors/ann.svg  # not old.svg\n"),
        write(tmp_path, "d.md", "A northwind-logo.svg and a logo.svgz are other files.\n"),
        write(tmp_path, "e.css", "/* old.svg */ .x { background: url(x-old.svg); }"),
    ]
    assert mentioned_names(assets, sources, SourceTree()) == {"logo.svg", "my logo.png", "ann.svg"}
    assert mentioned_names(assets, sources[3:], SourceTree()) == set()  # names that end or start with theirs


@dataclass(frozen=True)
class SiteFile:
    src_uri: str
    abs_src_path: str | None


def test_the_files_left_out(project):
    project.write("docs/assets/brand/old-logo.svg", "<svg/>")
    project.write("docs/assets/brand/hill.svg", "<svg/>")
    project.write("docs/authoring/index.md", "# Guide\n\n![Hill](../assets/brand/hill.svg)\n")
    project.append("docs/glossary.md", "\n![Hill](assets/brand/hill.svg)\n")
    layout, _ = read_layout(project.root)
    files = [SiteFile(path.relative_to(layout.docs).as_posix(), str(path)) for path in layout.docs.rglob("*") if path.is_file()]
    files += [
        SiteFile("assets/javascripts/bundle.js", str(ROOT / "site-packages/material/bundle.js")),  # a theme file: not ours
        SiteFile("modules/map-reading/workbook.md", None),  # generated
    ]

    def dropped(brand_block: dict) -> list[str]:
        return [file.src_uri for file in left_out(files, layout, SourceTree(), brand_block, None)]

    assert dropped({}) == ["assets/brand/old-logo.svg"]
    assert dropped({"publish_authors_guide": False}) == ["authoring/index.md", "assets/brand/old-logo.svg"]
    project.replace("docs/glossary.md", "\n![Hill](assets/brand/hill.svg)\n", "")
    assert dropped({"publish_authors_guide": False}) == ["authoring/index.md", "assets/brand/hill.svg", "assets/brand/old-logo.svg"]

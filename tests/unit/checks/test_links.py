"""Link and image paths: a path that misses gets the path that reaches the file meant (one with the
same name, else a close spelling), written from the page's place in the site; and each broken link
is reported once, at the author's file, by `course check` and by the build."""

from __future__ import annotations

import re

from macros import checks
from macros.curriculum.project import read_layout
from tests.factory import Project

LESSON = "modules/alpha/first.md"
ARTICLE = "docs/blog/posts/on-testing.md"


def link_problems(project: Project) -> list[str]:
    layout, _ = read_layout(project.root)
    return [str(p) for p in checks.check_project(layout).problems if p.field in ("link", "image")]


def test_the_three_common_paths_when_they_miss(tmp_path):
    project = Project.small(tmp_path)
    project.write("docs/assets/photos/counter.png", b"png")
    project.module("beta", order=2)
    project.article("on-testing")
    project.append(
        LESSON,
        "\n![A counter](../assets/photos/counter.png)\n"  # 29: one folder short
        "![A counter](../../../docs/assets/photos/counter.png)\n"  # 30: written from the folders on disk
        "![A counter](counter.png)\n"  # 31: beside the lesson
        "[the other module](beta/first.md) [the article](../blog/posts/on-testing.md)\n",  # 32
    )
    project.append(ARTICLE, "\n[a lesson](../modules/alpha/second.md) [on disk](../../../modules/beta/first.md)\n")
    assert link_problems(project) == [
        f"{ARTICLE}:18: link: '../../../modules/beta/first.md' points outside the site — did you mean '../../modules/beta/first.md'?",
        f"{ARTICLE}:18: link: '../modules/alpha/second.md' does not exist — did you mean '../../modules/alpha/second.md'?",
        f"{LESSON}:29: image: '../assets/photos/counter.png' does not exist — did you mean '../../assets/photos/counter.png'?",
        f"{LESSON}:30: image: '../../../docs/assets/photos/counter.png' points outside the site — did you mean "
        "'../../assets/photos/counter.png'?",
        f"{LESSON}:31: image: 'counter.png' does not exist — did you mean '../../assets/photos/counter.png'?",
        f"{LESSON}:32: link: '../blog/posts/on-testing.md' does not exist — did you mean '../../blog/posts/on-testing.md'?",
        f"{LESSON}:32: link: 'beta/first.md' does not exist — did you mean '../beta/first.md'?",
    ]


def test_a_file_found_nowhere_keeps_the_plain_hint(tmp_path):
    project = Project.small(tmp_path)
    project.append(LESSON, "\n![A counter](../../assets/counter.png) [out](../../../../README.md)\n")
    assert link_problems(project) == [
        f"{LESSON}:29: image: '../../assets/counter.png' does not exist — add the file, or correct the path (it is read as "
        "docs/assets/counter.png)",
        f"{LESSON}:29: link: '../../../../README.md' points outside the site — link to a page or file under docs/ or modules/",
    ]


def test_among_files_of_one_name_the_nearest_is_meant(tmp_path):
    project = Project.small(tmp_path)
    project.write("docs/assets/alpha/map.png", b"png")
    project.write("docs/assets/beta/map.png", b"png")
    project.append(LESSON, "\n![A map](../../assets/alpha/maps.png) ![A map](../assets/beta/map.png)\n")
    assert link_problems(project) == [
        f"{LESSON}:29: image: '../../assets/alpha/maps.png' does not exist — did you mean '../../assets/alpha/map.png'?",
        f"{LESSON}:29: image: '../assets/beta/map.png' does not exist — did you mean '../../assets/beta/map.png'?",
    ]


def test_a_broken_link_is_reported_once_at_the_authors_file(tmp_path):
    """The workbook and the facilitator guide repeat the lesson's text; the problem is the lesson's."""
    project = Project.minimal(tmp_path / "project")
    project.replace(
        "modules/map-reading/symbols.md",
        "Every walking map has a key.",
        "Every walking map has a [key](contour.md) and ![a legend](../../assets/legend.png).",
    )
    link = "modules/map-reading/symbols.md:24: link: 'contour.md' does not exist — did you mean 'contours.md'?"
    image = "modules/map-reading/symbols.md:24: image: '../../assets/legend.png' does not exist"
    checked = project.check()
    built = project.build(tmp_path / "site")
    for result in (checked, built):
        output = result.stdout + result.stderr
        assert result.returncode != 0, output
        assert output.count("'contour.md'") == 1 and link in output, output
        assert output.count("'../../assets/legend.png'") == 1 and image in output, output
        assert not re.search(r"workbook|facilitator", output), output


def test_links_to_the_pages_the_site_writes_are_found(tmp_path):
    """A module's workbook, guides and action plan, the schedule and practice have no file of their
    own: a link to them is good, and a link to one of a module that doesn't exist is not."""
    project = Project.small(tmp_path)
    project.article("on-testing")
    written = ["workbook", "facilitator", "manager", "action-plan"]
    links = " ".join(f"[{kind}](../../modules/alpha/{kind}.md)" for kind in written)
    sitewide = "[practice](../../practice.md) [schedule](../../schedule.md)"
    project.append(ARTICLE, f"\n{links} {sitewide}\n[none](../../modules/gamma/manager.md)\n")
    problems = link_problems(project)
    assert len(problems) == 1 and problems[0].startswith(f"{ARTICLE}:19: link: '../../modules/gamma/manager.md' does not exist"), problems

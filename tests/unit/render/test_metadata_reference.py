"""The author guide's metadata reference (metadata_reference macro): a row per field of the schema,
and a module objective's fields, row by row, under `objectives`."""

from __future__ import annotations

import re

import pytest

from macros.curriculum.load import load_curriculum
from macros.render.fragments import Fragments
from macros.render.page_macros import MACROS, PageContext
from tests.factory import Project


@pytest.fixture(scope="module")
def curriculum(tmp_path_factory):
    return load_curriculum(Project.small(tmp_path_factory.mktemp("course"), site=False))


def rows(curriculum, kind: str) -> list[tuple[str, str, str, str]]:
    """(class, field, required, kind) of each row, the field as a reader sees it."""
    html = str(MACROS["metadata_reference"](PageContext(curriculum, "index.md", lambda path: path, Fragments()), kind))
    found = re.findall(r'<tr(?: class="([^"]*)")?><td><code>(.*?)</code></td><td>(yes|no)</td><td>([^<]*)</td>', html)
    return [(cls, name.replace("<wbr>", "").replace("&lt;", "<").replace("&gt;", ">"), req, k) for cls, name, req, k in found]


def test_a_module_objectives_fields_follow_it_row_by_row(curriculum):
    found = rows(curriculum, "module")
    start = [name for _, name, _, _ in found].index("objectives")
    assert found[start : start + 6] == [
        ("", "objectives", "yes", "text"),
        ("course-reference__nested", "objectives.<id>.text", "yes", "text"),
        ("course-reference__nested", "objectives.<id>.on_the_job", "yes", "text"),  # course check asks for 2 to 4
        ("course-reference__nested", "objectives.<id>.measures", "no", ""),
        ("course-reference__nested", "objectives.<id>.measures.watch", "no", "text"),
        ("course-reference__nested", "objectives.<id>.measures.avoid", "no", "text"),
    ]
    assert found[start + 6][:2] == ("", "prerequisites")


def test_the_nested_rows_show_their_examples_and_wrap_after_each_dot(curriculum):
    html = str(MACROS["metadata_reference"](PageContext(curriculum, "index.md", lambda path: path, Fragments()), "module"))
    assert "<code>objectives.<wbr>&lt;id&gt;.<wbr>on_the_job</code>" in html
    assert (
        "<code>on_the_job: [Asks what prompted the call before offering a fix, Sums up the need and checks it with the customer]</code>"
        in html
    )
    assert "<code>watch: [Repeat contacts within seven days about the same problem]</code>" in html


@pytest.mark.parametrize("kind", ["lesson", "capstone", "article"])
def test_a_sources_fields_follow_it_row_by_row(curriculum, kind):
    found = rows(curriculum, kind)
    start = [name for _, name, _, _ in found].index("sources")
    assert found[start : start + 6] == [
        ("", "sources", "no", ""),
        ("course-reference__nested", "sources[].author", "yes", "text"),
        ("course-reference__nested", "sources[].title", "yes", "text"),
        ("course-reference__nested", "sources[].year", "yes", ""),  # a whole number
        ("course-reference__nested", "sources[].url", "no", "URL"),
        ("course-reference__nested", "sources[].publisher", "no", "text"),  # course check: a url or a publisher
    ]
    others = found[:start] + found[start + 6 :]
    assert all(cls == "" and "." not in name for cls, name, _, _ in others)


@pytest.mark.parametrize("kind", ["glossary", "scenario"])
def test_other_kinds_keep_one_row_per_field(curriculum, kind):
    assert all(cls == "" and "." not in name for cls, name, _, _ in rows(curriculum, kind))

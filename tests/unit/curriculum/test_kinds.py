"""Every metadata field has one kind, declared in the schema (curriculum/kinds.py)."""

from __future__ import annotations

import pytest

from macros.curriculum.brand import SCHEMA as BRAND
from macros.curriculum.kinds import InlineMarkdown, Kind, fields_of_kind, inline_markdown_problem, mark, url_problem
from macros.curriculum.schema import AUTHORS, SCHEMAS
from macros.curriculum.schema_check import validate


def test_the_inline_markdown_fields_are_a_short_named_list():
    found = {name: fields_of_kind(schema, Kind.INLINE_MARKDOWN) for name, schema in SCHEMAS.items()}
    assert found["lesson"] == ["key_takeaways[]", "knowledge_check[].options[].why"]
    assert found["glossary"] == ["terms.<id>.definition"]
    assert found["module"] == found["capstone"] == found["article"] == []


def test_urls_are_declared_where_a_value_becomes_an_href_or_a_src():
    assert fields_of_kind(AUTHORS, Kind.URL) == ["authors.<id>.avatar", "authors.<id>.url"]
    assert "contact.url" in fields_of_kind(BRAND, Kind.URL)


@pytest.mark.parametrize(
    "value",
    ["javascript:alert(1)", "JavaScript:alert(1)", " java\tscript:alert(1)", "data:text/html,<script>", "vbscript:x", "//evil.example/x"],
)
def test_a_url_field_refuses_what_is_not_http_or_a_path(value):
    assert url_problem(value)


@pytest.mark.parametrize("value", ["https://example.org/a", "http://example.org", "assets/a.svg", "../b/", "/course-site/x.png", "#top"])
def test_a_url_field_takes_http_and_paths(value):
    assert url_problem(value) is None


@pytest.mark.parametrize(
    ("value", "wrong"),
    [
        ("see <b>this</b>", "raw HTML is not allowed here"),
        ("<img src=x onerror=alert(1)>", "raw HTML is not allowed here"),
        ("<!-- hidden -->", "raw HTML is not allowed here"),
        ("![pixel](https://tracker.example.com/p.png)", "images are not allowed here"),
        ("[click](javascript:alert(1))", "the link 'javascript:alert(1' is a javascript: address"),
        ("<javascript:alert(1)>", "the link 'javascript:alert(1)' is a javascript: address"),
    ],
)
def test_inline_markdown_refuses_html_images_and_unsafe_links(value, wrong):
    assert (inline_markdown_problem(value) or "").startswith(wrong)


@pytest.mark.parametrize(
    "value", ["Ask *why*", "Use `<b>` for bold", "[the guide](https://example.org) or [mail](mailto:a@b.org)", "3 < 4 & 5 > 4"]
)
def test_inline_markdown_takes_emphasis_code_and_safe_links(value):
    assert inline_markdown_problem(value) is None


def test_a_wrong_kind_is_a_problem_at_its_field_with_a_fix():
    data = {"authors": {"amara": {"name": "A", "description": "D", "avatar": "javascript:alert(1)"}}}
    [problem] = validate("authors", data, "docs/blog/.authors.yml")
    assert str(problem) == (
        "docs/blog/.authors.yml:1: authors.amara.avatar: 'javascript:alert(1)' is a javascript: address; only http:, https: or a path "
        "in the site can be used here — write an address that starts with https://, or a path in the site, as in avatar: "
        "assets/authors/amara-osei.svg"
    )


def test_valid_inline_markdown_values_are_handed_on_as_such():
    data = {"terms": {"churn": {"term": "churn", "definition": "The *share* who leave."}}}
    mark(SCHEMAS["glossary"], data)
    assert isinstance(data["terms"]["churn"]["definition"], InlineMarkdown)
    assert not isinstance(data["terms"]["churn"]["term"], InlineMarkdown)

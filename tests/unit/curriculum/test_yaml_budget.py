"""YAML has a budget: nesting and aliases beyond what metadata needs are refused at their line, with
a fix, before anything is built from them (no hang, no stack overflow, no traceback)."""

from __future__ import annotations

import pytest

from macros.curriculum.source import MAX_ALIASES, MAX_DEPTH, SourceError, parse_yaml, split_front_matter

LAUGHS = "lol0: &l0 [a, a, a, a, a, a, a, a, a]\n" + "".join(
    f"lol{i + 1}: &l{i + 1} [" + ", ".join([f"*l{i}"] * 9) + "]\n" for i in range(8)
)


def refused(text: str, line_offset: int = 0) -> SourceError:
    with pytest.raises(SourceError) as raised:
        parse_yaml(text, line_offset)
    return raised.value


def test_a_billion_laughs_is_refused_at_the_alias_over_budget():
    error = refused(LAUGHS)
    assert (error.line, error.message) == (4, f"more than {MAX_ALIASES} aliases (*name) in one file")  # the 21st alias
    assert "&name" in error.hint


def test_a_few_aliases_still_load():
    data = parse_yaml("shared: &s [a, b]\none: *s\ntwo: *s\n")
    assert data["one"] == data["two"] == ["a", "b"]


@pytest.mark.parametrize(
    "deep",
    [
        "x: " + "[" * 10_000 + "]" * 10_000,  # brackets alone
        "x: " + "[a, " * 10_000 + "]" * 10_000,  # items between the brackets
        "".join("  " * level + "-\n" for level in range(2_000)),  # block lists, indented
        "x: " + "{a: " * 5_000 + "b" + "}" * 5_000,  # mappings
    ],
)
def test_nesting_beyond_the_budget_is_refused_not_a_recursion_error(deep):
    error = refused(deep)
    assert error.message == f"this nests more than {MAX_DEPTH} levels deep"
    assert error.line >= 1


def test_the_line_is_the_file_line_in_front_matter():
    text = "---\ntitle: T\nduration: 5\n" + LAUGHS + "---\nBody\n"
    with pytest.raises(SourceError) as raised:
        split_front_matter(text)
    assert raised.value.line == 7  # the file line of the 21st alias


def test_metadata_as_deep_as_the_curriculum_needs_loads():
    nested = "a: " + "[" * (MAX_DEPTH - 1) + "x" + "]" * (MAX_DEPTH - 1)
    assert parse_yaml(nested)["a"]

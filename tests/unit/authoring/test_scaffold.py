"""What `course new` writes with: slugs from titles, and an entry added to a YAML list without
losing its comments (the command itself is tested in test_cli.py)."""

from __future__ import annotations

from macros.authoring.scaffold import slugify
from macros.authoring.yaml_edit import add_to_list


def test_slugify():
    assert slugify("Why training doesn't stick") == "why-training-doesnt-stick"
    assert slugify("Café — 10 tips") == "cafe-10-tips"
    assert slugify("  ") == ""


def test_add_to_list_keeps_comments_and_refuses_what_it_cannot_edit():
    text = "id: x\nlessons:\n- a\n  # later: b\n\ntags: [t]\n"
    assert add_to_list(text, "lessons", "c") == "id: x\nlessons:\n- a\n- c\n  # later: b\n\ntags: [t]\n"
    assert add_to_list("lessons:\n  - a", "lessons", "b") == "lessons:\n  - a\n  - b\n"
    assert add_to_list("lessons: []\n", "lessons", "a") == "lessons: [a]\n"
    assert add_to_list("lessons: a\n", "lessons", "b") is None
    assert add_to_list("id: x\n", "lessons", "b") is None


def test_add_to_list_leaves_every_other_byte_as_written():
    text = "lessons: [a, b]  # two so far\ntitle: 'Quoted'\n"
    assert add_to_list(text, "lessons", "c") == "lessons: [a, b, c]  # two so far\ntitle: 'Quoted'\n"
    text = "lessons:\r\n  - a  # first\r\n  - b  # second\r\ntitle: x\r\n"
    assert add_to_list(text, "lessons", "c") == "lessons:\r\n  - a  # first\r\n  - b  # second\r\n  - c\r\ntitle: x\r\n"
    assert add_to_list("lessons:\ntitle: x\n", "lessons", "a") == "lessons:\n  - a\ntitle: x\n"
    assert add_to_list("a: [\nlessons:\n", "lessons", "b") is None  # not YAML: the author is told to edit by hand

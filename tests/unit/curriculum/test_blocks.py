"""The one Markdown-block reader finds admonitions wherever Python-Markdown renders them, and only there."""

from __future__ import annotations

import re
import textwrap

import markdown as python_markdown

from macros.curriculum.blocks import (
    EXERCISE,
    FACILITATOR,
    Block,
    all_blocks,
    find_blocks,
    learner_markdown,
    split_blocks,
)

EXTENSIONS = [
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "md_in_html",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.tabbed",
]


def blocks(text: str) -> list[tuple[str, str, str, int, int]]:
    return [(b.type, b.title, b.body, b.line, b.indent) for b in all_blocks(textwrap.dedent(text))]


def rendered_classes(text: str) -> list[str]:
    """What Python-Markdown makes of the text: the class of every admonition and details block."""

    html = python_markdown.markdown(textwrap.dedent(text), extensions=EXTENSIONS)
    return ["".join(found) for found in re.findall(r'<div class="admonition ([^"]*)"|<details class="([^"]*)"', html)]


def test_a_plain_block_has_its_type_title_dedented_body_raw_text_and_line():
    text = 'Intro.\n\n!!! exercise "Name three things"\n    Write down three names.\n\n    - one\n\nAfter.\n'
    assert list(all_blocks(text)) == [
        Block(
            EXERCISE,
            "Name three things",
            "Write down three names.\n\n- one",
            '!!! exercise "Name three things"\n    Write down three names.\n\n    - one',
            3,
            0,
        )
    ]
    assert all_blocks(text)[0].end_line == 6


def test_collapsible_blocks_extra_classes_and_missing_titles():
    text = """\
        ???+ exercise "Open"
            A.

        ??? exercise "Closed"
            B.

        !!! exercise inline end "Beside the text"
            C.

        !!! Facilitator
            D.

        !!! note ""
            E.
        """
    assert blocks(text) == [
        (EXERCISE, "Open", "A.", 1, 0),
        (EXERCISE, "Closed", "B.", 4, 0),
        (EXERCISE, "Beside the text", "C.", 7, 0),
        (FACILITATOR, "", "D.", 10, 0),  # Python-Markdown lower-cases the class
        ("note", "", "E.", 13, 0),
    ]
    assert rendered_classes(text) == ["exercise", "exercise", "exercise inline end", "facilitator", "note"]


def test_a_block_inside_a_content_tab():
    text = """\
        === "On the phone"

            !!! exercise "Phone call"
                Ring a colleague.

            Still in the tab.

        === "By email"
            !!! exercise "Email"
                Write to a colleague.
        """
    assert blocks(text) == [(EXERCISE, "Phone call", "Ring a colleague.", 3, 4), (EXERCISE, "Email", "Write to a colleague.", 9, 4)]
    assert rendered_classes(text) == ["exercise", "exercise"]


def test_a_block_inside_a_list_item_and_inside_another_block():
    text = """\
        1. First step
        goes on here.

            !!! exercise "In the list"
                Try it.

                !!! tip "Inside the exercise"
                    A hint.

        2. Second step
        """
    assert blocks(text) == [
        (EXERCISE, "In the list", 'Try it.\n\n!!! tip "Inside the exercise"\n    A hint.', 4, 4),
        ("tip", "Inside the exercise", "A hint.", 7, 8),
    ]
    assert rendered_classes(text) == ["exercise", "tip"]


def test_code_is_not_a_block():
    text = """\
        ```markdown
        !!! exercise "In a fence"
            Shown, not run.
        ```

        A paragraph.

            !!! exercise "Indented code"

        !!! note
            ~~~
            !!! exercise "In a fence inside a block"
            ~~~
        """
    assert blocks(text) == [("note", "", '~~~\n!!! exercise "In a fence inside a block"\n~~~', 10, 0)]
    assert rendered_classes(text) == ["note"]


def test_an_unindented_line_ends_a_block():
    text = '!!! exercise "Short"\n    Inside.\nOutside.\n'
    assert [(b.body, b.markdown) for b in all_blocks(text)] == [("Inside.", '!!! exercise "Short"\n    Inside.')]


def test_facilitator_notes_are_taken_out_wherever_they_are():
    text = """\
        === "Tab"

            Learners read this.

            !!! facilitator "Inside the tab"
                Answer: B.

                !!! facilitator "Inside the note"
                    Part of the outer note.

            Learners read this too.

        - A list item.

            !!! facilitator
                Watch for silence.
        """
    learner, notes = split_blocks(textwrap.dedent(text), FACILITATOR)
    assert [(n.title, n.line) for n in notes] == [("Inside the tab", 5), ("", 15)]
    assert notes[0].body == 'Answer: B.\n\n!!! facilitator "Inside the note"\n    Part of the outer note.'
    assert "Answer" not in learner and "outer note" not in learner and "silence" not in learner
    assert "Learners read this too." in learner and "- A list item." in learner
    assert learner_markdown(textwrap.dedent(text)) == learner
    assert rendered_classes(learner) == []
    assert find_blocks(textwrap.dedent(text), FACILITATOR) == notes


def test_tabs_in_indentation_count_to_the_next_multiple_of_four():
    assert blocks('- item\n\n\t!!! exercise "Tabbed"\n\t\tBody\n\t\t    indented more\n') == [
        (EXERCISE, "Tabbed", "Body\n    indented more", 3, 4)
    ]

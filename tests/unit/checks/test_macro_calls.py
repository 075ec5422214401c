"""`course check` reads macros as the build does (issue 12): an author's own {% macro %} is known, a
bare undefined name is refused at its line with the build's message, and code in every Markdown
form is skipped, found by the same function the template renderer uses."""

from __future__ import annotations

import textwrap
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest

from macros.checks import masking
from macros.checks.macro_calls import macro_call_problems, template_syntax_problems
from macros.checks.pages import Page
from macros.curriculum.blocks import code_spans
from macros.curriculum.source import split_front_matter
from macros.render.page_macros import MACROS
from macros.render.templating import MacroProblem, render_markdown, undefined_hint

FILE = "modules/m/lesson.md"
INDEX = SimpleNamespace(modules={"m": ["lesson"]}, glossary={"contour": None})


def page(body: str, front_matter: str = "title: A lesson\n") -> Page:
    text = f"---\n{front_matter}---\n{textwrap.dedent(body)}"
    return Page(Path(FILE), FILE, FILE, text, split_front_matter(text))


def problems(body: str, front_matter: str = "title: A lesson\n") -> list[str]:
    checked = page(body, front_matter)
    return [str(p) for p in [*macro_call_problems(INDEX, checked), *template_syntax_problems(checked)]]  # type: ignore[arg-type]


UNKNOWN = 'check the spelling; text goes in quotes, as in "{0}"; to show {{{{ }}}} as text, put it in `code`'


def test_an_authors_own_macro_is_known():
    body = """\
        {% macro greet(name) %}Hello {{ name }}, {{ caller() if caller else "" }}{% endmacro %}

        {{ greet("Ann") }} and {% call greet("Bo") %}welcome{% endcall %}
        {% set shown = namespace(count=0) %}{% for item in [1, 2] %}{{ loop.index }}{{ item }}{% endfor %}{{ shown.count }}
        {{ [1, 2] | join(", ") }} {{ range(3) | list }}
        """
    assert problems(body) == []


def test_a_bare_undefined_name_is_refused_with_the_message_the_build_gives():
    body = "Text.\n\nDear {{first_name}},\n"
    expected = f"{FILE}:6: macro: unknown name: 'first_name' is undefined — {UNKNOWN.format('first_name')}"
    assert problems(body) == [expected]
    # the build's own words for the same page (render/templating.py, as macros_env.py calls it)
    checked = page(body)
    with pytest.raises(MacroProblem) as built:
        render_markdown(jinja2.Environment(undefined=jinja2.StrictUndefined), checked.source.body, {}, FILE, checked.source.body_line)
    assert str(built.value.problem) == expected


def test_a_name_from_the_front_matter_or_a_guard_is_no_problem():
    assert problems("{{ audience }}\n", front_matter="audience: ops\n") == []
    assert problems("{{ maybe | default('none') }} {% if other is defined %}{{ other }}{% endif %}\n") == []


def test_each_undefined_name_at_its_first_use_and_an_unknown_call_as_a_macro():
    body = "{{ term(contour) }}\n{{ catalog() }}\n{{ contour }}\n{{ obj.attr }}\n"
    assert problems(body) == [
        f"{FILE}:4: macro: unknown name: 'contour' is undefined — {undefined_hint('contour', [*MACROS, 'title'])}",
        f"{FILE}:5: macro: unknown macro 'catalog' — did you mean 'catalogue'?",
        f"{FILE}:7: macro: unknown name: 'obj' is undefined — {UNKNOWN.format('obj')}",
    ]


def test_an_undefined_name_inside_a_facilitator_note_is_refused_at_its_line():
    body = '!!! facilitator "Debrief"\n    Ask {{ learner }} to sum up.\n'
    assert problems(body) == [f"{FILE}:5: macro: unknown name: 'learner' is undefined — {UNKNOWN.format('learner')}"]


def test_code_in_every_form_is_not_read_for_macros():
    body = """\
        Text.

            {{ indented }} {{ nope( }}

        > ```
        > {{ quoted }}
        > ```

        - item

            ```
            {{ listed }}
            ```

        !!! note
            `{{ inline }}` and

                {{ noted }}
        """
    assert problems(body) == []


def test_indented_prose_is_still_read():
    body = "!!! note\n    {{ in_note }}\n\n- item\n\n    {{ in_item }}\n"
    assert [p.split(": ")[2] for p in problems(body)] == ["unknown name", "unknown name"]


def test_a_page_that_says_render_macros_false_is_not_read():
    assert problems("Dear {{first_name}} {{ nope( }}\n", front_matter="render_macros: false\n") == []


def test_masking_asks_the_same_function_as_the_renderer():
    assert masking.code_spans is code_spans
    text = "a `{{ x }}`\n\n    {{ y }}\n"
    assert masking.mask_code(text) == "a " + " " * 9 + "\n\n" + " " * 11 + "\n"

"""Code stays as written in every Markdown form (issue 12, class 5), and macros still run in the
prose around it: admonitions, content tabs and list items indent their text four columns, which is
not code there. What counts as code is what Python-Markdown and pymdownx.superfences make <code>."""

from __future__ import annotations

import re
import textwrap

import jinja2
import markdown as python_markdown
import pytest

from macros.curriculum.blocks import code_spans
from macros.render.templating import protect_code, render_markdown

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


def render(markdown: str) -> str:
    environment = jinja2.Environment(undefined=jinja2.StrictUndefined)
    environment.globals["shout"] = lambda text: text.upper()
    return render_markdown(environment, textwrap.dedent(markdown), {}, "modules/m/lesson.md", 20)


CODE_SAMPLES = {
    "indented code block": """\
        Some text.

            {{ indented }}
            {% if x %}kept{% endif %}
        """,
    "fence in a blockquote": """\
        > Try this:
        >
        > ```jinja
        > {{ quoted_fence }}
        > ```
        """,
    "indented code in a blockquote": """\
        > Try this:
        >
        >     {{ quoted_indented }}
        """,
    "fence in a list item": """\
        1. Write:

            ```
            {{ listed_fence }}
            ```
        """,
    "code in a list item": """\
        - Write:

                {{ listed_indented }}
        """,
    "code in an admonition": """\
        !!! note
            Text.

                {{ noted_indented }}
        """,
    "fence in a tab in a blockquote in a list": """\
        - item

            > ```
            > {{ deep }}
            > ```
        """,
    "a code sample that shows endraw": """\
        ```
        {% raw %}{{ x }}{% endraw %} and {%- endraw -%}
        ```
        """,
}


@pytest.mark.parametrize("sample", CODE_SAMPLES.values(), ids=CODE_SAMPLES.keys())
def test_code_is_rendered_exactly_as_written(sample):
    assert render(sample) == textwrap.dedent(sample)


@pytest.mark.parametrize(
    "prose",
    [
        "!!! note\n    Say {{ shout('it') }}.\n\n    Again {{ shout('it') }}.\n",
        "=== \"Tab\"\n\n    Say {{ shout('it') }}.\n",
        "- Say {{ shout('it') }}.\n\n    Again {{ shout('it') }}.\n",
        "1. Say\n    {{ shout('it') }} (a paragraph's next line)\n",
        "!!! exercise \"Try\"\n    - Say {{ shout('it') }}.\n",
        "> Say {{ shout('it') }}.\n",
    ],
    ids=["admonition", "content tab", "list item paragraphs", "lazy list line", "list in an admonition", "blockquote"],
)
def test_macros_run_in_indented_prose(prose):
    assert render(prose) == prose.replace("{{ shout('it') }}", "IT")


def test_an_undefined_name_in_code_is_no_error_but_in_prose_it_is_at_its_line():
    from macros.render.templating import MacroProblem

    with pytest.raises(MacroProblem) as caught:
        render("    {{ code }}\n\n!!! note\n    {{ prose }}\n")
    assert str(caught.value.problem).startswith("modules/m/lesson.md:23: macro: unknown name: 'prose' is undefined")


# What Python-Markdown puts in <code>, token by token, against what code_spans says is code.
PAGES = [
    *CODE_SAMPLES.values(),
    "Text `T1` and T2.\n\n    T3\n\n## Heading\n    T4\n\nPara T5\n    T6\n",
    "!!! note\n        T1 code straight after the marker\n\n???+ tip\n    ```\n    T2\n    ```\n\n    T3 ``T4 `x` ``\n",
    "<div>\n\n    T1 raw HTML is kept whole\n</div>\n\n    T2\n\n<div markdown>\n\n    T3\n</div>\n",
    "- a\n\n    > quote T1\n    >\n    >     T2\n\n```\nT3 unclosed\n",
]


@pytest.mark.parametrize("page", PAGES)
def test_code_spans_are_what_python_markdown_makes_code(page):
    text = textwrap.dedent(page)
    html = python_markdown.markdown(text, extensions=EXTENSIONS)
    words = re.compile(r"\bT\d+\b|\{\{ \w+ \}\}")
    codes = [re.sub(r"<[^>]+>", "", code) for code in re.findall(r"<code[^>]*>(.*?)</code>", html, re.S)]  # highlighting spans out
    in_html_code = {word for code in codes for word in words.findall(code)}
    in_spans = {word for start, end in code_spans(text) for word in words.findall(text[start:end])}
    assert in_spans == in_html_code


def test_protect_code_keeps_offsets_of_text_without_braces():
    text = "plain `code`\n\n    block\n"
    assert protect_code(text) == text

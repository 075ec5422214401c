"""Macro rendering: code left as written, strict names, errors at the real line."""

from __future__ import annotations

import jinja2
import pytest

from macros.curriculum.blocks import code_spans
from macros.render.templating import MacroError, MacroProblem, check_call, protect_code, render_markdown, usage


def env() -> jinja2.Environment:
    environment = jinja2.Environment(undefined=jinja2.StrictUndefined)
    environment.globals["shout"] = lambda text: text.upper()
    return environment


def render(markdown: str, first_line: int = 5) -> str:
    return render_markdown(env(), markdown, {}, "docs/page.md", first_line)


def test_code_blocks_and_spans_are_left_exactly_as_written():
    markdown = (
        "Use `{{ name }}` here.\n\n```jinja\n{% if x %}shown{% endif %}\n{{ y }}\n```\n\n    ~~~\n"
        "    {# c #}\n    ~~~\n\n{{ shout('hi') }}\n"
    )
    assert render(markdown) == markdown.replace("{{ shout('hi') }}", "HI")


def test_protect_code_leaves_text_without_braces_alone():
    assert protect_code("plain `code` and\n```\nblock\n```\n") == "plain `code` and\n```\nblock\n```\n"


def test_an_undefined_name_fails_at_the_real_line():
    with pytest.raises(MacroProblem) as caught:
        render("Line one\n\nHello {{ shoot('x') }}\n")
    assert str(caught.value.problem) == "docs/page.md:7: macro: unknown name: 'shoot' is undefined — did you mean 'shout'?"


def test_a_heading_id_in_jinja_comment_syntax_gets_a_hint():
    with pytest.raises(MacroProblem) as caught:
        render("Intro\n\n## Title {#custom}\n")
    assert str(caught.value.problem) == (
        "docs/page.md:7: macro: template syntax error: Missing end of comment tag — "
        "'{#' starts a template comment: write a heading id as { #id } or {: #id }, or put the text in `code`"
    )


def test_a_macro_error_keeps_its_message_and_fix():
    environment = env()

    def fails():
        raise MacroError("unknown module 'x'", "did you mean 'y'?")

    environment.globals["fails"] = fails
    with pytest.raises(MacroProblem) as caught:
        render_markdown(environment, "\n{{ fails() }}", {}, "docs/a.md", 10)
    assert str(caught.value.problem) == "docs/a.md:11: macro: unknown module 'x' — did you mean 'y'?"


def test_wrong_arguments_are_named_with_the_usage():
    def catalogue(ctx, level=None, tag=None):
        return ""

    assert usage(catalogue, "catalogue") == "catalogue(level=None, tag=None)"
    with pytest.raises(MacroError) as caught:
        check_call(catalogue, (None,), {"levle": "x"}, "catalogue")
    assert str(caught.value) == "catalogue(): got an unexpected keyword argument 'levle' — call it as catalogue(level=None, tag=None)"
    check_call(catalogue, (None, "introductory"), {}, "catalogue")  # fits: no error


def test_the_renderer_finds_code_with_the_one_function_the_checks_use():
    from macros.render import templating

    assert templating.code_spans is code_spans  # checks/masking.py uses it too (tests/unit/checks/test_macro_calls.py)
    assert code_spans("text\n  ```py\n  {{ x }}\n  ```\n") == ((5, 28),)
    assert code_spans("a `{{ x }}` b") == ((2, 11),)

"""Render macros in a page's Markdown without the surprises of plain mkdocs-macros.

mkdocs-macros 1.5, left alone, runs `{% if %}` inside code samples (the text disappears), keeps
undefined names as text, publishes errors into the page and reports lines that skip the front
matter.  Here:

* code, in every Markdown form (blocks.code_spans: fences at any depth, indented blocks, `inline`
  spans), is wrapped in `{% raw %}`, so samples stay as written;
* the Jinja environment is strict (`on_undefined: strict`), so an unknown name is an error;
* every error becomes a `Problem` at the real file line, with a fix.

Nothing here imports MkDocs: `render_markdown` takes a Jinja environment and variables.
"""

from __future__ import annotations

import re
import traceback
import weakref
from typing import Any

import jinja2

from macros.curriculum.blocks import code_spans  # code is found the same way everywhere: the checks ask it too
from macros.curriculum.problems import Problem, did_you_mean

RAW_OPEN, RAW_CLOSE = "{% raw %}", "{% endraw %}"
# What ends a {% raw %} block, as Jinja's lexer reads it: a code sample that shows one must not end ours.
_ENDRAW = re.compile(r"\{%[-+]?\s*endraw\s*[-+]?%\}")


class MacroError(Exception):
    """A macro called with wrong values: says what is wrong and how to fix it."""

    def __init__(self, message: str, hint: str = ""):
        self.message, self.hint = message, hint
        super().__init__(f"{message} — {hint}" if hint else message)


def protect_code(markdown: str) -> str:
    """Wrap code blocks and spans in {% raw %} so Jinja leaves them exactly as written."""
    pieces = []
    position = 0
    for start, end in code_spans(markdown):
        pieces += [markdown[position:start], _raw(markdown[start:end])]
        position = end
    pieces.append(markdown[position:])
    return "".join(pieces)


def _raw(code: str) -> str:
    """Code as a {% raw %} block; an {% endraw %} it shows is written out as a string in between."""
    if "{" not in code:
        return code
    shown = _ENDRAW.sub(lambda tag: f"{RAW_CLOSE}{{{{ '{tag.group(0)}' }}}}{RAW_OPEN}", code)
    return RAW_OPEN + shown + RAW_CLOSE


def render_markdown(env: jinja2.Environment, markdown: str, variables: dict[str, Any], file: str, first_line: int) -> str:
    """Render `markdown` (a page body starting at `first_line` of `file`); raise Problem-carrying MacroProblem."""
    try:
        html = _compiled(env, protect_code(markdown)).render(**variables)
        return html + "\n" if markdown.endswith("\n") and not html.endswith("\n") else html
    except jinja2.TemplateSyntaxError as error:
        raise MacroProblem(syntax_problem(error, file, first_line)) from None
    except Exception as error:  # an author's call went wrong: never a traceback
        line = _template_line(error)
        raise MacroProblem(_runtime_problem(error, env, variables, file, first_line + line - 1 if line else first_line)) from None


# A lesson's text is templated for its page, its module's workbook and its facilitator guide:
# compiled once per environment (mkdocs-macros makes a new one each build).
_COMPILED: weakref.WeakKeyDictionary[jinja2.Environment, dict[str, jinja2.Template]] = weakref.WeakKeyDictionary()


def _compiled(env: jinja2.Environment, source: str) -> jinja2.Template:
    templates = _COMPILED.setdefault(env, {})
    if source not in templates:
        templates[source] = env.from_string(source)
    return templates[source]


class MacroProblem(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


def _template_line(error: Exception) -> int:
    """The line in the rendered text where the error happened (Jinja rewrites tracebacks so)."""
    line = 0
    for frame, lineno in traceback.walk_tb(error.__traceback__):
        if frame.f_code.co_filename == "<template>":
            line = lineno
    return line


def syntax_problem(error: jinja2.TemplateSyntaxError, file: str, first_line: int) -> Problem:
    """A Jinja syntax error at the file's line (`course check` finds the same ones)."""
    line = first_line + (error.lineno or 1) - 1
    message = error.message or "template syntax error"
    if "comment" in message:
        hint = "'{#' starts a template comment: write a heading id as { #id } or {: #id }, or put the text in `code`"
    else:
        hint = "close every {{ with }} and {% with %}; to show braces as text, put them in `code`"
    return Problem(file, line, "macro", f"template syntax error: {message}", hint)


def _runtime_problem(error: Exception, env: jinja2.Environment, variables: dict, file: str, line: int) -> Problem:
    if isinstance(error, MacroError):
        return Problem(file, line, "macro", error.message, error.hint)
    if isinstance(error, jinja2.UndefinedError):
        name = _undefined_name(str(error))
        return Problem(file, line, "macro", f"unknown name: {error.message}", undefined_hint(name, [*variables, *env.globals]))
    return Problem(
        file, line, "macro", f"{type(error).__name__}: {error}", "check the macro call against the author guide's macro reference"
    )


def undefined_hint(name: str, known) -> str:
    """How to fix an unknown name: the nearest known one, else quotes (a bare word is a name)."""
    if not name:
        return "check the spelling; to show {{ }} as text, put it in `code`"
    return (
        did_you_mean(name, known) or f'check the spelling; text goes in quotes, as in "{name}"; to show {{{{ }}}} as text, put it in `code`'
    )


def _undefined_name(message: str) -> str:
    match = re.search(r"'([^']+)' is undefined", message)
    return match.group(1) if match else ""


def check_call(func, args: tuple, kwargs: dict, name: str) -> None:
    """Raise MacroError naming the call when arguments do not fit the macro's signature."""
    import inspect

    signature = inspect.signature(func)
    try:
        signature.bind(*args, **kwargs)
    except TypeError as error:
        raise MacroError(f"{name}(): {error}", f"call it as {usage(func, name)}") from None


def usage(func, name: str) -> str:
    """How authors call a macro: 'catalogue(level=None, tag=None)' (the context is hidden)."""
    import inspect

    params = list(inspect.signature(func).parameters.values())[1:]
    shown = [p.name if p.default is inspect.Parameter.empty else f"{p.name}={p.default!r}" for p in params]
    return f"{name}({', '.join(shown)})"

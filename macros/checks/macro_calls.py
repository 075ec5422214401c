"""Macro calls in page bodies, checked before the build runs them: `{{ name(...) }}` with an unknown
name, arguments that do not fit, an unknown module, lesson or glossary id, and the Jinja syntax
errors the build would stop on.
"""

from __future__ import annotations

import ast
import inspect
import re
from collections.abc import Iterator
from typing import Any

import jinja2

from macros.checks.masking import CALLED_NAME, EXPRESSION, line_at, mask_code
from macros.checks.pages import Index, Page
from macros.curriculum.problems import Problem, did_you_mean
from macros.curriculum.schema import LEVELS
from macros.render.page_macros import MACROS
from macros.render.templating import MacroError, check_call, protect_code, syntax_problem, undefined_hint


def macro_call_problems(index: Index, page: Page) -> Iterator[Problem]:
    if page.source.meta.get("render_macros") is False:
        return
    body = mask_code(page.source.body)
    for match in EXPRESSION.finditer(body):
        line = line_at(body, match.start(), page.source.body_line)
        expression = " ".join(match.group(1).split())
        try:
            tree = ast.parse(expression, mode="eval")
        except (SyntaxError, ValueError, MemoryError, RecursionError):  # Jinja-only syntax (`is defined`, `~`), or too deep: names only
            for name in CALLED_NAME.findall(expression):
                if name not in MACROS:
                    yield _unknown_macro(page, line, name)
            continue
        known = None
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                known = known if known is not None else _known_names(page, body)
                yield from _check_call(index, page, line, node, known)


# What a page's macros can name besides the macros: mkdocs-macros' variables, Jinja's globals,
# and the brand (extra:), as the build's Jinja environment has them.
MACRO_VARIABLES = {
    "config",
    "extra",
    "page",
    "environment",
    "plugin",
    "git",
    "macros",
    "filters",
    "filters_builtin",
    "navigation",
    "files",
    "context",
    "macros_info",
    "now",
    "fix_url",
    "range",
    "dict",
    "lipsum",
    "cycler",
    "joiner",
    "namespace",
    "true",
    "false",
    "none",
    "True",
    "False",
    "None",
    "brand",
    "social",
}
JINJA_TAG = re.compile(r"\{%.*?%\}", re.DOTALL)
IDENTIFIER = re.compile(r"[A-Za-z_]\w*")


def _known_names(page: Page, body: str) -> set[str]:
    """Names a macro argument may use on this page: any word in a {% %} tag counts ({% set x %})."""
    defined = {name for tag in JINJA_TAG.findall(body) for name in IDENTIFIER.findall(tag)}
    return MACRO_VARIABLES | set(MACROS) | {str(key) for key in page.source.meta} | defined


def template_syntax_problems(page: Page) -> Iterator[Problem]:
    """The Jinja syntax errors the build would stop on ({{ not closed, a heading id written {#id})."""
    body = page.source.body
    if page.source.meta.get("render_macros") is False or not any(mark in body for mark in ("{{", "{%", "{#")):
        return
    try:
        _JINJA.parse(protect_code(body))
    except jinja2.TemplateSyntaxError as error:
        yield syntax_problem(error, page.file, page.source.body_line)
    except (MemoryError, RecursionError):
        yield Problem(page.file, page.source.body_line, "macro", "a macro expression is nested too deeply to read", "simplify it")


_JINJA = jinja2.Environment()  # mkdocs-macros' delimiters: {{ }}, {% %}, {# #}


def _unknown_macro(page: Page, line: int, name: str) -> Problem:
    hint = did_you_mean(name, MACROS) or "the macros are " + ", ".join(MACROS) + " (see the author guide)"
    return Problem(page.file, line, "macro", f"unknown macro '{name}'", hint)


def _check_call(index: Index, page: Page, line: int, node: ast.Call, known: set[str]) -> Iterator[Problem]:
    assert isinstance(node.func, ast.Name)  # the caller picks calls of a plain name
    name = node.func.id
    func = MACROS.get(name)
    if func is None:
        yield _unknown_macro(page, line, name)
        return
    if any(k.arg is None for k in node.keywords) or any(isinstance(a, ast.Starred) for a in node.args):
        return
    for value in [*node.args, *(k.value for k in node.keywords)]:
        if isinstance(value, ast.Name) and value.id not in known:  # term(churn): a word without quotes
            yield Problem(page.file, line, "macro", f"unknown name: '{value.id}' is undefined", undefined_hint(value.id, known))
            return
    try:
        args = tuple(ast.literal_eval(a) for a in node.args)
        kwargs = {k.arg: ast.literal_eval(k.value) for k in node.keywords if k.arg is not None}  # **spread returned above
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):  # a variable or an expression: only the build can tell
        return
    try:
        check_call(func, (None, *args), kwargs, name)
    except MacroError as error:
        yield Problem(page.file, line, "macro", error.message, error.hint)
        return
    bound = inspect.signature(func).bind(None, *args, **kwargs).arguments
    for parameter, value in bound.items():
        problem = _check_argument(index, name, parameter, value)
        if problem:
            yield Problem(page.file, line, "macro", *problem)


def _check_argument(index: Index, name: str, parameter: str, value: Any) -> tuple[str, str] | None:
    """(message, hint) for a value the macro would reject, by the parameter's name."""
    if value is None or not isinstance(value, str):
        return None
    modules = list(index.modules)
    if parameter == "module" and value not in index.modules:
        return f"{name}(): unknown module '{value}'", did_you_mean(value, modules) or "use one of " + ", ".join(modules)
    if parameter == "lesson":
        refs = [f"{m}/{slug}" for m, slugs in index.modules.items() for slug in slugs]
        if value not in refs:
            return f"{name}(): unknown lesson '{value}'", did_you_mean(value, refs) or "write it as 'module-id/lesson-id'"
    if parameter == "term_id" and index.glossary is not None and value not in index.glossary:
        return f"unknown glossary term '{value}'", did_you_mean(
            value, index.glossary
        ) or "add it to modules/glossary.yml, or use one of its ids"
    if parameter == "level" and value not in LEVELS:
        return f"{name}(): unknown level '{value}'", did_you_mean(value, LEVELS) or "use one of " + ", ".join(LEVELS)
    return None

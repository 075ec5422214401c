"""Macro calls in page bodies, checked before the build runs them, as the build reads them (code
kept literal, render/templating.py): a name the page never defines, called (`{{ catalog() }}`) or
not (`{{ first_name }}`), arguments that do not fit, an unknown module, lesson or glossary id, and
the Jinja syntax errors the build would stop on. An author's own `{% macro %}`, `{% set %}` and
loop variables count as defined, as Jinja scopes them.
"""

from __future__ import annotations

import ast
import inspect
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import jinja2
from jinja2 import meta, nodes

from macros.checks.masking import EXPRESSION, line_at, mask_code
from macros.checks.pages import Index, Page
from macros.curriculum.problems import Problem, did_you_mean
from macros.curriculum.schema import LEVELS
from macros.render.page_macros import MACROS
from macros.render.templating import MacroError, check_call, protect_code, syntax_problem, undefined_hint

TEMPLATE_MARKS = ("{{", "{%", "{#")


def macro_call_problems(index: Index, page: Page) -> Iterator[Problem]:
    template = _template(page)
    if template is None:
        return
    known = _known_names(page)
    try:
        yield from list(_undefined_names(page, template, known))
    except RecursionError:  # Jinja parses a.b.b... (100,000 deep) but cannot walk it; nor can the build
        yield Problem(page.file, page.source.body_line, "macro", "a macro expression is nested too deeply to read", "simplify it")
        return
    body = mask_code(page.source.body)
    for match in EXPRESSION.finditer(body):
        line = line_at(body, match.start(), page.source.body_line)
        try:
            tree = ast.parse(" ".join(match.group(1).split()), mode="eval")
        except (SyntaxError, ValueError, MemoryError, RecursionError):  # Jinja-only syntax (`is defined`, `~`), or too deep
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in MACROS:
                yield from _check_call(index, page, line, node)


def _template(page: Page) -> nodes.Template | None:
    """The page body as the build's template (code protected); None when it is never templated
    or does not parse (template_syntax_problems reports that)."""
    body = page.source.body
    if page.source.meta.get("render_macros") is False or not any(mark in body for mark in TEMPLATE_MARKS):
        return None
    parsed = _parsed(body)
    return parsed if isinstance(parsed, nodes.Template) else None


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
# Uses that never fail on an undefined name: `x is defined`, `x | default("...")`.
_GUARDS = (nodes.Test, {"defined", "undefined"}), (nodes.Filter, {"default", "d"})


def _known_names(page: Page) -> set[str]:
    """Names the build's variables hold for this page (the ones the page defines itself aside)."""
    return MACRO_VARIABLES | set(MACROS) | {str(key) for key in page.source.meta}


@lru_cache(maxsize=4096)  # templates are cached by their text (_parsed): the same one comes back
def _undeclared(template: nodes.Template) -> frozenset[str]:
    return frozenset(meta.find_undeclared_variables(template))


def _undefined_names(page: Page, template: nodes.Template, known: set[str]) -> Iterator[Problem]:
    """Each name the page uses but nothing defines, at its first use: the build stops there."""
    undefined = _undeclared(template) - known
    guarded = {
        guard.node.name
        for kind, names in _GUARDS
        for guard in template.find_all(kind)
        if guard.name in names and isinstance(guard.node, nodes.Name)
    }
    called = {id(call.node) for call in template.find_all(nodes.Call)}
    first: dict[str, tuple[int, bool]] = {}
    for use in template.find_all(nodes.Name):
        if use.ctx == "load" and use.name in undefined and use.name not in guarded:
            where = (use.lineno, id(use) in called)
            first[use.name] = min(first.get(use.name, where), where)
    for name, (line, is_call) in sorted(first.items(), key=lambda item: item[1]):
        line += page.source.body_line - 1
        if is_call:
            yield _unknown_macro(page, line, name)
        else:
            yield Problem(page.file, line, "macro", f"unknown name: '{name}' is undefined", undefined_hint(name, known))


def template_syntax_problems(page: Page) -> Iterator[Problem]:
    """The Jinja syntax errors the build would stop on ({{ not closed, a heading id written {#id})."""
    body = page.source.body
    if page.source.meta.get("render_macros") is False or not any(mark in body for mark in TEMPLATE_MARKS):
        return
    parsed = _parsed(body)
    if isinstance(parsed, jinja2.TemplateSyntaxError):
        yield syntax_problem(parsed, page.file, page.source.body_line)
    elif isinstance(parsed, (MemoryError, RecursionError)):
        yield Problem(page.file, page.source.body_line, "macro", "a macro expression is nested too deeply to read", "simplify it")


@lru_cache(maxsize=4096)  # both checks parse the same body; the preview's next check, every unchanged one
def _parsed(body: str) -> nodes.Template | Exception:
    """The body as the build's template (code protected), or why it does not parse."""
    try:
        return _JINJA.parse(protect_code(body))
    except (jinja2.TemplateSyntaxError, MemoryError, RecursionError) as error:
        return error


_JINJA = jinja2.Environment()  # mkdocs-macros' delimiters: {{ }}, {% %}, {# #}; Jinja's own globals (range, dict...)


def _unknown_macro(page: Page, line: int, name: str) -> Problem:
    hint = did_you_mean(name, MACROS) or "the macros are " + ", ".join(MACROS) + " (see the author guide)"
    return Problem(page.file, line, "macro", f"unknown macro '{name}'", hint)


def _check_call(index: Index, page: Page, line: int, node: ast.Call) -> Iterator[Problem]:
    """One call of a macro of ours with literal arguments: do they fit, and name things that exist?

    A word without quotes (term(churn)) is an undefined name, reported by _undefined_names."""
    assert isinstance(node.func, ast.Name)  # the caller picks calls of a macro by its plain name
    name = node.func.id
    func = MACROS[name]
    if any(k.arg is None for k in node.keywords) or any(isinstance(a, ast.Starred) for a in node.args):
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

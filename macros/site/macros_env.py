"""The mkdocs-macros side of the build (mkdocs.yml's `module_name: macros` reaches it through
macros/__init__.py).

`define_env` registers the macros of render/page_macros.py and hands the environment to the course
plugin.  `on_pre_page_macros` renders each page's Markdown itself, with code protected and errors
reported at the real line (see render/templating.py), then tells mkdocs-macros the page is done.
`render_body` renders a lesson's text the same way for a generated page (workbook, facilitator
guide), which is itself never templated.

A macro learns which page it is on from the variables it is rendered with (`CONTEXT`), so a lesson's
text in a workbook links relative to the workbook yet still knows its own lesson.
"""

from __future__ import annotations

import html
from dataclasses import replace
from pathlib import Path

import jinja2

from macros.curriculum.blocks import FACILITATOR, find_blocks
from macros.curriculum.model import Capstone, Lesson
from macros.curriculum.problems import Problem, relative
from macros.curriculum.source import SourceError, read_markdown
from macros.curriculum.tree import SourceTree
from macros.render.page_macros import MACROS, PageContext
from macros.render.templating import MacroProblem, check_call, render_markdown

CONTEXT = "_course_page_context"  # the variable holding the PageContext macros run with
TEMPLATE_MARKS = ("{{", "{%", "{#")


def _course(env):
    """The course plugin of this build (it holds the loaded curriculum)."""
    return env.conf.plugins["course"]


def define_env(env) -> None:
    for name, func in MACROS.items():
        env.macro(_bind(env, name, func), name)
    _course(env).templates = env  # the generated pages render their lessons' text with it (render_body)


def _bind(env, name, func):
    @jinja2.pass_context
    def call(context, *args, **kwargs):
        check_call(func, (None, *args), kwargs, name)
        page_context = context.get(CONTEXT)
        if not isinstance(page_context, PageContext):  # rendered by mkdocs-macros itself (an imported template)
            page_context = _course(env).page_context(env.page)
        return func(page_context, *args, **kwargs)

    call.__name__, call.__doc__ = name, func.__doc__
    return call


def on_pre_page_macros(env) -> None:
    page = env.page
    if page.meta.get("render_macros") is False:
        return  # the author's choice, or a generated page (plugin.py): never templated
    page.meta["render_macros"] = False  # rendered here: mkdocs-macros must leave it alone
    if not any(mark in env.markdown for mark in TEMPLATE_MARKS):
        return  # most pages call no macro: skip Jinja altogether
    course = _course(env)
    variables = _variables(env, page.meta, page, course.page_context(page))
    try:
        env.markdown = render_markdown(env.env, env.markdown, variables, "", 1)
    except MacroProblem as error:
        # Where the body starts in the file is only worth reading from disk when reporting.
        file, line = _file_line(page, course.root, error.problem.line)
        problem = replace(error.problem, file=file, line=line)
        course.report(problem)
        env.markdown = _failure(problem)


def _failure(problem: Problem) -> str:
    """What the page shows instead of its text: in the live preview only, the build fails on it."""
    return f'!!! failure "Macro error"\n    {html.escape(str(problem))}\n'


def render_body(env, page, step: Lesson | Capstone) -> str:
    """A lesson's or capstone's Markdown body for the generated `page`: templated on its own, as
    its page is (code kept literal, its front matter as variables, errors at its own file and line),
    with URLs relative to `page`; as written when its front matter says render_macros: false."""
    course = _course(env)
    meta = _front_matter(course.tree, course.root / step.source)
    if meta.get("render_macros") is False or not any(mark in step.body for mark in TEMPLATE_MARKS):
        return step.body
    # The lesson's own page for `here()` (a macro with no argument means this lesson); links from `page`.
    page_context = replace(course.page_context(page), page_path=step.path)
    variables = _variables(env, meta, page, page_context)
    try:
        return render_markdown(env.env, step.body, variables, step.source, step.body_line)
    except MacroProblem as error:
        course.report(error.problem)
        return _failure(error.problem)


def _variables(env, meta: dict, page, page_context: PageContext) -> dict:
    """What a page's text may name: mkdocs-macros' variables, then its front matter, except where a
    field shares a macro's name (a lesson's `objectives:` must not hide `{{ objectives() }}`)."""
    fields = {key: value for key, value in meta.items() if key not in MACROS}
    return {**env.variables, **fields, "page": page, CONTEXT: page_context}


def _front_matter(tree: SourceTree, path: Path) -> dict:
    try:
        return tree.markdown(path).meta  # read once already, when the curriculum loaded
    except (OSError, SourceError):  # read when the curriculum loaded: gone since, the build reports it
        return {}


def _file_line(page, root: Path, line: int) -> tuple[str, int]:
    """The page's real file, and the file line of `line` of the Markdown rendered (which MkDocs
    took after the front matter and its blank lines, and plugin.py without facilitator notes)."""
    path = page.file.abs_src_path
    if not path:
        return page.file.src_uri, line
    try:
        source = read_markdown(Path(path))
    except (OSError, SourceError):
        return relative(Path(path), root), line
    markdown = source.body.lstrip("\n")  # MkDocs drops the blank lines between the front matter and the text
    for note in find_blocks(markdown, FACILITATOR):  # in order: each one taken out above the line moves it down
        if note.line > line:
            break
        line += note.end_line - note.line + 1
    return relative(Path(path), root), line + source.body_line + len(source.body) - len(markdown) - 1

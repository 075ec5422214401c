"""The mkdocs-macros side of the build (mkdocs.yml's `module_name: macros` reaches it through
macros/__init__.py).

`define_env` only registers the macros of render/page_macros.py.  `on_pre_page_macros` renders each
page's Markdown itself, with code protected and errors reported at the real line (see
render/templating.py), then tells mkdocs-macros the page is done.
"""

from __future__ import annotations

import html
from dataclasses import replace
from pathlib import Path

from macros.curriculum.problems import relative
from macros.curriculum.source import SourceError, read_markdown
from macros.render.page_macros import MACROS
from macros.render.templating import MacroProblem, check_call, render_markdown


def _course(env):
    """The course plugin of this build (it holds the loaded curriculum)."""
    return env.conf.plugins["course"]


def define_env(env) -> None:
    for name, func in MACROS.items():
        env.macro(_bind(env, name, func), name)


def _bind(env, name, func):
    def call(*args, **kwargs):
        check_call(func, (None, *args), kwargs, name)
        return func(_course(env).page_context(env.page), *args, **kwargs)

    call.__name__, call.__doc__ = name, func.__doc__
    return call


def on_pre_page_macros(env) -> None:
    page = env.page
    if page.meta.get("render_macros") is False:
        return
    page.meta["render_macros"] = False  # rendered here: mkdocs-macros must leave it alone
    if not any(mark in env.markdown for mark in ("{{", "{%", "{#")):
        return  # most pages call no macro: skip Jinja altogether
    course = _course(env)
    variables = {**env.variables, **page.meta, "page": page}
    try:
        env.markdown = render_markdown(env.env, env.markdown, variables, "", 1)
    except MacroProblem as error:
        # Where the body starts in the file is only worth reading from disk when reporting.
        file, first_line = _position(page, course.root)
        problem = replace(error.problem, file=file, line=error.problem.line + first_line - 1)
        course.report(problem)
        # Shown in the live preview only: the build fails on it.
        env.markdown = f'!!! failure "Macro error"\n    {html.escape(str(problem))}\n'


def _position(page, root: Path) -> tuple[str, int]:
    """The page's real file and the line its body starts on (after the front matter)."""
    path = page.file.abs_src_path
    if not path:
        return page.file.src_uri, 1
    try:
        source = read_markdown(Path(path))
    except (OSError, SourceError):
        return relative(Path(path), root), 1
    # MkDocs drops the blank lines between the front matter and the text.
    skipped = len(source.body) - len(source.body.lstrip("\n"))
    return relative(Path(path), root), source.body_line + skipped

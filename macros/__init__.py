"""The course engine: Markdown and YAML in modules/ and docs/ in, a course site out.

The packages are layers; each imports only from the ones above it in this list (a test holds it):

    curriculum/  what the course is: files read once with their lines, the schema, the model,
                 validation, Markdown blocks, site addresses, the brand. No MkDocs, Jinja or click.
    render/      curriculum -> HTML and Markdown: fragments, the macros authors call, templating,
                 the generated pages (workbook, facilitator guide, schedule), JSON-LD as data.
    checks/      every problem an author can fix, found on the files before anything is built:
                 one pipeline for `course check` and the build.
    site/        the only MkDocs code: the course plugin's hooks, page kinds, config, the staged
                 publish, git history, discovery files, the mkdocs-macros hooks.
    outputs/     what is made from a built site: PDFs (Chromium), SCORM packages.
    authoring/   the `course` command: new pages from templates, check, list, stats, export.

One rule for values (curriculum/kinds.py): metadata is text, escaped for the syntax it lands in,
except the few fields the schema declares inline Markdown or URL; only page bodies that authors
wrote are templates.

mkdocs-macros loads this package by name (`module_name: macros`) and calls the two hooks below;
they import MkDocs-side code only when called, so `import macros.curriculum` stays light.
"""

from __future__ import annotations


def define_env(env) -> None:
    from macros.site.macros_env import define_env as define

    define(env)


def on_pre_page_macros(env) -> None:
    from macros.site.macros_env import on_pre_page_macros as render

    render(env)

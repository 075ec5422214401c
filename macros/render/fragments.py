"""HTML fragments for curriculum pieces, rendered from Jinja templates in overrides/partials/course/.

The same fragments serve the lesson and module pages (injected by the plugin) and the macros
authors call, so a knowledge check looks the same wherever it appears.  Autoescaping is on:
metadata is text, and `<script>` in a title shows as text.

Fragments get `anchors`, the ids they write (fragment_ids.py), the tests `is lesson` and
`is capstone`, and `url(path)`: a function from a docs-relative source path
(`modules/x/index.md`) to a URL relative to the page being built, which keeps the site working
under any sub-path.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import jinja2

from macros.curriculum.kinds import InlineMarkdown
from macros.curriculum.model import Capstone, Lesson
from macros.render.dates import day_month_year
from macros.render.fragment_ids import FRAGMENT_IDS
from macros.render.inline_markdown import to_html

TEMPLATES = Path(__file__).resolve().parents[2] / "overrides" / "partials" / "course"


def minutes(total: int) -> str:
    """25 -> '25 min'; 90 -> '1 h 30 min'; 120 -> '2 h'."""
    hours, rest = divmod(int(total), 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _rendered(value):
    return to_html(value) if isinstance(value, InlineMarkdown) else value


class Fragments:
    """Renders one fragment template with a page's URL function."""

    def __init__(self, templates: Path = TEMPLATES, language: str | None = "en"):
        self.language = language  # the site's (theme.language): dates are written in it
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates)),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            finalize=_rendered,  # inline-Markdown values (kinds.py) are rendered; the rest is text
        )
        self.env.filters["minutes"] = minutes
        self.env.filters["plural"] = plural
        self.env.filters["day_month_year"] = lambda day: day_month_year(day, self.language)
        self.env.globals["anchors"] = FRAGMENT_IDS  # every id a fragment writes (fragment_ids.py)
        # `{% if page is capstone %}`: a module's steps told apart by type, not by a name
        self.env.tests["lesson"] = lambda page: isinstance(page, Lesson)
        self.env.tests["capstone"] = lambda page: isinstance(page, Capstone)

    def render(self, name: str, url: Callable[[str], str], **context) -> str:
        html = self.env.get_template(name).render(url=url, **context)
        # One line per block keeps Python-Markdown from wrapping fragments in <p> or code.
        return "\n".join(line for line in html.splitlines() if line.strip())

"""The fields the schema declares inline Markdown (curriculum/kinds.py), rendered once, to HTML.

    to_html("Ask *why*")   -> Markup('Ask <em>why</em>')
    to_text("Ask *why*")   -> 'Ask why'            (for attributes, feeds and data)

Python-Markdown with raw HTML, images and block syntax switched off: a `<tag>` comes out as text,
and a link to anything but http(s), mailto or the site loses its href. The schema refuses both
before a build; this holds even in the preview, where a problem does not stop the page.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from xml.etree import ElementTree

import markdown
from markupsafe import Markup

from macros.curriculum.kinds import LINK_SCHEMES, url_problem

_TAGS = re.compile(r"<[^>]*>")


class _SafeLinks(markdown.treeprocessors.Treeprocessor):
    def run(self, root: ElementTree.Element) -> None:
        for link in root.iter("a"):
            if url_problem(link.get("href", ""), LINK_SCHEMES):
                del link.attrib["href"]


def _renderer() -> markdown.Markdown:
    md = markdown.Markdown(extensions=[])
    md.preprocessors.deregister("html_block")
    for name in ("html", "image_link", "image_reference", "short_image_ref", "entity"):
        md.inlinePatterns.deregister(name)
    # One paragraph of inline text: no headings, lists, quotes, rules or code blocks from a value.
    for name in ("indent", "code", "hashheader", "setextheader", "hr", "olist", "ulist", "quote", "reference"):
        md.parser.blockprocessors.deregister(name)
    md.treeprocessors.register(_SafeLinks(md), "course-safe-links", 0)
    return md


_MARKDOWN = _renderer()


@lru_cache(maxsize=4096)
def to_html(value: str) -> Markup:
    """The value as inline HTML (one paragraph, without its <p>)."""
    _MARKDOWN.reset()
    rendered = _MARKDOWN.convert(value.replace("\n", " "))
    if rendered.startswith("<p>") and rendered.endswith("</p>"):
        rendered = rendered[3:-4]
    return Markup(rendered)


def to_text(value: str) -> str:
    """The value as plain text: what a reader sees, without the markup."""
    return html.unescape(_TAGS.sub("", to_html(value)))

"""The ids a page's HTML will have, worked out from its Markdown, so `course check` can tell a
link to `page.md#anchor` that leads nowhere.

    page_anchors(markdown) -> set[str]     heading ids as Python-Markdown's toc makes them, and
                                           ids written by hand ({: #id } and id="...")
    fragment_anchor(anchor) -> bool        an id the course fragments add to lessons, capstones
                                           and module pages (objectives, knowledge check...):
                                           one of fragment_ids.py's table

`markdown` is expected with code already blanked out (checks.mask_code).
"""

from __future__ import annotations

import functools
import html
import re

import markdown as python_markdown
from markdown.extensions.toc import slugify

from macros.render.fragment_ids import FRAGMENT_IDS

ATX = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$")
SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*)\}")
ATTR_ID = re.compile(r"(?:^|\s)#([^\s}]+)")
TRAILING_ATTR_LIST = re.compile(r"[ \t]*\{:?[ \t]*[^{}\n]*\}[ \t]*$")
HTML_ID = re.compile(r"""<[a-zA-Z][^>]*?\sid=["']([^"']+)["']""")
TAG = re.compile(r"<[^>]+>")
# Ids that Python-Markdown and Material make from other things than headings (footnotes, tabs).
MADE_ELSEWHERE = ("fn:", "fnref:", "__")


def page_anchors(markdown: str) -> set[str]:
    """Every id the page's own Markdown gives it."""
    anchors = set(HTML_ID.findall(markdown))
    for attributes in ATTR_LIST.findall(markdown):
        anchors.update(ATTR_ID.findall(attributes))
    used = set(anchors)
    for heading in _headings(markdown):
        written = ATTR_LIST.search(heading)
        explicit = ATTR_ID.findall(written.group(1)) if written and TRAILING_ATTR_LIST.search(heading) else []
        if explicit:
            continue  # already in anchors
        anchors.add(_unique(_slug(TRAILING_ATTR_LIST.sub("", heading)), used))
    return anchors


def _headings(markdown: str) -> list[str]:
    lines = markdown.split("\n")
    found = []
    for index, line in enumerate(lines):
        atx = ATX.match(line)
        if atx:
            found.append(atx.group(1))
        elif index and SETEXT.match(line) and lines[index - 1].strip() and not ATX.match(lines[index - 1]):
            found.append(lines[index - 1].strip())
    return found


@functools.lru_cache(maxsize=1024)
def _slug(heading: str) -> str:
    """The id toc gives a heading: its text as rendered (no markup), then slugified."""
    rendered = python_markdown.markdown(heading)
    return slugify(html.unescape(TAG.sub("", rendered)), "-")


def _unique(slug: str, used: set[str]) -> str:
    """toc's rule for repeated headings: the second 'Example' becomes 'example_1'."""
    candidate, number = slug, 0
    while candidate in used or not candidate:
        number += 1
        candidate = f"{slug}_{number}"
    used.add(candidate)
    return candidate


def fragment_anchor(anchor: str) -> bool:
    """Whether the course's fragments (overrides/partials/course/) can give a page this id, or a
    browser finds it anyway (#top is the top of any page)."""
    return anchor.lower() == "top" or anchor.startswith(MADE_ELSEWHERE) or any(fragment.matches(anchor) for fragment in FRAGMENT_IDS)

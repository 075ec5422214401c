"""Values that Material and the rss plugin print without escaping, handed to them escaped (issue 12).

Metadata is text, but these consumers take the values below for HTML or XML ready to print:
Material writes a page's title and description into <title>, meta tags and the nav, its tags
into the page, the tags page and the search index (whose UI sets them as HTML), and the blog's
authors into articles; the rss plugin writes tags, categories, author names and the channel's
title into its feeds as they are. Each value is escaped once, as Markup: where a template
escapes again (`| e`), Markup is left as it is, so nothing is escaped twice.

The rss plugin's JSON feed would show the escaped text as it is (its fields are plain text), so
mkdocs.yml turns it off. brand.yml's values reach our templates and Material's as they are and
are escaped there (overrides/): JSON-LD, SCORM and the feeds' XML need them as text.

escape() returns Markup unchanged, so the course plugin calls these for every page.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from typing import Any

from markupsafe import escape

PAGE_TEXT = ("title", "description")  # front matter Material and the rss plugin print
PAGE_WORDS = ("tags", "categories")  # lists Material, its search index and the rss plugin print
AUTHOR_TEXT = ("name", "description", "url")  # docs/blog/.authors.yml, as the blog plugin read it
CHANNEL_TEXT = ("title", "description", "author", "repo_url")  # the feeds' channel, from the config


def _escaped(value: Any) -> Any:
    return escape(value) if isinstance(value, str) else value


def escape_page_meta(meta: MutableMapping[str, Any]) -> None:
    """A page's front matter values that the theme and plugins print, escaped in place."""
    for key in PAGE_TEXT:
        if isinstance(meta.get(key), str):
            meta[key] = escape(meta[key])
    rss = meta.setdefault("rss", {})
    if isinstance(meta.get("description"), str) and isinstance(rss, dict):
        # A feed item's <description> is HTML (RSS 2.0) that the rss plugin escapes for XML: given
        # the escaped text as plain text, it comes out escaped twice, and a feed reader shows text.
        rss.setdefault("feed_description", str(meta["description"]))
    for key in PAGE_WORDS:
        if isinstance(meta.get(key), list):
            meta[key] = [_escaped(word) for word in meta[key]]  # a new list: the blog keeps its own


def escape_other_plugins(plugins: Mapping[str, Any]) -> None:
    """The blog's authors and the feeds' channel, escaped in place: before the rss plugin reads
    an author's name for an item (on_page_content), and long before it writes the feeds."""
    blog = plugins.get("material/blog")
    for author in (getattr(blog, "authors", None) or {}).values():
        for key in AUTHOR_TEXT:
            if isinstance(author.get(key), str):
                author[key] = escape(author[key])
    rss = plugins.get("rss")
    for feed in (getattr(rss, "feed_created", None), getattr(rss, "feed_updated", None)):
        if feed is not None:
            for key in CHANNEL_TEXT:
                if not isinstance(getattr(feed, key, None), _FeedHtml):
                    setattr(feed, key, _escaped(getattr(feed, key, None)))
            if not isinstance(feed.description, _FeedHtml) and isinstance(feed.description, str):
                feed.description = _FeedHtml(feed.description)  # already escaped above: HTML, as RSS 2.0 wants


class _FeedHtml(str):
    """The channel's <description>: HTML (RSS 2.0), which the rss template escapes for XML once more
    (a plain str, unlike Markup), so a feed reader shows the text; the type marks it done."""

    __slots__ = ()

"""Reading built pages in tests: a page's HTML by its URL, the text of a fragment, and the <head>
(canonical link, meta tags, JSON-LD, title) of a page."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

# Text that must stay text wherever it lands: titles, meta tags, JSON-LD, the search index.
HOSTILE = 'Say "no" <script>alert(1)</script> & mean it'


def html(site: Path, url: str) -> str:
    """The built page at `url` (a folder URL under the site, '' for the home page)."""
    return (site / url / "index.html").read_text(encoding="utf-8")


def curriculum_pages(project) -> int:
    """How many pages the curriculum alone makes (a module's overview, lessons and capstone, each
    published article): a built site with fewer is incomplete, whatever content a fork has."""
    from macros.curriculum.load import load_curriculum

    curriculum = load_curriculum(project)
    return sum(1 + len(module.pages) for module in curriculum.modules) + len(curriculum.published_articles())


def text_of(fragment: str) -> str:
    """The words of an HTML fragment: tags become spaces, runs of white space one space."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment)).strip()


class Head(HTMLParser):
    """Canonical links, meta tags (by property or name), JSON-LD blocks and the <title> of a page."""

    def __init__(self):
        super().__init__()
        self.canonical: list[str] = []
        self.meta: dict[str, list[str]] = {}
        self.json_ld: list[dict] = []
        self.title = ""
        self._in: str | None = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "canonical":
            self.canonical.append(attrs.get("href"))
        elif tag == "meta" and (attrs.get("property") or attrs.get("name")):
            self.meta.setdefault(attrs.get("property") or attrs.get("name"), []).append(attrs.get("content"))
        elif (tag == "script" and attrs.get("type") == "application/ld+json") or tag == "title":
            self._in, self._text = tag, ""

    def handle_data(self, data):
        if self._in:
            self._text += data

    def handle_endtag(self, tag):
        if tag == self._in == "script":
            self.json_ld.append(json.loads(self._text))
        elif tag == self._in == "title" and not self.title:
            self.title = self._text.strip()
        if tag == self._in:
            self._in = None

    def one(self, key: str) -> str:
        values = self.meta.get(key, [])
        assert len(values) == 1, f"{key}: {values}"
        return values[0]

    def data(self, kind: str) -> dict:
        found = [d for d in self.json_ld if d.get("@type") == kind]
        assert len(found) == 1, f"{kind}: {self.json_ld}"
        return found[0]


def head(path: Path) -> Head:
    parser = Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser

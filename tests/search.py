"""The built site's search index as the tests read it: what Pagefind keeps of each page it indexed.

    indexed(site) -> list[Indexed]          every page search can find, from site/pagefind/fragment/
    indexed_pages(site) -> {url: Indexed}   the same, by the page's URL under the site (modules/m/lesson/)
    indexed_in_zip(archive) -> list[Indexed]   the same in a SCORM package

Each fragment is a gzip file of JSON, after Pagefind's marker: the page's URL, its title, its text
(what a query matches and the excerpt shows), the filters it carries and the ids in it.
"""

from __future__ import annotations

import gzip
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

MARKER = b"pagefind_dcd"


@dataclass(frozen=True)
class Indexed:
    url: str  # under the site's root, as the site's pages are: "modules/m/lesson/", "glossary/"
    title: str
    text: str
    filters: dict[str, list[str]]
    meta: dict[str, str]  # title, and the description and objectives search weighs (partials/content.html)
    anchors: tuple[str, ...]  # ids of the elements in the indexed text, in order

    @property
    def kind(self) -> str:
        return self.filters.get("kind", [""])[0]

    @property
    def modules(self) -> list[str]:
        return self.filters.get("module", [])


def indexed(site: Path) -> list[Indexed]:
    fragments = sorted((site / "pagefind" / "fragment").glob("*.pf_fragment"))
    return [_decode(fragment.read_bytes(), str(fragment)) for fragment in fragments]


def indexed_pages(site: Path) -> dict[str, Indexed]:
    return {page.url: page for page in indexed(site)}


def indexed_in_zip(archive: zipfile.ZipFile) -> list[Indexed]:
    names = sorted(name for name in archive.namelist() if name.startswith("pagefind/fragment/"))
    return [_decode(archive.read(name), name) for name in names]


def _decode(compressed: bytes, name: str) -> Indexed:
    data = gzip.decompress(compressed)
    assert data.startswith(MARKER), f"{name} is not a Pagefind fragment"
    page = json.loads(data[len(MARKER) :])
    return Indexed(
        url=page["url"].lstrip("/"),
        title=page["meta"].get("title", ""),
        text=page["content"],
        filters=page.get("filters", {}),
        meta=page.get("meta", {}),
        anchors=tuple(anchor["id"] for anchor in page.get("anchors", []) if anchor.get("id")),
    )

"""What a module's package holds: its own pages and what they load, nothing else.

The build (site/build.py) has built only the module's pages; this makes the folder what an LMS
learner can open, in place:

- the pages asked for, and each optional page (the glossary) only when one of them links to it;
- no link to anything that is not in the package: the link goes and its text stays, so a learner
  never lands on a missing page in a frame with no address bar;
- the files those pages load (styles, scripts, images, downloads they link), found by following
  every reference from the pages and their style sheets, and the scripts course.js loads only
  when a page needs them (ON_DEMAND), which no page names;
- a search index (Pagefind's, site/search_index.py) of these pages only, made afresh once the
  others are gone; its results link to the pages' .html files, as a package has no web server
  to turn a folder into its index.html;
- no source maps, and no comment pointing at one.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from macros.site.search_index import index_site

KEPT_ON_A_DEAD_LINK = ("class", "id")  # the text keeps its look (a logo, a nav entry) and its anchor
URL_ATTRIBUTES = ("href", "src", "poster", "data", "action")
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""")
# Loaded by course.js on the pages that use them (see its ON_DEMAND): no page references them.
COURSE_SCRIPT = "assets/javascripts/course.js"
ON_DEMAND = ("assets/javascripts/after.js", "assets/javascripts/scenario.js")
SOURCE_MAP_COMMENT = re.compile(r"\n?(//[#@] sourceMappingURL=[^\n]*|/\*[#@] sourceMappingURL=[^*]*\*/)\s*$")


def keep_only(folder: Path, pages: list[str], optional: list[str]) -> None:
    """Make `folder`, a built site, hold `pages`, the `optional` pages they link to, and what those load.

    Pages are paths of HTML files in the folder (modules/m/lesson.html)."""
    present = [page for page in pages if (folder / page).is_file()]
    kept = set(present) | {page for page in optional if (folder / page).is_file() and _linked_from(folder, present, page)}
    for path in _files(folder):
        if path.endswith(".html") and path not in kept:
            (folder / path).unlink()
    for page in sorted(kept):
        _remove_dead_links(folder, page)
    needed = _loaded_by(folder, kept)
    if COURSE_SCRIPT in needed:
        needed |= {path for path in ON_DEMAND if (folder / path).is_file()}
    for path in _files(folder):
        if path not in needed:
            (folder / path).unlink()
        elif path.endswith((".js", ".css")):
            _drop_source_map_comment(folder / path)
    _remove_empty_folders(folder)
    index_site(folder, keep_index_url=True)


# -- Links -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Anchor:
    start: int  # where <a ...> begins in the page's text
    opened: int  # where it ends
    closing: int  # where </a> begins
    closed: int  # where it ends
    attributes: dict[str, str | None]


class _Anchors(HTMLParser):
    """Every <a> element of a page, with where its tags are in the text."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.text = text
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", text)]
        self.found: list[_Anchor] = []
        self._open: tuple[int, int, dict[str, str | None]] | None = None
        self.feed(text)
        self.close()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            start = self._offset()
            self._open = (start, start + len(self.get_starttag_text() or ""), dict(attrs))

    def handle_endtag(self, tag):
        if tag == "a" and self._open is not None:
            start, opened, attributes = self._open
            closing = self._offset()
            self.found.append(_Anchor(start, opened, closing, self.text.index(">", closing) + 1, attributes))
            self._open = None


def _target(page: str, url: str) -> str | None:
    """The file in the package a relative URL on `page` leads to; None for a URL that leaves the site
    (another site, mailto:) or stays on the page (#section)."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))


def _leads_nowhere(folder: Path, page: str, url: str | None) -> bool:
    target = _target(page, url or "")
    if target is None:
        return False
    return target.startswith("../") or not ((folder / target).is_file() or (folder / target / "index.html").is_file())


def _linked_from(folder: Path, pages: list[str], wanted: str) -> bool:
    return any(
        _target(page, anchor.attributes.get("href") or "") == wanted
        for page in pages
        for anchor in _Anchors((folder / page).read_text(encoding="utf-8")).found
    )


def _remove_dead_links(folder: Path, page: str) -> None:
    """Each link to a file the package lacks becomes its text (in a span when it has a class or id)."""
    text = (folder / page).read_text(encoding="utf-8")
    dead = [anchor for anchor in _Anchors(text).found if _leads_nowhere(folder, page, anchor.attributes.get("href"))]
    if not dead:
        return
    parts, position = [], 0
    for anchor in dead:
        kept = "".join(f' {name}="{escape(value or "")}"' for name, value in anchor.attributes.items() if name in KEPT_ON_A_DEAD_LINK)
        parts += [
            text[position : anchor.start],
            f"<span{kept}>" if kept else "",
            text[anchor.opened : anchor.closing],
            "</span>" if kept else "",
        ]
        position = anchor.closed
    parts.append(text[position:])
    (folder / page).write_text("".join(parts), encoding="utf-8")


# -- What the pages load ---------------------------------------------------------------------------


class _References(HTMLParser):
    """Every URL a page links to or loads. (Material's config names its search worker too, which
    the site's own search does not use: it is left out.)"""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        self.urls += [value for name, value in attrs if name in URL_ATTRIBUTES and value]
        if values.get("srcset"):
            self.urls += [part.split()[0] for part in (values["srcset"] or "").split(",") if part.strip()]


def _loaded_by(folder: Path, pages: set[str]) -> set[str]:
    """The pages, every file they reference, and the files their style sheets reference."""
    needed, waiting = set(), sorted(pages)
    while waiting:
        path = waiting.pop()
        if path in needed or not (folder / path).is_file():
            continue
        needed.add(path)
        waiting += [target for url in _references(folder, path) if (target := _target(path, url)) and not target.startswith("../")]
    return needed


def _references(folder: Path, path: str) -> list[str]:
    if path.endswith(".html"):
        parser = _References()
        parser.feed((folder / path).read_text(encoding="utf-8"))
        parser.close()
        return parser.urls
    if path.endswith(".css"):
        text = (folder / path).read_text(encoding="utf-8", errors="replace")
        return [match.group(2) or match.group(4) for match in CSS_URL.finditer(text)]
    return []


def _drop_source_map_comment(file: Path) -> None:
    """Minified scripts and styles end by naming their .map, which the package leaves out."""
    text = file.read_text(encoding="utf-8", errors="surrogateescape")
    shorter = SOURCE_MAP_COMMENT.sub("", text)
    if shorter != text:
        file.write_text(shorter + "\n", encoding="utf-8", errors="surrogateescape")


# -- Files -----------------------------------------------------------------------------------------


def _files(folder: Path) -> list[str]:
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file())


def _remove_empty_folders(folder: Path) -> None:
    for path in sorted((p for p in folder.rglob("*") if p.is_dir()), key=lambda p: len(p.parts), reverse=True):
        if not any(path.iterdir()):
            path.rmdir()

"""Off-site resources: nothing in the content makes a learner's browser ask another site for a file.

The site promises privacy (no font service, no trackers, no embeds), so an address on another
host is a problem wherever a browser would fetch it without being asked:

    pages           Markdown images (inline and reference-style); raw HTML <img src/srcset>,
                    <source>, <video src/poster>, <audio>, <track>, <iframe>, <embed>, <object data>,
                    <script src>, <link rel=stylesheet|icon|preload...>; CSS url() and @import in
                    style attributes and <style> blocks
    .authors.yml    the authors' avatars
    brand.yml and   theme.logo, theme.favicon, extra.brand.social_image, extra_css, extra_javascript
    mkdocs.yml

Links (<a href>, [text](https://...)) are not requests and stay allowed, and so are data: URIs,
which hold the file itself.  A host the organisation trusts goes on the brand's allow-list,
`extra.brand.allowed_hosts`, matched exactly: `videos.example.org` allows itself, not `www.videos.example.org`.

Code is not content: masking.py blanks out code (fenced, indented, inline) and HTML comments first.
Markdown images are then read by Python-Markdown's own image processors, raw HTML by the standard
library's HTMLParser, both on the masked page, so every problem keeps its line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit
from xml.etree import ElementTree

import markdown
import yaml
from markdown.blockprocessors import ReferenceProcessor
from markdown.inlinepatterns import (
    IMAGE_LINK_RE,
    ImageInlineProcessor,
    ImageReferenceInlineProcessor,
    InlineProcessor,
    ShortImageReferenceInlineProcessor,
)

from macros.checks.masking import blank, line_at, prose
from macros.checks.pages import Index, Page, quiet_yaml
from macros.curriculum import brand
from macros.curriculum.problems import Problem
from macros.curriculum.project import CONFIG_FILE, Layout, load_config
from macros.curriculum.source import SourceError, is_file, line_of
from macros.curriculum.tree import SourceTree


@dataclass(frozen=True)
class Resource:
    field: str  # what asks for it: "image", "iframe", "style", "authors.x.avatar", "extra_css"
    url: str  # as written (HTML entities decoded)
    line: int  # in the file


def offsite_problems(layout: Layout, tree: SourceTree, index: Index) -> list[Problem]:
    """Every resource on a host outside the allow-list, at its line, with the two ways out."""
    allowed, brand_file = _allow_list(layout, tree)
    found = [
        (page.file, resource, "put the file in the repository and link it relatively")
        for page in index.pages
        for resource in page_resources(page)
    ]
    way_in = f"put the file in {layout.docs_dir}/ and write its path from there"
    found += [(file, resource, way_in) for file, resource in setting_resources(layout, tree)]
    problems = []
    for file, resource, fix in found:
        host = offsite_host(resource.url)
        if host is None or host in allowed:
            continue
        message = f"'{resource.url}' is on another site: every learner's browser would request it from {host}"
        hint = f"{fix}, or add {host} to extra.brand.{brand.ALLOWED_HOSTS} in {brand_file}"
        problems.append(Problem(file, resource.line, resource.field, message, hint))
    return problems


def _allow_list(layout: Layout, tree: SourceTree) -> tuple[frozenset[str], str]:
    """The hosts the brand allows, and the file its block is in (brand.yml, else mkdocs.yml)."""
    data: Any = None
    if is_file(layout.root / brand.BRAND_FILE):
        data, file = quiet_yaml(tree, layout.root / brand.BRAND_FILE), brand.BRAND_FILE
    else:
        file = CONFIG_FILE
        if is_file(layout.root / CONFIG_FILE):
            data = load_config(layout.root / CONFIG_FILE)[0]
    extra = data.get("extra") if isinstance(data, dict) else None
    return brand.allowed_hosts(extra.get("brand") if isinstance(extra, dict) else None), file


# Browsers drop spaces and control characters around an address, tabs and line breaks inside it,
# and read a backslash as a slash in a web address: `\\tracker.example.com/p.png` is off-site.
_AROUND = "".join(map(chr, range(0x21)))  # the C0 control characters and the space
_INSIDE = re.compile(r"[\t\n\r]")
_WEB = ("http", "https")


def offsite_host(url: str) -> str | None:
    """The other host a browser would ask for `url`; None when it stays on the site or is data:."""
    cleaned = _INSIDE.sub("", url.strip(_AROUND)).replace("\\", "/")
    try:
        parts = urlsplit(cleaned)
        if parts.scheme.lower() in _WEB and not parts.netloc:  # `https:host/x`: browsers add the slashes
            parts = urlsplit(f"{parts.scheme}://{parts.path.lstrip('/')}")
        return parts.hostname or parts.netloc or None
    except ValueError:  # a malformed [IPv6] host: still a request to another site
        return cleaned.split("//", 1)[-1].split("/", 1)[0] or cleaned


# -- pages ----------------------------------------------------------------------------------------


def page_resources(page: Page) -> Iterator[Resource]:
    """The resources of a page's body, code left out."""
    text = prose(page.source.body)
    first = page.source.body_line
    if "![" in text:
        for offset, url in markdown_images(text):
            yield Resource("image", url, line_at(text, offset, first))
    if "<" in text:
        for line, field, url in html_resources(text):
            yield Resource(field, url, first + line - 1)


@lru_cache(maxsize=1)
def _markdown() -> markdown.Markdown:
    md = markdown.Markdown()
    # The processors unescape from the inline treeprocessor's stash, which only a conversion fills: empty here.
    md.treeprocessors["inline"].stashed_nodes = {}  # type: ignore[attr-defined]
    return md


@lru_cache(maxsize=1)
def _image_processors() -> tuple[InlineProcessor, ...]:
    """Python-Markdown's image processors, in the order it tries them."""
    md = _markdown()
    return (
        ImageInlineProcessor(IMAGE_LINK_RE, md),
        ImageReferenceInlineProcessor(IMAGE_LINK_RE, md),
        ShortImageReferenceInlineProcessor(IMAGE_LINK_RE, md),
    )


_IMAGE_START = re.compile(IMAGE_LINK_RE)
_PARAGRAPH = re.compile(r"(?:[^\n]*\S[^\n]*(?:\n|$))+")


def markdown_images(text: str) -> Iterator[tuple[int, str]]:
    """(offset, src) of every Markdown image, read by Python-Markdown's own processors paragraph by
    paragraph (as it reads them), with the page's reference definitions ([id]: url)."""
    md = _markdown()
    md.references = {  # what ReferenceProcessor would store for the page: the processors look ids up here
        match.group(1).strip().lower(): (match.group(2).lstrip("<").rstrip(">"), match.group(5) or match.group(6) or "")
        for match in ReferenceProcessor.RE.finditer(text)
    }
    for paragraph in _PARAGRAPH.finditer(text):
        data = paragraph.group(0)
        for start in _IMAGE_START.finditer(data):
            if _escaped(data, start.start()):
                continue  # \![...] is a `!` and a link
            for processor in _image_processors():
                element, _, _ = processor.handleMatch(start, data)
                if isinstance(element, ElementTree.Element):
                    yield paragraph.start() + start.start(), element.get("src", "")
                    break


def _escaped(text: str, offset: int) -> bool:
    backslashes = len(text[:offset]) - len(text[:offset].rstrip("\\"))
    return backslashes % 2 == 1


# -- raw HTML and CSS -----------------------------------------------------------------------------

# The attributes a browser fetches without a click, by element (<a href> is a link: not here).
FETCHED = {
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "iframe": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "script": ("src",),
    "input": ("src",),  # <input type=image>
    "image": ("href", "xlink:href"),  # in inline SVG
}
# <link> fetches its href for these relations (preconnect opens a connection, which is enough to track).
FETCHING_RELATIONS = {
    "stylesheet",
    "icon",
    "apple-touch-icon",
    "mask-icon",
    "preload",
    "modulepreload",
    "prefetch",
    "preconnect",
    "manifest",
}
FIELDS = {"img": "image"}  # the field a problem names: the element, but "image" for <img> as for ![...](...)


def html_resources(text: str) -> list[tuple[int, str, str]]:
    """(line in `text`, field, url) of every resource in the raw HTML of `text`."""
    parser = _ResourceParser()
    try:
        parser.feed(text)
        parser.close()
    except (AssertionError, AttributeError, ValueError):  # html.parser on some broken declarations: keep what was read
        pass
    return parser.found


class _ResourceParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, str]] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        values = {name: value or "" for name, value in attrs}
        field = FIELDS.get(tag, tag)
        for name in FETCHED.get(tag, ()):
            if name in values:
                urls = srcset_urls(values[name]) if name == "srcset" else [values[name]]
                self.found += [(line, field, url) for url in urls]
        relations = [r for r in values.get("rel", "").lower().split() if r in FETCHING_RELATIONS] if tag == "link" else []
        if relations and "href" in values:  # named by what it fetches: "stylesheet", "icon", "preload"...
            self.found.append((line, relations[0], values["href"]))
        if "style" in values:
            self.found += [(line, "style", url) for _, url in css_urls(values["style"])]
        if tag == "style":
            self._in_style = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:  # a <style> block's CSS, delivered whole: the line is where it starts
            line = self.getpos()[0]
            self.found += [(line + data.count("\n", 0, offset), "style", url) for offset, url in css_urls(data)]


_SRCSET_CANDIDATE = re.compile(r"[\s,]*(\S*)")


def srcset_urls(srcset: str) -> list[str]:
    """The addresses of a srcset: candidates separated by commas, each an address and descriptors."""
    urls, position = [], 0
    while position < len(srcset):
        match = _SRCSET_CANDIDATE.match(srcset, position)
        assert match is not None  # the pattern matches anywhere, if only the empty string
        url, position = match.group(1), match.end()
        if not url:
            break
        urls.append(url.rstrip(","))
        if not url.endswith(","):
            comma = srcset.find(",", position)
            position = len(srcset) if comma < 0 else comma + 1
    return urls


_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_CSS_STRING = r"""(?:"([^"]*)"|'([^']*)')"""
_CSS_URL = re.compile(rf"""url\(\s*(?:{_CSS_STRING}|([^)\s'"]*))\s*\)|@import\s+{_CSS_STRING}""", re.IGNORECASE)
_IMAGE_SET = re.compile(r"(?:-webkit-)?image-set\(([^()]*(?:\([^()]*\)[^()]*)*)\)", re.IGNORECASE)


def css_urls(css: str) -> list[tuple[int, str]]:
    """(offset, url) of every url(), @import "..." and image-set("...") in CSS, comments left out."""
    css = _CSS_COMMENT.sub(blank, css)
    found = [(m.start(), next(g for g in m.groups() if g is not None)) for m in _CSS_URL.finditer(css)]
    for image_set in _IMAGE_SET.finditer(css):
        strings = re.finditer(_CSS_STRING, image_set.group(1))
        found += [(image_set.start(1) + s.start(), s.group(1) if s.group(1) is not None else s.group(2)) for s in strings]
    return sorted(found)


# -- settings: avatars, the brand's files, extra_css and extra_javascript -------------------------

# Keys of brand.yml and mkdocs.yml whose values a browser fetches on every page (MkDocs merges the two).
SETTINGS = [("theme", "logo"), ("theme", "favicon"), ("extra", "brand", "social_image"), ("extra_css",), ("extra_javascript",)]


def setting_resources(layout: Layout, tree: SourceTree) -> Iterator[tuple[str, Resource]]:
    """(file, resource) of the avatars in .authors.yml and the settings of brand.yml and mkdocs.yml."""
    authors = quiet_yaml(tree, layout.authors_file) if is_file(layout.authors_file) else None
    entries = authors.get("authors") if isinstance(authors, dict) else None
    for author_id, info in entries.items() if isinstance(entries, dict) else ():
        avatar = info.get("avatar") if isinstance(info, dict) else None
        if isinstance(avatar, str):
            line = line_of(authors, ("authors", author_id, "avatar"))
            yield layout.rel(layout.authors_file), Resource(f"authors.{author_id}.avatar", avatar, line)
    for file in (brand.BRAND_FILE, CONFIG_FILE):
        for keys, node in _settings(tree, layout, file):
            yield file, Resource(".".join(keys), node.value, node.start_mark.line + 1)


def _settings(tree: SourceTree, layout: Layout, file: str) -> Iterator[tuple[tuple[str, ...], yaml.ScalarNode]]:
    """The value nodes of SETTINGS in `file`, with their lines. The file is composed, never
    constructed, so mkdocs.yml's !ENV and !!python/name tags need no loader."""
    path = layout.root / file
    if not is_file(path):
        return
    try:
        root = yaml.compose(tree.text(path), Loader=yaml.SafeLoader)
    except (SourceError, yaml.YAMLError, RecursionError):
        return  # the brand check and MkDocs report a file that does not parse
    for keys in SETTINGS:
        node = root
        for key in keys:
            node = _value_of(node, key)
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        for item in items:
            if isinstance(item, yaml.MappingNode):  # extra_javascript: - path: x.js / type: module
                item = _value_of(item, "path")
            if isinstance(item, yaml.ScalarNode):
                yield keys, item


def _value_of(node: Any, key: str) -> Any:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                return value_node
    return None

"""Links and images: every relative link leads to a page (and heading) the site publishes, every
image exists, is published and has alt text.

modules/ is mounted at the docs root's modules/, so `../../blog/posts/x.md` from a lesson is
docs/blog/posts/x.md.  A link that misses says which path would reach the file the author most
likely meant (one with the same name, else a close spelling), written from the page's place in
the site, never from the folders on disk.
"""

from __future__ import annotations

import difflib
import os
import posixpath
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import unquote

from macros.checks.masking import line_at, prose
from macros.checks.pages import Index, Page
from macros.curriculum import addresses
from macros.curriculum.load import INTRO_FILE, MODULE_FILE
from macros.curriculum.problems import Problem, did_you_mean, inside
from macros.curriculum.project import Layout
from macros.curriculum.source import is_file
from macros.render.anchors import fragment_anchor

LINK = re.compile(
    r"(!?)\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"
)
REFERENCE = re.compile(r"^[ ]{0,3}\[([^\]^][^\]]*)\]:[ \t]*<?([^\s>]+)>?", re.MULTILINE)
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def _target(raw: str) -> str:
    """A link's path: no <>, no #anchor or ?query, %-escapes decoded; '' for anchors and URLs."""
    raw = raw.strip("<>").strip()
    if not raw or raw.startswith(("#", "/")) or SCHEME.match(raw):
        return ""
    return unquote(re.split(r"[#?]", raw, maxsplit=1)[0])


# Pages the plugin writes from the curriculum, with no file of their own (addresses.py).
MODULE_WRITTEN = {INTRO_FILE, *(f"{kind.value}.md" for kind in addresses.MODULE_GENERATED)}
SITE_WRITTEN = (addresses.SCHEDULE_PAGE, addresses.PRACTICE_PAGE)


def _site_file(layout: Layout, site: str) -> Path | None:
    """The source file a site path comes from, if it exists; for a page the plugin writes (a module's
    overview, workbook, guides and action plan; the schedule and practice), the file it is written from."""
    if is_file(layout.docs / site):
        return layout.docs / site
    if site in SITE_WRITTEN:
        return layout.modules
    if site.startswith(addresses.MODULES + "/"):
        rest = site[len(addresses.MODULES) + 1 :]
        if is_file(layout.modules / rest):
            return layout.modules / rest
        parts = rest.split("/")
        if len(parts) == 2 and parts[1] in MODULE_WRITTEN and (layout.modules / parts[0] / MODULE_FILE).is_file():
            return layout.modules / parts[0] / MODULE_FILE
    return None


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a name too long for the system
        return False


def _suggest(target: str, here: str, candidates: Iterable[str]) -> str:
    """'did you mean ...?' with the path from the page (in folder `here` of the site) to the file
    meant: the one with the target's name, else the closest spelling; '' when nothing is close."""
    candidates = list(candidates)
    named = [c for c in candidates if posixpath.basename(c) == posixpath.basename(target)]
    match = _nearest(target, named) or next(iter(difflib.get_close_matches(target, candidates, n=1, cutoff=0.6)), None)
    return f"did you mean '{posixpath.relpath(match, here or '.')}'?" if match else ""


def _nearest(target: str, named: list[str]) -> str | None:
    """Of the files with the target's name, the one that ends with most of its folders, then the
    most alike; None when several are only alike in name (index.md in every module)."""

    def score(candidate: str) -> tuple[int, float]:
        tail = 0
        for mine, theirs in zip(reversed(target.split("/")), reversed(candidate.split("/")), strict=False):
            if mine != theirs:
                break
            tail += 1
        return tail, difflib.SequenceMatcher(None, target, candidate).ratio()

    if len(named) <= 1:
        return named[0] if named else None
    best = max(named, key=score)
    tail, ratio = score(best)
    return best if tail > 1 or ratio >= 0.6 else None


def _files_named(layout: Layout, name: str) -> list[str]:
    """Site paths of the files under docs/ called `name`: what an image link can reach."""
    found = []
    for folder, dirs, files in os.walk(layout.docs):  # a linked folder is listed, never entered
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        if name in files and inside(Path(folder) / name, layout.root):
            found.append((Path(folder) / name).relative_to(layout.docs).as_posix())
    return sorted(found)


def link_problems(layout: Layout, index: Index, page: Page) -> Iterator[Problem]:
    body = prose(page.source.body)
    here = posixpath.dirname(page.site)
    found = [(m.start(), m.group(1) == "!", m.group(2), m.group(3)) for m in LINK.finditer(body)]
    found += [(m.start(), False, None, m.group(2)) for m in REFERENCE.finditer(body)]
    for offset, is_image, alt, raw in sorted(found, key=lambda item: item[0]):
        line = line_at(body, offset, page.source.body_line)
        if is_image and not (alt or "").strip():
            hint = "describe what it shows between the brackets, as in ![A customer at the counter](...)"
            yield Problem(page.file, line, "image", "the image has no alt text", hint)
        target = _target(raw)
        fragment = _fragment(raw)
        if fragment and not is_image and raw.strip("<>").strip().startswith("#"):
            yield from _anchor_problems(index, page, page.site, raw, fragment, line)
            continue
        if not target or (not is_image and not target.endswith(".md")):
            continue
        resolved = posixpath.normpath(posixpath.join(here, target))
        if resolved == ".." or resolved.startswith("../"):
            yield _outside(layout, index, page, line, raw, resolved, is_image)
        elif is_image:
            yield from _image_problems(layout, page, line, raw, resolved)
        else:
            yield from _page_link_problems(layout, index, page, line, raw, resolved, fragment)


def _outside(layout: Layout, index: Index, page: Page, line: int, raw: str, resolved: str, is_image: bool) -> Problem:
    """A path that climbs out of the site (often written from the folders on disk: ../../../docs/...)."""
    name = posixpath.basename(resolved)
    candidates = _files_named(layout, name) if is_image else [site for site in index.site_pages if posixpath.basename(site) == name]
    hint = _suggest(resolved, posixpath.dirname(page.site), candidates) or "link to a page or file under docs/ or modules/"
    return Problem(page.file, line, "image" if is_image else "link", f"'{raw}' points outside the site", hint)


def _image_problems(layout: Layout, page: Page, line: int, raw: str, resolved: str) -> Iterator[Problem]:
    """An image that does not exist, or sits in modules/, which the site does not publish."""
    if is_file(layout.docs / resolved):
        return
    if resolved.startswith(addresses.MODULES + "/") and is_file(layout.modules / resolved[len(addresses.MODULES) + 1 :]):
        message = f"'{raw}' is in {layout.modules_dir}/, which the site does not publish"
        yield Problem(page.file, line, "image", message, "move it to docs/assets/ and link it from there")
        return
    folder = layout.docs / posixpath.dirname(resolved)
    others = [posixpath.join(posixpath.dirname(resolved), p.name) for p in folder.iterdir() if p.is_file()] if _is_dir(folder) else []
    here = posixpath.dirname(page.site)
    hint = (
        _suggest(resolved, here, _files_named(layout, posixpath.basename(resolved)))
        or _suggest(resolved, here, others)
        or f"add the file, or correct the path (it is read as docs/{resolved})"
    )
    yield Problem(page.file, line, "image", f"'{raw}' does not exist", hint)


def _page_link_problems(layout: Layout, index: Index, page: Page, line: int, raw: str, resolved: str, fragment: str) -> Iterator[Problem]:
    """A link to a page that does not exist, to an article the site leaves out, or to a missing heading."""
    if _site_file(layout, resolved) is None:
        hint = _suggest(resolved, posixpath.dirname(page.site), index.site_pages) or "correct the path: links are relative to this file"
        yield Problem(page.file, line, "link", f"'{raw}' does not exist", hint)
    elif resolved in index.unpublished:
        message = f"'{raw}' links to an article the site leaves out ({index.unpublished[resolved]})"
        yield Problem(page.file, line, "link", message, "publish that article first, or remove the link")
    elif fragment:
        yield from _anchor_problems(index, page, resolved, raw, fragment, line)


def _fragment(raw: str) -> str:
    """The #anchor of a link, decoded ('' without one, or for a web address)."""
    raw = raw.strip("<>").strip()
    if SCHEME.match(raw) or "#" not in raw:
        return ""
    return unquote(raw.split("#", 1)[1])


def _anchor_problems(index: Index, page: Page, site: str, raw: str, fragment: str, line: int) -> Iterator[Problem]:
    anchors = index.anchors(site)
    if anchors is None or fragment in anchors or fragment_anchor(fragment):
        return
    target = index.page(site)
    name = target.file if target else site
    hint = did_you_mean(fragment, sorted(anchors)) or (
        "the headings there are " + ", ".join(f"#{a}" for a in sorted(anchors)[:8])
        if anchors
        else "add a heading there, or remove the #anchor"
    )
    yield Problem(page.file, line, "link", f"'{raw}': {name} has no heading or id '{fragment}'", hint)

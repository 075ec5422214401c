"""Small helpers shared by the browser tests (fixtures are in tests/browser/conftest.py)."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import FrameLocator, Page, expect

from macros.outputs.browser import serve_folder
from tests.brand import REPOSITORY
from tests.search import indexed

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# The site is served under site_url's path, as GitHub Pages and `mkdocs serve` serve it: the 404
# page and the sitemap name that path. "/" for a site at the root of its domain.
BASE_PATH = REPOSITORY.base_path
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}

MODULE = "modules/questioning-skills/"
LESSON = MODULE + "open-closed-and-probing/"
ARTICLE = "blog/why-training-does-not-stick/"

# The pages every browser check visits: (name, path under the site root).
KEY_PAGES = [
    ("home", ""),
    ("module overview", MODULE),
    ("lesson", LESSON),
    ("article", ARTICLE),
    ("blog index", "blog/"),
    ("capstone", MODULE + "capstone/"),
    ("glossary", "glossary/"),
    ("curriculum", "curriculum/"),
    ("workbook", MODULE + "workbook/"),
    ("facilitator guide", MODULE + "facilitator/"),
    ("schedule", "schedule/"),
]

# Chromium's own requests that never leave the machine and name no host.
_HOSTLESS_SCHEMES = ("data:", "blob:", "about:")


@contextmanager
def served(site: Path, web_root: Path, base_path: str = BASE_PATH) -> Iterator[str]:
    """A built site on 127.0.0.1 under `base_path` while the block runs: yields the site's URL."""
    shutil.copytree(site, web_root / base_path.strip("/"), dirs_exist_ok=True)
    with serve_folder(web_root) as root:
        yield root + base_path.lstrip("/")


def progress_key(base_path: str = BASE_PATH) -> str:
    """Where course.js keeps a site's progress in localStorage: one key per base path."""
    return base_path + ".course.progress"


def content_h1(page: Page | FrameLocator):
    """The page's own title (the home page's hero h1 lives outside .md-content; the open search
    lists its results' titles as h1 too)."""
    return page.locator(".md-content h1, .course-hero h1").first


def open_search(page: Page, how: str = "click") -> None:
    """Open the site's search the way a visitor would and check the input has focus.

    Phone: the input is hidden behind the header's search icon (label[for=__search]).
    Desktop: the input sits in the header; `how` is "click" (click it) or "/" (keyboard shortcut).
    """
    field = page.locator(".md-search__input")
    if page.form_factor == "phone":
        page.locator("label.md-header__button[for=__search]").click()
    elif how == "/":
        page.keyboard.press("/")
    else:
        field.click()
    expect(field).to_be_focused()
    expect(page.locator("#__search")).to_be_checked()


def type_query(page: Page, query: str) -> None:
    """Put `query` in the open search field as one edit and wait for its results.

    One fill is one search (search.js waits for typing to pause, then asks Pagefind); the results
    are in once the result area is no longer busy and the count reads as a count.
    """
    field = page.locator(".md-search__input")
    field.fill(query)
    expect(page.locator(".md-search-result")).not_to_have_attribute("aria-busy", "true")
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"^(\d+|1) matching documents?$|^No matching documents$"))
    settle(page)


def settle(page: Page) -> None:
    """Wait until no CSS transition is running: on a phone the search overlay slides in for a while,
    and a click aimed at a result while it moves can land on the page behind it."""
    page.wait_for_function("() => document.getAnimations().every(animation => animation.playState !== 'running')")


def search_docs(built_site: Path, word: str) -> dict[str, str]:
    """Pages in the search index whose title or text holds `word` (whole word, any case): url -> title."""
    pattern = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
    return {page.url: page.title for page in indexed(built_site) if pattern.search(f"{page.title} {page.text}")}


def indexed_title(built_site: Path, url: str) -> str:
    """The title the search index gives the page at `url` (modules/m/lesson/)."""
    titles = {page.url: page.title for page in indexed(built_site)}
    assert url in titles, f"{url} is not in the search index"
    return titles[url]


def search_result(page: Page, path: str, anchor: str = ""):
    """The visible search result opening `path` (the page itself, or its section `anchor`).

    Results link as `<path>?h=<query>[#anchor]` (the page marks the searched words); Playwright
    cannot match an attribute by regular expression, so the href is picked here once results are on
    screen.
    """
    links = page.locator(f'.md-search-result__item a[href*="{path}"]')
    expect(links.first).to_be_visible()
    wanted = re.compile(re.escape(path) + r"\?h=[^#]*" + (re.escape(anchor) if anchor else "") + "$")
    hrefs = links.evaluate_all("links => links.map(link => link.getAttribute('href'))")
    for href in hrefs:
        if wanted.search(href):
            return page.locator(f'.md-search-result__item a[href="{href}"]').first
    raise AssertionError(f"no search result for {path}{anchor}; results for that page link to {hrefs}")


def offsite_requests(urls: list[str], site_url: str) -> list[str]:
    """Requests that went to another host or outside the site's sub-path."""
    site = urlsplit(site_url)
    bad = []
    for url in dict.fromkeys(urls):  # each URL once, in request order
        if url.startswith(_HOSTLESS_SCHEMES):
            continue
        parts = urlsplit(url)
        if parts.hostname != "127.0.0.1":
            bad.append(f"other host: {url}")
        elif parts.netloc != site.netloc or not parts.path.startswith(site.path):
            bad.append(f"outside {site.path}: {url}")
    return bad


AXE = Axe()
BLOCKING = {"serious", "critical"}
# What a colour scheme can change: the dark palette recolours the same markup, so everything else
# is checked once, in light, and a dark run (the slowest rule, colour contrast, included) needs only these.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def axe_violations(page: Page, *, colours_only: bool = False) -> list[dict]:
    """axe-core's violations on the page as it is now (every rule, or only COLOUR_RULES)."""
    options = {"resultTypes": ["violations"], **({"runOnly": COLOUR_RULES} if colours_only else {})}
    return AXE.run(page, options=options).response["violations"]


def blocking_violations(page: Page, *, colours_only: bool = False) -> list[dict]:
    """The serious and critical ones: what fails a test."""
    return [v for v in axe_violations(page, colours_only=colours_only) if v["impact"] in BLOCKING]


def describe_violations(violations: list[dict], nodes: int = 3) -> str:
    """An axe-core violation list as text a person can act on."""
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} [{len(violation['nodes'])} element(s)]")
        lines.append(f"    {violation['helpUrl']}")
        for node in violation["nodes"][:nodes]:
            lines.append(f"    target: {', '.join(map(str, node['target']))}")
            lines.append(f"      html: {' '.join(node['html'].split())[:200]}")
            summary = " ".join((node.get("failureSummary") or "").split())
            if summary:
                lines.append(f"      why:  {summary[:300]}")
    return "\n".join(lines)

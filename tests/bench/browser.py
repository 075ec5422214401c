"""What a learner's browser fetches from a built site, measured in Debian's Chromium.

    transfer(site, base_path, lesson, query) -> Transfer

A fresh phone-sized browser opens a lesson (the first visit: every response until the network is
quiet), then opens the search, types `query` and waits for results (the first query: every
response after the first visit). Each body is counted once, at its gzip size at level 1, as
tests/browser/test_transfer.py counts it: static hosts compress text, the test server does not.
The site is served under site_url's path, as on GitHub Pages. open_search() and type_query() are
the browser tests' own helpers, which follow the site's search whatever drives it.
"""

from __future__ import annotations

import gzip
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Error, Page, expect, sync_playwright

from macros.outputs.browser import CHROMIUM_ARGS, serve_folder
from tests.browser.helpers import CHROMIUM, PHONE, open_search, type_query

COMPRESSED_TYPES = ("text/", "javascript", "json", "xml", "svg")
QUIET = 1.0  # seconds without a new response: the page has fetched what it is going to
WAIT_MS = 60_000  # for results on a busy machine at 1,000 lessons (Material's lunr took 8 s): a measurement, not a test


@dataclass
class Fetched:
    sizes: dict[str, tuple[int, int]] = field(default_factory=dict)  # url -> (gzip bytes, body bytes)

    @property
    def gzip(self) -> int:
        return sum(sent for sent, _ in self.sizes.values())

    @property
    def raw(self) -> int:
        return sum(body for _, body in self.sizes.values())

    def largest(self, count: int = 5) -> list[tuple[str, int]]:
        return sorted(((url, sent) for url, (sent, _) in self.sizes.items()), key=lambda item: -item[1])[:count]


@dataclass
class Transfer:
    first_visit: Fetched
    first_query: Fetched
    results: int | None  # search results shown for the query; None when the search failed
    results_after: float | None  # seconds from typing the query to its results on screen
    problem: str = ""  # what the search said about its results, or why there are none


def counted(response) -> tuple[int, int]:
    """(bytes a compressing host sends, bytes of the body) for one response."""
    if 300 <= response.status < 400:
        return 0, 0  # a redirect has no body
    try:
        body = response.body()
    except Error:
        return 0, 0  # a request the page cancelled
    kind = response.headers.get("content-type", "")
    if response.headers.get("content-encoding") or not any(part in kind for part in COMPRESSED_TYPES):
        return len(body), len(body)
    return len(gzip.compress(body, compresslevel=1)), len(body)


def tally(responses: list, already: Fetched | None = None) -> Fetched:
    """Each URL once (a repeat comes from the cache), leaving out what `already` counted."""
    fetched = Fetched()
    for response in responses:
        url = response.url
        if url.startswith("data:") or url in fetched.sizes or (already and url in already.sizes):
            continue
        fetched.sizes[url] = counted(response)
    return fetched


def wait_until_quiet(page: Page, responses: list) -> None:
    count, since = len(responses), time.perf_counter()
    while time.perf_counter() - since < QUIET:
        page.wait_for_timeout(100)
        if len(responses) != count:
            count, since = len(responses), time.perf_counter()


def search(page: Page, query: str) -> tuple[int | None, float | None, str]:
    """Results shown for `query`, seconds until they were, and what the search said (or what went wrong)."""
    try:
        open_search(page)
        start = time.perf_counter()
        type_query(page, query)
        seconds = time.perf_counter() - start
    except (AssertionError, Error) as error:
        return None, None, "the search failed: " + str(error).strip().splitlines()[0][:200]
    results = page.locator(".md-search-result__item").count()
    said = " ".join(page.locator(".md-search-result__meta").all_inner_texts()).strip()  # "12 matching documents"
    return (
        results,
        seconds,
        (f"the search says: {said}" if said else "") if results else f'no results for "{query}" ({said or "nothing said"})',
    )


def transfer(site: Path, base_path: str, lesson: str, query: str) -> Transfer:
    expect.set_options(timeout=WAIT_MS)
    with tempfile.TemporaryDirectory(prefix="bench-web-") as web, sync_playwright() as playwright:
        mount = Path(web) / base_path.strip("/")
        mount.parent.mkdir(parents=True, exist_ok=True)
        mount.symlink_to(site, target_is_directory=True)  # served in place: no copy of a large site
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            with serve_folder(Path(web)) as root:
                context = browser.new_context(**PHONE)  # type: ignore[arg-type]  # the browser tests' phone
                page = context.new_page()
                page.form_factor = "phone"  # type: ignore[attr-defined]  # what the helpers read
                responses: list = []
                # On the context, not the page: a search worker's own requests belong to the worker.
                context.on("response", lambda response: responses.append(response))
                page.goto(root + base_path.lstrip("/") + lesson, wait_until="load")
                wait_until_quiet(page, responses)
                first_visit = tally(responses)
                seen = len(responses)
                results, seconds, problem = search(page, query)
                wait_until_quiet(page, responses)
                first_query = tally(responses[seen:], first_visit)
                context.close()
        finally:
            browser.close()
    return Transfer(first_visit, first_query, results, seconds, problem)

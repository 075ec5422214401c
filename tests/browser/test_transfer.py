"""The first visit to a lesson stays within its transfer budget, measured in Chromium.

Every response the fresh browser receives is counted once: the page, Material's bundle and
stylesheets, ours, the logo and favicon, the sitemap that instant navigation fetches, and whatever
search loads before a learner searches (its index should load only then). Static hosts (GitHub
Pages, Netlify, any nginx) send HTML, CSS, JavaScript, JSON, SVG and XML gzip-compressed; the test
server does not compress, so each body the browser received is counted at its gzip size, at level
1, the weakest a host uses (nginx's default), which makes the total an upper bound for a
compressing host. The uncompressed total is in the message too.

150 KB holds at 1,000 lessons too: the lesson's navigation lists only its own module
(overrides/partials/nav-item.html, tests/build/test_lean_nav.py), so only the sitemap grows, by
about 9 KB gzip.
"""

from __future__ import annotations

import gzip

import pytest

from macros.curriculum.load import load_curriculum
from tests.factory import ROOT

pytestmark = pytest.mark.browser

KB = 1000
BUDGET = 150 * KB
COMPRESSED_TYPES = ("text/", "javascript", "json", "xml", "svg")


def first_lesson() -> str:
    module = load_curriculum(ROOT).modules[0]
    return f"modules/{module.id}/{module.lessons[0].slug}/"


def transferred(response) -> tuple[int, int]:
    """(bytes a compressing host sends, bytes of the body) for one response."""
    if 300 <= response.status < 400:
        return 0, 0  # a redirect has no body
    body = response.body()
    kind = response.headers.get("content-type", "")
    if response.headers.get("content-encoding") or not any(part in kind for part in COMPRESSED_TYPES):
        return len(body), len(body)
    return len(gzip.compress(body, compresslevel=1)), len(body)


def test_first_visit_to_a_lesson_is_within_the_transfer_budget(page, site_url):
    responses = []
    # On the context, not the page: the search worker's own script request belongs to the worker.
    page.context.on("response", lambda response: responses.append(response))
    page.goto(site_url + first_lesson())
    # Settled: loaded, and the network quiet (Material fetches the sitemap after the load event).
    page.wait_for_load_state("networkidle")

    sizes: dict[str, tuple[int, int]] = {}
    for response in responses:
        url = response.url
        if url.startswith("data:") or url in sizes:
            continue  # inline images cost nothing; a repeat (sitemap.xml, thrice) is served from the cache
        sizes[url] = transferred(response)

    total = sum(sent for sent, _ in sizes.values())
    raw = sum(body for _, body in sizes.values())
    biggest = sorted(sizes.items(), key=lambda item: item[1][0], reverse=True)
    breakdown = "\n".join(
        f"  {sent / KB:7.1f} KB  ({body / KB:6.1f} KB uncompressed)  {url.removeprefix(site_url)}" for url, (sent, body) in biggest
    )
    summary = (
        f"first visit to {first_lesson()} ({page.form_factor}): {total / KB:.1f} KB gzip, "
        f"{raw / KB:.1f} KB uncompressed, {len(sizes)} responses\n"
        f"{breakdown}"
    )
    assert any(url.endswith("bundle.js") or "/bundle." in url for url in sizes), f"Material's bundle was not counted:\n{summary}"
    assert total <= BUDGET, f"over the {BUDGET / KB:.0f} KB budget: {summary}"

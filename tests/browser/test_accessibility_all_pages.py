"""axe-core on every page of the built site (desktop; every rule in light, the colour rules in
dark): zero serious or critical.

test_accessibility.py looks harder at the key pages (phone too, with answers opened); this checks
every other page, so that none is left out: every article, tag and archive page, every generated page.
"""

from __future__ import annotations

import pytest

from tests.factory import ROOT
from tests.html import curriculum_pages

from .helpers import KEY_PAGES, blocking_violations, describe_violations

pytestmark = pytest.mark.browser


def every_page(site) -> list[str]:
    """Each HTML page's address under the site root, as the browser asks for it ("" is the home page)."""
    paths = (page.relative_to(site).as_posix() for page in site.rglob("*.html"))
    return sorted(path.removesuffix("index.html") for path in paths)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_page_has_serious_or_critical_violations(browser, built_site, site_url, scheme):
    pages = every_page(built_site)
    assert len(pages) > curriculum_pages(ROOT), pages
    key_pages = {path for _, path in KEY_PAGES}  # test_accessibility.py's, when this is the sample
    pages = [path for path in pages if path not in key_pages]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    tab = context.new_page()
    found = []
    for path in pages:
        tab.goto(site_url + path, wait_until="load")
        blocking = blocking_violations(tab, colours_only=scheme == "dark")
        if blocking:
            found.append(f"{path}:\n{describe_violations(blocking)}")
    context.close()
    print(f"axe-core ({scheme}): {len(pages)} pages, {len(found)} with serious or critical violations")
    assert found == [], "\n".join(found)

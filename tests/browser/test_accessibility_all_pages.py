"""axe-core on every page of the built site (desktop, light and dark): zero serious or critical.

test_accessibility.py looks harder at the key pages (phone too, with answers opened); this makes
sure no page is left out: every article, tag and archive page, every generated page.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from .helpers import describe_violations

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}


def every_page(site) -> list[str]:
    return sorted(str(p.parent.relative_to(site)).replace(".", "") + "/" if p.name == "index.html" else str(p.relative_to(site)) for p in site.rglob("*.html"))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_page_has_serious_or_critical_violations(browser, built_site, site_url, scheme):
    pages = every_page(built_site)
    assert len(pages) > 50, pages
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    tab = context.new_page()
    axe = Axe()
    found = []
    for path in pages:
        tab.goto(site_url + path.lstrip("/"), wait_until="load")
        blocking = [v for v in axe.run(tab).response["violations"] if v["impact"] in BLOCKING]
        if blocking:
            found.append(f"{path}:\n{describe_violations(blocking)}")
    context.close()
    print(f"axe-core ({scheme}): {len(pages)} pages, {len(found)} with serious or critical violations")
    assert found == [], "\n".join(found)

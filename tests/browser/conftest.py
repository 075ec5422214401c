"""Browser fixtures: the built site served under a sub-path, and Debian's Chromium.

* `site_url`      – the `built_site` folder served on 127.0.0.1 under site_url's path, as on GitHub Pages.
* `browser`       – Debian's Chromium driven by Playwright (never skipped: a missing browser fails).
* `page`          – a fresh page on a phone-sized or a desktop window.
* `desktop_page`  – one desktop page.
"""

from __future__ import annotations

import pytest

from .helpers import DESKTOP, PHONE, served


@pytest.fixture(scope="session")
def site_url(built_site, tmp_path_factory):
    """The built site at http://127.0.0.1:<port>/<site_url's path>/ (a project sub-path, as on Pages)."""
    with served(built_site, tmp_path_factory.mktemp("web")) as url:
        yield url


@pytest.fixture(params=["phone", "desktop"])
def page(request, browser, site_url):
    """A fresh page on a phone-sized or a desktop window, recording every request it makes."""
    context = browser.new_context(**(PHONE if request.param == "phone" else DESKTOP))
    tab = context.new_page()
    tab.requests = []
    tab.on("request", lambda r: tab.requests.append(r.url))
    tab.form_factor = request.param
    yield tab
    context.close()


@pytest.fixture
def desktop_page(browser):
    """One desktop page, for what is the same on every screen (so it runs once)."""
    context = browser.new_context(**DESKTOP)
    yield context.new_page()
    context.close()

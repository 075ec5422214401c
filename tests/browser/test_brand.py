"""The organisation's brand as a visitor sees it, on this site and on a rebranded copy (the
`any_site` fixture), each served under its own site_url path: the name, the header's colour, the
logo and the favicon, and a 404 page that finds its styles from any depth."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from .helpers import content_h1, served

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def branded(any_site, tmp_path_factory):
    """(the site's URL, its brand), served as GitHub Pages would serve it."""
    with served(any_site.path, tmp_path_factory.mktemp("web"), any_site.brand.base_path) as url:
        yield url, any_site.brand


def header_colour_is(page, brand) -> None:
    expect(page.locator(".md-header")).to_have_css("background-color", brand.rgb(brand.primary))


def test_the_name_colours_logo_and_favicon_come_from_brand_yml(desktop_page, branded):
    url, brand = branded
    page = desktop_page
    page.goto(url)
    expect(content_h1(page)).to_have_text(brand.site_name)
    header_colour_is(page, brand)
    logo = page.locator(".md-header .md-logo img")
    expect(logo).to_have_attribute("src", re.compile(re.escape(brand.logo) + "$"))
    assert logo.evaluate("image => image.complete && image.naturalWidth > 0"), f"{brand.logo} did not load"
    favicon = page.locator('link[rel="icon"]').get_attribute("href")
    assert favicon and favicon.endswith(brand.favicon)
    assert page.request.get(urljoin(page.url, favicon)).ok, f"{brand.favicon} did not load"


def test_the_404_page_loads_its_styles_from_the_sites_path(desktop_page, branded):
    """404.html links from site_url's path (it is served at any depth): served there, it works."""
    url, brand = branded
    page = desktop_page
    failed = []
    page.on("response", lambda response: response.status >= 400 and failed.append(f"{response.status} {response.url}"))
    page.goto(url + "404.html")
    header_colour_is(page, brand)
    expect(page.locator(".md-header .md-logo img")).to_be_visible()
    assert failed == [], "requests that failed:\n" + "\n".join(failed)

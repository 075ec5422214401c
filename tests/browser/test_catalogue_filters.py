"""Catalogue filters: level, audience, length and topic, kept in the URL so a filtered list can be
shared; a live count; every module and no form without JavaScript; axe-core on a filtered list."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from macros.curriculum.load import load_curriculum
from macros.render.page_macros import duration_band
from tests.factory import ROOT

from .helpers import blocking_violations, describe_violations

pytestmark = pytest.mark.browser

CURRICULUM = "curriculum/"
MODULES = load_curriculum(ROOT).modules
TOTAL = len(MODULES)


def titles(*keep) -> list[str]:
    return [m.title for m in MODULES if all(test(m) for test in keep)]


def visible_cards(page) -> list[str]:
    return page.locator(".course-card:visible .course-card__title").all_inner_texts()


@pytest.mark.curriculum
def test_filters_show_in_the_url_and_the_url_restores_them(page, site_url):
    page.goto(site_url + CURRICULUM)
    count = page.locator(".course-filters__count")
    expect(page.locator(".course-filters")).to_be_visible()
    expect(count).to_have_text(f"Showing {TOTAL} of {TOTAL} modules.")
    expect(count).to_have_attribute("role", "status")

    page.get_by_label("Level").select_option("introductory")
    expected = titles(lambda m: m.level == "introductory")
    expect(count).to_have_text(f"Showing {len(expected)} of {TOTAL} modules.")
    assert visible_cards(page) == expected
    expect(page).to_have_url(re.compile(r"\?level=introductory$"))

    page.get_by_label("Topic").select_option(label="Questioning")
    expected = titles(lambda m: m.level == "introductory", lambda m: "questioning" in m.tags)
    expect(count).to_have_text(f"Showing {len(expected)} of {TOTAL} modules.")
    assert visible_cards(page) == expected
    shared = page.url
    assert parse_qs(urlsplit(shared).query) == {"level": ["introductory"], "tag": ["questioning"]}

    other = page.context.new_page()  # the shared link, opened afresh
    other.goto(shared)
    expect(other.get_by_label("Level")).to_have_value("introductory")
    expect(other.get_by_label("Topic")).to_have_value("questioning")
    expect(other.get_by_label("Who it is for")).to_have_value("")
    expect(other.locator(".course-filters__count")).to_have_text(f"Showing {len(expected)} of {TOTAL} modules.")
    assert visible_cards(other) == expected
    other.close()


@pytest.mark.curriculum
def test_audience_and_length_and_clearing(page, site_url):
    page.goto(site_url + CURRICULUM)
    count = page.locator(".course-filters__count")
    page.get_by_label("Who it is for").select_option("Managers")
    expected = titles(lambda m: "Managers" in m.audience)
    assert expected and len(expected) < TOTAL
    expect(count).to_have_text(f"Showing {len(expected)} of {TOTAL} modules.")
    assert visible_cards(page) == expected
    expect(page).to_have_url(re.compile(r"\?audience=Managers$"))

    page.get_by_label("Who it is for").select_option("")
    page.get_by_label("Length").select_option("2-to-4h")
    expected = titles(lambda m: duration_band(m.duration) == "2-to-4h")
    assert visible_cards(page) == expected
    page.get_by_label("Who it is for").select_option("Managers")
    expected = titles(lambda m: duration_band(m.duration) == "2-to-4h", lambda m: "Managers" in m.audience)
    assert expected == [], "pick two filters no module matches together"
    expect(count).to_have_text(f"Showing 0 of {TOTAL} modules. None matches all of these: try clearing a filter.")

    page.get_by_role("button", name="Clear filters").click()
    expect(count).to_have_text(f"Showing {TOTAL} of {TOTAL} modules.")
    assert visible_cards(page) == titles()
    assert urlsplit(page.url).query == ""


@pytest.mark.curriculum
def test_unknown_values_in_the_url_are_ignored(page, site_url):
    page.goto(site_url + CURRICULUM + "?level=expert&tag=questioning&colour=blue")
    expect(page.get_by_label("Level")).to_have_value("")
    expect(page.get_by_label("Topic")).to_have_value("questioning")
    assert visible_cards(page) == titles(lambda m: "questioning" in m.tags)


@pytest.mark.curriculum
def test_the_home_page_catalogue_filters_too(page, site_url):
    page.goto(site_url + "?duration=over-4h")
    expect(page.get_by_label("Length")).to_have_value("over-4h")
    assert visible_cards(page) == titles(lambda m: duration_band(m.duration) == "over-4h")


def test_without_javascript_every_module_shows_and_the_form_is_hidden(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + CURRICULUM + "?level=intermediate")
    expect(page.locator(".course-filters")).to_be_hidden()
    assert visible_cards(page) == titles()
    expect(page.locator(".course-card__audience").first).to_have_text(f"For: {', '.join(MODULES[0].audience)}")
    context.close()


@pytest.mark.curriculum
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_axe_violations_on_a_filtered_catalogue(page, site_url, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + CURRICULUM)
    page.get_by_label("Topic").select_option("listening")
    expect(page.locator(".course-filters__count")).to_contain_text("Showing")
    page.get_by_label("Topic").focus()
    blocking = blocking_violations(page, colours_only=scheme == "dark")
    assert blocking == [], describe_violations(blocking)

"""Accessibility: axe-core on the key pages (phone and desktop, light and dark), and the knowledge
check used with the keyboard alone.

Serious and critical axe violations fail the test. Moderate and minor ones are reported as
`AccessibilityWarning`s in pytest's warnings summary, so they stay visible without failing.
"""

from __future__ import annotations

import warnings

import pytest
from playwright.sync_api import expect

from .helpers import BLOCKING, KEY_PAGES, LESSON, MODULE, axe_violations, content_h1, describe_violations

pytestmark = [pytest.mark.browser, pytest.mark.curriculum]  # on this repository's sample modules

SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material's data-md-color-scheme


class AccessibilityWarning(UserWarning):
    """A moderate or minor axe-core violation."""


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("name, path", KEY_PAGES, ids=[name.replace(" ", "-") for name, _ in KEY_PAGES])
def test_no_serious_or_critical_axe_violations(page, site_url, name, path, scheme):
    # The palette follows prefers-color-scheme until a visitor picks one, and this context is fresh.
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + path)
    expect(content_h1(page)).to_be_visible()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[scheme])
    # Knowledge-check answers are closed on load; open them so their text is checked too.
    opened = page.locator("details.course-check__answer").evaluate_all("all => all.map(d => d.open = true).length")
    if path == LESSON:
        assert opened > 0, "the lesson has no knowledge-check answers to check"

    # The dark palette recolours the same markup: only the colour rules can find anything new there.
    violations = axe_violations(page, colours_only=scheme == "dark")

    minor = [v for v in violations if v["impact"] not in BLOCKING]
    if minor:
        found = "; ".join(f"{v['id']} ({v['impact']}) at {', '.join(str(n['target']) for n in v['nodes'][:3])}" for v in minor)
        warnings.warn(AccessibilityWarning(f"{name} ({page.form_factor}, {scheme}): {found}"), stacklevel=2)
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert blocking == [], (
        f"axe-core found {len(blocking)} serious/critical violation(s) on {name} ({page.url}, {page.form_factor}, {scheme}):\n"
        + describe_violations(blocking)
    )


def _looks_different_when_focused(page, locator) -> bool:
    """Whether the focused element looks different from the same element unfocused: a focus indicator.

    Compares screenshots of the element plus a margin (outlines are often drawn outside the box),
    then puts the focus back.
    """
    box = locator.bounding_box()
    clip = {"x": max(box["x"] - 8, 0), "y": max(box["y"] - 8, 0), "width": box["width"] + 16, "height": box["height"] + 16}
    focused = page.screenshot(clip=clip, animations="disabled", caret="hide")
    page.evaluate("() => document.activeElement.blur()")
    unfocused = page.screenshot(clip=clip, animations="disabled", caret="hide")
    locator.focus()
    return focused != unfocused


def _tab_into_first_question(page, site_url):
    """Open the lesson and Tab into its knowledge check from just before it, as a keyboard user would."""
    page.goto(site_url + LESSON)
    question = page.locator(".course-check__question").first
    radios = question.locator("input[type=radio]")
    expect(radios).not_to_have_count(0)
    # A click on the check's introduction (not focusable) sets where the next Tab starts from.
    page.locator(".course-check__intro").click()
    page.keyboard.press("Tab")
    expect(radios.first).to_be_focused()
    return question, radios


def test_knowledge_check_works_with_the_keyboard(page, site_url):
    question, radios = _tab_into_first_question(page, site_url)
    answer = question.locator("details.course-check__answer")
    expect(answer).not_to_have_attribute("open", "")
    expect(radios.first).not_to_be_checked()

    page.keyboard.press("ArrowDown")
    expect(radios.nth(1)).to_be_focused()
    expect(radios.nth(1)).to_be_checked()
    expect(radios.first).not_to_be_checked()

    page.keyboard.press("Tab")  # out of the radio group, to "Check answer" (added by course.js)
    expect(question.get_by_role("button", name="Check answer")).to_be_focused()
    page.keyboard.press("Tab")  # then the answer's summary
    summary = answer.locator("summary")
    expect(summary).to_be_focused()
    expect(summary).to_have_text("Show the answer")

    page.keyboard.press("Enter")
    expect(answer).to_have_attribute("open", "")
    expect(answer.locator(".course-check__right")).to_be_visible()
    expect(radios.nth(1)).to_be_checked()  # opening the answer keeps the reader's choice

    page.keyboard.press("Enter")
    expect(answer).not_to_have_attribute("open", "")


def test_knowledge_check_shows_where_the_keyboard_focus_is(page, site_url):
    """WCAG 2.4.7: a focused answer option, "Check answer" and "Show the answer" must look focused."""
    question, radios = _tab_into_first_question(page, site_url)
    invisible = []
    if not _looks_different_when_focused(page, radios.first):
        invisible.append(f"radio #{radios.first.get_attribute('id')} (answer option)")
    page.keyboard.press("Tab")
    button = question.get_by_role("button", name="Check answer")
    expect(button).to_be_focused()
    if not _looks_different_when_focused(page, button):
        invisible.append("'Check answer' button")
    page.keyboard.press("Tab")
    summary = question.locator("details.course-check__answer summary")
    expect(summary).to_be_focused()
    if not _looks_different_when_focused(page, summary):
        invisible.append("'Show the answer' summary")
    assert invisible == [], f"no visible focus indicator on {page.url} for: " + "; ".join(invisible)


@pytest.mark.parametrize("path", [MODULE + "workbook/", MODULE + "facilitator/"])
def test_tables_that_scroll_sideways_are_regions_each_with_its_own_name(desktop_page, site_url, path):
    """A keyboard user can scroll a wide table (it takes the focus), and a screen reader's list of
    regions tells a page's tables apart (axe: landmark-unique)."""
    desktop_page.goto(site_url + path)
    regions = desktop_page.locator(".md-typeset__scrollwrap")
    expect(regions.first).to_have_attribute("role", "region")
    names = regions.evaluate_all("all => all.map(r => [r.getAttribute('aria-label'), r.tabIndex])")
    assert len(names) > 1, names
    assert all(
        label.startswith(f"Table {n}: ") and label.endswith(" (scrolls sideways)") and "¶" not in label and tab == 0
        for n, (label, tab) in enumerate(names, 1)
    ), names
    assert len({label for label, _ in names}) == len(names), names
    assert "landmark-unique" not in [v["id"] for v in axe_violations(desktop_page)]

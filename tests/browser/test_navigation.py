"""Getting around the course: home -> module -> every lesson in turn, on a phone and a desktop."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.brand import REPOSITORY

from .helpers import KEY_PAGES, MODULE, content_h1, offsite_requests

pytestmark = [pytest.mark.browser, pytest.mark.curriculum]  # on this repository's sample modules


def lesson_position(page):
    return page.locator(".course-lesson-header .course-meta")


def test_home_to_module_to_every_lesson_through_the_pager(page, site_url):
    visited = []

    page.goto(site_url)
    visited.append(page.url)
    expect(content_h1(page)).to_have_text(REPOSITORY.site_name)

    # The catalogue card opens the module overview.
    card = page.locator(".course-catalogue .course-card").filter(has_text="Questioning skills")
    expect(card).to_have_count(1)
    card.locator(".course-card__title a").click()
    expect(page).to_have_url(site_url + MODULE)
    visited.append(page.url)
    expect(content_h1(page)).to_have_text("Questioning skills")

    # The overview's lesson list names every lesson, in order.
    links = page.locator(".course-lessons__list a")
    titles = [" ".join(text.split()) for text in links.all_inner_texts()]
    hrefs = links.evaluate_all("links => links.map(link => link.href)")
    total = len(titles)
    assert total == 5, f"the module overview lists {total} lessons: {titles}"
    lessons_fact = page.locator(".course-facts div").filter(has=page.locator("dt", has_text="Lessons")).locator("dd")
    expect(lessons_fact).to_have_text(str(total))
    assert all(href.startswith(site_url + MODULE) for href in hrefs), hrefs

    links.first.click()
    for number, (title, href) in enumerate(zip(titles, hrefs, strict=False), start=1):
        expect(page).to_have_url(href)
        visited.append(page.url)
        expect(content_h1(page)).to_have_text(title)
        expect(lesson_position(page)).to_contain_text(f"Lesson {number} of {total}")
        pager = page.locator("nav.course-pager")
        expect(pager).to_be_visible()
        if number > 1:
            expect(pager.locator("a[rel=prev]")).to_contain_text(titles[number - 2])
        else:
            expect(pager.locator("a[rel=prev]")).to_have_count(0)
        following = pager.locator("a[rel=next]")
        if number < total:
            expect(following).to_contain_text("Next lesson")
            expect(following).to_contain_text(titles[number])
            following.click()
        else:
            expect(following).to_contain_text("Capstone activity")
            following.click()

    # The last lesson leads on to the capstone, which ends the module.
    expect(page).to_have_url(site_url + MODULE + "capstone/")
    visited.append(page.url)
    capstone = content_h1(page).inner_text().strip()
    expect(lesson_position(page)).to_contain_text("Capstone activity")
    pager = page.locator("nav.course-pager")
    expect(pager.locator("a[rel=prev]")).to_contain_text(titles[-1])
    expect(pager.locator("a[rel=next]")).to_have_count(0)
    expect(pager).to_contain_text("Module complete")

    assert len(visited) == 3 + total
    outside = [url for url in visited if not url.startswith(site_url)]
    assert outside == [], f"pages outside {site_url}: {outside}"
    offsite = offsite_requests(page.requests, site_url)
    assert offsite == [], "requests that left the site:\n" + "\n".join(offsite)

    # The module's lessons are in the site navigation too: the drawer on a phone, the sidebar on a desktop.
    if page.form_factor == "phone":
        expect(page.locator(".md-sidebar--primary")).not_to_be_in_viewport()
        page.locator("label.md-header__button[for=__drawer]").click()
        expect(page.locator("#__drawer")).to_be_checked()
    nav = page.locator("nav.md-nav--primary")
    for title in titles:
        expect(nav.get_by_role("link", name=title, exact=True)).to_be_in_viewport()
    # The current page, the capstone, is marked active (on a phone it toggles the page's table of contents).
    expect(nav.locator(".md-nav__link--active:visible").filter(has_text=capstone)).to_be_in_viewport()

    nav.get_by_role("link", name=titles[0], exact=True).click()
    expect(page).to_have_url(hrefs[0])
    expect(content_h1(page)).to_have_text(titles[0])
    expect(lesson_position(page)).to_contain_text(f"Lesson 1 of {total}")
    if page.form_factor == "phone":
        expect(page.locator("#__drawer")).not_to_be_checked()

    offsite = offsite_requests(page.requests, site_url)
    assert offsite == [], "requests that left the site:\n" + "\n".join(offsite)


def test_key_pages_load_everything_from_the_site_itself(page, site_url):
    """Every request of every key page stays on 127.0.0.1 under the site's path and succeeds."""
    failed = []
    page.on("response", lambda response: response.status >= 400 and failed.append(f"{response.status} {response.url}"))
    # ERR_ABORTED is the browser dropping a request of the page it is leaving (the search worker, say).
    page.on("requestfailed", lambda request: request.failure != "net::ERR_ABORTED" and failed.append(f"{request.failure} {request.url}"))
    for _, path in [*KEY_PAGES, ("curriculum", "curriculum/"), ("second article", "blog/missing-the-real-training-need/")]:
        page.goto(site_url + path)
        expect(content_h1(page)).to_be_visible()
    offsite = offsite_requests(page.requests, site_url)
    assert offsite == [], "requests that left the site:\n" + "\n".join(offsite)
    assert failed == [], "requests that failed:\n" + "\n".join(failed)


def test_every_link_on_the_key_pages_leads_to_a_page_of_the_site(page, site_url):
    """Links as the browser resolves them (header, sidebars, footer, content) stay in the site and exist."""
    broken = []
    checked: set[str] = set()
    for name, path in KEY_PAGES:
        page.goto(site_url + path)
        hrefs = page.locator("a[href]").evaluate_all("links => links.map(link => link.href)")
        for href in sorted(set(hrefs)):
            url = href.split("#")[0]
            if not url.startswith("http://127.0.0.1") or url in checked:
                continue  # mailto: links, and the site's only external hosts are checked by the build tests
            checked.add(url)
            if not url.startswith(site_url):
                broken.append(f"{name}: {href} is outside {site_url}")
                continue
            status = page.request.get(url).status
            if status >= 400:
                broken.append(f"{name}: {href} -> {status}")
    assert len(checked) >= 15, f"only {len(checked)} links found: {sorted(checked)}"
    assert broken == [], "broken links:\n" + "\n".join(broken)

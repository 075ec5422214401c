"""After the course, in Chromium (docs/assets/javascripts/after.js): the action plan made, saved,
printed and downloaded as Markdown and as calendar reminders, which a real iCalendar library
(icalendar) parses with the right dates; and confidence rated before and after on the overview,
with the change in a table. The site is the minimal course with behaviours at work, one hostile
(tests/action_plan_sample.py); the clock is fixed, so "today" is known.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.action_plan_sample import HOSTILE, MODULE, OBJECTIVES, TITLE, plan_project

from .helpers import DESKTOP, PHONE, blocking_violations, describe_violations, served

pytestmark = pytest.mark.browser

BASE = "/plan-course/"
PLAN = f"modules/{MODULE}/action-plan/"
OVERVIEW = f"modules/{MODULE}/"
CHOSEN = [f"{OBJECTIVES[0]}-1", f"{OBJECTIVES[1]}-1"]  # the hostile behaviour, and a plain one
ONE_LINE = " ".join(HOSTILE.split())  # as a label shows it: white space is one space
NOW = datetime(2026, 12, 31, 10, 0, tzinfo=UTC)  # the clock in every test: New Year's Eve, 10:00 in London
WHEN, WHERE, OBSERVER = "On my Tuesday late shift, after 10; before lunch", "At the front desk", "Sam Ng (team lead), or Zoë"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("after-course")
    project = plan_project(root / "project")
    result = project.build(root / "site")
    assert result.returncode == 0, f"the strict build failed:\n{result.stdout}\n{result.stderr}"
    with served(root / "site", root / "web", BASE) as url:
        yield url


def at(browser, day: datetime, form: dict = DESKTOP):
    """A page in a fresh browser whose clock stands still at `day` (London time)."""
    context = browser.new_context(**form, timezone_id="Europe/London", accept_downloads=True)
    page = context.new_page()
    page.clock.set_fixed_time(day)
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    return context, page


@pytest.fixture
def new_year_eve(browser):
    context, page = at(browser, NOW)
    yield page
    context.close()


def stored(page, name: str):
    return page.evaluate(f"() => JSON.parse(localStorage.getItem('{BASE}.course.{name}'))")


def listen(page, event: str) -> None:
    """Keep each `event`'s detail in window.heard, as the SCORM bridge would receive it."""
    page.evaluate("name => { window.heard = []; document.addEventListener(name, e => window.heard.push(e.detail)); }", event)


def fill_plan(page, start: str | None = None) -> None:
    for value in CHOSEN:
        page.locator(f'input[name="behaviour"][value="{value}"]').check()
    page.get_by_label("When I will practise").fill(WHEN)
    page.get_by_label("Where").fill(WHERE)
    page.get_by_label("Who will observe me").fill(OBSERVER)
    if start:
        page.get_by_label("I start on").fill(start)


def download(page, button: str):
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    return info.value


def calendar_of(raw: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(raw)


def check_lines(raw: bytes) -> list[bytes]:
    """RFC 5545 3.1: CRLF line ends, no line over 75 octets, folds never inside a character."""
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    lines = raw.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")  # raises if a fold split a character
    return lines


@pytest.mark.parametrize(
    "start, expected",
    [
        (None, ["2027-01-02", "2027-01-07", "2027-01-21", "2027-02-28"]),  # 31 December: the 2-month date is February's last
        ("2027-12-31", ["2028-01-02", "2028-01-07", "2028-01-21", "2028-02-29"]),  # a leap year
        ("2027-03-15", ["2027-03-17", "2027-03-22", "2027-04-05", "2027-05-15"]),
    ],
)
def test_the_calendar_reminders_parse_with_the_right_dates(new_year_eve, site_url, start, expected):
    page = new_year_eve
    page.goto(site_url + PLAN)
    expect(page.get_by_role("button", name="Download calendar reminders (.ics)")).to_be_visible()
    expect(page.get_by_label("I start on")).to_have_value("2026-12-31")  # today, by default
    fill_plan(page, start)
    days = page.locator(".course-plan__date")
    expect(days.last).to_contain_text(str(date.fromisoformat(expected[-1]).day))  # the page shows them too

    file = download(page, "Download calendar reminders (.ics)")
    assert file.suggested_filename == f"{MODULE}-action-plan.ics"
    raw = file.path().read_bytes()
    lines = check_lines(raw)
    calendar = calendar_of(raw)
    assert (str(calendar["VERSION"]), str(calendar["CALSCALE"]), str(calendar["METHOD"])) == ("2.0", "GREGORIAN", "PUBLISH")
    assert str(calendar["PRODID"])
    events = calendar.walk("VEVENT")
    assert [event.decoded("DTSTART") for event in events] == [date.fromisoformat(day) for day in expected]
    assert all(type(event.decoded("DTSTART")) is date for event in events), "all-day events: dates, not times"
    assert [event.decoded("DTEND") - event.decoded("DTSTART") for event in events] == [timedelta(days=1)] * 4
    assert b"DTSTART;VALUE=DATE:" + expected[0].replace("-", "").encode() in lines
    assert [event.decoded("DTSTAMP") for event in events] == [NOW] * 4
    uids = [str(event["UID"]) for event in events]
    assert len(set(uids)) == 4
    assert [str(event["SUMMARY"]) for event in events] == [
        f"Check in on your action plan ({label}): {TITLE}" for label in ("2 days", "1 week", "3 weeks", "2 months")
    ]
    practice = f"{site_url}practice/?module={MODULE}"
    for event in events:
        assert str(event["URL"]) == practice
        description = str(event["DESCRIPTION"])
        assert description.split("\n")[:6] == [
            "You chose to practise:",
            f"- {ONE_LINE}",
            "- Takes a bearing from the map for each leg before walking it.",
            f"When: {WHEN}",
            f"Where: {WHERE}",
            f"Who observes you: {OBSERVER}",
        ]
        assert description.endswith(f"Practise this module's questions: {practice}")
        (alarm,) = event.walk("VALARM")
        assert (str(alarm["ACTION"]), alarm.decoded("TRIGGER")) == ("DISPLAY", timedelta(hours=9))

    # As written: TEXT escaped, long lines folded (the hostile behaviour's Japanese among them).
    unfolded = raw.replace(b"\r\n ", b"").decode("utf-8")
    assert '\\, a gate\\; or a "bend" \\\\ then checks <script>' in unfolded
    assert "\\n- Takes a bearing" in unfolded
    assert sum(line.startswith(b" ") for line in lines) > 4

    # The same plan again: the same events (UIDs), which a calendar updates rather than repeats.
    again = calendar_of(download(page, "Download calendar reminders (.ics)").path().read_bytes())
    assert [str(event["UID"]) for event in again.walk("VEVENT")] == uids
    assert page.errors == []


def test_the_plan_downloads_as_markdown(new_year_eve, site_url):
    page = new_year_eve
    page.goto(site_url + PLAN)
    fill_plan(page)
    file = download(page, "Download as text")
    assert file.suggested_filename == f"{MODULE}-action-plan.md"
    text = file.path().read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[0] == f"# Action plan: {TITLE}"
    assert re.fullmatch(r"Made on .*2026\. I start on .*2026\.", lines[2])
    assert "## What I will practise\n\n" + f"- [ ] {ONE_LINE}\n- [ ] Takes a bearing from the map for each leg before walking it.\n" in text
    assert f"- When: {WHEN}\n- Where: {WHERE}\n- Who will observe me: {OBSERVER}\n" in text
    dated = re.findall(r"^- .* \((\d{4}-\d\d-\d\d)\): (.*)$", text, flags=re.MULTILINE)
    assert dated == [
        ("2027-01-02", "2 days after I start"),
        ("2027-01-07", "1 week after I start"),
        ("2027-01-21", "3 weeks after I start"),
        ("2027-02-28", "2 months after I start"),
    ]
    assert text.endswith(f"Practise this module's questions: <{site_url}practice/?module={MODULE}>\n")
    assert page.errors == []


def test_one_to_three_behaviours_and_the_plan_is_kept(new_year_eve, site_url):
    page = new_year_eve
    page.goto(site_url + PLAN)
    status = page.locator(".course-plan__status")
    page.get_by_role("button", name="Save my plan").click()
    expect(status).to_have_text("Choose at least one thing to practise first (up to 3).")
    expect(page.locator('input[name="behaviour"]').first).to_be_focused()
    assert stored(page, "plans") is None

    boxes = page.locator('input[name="behaviour"]')
    for index in range(3):
        boxes.nth(index).check()
    count = page.locator(".course-plan__count")
    expect(count).to_have_text("3 of 3 chosen.")
    boxes.nth(3).click()  # a fourth: refused, and said why
    expect(boxes.nth(3)).not_to_be_checked()
    expect(count).to_have_text("You have chosen 3 already, the most for one plan. Untick one to choose this instead.")
    boxes.nth(1).uncheck()
    boxes.nth(2).uncheck()
    expect(count).to_have_text("1 of 3 chosen.")
    fill_plan(page, "2027-01-04")

    listen(page, "course:action-plan")
    page.get_by_role("button", name="Save my plan").click()
    expect(status).to_have_text("Your plan is saved in this browser.")
    assert page.evaluate("() => window.heard") == [
        {
            "module": MODULE,
            "behaviours": [ONE_LINE, "Takes a bearing from the map for each leg before walking it."],
            "when": WHEN,
            "where": WHERE,
            "observer": OBSERVER,
        }
    ]
    plan = stored(page, "plans")[MODULE]
    assert (plan["behaviours"], plan["start"], plan["made"], plan["when"]) == (CHOSEN, "2027-01-04", "2026-12-31", WHEN)

    page.reload()
    for value in CHOSEN:
        expect(page.locator(f'input[name="behaviour"][value="{value}"]')).to_be_checked()
    expect(boxes.nth(1)).not_to_be_checked()
    expect(page.get_by_label("Who will observe me")).to_have_value(OBSERVER)
    expect(page.get_by_label("I start on")).to_have_value("2027-01-04")
    assert page.errors == []


def test_the_printed_plan_is_one_clean_page(new_year_eve, site_url, tmp_path):
    page = new_year_eve
    page.goto(site_url + PLAN)
    fill_plan(page)
    page.emulate_media(media="print")
    expect(page.locator(".course-plan__actions")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    shown = page.locator(".course-plan__choice:visible")
    expect(shown).to_have_count(2)  # the chosen ones only
    expect(page.locator(".course-plan__date").last).to_be_visible()
    page.pdf(path=tmp_path / "plan.pdf", format="A4")
    assert len(PdfReader(tmp_path / "plan.pdf").pages) == 1


def test_without_javascript_the_plan_is_to_fill_in_on_paper(browser, site_url, tmp_path):
    context = browser.new_context(**DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PLAN)
    expect(page.locator(".course-plan__paper")).to_have_text("On paper: tick your choices and write on the lines.")
    expect(page.locator(".course-plan__actions")).to_be_hidden()
    expect(page.locator('input[name="behaviour"]')).to_have_count(4)
    page.emulate_media(media="print")
    page.pdf(path=tmp_path / "blank.pdf", format="A4")
    assert len(PdfReader(tmp_path / "blank.pdf").pages) == 1
    context.close()


def ratings_table(page) -> list[list[str]]:
    return page.locator(".course-confidence__table tbody tr").evaluate_all(
        "rows => rows.map(row => [...row.children].map(cell => cell.textContent.trim()))"
    )


def rate(page, ratings: dict[str, int]) -> None:
    box = page.locator(".course-confidence")
    for objective, rating in ratings.items():
        box.locator(f'fieldset[data-objective="{objective}"]').get_by_role("radio", name=re.compile(rf"^{rating} ")).check()
    box.get_by_role("button", name="Save my ratings").click()


def mark_complete(page, url: str) -> None:
    page.goto(url)
    page.get_by_role("button", name=re.compile(r"^Mark this (lesson|activity) as complete$")).click()
    expect(page.locator(".course-complete__status")).to_contain_text("You've completed this")


def test_confidence_before_and_after_and_the_change(new_year_eve, site_url):
    page = new_year_eve
    page.goto(site_url + OVERVIEW)
    box = page.locator(".course-confidence")
    status = box.locator(".course-confidence__status")
    table = box.locator("table")
    expect(box.locator('[data-stage="before"]')).to_be_visible()
    expect(table).to_be_hidden()  # nothing rated yet
    box.get_by_role("button", name="Save my ratings").click()
    expect(status).to_have_text("Choose a rating for at least one objective, then save.")

    # A lesson done before any rating: the learner may still say how it was before.
    mark_complete(page, site_url + f"modules/{MODULE}/legs/")
    page.goto(site_url + OVERVIEW)
    expect(box.locator('[data-stage="late"]')).to_be_visible()
    listen(page, "course:confidence")
    rate(page, {OBJECTIVES[0]: 2, OBJECTIVES[1]: 3})
    expect(status).to_have_text("Saved: your ratings from before you started. They are in the table below.")
    expect(box.locator(".course-confidence__form")).to_be_hidden()  # given, and the module begun: asked no more
    expect(status).to_be_focused()  # where the button was
    expect(table).to_be_visible()
    expect(table.locator("caption")).to_have_text("Your confidence in each objective, from 1 (not at all confident) to 5 (very confident)")
    assert ratings_table(page) == [
        ["Split a route into short legs between features you can find.", "2", "Not rated", "Not known yet"],
        ["Take a bearing from the map for each leg.", "3", "Not rated", "Not known yet"],
    ]
    assert page.evaluate("() => window.heard") == [
        {"module": MODULE, "objective": OBJECTIVES[0], "stage": "before", "rating": 2},
        {"module": MODULE, "objective": OBJECTIVES[1], "stage": "before", "rating": 3},
    ]

    # The capstone invites a second rating; once it is done, the overview asks for it.
    mark_complete(page, site_url + f"modules/{MODULE}/capstone/")
    expect(page.locator(".course-plan-invite")).to_contain_text("Rate your confidence again")
    page.locator(".course-plan-invite").get_by_role("link", name="the module's overview").click()
    expect(box.locator('[data-stage="after"]')).to_be_visible()
    expect(box.locator("input:checked")).to_have_count(0)
    listen(page, "course:confidence")
    rate(page, {OBJECTIVES[0]: 4, OBJECTIVES[1]: 3})
    expect(status).to_have_text("Saved: your ratings now you have finished. They are in the table below.")
    assert ratings_table(page) == [
        ["Split a route into short legs between features you can find.", "2", "4", "Up 2"],
        ["Take a bearing from the map for each leg.", "3", "3", "No change"],
    ]
    assert [detail["rating"] for detail in page.evaluate("() => window.heard")] == [4, 3]
    assert stored(page, "confidence") == {
        MODULE: {
            "before": {"ratings": {OBJECTIVES[0]: 2, OBJECTIVES[1]: 3}, "date": "2026-12-31"},
            "after": {"ratings": {OBJECTIVES[0]: 4, OBJECTIVES[1]: 3}, "date": "2026-12-31"},
        }
    }
    # Saved again unchanged: nothing new to record.
    listen(page, "course:confidence")
    box.get_by_role("button", name="Save my ratings").click()
    expect(status).to_contain_text("Saved")
    assert page.evaluate("() => window.heard") == []
    assert page.errors == []


@pytest.mark.parametrize("form", ["phone", "desktop"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_axe_violations_at_rest_and_after_use(browser, site_url, form, scheme):
    context, page = at(browser, NOW, PHONE if form == "phone" else DESKTOP)
    page.emulate_media(color_scheme=scheme)
    colours_only = scheme == "dark"

    def check(where: str) -> None:
        blocking = blocking_violations(page, colours_only=colours_only)
        assert blocking == [], f"{where} ({form}, {scheme}):\n" + describe_violations(blocking)

    page.goto(site_url + PLAN)
    expect(page.get_by_role("button", name="Save my plan")).to_be_visible()
    check("action plan at rest")
    fill_plan(page)
    page.locator('input[name="behaviour"]').nth(2).check()
    page.locator('input[name="behaviour"]').nth(3).click()  # refused: the count says why
    page.get_by_role("button", name="Save my plan").click()
    expect(page.locator(".course-plan__status")).to_have_text("Your plan is saved in this browser.")
    check("action plan after use")

    page.goto(site_url + OVERVIEW)
    expect(page.locator(".course-confidence")).to_be_visible()
    check("overview at rest")
    page.evaluate(
        "([key, value]) => localStorage.setItem(key, value)",
        [f"{BASE}.course.progress", json.dumps({"done": [f"{MODULE}/capstone"], "last": None})],
    )
    page.evaluate(
        "([key, value]) => localStorage.setItem(key, value)",
        [f"{BASE}.course.confidence", json.dumps({MODULE: {"before": {OBJECTIVES[0]: 1, "date": "2026-12-01"}}})],
    )
    page.reload()
    rate(page, {OBJECTIVES[0]: 5, OBJECTIVES[1]: 2})
    expect(page.locator(".course-confidence__table")).to_be_visible()
    check("overview with the change table")
    assert page.errors == []
    context.close()

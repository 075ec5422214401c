"""Printing: a workbook and a manager's checklist on paper (print emulation) and the PDFs `course pdf` makes with Chromium."""

from __future__ import annotations

import re
import unicodedata

import pytest
from pypdf import PdfReader

from macros.curriculum.blocks import FACILITATOR, find_blocks
from macros.curriculum.load import load_curriculum
from macros.outputs.pdf import print_pdfs
from tests.factory import ROOT

from .helpers import CHROMIUM

pytestmark = [pytest.mark.browser, pytest.mark.curriculum]  # on this repository's sample modules

WORKBOOK = "modules/questioning-skills/workbook/"


def test_a_printed_workbook_has_no_navigation_and_room_to_write_after_each_exercise(desktop_page, site_url):
    page = desktop_page
    page.goto(site_url + WORKBOOK)
    write_boxes = page.locator(".course-write")
    assert write_boxes.count() >= 5
    assert not write_boxes.first.is_visible(), "the writing space shows on screen"
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        assert not page.locator(chrome).first.is_visible(), f"{chrome} is printed"
    heights = write_boxes.evaluate_all("boxes => boxes.map(box => box.getBoundingClientRect().height)")
    assert min(heights) > 150, heights  # about 6.5 cm of lines
    # Every lesson after the cover starts on a new sheet; exercises are not split across sheets.
    breaks = page.locator("h2.course-workbook__lesson").evaluate_all("hs => hs.map(h => getComputedStyle(h).breakBefore)")
    assert breaks and set(breaks) == {"page"}
    assert page.locator(".admonition.exercise").first.evaluate("e => getComputedStyle(e).breakInside") == "avoid"
    assert page.locator(".course-workbook__owner").is_visible()


def test_a_printed_managers_checklist_starts_a_sheet_with_room_to_write_and_rows_kept_whole(desktop_page, site_url):
    page = desktop_page
    page.goto(site_url + "modules/questioning-skills/manager/")
    page.emulate_media(media="print")
    assert page.locator("h2#observation-checklist").evaluate("h => getComputedStyle(h).breakBefore") == "page"
    table = page.locator(".course-checklist table")
    assert table.locator("thead th[scope=col]").count() == 5
    assert table.locator("thead").evaluate("t => getComputedStyle(t).display") == "table-header-group"  # again on every sheet
    rows = table.locator("tbody tr:has(th[scope=row])")
    assert rows.count() >= len(load_curriculum(ROOT).module("questioning-skills").objectives)
    assert set(rows.evaluate_all("rs => rs.map(r => getComputedStyle(r).breakInside)")) == {"avoid"}
    heights = table.locator("tbody td").evaluate_all("cells => cells.map(cell => cell.getBoundingClientRect().height)")
    assert min(heights) > 60, heights  # 17 mm: a date and a tick or a short note
    assert page.locator(".course-write--notes").is_visible() and page.locator(".course-briefing__date").is_visible()
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary"):
        assert not page.locator(chrome).first.is_visible(), f"{chrome} is printed"


def pdf_text(path) -> str:
    """The PDF's text, ligatures (ﬁ) undone and white space collapsed."""
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text))


def test_course_pdf_prints_the_workbook_and_the_guides_from_the_built_site(built_site, browser, tmp_path):
    written = print_pdfs(built_site, tmp_path, ["questioning-skills"], CHROMIUM, browser=browser)
    names = ["questioning-skills-workbook.pdf", "questioning-skills-facilitator.pdf", "questioning-skills-manager.pdf"]
    assert [p.name for p in written] == names
    module = load_curriculum(ROOT).module("questioning-skills")
    workbook, guide, manager = (pdf_text(path) for path in written)
    assert len(PdfReader(written[0]).pages) > len(module.pages), "each lesson should start a new page"
    for number, lesson in enumerate(module.lessons, 1):
        assert f"Lesson {number}: {lesson.title}" in workbook
        assert lesson.exercises[0].title in workbook
    assert "Session plan" in guide and "Answer key" in guide and "Materials" in guide
    first_note = find_blocks(module.lessons[0].body, FACILITATOR)[0]
    assert first_note.title in guide and first_note.title not in workbook
    assert "Search" not in workbook[:500], "the site's header reached the PDF"
    for heading in ("Before the course", "Observation checklist", "Coaching questions", "Check-ins at 30, 60 and 90 days"):
        assert heading in manager
    for objective in module.objectives:
        assert objective.text in manager
        for behaviour in objective.on_the_job:
            assert behaviour in manager
    assert "Before and after the workshop" in guide and "Search" not in manager[:500]

"""The facilitator PDF holds each practice conversation's role-play cards, each printed whole:
the minimal course with one scenario (tests/scenario_sample.py) and the site's print stylesheet,
printed by `course pdf`'s code with Chromium (the guide's HTML: tests/build/test_practice_conversations.py)."""

from __future__ import annotations

import re
import unicodedata

import pytest
from pypdf import PdfReader

from macros.outputs.pdf import print_pdfs
from tests.factory import Project
from tests.scenario_sample import MODULE, SAMPLE_PATH, SAMPLE_YAML

from .helpers import CHROMIUM

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def pdfs(browser, tmp_path_factory) -> tuple[list[str], list[str]]:
    """The workbook's and the facilitator guide's pages, as text (white space collapsed)."""
    root = tmp_path_factory.mktemp("practice-print")
    project = Project.minimal(root / "project")
    project.write(SAMPLE_PATH, SAMPLE_YAML)
    project.replace(
        "mkdocs.yml", "  - assets/stylesheets/course.css\n", "  - assets/stylesheets/course.css\n  - assets/stylesheets/print.css\n"
    )
    built = project.build(root / "site")
    assert built.returncode == 0, f"the strict build failed:\n{built.stdout}\n{built.stderr}"
    workbook, guide, _manager = print_pdfs(root / "site", root / "pdf", [MODULE], CHROMIUM, browser=browser)
    return pages_of(workbook), pages_of(guide)


def pages_of(path) -> list[str]:
    return [re.sub(r"\s+", " ", unicodedata.normalize("NFKC", page.extract_text())) for page in PdfReader(path).pages]


def page_with(pages: list[str], text: str, start: int = 0) -> int:
    return next(number for number, page in enumerate(pages) if number >= start and text.lower() in page.lower())


def test_the_facilitator_pdf_holds_the_three_cards(pdfs):
    _, guide = pdfs
    text = " ".join(guide)
    for expected in (
        "The customer's brief:",
        "She has never read the brown lines on a map and is too proud to say so.",
        "The agent's brief:",
        "The ridge ends in a steep scramble; an easier path leaves it halfway.",
        "The observer's checklist, 1 of 3:",
        "Listen for: “Happy to. Which map will you carry?” (opening, choice 1)",
        "Tell a hill from a valley by its contour lines.",
    ):
        assert expected.lower() in text.lower(), expected
    assert "“I want to do the ridge walk on Saturday. Can you send me the route?”" in text, "the moments' text"


def test_each_card_is_printed_whole_the_briefs_on_one_sheet_and_the_checklist_after(pdfs):
    _, guide = pdfs
    customer = page_with(guide, "The customer's brief:")
    assert page_with(guide, "Role-play cards") == customer, "the cards start a sheet"
    assert customer == page_with(guide, "Keep this card to yourself", customer)
    agent = page_with(guide, "The agent's brief:")
    assert agent == customer == page_with(guide, "Your notes:", agent), "the two briefs share a sheet, half each"
    first = page_with(guide, "The observer's checklist, 1 of 3:")
    assert first == agent + 1
    for number, last_line in (
        (1, "Watch out for: “The ridge is hard."),
        (2, "Watch out for: “Then you'll be fine.”"),
        (3, "For the debrief:"),
    ):
        card = page_with(guide, f"The observer's checklist, {number} of 3:")
        assert card == page_with(guide, last_line, card), f"card {number} of 3 is split"


def test_the_workbook_holds_no_card(pdfs):
    workbook, _ = pdfs
    assert "not said yet" not in " ".join(workbook).lower()

"""Facilitator notes reach the facilitator guide and nothing else; workbooks, guides and the
schedule are written from the curriculum, with clock times that add up."""

from __future__ import annotations

import re
from html import unescape

import pytest

from macros.curriculum.blocks import FACILITATOR, find_blocks
from macros.curriculum.load import load_curriculum
from macros.render.schedule import plan
from tests.factory import ROOT
from tests.html import html
from tests.html import text_of as _text_of
from tests.search import indexed

pytestmark = pytest.mark.curriculum  # on this repository's sample modules


def text_of(fragment: str) -> str:
    return unescape(_text_of(fragment))


@pytest.fixture(scope="module")
def curriculum():
    return load_curriculum(ROOT)


def letters(text: str) -> str:
    """Only the letters: Markdown, typography (30th -> 30<sup>th</sup>) and markup compare equal."""
    return re.sub(r"[^a-z]", "", text.lower())


def note_lines(page) -> list[str]:
    """Distinctive lines of each facilitator note on a page, reduced to their letters."""
    return [
        letters(line)[:60] for block in find_blocks(page.body, FACILITATOR) for line in block.body.splitlines() if len(letters(line)) > 40
    ]


def test_every_lesson_and_capstone_has_facilitator_notes(curriculum):
    """(Materials on every page are a content rule: `rules:` in mkdocs.yml, held by course check.)"""
    for module in curriculum.modules:
        for page in module.pages:
            assert find_blocks(page.body, FACILITATOR), f"{page.source}: no !!! facilitator block"


def test_facilitator_notes_never_reach_a_learner_page_the_workbook_or_search(built_site, curriculum):
    searchable = letters(" ".join(f"{page.title} {page.text}" for page in indexed(built_site)))
    leaks = []
    for module in curriculum.modules:
        workbook = letters(text_of(html(built_site, f"modules/{module.id}/workbook")))
        guide = letters(text_of(html(built_site, f"modules/{module.id}/facilitator")))
        for page in module.pages:
            learner = html(built_site, f"modules/{module.id}/{page.slug}")
            assert "facilitator" not in re.findall(r'class="admonition ([\w-]+)', learner), page.source
            lines = note_lines(page)
            assert lines, page.source
            for line in lines:
                assert line in guide, f"{page.source}: note missing from the facilitator guide: {line!r}"
                for where, text in (("learner page", letters(text_of(learner))), ("workbook", workbook), ("search index", searchable)):
                    if line in text:
                        leaks.append(f"{page.source} → {where}: {line!r}")
    assert leaks == []


def test_generated_pages_stay_out_of_search(built_site):
    locations = {page.url for page in indexed(built_site)}
    generated = {loc for loc in locations if loc.endswith(("/workbook/", "/facilitator/", "/manager/")) or loc == "schedule/"}
    assert generated == set()
    assert "modules/questioning-skills/why-questions-matter/" in locations


def test_the_facilitator_guide_has_the_timed_plan_materials_activities_and_answer_keys(built_site, curriculum):
    module = curriculum.module("questioning-skills")
    page = html(built_site, "modules/questioning-skills/facilitator")
    text = text_of(page)
    slots = plan((module, p) for p in module.pages)
    plan_table = text_of(page[page.index('id="session-plan"') : page.index('id="materials"')])
    for slot in slots:
        assert f"{slot.start_text}–{slot.end_text} {slot.title}" in plan_table
    assert slots[0].start_text == (module.workshop.start or "09:30")
    assert any(slot.kind == "lunch" for slot in slots) and any(slot.kind == "break" for slot in slots)
    for item in module.materials:
        assert text_of(item) in text
    for number, lesson in enumerate(module.lessons, 1):
        slot = next(s for s in slots if s.page == lesson)
        assert f"{slot.start_text}–{slot.end_text} · Lesson {number}: {text_of(lesson.title)}" in text
        for exercise in lesson.exercises:
            assert f"Activity: {exercise.title}" in text
        for question in lesson.knowledge_check:
            letter = "ABCDEF"[[o.correct for o in question.options].index(True)]
            right = next(o for o in question.options if o.correct)
            assert f"Answer: {letter}. {text_of(right.answer)}" in text
    assert "Capstone: Capstone" not in text


def test_the_workbook_holds_every_lesson_with_space_to_write_and_no_answers(built_site, curriculum):
    module = curriculum.module("customer-service")
    page = html(built_site, "modules/customer-service/workbook")
    text = text_of(page)
    for number, lesson in enumerate(module.lessons, 1):
        assert f"Lesson {number}: {lesson.title}" in text
        for takeaway in lesson.key_takeaways:
            assert text_of(takeaway) in text
    exercises = sum(len(lesson.exercises) for lesson in module.lessons)
    assert page.count('class="course-write"') >= exercises
    assert "course-check" not in page and "Answer:" not in text
    for lesson in module.lessons:
        for question in lesson.knowledge_check:
            right = next(o for o in question.options if o.correct)
            assert text_of(right.why) not in text, "an explanation (the answer) is in the workbook"


def test_module_overviews_link_their_workbook_and_guide(built_site):
    page = html(built_site, "modules/internal-customer-service")
    assert 'href="workbook/"' in page and 'href="facilitator/"' in page


def test_the_schedule_times_every_session_of_the_curriculum(built_site, curriculum):
    page = html(built_site, "schedule")
    text = text_of(page)
    slots = plan((m, p) for m in curriculum.modules for p in m.pages)
    for slot in slots:
        assert f"{slot.start_text}–{slot.end_text}" in text
        if slot.page:
            assert slot.page.title in text
    assert f"Day {slots[-1].day}" in text
    # Each session links to its place in the module's facilitator guide.
    assert 'href="../modules/questioning-skills/facilitator/#open-closed-and-probing"' in page

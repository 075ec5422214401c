"""The fragment ids live in one table (render/fragment_ids.py): the fragments write them from it,
and `course check` accepts links to them from it."""

from __future__ import annotations

import re

import pytest

from macros.curriculum.load import load_curriculum
from macros.render.anchors import fragment_anchor
from macros.render.fragment_ids import FRAGMENT_IDS
from macros.render.fragments import TEMPLATES, Fragments
from tests.factory import ROOT

ID_ATTRIBUTE = re.compile(r'\s(?:id|for|aria-labelledby)="(\{\{.*?\}\}|[^"]*)"')
# Ids that are data, not the fragments' own: an article list's heading, a glossary term's id; and
# objectives.html's heading_id, which its callers set from the table (or the objectives() macro).
DATA_IDS = {"{{ heading | lower | replace(' ', '-') }}", '{{ heading | lower | replace(" ", "-") }}', "{{ term.id }}", "{{ heading_id }}"}


def test_every_id_a_fragment_writes_comes_from_the_table():
    written = {value for template in TEMPLATES.glob("*.html") for value in ID_ATTRIBUTE.findall(template.read_text(encoding="utf-8"))}
    by_hand = {value for value in written - DATA_IDS if not re.fullmatch(r"\{\{ (anchors\.\w+(\(.*\))?|qid) \}\}", value)}
    assert by_hand == set()


@pytest.mark.parametrize(
    "anchor",
    [
        "key-takeaways",
        "lesson-objectives",
        "capstone-objectives",
        "module-objectives",
        "before-you-start",
        "lessons",
        "run-as-a-workshop",
        "take-the-course",
        "knowledge-check-things",
        "things-q2",
        "things-q2-3",
        "things-q2-3-why",
        "objective-ask-open",
        "catalogue-filter-level",
        "course-path-arrow",
        "top",
        "fn:1",
        "__tabbed_1_1",
    ],
)
def test_links_to_fragment_ids_are_accepted(anchor):
    assert fragment_anchor(anchor)


@pytest.mark.parametrize("anchor", ["nowhere", "key-takeaway", "objectives-things", "knowledge-check-", "q2"])
def test_other_ids_are_not(anchor):
    assert not fragment_anchor(anchor)


def test_headings_have_titles_for_the_table_of_contents():
    assert (FRAGMENT_IDS.key_takeaways.title, str(FRAGMENT_IDS.key_takeaways)) == ("Key takeaways", "key-takeaways")
    assert FRAGMENT_IDS.knowledge_check("things") == "knowledge-check-things"
    assert FRAGMENT_IDS.option_why("things", 2, 3) == "things-q2-3-why"


def test_a_rendered_lesson_footer_has_only_ids_from_the_table():
    curriculum = load_curriculum(ROOT)
    module, lesson = next((m, lesson) for m, lesson in curriculum.lessons() if lesson.knowledge_check)
    html = Fragments().render("lesson-footer.html", url=lambda path: path, module=module, lesson=lesson, previous=None, next=None)
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert FRAGMENT_IDS.knowledge_check(lesson.slug) in ids and FRAGMENT_IDS.option_why(lesson.slug, 1, 1) in ids
    assert [i for i in ids if not any(fragment.matches(i) for fragment in FRAGMENT_IDS)] == []

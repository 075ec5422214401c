"""The markup the learner's JavaScript (docs/assets/javascripts/course.js) reads, checked in the
built HTML: what the checks, progress, filters and objective coverage need is there at build time,
and everything JavaScript adds or reveals is hidden without it."""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser

import pytest

from macros.curriculum.load import load_curriculum
from macros.render.fragments import Fragments
from macros.render.page_macros import DURATION_BANDS, PageContext, catalogue, duration_band
from tests.factory import ROOT
from tests.html import html

CURRICULUM = load_curriculum(ROOT)


class _Elements(HTMLParser):
    """Every start tag as (tag, attributes)."""

    def __init__(self):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def elements(page: str, **wanted) -> list[dict]:
    """Attributes of the elements carrying every attribute in `wanted` (None: present, any value).
    Names are written as Python keywords: data_page for data-page, class_ for class."""
    parser = _Elements()
    parser.feed(page)
    wanted = {name.rstrip("_").replace("_", "-"): value for name, value in wanted.items()}
    return [attrs for _, attrs in parser.elements if all(name in attrs and value in (None, attrs[name]) for name, value in wanted.items())]


def text(fragment: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", fragment))).strip()


def element_text(page: str, element_id: str) -> str:
    start = page.index(f'id="{element_id}"')
    tag = page[page.rfind("<", 0, start) + 1 : start].split()[0]
    return text(page[page.index(">", start) + 1 : page.index(f"</{tag}>", start)])


@pytest.mark.parametrize("module, lesson", list(CURRICULUM.lessons()), ids=lambda item: getattr(item, "slug", getattr(item, "id", "")))
def test_each_option_names_its_explanation_and_the_right_one_is_marked(built_site, module, lesson):
    page = html(built_site, f"modules/{module.id}/{lesson.slug}")
    for number, question in enumerate(lesson.knowledge_check, 1):
        radios = elements(page, type="radio", name=f"{lesson.slug}-q{number}")
        assert len(radios) == len(question.options)
        assert [("data-correct" in radio) for radio in radios] == [option.correct for option in question.options]
        for radio, option in zip(radios, question.options, strict=False):
            # The JavaScript shows this element's text, after its "B is right." / "Not A:" label.
            assert element_text(page, radio["data-why"]).endswith(option.why), radio["id"]


@pytest.mark.parametrize("module, lesson", list(CURRICULUM.lessons()), ids=lambda item: getattr(item, "slug", getattr(item, "id", "")))
def test_each_objective_names_what_practises_and_checks_it(built_site, module, lesson):
    page = html(built_site, f"modules/{module.id}/{lesson.slug}")
    for objective in lesson.objectives:
        item = page[page.index(f'<li id="objective-{objective.id}">') :]
        item = item[: item.index("</li>")]
        exercises = [e.title for e in lesson.exercises if objective.id in e.assesses]
        questions = [n for n, q in enumerate(lesson.knowledge_check, 1) if objective.id in q.assesses]
        expected = objective.text
        if exercises:
            expected += " Practised in: " + ", ".join(f"exercise ‘{title}’" for title in exercises) + "."
        if questions:
            named = [f"question {n}" for n in questions]
            expected += " Checked by: " + (", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else named[0]) + "."
        assert text(item) == expected
        assert re.findall(r'href="#([^"]+)"', item) == [f"{lesson.slug}-q{n}" for n in questions]
        for number, exercise in enumerate(lesson.exercises, 1):
            if objective.id in exercise.assesses:
                assert elements(item, data_exercise_anchor=f"{lesson.slug}-exercise-{number}", data_exercise_title=exercise.title)


def test_lesson_and_capstone_footers_carry_a_hidden_complete_control(built_site):
    for module in CURRICULUM.modules:
        for step in module.pages:
            page = html(built_site, f"modules/{module.id}/{step.slug}")
            kind = "activity" if step.kind == "capstone" else "lesson"
            (control,) = elements(page, data_course_complete=None)
            assert control["data-page"] == f"{module.id}/{step.slug}" and control["data-kind"] == kind
            assert "hidden" in control and unescape(control["data-title"]) == step.title
            assert f"Mark this {kind} as complete</button>" in page


def test_module_overviews_carry_a_hidden_progress_bar_and_each_lessons_id(built_site):
    for module in CURRICULUM.modules:
        page = html(built_site, f"modules/{module.id}")
        (bar,) = elements(page, data_course_progress=None)
        assert "hidden" in bar and bar["data-module"] == module.id
        assert json.loads(bar["data-course-progress"]) == [lesson.slug for lesson in module.lessons]
        assert f'<progress max="{len(module.lessons)}" value="0"></progress>' in page
        assert f'Your progress<span class="course-sr-only"> in {module.title}</span>' in page
        ids = [item["data-page"] for item in elements(page, data_page=None) if "data-course-complete" not in item]
        assert ids == [f"{module.id}/{step.slug}" for step in module.pages]


@pytest.mark.parametrize("url", ["", "curriculum"])
def test_the_catalogue_has_a_hidden_filter_form_and_what_it_filters_on(built_site, url):
    page = html(built_site, url)
    (form,) = elements(page, data_course_filters=None)
    assert "hidden" in form and form["aria-label"] == "Filter the modules"
    for name, label in [("level", "Level"), ("audience", "Who it is for"), ("duration", "Length"), ("tag", "Topic")]:
        assert f'<label for="catalogue-filter-{name}">{label}</label>' in page and elements(page, id=f"catalogue-filter-{name}", name=name)
    options = re.findall(r'<option value="([^"]*)">', page)
    modules = CURRICULUM.modules
    for value in [m.level for m in modules] + [a for m in modules for a in m.audience] + [t for m in modules for t in m.tags]:
        assert value in options
    assert [v for v, _, _ in DURATION_BANDS if v in options] == [
        v for v, _, _ in DURATION_BANDS if any(duration_band(m.duration) == v for m in modules)
    ]

    cards = elements(page, class_="course-card")
    assert len(cards) == len(modules)
    for card, module in zip(cards, modules, strict=False):
        assert card["data-level"] == module.level and card["data-duration"] == duration_band(module.duration)
        assert json.loads(card["data-audience"]) == list(module.audience) and json.loads(card["data-tags"]) == list(module.tags)
        steps = json.loads(card["data-pages"])
        assert [s["id"] for s in steps] == [f"{module.id}/{step.slug}" for step in module.pages]
        for step in steps:  # "Continue where you left off" links here
            assert (built_site / url / step["url"] / "index.html").is_file(), step["url"]
        assert f'<span class="course-meta__label">For: </span>{", ".join(module.audience)}' in page


def test_duration_bands():
    assert [duration_band(minutes) for minutes in (1, 120, 121, 240, 241, 900)] == [
        "up-to-2h",
        "up-to-2h",
        "2-to-4h",
        "2-to-4h",
        "over-4h",
        "over-4h",
    ]


def test_a_catalogue_chosen_by_the_author_has_no_filters():
    context = PageContext(CURRICULUM, "index.md", lambda path: path, Fragments())
    assert "data-course-filters" in catalogue(context)
    assert "data-course-filters" not in catalogue(context, level="introductory")


def test_home_and_help_pages_hold_continue_and_reset_hidden_until_javascript(built_site):
    home = html(built_site, "")
    (resume,) = elements(home, data_course_continue=None)
    assert "hidden" in resume and "Continue where you left off" in home
    for page in (home, html(built_site, "using-this-site")):
        (reset,) = elements(page, data_course_reset=None)
        assert "hidden" in reset
    guide = text(html(built_site, "using-this-site"))
    assert "Everything the site keeps is stored only in this browser, on this device" in guide
    assert "Nothing is sent anywhere, and no one else can see it" in guide
    for part in ("Your progress:", "Practice conversations:", "Spaced practice:", "Confidence ratings:", "Action plans:"):
        assert part in guide  # each part the site keeps, said in words
    assert "found the right answer to every question in its knowledge check" in guide  # what "passed" means

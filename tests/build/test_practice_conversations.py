"""The facilitator's view of a practice conversation, built with the real engine: the minimal
course with one scenario (tests/scenario_sample.py) holds, in its module's facilitator guide, the
section "Practice conversations": the map as an SVG with the same map in words, each moment's
text, and the three role-play cards (printed to PDF in tests/browser/test_practice_print.py)."""

from __future__ import annotations

import re
from html import unescape

import pytest

from tests.factory import Project
from tests.html import html, text_of
from tests.scenario_sample import MODULE, SAMPLE_PATH, SAMPLE_YAML, SCENARIO


@pytest.fixture(scope="module")
def guide(tmp_path_factory) -> str:
    root = tmp_path_factory.mktemp("practice")
    project = Project.minimal(root / "project")
    project.write(SAMPLE_PATH, SAMPLE_YAML)
    checked = project.check()
    assert checked.returncode == 0, checked.stdout
    built = project.build(root / "site")
    assert built.returncode == 0, f"the strict build failed:\n{built.stdout}\n{built.stderr}"
    return html(root / "site", f"modules/{MODULE}/facilitator")


def words(fragment: str) -> str:
    return unescape(text_of(fragment))


def test_the_guide_lists_the_practice_conversations_in_its_table_of_contents(guide):
    toc = guide.split('data-md-component="toc"', 1)[1].split('<div class="md-content"', 1)[0]
    assert 'href="#practice-conversations"' in toc and f'href="#practice-{SCENARIO}"' in toc
    assert "The walker who asks for the ridge route" in words(toc)


def test_the_guide_draws_the_map_and_writes_it_in_words(guide):
    section = guide.split('id="practice-conversations"', 1)[1]
    svg = re.search(
        r'<svg class="course-scenario-map__drawing"[^>]*role="img"[^>]*>\s*<title>([^<]*)</title>\s*<desc>([^<]*)</desc>', section
    )
    assert svg, "the map is an SVG picture with a title and a description"
    assert unescape(svg.group(1)) == "Map of the conversation “The walker who asks for the ridge route”"
    assert section.count('class="course-scenario-map__box') == 7 and section.count('class="course-scenario-map__arrow"') == 10
    caption = words(section.split("<figcaption", 1)[1].split("</figcaption>", 1)[0])
    assert "“Then you'll be fine.” → sent-unprepared (✗ poor ending)" in caption


def test_the_guide_has_each_moment_and_the_three_cards(guide):
    text = words(guide.split('id="practice-conversations"', 1)[1])
    for expected in (
        "Morag Quinn: “It has brown lines all over it. I never know what they mean.”",
        "Why: Waving the contours away leaves her blind to the scramble.",
        "The customer's brief: The walker who asks for the ridge route",
        "You have not said yet She has never read the brown lines on a map and is too proud to say so.",
        "The agent's brief: The walker who asks for the ridge route",
        "What you know The ridge ends in a steep scramble; an easier path leaves it halfway.",
        "The observer's checklist, 1 of 3: The walker who asks for the ridge route",
        "Name the common symbols on a walking map.",
        "Watch out for: “Don't worry about those.” (which-map, choice 2)",
    ):
        assert expected in text, expected
    assert guide.count('<input type="checkbox">') == 12


def test_the_guide_links_the_learners_page_of_the_conversation(guide):
    assert f'href="../scenarios/{SCENARIO}/">The learner\'s page</a>' in guide

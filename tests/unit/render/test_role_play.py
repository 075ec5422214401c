"""Role-play cards and the facilitator guide's "Practice conversations": the cards' content from a
scenario, and the section rendered through the real fragments and Python-Markdown, values as text
(the built guide and its PDF: tests/build/test_practice_conversations.py, tests/browser/test_practice_print.py)."""

from __future__ import annotations

import re
from dataclasses import replace
from html import unescape

import markdown as python_markdown
import pytest

from macros.curriculum.model import ScenarioCustomer
from macros.render.fragments import Fragments
from macros.render.role_play import Said, cards, objective_texts
from macros.render.schedule import DayRules
from macros.render.workshop import facilitator_markdown
from tests.html import HOSTILE
from tests.scenario_sample import OBJECTIVES, SCENARIO, sample_module, sample_scenario

EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "toc", "pymdownx.details", "pymdownx.smartsymbols"]


def guide_html(module) -> str:
    fragments = Fragments()
    render = lambda name, **context: fragments.render(name, url=lambda path: path, **context)  # noqa: E731
    return python_markdown.markdown(facilitator_markdown(module, render, url=lambda path: path, rules=DayRules()), extensions=EXTENSIONS)


def text(html: str) -> str:
    """The words as read: inline tags go, block tags part words."""
    inline = re.sub(r"</?(?:strong|em|span|a|label|input)\b[^>]*>", "", html)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", inline))).strip()


def test_the_customer_and_agent_cards_carry_their_briefs_and_the_opening_line():
    made = cards(sample_scenario(), sample_module())
    assert made.opening == "I want to do the ridge walk on Saturday. Can you send me the route?"
    assert made.scenario.customer.not_said_yet.startswith("She has never read the brown lines")
    assert [ending.outcome for ending in made.endings] == ["good", "recoverable", "poor"]


def test_the_observer_checks_each_practised_objective_against_the_choices_that_show_or_miss_it():
    made = cards(sample_scenario(), sample_module())
    assert [(point.objective.id, point.objective.text) for point in made.checklist] == list(OBJECTIVES.items())
    symbols, relief = made.checklist
    assert symbols.listen_for[0] == Said("opening", 1, "Happy to. Which map will you carry?")
    # In the order the conversation reaches them (defensive comes before which-map in the file).
    assert [(s.node, s.choice) for s in symbols.listen_for] == [("opening", 1), ("which-map", 1), ("defensive", 1)]
    assert [(s.node, s.choice) for s in symbols.watch_for] == [("opening", 3)]
    assert [(s.node, s.choice) for s in relief.listen_for] == [("which-map", 1), ("contours", 1)]
    assert [(s.node, s.choice) for s in relief.watch_for] == [("opening", 2), ("which-map", 2), ("defensive", 2)]


def test_an_objective_missing_from_the_module_shows_its_id():
    """Validation refuses it; the guide still says something."""
    scenario = sample_scenario(practises=("read-symbols", "read-weather"))
    assert objective_texts(scenario, sample_module())["read-weather"] == "read-weather"
    assert cards(scenario, sample_module()).checklist[1].listen_for == ()


def test_a_module_without_scenarios_has_no_practice_section():
    assert "Practice conversations" not in guide_html(sample_module())


@pytest.fixture(scope="module")
def guide() -> str:
    return guide_html(sample_module(sample_scenario()))


def test_the_guide_has_the_map_as_a_picture_with_a_title_and_the_same_map_in_words(guide):
    assert '<h2 class="course-facilitator__practice" id="practice-conversations">Practice conversations</h2>' in guide
    assert f'id="practice-{SCENARIO}">The walker who asks for the ridge route</h3>' in guide
    svg = re.search(r"<svg [^>]*role=\"img\"[^>]*>(.*?)</svg>", guide, re.DOTALL)
    assert svg, "the map is an SVG with the role of a picture"
    assert re.search(
        r"^\s*<title>Map of the conversation “The walker who asks for the ridge route”</title>\n<desc>4 moments and 3 endings", svg.group(1)
    )
    assert svg.group(1).count("<polygon ") == 10 and ">1, 3</text>" in svg.group(1)
    assert "✓ Good ending" in svg.group(1) and "course-scenario-map__box--poor" in svg.group(1)
    words = text(guide.split("<figcaption", 1)[1].split("</figcaption>", 1)[0])
    assert "defensive: “I have walked plenty, thank you.” “Sorry, that came out wrong. Which map will you carry?” → which-map" in words
    assert "“Then you'll be fine.” → sent-unprepared (✗ poor ending)" in words
    assert "ready: ✓ Good ending: She walks the ridge and takes the easy way down" in words


def test_the_guide_has_each_moment_and_ending_in_full(guide):
    script = text(guide.split('<div class="course-scenario-script">', 1)[1].split('<div class="course-roleplay">', 1)[0])
    assert "opening (the start) Morag Quinn: “I want to do the ridge walk on Saturday. Can you send me the route?”" in script
    assert "Context: Tone: brisk and cheerful. On screen: no past bookings." in script
    assert (
        "The agent says: “Those are contours. Close together means steep.” Reaction: 'Oh! Then the end of the ridge is very steep.' "
        "Why: Naming the symbol and what it shows lets her read the ground herself. Leads to: contours · "
        f"Shows: {OBJECTIVES['read-relief']}; {OBJECTIVES['read-symbols']}"
    ) in script
    assert "Leads to: sent-unprepared (✗ poor ending) · Misses: " + OBJECTIVES["read-relief"] in script
    assert (
        "sent-unprepared · ✗ Poor ending She sets off without knowing about the scramble The route went out, the danger did not." in script
    )


def test_the_guide_has_the_customers_and_agents_briefs_and_a_checklist_card_per_objective(guide):
    cards_html = guide.split('<div class="course-roleplay">', 1)[1]
    customer, agent, *observer = re.findall(r'<section class="course-roleplay__card[^"]*">(.*?)</section>', cards_html, re.DOTALL)
    assert "The customer's brief: The walker who asks for the ridge route" in text(customer)
    assert "You have not said yet She has never read the brown lines on a map and is too proud to say so." in text(customer)
    assert "Your role Booking desk at the outdoor school What you know The ridge ends in a steep scramble" in text(agent)
    symbols, relief, ending = (text(card) for card in observer)
    assert symbols.startswith("The observer's checklist, 1 of 3: The walker who asks for the ridge route Tick what you hear")
    assert f"{OBJECTIVES['read-symbols']} Listen for: “Happy to. Which map will you carry?” (opening, choice 1)" in symbols
    assert "Watch out for: “The ridge is hard. Have you done it before?” (opening, choice 3)" in symbols
    assert relief.startswith(f"The observer's checklist, 2 of 3: The walker who asks for the ridge route {OBJECTIVES['read-relief']}")
    assert ending.startswith(
        "The observer's checklist, 3 of 3: The walker who asks for the ridge route How it ended ✓ Good ending: She walks"
    )
    assert [card.count('<input type="checkbox">') for card in observer] == [3 + 1, 2 + 3, 3]
    assert cards_html.count('class="course-roleplay__notes') == 1 + 2 + 1, "room for notes: the agent's, each objective's, the ending's"


def test_every_value_is_text_in_the_guide():
    hostile = replace(
        sample_scenario(),
        title=f"{HOSTILE} *not emphasis* {{{{ 1 + 1 }}}} (c)",
        customer=ScenarioCustomer(HOSTILE, HOSTILE, HOSTILE, HOSTILE),
    )
    hostile = replace(hostile, nodes=(replace(hostile.nodes[0], customer=HOSTILE, context="**bold** <b>x</b>"), *hostile.nodes[1:]))
    guide = guide_html(sample_module(hostile))
    for markup in ("<script>", "<b>x</b>", "<em>not emphasis", "<strong>bold</strong>"):
        assert markup not in guide
    assert "©" not in guide, "no typographic replacement in a value"
    heading = re.search(r'<h3 class="course-facilitator__scenario" id="practice-ridge-walk">(.*?)</h3>', guide)
    assert heading and unescape(heading.group(1)) == f"{HOSTILE} *not emphasis* {{{{ 1 + 1 }}}} (c)"
    assert guide.count(unescape("Say &quot;no&quot; &lt;script&gt;")) == 0
    assert text(guide).count(HOSTILE) >= 8  # title, name, who, wants, not yet said, the line: in the map's title, words, script and cards

"""A scenario's map: boxes in rows by distance from the start, an arrow per place a node's choices
lead, numbered; endings marked by a word and a symbol (drawn into the built facilitator guide in
tests/build/test_practice_conversations.py)."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

import pytest

from macros.curriculum.load import load_curriculum
from macros.curriculum.model import ScenarioChoice, ScenarioNode
from macros.render.scenario_map import BOX_HEIGHT, BOX_WIDTH, CHARS_PER_LINE, _on_curve, distances, layout
from tests.factory import ROOT
from tests.scenario_sample import sample_scenario


def test_boxes_sit_in_rows_by_their_distance_from_the_start_in_the_order_the_conversation_reaches_them():
    drawn = layout(sample_scenario())
    assert [[box.id for box in row] for row in drawn.rows()] == [
        ["opening"],
        ["which-map", "sent-unprepared", "defensive"],
        ["contours"],
        ["ready", "ready-but-unsure"],
    ]
    assert [box.heading for box in drawn.rows()[0]] == ["Start: opening"]
    assert all(box.x >= 0 and box.x + BOX_WIDTH <= drawn.width and box.y + BOX_HEIGHT <= drawn.height for box in drawn.boxes)
    tops = [row[0].y for row in drawn.rows()]
    assert tops == sorted(tops) and len(set(tops)) == 4


def test_one_arrow_per_place_a_node_leads_to_labelled_with_its_choices_numbers():
    drawn = layout(sample_scenario())
    arrows = {(arrow.start.id, arrow.end.id): arrow.label for arrow in drawn.arrows}
    assert arrows == {
        ("opening", "which-map"): "1",
        ("opening", "sent-unprepared"): "2",
        ("opening", "defensive"): "3",
        ("defensive", "which-map"): "1, 3",  # two choices, one arrow
        ("defensive", "sent-unprepared"): "2",
        ("which-map", "contours"): "1",
        ("which-map", "sent-unprepared"): "2",
        ("contours", "ready"): "1",
        ("contours", "ready-but-unsure"): "2",
        ("contours", "which-map"): "3",  # back up the map
    }


def test_an_arrow_down_leaves_the_bottom_of_its_node_and_points_into_the_top_of_the_next():
    drawn = layout(sample_scenario())
    for arrow in drawn.arrows:
        (x1, y1), *_, (x2, y2) = arrow.points
        tip = tuple(float(v) for v in arrow.head.split()[0].split(","))
        assert tip == (round(x2, 1), round(y2, 1)), "the arrowhead sits at the end of its line"
        if arrow.end.row > arrow.start.row:
            assert y1 == arrow.start.y + BOX_HEIGHT and arrow.start.x < x1 < arrow.start.x + BOX_WIDTH
            assert y2 == arrow.end.y and arrow.end.x < x2 < arrow.end.x + BOX_WIDTH
            assert all(float(corner.split(",")[1]) <= y2 for corner in arrow.head.split()), "it points down"
    # Arrows leaving one node leave it at different places, so their numbers do not overlap.
    leaving = [arrow.points[0] for arrow in drawn.arrows if arrow.start.id == "opening"]
    assert len(set(leaving)) == 3


def test_arrows_back_up_past_boxes_or_to_a_neighbour_never_cross_a_box():
    drawn = layout(sample_scenario())
    by_pair = {(arrow.start.id, arrow.end.id): arrow for arrow in drawn.arrows}
    back = by_pair["contours", "which-map"]  # up a row: round through the gaps and a lane beside the drawing
    assert not back.curved and back.path.startswith("M") and " L" in back.path
    (_, y1), (_, below), (lane, _), (_, above), _, (_, y2) = back.points
    assert y1 == back.start.y + BOX_HEIGHT and below > y1 and y2 == back.end.y and above < y2
    assert lane < min(box.x for box in drawn.boxes) or lane > max(box.x + BOX_WIDTH for box in drawn.boxes)
    along = by_pair["defensive", "which-map"]  # along the row, past the box between: round as well
    assert not along.curved and len(along.points) == 6
    neighbour = by_pair["defensive", "sent-unprepared"]  # next to it in the row: straight across
    assert not neighbour.curved and neighbour.points == ((neighbour.start.x, 202.0), (neighbour.end.x + BOX_WIDTH, 202.0))
    assert misses_every_box(drawn)


def misses_every_box(drawn) -> bool:
    """Each arrow stays in the drawing and crosses no box but its own two."""
    for arrow in drawn.arrows:
        assert all(0 <= x <= drawn.width and 0 <= y <= drawn.height for x, y in arrow.points), arrow
        others = [box for box in drawn.boxes if box not in (arrow.start, arrow.end)]
        if arrow.curved:
            samples = [_on_curve(arrow.points, step / 40) for step in range(41)]
            runs = list(pairwise(samples))
        else:
            runs = list(pairwise(arrow.points))
        assert not any(crosses(run, box) for run in runs for box in others), arrow
    return True


def crosses(run, box) -> bool:
    (x1, y1), (x2, y2) = run
    return min(x1, x2) < box.x + BOX_WIDTH and max(x1, x2) > box.x and min(y1, y2) < box.y + BOX_HEIGHT and max(y1, y2) > box.y


def test_a_box_shows_the_id_and_the_start_of_the_line_and_an_ending_its_outcome_in_words():
    long_line = "I have been waiting on hold for forty minutes and nobody has called me back about the broken boiler."
    scenario = sample_scenario()
    scenario = replace(scenario, nodes=(replace(scenario.nodes[0], customer=long_line), *scenario.nodes[1:]))
    drawn = layout(scenario)
    opening = drawn.box("opening")
    assert opening is not None
    assert len(opening.lines) == 2 and all(len(line) <= CHARS_PER_LINE for line in opening.lines)
    assert opening.lines[0].startswith("“I have been") and opening.lines[1].endswith("…”")
    assert [box.lines[0] for e in ("ready", "ready-but-unsure", "sent-unprepared") if (box := drawn.box(e))] == [
        "✓ Good ending",
        "↺ Recoverable ending",
        "✗ Poor ending",
    ]
    assert getattr(drawn.box("ready"), "outcome", None) == "good" and opening.outcome is None


def test_a_broken_scenario_still_draws_what_it_can():
    """Validation refuses these (course check); the drawing must not fail on them."""
    scenario = sample_scenario()
    stray = ScenarioNode("stray", "Hello?", (ScenarioChoice("Hi", "-", "-", "nowhere"), ScenarioChoice("Bye", "-", "-", "ready")))
    broken = replace(scenario, nodes=(*scenario.nodes, stray))
    drawn = layout(broken)
    assert [box.id for box in drawn.rows()[-1]] == ["stray"], "what the start never reaches comes last"
    assert ("stray", "ready") in {(a.start.id, a.end.id) for a in drawn.arrows}
    assert "nowhere" not in distances(broken)
    assert layout(replace(scenario, start="missing")).boxes, "an unknown start: every box in one row"


@pytest.mark.curriculum
def test_no_arrow_of_the_repositorys_scenarios_crosses_a_box():
    scenarios = [scenario for module in load_curriculum(ROOT).modules for scenario in module.scenarios]
    assert scenarios
    for scenario in scenarios:
        drawn = layout(scenario)
        assert misses_every_box(drawn), scenario.id
        assert len(drawn.boxes) == len(scenario.nodes) + len(scenario.endings)

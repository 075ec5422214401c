"""A scenario's map, laid out for an SVG drawn at build time (no Mermaid, no script), like the
learning path (learning_path.py).

Each node and ending is a box in the row of its distance from `start` (the fewest choices that
lead to it), in the order the conversation first reaches it; an arrow runs from a node to each
place its choices lead, labelled with the choices' numbers. Endings say their outcome in a word
and a symbol, not by colour alone. The SVG is a picture: the facilitator guide writes the same map
out as text beside it (partials/course/scenario-map.html).

Arrows never cross a box. One to the next row is a curve; one to a neighbour in the row is a
straight line; any other (back up the map, or along a row past another box) runs in the gaps: down
out of its node into the gap below, out to a lane beside the drawing, along it, and in through the
gap above the place it leads to.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from macros.curriculum.model import Outcome, Scenario, ScenarioEnding, ScenarioNode

BOX_WIDTH = 220
BOX_HEIGHT = 76
COLUMN_GAP = 56
ROW_GAP = 72
MARGIN = 8
SIDE_ROOM = 16  # beside the boxes, then a lane for each arrow that goes round
LANE_GAP = 10  # between lanes beside the drawing
TRACK_GAP = 8  # between arrows that run along one gap between rows
CORNER_ROOM = 16  # from a box's corner to where an arrow going round leaves or meets it
CHARS_PER_LINE = 28  # what fits in a box at the drawing's font size
TEXT_LINES = 2
HEAD_LENGTH, HEAD_HALF_WIDTH = 9, 5
LABEL_AT = 0.25  # how far along its arrow a choice's number sits: near the node it leaves

OUTCOME_MARKS = {Outcome.GOOD: "✓ Good ending", Outcome.RECOVERABLE: "↺ Recoverable ending", Outcome.POOR: "✗ Poor ending"}

Point = tuple[float, float]


@dataclass(frozen=True)
class Box:
    step: ScenarioNode | ScenarioEnding
    row: int
    x: int  # top-left corner
    y: int
    lines: tuple[str, ...]  # under the heading: the customer's line or the ending's outcome and title, wrapped
    first: bool = False  # where the conversation starts

    @property
    def id(self) -> str:
        return self.step.id

    @property
    def heading(self) -> str:
        return f"Start: {self.id}" if self.first else self.id

    @property
    def outcome(self) -> Outcome | None:
        return self.step.outcome if isinstance(self.step, ScenarioEnding) else None

    @property
    def centre(self) -> int:
        return self.x + BOX_WIDTH // 2


@dataclass(frozen=True)
class Arrow:
    start: Box  # the node the choices are made at
    end: Box  # where they lead
    choices: tuple[int, ...]  # their numbers, from 1
    points: tuple[Point, ...]  # a curve's four points (from, two controls, to), or a line's corners
    curved: bool = True

    @property
    def label(self) -> str:
        return ", ".join(map(str, self.choices))

    @property
    def label_width(self) -> int:
        return 12 + 8 * len(self.label)

    @property
    def path(self) -> str:
        x, y = _rounded(self.points[0])
        rest = " ".join(f"{px} {py}" for px, py in map(_rounded, self.points[1:]))
        return f"M{x} {y} C{rest}" if self.curved else f"M{x} {y} L{rest}"

    @property
    def label_at(self) -> Point:
        """A quarter of the way along a curve; halfway across; on a line going round, on its first run
        along a gap."""
        if self.curved:
            return _on_curve(self.points, LABEL_AT)
        if len(self.points) == 2:  # straight across to a neighbour
            (x1, y1), (x2, y2) = self.points
            return (x1 + x2) / 2, (y1 + y2) / 2
        (x1, y1), (x2, _) = self.points[1], self.points[2]
        return x1 + max(-24.0, min(24.0, (x2 - x1) / 2)), y1

    @property
    def head(self) -> str:
        """The arrowhead, a triangle pointing the way the arrow arrives (no <marker>: it needs an id)."""
        tip, before = self.points[-1], self.points[-2] if self.points[-2] != self.points[-1] else self.points[0]
        dx, dy = tip[0] - before[0], tip[1] - before[1]
        length = (dx * dx + dy * dy) ** 0.5 or 1.0
        ux, uy = dx / length, dy / length
        base = (tip[0] - ux * HEAD_LENGTH, tip[1] - uy * HEAD_LENGTH)
        corners = [
            tip,
            (base[0] - uy * HEAD_HALF_WIDTH, base[1] + ux * HEAD_HALF_WIDTH),
            (base[0] + uy * HEAD_HALF_WIDTH, base[1] - ux * HEAD_HALF_WIDTH),
        ]
        return " ".join(f"{x},{y}" for x, y in map(_rounded, corners))


@dataclass(frozen=True)
class Layout:
    scenario: Scenario
    boxes: tuple[Box, ...]
    arrows: tuple[Arrow, ...]
    width: int
    height: int

    def box(self, step_id: str) -> Box | None:
        return next((box for box in self.boxes if box.id == step_id), None)

    def rows(self) -> list[list[Box]]:
        grouped: dict[int, list[Box]] = {}
        for box in self.boxes:
            grouped.setdefault(box.row, []).append(box)
        return [grouped[row] for row in sorted(grouped)]


def distances(scenario: Scenario) -> dict[str, int]:
    """Each step's distance from the start, in the order the conversation first reaches it; steps
    it never reaches (validation refuses them) come last, one row further down, in file order."""
    found = {scenario.start: 0} if scenario.step(scenario.start) else {}
    queue = list(found)
    while queue:
        here = queue.pop(0)
        node = scenario.node(here)  # None for an ending: the conversation stops there
        for choice in node.choices if node else ():
            if choice.next not in found and scenario.step(choice.next):
                found[choice.next] = found[here] + 1
                queue.append(choice.next)
    last = max(found.values(), default=-1) + 1
    for step_id in [node.id for node in scenario.nodes] + [ending.id for ending in scenario.endings]:
        found.setdefault(step_id, last)
    return found


def layout(scenario: Scenario) -> Layout:
    rows: dict[int, list[ScenarioNode | ScenarioEnding]] = {}
    for step_id, row in distances(scenario).items():
        step = scenario.step(step_id)
        if step is not None:
            rows.setdefault(row, []).append(step)
    widest = max((len(members) for members in rows.values()), default=0)
    inner = widest * BOX_WIDTH + max(widest - 1, 0) * COLUMN_GAP
    # Where arrows go is worked out on the boxes alone; the lanes it needs then set the margins.
    draft = _place(scenario, rows, inner, 0, 0)
    joined = _joined(scenario, draft)
    routes = {pair: _route(draft[pair[0]], draft[pair[1]]) for pair in joined}
    sides = _sides(routes, draft, inner)
    lanes = {side: sum(1 for other in sides.values() if other == side) for side in (-1, 1)}
    left = MARGIN + SIDE_ROOM + LANE_GAP * lanes[-1]
    top = MARGIN + (ROW_GAP // 2 if any(draft[t].row == 0 for (_, t), r in routes.items() if r == "round") else 0)
    boxes = _place(scenario, rows, inner, left, top)
    bottom = ROW_GAP // 2 if any(boxes[s].row == len(rows) - 1 for (s, _), r in routes.items() if r == "round") else 0
    width = left + inner + SIDE_ROOM + LANE_GAP * lanes[1] + MARGIN
    height = top + len(rows) * BOX_HEIGHT + max(len(rows) - 1, 0) * ROW_GAP + bottom + MARGIN
    arrows = _arrows(joined, routes, sides, boxes, lanes=(left - SIDE_ROOM // 2, left + inner + SIDE_ROOM // 2))
    return Layout(scenario, tuple(boxes.values()), arrows, width, height)


def _place(scenario: Scenario, rows: dict[int, list[ScenarioNode | ScenarioEnding]], inner: int, left: int, top: int) -> dict[str, Box]:
    """The boxes, each row centred on the widest one."""
    boxes: dict[str, Box] = {}
    for row, members in sorted(rows.items()):
        span = len(members) * BOX_WIDTH + (len(members) - 1) * COLUMN_GAP
        for index, step in enumerate(members):
            x, y = left + (inner - span) // 2 + index * (BOX_WIDTH + COLUMN_GAP), top + row * (BOX_HEIGHT + ROW_GAP)
            boxes[step.id] = Box(step, row, x, y, _lines(step), first=step.id == scenario.start)
    return boxes


def _lines(step: ScenarioNode | ScenarioEnding) -> tuple[str, ...]:
    if isinstance(step, ScenarioEnding):
        return (OUTCOME_MARKS[step.outcome], *textwrap.wrap(step.title, CHARS_PER_LINE, max_lines=1, placeholder="…"))
    return tuple(textwrap.wrap(f"“{step.customer}”", CHARS_PER_LINE, max_lines=TEXT_LINES, placeholder="…”"))


# -- arrows ----------------------------------------------------------------------------------------

Pair = tuple[str, str]  # a node's id and the id of a place its choices lead


def _joined(scenario: Scenario, boxes: dict[str, Box]) -> dict[Pair, list[int]]:
    """One arrow per node and place it leads to, carrying the numbers of every choice that goes there."""
    joined: dict[Pair, list[int]] = {}
    for node in scenario.nodes:
        for number, choice in enumerate(node.choices, 1):
            if node.id in boxes and choice.next in boxes:
                joined.setdefault((node.id, choice.next), []).append(number)
    return joined


def _route(source: Box, target: Box) -> str:
    """'down' (a curve to the next row), 'across' (to a neighbour in the row) or 'round' (through the
    gaps). A choice never leads further down than the next row: rows are distances from the start."""
    if target.row == source.row + 1:
        return "down"
    if target.row == source.row and abs(target.x - source.x) == BOX_WIDTH + COLUMN_GAP:
        return "across"
    return "round"


def _sides(routes: dict[Pair, str], boxes: dict[str, Box], inner: int) -> dict[Pair, int]:
    """The side each arrow going round takes: -1 left, 1 right, whichever its two ends are nearer."""
    return {pair: -1 if boxes[pair[0]].centre + boxes[pair[1]].centre < inner else 1 for pair, route in routes.items() if route == "round"}


def _arrows(
    joined: dict[Pair, list[int]], routes: dict[Pair, str], sides: dict[Pair, int], boxes: dict[str, Box], lanes: tuple[int, int]
) -> tuple[Arrow, ...]:
    down = [pair for pair, route in routes.items() if route == "down"]
    exits = _slots(down, boxes, by=lambda pair: boxes[pair[1]].centre, end=0)
    entries = _slots(down, boxes, by=lambda pair: boxes[pair[0]].centre, end=1)
    counters: dict[tuple, int] = {}

    def next_free(key: tuple) -> int:  # each use of a gap, a lane or a box's corner takes the next place along
        counters[key] = counters.get(key, -1) + 1
        return counters[key]

    arrows = []
    for pair, numbers in joined.items():
        source, target = boxes[pair[0]], boxes[pair[1]]
        if routes[pair] == "down":
            arrows.append(Arrow(source, target, tuple(numbers), _downward((exits[pair], source.y + BOX_HEIGHT), (entries[pair], target.y))))
        elif routes[pair] == "across":
            arrows.append(Arrow(source, target, tuple(numbers), _across(source, target), curved=False))
        else:
            side = sides[pair]
            lane = (lanes[0] if side < 0 else lanes[1]) + side * LANE_GAP * next_free(("lane", side))
            points = _round(source, target, side, lane, next_free)
            arrows.append(Arrow(source, target, tuple(numbers), points, curved=False))
    return tuple(arrows)


def _slots(pairs: list[Pair], boxes: dict[str, Box], by, end: int) -> dict[Pair, float]:
    """Where each downward arrow leaves (end=0) or meets (end=1) its box: spread along the box's
    bottom or top, ordered by where the other end is, so arrows do not cross at the box."""
    sharing: dict[str, list[Pair]] = {}
    for pair in pairs:
        sharing.setdefault(pair[end], []).append(pair)
    slots = {}
    for step_id, members in sharing.items():
        box = boxes[step_id]
        for index, pair in enumerate(sorted(members, key=by)):
            slots[pair] = box.x + BOX_WIDTH * (index + 1) / (len(members) + 1)
    return slots


def _downward(start: Point, end: Point) -> tuple[Point, Point, Point, Point]:
    middle = (start[1] + end[1]) / 2
    return start, (start[0], middle), (end[0], middle), end


def _across(source: Box, target: Box) -> tuple[Point, Point]:
    """Straight to the neighbour in the row: rightwards above the middle, leftwards below it."""
    rightwards = target.x > source.x
    y = source.y + BOX_HEIGHT / 2 + (-8 if rightwards else 8)
    return (source.x + BOX_WIDTH if rightwards else source.x, y), (target.x if rightwards else target.x + BOX_WIDTH, y)


def _round(source: Box, target: Box, side: int, lane: float, next_free) -> tuple[Point, ...]:
    """Down out of the box near its corner on `side`, along the gap below it to the lane, along the
    lane to the gap above the target, along that gap and down into the target near the same corner."""

    def corner(box: Box, end: str) -> float:
        along = CORNER_ROOM + TRACK_GAP * (next_free((end, box.id)) % 4)
        return box.x + along if side < 0 else box.x + BOX_WIDTH - along

    def track(gap: int) -> float:  # the gap under row `gap`: from its top, a track for each arrow along it
        return TRACK_GAP + TRACK_GAP * (next_free(("gap", gap)) % ((ROW_GAP - TRACK_GAP) // TRACK_GAP))

    out_x, in_x = corner(source, "out"), corner(target, "in")
    below = source.y + BOX_HEIGHT + track(source.row)
    above = target.y - ROW_GAP + track(target.row - 1)
    return (out_x, source.y + BOX_HEIGHT), (out_x, below), (lane, below), (lane, above), (in_x, above), (in_x, target.y)


def _on_curve(points: tuple[Point, ...], t: float) -> Point:
    """The point at `t` (0 to 1) along a cubic Bézier curve."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points
    a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3
    return a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3


def _rounded(point: Point) -> tuple[float, float]:
    return round(point[0], 1), round(point[1], 1)

"""The modules' prerequisite graph, laid out for an SVG drawn at build time (no Mermaid, no script).

A module sits one row below the deepest of its prerequisites; modules in a row are spread evenly;
an arrow runs from each prerequisite to the module that needs it. The SVG is a picture only: the
same path is written out as text with links beside it (partials/course/learning-path.html).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from macros.curriculum.model import Curriculum, Module

BOX_WIDTH = 240
BOX_HEIGHT = 64
COLUMN_GAP = 40
ROW_GAP = 56
MARGIN = 8
CHARS_PER_LINE = 27  # what fits in a box at the drawing's font size


@dataclass(frozen=True)
class Node:
    module: Module
    row: int
    x: int  # top-left corner
    y: int
    lines: tuple[str, ...]  # the title, wrapped to fit the box

    @property
    def centre(self) -> int:
        return self.x + BOX_WIDTH // 2


@dataclass(frozen=True)
class Edge:
    start: Node  # the prerequisite
    end: Node

    @property
    def path(self) -> str:
        """From the bottom of the prerequisite's box to just above the top of the next one."""
        x1, y1 = self.start.centre, self.start.y + BOX_HEIGHT
        x2, y2 = self.end.centre, self.end.y - 6
        middle = (y1 + y2) // 2
        return f"M{x1} {y1} C{x1} {middle} {x2} {middle} {x2} {y2}"


@dataclass(frozen=True)
class Layout:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    width: int
    height: int

    def rows(self) -> list[list[Node]]:
        grouped: dict[int, list[Node]] = {}
        for node in self.nodes:
            grouped.setdefault(node.row, []).append(node)
        return [grouped[row] for row in sorted(grouped)]


def layout(curriculum: Curriculum) -> Layout:
    """Rows by prerequisite depth (validation has ruled out cycles and unknown ids)."""
    by_id = {module.id: module for module in curriculum.modules}
    depth: dict[str, int] = {}

    def row_of(module: Module) -> int:
        if module.id not in depth:
            depth[module.id] = 0  # guards against a cycle the loader would already have reported
            depth[module.id] = 1 + max((row_of(by_id[p]) for p in module.prerequisites if p in by_id), default=-1)
        return depth[module.id]

    rows: dict[int, list[Module]] = {}
    for module in curriculum.modules:
        rows.setdefault(row_of(module), []).append(module)
    widest = max((len(members) for members in rows.values()), default=0)
    width = MARGIN * 2 + widest * BOX_WIDTH + max(widest - 1, 0) * COLUMN_GAP
    nodes: dict[str, Node] = {}
    for row, members in sorted(rows.items()):
        span = len(members) * BOX_WIDTH + (len(members) - 1) * COLUMN_GAP
        left = (width - span) // 2
        for index, module in enumerate(members):
            lines = tuple(textwrap.wrap(module.title, CHARS_PER_LINE, max_lines=2, placeholder="…"))
            nodes[module.id] = Node(module, row, left + index * (BOX_WIDTH + COLUMN_GAP), MARGIN + row * (BOX_HEIGHT + ROW_GAP), lines)
    edges = tuple(Edge(nodes[p], nodes[m.id]) for m in curriculum.modules for p in m.prerequisites if p in nodes)
    height = MARGIN * 2 + len(rows) * BOX_HEIGHT + max(len(rows) - 1, 0) * ROW_GAP
    return Layout(tuple(nodes.values()), edges, width, height)

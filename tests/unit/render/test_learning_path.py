"""The prerequisite graph: laid out by depth (drawn and written out in words on the built
curriculum page, tests/build/test_learning_path.py)."""

from __future__ import annotations

from datetime import date

from macros.curriculum.model import Curriculum, Module
from macros.render.learning_path import layout


def module(module_id: str, *prerequisites: str, order: int = 1) -> Module:
    return Module(
        id=module_id,
        title=module_id.title(),
        summary="",
        audience=(),
        level="introductory",
        order=order,
        objectives=(),
        prerequisites=prerequisites,
        tags=(),
        authors=(),
        version="1",
        reviewed=date(2026, 1, 1),
        lessons=(),
    )


def test_each_module_sits_one_row_below_its_deepest_prerequisite():
    curriculum = Curriculum(modules=(module("a"), module("b", "a"), module("c", "a", "b"), module("d")))
    path = layout(curriculum)
    assert [[n.module.id for n in row] for row in path.rows()] == [["a", "d"], ["b"], ["c"]]
    assert sorted((e.start.module.id, e.end.module.id) for e in path.edges) == [("a", "b"), ("a", "c"), ("b", "c")]
    assert all(n.x >= 0 and n.x + 240 <= path.width and n.y + 64 <= path.height for n in path.nodes)

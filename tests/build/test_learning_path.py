"""The prerequisite graph: laid out by depth, drawn as a static SVG, and written out in words."""

from __future__ import annotations

import re
from datetime import date

from macros.render.learning_path import layout
from macros.curriculum.model import Curriculum, Module
from tests.build.test_site import html


def module(module_id: str, *prerequisites: str, order: int = 1) -> Module:
    return Module(id=module_id, title=module_id.title(), summary="", audience=(), level="introductory", order=order, objectives=(), prerequisites=prerequisites, tags=(), authors=(), version="1", reviewed=date(2026, 1, 1), lessons=())


def test_each_module_sits_one_row_below_its_deepest_prerequisite():
    curriculum = Curriculum(modules=(module("a"), module("b", "a"), module("c", "a", "b"), module("d")))
    path = layout(curriculum)
    assert [[n.module.id for n in row] for row in path.rows()] == [["a", "d"], ["b"], ["c"]]
    assert sorted((e.start.module.id, e.end.module.id) for e in path.edges) == [("a", "b"), ("a", "c"), ("b", "c")]
    assert all(0 <= n.x and n.x + 240 <= path.width and n.y + 64 <= path.height for n in path.nodes)


def test_the_curriculum_page_draws_the_path_without_scripts_and_says_it_in_words(built_site):
    page = html(built_site, "curriculum")
    figure = page[page.index('<figure class="course-path"') : page.index("</figure>", page.index('<figure class="course-path"'))]
    svg = figure[figure.index("<svg") : figure.index("</svg>")]
    assert 'aria-hidden="true"' in svg and "<a " not in svg and "<script" not in svg
    assert svg.count("course-path__edge") >= 2 + 1  # two arrows, plus the style rule
    steps = figure[figure.index('class="course-path__steps"') :]
    assert re.findall(r'<a href="([^"]+)">', steps) == ["../modules/customer-service/", "../modules/internal-customer-service/", "../modules/questioning-skills/"]
    assert "(after Customer service)" in steps
    assert "mermaid" not in page.lower()

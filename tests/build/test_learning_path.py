"""The prerequisite graph on the built curriculum page: a static SVG, written out in words too.
(The layout by depth is tested in tests/unit/render/test_learning_path.py.)"""

from __future__ import annotations

import re

import pytest

from tests.html import html

pytestmark = pytest.mark.curriculum  # on this repository's sample modules


def test_the_curriculum_page_draws_the_path_without_scripts_and_says_it_in_words(built_site):
    page = html(built_site, "curriculum")
    figure = page[page.index('<figure class="course-path"') : page.index("</figure>", page.index('<figure class="course-path"'))]
    svg = figure[figure.index("<svg") : figure.index("</svg>")]
    assert 'aria-hidden="true"' in svg and "<a " not in svg and "<script" not in svg
    assert svg.count("course-path__edge") >= 3 + 1  # three arrows, plus the style rule
    steps = figure[figure.index('class="course-path__steps"') :]
    assert re.findall(r'<a href="([^"]+)">', steps) == [
        "../modules/customer-service/",
        "../modules/internal-customer-service/",
        "../modules/questioning-skills/",
        "../modules/vulnerable-customers/",
    ]
    assert "(after Customer service)" in steps
    assert "mermaid" not in page.lower()

"""Checklist boxes hidden from screen readers (render/tasklist.py), at the Markdown level."""

from __future__ import annotations

import markdown
import pytest

HIDDEN = '<input type="checkbox" disabled aria-hidden="true"/>'


def convert(text: str, **tasklist) -> str:
    return markdown.markdown(
        text,
        extensions=["pymdownx.tasklist", "macros.render.tasklist"],
        extension_configs={"pymdownx.tasklist": tasklist},
    )


@pytest.mark.parametrize("custom", [True, False])
def test_unticked_boxes_are_hidden_ticked_ones_kept(custom):
    html = convert("- [ ] to do\n- [x] done\n", custom_checkbox=custom)
    assert html.count(HIDDEN) == 1
    assert '<input type="checkbox" disabled checked/>' in html


def test_the_site_markup_is_as_before():
    html = convert("- [ ] Pack a map\n", custom_checkbox=True)
    assert f'<label class="task-list-control">{HIDDEN}<span class="task-list-indicator"></span></label> Pack a map' in html


def test_a_loose_list_and_a_nested_list_are_covered():
    html = convert("- [ ] first\n\n- [ ] second\n    - [ ] inner\n")
    assert html.count(HIDDEN) == 3


def test_clickable_boxes_and_hand_written_inputs_are_left_alone():
    assert "aria-hidden" not in convert("- [ ] click me\n", clickable_checkbox=True)
    html = convert('<input type="checkbox" disabled/>\n\n- not a task\n')
    assert "aria-hidden" not in html


def test_running_twice_changes_nothing_more():
    html = markdown.markdown("- [ ] twice\n", extensions=["pymdownx.tasklist", "macros.render.tasklist", "macros.render.tasklist"])
    assert html.count("aria-hidden") == 1

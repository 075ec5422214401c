"""A Python-Markdown extension: checklist boxes that screen readers leave out.

Checklists (`- [ ] ...`) are printed tick boxes, never ticked on screen: pymdownx.tasklist writes
each as a disabled input with no label, which screen readers announce as a nameless "checkbox,
dimmed" before every line. This adds aria-hidden="true" to those boxes, so the list item reads as
its text. Boxes an author ticked ([x]) keep saying so, and clickable ones are left alone.

pymdownx.tasklist writes a box as raw HTML kept in the stash (an element could not hold the
custom_checkbox label markup); this runs just after it and edits the stashed box it left at the
start of each task item, so nothing else on the page is touched.

    markdown_extensions: [pymdownx.tasklist, macros.render.tasklist]   (the course plugin adds it)
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

UNTICKED_BOX = '<input type="checkbox" disabled/>'  # what pymdownx.tasklist writes for "[ ]"
HIDDEN_BOX = '<input type="checkbox" disabled aria-hidden="true"/>'
TASKLIST_PRIORITY = 25  # pymdownx.tasklist's treeprocessor; ours runs right after it


class HiddenCheckboxes(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        stash = self.md.htmlStash.rawHtmlBlocks
        for item in root.iter("li"):
            if "task-list-item" not in item.get("class", "").split():
                continue
            placeholder = HTML_PLACEHOLDER_RE.match(_opening_text(item))
            if placeholder is None:
                continue
            index = int(placeholder.group(1))
            box = stash[index]
            if isinstance(box, str) and UNTICKED_BOX in box:
                stash[index] = box.replace(UNTICKED_BOX, HIDDEN_BOX)


def _opening_text(item: etree.Element) -> str:
    """Where tasklist puts the box: the item's text, or its first paragraph's in a loose list."""
    if item.text:
        return item.text
    first = next(iter(item), None)
    return (first.text or "") if first is not None and first.tag == "p" else ""


class HiddenCheckboxExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(HiddenCheckboxes(md), "course-hidden-checkboxes", TASKLIST_PRIORITY - 0.5)


def makeExtension(**kwargs) -> HiddenCheckboxExtension:
    return HiddenCheckboxExtension(**kwargs)

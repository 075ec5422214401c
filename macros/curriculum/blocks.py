"""The one reader of a lesson's Markdown blocks: admonitions (exercises, facilitator notes) and code.

Authors write exercises and notes for whoever runs a lesson as a workshop as admonitions:

    !!! facilitator "Debrief and answer key"
        Strong answers name the customer's deadline before offering anything...

`find_blocks` finds them wherever Python-Markdown would render them: at the top of the page, inside
content tabs, list items and other admonitions, written `!!!`, `???` or `???+`, with extra classes
(`!!! exercise inline end "Title"`) or without a title. Like Python-Markdown it reads lines: a
container's content is indented by four more columns than the container, a marker indented further
is code, and a list item's lines before its first blank line are its paragraph. Fenced code is
skipped, as pymdownx.superfences reads it, so the author guide can show the syntax.

`split_blocks` takes blocks out of a page (learner pages and the workbook never carry facilitator
notes) and hands them to the facilitator guide; `course check` matches exercise titles against
them. FENCE and INLINE_CODE find code in a whole text for the template renderer and the checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A fenced block in a whole text: any indentation, closed by a line of the same fence, however indented.
FENCE = re.compile(r"^([ \t]*)(`{3,}|~{3,})[^\n]*\n.*?^[ \t]*\2[`~]*[ \t]*$", re.MULTILINE | re.DOTALL)
INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")

# A fence line by line, as pymdownx.superfences reads it (FENCE, looser, is kept as its users know it):
# an opening line at any indentation, closed by the same fence at the same indentation.
_FENCE_OPENING = re.compile(r"^(`{3,}|~{3,})")
# Python-Markdown's admonition and pymdownx.details markers: classes (the first is the type), then an optional title.
_ADMONITION = re.compile(r'^(?:!!!|\?\?\?\+?) ?(?P<classes>[\w-]+(?: +[\w-]+)*)(?: +"(?P<title>.*?)")? *$')
# Containers whose content is indented by four columns: a pymdownx.tabbed tab...
_TAB = re.compile(r'^={3}[!+]{0,2} +".*" *$')
# ...and list items, footnotes and definitions, which a line of text straight after text continues.
_LIST_LIKE = re.compile(r"^(?:[*+-][ \t]|\d+\.[ \t]|\[\^[^\]]+\]:|:[ \t])")
TAB_WIDTH = 4  # Python-Markdown's tab_length: the indentation of a container's content

FACILITATOR = "facilitator"
EXERCISE = "exercise"


@dataclass(frozen=True)
class Block:
    type: str  # the admonition's first class, lower case: "exercise", "facilitator", "note"
    title: str  # "" when the marker has none
    body: str  # the block's Markdown, its indentation removed
    markdown: str  # the block as written, marker line included, to its last non-blank line
    line: int  # 1-based line of the marker in the text searched
    indent: int  # columns before the marker: 0 at the top of a page, 4 inside a tab or list item

    @property
    def end_line(self) -> int:
        """1-based line of the block's last non-blank line."""
        return self.line + self.markdown.count("\n")


def all_blocks(markdown: str) -> list[Block]:
    """Every admonition in the text, in order (a block comes before the blocks inside it)."""
    lines = markdown.split("\n")
    return [_block(lines, span) for span in _Scanner(lines).spans()]


def find_blocks(markdown: str, kind: str) -> list[Block]:
    """The blocks of `kind`, in order; one inside another of the same kind is part of the outer one."""
    found: list[Block] = []
    for block in all_blocks(markdown):
        if block.type == kind and not (found and block.line <= found[-1].end_line):
            found.append(block)
    return found


def split_blocks(markdown: str, kind: str) -> tuple[str, list[Block]]:
    """The Markdown without the admonitions of `kind`, and those blocks in order."""
    blocks = find_blocks(markdown, kind)
    removed = {number for block in blocks for number in range(block.line, block.end_line + 1)}
    kept = [line for number, line in enumerate(markdown.split("\n"), 1) if number not in removed]
    return "\n".join(kept), blocks


def learner_markdown(markdown: str) -> str:
    """A page as learners get it: without facilitator notes."""
    if FACILITATOR not in markdown.lower():
        return markdown  # nearly every page: no scan needed
    return split_blocks(markdown, FACILITATOR)[0]


# -- reading lines ------------------------------------------------------------------------------


@dataclass
class _Span:
    """An admonition being read: where its marker is and how far its content goes so far."""

    first: int  # 0-based index of the marker line
    last: int  # 0-based index of its last non-blank line
    indent: int
    marker: re.Match


@dataclass
class _Container:
    content: int  # the columns its content is indented by
    lazy: bool  # a list item: a line of text straight after text belongs to it, however indented
    span: _Span | None  # the admonition, when it is one
    tight: bool = True  # no blank line in it yet: a list item's first lines are its paragraph, never a block


class _Scanner:
    """Walks the lines once, keeping the containers the current line may be inside."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.open: list[_Container] = []  # outermost first
        self.found: list[_Span] = []

    def spans(self) -> list[_Span]:
        index, after_blank = 0, True
        while index < len(self.lines):
            line = self.lines[index]
            if not line.strip():
                for container in self.open:
                    container.tight = False
                index, after_blank = index + 1, True
                continue
            last = self._read(index, line, after_blank)
            for container in self.open:
                if container.span:
                    container.span.last = last
            index, after_blank = last + 1, False
        return self.found

    def _read(self, index: int, line: str, after_blank: bool) -> int:
        """Take in the non-blank line at `index`; the index of the last line it takes (a fence takes several)."""
        indent, text = _columns(line), line.lstrip(" \t")
        starts_block = bool(_FENCE_OPENING.match(text) or _ADMONITION.match(text) or _TAB.match(text) or _LIST_LIKE.match(text))
        self._close(indent, lazy_text=not after_blank and not starts_block)
        level = self.open[-1].content if self.open else 0
        if (fence := _FENCE_OPENING.match(text)) and (closing := self._fence_end(index, fence.group(1), indent)) is not None:
            return closing
        if indent >= level + TAB_WIDTH:
            return index  # indented code, or a paragraph's next line: no block starts here
        in_paragraph = bool(self.open) and self.open[-1].lazy and self.open[-1].tight
        if indent == level and not in_paragraph and (marker := _ADMONITION.match(text)):
            span = _Span(index, index, indent, marker)
            self.found.append(span)
            self.open.append(_Container(level + TAB_WIDTH, lazy=False, span=span))
        elif indent == level and not in_paragraph and _TAB.match(text):
            self.open.append(_Container(level + TAB_WIDTH, lazy=False, span=None))
        elif _LIST_LIKE.match(text):
            self.open.append(_Container(level + TAB_WIDTH, lazy=True, span=None))
        return index

    def _close(self, indent: int, lazy_text: bool) -> None:
        """Leave the containers a line indented by `indent` is outside of.

        A line of text straight after text goes on with a list item's paragraph, however indented,
        but an admonition or tab ends at its first line indented less than its content."""
        outside = [position for position, container in enumerate(self.open) if indent < container.content]
        strict = [position for position in outside if not (lazy_text and self.open[position].lazy)]
        if strict:
            del self.open[strict[0] :]  # and every container inside it

    def _fence_end(self, start: int, fence: str, indent: int) -> int | None:
        """The line closing the fence opened at `start`; None if a line indented less comes first: no fence then."""
        for index in range(start + 1, len(self.lines)):
            line = self.lines[index]
            if not line.strip():
                continue
            if _columns(line) < indent:
                return None
            if _columns(line) == indent and line.strip(" \t") == fence:
                return index
        return None


def _block(lines: list[str], span: _Span) -> Block:
    classes, title = span.marker.group("classes").lower().split(), span.marker.group("title")
    content = span.indent + TAB_WIDTH
    body = "\n".join(_dedent(line, content) for line in lines[span.first + 1 : span.last + 1])
    raw = "\n".join(lines[span.first : span.last + 1])
    return Block(classes[0], title or "", body.strip("\n"), raw, span.first + 1, span.indent)


def _columns(line: str) -> int:
    """How far a line is indented, a tab reaching the next multiple of four (as Python-Markdown expands it)."""
    return len(line[: len(line) - len(line.lstrip(" \t"))].expandtabs(TAB_WIDTH))


def _dedent(line: str, columns: int) -> str:
    """The line without its first `columns` columns of indentation (blank if that is all it has)."""
    column = 0
    for position, char in enumerate(line):
        if column >= columns or char not in " \t":
            return " " * (column - columns) + line[position:]
        column = column + 1 if char == " " else column + TAB_WIDTH - column % TAB_WIDTH
    return ""

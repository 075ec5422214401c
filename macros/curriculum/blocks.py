"""Facilitator notes: written in the lesson, shown only in the facilitator guide.

Authors write notes for whoever runs a lesson as a workshop in the lesson's own Markdown:

    !!! facilitator "Debrief and answer key"
        Strong answers name the customer's deadline before offering anything...

`split_blocks` takes such blocks out of a page's Markdown, so learner pages and the workbook never
carry them, and hands them to the facilitator guide. It works on lines, the way Python-Markdown's
admonition extension reads them (a marker line, then lines indented by four spaces or blank), and
leaves fenced code alone, so the author guide can show the syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# `!!! type "Title"` or a collapsible `??? type` / `???+ type`, at the start of a line.
_BLOCK = re.compile(r'^(?:!!!|\?\?\?\+?)[ \t]+(?P<type>[\w-]+)(?:[ \t]+"(?P<title>[^"]*)")?[ \t]*$')
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})")

FACILITATOR = "facilitator"
EXERCISE = "exercise"


@dataclass(frozen=True)
class Block:
    type: str
    title: str
    body: str  # the block's Markdown, indentation removed
    markdown: str  # the block as written, marker line included


def split_blocks(markdown: str, kind: str) -> tuple[str, list[Block]]:
    """The Markdown without the admonitions of `kind`, and those blocks in order."""
    kept: list[str] = []
    blocks: list[Block] = []
    lines = markdown.split("\n")
    fence = None
    index = 0
    while index < len(lines):
        line = lines[index]
        fenced = _FENCE.match(line)
        if fence:
            if fenced and fenced.group("fence").startswith(fence):
                fence = None
        elif fenced:
            fence = fenced.group("fence")
        elif (match := _BLOCK.match(line)) and match.group("type") == kind:
            end = _block_end(lines, index + 1)
            body = [text[4:] if text.startswith("    ") else text.lstrip("\t") for text in lines[index + 1 : end]]
            blocks.append(Block(kind, match.group("title") or "", "\n".join(body).strip("\n"), "\n".join(lines[index:end]).rstrip("\n")))
            index = end
            continue
        kept.append(line)
        index += 1
    return "\n".join(kept), blocks


def find_blocks(markdown: str, kind: str) -> list[Block]:
    return split_blocks(markdown, kind)[1]


def learner_markdown(markdown: str) -> str:
    """A page as learners get it: without facilitator notes."""
    if FACILITATOR not in markdown:
        return markdown  # nearly every page: no scan needed
    return split_blocks(markdown, FACILITATOR)[0]


def _block_end(lines: list[str], start: int) -> int:
    """The index just past a block's body: indented lines, and blank lines followed by more of them."""
    end = start
    index = start
    while index < len(lines):
        line = lines[index]
        if line.startswith(("    ", "\t")):
            index += 1
            end = index
        elif not line.strip():
            index += 1
        else:
            break
    return end

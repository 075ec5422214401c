"""What in a page is code, comment or prose, so checks read only the prose.

Masked text keeps every offset and line: a problem found in it is reported at the real line.
"""

from __future__ import annotations

import re
from functools import lru_cache

from macros.curriculum.blocks import code_spans

HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# A macro expression {{ ... }}, and the names called in one.
EXPRESSION = re.compile(r"\{\{-?(.*?)-?\}\}", re.DOTALL)
CALLED_NAME = re.compile(r"(?<![\w.])([A-Za-z_]\w*)\s*\(")


def blank(match: re.Match) -> str:
    """The matched text as spaces, its line breaks kept."""
    return re.sub(r"[^\n]", " ", match.group(0))


@lru_cache(maxsize=16384)  # several checks mask the same page
def mask_code(markdown: str) -> str:
    """The text with its code blanked out (blocks.code_spans: the code the template renderer keeps
    literal, in every Markdown form); offsets and lines unchanged."""
    pieces = []
    position = 0
    for start, end in code_spans(markdown):
        pieces += [markdown[position:start], re.sub(r"[^\n]", " ", markdown[start:end])]
        position = end
    pieces.append(markdown[position:])
    return "".join(pieces)


def prose(markdown: str) -> str:
    """The text with code and HTML comments blanked out."""
    return HTML_COMMENT.sub(blank, mask_code(markdown))


def line_at(text: str, offset: int, first_line: int) -> int:
    """The file line of `offset` in `text`, which starts on `first_line`."""
    return first_line + text.count("\n", 0, offset)

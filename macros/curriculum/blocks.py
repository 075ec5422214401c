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
them. `code_spans` says where a text is code, in every form Markdown has (fences at any depth,
indented blocks, `inline` spans): the template renderer keeps it literal and the checks skip it,
from this one answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# An `inline` span: a run of backticks, text, the same run (code_spans looks for them outside code blocks).
_INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")

# A fence line by line, for finding admonitions: an opening line at any indentation, closed by the
# same fence at the same indentation (code_spans reads fences exactly as pymdownx.superfences does).
_FENCE_OPENING = re.compile(r"^(`{3,}|~{3,})")
# Python-Markdown's admonition and pymdownx.details markers: classes (the first is the type), then an optional title.
_ADMONITION = re.compile(r'^(?:!!!|\?\?\?\+?) ?(?P<classes>[\w-]+(?: +[\w-]+)*)(?: +"(?P<title>.*?)")? *$')
# Containers whose content is indented by four columns: a pymdownx.tabbed tab...
_TAB = re.compile(r'^={3}[!+]{0,2} +".*" *$')
# ...and list items, footnotes and definitions, which a line of text straight after text continues.
_LIST_LIKE = re.compile(r"^(?:[*+-][ \t]|\d+\.[ \t]|\[\^[^\]]+\]:|:[ \t])")
_HEADING_LINE = re.compile(r"^#{1,6}(?:[ \t]|$)")
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


@lru_cache(maxsize=16384)  # the loader, the checks and the build scan the same text
def all_blocks(markdown: str) -> tuple[Block, ...]:
    """Every admonition in the text, in order (a block comes before the blocks inside it)."""
    lines = markdown.split("\n")
    return tuple(_block(lines, span) for span in _Scanner(lines).spans())


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


# -- where the code is --------------------------------------------------------------------------


# Cached: the loader, every check and the build ask about the same text several times, and the
# preview asks again after each edit about every page that did not change.
@lru_cache(maxsize=16384)
def code_spans(markdown: str) -> tuple[tuple[int, int], ...]:
    """Where the text is code, as (start, end) offsets in order: fenced blocks however nested (in
    list items, admonitions, tabs, blockquotes), indented code blocks (four columns past their
    container's content: inside an admonition or a list item, four columns is its text) and
    `inline` spans in the rest. The template renderer and the checks both ask here."""
    lines = markdown.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    fenced = _fenced_code(lines)
    raw_html = _raw_html_lines(lines, fenced)
    blocks = sorted(fenced + [(first, last) for first, last in _indented_code(lines, depth=0) if first not in raw_html])
    spans: list[tuple[int, int]] = []
    position = 0
    for first, last in blocks:
        start, end = starts[first], starts[last] + len(lines[last])
        if start < position:  # inside (or overlapping) the block before
            if end > position:
                spans[-1] = (spans[-1][0], end)
                position = end
            continue
        spans += _inline_code(markdown, position, start)
        spans.append((start, end))
        position = end
    return tuple(spans + _inline_code(markdown, position, len(markdown)))


def _inline_code(markdown: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + match.start(), start + match.end()) for match in _INLINE_CODE.finditer(markdown[start:end])]


# pymdownx.superfences' opening line: a fence, then a language, {attributes} or options (anything else is no fence).
_SUPERFENCE = re.compile(
    r"""(?P<fence>~{3,}|`{3,})(?:[ \t]*\.?[\w#.+-]+(?=[\t ]|$))?"""
    r"""(?:[ \t]*\{[^\n]*\}|(?:[ \t]*[a-zA-Z][a-zA-Z0-9_]*(?:=(?P<quote>"|').*?(?P=quote))?(?=[\t ]|$))+)?[ \t]*$"""
)


def _fenced_code(lines: list[str]) -> list[tuple[int, int]]:
    """The fenced blocks, as pymdownx.superfences finds them before anything else is read: a fence
    after any indentation and '>', closed by the same fence behind the same prefix."""
    found = []
    index = 0
    while index < len(lines):
        line = lines[index]
        prefix = line[: len(line) - len(line.lstrip(" \t>"))]  # indentation and blockquote markers
        opening = _SUPERFENCE.match(line, len(prefix))
        if not opening:
            index += 1
            continue
        closing, last = _fence_closing(lines, index, prefix.expandtabs(TAB_WIDTH), opening.group("fence"))
        if closing:
            found.append((index, last))
        elif last == len(lines):
            break  # never closed: superfences reads no further fence
        index = last + 1
    return found


def _fence_closing(lines: list[str], start: int, prefix: str, fence: str) -> tuple[bool, int]:
    """(True, the closing line) or (False, the line that ends the attempt: len(lines) if none does)."""
    quotes, blank_before = prefix.count(">"), False
    for index in range(start + 1, len(lines)):
        ws, content = _behind_prefix(lines[index], len(prefix))
        level = ws.count(">")
        if not (ws + content).strip() or (quotes and content == ""):
            blank_before = True
            continue
        if level > quotes or (not quotes and level) or len(ws) < len(prefix) or (blank_before and level < quotes):
            return False, index  # less indented, or out of the blockquote: no fence after all
        if content.startswith(fence) and not content[len(fence) :].strip(" \t") and not content.startswith((" ", "\t")):
            return True, index
        blank_before = False
    return False, len(lines)


def _behind_prefix(line: str, width: int) -> tuple[str, str]:
    """A line's first `width` columns of indentation and '>' (tabs expanded), and the rest."""
    ws, position = "", 0
    while position < len(line) and len(ws) < width and line[position] in " \t>":
        ws += " " * (TAB_WIDTH - len(ws) % TAB_WIDTH) if line[position] == "\t" else line[position]
        position += 1
    return ws, line[position:]


# A raw HTML block: a block-level tag at the start of a line (md_in_html parses one marked `markdown`).
_HTML_BLOCK = re.compile(
    r"^ {0,3}<(address|article|aside|blockquote|canvas|details|dialog|div|dl|fieldset|figcaption|figure|footer|form|h[1-6]"
    r"|header|hgroup|hr|iframe|main|math|menu|nav|noscript|ol|p|pre|script|section|style|table|textarea|ul)(?=[\s/>]|$)([^>]*)",
    re.IGNORECASE,
)


def _raw_html_lines(lines: list[str], fenced: list[tuple[int, int]]) -> set[int]:
    """Lines of raw HTML blocks, which Python-Markdown keeps whole: an indented line there is no code."""
    in_fence = {index for first, last in fenced for index in range(first, last + 1)}
    raw: set[int] = set()
    index = 0
    while index < len(lines):
        opening = None if index in in_fence else _HTML_BLOCK.match(lines[index])
        if not opening or "markdown" in opening.group(2):
            index += 1
            continue
        tag, depth, end = opening.group(1), 0, index
        void = tag.lower() == "hr" or opening.group(2).rstrip().endswith("/")  # <hr>, <div/>: nothing inside
        for end in range(index, index + 1 if void else len(lines)):  # to the tag that closes it, however nested; else the end
            depth += len(re.findall(rf"<{tag}(?=[\s/>]|$)", lines[end], re.IGNORECASE))
            depth -= len(re.findall(rf"</{tag}\s*>", lines[end], re.IGNORECASE))
            if depth <= 0:
                break
        raw.update(range(index, end + 1))
        index = end + 1
    return raw


_QUOTED = re.compile(r"^[ \t]*> ?")
_MAX_QUOTE_DEPTH = 20  # blockquotes inside blockquotes: deeper than any page needs, shallow enough for the stack


def _indented_code(lines: list[str], depth: int) -> list[tuple[int, int]]:
    """Indented code blocks, at the top of the text, in containers and inside blockquotes."""
    scanner = _Scanner(lines)
    scanner.spans()
    found = [(first, last) for first, last in scanner.code]
    index = 0
    while depth < _MAX_QUOTE_DEPTH and index < len(lines):
        if not _QUOTED.match(lines[index]):
            index += 1
            continue
        end = index
        while end < len(lines) and _QUOTED.match(lines[end]):
            end += 1
        inner = [_QUOTED.sub("", line, count=1) for line in lines[index:end]]  # a blockquote is a page of its own
        found += [(index + first, index + last) for first, last in _indented_code(inner, depth + 1)]
        index = end
    return found


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
        self.code: list[list[int]] = []  # indented code blocks: [first, last] line indexes
        self.fresh = True  # the next line starts a block even without a blank line (after a heading or a marker)

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
        fresh, self.fresh = self.fresh or after_blank, False
        if (fence := _FENCE_OPENING.match(text)) and (closing := self._fence_end(index, fence.group(1), indent)) is not None:
            return closing
        if indent >= level + TAB_WIDTH:
            self._indented(index, fresh)
            return index  # indented code, or a paragraph's next line: no block starts here
        in_paragraph = bool(self.open) and self.open[-1].lazy and self.open[-1].tight
        if indent == level and not in_paragraph and (marker := _ADMONITION.match(text)):
            span = _Span(index, index, indent, marker)
            self.found.append(span)
            self.open.append(_Container(level + TAB_WIDTH, lazy=False, span=span))
            self.fresh = True
        elif indent == level and not in_paragraph and _TAB.match(text):
            self.open.append(_Container(level + TAB_WIDTH, lazy=False, span=None))
            self.fresh = True
        elif indent == level and _HEADING_LINE.match(text):
            self.fresh = True  # Python-Markdown reads the lines after a heading as a block of their own
        elif _LIST_LIKE.match(text):
            self.open.append(_Container(level + TAB_WIDTH, lazy=True, span=None))
        return index

    def _indented(self, index: int, fresh: bool) -> None:
        """A line indented past its container's content: code if it starts a block or goes on with
        code (blank lines between belong to it), else the next line of a paragraph."""
        if self.code and self.code[-1][1] == self._previous_line(index):
            self.code[-1][1] = index
        elif fresh:
            self.code.append([index, index])

    def _previous_line(self, index: int) -> int:
        """The index of the last non-blank line before `index` (-1 if none)."""
        index -= 1
        while index >= 0 and not self.lines[index].strip():
            index -= 1
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

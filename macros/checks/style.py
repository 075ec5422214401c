"""House style in the prose: quotation marks and times of day (the `style:` block of the course
plugin's `rules:` in mkdocs.yml, read into `Rules.style` by curriculum/project.py).

    style:
      quotes: single     # speech and quoted words in '...', "..." only inside them (double: the reverse; off)
      times: 5 pm        # 5 pm, 9.30 am, 12 noon ('17:00': the 24-hour clock; off)
      severity: warning  # error: the build stops

Every page is read (lessons, capstones, module introductions, articles and the other pages under
docs/), and the text values of its front matter, which the site shows to learners (questions,
options and their `why`, key takeaways, descriptions), at the line of their field.  Only prose is
judged: code, HTML comments, macro calls (`{{ }}`, `{% %}`), HTML tags, link targets, attribute
lists and the quoted titles of admonitions (`!!! exercise "Title"`), whose quotes are syntax, are
blanked out first (masking.py keeps every line where it was).  Not read yet: module.yml,
glossary.yml and scenario files, and the `sources` of a page (titles as their publishers wrote them).

Why a check of our own rather than a prose linter such as proselint: proselint judges general
usage (clichés, jargon, redundancy) and has no rule for either of these; it would read the
Markdown's syntax as prose (admonition titles, front matter) and report at lines that are not the
file's; and it would be one more pinned dependency for the build.  Two rules written against the
masked text say exactly what the author guide asks for, with the fix.

Numbers (one to nine in words) are not checked: a figure alone in running prose is fine in too
many places (Part 2, step 3, 1 in 5, a score out of 10, a list of timings) to warn without false
alarms.  The author guide states the rule; reviewers hold it.

Apostrophes are told from quotation marks by where they stand: a ' between two letters (don't)
or after a word with nothing to close (customers') is an apostrophe; a ' after a space or an
opening bracket, before a letter, opens a quotation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from macros.checks.masking import blank, line_at, prose
from macros.checks.pages import Index
from macros.curriculum.problems import Problem
from macros.curriculum.project import CONFIG_FILE, Layout, Style

# -- what is syntax, not prose --------------------------------------------------------------------

# Inline code that runs on to the next line of a list item, which masking.prose can leave (no blank line inside).
INLINE_CODE = re.compile(r"(`+)(?:[^`\n]|\n(?![ \t]*\n))+?\1")
TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
LINK_TARGET = re.compile(r"\]\((?:[^()\s]|\([^()]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")  # ](url "title")
REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:.*$", re.MULTILINE)  # [id]: url "title"
ATTRIBUTES = re.compile(r"\{:?\s*[#.:][^{}\n]*\}|\{\s*[\w-]+=[^{}\n]*\}")  # { #id .class key="value" }
ADMONITION = re.compile(r"^[ \t>]*(?:!!!|\?\?\?\+?)[ \t]*[\w -]*?(\"[^\"\n]*\"|'[^'\n]*')?[ \t]*$", re.MULTILINE)


def masked(markdown: str) -> str:
    """The prose of a page's body: everything that is syntax blanked, lines kept."""
    text = prose(markdown)
    for pattern in (INLINE_CODE, TEMPLATE, HTML_TAG, LINK_TARGET, REFERENCE, ATTRIBUTES):
        text = pattern.sub(blank, text)
    return ADMONITION.sub(_admonition, text)


def _admonition(match: re.Match) -> str:
    """An admonition's marker and its title's quotes blanked; the title itself is prose."""
    line = match.group(0)
    if not match.group(1):
        return blank(match)
    start, end = match.start(1) - match.start(), match.end(1) - match.start()
    return " " * start + " " + line[start + 1 : end - 1] + " " + line[end:]


# -- quotation marks ------------------------------------------------------------------------------

OPENS_AFTER = set(' \t\n([{—–-/"“') | {""}  # what may stand before an opening quotation mark
BLOCK_START = re.compile(r"^\s*(?:$|[-*+] |\d+[.)] |#|\||>)")  # a blank line, list item, heading, table row, quote
MARKS = {"single": "'", "double": '"'}
QUOTE_MARK = re.compile("[\"'“”‘’]")


def quote_problems(text: str, house: str) -> Iterator[tuple[int, str, str]]:
    """(offset, what, fix) for each quotation in the other style's marks that is not inside one in
    the house style's (with house 'single', "..." is reported unless inside '...'; with 'double',
    '...' unless inside "...").  A quotation ends with its paragraph, list item or table row."""
    own = MARKS[house]
    stack: list[tuple[str, int, bool]] = []  # each quotation open: its mark, where, whether nested in house style
    position = 0
    for line in text.splitlines(keepends=True):
        if BLOCK_START.match(line):
            yield from _unclosed(text, stack, own)
            stack = []
        for found in QUOTE_MARK.finditer(line):  # a regex finds the few marks faster than a loop over every character
            char = found.group()
            offset = position + found.start()
            before = text[offset - 1] if offset else ""
            after = text[offset + 1] if offset + 1 < len(text) else ""
            mark = '"' if char in '"“”' else "'"
            top = stack[-1][0] if stack else ""
            nested = any(entry[0] == own for entry in stack)
            if mark == "'":
                if top == "'" and char != "‘" and not before.isspace() and not after.isalnum():
                    yield from _closed(text, stack.pop(), offset, own)
                elif char != "’" and before in OPENS_AFTER and after and not after.isspace() and after not in "\"'":
                    stack.append(("'", offset, nested))
                # else an apostrophe: don't, customers'
            elif char == "”" or (char == '"' and top == '"'):
                if top == '"':
                    yield from _closed(text, stack.pop(), offset, own)
            elif not (char == '"' and before.isdigit()):  # not inches: a 6" screen
                stack.append(('"', offset, nested))
        position += len(line)
    yield from _unclosed(text, stack, own)


def _closed(text: str, opened: tuple[str, int, bool], end: int, own: str) -> Iterator[tuple[int, str, str]]:
    mark, start, nested = opened
    if mark != own and not nested:
        yield start, *_wrong(" ".join(text[start + 1 : end].split()), own)


def _unclosed(text: str, stack: list[tuple[str, int, bool]], own: str) -> Iterator[tuple[int, str, str]]:
    """A double quote left open at the end of its paragraph, when the house style is single (a '
    left open may be an apostrophe, so it is never reported)."""
    for mark, start, nested in stack:
        if mark == '"' and own == "'" and not nested:
            line_end = text.find("\n", start)
            quoted = " ".join(text[start + 1 : line_end if line_end >= 0 else len(text)].split())
            yield start, *_wrong(quoted, own, closed=False)
            return


def _wrong(quoted: str, own: str, closed: bool = True) -> tuple[str, str]:
    if len(quoted) > 40:
        quoted = quoted[:39].rstrip() + "…"
    if own == "'":
        what = f'double quotes around "{quoted}"' if closed else f'a double quote opens "{quoted}" and is not closed'
        return what, f"use single quotes: '{quoted}' (rules.style.quotes in {CONFIG_FILE})"
    return f"single quotes around '{quoted}'", f'use double quotes: "{quoted}" (rules.style.quotes in {CONFIG_FILE})'


# -- times of day ---------------------------------------------------------------------------------

CLOCK = re.compile(r"(?<![\w.:£$€])(\d{1,2})(?:[:.](\d{2}))?\s*([ap])(?:m|\.m\.)(?!\w)", re.IGNORECASE)  # 5pm, 5.30 PM
# Cheap scans first: the full patterns, with their look-behinds, cost ten times more on a page with no time.
CLOCK_HINT = re.compile(r"\d\s*[ap]\.?m", re.IGNORECASE)
TWENTY_FOUR_HINT = re.compile(r"\d:\d")
TWENTY_FOUR = re.compile(r"(?<![\w.:£$€/-])([01]?\d|2[0-3]):([0-5]\d)(?![\w:/]|\.\d|\s*[ap]\.?m\b)", re.IGNORECASE)  # 17:00


def time_problems(text: str, house: str) -> Iterator[tuple[int, str, str]]:
    """(offset, what, fix) for each time of day not written the house way: '5 pm' (5 pm, 9.30 am,
    12 noon) or '17:00' (the 24-hour clock, 09:30)."""
    for match in CLOCK.finditer(text) if CLOCK_HINT.search(text) else ():
        hour, minutes, half = int(match.group(1)), match.group(2) or "00", match.group(3).lower()
        if not 1 <= hour <= 12 or int(minutes) > 59:
            continue
        hour = hour % 12 + (12 if half == "p" else 0)
        right = twelve_hour(hour, minutes) if house == "5 pm" else f"{hour:02d}:{minutes}"
        if match.group(0) != right:
            yield (
                match.start(),
                f"'{match.group(0)}' is not how this course writes a time",
                f"write {right} (rules.style.times in {CONFIG_FILE})",
            )
    if house == "5 pm" and TWENTY_FOUR_HINT.search(text):
        for match in TWENTY_FOUR.finditer(text):
            right = twelve_hour(int(match.group(1)), match.group(2))
            yield (
                match.start(),
                f"'{match.group(0)}' is not how this course writes a time",
                f"write {right} (rules.style.times in {CONFIG_FILE})",
            )


def twelve_hour(hour: int, minutes: str) -> str:
    """A time of day (hour 0-23) in house style: 5 pm, 9.30 am, 12 noon, 12 midnight."""
    if minutes == "00" and hour in (0, 12):
        return "12 noon" if hour == 12 else "12 midnight"
    shown = f"{hour % 12 or 12}" + ("" if minutes == "00" else f".{minutes}")
    return f"{shown} {'am' if hour < 12 else 'pm'}"


# -- the pages ------------------------------------------------------------------------------------

MAY_OFFEND = re.compile("[\"'“”‘’0-9]")  # what a quotation or a time needs
SKIPPED_FIELDS = {"url", "avatar", "image", "icon", "template", "date", "slug", "id", "links", "source", "sources"}


def style_problems(layout: Layout, index: Index) -> Iterator[Problem]:
    style = layout.rules.style
    if style.quotes == "off" and style.times == "off":
        return
    for page in index.pages:
        text = masked(page.source.body)
        for offset, what, fix in _findings(text, style):
            yield Problem(page.file, line_at(text, offset, page.source.body_line), "", what, fix, style.severity)
        for field, line, value in front_matter_text(page.source.meta):
            if not MAY_OFFEND.search(value):  # most values hold neither a quotation mark nor a digit
                continue
            for _, what, fix in _findings(masked(value), style):
                yield Problem(page.file, line, field, what, fix, style.severity)


def _findings(text: str, style: Style) -> Iterator[tuple[int, str, str]]:
    if style.quotes != "off":
        yield from quote_problems(text, style.quotes)
    if style.times != "off":
        yield from time_problems(text, style.times)


def front_matter_text(meta: Any, name: str = "", line: int = 1) -> Iterator[tuple[str, int, str]]:
    """(field, line, text) for each text value in the front matter, its field named as the loader
    names them (knowledge_check[2].options[1].why) at the line of its key or item."""
    if isinstance(meta, dict):
        lines = getattr(meta, "lines", {})
        for key, value in meta.items():
            if str(key) in SKIPPED_FIELDS:
                continue
            yield from front_matter_text(value, f"{name}.{key}" if name else str(key), lines.get(key, line))
    elif isinstance(meta, list):
        lines = getattr(meta, "lines", [])
        for number, value in enumerate(meta):
            yield from front_matter_text(value, f"{name}[{number + 1}]", lines[number] if number < len(lines) else line)
    elif isinstance(meta, str):
        yield name, line, meta


__all__ = ["masked", "quote_problems", "style_problems", "time_problems", "twelve_hour"]

"""Placeholders left in: "TODO" in front matter values, in the text (code does not count) and in
module.yml and glossary.yml (comments do not count).

YAML comments are told from values by PyYAML's own scanner: a TODO counts only inside a token.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from macros.checks.masking import mask_code
from macros.checks.pages import Page, read_page
from macros.curriculum.problems import Problem
from macros.curriculum.project import Layout
from macros.curriculum.source import SourceError, flatten_lines
from macros.curriculum.tree import SourceTree

PLACEHOLDER = re.compile(r"\bTODO\b")


def placeholders_in_page(page: Page) -> list[Problem]:
    """'TODO' left in the front matter's values or in the text (code does not count)."""
    lines = page.text.split("\n")
    front = "\n".join(lines[n - 1] for n in page.front_matter_lines if n - 1 < len(lines))
    problems = list(_in_yaml(page.file, front, page.source.meta, line_offset=1))
    body = mask_code(page.source.body).split("\n")
    for number, line in enumerate(body, start=page.source.body_line):
        match = PLACEHOLDER.search(line)
        if match:
            problems.append(_placeholder(page.file, number, "", line[match.start() :]))
    return problems


def placeholders_in_yaml(layout: Layout, tree: SourceTree, path: Path) -> list[Problem]:
    if not path.is_file():
        return []
    try:
        text = tree.text(path)
    except SourceError:
        return []
    try:
        data = tree.yaml(path)
    except SourceError:
        data = None
    return list(_in_yaml(layout.rel(path), text, data))


def placeholders(layout: Layout, tree: SourceTree, path: Path) -> list[Problem]:
    """Placeholders in one file (Markdown or YAML), for `course list`'s status."""
    if path.suffix == ".md":
        page, _ = read_page(layout, tree, path)
        return placeholders_in_page(page) if page else []
    return placeholders_in_yaml(layout, tree, path)


def _in_yaml(file: str, text: str, data: Any, line_offset: int = 0) -> Iterator[Problem]:
    """Each TODO inside a YAML token of `text`, named by the field on its line."""
    if not PLACEHOLDER.search(text):
        return
    tokens = _tokens(text)
    ends = sorted(token.end_mark.index for token in tokens)
    names = _field_names(data)
    for token in tokens:
        start, end = token.start_mark.index, token.end_mark.index
        for match in PLACEHOLDER.finditer(text, start, end):
            line = text.count("\n", 0, match.start()) + 1 + line_offset
            line_end = text.find("\n", match.start())
            line_end = len(text) if line_end < 0 else line_end
            # What follows on the line, up to the last token there (a comment after it is left out).
            cut = max((e for e in ends if match.start() < e <= line_end), default=line_end)
            yield _placeholder(file, line, _field_at(names, line), text[match.start() : cut])


def _tokens(text: str) -> list[Any]:
    """PyYAML's tokens that carry text, up to the first syntax error (the loader reports that)."""
    found: list[Any] = []
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, (yaml.ScalarToken, yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)):
                found.append(token)
    except yaml.YAMLError:
        pass
    return found


def _placeholder(file: str, line: int, field_name: str, text: str) -> Problem:
    shown = " ".join(text.split()).rstrip("\"',]").strip()
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    return Problem(file, line, field_name, f'a placeholder is left in: "{shown}"', "replace it with the real text")


def _field_names(data: Any) -> list[tuple[int, str]]:
    """(line, field name) for every key and item, sorted by line, deepest name per line."""
    by_line: dict[int, str] = {}
    for path, line in flatten_lines(data).items():
        if line and len(path) >= len(by_line.get(line, "")):
            by_line[line] = path
    return sorted((line, _pretty(path)) for line, path in by_line.items())


def _pretty(path: str) -> str:
    return re.sub(r"\.(\d+)(?=\.|$)", lambda m: f"[{int(m.group(1)) + 1}]", path)


def _field_at(names: list[tuple[int, str]], line: int) -> str:
    name = ""
    for start, found in names:
        if start > line:
            break
        name = found
    return name

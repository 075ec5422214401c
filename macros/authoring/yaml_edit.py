"""Adding an item to a list in a YAML file the author keeps by hand (module.yml's lessons:), with
every comment, quote and blank line left as it was."""

from __future__ import annotations

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError as RuamelError

from macros.curriculum.source import SourceError, parse_yaml


def add_to_list(text: str, key: str, item: str) -> str | None:
    """`text` (YAML) with `item` appended to the top-level list `key`; None if that cannot be done.

    ruamel.yaml's round-trip loader finds the list and where its items are; the new item is then
    written as one new line (or inside the [...] of a flow list), so every other byte of the
    file, comments and quoting included, stays as the author wrote it.
    """
    try:
        data = _ROUND_TRIP.load(text)
    except RuamelError:
        return None
    if not isinstance(data, CommentedMap) or key not in data:
        return None
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)
    listed = data[key]
    if listed is None:  # `lessons:` with nothing under it yet
        at, line = data.lc.key(key)[0] + 1, f"  - {item}{newline}"
    elif isinstance(listed, CommentedSeq) and (listed.fa.flow_style() or not listed):  # [a, b] or []
        edited = _add_to_flow_list(lines, data.lc.value(key), item)
        return _checked(edited, key, item) if edited is not None else None
    elif isinstance(listed, CommentedSeq) and listed:
        row, column = listed.lc.item(len(listed) - 1)
        dash = lines[row].rfind("-", 0, column)
        at, line = _line_after_item(lines, row), f"{lines[row][:dash]}- {item}{newline}"
    else:
        return None
    if at > 0 and not lines[at - 1].endswith(("\n", "\r")):
        lines[at - 1] += newline
    lines.insert(at, line)
    return _checked("".join(lines), key, item)


def _line_after_item(lines: list[str], row: int) -> int:
    """The index after an item's last line (an item may go on, more indented, on the next lines)."""
    indent = len(lines[row]) - len(lines[row].lstrip())
    at = row + 1
    while at < len(lines) and lines[at].strip() and not lines[at].lstrip().startswith("#"):
        if len(lines[at]) - len(lines[at].lstrip()) <= indent:
            break
        at += 1
    return at


def _add_to_flow_list(lines: list[str], start: tuple[int, int], item: str) -> str | None:
    """`[a, b]` -> `[a, b, item]`, on the line where the list is written."""
    row, column = start
    close = lines[row].find("]", column)
    if close < 0:
        return None  # a flow list over several lines: too rare to edit safely
    inner = lines[row][column + 1 : close].strip()
    lines[row] = lines[row][: column + 1] + (f"{inner}, {item}" if inner else item) + lines[row][close:]
    return "".join(lines)


def _checked(result: str, key: str, item: str) -> str | None:
    """The edited text, if it still parses and the list now ends with the item."""
    try:
        data = parse_yaml(result)
    except SourceError:
        return None
    listed = data.get(key) if isinstance(data, dict) else None
    return result if isinstance(listed, list) and listed and listed[-1] == item else None


_ROUND_TRIP = YAML(typ="rt")

"""Reading metadata files while keeping the line every value came from.

YAML is parsed with PyYAML's safe loader into `LineDict` / `LineList`: ordinary dicts and lists
that also remember the 1-based line of each key or item, so validation can point at the real
line of the real file (front matter included).  Dates stay strings; the schema checks them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from macros.curriculum.memo import per_object


class LineDict(dict):
    """A mapping that knows the file line of each of its keys."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines: dict[Any, int] = {}
        self.line = 0  # the line where the mapping starts


class LineList(list):
    """A sequence that knows the file line of each of its items."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines: list[int] = []
        self.line = 0


class _Loader(yaml.SafeLoader):
    """Safe loader with line numbers, no implicit dates, and no duplicate keys."""

    line_offset = 0


# Dates are checked by the schema as strings ("2026-11-20"); YAML's own date type would make
# `reviewed: 2026-11-20` and `reviewed: "2026-11-20"` two different things for authors.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class DuplicateKey(yaml.MarkedYAMLError):
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    result = LineDict()
    result.line = node.start_mark.line + 1 + loader.line_offset
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise yaml.constructor.ConstructorError(None, None, "a key must be a plain word", key_node.start_mark)
        if key in result:
            raise DuplicateKey(None, None, f"'{key}' appears twice in the same block", key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = key_node.start_mark.line + 1 + loader.line_offset
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList()
    result.line = node.start_mark.line + 1 + loader.line_offset
    for item in node.value:
        result.append(loader.construct_object(item, deep=True))
        result.lines.append(item.start_mark.line + 1 + loader.line_offset)
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


# The same loader on libyaml's C parser: about four times faster, which a curriculum of a thousand
# lessons notices (make bench). Used first; on any error the pure-Python loader parses again, so
# the messages authors see stay the same.
_FastLoader: type[Any] | None = None  # a CSafeLoader with line_offset, when PyYAML has libyaml
if getattr(yaml, "__with_libyaml__", False):

    class _CLoader(yaml.CSafeLoader):
        line_offset = 0

    _CLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
    _CLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _CLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
    _FastLoader = _CLoader


class SourceError(Exception):
    """A file that cannot be read as metadata at all, with the line and a fix."""

    def __init__(self, line: int, message: str, hint: str):
        self.line, self.message, self.hint = line, message, hint
        super().__init__(f"{line}: {message} — {hint}")


# Mistakes PyYAML reports where it noticed them (often lines later): said plainly, at the line
# where the unclosed thing opened.  (PyYAML's context, message, hint)
_UNCLOSED = [
    (
        "while parsing a flow sequence",
        "a list opened with '[' is not closed",
        "close it with ']', or put quotes around text that starts with '['",
    ),
    (
        "while parsing a flow mapping",
        "a block opened with '{' is not closed",
        "close it with '}', or put quotes around text that starts with '{'",
    ),
    (
        "while scanning a quoted scalar",
        "a quotation opened here is not closed",
        "end it with the same quote mark; inside '...', write a ' twice ('it''s')",
    ),
]


_QUOTE_THEN_TEXT = re.compile(r"""(^|:\s|-\s)\s*(["']).*?\2\s*[^\s#]""")


def _line(text: str, index: int, line_offset: int) -> int:
    return text.count("\n", 0, index) + 1 + line_offset


# A budget for what metadata needs, so a hostile or broken file fails in a moment with a message
# instead of hanging the build (a few aliases nested nine deep stand for a billion values) or
# overflowing the stack (a list ten thousand levels deep). The curriculum's own files nest four
# levels deep and use no aliases.
MAX_DEPTH = 30
MAX_ALIASES = 20  # however they nest, 20 aliases expand to at most about 1,500 copies
# libyaml's scanner when PyYAML has it: about 20 times faster over the same tokens.
_SCANNER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DEEP_INDENT = re.compile(rf"^ {{{MAX_DEPTH}}}", re.MULTILINE)
_OPENS = (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken, yaml.FlowMappingStartToken, yaml.FlowSequenceStartToken)
_CLOSES = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)


def _within_budget(text: str, line_offset: int) -> None:
    """Raise SourceError when the YAML nests too deep or uses too many aliases (*name).

    Read from PyYAML's tokens, which come without building anything; most files are skipped by a
    quick look for '*', for more brackets than the depth allowed, and for deep indentation."""
    brackets = text.count("[") + text.count("{")
    if "*" not in text and brackets <= MAX_DEPTH and not _DEEP_INDENT.search(text):
        return
    for scanner in dict.fromkeys((_SCANNER, yaml.SafeLoader)):
        try:
            _count_tokens(yaml.scan(text, Loader=scanner), line_offset)
            return
        except yaml.YAMLError:
            continue  # libyaml gives up at its own depth limit, before ours: read it again exactly
    # Not YAML at all: the parser says what is wrong, below.


def _count_tokens(tokens: Iterable[yaml.Token], line_offset: int) -> None:
    depth = aliases = 0
    for token in tokens:
        if isinstance(token, _OPENS):
            depth += 1
            if depth > MAX_DEPTH:
                line = token.start_mark.line + 1 + line_offset
                hint = "metadata needs a few levels at most: look for brackets left open"
                raise SourceError(line, f"this nests more than {MAX_DEPTH} levels deep", hint)
        elif isinstance(token, _CLOSES):
            depth -= 1
        elif isinstance(token, yaml.AliasToken):
            aliases += 1
            if aliases > MAX_ALIASES:
                line = token.start_mark.line + 1 + line_offset
                hint = "write the values out: metadata needs no anchors (&name) and aliases (*name)"
                raise SourceError(line, f"more than {MAX_ALIASES} aliases (*name) in one file", hint)


def parse_yaml(text: str, line_offset: int = 0) -> Any:
    """Parse YAML, raising SourceError (with the file's line) instead of a PyYAML traceback."""
    if "\t" in text:
        raise SourceError(_line(text, text.index("\t"), line_offset), "a tab character in YAML", "indent with spaces, not tabs")
    control = yaml.reader.Reader.NON_PRINTABLE.search(text)
    if control:
        code = f"U+{ord(control.group()):04X}"
        raise SourceError(
            _line(text, control.start(), line_offset),
            f"an invisible control character ({code}) that YAML does not allow",
            "delete it: it often comes in with text pasted from another program",
        )
    _within_budget(text, line_offset)
    if _FastLoader is not None:
        fast = _FastLoader(text)
        fast.line_offset = line_offset
        try:
            return fast.get_single_data()
        except yaml.YAMLError:
            pass  # parsed again below, for the message
        finally:
            fast.dispose()
    loader = _Loader(text)
    loader.line_offset = line_offset
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 1 + line_offset) if mark else line_offset + 1
        problem = (error.problem or error.context or "invalid YAML").strip()
        if isinstance(error, DuplicateKey):
            raise SourceError(line, f"duplicate field: {problem}", "keep one of them") from None
        for context, message, hint in _UNCLOSED:
            if error.context == context and error.context_mark:
                raise SourceError(error.context_mark.line + 1 + line_offset, message, hint) from None
        if (
            problem == "expected <block end>, but found '<scalar>'"
            and error.problem_mark
            and _QUOTE_THEN_TEXT.search(text.split("\n")[error.problem_mark.line])
        ):
            raise SourceError(
                line, "the text goes on after its closing quote", "put the quotes around the whole value: title: 'Say \"no\" and mean it'"
            ) from None
        if "could not determine a constructor for the tag" in problem:
            raise SourceError(
                line, f"this is not valid YAML ({problem})", "remove the '!' tag: metadata is plain text, numbers, lists and fields"
            ) from None
        raise SourceError(
            line,
            f"this is not valid YAML ({problem})",
            "check the indentation, and put quotes around text that contains ': ' or starts with a quote, '[', '{', '*', '&' or '!'",
        ) from None
    except yaml.YAMLError as error:
        raise SourceError(line_offset + 1, f"this is not valid YAML ({error})", "check the syntax") from None
    finally:
        loader.dispose()


@dataclass(frozen=True)
class MarkdownSource:
    """A Markdown file split into its front matter and its body."""

    meta: dict
    body: str
    body_line: int  # the file line where the body starts


def is_file(path: Path) -> bool:
    """Path.is_file, but False (not OSError) for a name the system refuses, such as one too long."""
    try:
        return path.is_file()
    except OSError:
        return False


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise SourceError(line, "the file is not UTF-8 text", "save it with UTF-8 encoding") from None
    except OSError as error:  # no permission to read it, a folder where a file belongs...
        raise SourceError(0, f"the file cannot be read ({error.strerror or error})", "check that it is a file you may read") from None


def split_front_matter(text: str) -> MarkdownSource:
    """Split `---` front matter from a Markdown body, keeping real line numbers."""
    text = text.lstrip("\ufeff")
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return MarkdownSource({}, text, 1)
    for index, line in enumerate(lines[1:], start=1):
        if line.rstrip() in ("---", "..."):
            meta = parse_yaml("\n".join(lines[1:index]), line_offset=1)
            if meta is None:
                meta = LineDict()
            if not isinstance(meta, dict):
                raise SourceError(2, "front matter must be fields like 'title: ...'", "write one 'field: value' per line")
            return MarkdownSource(meta, "\n".join(lines[index + 1 :]), index + 2)
    raise SourceError(1, "the front matter opened here never closes", "add a line with --- after the last field")


def read_markdown(path: Path) -> MarkdownSource:
    return split_front_matter(read_text(path))


def read_yaml(path: Path) -> Any:
    return parse_yaml(read_text(path))


def line_of(data: Any, path: tuple) -> int:
    """The line of the deepest element on `path` (keys and indexes) that has one."""
    line = getattr(data, "line", 0)
    node = data
    for step in path:
        in_dict = isinstance(node, LineDict) and step in node.lines
        in_list = isinstance(node, LineList) and isinstance(step, int) and step < len(node.lines)
        if in_dict or in_list:
            line = node.lines[step]
        else:
            break
        node = node[step]
    return line


@per_object  # the preview's next build hands back the objects parsed from unchanged files
def flatten_lines(data: Any) -> dict[str, int]:
    """Every key and item's line as 'field.sub.0' -> line, for checks made after loading."""
    return _flatten(data, "")


def _flatten(data: Any, prefix: str) -> dict[str, int]:
    found: dict[str, int] = {}
    if isinstance(data, LineDict):
        items = ((str(key), data.lines.get(key, 0), value) for key, value in data.items())
    elif isinstance(data, LineList):
        items = ((str(i), line, value) for i, (line, value) in enumerate(zip(data.lines, data, strict=False)))
    else:
        return found
    for key, line, value in items:
        name = f"{prefix}.{key}" if prefix else key
        found[name] = line
        found.update(_flatten(value, name))
    return found

"""What a metadata value is: the one rule every output follows (the author guide's "Values are text").

Each field of the schema (schema.py, brand.py) declares its kind with the `x-kind` keyword:

    text             the default: shown exactly as written, escaped for HTML, JSON or XML
    inline Markdown  a short, named list of fields (key takeaways, an option's feedback, a
                     glossary definition): emphasis, `code` and links, rendered once; no raw
                     HTML, no images, links only to http(s), mailto or the site itself
    URL              http(s), mailto where a link may write to someone, or a path in the site
    page body        the Markdown under a page's front matter: the only thing run as a template

A value of the wrong kind is a schema problem at its line, said with a fix (schema_check.py).
Values the schema marks inline Markdown are handed on as `InlineMarkdown`, so the fragments
render them (render/inline_markdown.py) and everything else treats them as text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

import jsonschema

KEYWORD = "x-kind"


class Kind(StrEnum):
    TEXT = "text"
    INLINE_MARKDOWN = "inline Markdown"
    URL = "URL"
    BODY = "page body"


class InlineMarkdown(str):
    """A value the schema declares inline Markdown: text until a fragment renders it."""

    __slots__ = ()


LINK_SCHEMES = ("http", "https", "mailto")
# Browsers ignore tabs and newlines inside a URL and spaces before it: "java\tscript:" is javascript:.
_IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f]")


# Characters a well-formed address never holds as they are (RFC 3986): they are percent-encoded.
_NOT_IN_URLS = re.compile(r'["<>\\^`{|}]')


def url_problem(value: str, schemes: tuple[str, ...] = ("http", "https")) -> str | None:
    """Why `value` is not a URL of this kind (None when it is): http(s), or a path in the site."""
    unsafe = _NOT_IN_URLS.search(value.strip())
    if unsafe:
        return f"'{value}' holds a character an address cannot ({unsafe.group()}): percent-encode it"
    cleaned = _IGNORED_IN_URLS.sub("", value)
    if cleaned.startswith("//"):
        return f"'{value}' leaves out the scheme"
    try:
        scheme = urlsplit(cleaned).scheme.lower()
    except ValueError:
        return f"'{value}' is not a well-formed address"
    if scheme and scheme not in schemes:
        return f"'{value}' is a {scheme}: address; only {', '.join(s + ':' for s in schemes)} or a path in the site can be used here"
    return None


_CODE_SPAN = re.compile(r"(`+).+?\1", re.DOTALL)
_RAW_HTML = re.compile(r"<(?:[A-Za-z][A-Za-z0-9-]*[\s/>]|/[A-Za-z]|!--|\?)")
_IMAGE = re.compile(r"!\[[^\]]*\]")
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)|<([A-Za-z][A-Za-z0-9+.-]*:[^>\s]*)>|^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)


def inline_markdown_problem(value: str) -> str | None:
    """Why `value` is not inline Markdown we publish (None when it is)."""
    text = _CODE_SPAN.sub("", value)  # inside `code` anything is text
    if _RAW_HTML.search(text):
        return "raw HTML is not allowed here"
    if _IMAGE.search(text):
        return "images are not allowed here"
    for match in _LINK_TARGET.finditer(text):
        target = next(group for group in match.groups() if group is not None)
        wrong = url_problem(target, LINK_SCHEMES)
        if wrong:
            return f"the link {wrong}"
    return None


HINTS = {
    Kind.URL: "write an address that starts with https://, or a path in the site",
    Kind.INLINE_MARKDOWN: "write Markdown only: *emphasis*, `code` and [links](https://example.org); "
    "put a tag or a URL of another kind in `code` to show it as text",
}


def _check_kind(validator, kind: str, value: Any, schema: dict) -> Iterator[jsonschema.ValidationError]:
    """The jsonschema keyword `x-kind`: a value of the declared kind, or an error saying why not."""
    if not isinstance(value, str):
        return  # `type` reports it
    if kind == Kind.URL:
        wrong = url_problem(value, tuple(schema.get("x-schemes", ("http", "https"))))
    elif kind == Kind.INLINE_MARKDOWN:
        wrong = inline_markdown_problem(value)
    else:
        wrong = None
    if wrong:
        yield jsonschema.ValidationError(wrong)


def validator_for(schema: dict) -> jsonschema.protocols.Validator:
    """A draft 2020-12 validator of `schema` that also checks each value's kind."""
    cls = jsonschema.validators.extend(jsonschema.Draft202012Validator, {KEYWORD: _check_kind})
    return cls(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def mark(schema: dict, data: Any) -> Any:
    """`data` (valid against `schema`) with inline-Markdown strings as InlineMarkdown, in place."""
    if isinstance(data, dict):
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        for key, value in data.items():
            sub = properties.get(key, extra if isinstance(extra, dict) else None)
            if sub is not None:
                data[key] = mark(sub, value)
    elif isinstance(data, list) and isinstance(schema.get("items"), dict):
        for index, value in enumerate(data):
            data[index] = mark(schema["items"], value)
    elif isinstance(data, str) and schema.get(KEYWORD) == Kind.INLINE_MARKDOWN:
        return InlineMarkdown(data)
    return data


def kind_of(schema: dict) -> Kind | None:
    """The kind of a field that holds text (a string, or a list or block of strings), else None."""
    inner = schema.get("items") or schema.get("additionalProperties") or {}
    for rule in (schema, inner if isinstance(inner, dict) else {}):
        if _may_be_text(rule) and "pattern" not in rule and "format" not in rule:
            return Kind(rule.get(KEYWORD, Kind.TEXT))
    return None


def _may_be_text(rule: dict) -> bool:
    """A string, or a string among other types (a module objective: text, or a block of fields)."""
    allowed = rule.get("type")
    return allowed == "string" or (isinstance(allowed, list) and "string" in allowed)


def fields_of_kind(schema: dict, kind: Kind, prefix: str = "") -> list[str]:
    """The dotted names of the fields in `schema` of `kind` (for the author guide and tests)."""
    found = []
    if schema.get(KEYWORD, Kind.TEXT if _may_be_text(schema) else None) == kind:
        found.append(prefix)
    for key, sub in schema.get("properties", {}).items():
        found += fields_of_kind(sub, kind, f"{prefix}.{key}" if prefix else key)
    if isinstance(schema.get("additionalProperties"), dict):
        found += fields_of_kind(schema["additionalProperties"], kind, f"{prefix}.<id>")
    if isinstance(schema.get("items"), dict):
        found += fields_of_kind(schema["items"], kind, f"{prefix}[]")
    return found

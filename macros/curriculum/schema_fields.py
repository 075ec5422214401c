"""The building blocks of the metadata schema (schema.py, schema_scenario.py): a field of text, of
inline Markdown or a URL (kinds.py), a list of words or of ids, a block of objectives. Each carries
the `description` the author guide shows and the `examples` the hints quote.
"""

from __future__ import annotations

from macros.curriculum.kinds import KEYWORD, Kind

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def text(description: str, example: str, max_length: int = 300) -> dict:
    return {"type": "string", "minLength": 1, "maxLength": max_length, "description": description, "examples": [example]}


def markdown(description: str, example: str, max_length: int = 300) -> dict:
    """Inline Markdown (kinds.py): emphasis, code and links, no HTML."""
    return {**text(description, example, max_length), KEYWORD: Kind.INLINE_MARKDOWN}


def url(description: str, example: str) -> dict:
    """An http(s) address or a path in the site (kinds.py)."""
    return {**text(description, example, 500), KEYWORD: Kind.URL}


def words(description: str, example: list) -> dict:
    return {
        "type": "array",
        "items": {"type": "string", "minLength": 1},
        "uniqueItems": True,
        "description": description,
        "examples": [example],
    }


def ids(description: str, example: list) -> dict:
    return {
        "type": "array",
        "items": {"type": "string", "pattern": SLUG},
        "uniqueItems": True,
        "description": description,
        "examples": [example],
    }


def objectives(description: str, example: dict) -> dict:
    return {
        "type": "object",
        "minProperties": 1,
        "propertyNames": {"pattern": SLUG},
        "additionalProperties": {"type": "string", "minLength": 1, "maxLength": 300},
        "description": description,
        "examples": [example],
    }

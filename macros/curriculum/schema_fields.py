"""The building blocks of the metadata schema (schema.py, schema_scenario.py): a field of text, of
inline Markdown or a URL (kinds.py), a list of words or of ids, a block of objectives (a module's
may also say how each shows at work). Each carries the `description` the author guide shows and the
`examples` the hints quote.
"""

from __future__ import annotations

from datetime import date

from macros.curriculum.kinds import KEYWORD, Kind

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

# How many behaviours at work (`on_the_job`) each module objective needs: `course check` counts
# them (validate.py), so an objective written as text alone, as before, still loads and is named.
FEWEST_BEHAVIOURS = 2
MOST_BEHAVIOURS = 4

# A field whose nested fields the author guide's metadata reference lists row by row under it
# (render/page_macros.py); the others describe theirs in words.
NESTED_ROWS = "x-nested-rows"
# Fields the schema lets through but `course check` asks for: the reference shows them as required.
REQUIRED_BY_CHECK = "x-required-by-check"


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


def text_list(description: str, example: list, fewest: int = 0) -> dict:
    """A list of short plain-text items (each up to 300 characters), none repeated."""
    rule = {
        "type": "array",
        "items": text("One item.", example[0]),
        "uniqueItems": True,
        "description": description,
        "examples": [example],
    }
    return {**rule, "minItems": fewest} if fewest else rule


# Examples without commas or colons: a hint writes them as a YAML flow list ("write watch: [...]").
MEASURES = {
    "type": "object",
    "additionalProperties": False,
    "description": "Optional: how a manager follows the objective up in numbers, under `watch` and `avoid`.",
    "examples": [{"watch": ["Repeat contacts within seven days"], "avoid": ["Average handling time as a target"]}],
    "properties": {
        "watch": text_list(
            "Leading indicators worth watching: numbers or signs that move when the behaviour takes hold (plain text, one or more).",
            ["Repeat contacts within seven days about the same problem"],
            fewest=1,
        ),
        "avoid": text_list(
            "What not to make a target, and why: a number that would reward the wrong behaviour (plain text, one or more).",
            ["Average handling time as a target because it rewards ending the call"],
            fewest=1,
        ),
    },
}

# Text alone (as before), or a block with behaviours at work and measures. JSON Schema applies the
# text rules to text and the block rules to a block, so each error is said like any other field's.
MODULE_OBJECTIVE = {
    "type": ["string", "object"],
    "minLength": 1,
    "maxLength": 300,
    "additionalProperties": False,
    "required": ["text"],
    REQUIRED_BY_CHECK: ["on_the_job"],
    "description": "One objective: a block of `text`, `on_the_job` and optional `measures`.",
    "examples": [{"text": "Ask questions that uncover the need behind a request.", "on_the_job": ["...", "..."]}],
    "properties": {
        "text": text(
            "What learners can do after the module, as a measurable statement.", "Ask questions that uncover the need behind a request."
        ),
        "on_the_job": text_list(
            f"{FEWEST_BEHAVIOURS} to {MOST_BEHAVIOURS} observable behaviours: what a manager would see or hear at work when the "
            "objective is met, one plain sentence each. The manager's guide and the action plan are made from them.",
            ["Asks what prompted the call before offering a fix", "Sums up the need and checks it with the customer"],
        ),
        "measures": MEASURES,
    },
}


def module_objectives(description: str, example: dict) -> dict:
    """A module's objectives: each a block of its text, its behaviours at work and its measures."""
    return {**objectives(description, example), "additionalProperties": MODULE_OBJECTIVE, NESTED_ROWS: True}


# A source's year: no earlier than 1900, and no later than next year (a paper dated ahead).
EARLIEST_YEAR = 1900
LATEST_YEAR = date.today().year + 1

SOURCE_EXAMPLE = {"author": "Frederick F. Reichheld", "title": "The One Number You Need to Grow", "year": 2003}
SOURCE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["author", "title", "year"],
    "description": "One publication: its `author`, `title` and `year`, and a `url` or a `publisher` (or both).",
    "examples": [SOURCE_EXAMPLE],
    "properties": {
        "author": text("The person, people or organisation who wrote it.", "Frederick F. Reichheld", 200),
        "title": text("The publication's title, as published.", "The One Number You Need to Grow", 300),
        "year": {
            "type": "integer",
            "minimum": EARLIEST_YEAR,
            "maximum": LATEST_YEAR,
            "description": f"The year it was published (a whole number, {EARLIEST_YEAR} to next year).",
            "examples": [2003],
        },
        # http(s) only (kinds.py); sources.py also refuses a path: a source is never a page of the site.
        "url": url(
            "Where to read it: an address starting with https://. Only a link: the site never fetches it.",
            "https://example.org/papers/one-number",
        ),
        "publisher": text(
            "Who published it (a journal, a publisher, a regulator): needed when there is no `url`.", "Harvard Business Review", 200
        ),
    },
}


def sources() -> dict:
    """The publications a page's claims rest on: shown at the end of the page as its sources."""
    description = (
        "Publications the page's claims rest on, listed at its end under Sources: each with `author`, `title` and `year`, "
        "and a `url` or a `publisher`. Cite only what you have read and are sure exists."
    )
    return {"type": "array", "items": SOURCE, "description": description, "examples": [[SOURCE_EXAMPLE]], NESTED_ROWS: True}

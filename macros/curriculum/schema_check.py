"""Metadata checked against the schema (schema.py), each error said as an author can act on it: the
field, what is wrong at its real line, and a fix drawn from the schema's own examples
("write duration: 25").

    validate("lesson", front_matter, "modules/m/l.md") -> list[Problem]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import jsonschema
import yaml

from macros.curriculum.kinds import HINTS, KEYWORD, Kind, validator_for
from macros.curriculum.memo import per_object
from macros.curriculum.problems import Problem, did_you_mean
from macros.curriculum.schema import AUTHORS, SCHEMAS, SLUG
from macros.curriculum.source import line_of

UNKNOWN_FIELD = "unknown field"
MISSING_FIELD = "this required field is missing"

SCHEMA_OF = {**SCHEMAS, "authors": AUTHORS}
_VALIDATORS = {name: validator_for(schema) for name, schema in SCHEMA_OF.items()}


def validate(kind: str, data: Any, file: str) -> list[Problem]:
    """All schema problems in `data` (a `kind` of metadata read from `file`)."""
    return list(_validate(data, kind, file))


@per_object  # the same parsed object comes back in the preview's next check (tree.py)
def _validate(data: Any, kind: str, file: str) -> list[Problem]:
    if not isinstance(data, dict):
        line = getattr(data, "line", 1) or 1
        return [Problem(file, line, "", "expected fields like 'title: ...'", "write one 'field: value' per line")]
    return validate_with(_VALIDATORS[kind], data, file)


def validate_with(validator, data: Any, file: str) -> list[Problem]:
    """All problems a validator (kinds.validator_for) finds in `data`, each said with a fix."""
    problems = [problem for error in validator.iter_errors(data) for problem in _explain(error, data, file)]
    # A typo ('titel') also leaves its field missing: the typo, with its fix, is the one problem.
    typos = {(p.field.rpartition(".")[0], p.hint) for p in problems if p.message == UNKNOWN_FIELD}
    return [p for p in problems if not (p.message == MISSING_FIELD and _typo_of(p) in typos)]


def _typo_of(problem: Problem) -> tuple[str, str]:
    parent, _, name = problem.field.rpartition(".")
    return parent, f"did you mean '{name}'?"


_TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "array": "a list",
    "object": "a block of fields",
    "boolean": "true or false",
    "number": "a number",
}


def _field_name(path) -> str:
    parts = []
    for step in path:
        if isinstance(step, int):
            parts.append(f"[{step + 1}]")  # authors count from 1
        else:
            parts.append(("." if parts else "") + str(step))
    return "".join(parts)


def _example(schema: dict, name: str) -> str:
    examples = schema.get("examples")
    if not examples:
        return ""
    value = examples[0]
    if isinstance(value, str):
        # "1.0" must stay text; a date needs no quotes (the loader reads dates as text)
        shown = value if isinstance(yaml.safe_load(value), str) or schema.get("format") == "date" else f'"{value}"'
    elif isinstance(value, bool):
        shown = "true" if value else "false"
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        shown = "[" + ", ".join(value) + "]"
    elif isinstance(value, (int, float)):
        shown = str(value)
    else:
        return ""
    return f"write {name}: {shown}"


@dataclass(frozen=True)
class _Error:
    """One jsonschema error, with what every message needs."""

    error: jsonschema.ValidationError
    data: Any
    file: str

    @property
    def path(self) -> tuple:
        return tuple(self.error.absolute_path)

    @property
    def instance(self) -> Any:
        """The value that is wrong (jsonschema types it loosely)."""
        return self.error.instance

    @property
    def field(self) -> str:
        return _field_name(self.path)

    @property
    def line(self) -> int:
        return line_of(self.data, self.path) or 1

    @property
    def schema(self) -> dict:
        return self.error.schema if isinstance(self.error.schema, dict) else {}

    @property
    def example(self) -> str:
        path = self.path
        name = str(path[-1]) if path and not isinstance(path[-1], int) else self.field
        return _example(self.schema, name)

    def problem(self, message: str, hint: str, field: str | None = None, line: int | None = None) -> Problem:
        return Problem(self.file, line or self.line, self.field if field is None else field, message, hint)


def _explain(error: jsonschema.ValidationError, data: Any, file: str) -> Iterator[Problem]:
    said = _Error(error, data, file)
    explain = _EXPLAIN.get(str(error.validator))
    if explain is None:
        yield said.problem(error.message, said.example)
    else:
        yield from explain(said)


def _required(e: _Error) -> Iterator[Problem]:
    missing = e.error.message.split("'")[1]
    sub = e.schema.get("properties", {}).get(missing, {})
    yield e.problem(MISSING_FIELD, _example(sub, missing) or f"add {missing}: ...", field=f"{e.field}.{missing}" if e.field else missing)


def _unknown(e: _Error) -> Iterator[Problem]:
    allowed = list(e.schema.get("properties", {}))
    for key in (key for key in e.instance if key not in allowed):
        hint = did_you_mean(key, allowed) or "remove it; the fields allowed here are " + ", ".join(allowed)
        field = f"{e.field}.{key}" if e.field else str(key)
        yield e.problem(UNKNOWN_FIELD, hint, field=field, line=line_of(e.data, (*e.path, key)) or e.line)


def _wrong_type(e: _Error) -> Iterator[Problem]:
    # A field may take more than one type (a module objective: text, or a block of fields).
    allowed = e.schema.get("type")
    types = [str(t) for t in allowed] if isinstance(allowed, list) else [str(allowed)]
    expected = " or ".join(_TYPE_NAMES.get(t, t) for t in types)
    if "string" in types and isinstance(e.instance, (bool, int, float)):
        yield from _unquoted(e)
        return
    yield e.problem(f"expected {expected}, got {_shown(e.instance)}", e.example or f"make it {expected}")


def _unquoted(e: _Error) -> Iterator[Problem]:
    """Text YAML read as something else: `answer: Yes` is true, `version: 1.10` is 1.1."""
    name = str(e.path[-1]) if e.path and not isinstance(e.path[-1], int) else e.field
    if isinstance(e.instance, bool):
        why = "YAML reads an unquoted yes, no, on, off, true or false as true or false"
        shown = "Yes" if e.instance else "No"
    else:
        why, shown = "YAML reads an unquoted number as a number", str(e.instance)
    yield e.problem(f"expected text, got {_shown(e.instance)} ({why})", f'put the text in quotes, as in {name}: "{shown}"')


def _not_a_choice(e: _Error) -> Iterator[Problem]:
    choices = [str(c) for c in e.schema["enum"]]
    hint = did_you_mean(e.instance, choices) or "use one of " + ", ".join(choices)
    yield e.problem(f"{_shown(e.instance)} is not allowed here", hint)


def _not_a_date(e: _Error) -> Iterator[Problem]:
    yield e.problem(f"expected a date as YYYY-MM-DD, got {_shown(e.instance)}", e.example or "write it as 2026-11-20")


def _pattern(e: _Error) -> Iterator[Problem]:
    value = e.instance
    if e.schema.get("pattern") == SLUG:
        if "/" in value or value.endswith(".md"):  # a path where a name belongs
            hint = "write the name alone, without folders or .md (a lesson's file is looked for in its module's folder)"
        else:
            hint = "use lowercase letters, digits and hyphens, such as open-questions"
        yield e.problem(f"{_shown(value)} is not an id", hint)
    elif "propertyNames" in str(e.error.schema_path):
        yield e.problem(f"{_shown(value)} is not an id", "use lowercase letters, digits and hyphens, such as tell-apart")
    else:
        yield e.problem(e.error.message, e.example)


def _empty_list(e: _Error) -> Iterator[Problem]:
    have, least = len(e.instance), int(e.schema.get("minItems", 1))
    if have:  # a list that needs more than one item (a scenario's choices)
        yield e.problem(f"{_items(have)}; at least {least} are needed", f"add {least - have} more")
    else:
        yield e.problem("this list is empty", e.example or "add at least one item")


def _long_list(e: _Error) -> Iterator[Problem]:
    have, most = len(e.instance), int(e.schema["maxItems"])
    yield e.problem(f"{_items(have)}; at most {most} are allowed", f"remove {have - most}")


def _items(count: int) -> str:
    return f"{count} item" if count == 1 else f"{count} items"


def _empty(e: _Error) -> Iterator[Problem]:
    yield e.problem("this is empty", e.example or "write some text")


def _too_long(e: _Error) -> Iterator[Problem]:
    yield e.problem(f"this is longer than {e.schema['maxLength']} characters", "shorten it")


def _repeated(e: _Error) -> Iterator[Problem]:
    yield e.problem("an item appears twice", "remove the repeated item")


def _out_of_range(e: _Error) -> Iterator[Problem]:
    yield e.problem(f"{_shown(e.instance)} is out of range ({e.error.message})", e.example or "change the number")


def _date_any_of(e: _Error) -> Iterator[Problem]:
    yield e.problem(f"expected a date as YYYY-MM-DD, got {_shown(e.instance)}", "write date: 2026-10-06")


def _wrong_kind(e: _Error) -> Iterator[Problem]:
    kind = Kind(str(e.error.validator_value))
    example = e.example.removeprefix("write ") if kind == Kind.URL else ""
    yield e.problem(e.error.message, HINTS[kind] + (f", as in {example}" if example else ""))


# jsonschema's validator keyword -> how to say its error.
_EXPLAIN: dict[str, Callable[[_Error], Iterator[Problem]]] = {
    "required": _required,
    "additionalProperties": _unknown,
    "type": _wrong_type,
    "enum": _not_a_choice,
    "format": _not_a_date,
    "pattern": _pattern,
    "minItems": _empty_list,
    "maxItems": _long_list,
    "minProperties": _empty_list,
    "minLength": _empty,
    "maxLength": _too_long,
    "uniqueItems": _repeated,
    "minimum": _out_of_range,
    "maximum": _out_of_range,
    "anyOf": _date_any_of,
    KEYWORD: _wrong_kind,
}


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return f'"{value}"' if len(value) <= 40 else f'"{value[:37]}..."'
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nothing"
    if isinstance(value, (list, dict)):
        return "a list" if isinstance(value, list) else "a block of fields"
    return str(value)


def example_yaml(name: str, schema: dict) -> str:
    """The field's first example as one line of YAML, for the author guide ('' when it has none)."""
    examples = schema.get("examples")
    if not examples or examples[0] in ("...", [], {}):
        return ""
    value = examples[0]
    if schema.get("format") == "date" or name == "date":
        return f"{name}: {value}"  # YAML reads an unquoted date; the loader keeps it as text
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return ""  # a nested block: the guide's worked example shows it
    text = yaml.safe_dump({name: value}, default_flow_style=True, allow_unicode=True, width=1000).strip()
    return text[1:-1] if text.startswith("{") else text

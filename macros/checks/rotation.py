"""Capstones in which everyone practises: the "Who plays what" table against its own rounds.

    a person who never holds one of the table's roles             error
    a person in two roles in the same round                        error
    a round in which no one holds a role                           error
    a "Who plays what" heading with no table under it              error
    a capstone that says people rotate, with no such table         warning

The table is the first Markdown table under a heading whose text is "Who plays what", before the
next heading of the same level or higher. Its first column names the round; every other column
whose cells name a person is a role. A person is a capital letter standing alone (A, B, C ...); a
cell may name more than one ('B, D'), and anything in brackets is a note, not a person
('A (assessed)', 'C (also plays Dev)'). A column that names nobody, such as the card used in the
round, is material, not a role. A role that only some people can hold is exempt from the first
check when a line under the table starts with 'Only' and names the role.

What the table says is either right or wrong, so its problems are errors; a capstone that only
mentions rotating may mean something else by it, so that is a notice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from macros.checks.masking import prose
from macros.curriculum.model import Capstone, Curriculum
from macros.curriculum.problems import Problem

HEADING = "Who plays what"

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_DELIMITER = re.compile(r"^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_NOTE = re.compile(r"\([^()]*\)|\[[^\]]*\]")  # '(assessed)', '[see below]'
_PERSON = re.compile(r"(?<![\w'’-])[A-Z](?![\w'’-])")
_MARKUP = re.compile(r"[*_`]")
_ROTATE = re.compile(
    r"\brotat(?:e|es|ed|ing|ion)\b|\b(?:everyone|each of you|each person) takes? (?:a|their|your) turns?\b|\btakes? turns\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Row:
    round: str  # as written in the first column
    cells: tuple[str, ...]  # every column after the first, as written
    line: int  # in the file


@dataclass(frozen=True)
class Table:
    heading_line: int  # the "Who plays what" heading, in the file
    header_line: int  # the table's first row, in the file; 0 when the section has no table
    columns: tuple[str, ...]  # the headings of every column after the first
    rows: tuple[Row, ...]
    notes: tuple[str, ...]  # the lines under the table, up to the next heading

    def roles(self) -> list[int]:
        """The indexes (into `columns`) of the columns that name a person in some round."""
        return [index for index in range(len(self.columns)) if any(people(cell_of(row, index)) for row in self.rows)]

    def people(self) -> list[str]:
        """Everyone the roles name, in order."""
        return sorted({person for row in self.rows for index in self.roles() for person in people(cell_of(row, index))})

    def exempt(self, role: str) -> bool:
        """Whether a line under the table says that only some people can hold the role."""
        named = re.compile(rf"\b{re.escape(role)}\b", re.IGNORECASE)
        return any(note.startswith("Only ") and named.search(note) for note in self.notes)


def people(cell: str) -> list[str]:
    """The people a cell names: the capital letters standing alone, outside brackets."""
    return _PERSON.findall(_NOTE.sub(" ", cell))


def cell_of(row: Row, index: int) -> str:
    return row.cells[index] if index < len(row.cells) else ""


def rotation_problems(curriculum: Curriculum) -> Iterator[Problem]:
    """Every capstone's rotation problems, module by module."""
    for module in curriculum.modules:
        if module.capstone is not None:
            yield from capstone_problems(module.capstone)


def capstone_problems(capstone: Capstone) -> Iterator[Problem]:
    text = prose(capstone.body)
    table = rotation_table(text, capstone.body_line)
    if table is None:
        yield from _rotation_without_table(capstone, text)
        return
    if not table.header_line:
        yield Problem(
            capstone.source,
            table.heading_line,
            "",
            f'the "{HEADING}" section has no table',
            "add a table under it with a row for each round and a column for each role, naming who holds each role",
        )
        return
    yield from _never_holds(capstone, table)
    for row in table.rows:
        yield from _row_problems(capstone, table, row)


def rotation_table(text: str, first_line: int = 1) -> Table | None:
    """The "Who plays what" table of a page's text (which starts at file line `first_line`); None
    without the heading, a Table with header_line 0 when the heading has no table under it."""
    lines = text.split("\n")
    for number, line in enumerate(lines):
        found = _HEADING.match(line)
        if found and _plain(found.group(2)).lower() == HEADING.lower():
            end = next(
                (later for later in range(number + 1, len(lines)) if _level(lines[later]) and _level(lines[later]) <= len(found.group(1))),
                len(lines),
            )
            return _table(lines, number + 1, end, first_line, first_line + number)
    return None


def _level(line: str) -> int:
    found = _HEADING.match(line)
    return len(found.group(1)) if found else 0


def _table(lines: list[str], start: int, end: int, first_line: int, heading_line: int) -> Table:
    for number in range(start, end - 1):
        header, delimiter = lines[number].strip(), lines[number + 1].strip()
        if "|" in header and "|" in delimiter and _DELIMITER.match(delimiter):
            after = number + 2
            while after < end and lines[after].strip() and "|" in lines[after]:
                after += 1
            rows = tuple(
                Row(cells[0], tuple(cells[1:]), first_line + index) for index in range(number + 2, after) if (cells := _cells(lines[index]))
            )
            notes = tuple(_plain(line) for line in lines[after:end] if line.strip())
            return Table(heading_line, first_line + number, tuple(_cells(header)[1:]), rows, notes)
    return Table(heading_line, 0, (), (), ())


def _cells(line: str) -> list[str]:
    line = line.strip()
    line = line[1:] if line.startswith("|") else line
    line = line[:-1] if line.endswith("|") and not line.endswith("\\|") else line
    return [cell.strip() for cell in _CELL_SPLIT.split(line)]


def _plain(text: str) -> str:
    """Text without emphasis or code marks, and without a list marker at the start."""
    return re.sub(r"^(?:[-*+]|\d+\.)[ \t]+", "", _MARKUP.sub("", text.strip())).strip()


def _round(row: Row) -> str:
    label = _plain(row.round)
    return f"round {label}" if not label or label[0].isdigit() else f"'{label}'"


def _never_holds(capstone: Capstone, table: Table) -> Iterator[Problem]:
    everyone = table.people()
    for index in table.roles():
        role = _plain(table.columns[index])
        if table.exempt(role):
            continue
        holders = {person for row in table.rows for person in people(cell_of(row, index))}
        for person in everyone:
            if person not in holders:
                yield Problem(
                    capstone.source,
                    table.header_line,
                    "",
                    f'{person} never plays the {role} in the "{HEADING}" table',
                    f"give {person} that role in one round, or, if only some people can hold it, say why in a line "
                    f"under the table that starts 'Only' and names the {role}",
                )


def _row_problems(capstone: Capstone, table: Table, row: Row) -> Iterator[Problem]:
    held: dict[str, list[str]] = {}
    for index in table.roles():
        role = _plain(table.columns[index])
        named = people(cell_of(row, index))
        if not named:
            yield Problem(
                capstone.source,
                row.line,
                "",
                f"no one plays the {role} in {_round(row)}",
                f"name who plays the {role} in {_round(row)}",
            )
        for person in dict.fromkeys(named):
            held.setdefault(person, []).append(role)
    for person, roles in held.items():
        if len(roles) > 1:
            both = " and the ".join(roles)
            yield Problem(
                capstone.source,
                row.line,
                "",
                f"{person} plays both the {both} in {_round(row)}" if len(roles) == 2 else f"{person} plays the {both} in {_round(row)}",
                "give each person one role a round: move one of them to someone else, or write the second as a note in brackets",
            )


def _rotation_without_table(capstone: Capstone, text: str) -> Iterator[Problem]:
    found = _ROTATE.search(text)
    if found is None:
        return
    yield Problem(
        capstone.source,
        capstone.body_line + text.count("\n", 0, found.start()),
        "",
        f"the capstone says '{found.group(0)}' but has no \"{HEADING}\" table",
        f'add a "## {HEADING}" table with a row for each round and a column for each role, so everyone can see their turn',
        severity="warning",
    )

"""The "Who plays what" table of a capstone (macros/checks/rotation.py): which columns are roles,
who a cell names, and what a capstone without a table is told."""

from __future__ import annotations

from macros.checks.rotation import capstone_problems, people, rotation_table
from macros.curriculum.model import Capstone

TABLE = """\
Intro.

## Who plays what

| Round | Adviser | Customer | Observer | Customer card |
|---|---|---|---|---|
| 1 | A (assessed) | B | C | 1: Mrs Grant |
| 2 | B (assessed) | C | **A** | 2: Mr Mensah |
| 3 | C (assessed) | A | B (and times the call) | 3: Mrs Tran |

By the end, each of you has held every role.

## The situation
"""


def capstone(body: str, body_line: int = 10) -> Capstone:
    return Capstone(
        module_id="m",
        title="C",
        duration=30,
        serves=(),
        objectives=(),
        draws_on=(),
        source="modules/m/capstone.md",
        body=body,
        body_line=body_line,
    )


def messages(body: str) -> list[tuple[int, str, str]]:
    return [(p.line, p.severity, p.message) for p in capstone_problems(capstone(body))]


def test_a_cell_names_its_capital_letters_outside_brackets():
    assert people("A (assessed)") == ["A"]
    assert people("B, D") == ["B", "D"]
    assert people("**C** (also plays Dev)") == ["C"]
    assert people("1: Mrs Grant") == []
    assert people("—") == []


def test_the_table_is_read_at_its_file_lines_and_material_columns_are_not_roles():
    table = rotation_table(TABLE, first_line=10)
    assert table is not None
    assert (table.heading_line, table.header_line) == (12, 14)
    assert [table.columns[index] for index in table.roles()] == ["Adviser", "Customer", "Observer"]
    assert table.people() == ["A", "B", "C"]
    assert [row.line for row in table.rows] == [16, 17, 18]
    assert messages(TABLE) == []


def test_every_fault_in_a_table_is_reported_at_its_line():
    body = TABLE.replace("| 2 | B (assessed) | C | **A** |", "| 2 | B (assessed) | B | |")
    assert messages(body) == [
        (14, "error", 'C never plays the Customer in the "Who plays what" table'),
        (14, "error", 'A never plays the Observer in the "Who plays what" table'),
        (17, "error", "no one plays the Observer in round 2"),
        (17, "error", "B plays both the Adviser and the Customer in round 2"),
    ]


def test_a_line_starting_only_excuses_a_role_that_not_everyone_can_hold():
    unfair = TABLE.replace("| 3 | C (assessed) | A | B (and times the call) |", "| 3 | A (assessed) | C | B |")
    told = [m for _, _, m in messages(unfair)]
    assert 'C never plays the Adviser in the "Who plays what" table' in told
    excused = unfair.replace("By the end,", "Only those who work on the phones can be the *Adviser*. By the end,")
    assert [m for _, _, m in messages(excused)] == [m for m in told if "Adviser" not in m]
    assert [m for _, _, m in messages(excused)] == ['A never plays the Customer in the "Who plays what" table']


def test_the_table_belongs_to_its_section_and_code_is_not_a_table():
    assert messages("## Who plays what\n\nSwap roles each round.\n\n## Roles\n\n| Round | X |\n|---|---|\n| 1 | A |\n") == [
        (10, "error", 'the "Who plays what" section has no table'),
    ]
    fenced = "## Who plays what\n\n```\n| Round | X | Y |\n|---|---|---|\n| 1 | A | A |\n```\n"
    assert messages(fenced) == [(10, "error", 'the "Who plays what" section has no table')]


def test_a_capstone_without_a_table_is_fine_unless_it_talks_of_rotating():
    assert messages("Plan a walk, then swap plans with a partner.\n") == []
    assert messages("Plan a walk.\n\nRotate the roles so everyone checks a plan.\n") == [
        (12, "warning", "the capstone says 'Rotate' but has no \"Who plays what\" table"),
    ]
    assert messages("Everyone takes a turn as the planner.\n")[0][1] == "warning"

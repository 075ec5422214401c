"""A module objective's behaviours at work (`on_the_job`) and measures (`watch`, `avoid`): read into
the model, refused with a fix at their line when there are too few or too many, and never a
traceback whatever shape they come in."""

from __future__ import annotations

import re

import pytest

from macros.curriculum.load import load_curriculum
from macros.curriculum.model import Objective
from macros.curriculum.problems import CurriculumError
from tests.factory import Project

META = "modules/alpha/module.yml"
LINE = 8  # objectives: is on line 7 of the small project's module.yml, its one objective below

FIX_STRING = (
    "written as text alone, with no behaviours at work (on_the_job) — write it as a mapping with text: and on_the_job: 2 to 4 "
    "things a manager would see or hear at work when the objective is met"
)


@pytest.fixture
def project(tmp_path):
    return Project.small(tmp_path, site=False)


def with_objectives(project: Project, block: str) -> None:
    """module.yml's objectives: replaced by `block` (YAML lines indented under it)."""
    text, replaced = re.subn(r"^objectives:\n(?:[ ].*\n)+", "objectives:\n" + block, project.read(META), count=1, flags=re.MULTILINE)
    assert replaced == 1
    project.write(META, text)


def problems(project: Project) -> list[str]:
    with pytest.raises(CurriculumError) as caught:
        load_curriculum(project)
    return [str(p) for p in caught.value.problems if p.severity == "error"]


def test_an_objective_with_behaviours_and_measures_loads_into_the_model(project):
    with_objectives(
        project,
        "  do-it:\n"
        "    text: Do the thing.\n"
        "    on_the_job:\n"
        "      - Does the thing <b>unasked</b>.\n"
        "      - 'Shows a colleague how: {{ step }}'\n"
        "      - Says when the thing cannot be done.\n"
        "    measures:\n"
        "      watch: [Things done in a week]\n"
        "      avoid: ['Speed as a target: it rewards rushing', Things done per hour]\n",
    )
    (objective,) = load_curriculum(project).module("alpha").objectives
    assert objective == Objective(
        "do-it",
        "Do the thing.",
        on_the_job=("Does the thing <b>unasked</b>.", "Shows a colleague how: {{ step }}", "Says when the thing cannot be done."),
        watch=("Things done in a week",),
        avoid=("Speed as a target: it rewards rushing", "Things done per hour"),
    )


@pytest.mark.parametrize(
    ("measures", "watch", "avoid"),
    [
        ("", (), ()),
        ("    measures: {}\n", (), ()),
        ("    measures:\n      watch: [Repeat visits]\n", ("Repeat visits",), ()),
        ("    measures:\n      avoid: [Speed]\n", (), ("Speed",)),
    ],
)
def test_measures_and_each_of_their_lists_are_optional(project, measures, watch, avoid):
    with_objectives(project, "  do-it:\n    text: Do the thing.\n    on_the_job: [Does it, Shows it]\n" + measures)
    (objective,) = load_curriculum(project).module("alpha").objectives
    assert (objective.on_the_job, objective.watch, objective.avoid) == (("Does it", "Shows it"), watch, avoid)


def test_lesson_objectives_stay_text(project):
    lesson = load_curriculum(project).module("alpha").lessons[0]
    assert lesson.objectives == (Objective("name-it", "Name the thing."),)
    project.replace("modules/alpha/first.md", "  name-it: Name the thing.", "  name-it: {text: Name the thing., on_the_job: [a, b]}")
    assert problems(project) == ["modules/alpha/first.md:6: objectives.name-it: expected text, got a block of fields — make it text"]


@pytest.mark.parametrize(
    ("block", "line", "message"),
    [
        ("  do-it: Do the thing.\n", LINE, FIX_STRING),
        (
            "  do-it:\n    text: Do the thing.\n",
            LINE,
            "no behaviours at work (on_the_job) — add on_the_job: 2 to 4 things a manager would see or hear at work when the "
            "objective is met",
        ),
        (
            "  do-it:\n    text: Do the thing.\n    on_the_job: []\n",
            LINE + 2,
            "no behaviours at work (on_the_job) — add on_the_job: 2 to 4 things a manager would see or hear at work when the "
            "objective is met",
        ),
        (
            "  do-it:\n    text: Do the thing.\n    on_the_job:\n      - Does it\n",
            LINE + 2,
            "1 behaviour at work (on_the_job); at least 2 are needed — add 1 more under on_the_job: something else a manager would "
            "see or hear at work when the objective is met",
        ),
        (
            "  do-it:\n    text: Do the thing.\n    on_the_job:\n      - One\n      - Two\n      - Three\n      - Four\n      - Five\n"
            "      - Six\n",
            LINE + 7,  # the first one too many
            "6 behaviours at work (on_the_job); at most 4 are allowed — keep the 4 a manager can see or hear most clearly, and remove 2",
        ),
    ],
    ids=["text alone", "no on_the_job", "empty", "one", "six"],
)
def test_too_few_or_too_many_behaviours_are_named_at_their_line(project, block, line, message):
    with_objectives(project, block)
    assert problems(project) == [f"{META}:{line}: objectives.do-it: {message}"]


def test_two_to_four_behaviours_pass(project):
    for count in (2, 3, 4):
        items = "".join(f"      - Behaviour {n}\n" for n in range(count))
        with_objectives(project, f"  do-it:\n    text: Do the thing.\n    on_the_job:\n{items}")
        assert len(load_curriculum(project).module("alpha").objectives[0].on_the_job) == count


def test_every_objective_is_counted_in_one_run_even_when_module_yml_has_another_problem(project):
    project.replace(META, "level: introductory", "level: beginner")
    with_objectives(
        project,
        "  do-it: Do the thing.\n"
        "  do-more: {text: Do more., on_the_job: [One, Two]}\n"
        "  do-less: {text: Do less., on_the_job: One thing}\n",  # its own problem is the one named
    )
    assert problems(project) == [
        f'{META}:5: level: "beginner" is not allowed here — use one of introductory, intermediate, advanced',
        f"{META}:{LINE}: objectives.do-it: {FIX_STRING}",
        f'{META}:{LINE + 2}: objectives.do-less.on_the_job: expected a list, got "One thing" — write on_the_job: '
        "[Asks what prompted the call before offering a fix, Sums up the need and checks it with the customer]",
    ]


BAD_SHAPES = [
    ("  do-it: {text: Do it., on_the_job: [a, b], measures: [x]}\n", "objectives.do-it.measures: expected a block of fields, got a list"),
    ("  do-it: {text: Do it., on_the_job: [a, b], mesures: {}}\n", "objectives.do-it.mesures: unknown field — did you mean 'measures'?"),
    ("  do-it: {text: '', on_the_job: [a, b]}\n", "objectives.do-it.text: this is empty"),
    ("  do-it: {text: Do it., on_the_job: [a, a]}\n", "objectives.do-it.on_the_job: an item appears twice"),
    (
        "  do-it: {text: Do it., on_the_job: [a, 5]}\n",
        "objectives.do-it.on_the_job[2]: expected text, got 5 (YAML reads an unquoted number as a number)",
    ),
    ("  do-it: {text: Do it., on_the_job: [a, ~]}\n", "objectives.do-it.on_the_job[2]: expected text, got nothing"),
    ("  do-it: {text: Do it., on_the_job: [a, [b]]}\n", "objectives.do-it.on_the_job[2]: expected text, got a list"),
    ("  do-it: {text: Do it., on_the_job: [a, b], !!int 3: x}\n", "objectives.do-it.3: unknown field"),
    ("  do-it: {text: Do it., on_the_job: [a, b], measures: {!!int 3: [x]}}\n", "objectives.do-it.measures.3: unknown field"),
    ("  do-it: {text: Do it., on_the_job: [a, b], measures: {watch: []}}\n", "objectives.do-it.measures.watch: this list is empty"),
    ("  do-it: {text: Do it., on_the_job: [a, b], measures: {avoid: x}}\n", 'objectives.do-it.measures.avoid: expected a list, got "x"'),
    ("  do-it: {text: Do it., on_the_job: [a, b], measures: ~}\n", "objectives.do-it.measures: expected a block of fields, got nothing"),
    ("  do-it: {on_the_job: [a, b]}\n", "objectives.do-it.text: this required field is missing"),
    ("  do-it: {text: [Do it], on_the_job: [a, b]}\n", "objectives.do-it.text: expected text, got a list"),
    ("  do-it:\n", "objectives.do-it: expected text or a block of fields, got nothing"),
    ("  do-it: [a, b]\n", "objectives.do-it: expected text or a block of fields, got a list"),
    ("  do-it: 5\n", "objectives.do-it: expected text, got 5 (YAML reads an unquoted number as a number)"),
    ("  do-it: {text: " + "x" * 301 + ", on_the_job: [a, b]}\n", "objectives.do-it.text: this is longer than 300 characters"),
]


@pytest.mark.parametrize(
    ("block", "expected"), BAD_SHAPES, ids=[f"{n}-{expected.split(':')[0]}" for n, (_, expected) in enumerate(BAD_SHAPES)]
)
def test_bad_shapes_are_one_problem_each_at_their_line(project, block, expected):
    with_objectives(project, block)
    assert [line.split(" — ")[0] for line in problems(project)] == [f"{META}:{LINE}: {expected.split(' — ')[0]}"]
    assert all(" — " in line for line in problems(project))  # each says how to fix it

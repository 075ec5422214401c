"""Every problem at once: a schema problem in a file does not hide the checks of its other fields,
nor the checks of the other files of its module; and a check that needs the broken field waits, so
no problem is reported that only follows from another."""

from __future__ import annotations

import pytest

from macros.curriculum.load import load_curriculum
from macros.curriculum.problems import CurriculumError
from tests.factory import Project

FIRST = "modules/alpha/first.md"
CAPSTONE = "---\ntitle: Do it all\nduration: 30\nserves: [do-it]\ndraws_on: [first, second]\n---\n\nDo everything.\n"


def problems(project: Project) -> list[str]:
    with pytest.raises(CurriculumError) as caught:
        load_curriculum(project.root)
    return [str(p) for p in caught.value.problems]


@pytest.fixture
def project(tmp_path) -> Project:
    return Project.small(tmp_path / "course")


def test_a_field_typo_and_a_wrong_assesses_id_in_one_course_check(project):
    project.replace(FIRST, "title: First lesson", "titel: First lesson")
    project.replace(FIRST, "    assesses: [name-it]\n    options", "    assesses: [nme-it]\n    options")
    result = project.check()
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{FIRST}:2: titel: unknown field — did you mean 'title'?",
        f"{FIRST}:15: knowledge_check[1].assesses: 'nme-it' is not an objective of this lesson — did you mean 'name-it'?",
        "2 problems (2 errors, 0 warnings)",
    ]


def test_the_fields_that_passed_are_checked_against_the_module_and_the_text(project):
    project.replace(FIRST, "duration: 20", "duration: twenty")
    project.replace(FIRST, "serves: [do-it]", "serves: [do-that]")
    project.replace(FIRST, '!!! exercise "Name three things"', '!!! exercise "Name 3 things"')
    project.replace(FIRST, "      - answer: Nothing\n", "      - answer: Nothing\n        correct: true\n")
    assert problems(project) == [
        f'{FIRST}:3: duration: expected a whole number, got "twenty" — write duration: 25',
        f"{FIRST}:4: serves: 'do-that' is not an objective of module 'alpha' — did you mean 'do-it'?",
        f"{FIRST}:11: exercises[1].title: no exercise titled \"Name three things\" in the lesson's text — did you mean 'Name 3 things'?",
        f"{FIRST}:14: knowledge_check[1]: 2 options are marked correct: exactly one must be — put correct: true on the one right "
        "option only",
    ]


def test_a_broken_question_waits_and_the_others_are_checked(project):
    project.replace(
        FIRST,
        "knowledge_check:\n",
        "knowledge_check:\n"
        "  - question: Which thing?\n    assesses: [nme-it]\n    options:\n      - answer: This one\n        correct: true\n"
        "        why: Because.\n      - answer: That one\n",  # no `why`: the question is broken, its assesses waits
    )
    project.replace(FIRST, "    assesses: [name-it]\n    options", "    assesses: [name-itt]\n    options")
    assert problems(project) == [
        f"{FIRST}:20: knowledge_check[1].options[2].why: this required field is missing — write why: It invites the customer to "
        "tell the story in their own words.",
        f"{FIRST}:22: knowledge_check[2].assesses: 'name-itt' is not an objective of this lesson — did you mean 'name-it'?",
    ]


def test_checks_that_need_a_broken_field_wait_for_it(project):
    # objectives broken: nothing is 'not an objective of this lesson', nothing is 'not assessed'
    project.replace(FIRST, "  name-it: Name the thing.", "  Name_It: Name the thing.")
    # serves broken: the module's coverage is not reported either (the lesson may serve it)
    project.replace("modules/alpha/second.md", "serves: [do-it]", "serves: do-it")
    project.replace("modules/alpha/second.md", "duration: 20", "duration: -5")
    found = problems(project)
    assert [line.split(" — ")[0] for line in found] == [
        f'{FIRST}:5: objectives: "Name_It" is not an id',
        "modules/alpha/second.md:3: duration: -5 is out of range (-5 is less than the minimum of 1)",
        'modules/alpha/second.md:4: serves: expected a list, got "do-it"',
    ]


def test_a_module_with_a_problem_still_has_its_pages_checked(project):
    project.replace("modules/alpha/module.yml", "summary: A short module for tests.", "sumary: A short module for tests.")
    project.replace(FIRST, "serves: [do-it]", "serves: [do-itt]")
    project.replace("modules/alpha/second.md", "    assesses: [name-it]\n    options", "    assesses: [nme-it]\n    options")
    project.write(
        "modules/alpha/capstone.md", CAPSTONE.replace("title: Do it all", "titel: Do it all").replace("[first, second]", "[first, secnd]")
    )
    assert problems(project) == [
        "modules/alpha/capstone.md:2: titel: unknown field — did you mean 'title'?",
        "modules/alpha/capstone.md:5: draws_on: 'secnd' is not a lesson of module 'alpha' — did you mean 'second'?",
        f"{FIRST}:4: serves: 'do-itt' is not an objective of module 'alpha' — did you mean 'do-it'?",
        "modules/alpha/module.yml:3: sumary: unknown field — did you mean 'summary'?",
        "modules/alpha/second.md:15: knowledge_check[1].assesses: 'nme-it' is not an objective of this lesson — did you mean 'name-it'?",
    ]


def test_a_valid_curriculum_is_checked_as_before(project):
    project.write("modules/alpha/capstone.md", CAPSTONE)
    module = load_curriculum(project.root).module("alpha")
    assert [page.slug for page in module.pages] == ["first", "second", "capstone"]
    assert module.capstone.draws_on == ("first", "second")

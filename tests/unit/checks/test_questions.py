"""Knowledge checks that give their answer away (checks/questions.py): `course check`'s notices when,
across a module, the correct option is the longest, or sits in one place, in more than 40 % of the
questions. They are warnings: the check passes and the build goes on (the corpus of broken inputs
holds only cases that fail, so the exact lines are tested here).

The minimal course's map-reading module has two questions, the correct option the longest in
both: too few to judge. Each test adds questions to its first lesson, symbols.md.
"""

from __future__ import annotations

import pytest

from macros import checks
from macros.curriculum.project import read_layout
from tests.factory import Project

M = "modules/map-reading"
# The last line of symbols.md's only question: new questions go in after it.
LAST_OPTION = "        why: A compass shows direction, not symbols.\n"
FIXED = "    shuffle: false\n"

LONGEST = (
    f"{M}/module.yml:15: warning: lessons: in this module's knowledge checks the correct option is the longest in "
    "5 of 5 questions (100 %), more than 40 %: a learner can pass by choosing the longest — make a wrong option as "
    f"full and specific as the right one, or the right one shorter (the first: {M}/symbols.md:14)"
)
IN_ONE_PLACE = (
    f"{M}/symbols.md:24: warning: knowledge_check[2].shuffle: across module 'map-reading' the correct answer is "
    "option A in 4 of 5 questions (80 %), more than 40 %, because questions with shuffle: false keep the order "
    "written — put this question's correct option in another place, or remove shuffle: false so that the site "
    "spreads it (3 such questions have it at A)"
)


def question(text: str, *answers: str, right: int = 0, extra: str = "") -> str:
    """One knowledge-check question in front matter: its answers as written, the one at `right` correct."""
    lines = [f"  - question: {text}\n", "    assesses: [name-symbols]\n", extra, "    options:\n"]
    for index, answer in enumerate(answers):
        verdict = "        correct: true\n        why: The key says so.\n" if index == right else "        why: The key says otherwise.\n"
        lines += [f"      - answer: {answer}\n", verdict]
    return "".join(lines)


def with_questions(project: Project, *questions: str) -> Project:
    project.replace(f"{M}/symbols.md", LAST_OPTION, LAST_OPTION + "".join(questions))
    return project


def notices(project: Project) -> list[str]:
    layout, problems = read_layout(project.root)
    report = checks.check_project(layout)
    assert not problems and report.errors == 0, report.problems
    return [str(problem) for problem in report.problems]


@pytest.fixture
def project(tmp_path) -> Project:
    return Project.minimal(tmp_path / "project", engine=False)


LONGER_RIGHT = (
    question("What does a blue line show?", "A stream or a river, flowing downhill", "A road", "A wall"),
    question("What does a small black square show?", "A building, such as a farm or a barn", "A tree", "A gate"),
    question("What does a dashed green line show?", "A public footpath you may walk along", "A fence", "A ditch"),
)
SHORTER_RIGHT = (
    question("What does a blue line show?", "Water", "A road that floods in winter", "A wall along a field"),
    question("What does a small black square show?", "A building", "A tree standing on its own", "A gate into a field"),
    question("What does a dashed green line show?", "A footpath", "A fence you may not cross", "A ditch that drains a field"),
)
IN_ORDER = (
    question("How steep is a slope with touching contours?", "Cliff", "Gentle, a short stroll", "Steady, a long climb", extra=FIXED),
    question("How far is 4 cm at 1:25,000?", "1 km", "About 250 metres in all", "About 4 kilometres", extra=FIXED),
    question("How long does 1 km on the flat take?", "15 min", "Five minutes or less", "An hour and a half", extra=FIXED),
)


def test_a_module_with_fewer_than_five_questions_is_not_judged(project):
    assert notices(project) == []  # two questions, the correct option the longest in both


def test_the_correct_option_the_longest_in_most_questions(project):
    assert notices(with_questions(project, *LONGER_RIGHT)) == [LONGEST]


def test_the_longest_in_two_of_five_is_not_too_many(project):
    assert notices(with_questions(project, *SHORTER_RIGHT)) == []


def test_the_correct_answer_in_one_place_through_shuffle_false(project):
    assert notices(with_questions(project, *IN_ORDER)) == [IN_ONE_PLACE]


def test_shuffle_false_with_the_answers_spread_is_fine(project):
    spread = (
        question("How steep is a slope with touching contours?", "Cliff", "Gentle, a short stroll", "Steady, a long climb", extra=FIXED),
        question("How far is 4 cm at 1:25,000?", "About 250 metres in all", "1 km", "About 4 kilometres", right=1, extra=FIXED),
        question("How long does 1 km on the flat take?", "Five minutes or less", "An hour and a half", "15 min", right=2, extra=FIXED),
    )
    assert notices(with_questions(project, *spread)) == []


def test_a_share_the_site_cannot_avoid_is_not_reported(project):
    """Five two-option questions: one place holds three answers whatever the order."""
    two = [
        question(f"Is symbol {n} on the key?", "It is in the key", "It is missing from the key", extra=FIXED if n == 0 else "")
        for n in range(3)
    ]
    assert notices(with_questions(project, *two)) == []


def test_course_check_mentions_the_notices_and_passes(project):
    result = with_questions(project, *LONGER_RIGHT).check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [LONGEST, "1 problem (0 errors, 1 warning)"]

"""Knowledge checks that can be passed without reading (notices for `course check`, per module):

    the correct option is the longest in more than 40 % of a module's questions; or
    the correct answer sits in one displayed position more than 40 % of the time, which only
    questions with `shuffle: false` can cause (curriculum/option_order.py spreads the others).

A module with fewer than five questions is not judged: with so few, a share says nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace

from macros.curriculum.model import Curriculum, Lesson, Module, Question
from macros.curriculum.option_order import correct_is_longest, correct_position, displayed_questions
from macros.curriculum.problems import Problem

MOST = 0.4  # the largest share of questions a give-away may reach
FEWEST = 5  # questions a module needs before its shares are judged
LETTERS = "ABCDEF"


@dataclass(frozen=True)
class Asked:
    """One question where its lesson's front matter has it."""

    lesson: Lesson
    index: int  # 0-based, in the lesson's knowledge_check
    question: Question

    def where(self, field: str = "") -> tuple[str, int, str]:
        """File, line and field name (`knowledge_check[2].shuffle`) for a problem about it."""
        path = f"knowledge_check.{self.index}" + (f".{field}" if field else "")
        name = f"knowledge_check[{self.index + 1}]" + (f".{field}" if field else "")
        return self.lesson.source, self.lesson.line(path), name


def question_problems(curriculum: Curriculum) -> Iterator[Problem]:
    for module in curriculum.modules:
        asked = [Asked(lesson, index, question) for lesson in module.lessons for index, question in enumerate(lesson.knowledge_check)]
        if len(asked) >= FEWEST:
            yield from _longest(module, asked)
            yield from _position(module, asked)


def _share(count: int, total: int) -> str:
    return f"{count} of {total} questions ({round(100 * count / total)} %)"


def _longest(module: Module, asked: list[Asked]) -> Iterator[Problem]:
    longest = [item for item in asked if correct_is_longest(item.question)]
    if len(longest) <= MOST * len(asked):
        return
    file, line, _ = longest[0].where()
    yield Problem(
        module.source,
        module.line("lessons"),
        "lessons",
        f"in this module's knowledge checks the correct option is the longest in {_share(len(longest), len(asked))}, "
        f"more than {round(100 * MOST)} %: a learner can pass by choosing the longest",
        f"make a wrong option as full and specific as the right one, or the right one shorter (the first: {file}:{line})",
        severity="warning",
    )


def _position(module: Module, asked: list[Asked]) -> Iterator[Problem]:
    shown = Counter(correct_position(item.question) for item in asked)
    place, count = max(((p, c) for p, c in shown.items() if p is not None), key=lambda pc: pc[1], default=(None, 0))
    if place is None or count <= MOST * len(asked) or count <= _best_possible(asked):
        return  # the site's own order could do no better: the options are too few, not misplaced
    fixed = [item for item in asked if not item.question.shuffle and correct_position(item.question) == place]
    if not fixed:
        return
    file, line, field = fixed[0].where("shuffle")
    yield Problem(
        file,
        line,
        field,
        f"across module '{module.id}' the correct answer is option {LETTERS[place]} in {_share(count, len(asked))}, "
        f"more than {round(100 * MOST)} %, because questions with shuffle: false keep the order written",
        f"put this question's correct option in another place, or remove shuffle: false so that the site spreads it "
        f"({len(fixed)} such question{'s have' if len(fixed) != 1 else ' has'} it at {LETTERS[place]})",
        severity="warning",
    )


def _best_possible(asked: list[Asked]) -> int:
    """The most questions in one position when the site orders every question itself."""
    spread = displayed_questions([replace(item.question, shuffle=True) for item in asked])
    return max(Counter(correct_position(question) for question in spread).values())

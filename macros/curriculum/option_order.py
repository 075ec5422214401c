"""The order a knowledge check's options are shown in, decided once when a module loads.

Authors tend to put the right answer in the same place, and a learner who notices can pass
without reading. So the loader
moves each question's correct option to a position chosen for balance, and every output (the
lesson page, the workbook, the facilitator's answer key, the PDFs, the SCORM package, spaced
practice) shows the order the model holds: none of them orders anything itself, so they agree.

Within a module, in course order, among questions with the same number of options, the correct
option goes to the position that has held it least often so far. Balancing each option count on
its own keeps "D is right" from becoming a pattern of the four-option questions. When several
positions are tied, a hash of the question's text picks one, so the order is the same on every
build and does not step visibly through A, B, C, D. The wrong options keep the order the author
wrote them in. A question with `shuffle: false` (options with a natural order, such as a scale)
is shown as written, and its position still counts towards the balance.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import replace

from macros.curriculum.model import Lesson, Question


def correct_position(question: Question) -> int | None:
    """The 0-based place of the one correct option; None unless exactly one is correct."""
    places = [index for index, option in enumerate(question.options) if option.correct]
    return places[0] if len(places) == 1 else None


def correct_is_longest(question: Question) -> bool:
    """Whether the correct option is longer than every wrong one: a give-away when it is the habit."""
    place = correct_position(question)
    if place is None or len(question.options) < 2:
        return False
    right = len(question.options[place].answer.strip())
    return all(right > len(option.answer.strip()) for option in question.options if not option.correct)


def displayed_lessons(lessons: Iterable[Lesson]) -> tuple[Lesson, ...]:
    """A module's lessons, in order, with every knowledge check in the order learners see it."""
    balance = Balance()
    return tuple(replace(lesson, knowledge_check=balance.order(lesson.knowledge_check)) for lesson in lessons)


def displayed_questions(questions: Sequence[Question]) -> tuple[Question, ...]:
    """One run of questions (a module's, in course order) as learners see them."""
    return Balance().order(questions)


class Balance:
    """How often each position has held the correct option so far, per number of options."""

    def __init__(self) -> None:
        self.counts: dict[int, list[int]] = {}

    def order(self, questions: Sequence[Question]) -> tuple[Question, ...]:
        return tuple(self.place(question) for question in questions)

    def place(self, question: Question) -> Question:
        current = correct_position(question)
        if current is None:  # none or several correct: validation reports it; leave it as written
            return question
        counts = self.counts.setdefault(len(question.options), [0] * len(question.options))
        target = _least_used(counts, question.question) if question.shuffle else current
        counts[target] += 1
        return _with_correct_at(question, current, target)


def _least_used(counts: list[int], text: str) -> int:
    fewest = min(counts)
    tied = [position for position, count in enumerate(counts) if count == fewest]
    return tied[_seed(text) % len(tied)]


def _seed(text: str) -> int:
    """A number from the question's text: the same on every machine and run (unlike hash())."""
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


def _with_correct_at(question: Question, current: int, target: int) -> Question:
    if current == target:
        return question
    wrong = [option for option in question.options if not option.correct]
    wrong.insert(target, question.options[current])
    return replace(question, options=tuple(wrong))

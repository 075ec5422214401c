"""The order learners see a knowledge check's options in (curriculum/option_order.py): decided once,
the same on every build, the correct answer's place spread evenly, `shuffle: false` respected."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter

from macros.curriculum.model import Option, Question
from macros.curriculum.option_order import correct_is_longest, correct_position, displayed_questions
from tests.factory import ROOT, Project


def asked(number: int, options: int = 4, correct: int = 0, shuffle: bool = True) -> Question:
    """Question `number`, with `options` options and the one at `correct` right, as an author wrote it."""
    return Question(
        question=f"Question {number}: which one?",
        options=tuple(Option(f"answer {number}.{i}", i == correct, f"why {number}.{i}") for i in range(options)),
        shuffle=shuffle,
    )


def places(questions) -> list[int | None]:
    return [correct_position(question) for question in questions]


def test_the_same_questions_always_get_the_same_order():
    questions = [asked(n, options=3 + n % 2) for n in range(20)]
    assert displayed_questions(questions) == displayed_questions(list(questions))


def test_the_order_does_not_change_between_processes():
    """A build in another process (another hash seed) shows the same order."""
    script = (
        "import json; from tests.unit.curriculum.test_option_order import asked, places;"
        "from macros.curriculum.option_order import displayed_questions;"
        "print(json.dumps(places(displayed_questions([asked(n, options=3 + n % 2) for n in range(20)]))))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(ROOT)}
    other = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    assert json.loads(other.stdout) == places(displayed_questions([asked(n, options=3 + n % 2) for n in range(20)]))


def test_every_position_gets_its_share_at_every_point():
    """Even when the author always puts the answer first: after any number of questions, no place
    has held it more than once more than another."""
    shown = displayed_questions([asked(n) for n in range(12)])
    for end in range(1, 13):
        counts = Counter(places(shown[:end]))
        assert max(counts[p] for p in range(4)) - min(counts[p] for p in range(4)) <= 1, end
    assert Counter(places(shown)) == {0: 3, 1: 3, 2: 3, 3: 3}


def test_each_number_of_options_is_balanced_on_its_own():
    """Four-option questions do not make up for three-option ones by putting the answer at D."""
    questions = [asked(n, options=4 if n % 3 else 3) for n in range(18)]  # 12 with four options, 6 with three
    shown = displayed_questions(questions)
    four = Counter(correct_position(q) for q in shown if len(q.options) == 4)
    three = Counter(correct_position(q) for q in shown if len(q.options) == 3)
    assert four == {0: 3, 1: 3, 2: 3, 3: 3}
    assert three == {0: 2, 1: 2, 2: 2}


def test_the_order_is_not_a_visible_cycle():
    shown = places(displayed_questions([asked(n) for n in range(12)]))
    assert shown[:4] != [0, 1, 2, 3] or shown[4:8] != [0, 1, 2, 3]


def test_wrong_options_keep_the_order_written_and_each_keeps_its_feedback():
    written_questions = [asked(n, correct=1) for n in range(8)]
    for written, shown in zip(written_questions, displayed_questions(written_questions), strict=True):
        assert sorted(shown.options, key=lambda o: o.answer) == sorted(written.options, key=lambda o: o.answer)
        assert [o for o in shown.options if not o.correct] == [o for o in written.options if not o.correct]
        assert shown.question == written.question and shown.assesses == written.assesses


def test_a_question_with_shuffle_false_keeps_its_order_and_counts():
    fixed = asked(0, correct=2, shuffle=False)
    shown = displayed_questions([fixed, asked(1), asked(2), asked(3)])
    assert shown[0] == fixed
    assert sorted(places(shown)) == [0, 1, 2, 3]  # the others fill the places it left


def test_a_question_without_exactly_one_correct_option_is_left_as_written():
    none_right = Question("Which?", (Option("a", False, "x"), Option("b", False, "y")))
    two_right = Question("Which?", (Option("a", True, "x"), Option("b", True, "y")))
    assert displayed_questions([none_right, two_right]) == (none_right, two_right)


def test_the_longest_option_is_strictly_longer_than_every_wrong_one():
    question = Question("Which?", (Option("a longer one", True, "x"), Option("short", False, "y")))
    tied = Question("Which?", (Option("same", True, "x"), Option("size", False, "y")))
    assert correct_is_longest(question) and not correct_is_longest(tied)


def test_the_loader_gives_every_output_the_displayed_order(tmp_path):
    """The curriculum itself holds the order, so the page, workbook, guides and SCORM all read it;
    a question with shuffle: false comes out as written."""
    project = Project.minimal(tmp_path / "project", engine=False)
    project.replace("modules/map-reading/contours.md", "    assesses: [spot-hills]\n", "    assesses: [spot-hills]\n    shuffle: false\n")
    project.replace(
        "modules/route-planning/legs.md",
        "      - answer: A feature",
        "      - answer: A hedge\n        why: Hedges look alike.\n      - answer: A feature",
    )
    curriculum = project.load()

    def first_question(module_id: str, slug: str) -> Question:
        return next(lesson for lesson in curriculum.module(module_id).lessons if lesson.slug == slug).knowledge_check[0]

    contours = first_question("map-reading", "contours")
    assert contours.shuffle is False and [o.answer for o in contours.options] == ["A steep slope", "Flat ground"]
    legs = first_question("route-planning", "legs")
    assert [o.answer for o in legs.options if not o.correct] == ["A hedge", "The middle of an open field"]
    assert project.load() == curriculum

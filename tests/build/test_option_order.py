"""The knowledge checks' order in the built site (curriculum/option_order.py): the correct answer's
place is spread, and the lesson page, the workbook and the facilitator guide's answer key show each
question's options in the same order, with letters that match. Read from the HTML alone: it is what
a learner without JavaScript, a printed workbook and the LMS package all get."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from tests.factory import Project

LETTERS = "ABCDEF"


def words(fragment: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


@dataclass(frozen=True)
class Shown:
    """One question as its lesson page shows it."""

    question: str
    options: tuple[str, ...]
    correct: int  # 0-based
    right_letter: str  # from "B is right."
    wrong_letters: tuple[str, ...]  # from "Not A:", "Not C:"...


def lesson_questions(page: str) -> list[Shown]:
    found = []
    for block in re.findall(r'<li class="course-check__question".*?</details>', page, re.S):
        radios = re.findall(r'<input type="radio"[^>]*>', block)
        labels = [words(label) for label in re.findall(r"<label[^>]*>(.*?)</label>", block, re.S)]
        assert [label.split(". ", 1)[0] for label in labels] == list(LETTERS[: len(labels)])
        found.append(
            Shown(
                question=words(re.search(r"<legend>(.*?)</legend>", block, re.S).group(1)),
                options=tuple(label.split(". ", 1)[1] for label in labels),
                correct=["data-correct" in radio for radio in radios].index(True),
                right_letter=re.search(r"<strong>([A-F]) is right\.</strong>", block).group(1),
                wrong_letters=tuple(re.findall(r"<strong>Not ([A-F]):</strong>", block)),
            )
        )
    return found


def site_questions(site: Path) -> dict[str, list[Shown]]:
    """Every module's questions as its lesson pages show them, by module id."""
    found: dict[str, list[Shown]] = {}
    for page in sorted(site.glob("modules/*/*/index.html")):
        questions = lesson_questions(page.read_text(encoding="utf-8"))
        if questions:
            found.setdefault(page.parent.parent.name, []).extend(questions)
    return found


def workbook_options(page: str) -> dict[str, tuple[str, ...]]:
    found = {}
    for section in re.findall(r'<section class="course-workbook__check".*?</section>', page, re.S):
        for item in re.findall(r"<li>([^<]*?)\s*<ol class=\"course-workbook__options\" type=\"A\">(.*?)</ol>", section, re.S):
            found[words(item[0])] = tuple(words(option) for option in re.findall(r"<li>(.*?)</li>", item[1], re.S))
    return found


def answer_key(page: str) -> dict[str, str]:
    """Each question's line in the facilitator guide: 'B. <the answer> <why>'."""
    found = {}
    for answers in re.findall(r'<ol class="course-answers">(.*?)</ol>', page, re.S):
        for question, answer in re.findall(r"<li><p>(.*?)</p>\s*<p><strong>Answer: (.*?)</p>", answers, re.S):
            found[words(question)] = words(answer)
    return found


def assert_every_output_agrees(site: Path, questions: dict[str, list[Shown]]) -> None:
    for module_id, shown in questions.items():
        workbook = workbook_options((site / "modules" / module_id / "workbook" / "index.html").read_text(encoding="utf-8"))
        key = answer_key((site / "modules" / module_id / "facilitator" / "index.html").read_text(encoding="utf-8"))
        for question in shown:
            letter = LETTERS[question.correct]
            assert question.right_letter == letter, question.question
            assert question.wrong_letters == tuple(x for x in LETTERS[: len(question.options)] if x != letter), question.question
            assert workbook[question.question] == question.options, question.question
            assert key[question.question].startswith(f"{letter}. {question.options[question.correct]}"), question.question


def test_no_place_holds_more_than_forty_percent_of_the_correct_answers(built_site):
    shown = [question for questions in site_questions(built_site).values() for question in questions]
    places = Counter(question.correct for question in shown)
    assert len(shown) >= 60
    assert max(places.values()) <= 0.4 * len(shown), {LETTERS[p]: n for p, n in sorted(places.items())}


def test_the_lesson_page_workbook_and_answer_key_show_the_same_order(built_site):
    assert_every_output_agrees(built_site, site_questions(built_site))


def test_a_question_with_shuffle_false_is_shown_as_written_everywhere(tmp_path):
    """In the minimal course, whose questions all have the correct option first: the one marked
    shuffle: false keeps it there, and the page, workbook and answer key agree on every question."""
    project = Project.minimal(tmp_path / "project")
    project.replace(
        "modules/map-reading/symbols.md",
        "      - answer: On the compass\n",
        "      - answer: On the back cover\n        why: The back cover shows the area covered.\n      - answer: On the compass\n",
    )
    project.replace("modules/map-reading/contours.md", "    assesses: [spot-hills]\n", "    assesses: [spot-hills]\n    shuffle: false\n")
    site = tmp_path / "site"
    built = project.build(site)
    assert built.returncode == 0, built.stdout + built.stderr
    questions = site_questions(site)
    assert_every_output_agrees(site, questions)
    contours = next(q for q in questions["map-reading"] if q.question == "What do contour lines close together show?")
    assert contours.options == ("A steep slope", "Flat ground") and contours.correct == 0
    symbols = next(q for q in questions["map-reading"] if q.question.startswith("Where do you look up"))
    assert [o for o in symbols.options if o != "In the key at the edge of the sheet"] == ["On the back cover", "On the compass"]

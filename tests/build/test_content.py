"""Content rules: original prose (nothing copied from the seed documents), lessons long enough."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from macros.load import load_curriculum
from tests.conftest import ROOT

SEED_TOOL = ROOT.parent / "shared" / "tools" / "seed_overlap.py"
MIN_LESSON_WORDS = 700


def test_no_sentence_is_copied_from_the_seed_documents():
    if not SEED_TOOL.is_file():
        pytest.skip(f"{SEED_TOOL} is absent: the seed documents are not beside this checkout")
    result = subprocess.run([sys.executable, str(SEED_TOOL), str(ROOT)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().endswith("0 copied 8-word runs")


def test_every_lesson_has_enough_prose_objectives_an_exercise_and_a_check():
    curriculum = load_curriculum(ROOT)
    report = {}
    for module, lesson in curriculum.lessons():
        words = len(lesson.body.split())
        report[lesson.path] = words
        assert words >= MIN_LESSON_WORDS, f"{lesson.source}: {words} words, fewer than {MIN_LESSON_WORDS}"
        assert lesson.objectives and lesson.exercises, lesson.source
        assert len(lesson.knowledge_check) >= 3, lesson.source
    print("\n".join(f"{words:6d}  {path}" for path, words in report.items()))
    assert len(curriculum.module("questioning-skills").lessons) >= 4

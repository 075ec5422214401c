"""This repository's own content: original prose (nothing copied from the seed documents), a complete
curriculum, linked glossary terms, correct spelling.

How long lessons, capstones and articles must be, and the fields they must fill in, are the
course's content rules (`rules:` under the course plugin in mkdocs.yml): `course check` and the
build hold every page to them, and tests/unit/checks/test_rules.py checks this repository meets them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from macros.curriculum.load import load_curriculum
from tests.factory import ROOT

pytestmark = pytest.mark.curriculum  # all of it: a fork that replaces the sample content turns it off

SEED_TOOL = ROOT.parent / "shared" / "tools" / "seed_overlap.py"
# tests/fixtures: the minimal course is prose too (the broken inputs' deliberate typos live in tests/build).
SPELL_CHECKED = ["modules", "docs", "README.md", "tests/fixtures"]


def test_no_sentence_is_copied_from_the_seed_documents():
    if not SEED_TOOL.is_file():
        pytest.skip(f"{SEED_TOOL} is absent: the seed documents are not beside this checkout")
    result = subprocess.run([sys.executable, str(SEED_TOOL), str(ROOT)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().endswith("0 copied 8-word runs")


def test_the_curriculum_is_complete():
    curriculum = load_curriculum(ROOT)
    assert len(curriculum.modules) >= 3
    for module in curriculum.modules:
        assert len(module.lessons) >= 4, f"{module.source}: only {len(module.lessons)} lessons"
        assert module.capstone, f"{module.source}: no capstone.md"
        assert curriculum.related_articles(module), f"{module.source}: no article names this module in its modules:"
        for lesson in module.lessons:
            assert lesson.exercises, f"{lesson.source}: no exercise"
            assert len(lesson.knowledge_check) >= 3, f"{lesson.source}: fewer than 3 knowledge-check questions"
            assert "!!! example" in lesson.body, f"{lesson.source}: no worked example or scenario (!!! example)"
    articles = curriculum.published_articles()
    assert len(articles) >= 8
    for article in articles:
        assert article.modules, f"{article.source}: names no module it supports"
        assert "<!-- more -->" in (ROOT / article.source).read_text(encoding="utf-8"), f"{article.source}: no excerpt break"


def test_every_glossary_term_is_linked_from_the_content():
    curriculum = load_curriculum(ROOT)
    text = "\n".join(
        [page.body for module in curriculum.modules for page in module.pages]
        + [(ROOT / article.source).read_text(encoding="utf-8") for article in curriculum.articles]
    )
    unused = [term for term in curriculum.glossary if f'term("{term}"' not in text]
    assert not unused, f"glossary terms no lesson or article links to: {unused}"


def test_the_content_is_spelled_correctly():
    """codespell with the project word list (.codespell-words.txt, British spelling and names)."""
    codespell = Path(sys.executable).parent / "codespell"
    result = subprocess.run([str(codespell), *SPELL_CHECKED], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"misspellings (fix them, or add a real word to .codespell-words.txt):\n{result.stdout}{result.stderr}"

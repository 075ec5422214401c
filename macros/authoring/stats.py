"""Sizes for `course stats`: the words a reader reads, by kind of page."""

from __future__ import annotations

import re

from macros.checks.masking import HTML_COMMENT
from macros.checks.pages import read_page
from macros.curriculum.model import Curriculum
from macros.curriculum.project import Layout
from macros.curriculum.tree import SourceTree

WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)


def word_count(markdown: str) -> int:
    """Words a reader reads: macros and HTML comments left out."""
    return len(WORD.findall(HTML_COMMENT.sub(" ", JINJA.sub(" ", markdown))))


def article_words(layout: Layout, tree: SourceTree, curriculum: Curriculum) -> int:
    total = 0
    for article in curriculum.articles:
        page, _ = read_page(layout, tree, layout.root / article.source)
        total += word_count(page.source.body) if page else 0
    return total

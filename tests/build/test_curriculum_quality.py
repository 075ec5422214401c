"""What issue 17 asked of this repository's curriculum, read from the site the build writes:

* knowledge checks a learner cannot pass by picking one position or the longest option
  (over every module: no position holds more than 40 % of the correct answers, and the correct
  option is the longest in at most 40 % of the questions);
* four modules, the fourth on customers in vulnerable circumstances;
* "Why customer service training fails" as five numbered parts, each linking the other four.
"""

from __future__ import annotations

import re
from collections import Counter
from html import unescape

import pytest

from tests.html import html, text_of

pytestmark = pytest.mark.curriculum  # this repository's content: a fork that replaces it turns it off

MOST = 0.4
SERIES = "Why customer service training fails, part "
_QUESTION = re.compile(r'<li class="course-check__question".*?</fieldset>', re.DOTALL)
_OPTION = re.compile(r"<input [^>]*?(data-correct)?>\s*<label [^>]*><span [^>]*>[A-F]\.</span> (.*?)</label>", re.DOTALL)


def asked(site) -> list[list[tuple[bool, str]]]:
    """Every knowledge-check question on every lesson page: its options, in the order shown, as
    (correct, text)."""
    questions = []
    for page in sorted((site / "modules").glob("*/*/index.html")):
        for block in _QUESTION.findall(page.read_text(encoding="utf-8")):
            questions.append([(bool(correct), unescape(text_of(label))) for correct, label in _OPTION.findall(block)])
    return questions


def test_no_option_position_or_length_gives_the_answer_away(built_site):
    questions = asked(built_site)
    assert len(questions) >= 80
    assert all(sum(correct for correct, _ in options) == 1 for options in questions)
    positions = Counter(next(i for i, (correct, _) in enumerate(options) if correct) for options in questions)
    longest = [
        options
        for options in questions
        if all(len(text) < len(next(t for c, t in options if c)) for correct, text in options if not correct)
    ]
    shares = {"ABCDEF"[place]: count / len(questions) for place, count in positions.items()}
    print(f"\n{len(questions)} questions; correct option by position {shares}; longest {len(longest) / len(questions):.0%}")
    assert max(shares.values()) <= MOST, shares
    assert len(longest) / len(questions) <= MOST


def test_four_modules_are_built_the_fourth_on_vulnerable_customers(built_site):
    overviews = sorted(path.parent.name for path in (built_site / "modules").glob("*/index.html"))
    assert len(overviews) >= 4
    page = html(built_site, "modules/vulnerable-customers")
    assert "Customers in vulnerable circumstances" in page
    lessons = [path for path in (built_site / "modules/vulnerable-customers").glob("*/index.html") if "course-check" in path.read_text()]
    assert len(lessons) >= 5


def test_the_series_has_five_numbered_parts_each_linking_the_others(built_site):
    parts = {}
    for page in (built_site / "blog").glob("*/index.html"):
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", page.read_text(encoding="utf-8"), re.DOTALL)
        title = unescape(text_of(heading.group(1))) if heading else ""
        if title.startswith(SERIES):
            parts[int(title.removeprefix(SERIES).split(":")[0])] = page.parent.name
    assert sorted(parts) == [1, 2, 3, 4, 5]
    for number, slug in parts.items():
        page = html(built_site, f"blog/{slug}")
        linked = {other for other in parts.values() if f'href="../{other}/"' in page}
        assert linked >= set(parts.values()) - {slug}, f"part {number} does not link {set(parts.values()) - {slug} - linked}"

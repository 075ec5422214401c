"""House style (checks/style.py, `rules: style:` in mkdocs.yml): quotation marks and times of day in
the prose and in the text of the front matter, apostrophes and syntax left alone, each problem at
its line with the fix, warnings unless the course says error, and this repository's own pages in
its own style. The broken-input corpus (tests/build/broken_style.py) runs the same through
`course check` and the build."""

from __future__ import annotations

from datetime import date

import pytest
import yaml
from mkdocs.config import load_config

from macros import checks
from macros.checks.pages import Index
from macros.checks.style import masked, quote_problems, style_problems, time_problems, twelve_hour
from macros.curriculum.project import Rules, Style, read_layout, read_rules
from macros.curriculum.tree import SourceTree
from tests.factory import ROOT, Project

COURSE = "      nav_section: Curriculum\n"


def quoted(text: str, house: str = "single") -> list[str]:
    """The quotations reported, as the message names them."""
    return [what for _, what, _ in quote_problems(text, house)]


def times(text: str, house: str = "5 pm") -> list[str]:
    """The fix for each time reported."""
    return [fix.split(" (")[0] for _, _, fix in time_problems(text, house)]


# -- quotation marks ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ('She said "Thanks for waiting" and rang off.', ['double quotes around "Thanks for waiting"']),
        ("She said 'Thanks for waiting' and rang off.", []),
        ("'He told me \"not today\" twice,' she said.", []),  # a quotation inside a quotation
        ("Curly “quotes” count too.", ['double quotes around "quotes"']),
        ("Don't rush the customers' questions; it's their call.", []),  # apostrophes
        ('The customers\' needs come first, then "the process".', ['double quotes around "the process"']),
        ("It started in the '90s and the screen is 6\" wide.", []),  # an elision and inches
        ('A "quotation that runs on\n\nto the next paragraph.', ['a double quote opens "quotation that runs on" and is not closed']),
        ('- A list item with "one"\n- and "two"', ['double quotes around "one"', 'double quotes around "two"']),
    ],
)
def test_double_quotes_outside_single_ones_are_reported(text, found):
    assert quoted(text) == found


def test_a_course_with_double_quotes_for_speech_is_told_the_reverse():
    assert quoted("She said 'Thanks for waiting' and rang off.", "double") == ["single quotes around 'Thanks for waiting'"]
    assert quoted("She said \"He told me 'not today' twice\".", "double") == []
    assert quoted("Don't rush the customers' questions.", "double") == []
    _, _, fix = next(quote_problems('Say "hello".', "single"))
    assert fix == "use single quotes: 'hello' (rules.style.quotes in mkdocs.yml)"


def test_syntax_is_not_prose():
    text = masked(
        '!!! exercise "Find five symbols"\n'
        '    Read the [key](key.md "The key") and <span class="note">this</span>.\n'
        '    {{ term("contour", "a contour") }} {% if x == "y" %}{% endif %} and `say "hi"`.\n'
        '## A heading { #top data-x="1" }\n'
        '[key]: https://example.org "A title"\n'
        '<!-- a "comment" -->\n'
        '```python\nprint("code")\n```\n'
        '- `a code span that runs on\n  to the next line with "quotes"` in a list.\n'
    )
    assert '"' not in text
    assert "Find five symbols" in text  # an admonition's title is prose; its quotes are syntax
    assert text.count("\n") == 11  # every line kept where it was


# -- times of day ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fixes"),
    [
        ("Open at 5pm, 5 PM and 5 p.m.", ["write 5 pm", "write 5 pm", "write 5 pm"]),
        ("From 5:30 pm or 5.30pm until 17:00.", ["write 5.30 pm", "write 5.30 pm", "write 5 pm"]),
        ("At 9.00 am, 12pm, 12 am and 09:30.", ["write 9 am", "write 12 noon", "write 12 midnight", "write 9.30 am"]),
        ("At 5 pm, 9.30 am, 12 noon and 12.15 pm.", []),  # the house style
        ("Call by 9 am. Lines open at 8 am and close at 6 pm.", []),  # a full stop after am is the sentence's
        ("A score of 3:1, £5.30 a month, 1.5 pm-units, version 2:30:10.", []),
    ],
)
def test_times_not_in_house_style_are_reported(text, fixes):
    assert times(text) == fixes


def test_a_course_on_the_24_hour_clock():
    assert times("From 9.30 am to 5 pm, or 17:00.", "17:00") == ["write 09:30", "write 17:00"]
    assert [twelve_hour(hour, "00") for hour in (0, 9, 12, 17)] == ["12 midnight", "9 am", "12 noon", "5 pm"]


# -- a course -------------------------------------------------------------------------------------


def with_style(project: Project, settings: str) -> Project:
    project.replace("mkdocs.yml", COURSE, COURSE + "      rules:\n        style:\n" + settings)
    return project


def problems(project: Project) -> list[str]:
    layout, config_problems = read_layout(project.root)
    assert config_problems == []
    return [str(p) for p in checks.check_project(layout).problems]


def test_no_house_style_unless_the_course_sets_one(tmp_path):
    project = Project.small(tmp_path)
    project.replace("modules/alpha/first.md", "Some text.", 'Some "text" at 5pm.')
    assert read_layout(project.root)[0].rules.style == Style("off", "off")
    assert problems(project) == []


def test_pages_and_front_matter_are_checked_at_their_lines_as_warnings(tmp_path):
    project = with_style(Project.small(tmp_path), "          quotes: single\n          times: 5 pm\n")
    project.replace("modules/alpha/first.md", "Some text.", 'Some text.\n\nShe said "We close at 5pm" and don\'t forget it.')
    project.replace("modules/alpha/first.md", "why: Everything has a name.", "why: 'Everything has a \"name\".'")
    project.write("docs/help.md", "# Help\n\nWrite to us by 17:00.\n")
    text = project.read("modules/alpha/first.md").splitlines()
    body = text.index('She said "We close at 5pm" and don\'t forget it.') + 1
    why = next(number for number, line in enumerate(text, 1) if "Everything has a" in line)
    assert sorted(problems(project)) == [
        "docs/help.md:3: warning: '17:00' is not how this course writes a time — write 5 pm (rules.style.times in mkdocs.yml)",
        f'modules/alpha/first.md:{why}: warning: knowledge_check[1].options[2].why: double quotes around "name" — use single quotes: '
        "'name' (rules.style.quotes in mkdocs.yml)",
        f"modules/alpha/first.md:{body}: warning: '5pm' is not how this course writes a time — write 5 pm "
        "(rules.style.times in mkdocs.yml)",
        f'modules/alpha/first.md:{body}: warning: double quotes around "We close at 5pm" — use single quotes: '
        "'We close at 5pm' (rules.style.quotes in mkdocs.yml)",
    ]


def test_a_rule_switched_off_is_not_checked_and_severity_error_stops_the_build(tmp_path):
    project = with_style(Project.small(tmp_path), "          quotes: off\n          times: 5 pm\n          severity: error\n")
    project.replace("modules/alpha/first.md", "Some text.", 'Some "text" at 5pm.')
    found = problems(project)
    assert len(found) == 1 and found[0].startswith("modules/alpha/first.md:") and ": warning:" not in found[0]
    assert "'5pm' is not how this course writes a time" in found[0]


def test_wrong_settings_are_named_and_keep_their_defaults():
    rules = read_rules(yaml.safe_load("style: {quotes: singel, times: 17:00, severity: loud, colour: blue}"))
    assert rules.style == Style()
    assert [(p.field, p.message, p.hint) for p in rules.problems] == [
        ("plugins.course.rules.style.colour", "unknown style setting", "the style settings are quotes, times, severity"),
        ("plugins.course.rules.style.quotes", "'singel' is not a choice for quotes", "write quotes: single, double or off"),
        ("plugins.course.rules.style.times", "1020 is not a choice for times", "write times: '5 pm', '17:00' or off"),
        ("plugins.course.rules.style.severity", "'loud' is not a choice for severity", "write severity: error or warning"),
    ]
    assert read_rules(yaml.safe_load("style: {quotes: off, times: off}")).style == Style("off", "off")  # YAML's off is false
    assert read_rules({"style": "single"}).problems[0].message == "expected a block of settings, got 'single'"


# -- this repository ------------------------------------------------------------------------------


def test_the_build_reads_the_style_as_course_check_does():
    config = load_config(str(ROOT / "mkdocs.yml"))
    style = read_rules(config.plugins["course"].config.rules, ROOT / "mkdocs.yml").style
    assert style == read_layout(ROOT)[0].rules.style == Style("single", "5 pm", "warning")


@pytest.mark.curriculum  # this repository's own pages
def test_every_page_of_this_repository_is_in_house_style():
    """docs/ and every module's lessons and capstone: no style problem."""
    layout, _ = read_layout(ROOT)
    assert layout.rules != Rules()
    index = Index.build(layout, SourceTree(), date.today())
    found = [str(p) for p in style_problems(layout, index)]
    assert found == []

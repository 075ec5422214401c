"""Content rules (the course plugin's `rules:` in mkdocs.yml): every lesson, capstone and article is
held to the rules of its kind by `course check` and the build, a wrong setting is named at its
line, and this repository meets the rules it sets itself."""

from __future__ import annotations

from datetime import date

from mkdocs.config import load_config

from macros import checks
from macros.checks.pages import Index
from macros.checks.rules import rule_problems
from macros.curriculum.project import Rules, read_layout, read_rules
from macros.curriculum.tree import SourceTree
from tests.factory import ROOT, Project

COURSE = "      nav_section: Curriculum\n"
CAPSTONE = "---\ntitle: Do it all\nduration: 30\nserves: [do-it]\nmaterials: [Cards]\n---\n\nDo everything you learned, twice.\n"


def with_rules(project: Project, rules: str) -> Project:
    """The small project with `rules:` (indented YAML lines under it) in its mkdocs.yml."""
    project.replace("mkdocs.yml", COURSE, COURSE + "      rules:\n" + rules)
    return project


def problems(project: Project) -> list[str]:
    layout, config_problems = read_layout(project.root)
    assert config_problems == []
    return [str(p) for p in checks.check_project(layout).problems]


def test_a_course_without_rules_asks_for_nothing(tmp_path):
    project = Project.small(tmp_path)
    layout, _ = read_layout(project.root)
    assert layout.rules == Rules()
    assert problems(project) == []


def test_each_page_is_held_to_the_rules_of_its_kind(tmp_path):
    project = with_rules(
        Project.small(tmp_path),
        "        lesson_words: 12\n"
        "        capstone_words: 10\n"
        "        article_words: 20\n"
        "        required:\n"
        "          lesson: [materials]\n"
        "          article: [modules]\n"
        "        severity: error\n",
    )
    project.replace("modules/alpha/second.md", "tags: [testing]", "tags: [testing]\nmaterials: [Cards]")
    project.replace("modules/alpha/second.md", "Some text.", "Some text, and a few more words.")
    project.write("modules/alpha/capstone.md", CAPSTONE)
    project.article("on-testing", extra="")
    project.replace("docs/blog/posts/on-testing.md", "modules: [alpha]\n", "")
    assert problems(project) == [
        "docs/blog/posts/on-testing.md:1: modules: this course asks every article for modules (rules.required.article in mkdocs.yml) — "
        "add modules: [questioning-skills] to the front matter, or take modules out of plugins.course.rules.required.article",
        "docs/blog/posts/on-testing.md:8: body: 10 words; this course asks for at least 20 (rules.article_words in mkdocs.yml) — "
        "add to the article, or lower the rule",
        "modules/alpha/capstone.md:7: body: 5 words; this course asks for at least 10 (rules.capstone_words in mkdocs.yml) — "
        "add to the capstone, or lower the rule",
        "modules/alpha/first.md:1: materials: this course asks every lesson for materials (rules.required.lesson in mkdocs.yml) — "
        "add materials: ['Printed customer scenarios, one per pair', Flip chart and pens] to the front matter, or take materials "
        "out of plugins.course.rules.required.lesson",
        "modules/alpha/first.md:23: body: 11 words; this course asks for at least 12 (rules.lesson_words in mkdocs.yml) — "
        "add to the lesson, or lower the rule",
    ]


def test_pages_that_are_not_lessons_capstones_or_articles_are_not_ruled(tmp_path):
    project = with_rules(Project.small(tmp_path), "        lesson_words: 5\n        article_words: 5\n        severity: error\n")
    project.write("modules/alpha/index.md", "An introduction.\n")  # the module's overview
    project.write("docs/about.md", "# About\n")
    project.write("docs/blog/index.md", "# Blog\n")
    assert problems(project) == []


def test_rules_are_warnings_unless_they_say_error(tmp_path):
    project = with_rules(Project.small(tmp_path), "        lesson_words: 12\n")
    result = project.check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        "modules/alpha/first.md:23: warning: body: 11 words; this course asks for at least 12 (rules.lesson_words in mkdocs.yml) — "
        "add to the lesson, or lower the rule",
        "modules/alpha/second.md:23: warning: body: 11 words; this course asks for at least 12 (rules.lesson_words in mkdocs.yml) — "
        "add to the lesson, or lower the rule",
        "2 problems (0 errors, 2 warnings)",
    ]


def test_a_wrong_setting_is_named_at_its_line_and_the_others_still_apply(tmp_path):
    project = with_rules(
        Project.small(tmp_path),
        "        lesson_words: many\n"
        "        artcle_words: 600\n"
        "        required:\n"
        "          lessons: [materials]\n"
        "          capstone: [material, materials]\n"
        "        severity: fatal\n",
    )
    project.write("modules/alpha/capstone.md", CAPSTONE.replace("materials: [Cards]\n", ""))
    layout, _ = read_layout(project.root)
    assert layout.rules.required == (("capstone", ("materials",)),)
    assert problems(project) == [
        "mkdocs.yml:12: plugins.course.rules.lesson_words: expected a whole number of words, got 'many' — write lesson_words: 500, "
        "or 0 for no minimum",
        "mkdocs.yml:13: plugins.course.rules.artcle_words: unknown rule — did you mean 'article_words'?",
        "mkdocs.yml:15: plugins.course.rules.required.lessons: 'lessons' is not a kind of page the rules know — did you mean 'lesson'?",
        "mkdocs.yml:16: plugins.course.rules.required.capstone: 'material' is not a field of a capstone — did you mean 'materials'?",
        "mkdocs.yml:17: plugins.course.rules.severity: 'fatal' is not a severity — write severity: error (the build stops) or "
        "severity: warning (course check mentions it)",
        "modules/alpha/capstone.md:1: warning: materials: this course asks every capstone for materials (rules.required.capstone in "
        "mkdocs.yml) — add materials: ['Printed customer scenarios, one per pair', Flip chart and pens] to the front matter, or take "
        "materials out of plugins.course.rules.required.capstone",
    ]


def test_rules_that_are_not_a_block_of_settings(tmp_path):
    project = Project.small(tmp_path)
    project.replace("mkdocs.yml", COURSE, COURSE + "      rules: strict\n")
    assert problems(project) == [
        "mkdocs.yml:11: plugins.course.rules: expected a block of settings, got 'strict' — write rules: followed by settings such as "
        "lesson_words: 700, indented under it",
    ]


def test_a_new_lesson_is_told_the_rule_it_falls_short_of(tmp_path):
    project = with_rules(Project.small(tmp_path), "        lesson_words: 300\n        severity: error\n")
    made = project.course("new", "lesson", "alpha", "third")
    assert made.returncode == 0, made.stdout + made.stderr
    text = project.read("modules/alpha/third.md")
    assert "`rules:` under the course plugin" in text and 'materials: ["TODO:' in text  # the template says where the rules are
    found = [line for line in problems(project) if line.startswith("modules/alpha/third.md") and " body: " in line]
    assert len(found) == 1 and "this course asks for at least 300 (rules.lesson_words in mkdocs.yml)" in found[0]


def test_the_build_reads_the_rules_as_course_check_does():
    """MkDocs reads the course plugin's options (site/config.py); read_rules turns both into the same Rules."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    course = config.plugins["course"]
    assert read_rules(course.config.rules, ROOT / "mkdocs.yml") == read_layout(ROOT)[0].rules


def test_the_repository_meets_its_own_rules():
    """The rules in this repository's mkdocs.yml, whatever a fork makes them, hold for its own pages."""
    layout, _ = read_layout(ROOT)
    assert layout.rules.problems == ()
    index = Index.build(layout, SourceTree(), date.today())
    assert [str(p) for p in rule_problems(layout, index)] == []


def test_words_are_counted_after_the_front_matter(tmp_path):
    project = with_rules(Project.small(tmp_path), "        lesson_words: 11\n        severity: error\n")
    assert problems(project) == []  # "Some text." and the exercise block: 11 words; the front matter does not count
    project.replace("modules/alpha/first.md", "Some text.", "Text.")
    assert [line.split(" — ")[0] for line in problems(project)] == [
        "modules/alpha/first.md:23: body: 10 words; this course asks for at least 11 (rules.lesson_words in mkdocs.yml)"
    ]

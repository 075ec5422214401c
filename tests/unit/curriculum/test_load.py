"""Loading and validating a curriculum: every problem, at its real line, with a fix."""

from __future__ import annotations

from datetime import date

import pytest

from macros.curriculum.load import load_curriculum
from macros.curriculum.problems import CurriculumError
from tests.factory import Project


def problems(root) -> list[str]:
    with pytest.raises(CurriculumError) as caught:
        load_curriculum(root)
    return [str(p) for p in caught.value.problems]


def test_a_valid_curriculum_loads_into_the_model(tmp_path):
    curriculum = load_curriculum(Project.small(tmp_path, site=False))
    module = curriculum.module("alpha")
    assert [lesson.slug for lesson in module.lessons] == ["first", "second"]
    assert module.duration == 40  # computed from the lessons
    assert module.reviewed == date(2026, 11, 1)
    assert module.position(module.lessons[1]) == 2
    lesson = module.lessons[0]
    assert lesson.path == "modules/alpha/first.md"
    assert [option.correct for option in lesson.knowledge_check[0].options].count(True) == 1  # in the order shown (option_order.py)
    assert lesson.body_line == 23
    assert curriculum.authors["ann"].name == "Ann Author"


def test_module_order_comes_from_metadata(tmp_path):
    project = Project.small(tmp_path, site=False)
    project.module("beta", order=0)
    assert [m.id for m in load_curriculum(tmp_path).modules] == ["beta", "alpha"]


def test_schema_problems_name_file_line_field_and_fix(tmp_path):
    project = Project.small(tmp_path, site=False)
    meta = tmp_path / "modules/alpha/module.yml"
    project.replace(meta, "title: Alpha", "titel: Alpha")
    project.replace(meta, "level: introductory", "level: beginer")
    project.replace(meta, 'version: "1.0"', "version: 1.0")
    project.replace("modules/alpha/first.md", "duration: 20", "duration: ten")
    assert problems(tmp_path) == [
        'modules/alpha/first.md:3: duration: expected a whole number, got "ten" — write duration: 25',
        # the typo is the problem; 'title is missing' would only repeat it
        "modules/alpha/module.yml:2: titel: unknown field — did you mean 'title'?",
        'modules/alpha/module.yml:5: level: "beginer" is not allowed here — use one of introductory, intermediate, advanced',
        "modules/alpha/module.yml:12: version: expected text, got 1.0 (YAML reads an unquoted number as a number) — "
        'put the text in quotes, as in version: "1.0"',
    ]


def test_bad_yaml_points_at_the_line(tmp_path):
    project = Project.small(tmp_path, site=False)
    project.replace("modules/alpha/module.yml", "summary: A short module for tests.", "summary: A short: module: for tests.")
    assert problems(tmp_path) == [
        "modules/alpha/module.yml:3: this is not valid YAML (mapping values are not allowed here) — check the indentation, "
        "and put quotes around text that contains ': ' or starts with a quote, '[', '{', '*', '&' or '!'",
    ]


def test_a_tab_in_front_matter_points_at_the_line(tmp_path):
    project = Project.small(tmp_path, site=False)
    project.replace("modules/alpha/first.md", "tags: [testing]", "tags:\t[testing]")
    assert problems(tmp_path) == ["modules/alpha/first.md:9: a tab character in YAML — indent with spaces, not tabs"]


def test_unclosed_front_matter_empty_file_and_not_utf8(tmp_path):
    project = Project.small(tmp_path, site=False)
    first = tmp_path / "modules/alpha/first.md"
    first.write_text(first.read_text().replace("\n---\n\nSome text.", "\n\nSome text."))
    (tmp_path / "modules/alpha/second.md").write_text("")
    project.write("modules/alpha/third.md", "x")
    (tmp_path / "modules/alpha/third.md").write_bytes("---\ntitle: caf\xe9\n---\n".encode("latin-1"))
    project.replace("modules/alpha/module.yml", "  - second\n", "  - second\n  - third\n")
    assert problems(tmp_path) == [
        "modules/alpha/first.md:1: the front matter opened here never closes — add a line with --- after the last field",
        # no 'objective not served': the lessons that would serve it did not load
        "modules/alpha/second.md:1: the file is empty — start it with front matter between --- lines, then the text",
        "modules/alpha/third.md:2: the file is not UTF-8 text — save it with UTF-8 encoding",
    ]


def test_listed_lessons_must_exist_and_files_must_be_listed(tmp_path):
    Project.small(tmp_path, site=False)
    (tmp_path / "modules/alpha/second.md").rename(tmp_path / "modules/alpha/secnd.md")
    assert problems(tmp_path) == [
        "modules/alpha/module.yml:16: lessons: lesson 'second' is listed but modules/alpha/second.md does not exist — create "
        "modules/alpha/second.md, or remove 'second' from the list",
        "modules/alpha/secnd.md: this lesson is not listed in modules/alpha/module.yml — add '- secnd' under lessons: there, or "
        "delete the file",
    ]


def test_prerequisites_unknown_self_and_circular(tmp_path):
    project = Project.small(tmp_path, site=False)
    project.replace("modules/alpha/module.yml", "prerequisites: []", "prerequisites: [beta]")
    project.module("beta", order=2, prerequisites="[gamma, alpha]")
    project.module("gamma", order=3, prerequisites="[gamma, betta]")
    assert problems(tmp_path) == [
        "modules/alpha/module.yml:9: prerequisites: prerequisites go round in a circle: alpha → beta → alpha — remove one of "
        "these prerequisites",
        "modules/gamma/module.yml:9: prerequisites: a module cannot be its own prerequisite — remove 'gamma'",
        "modules/gamma/module.yml:9: prerequisites: unknown module 'betta' — did you mean 'beta'?",
    ]


def test_duplicate_module_id_and_id_that_differs_from_folder(tmp_path):
    project = Project.small(tmp_path, site=False)
    project.module("beta", order=2)
    project.replace("modules/beta/module.yml", "id: beta", "id: alpha")
    assert problems(tmp_path) == [
        "modules/beta/module.yml:1: id: 'alpha' differs from the folder name 'beta' — write id: beta, or rename the folder",
        "modules/beta/module.yml:1: id: 'alpha' is already the id of modules/alpha/module.yml — give each module its own id",
    ]


def test_knowledge_checks_objectives_and_exercises_are_cross_checked(tmp_path):
    project = Project.small(tmp_path, site=False)
    first = tmp_path / "modules/alpha/first.md"
    project.replace(first, "      - answer: Nothing\n", "      - answer: Nothing\n        correct: true\n")
    project.replace(first, "    assesses: [name-it]\n    options", "    assesses: [nme-it]\n    options")
    project.replace(first, '!!! exercise "Name three things"', '!!! exercise "Name 3 things"')
    project.replace(first, "serves: [do-it]", "serves: [do-that]")
    found = problems(tmp_path)
    assert found == [
        "modules/alpha/first.md:4: serves: 'do-that' is not an objective of module 'alpha' — did you mean 'do-it'?",
        'modules/alpha/first.md:11: exercises[1].title: no exercise titled "Name three things" in the lesson\'s text — did you '
        "mean 'Name 3 things'?",
        "modules/alpha/first.md:14: knowledge_check[1]: 2 options are marked correct: exactly one must be — put correct: true on "
        "the one right option only",
        "modules/alpha/first.md:15: knowledge_check[1].assesses: 'nme-it' is not an objective of this lesson — did you mean 'name-it'?",
    ]


def test_every_objective_must_be_assessed_and_served(tmp_path):
    project = Project.small(tmp_path, site=False)
    for name in ("first", "second"):
        project.replace(f"modules/alpha/{name}.md", "serves: [do-it]\n", "")
    project.replace("modules/alpha/first.md", "    assesses: [name-it]\n    options", "    options")
    project.replace("modules/alpha/first.md", "minutes: 10,\n     assesses: [name-it]}", "minutes: 10}")
    assert problems(tmp_path) == [
        "modules/alpha/first.md:5: objectives.name-it: no question or exercise assesses this objective — add assesses: [name-it] "
        "to a knowledge-check question or an exercise",
        "modules/alpha/module.yml:8: objectives.do-it: no lesson serves this objective — add serves: [do-it] to the lesson that teaches it",
    ]


def test_unknown_author_and_article_schema(tmp_path):
    project = Project.small(tmp_path, site=False)
    project.replace("modules/alpha/module.yml", "authors: [ann]", "authors: [anne]")
    project.write(
        "docs/blog/posts/hello.md",
        "---\ndate: 2026-13-01\nauthors: [ann]\ncategories: [News]\ntags: []\ndescription: Hi.\nsubtitel: x\n---\n\n# Hello\n",
    )
    assert problems(tmp_path) == [
        'docs/blog/posts/hello.md:2: date: expected a date as YYYY-MM-DD, got "2026-13-01" — write date: 2026-10-06',
        "docs/blog/posts/hello.md:7: subtitel: unknown field — did you mean 'title'?",
        "modules/alpha/module.yml:11: authors: unknown author 'anne' — did you mean 'ann'?",
    ]


def test_articles_are_read_newest_first_and_drafts_are_not_related(tmp_path):
    project = Project.small(tmp_path, site=False)
    post = (
        "---\ndate: {date}\nauthors: [ann]\ncategories: [News]\ntags: [testing]\nmodules: [alpha]\n"
        "description: About it.\n{extra}---\n\n# {title}\n\nText.\n"
    )
    project.write("docs/blog/posts/old.md", post.format(date="2026-01-01", extra="", title="Old"))
    project.write("docs/blog/posts/new.md", post.format(date="2026-06-01", extra="", title="New"))
    project.write("docs/blog/posts/wip.md", post.format(date="2026-07-01", extra="draft: true\n", title="Draft"))
    curriculum = load_curriculum(tmp_path)
    assert [a.slug for a in curriculum.articles] == ["wip", "new", "old"]
    assert [a.title for a in curriculum.related_articles(curriculum.module("alpha"))] == ["New", "Old"]


def test_a_huge_file_is_refused_not_parsed(tmp_path):
    Project.small(tmp_path, site=False)
    first = tmp_path / "modules/alpha/first.md"
    first.write_text(first.read_text() + "word " * 1_100_000)
    assert problems(tmp_path) == [
        "modules/alpha/first.md: the file is 5,500 KB, over the 1,000 KB limit — split it into several lessons, or move data out of it",
    ]


CAPSTONE = """\
---
title: "Capstone: do it all"
duration: 40
serves: [do-it]
draws_on: [first, second]
---

Do everything you learned.
"""


def test_a_capstone_ends_the_module_and_counts_in_its_time(tmp_path):
    project = Project.small(tmp_path, site=False)
    project.write("modules/alpha/capstone.md", CAPSTONE)
    module = load_curriculum(tmp_path).module("alpha")
    assert module.capstone.title == "Capstone: do it all"
    assert [o.text for o in module.capstone.objectives] == ["Do the thing."]
    assert [page.path for page in module.pages][-1] == "modules/alpha/capstone.md"
    assert module.duration == 20 + 20 + 40
    assert module.neighbours(module.lessons[-1])[1] is module.capstone


def test_a_capstone_is_cross_checked_against_the_module(tmp_path):
    project = Project.small(tmp_path, site=False)
    project.write(
        "modules/alpha/capstone.md", CAPSTONE.replace("serves: [do-it]", "serves: [do-itt]").replace("[first, second]", "[first, third]")
    )
    project.replace("modules/alpha/module.yml", "  - second\n", "  - second\n  - capstone\n")
    assert problems(tmp_path) == [
        "modules/alpha/capstone.md:4: serves: 'do-itt' is not an objective of module 'alpha' — did you mean 'do-it'?",
        "modules/alpha/capstone.md:5: draws_on: 'third' is not a lesson of module 'alpha' — use one of first, second",
        "modules/alpha/module.yml:17: lessons: capstone.md is the module's capstone, which always comes last, not a lesson — "
        "remove 'capstone' from the list",
    ]


def test_articles_name_the_modules_they_support(tmp_path):
    project = Project.small(tmp_path, site=False)
    post = (
        "---\ndate: 2026-01-01\nauthors: [ann]\ncategories: [News]\ntags: [testing]\n"
        "modules: [{modules}]\ndescription: About it.\n---\n\n# {title}\n"
    )
    project.write("docs/blog/posts/on.md", post.format(modules="alpha", title="On"))
    project.write("docs/blog/posts/off.md", post.format(modules="", title="Off"))
    curriculum = load_curriculum(tmp_path)
    assert [a.title for a in curriculum.related_articles(curriculum.module("alpha"))] == ["On"]
    assert [m.id for m in curriculum.supported_modules(curriculum.articles[0])] in (["alpha"], [])
    project.write("docs/blog/posts/typo.md", post.format(modules="alfa", title="Typo"))
    assert problems(tmp_path) == ["docs/blog/posts/typo.md:6: modules: unknown module 'alfa' — did you mean 'alpha'?"]


GLOSSARY = """\
terms:
  churn:
    term: churn
    definition: Customers leaving.
    see_also: [retention]
  retention:
    term: retention
    definition: Customers staying.
"""


def test_the_glossary_is_read_and_its_cross_references_checked(tmp_path):
    project = Project.small(tmp_path, site=False)
    project.write("modules/glossary.yml", GLOSSARY)
    glossary = load_curriculum(tmp_path).glossary
    assert list(glossary) == ["churn", "retention"]
    assert glossary["churn"].see_also == ("retention",)
    project.write(
        "modules/glossary.yml",
        GLOSSARY.replace("see_also: [retention]", "see_also: [retension]").replace(
            "definition: Customers staying.", "defintion: Customers staying."
        ),
    )
    assert problems(tmp_path) == [
        "modules/glossary.yml:8: terms.retention.defintion: unknown field — did you mean 'definition'?",
    ]
    project.write("modules/glossary.yml", GLOSSARY.replace("see_also: [retention]", "see_also: [retension]"))
    assert problems(tmp_path) == ["modules/glossary.yml:5: terms.churn.see_also: unknown term 'retension' — did you mean 'retention'?"]

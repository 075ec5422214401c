"""The `course` command, run as authors run it (click's CliRunner), on small projects in tmp_path."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from macros.authoring.cli import course
from macros.curriculum.load import load_curriculum
from macros.curriculum.project import read_layout
from tests.factory import ROOT, Project


def today() -> str:
    """Read at each use, not once at import: a run can pass midnight between collecting and running."""
    return date.today().isoformat()


def run(root: Project | Path | None, *args: str):
    """Run `course [--root root] args`; fail on a traceback (any exception but a clean exit)."""
    result = CliRunner().invoke(course, [*(["--root", str(root)] if root else []), *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"course {' '.join(args)} raised {result.exception!r}\n{result.output}") from result.exception
    assert "Traceback" not in result.output
    return result


def lines(result) -> list[str]:
    return result.stdout.strip().splitlines()


def only_placeholders(result) -> bool:
    """Every error line is a TODO placeholder (warnings, such as a draft, allowed)."""
    problems = [line for line in lines(result)[:-1] if ": warning:" not in line]
    return bool(problems) and all("a placeholder is left in" in line for line in problems)


@pytest.fixture
def project(tmp_path) -> Project:
    return Project.small(tmp_path / "course")


# -- help -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [[], ["check"], ["new"], ["new", "module"], ["new", "lesson"], ["new", "article"], ["list"], ["stats"]])
def test_every_command_has_help_with_an_example(command, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no project here: help must not need one
    result = run(None, *command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.output and "course " in result.output.split("Example:")[1]


# -- check ------------------------------------------------------------------------------------------


def test_check_a_clean_project(project):
    project.article("on-testing")
    result = run(project, "check")
    assert result.exit_code == 0
    assert lines(result) == ["No problems found in 1 module, 2 lessons, 1 article."]


def test_check_finds_the_project_from_a_subfolder(project, monkeypatch):
    monkeypatch.chdir(project / "modules" / "alpha")
    result = run(None, "check")
    assert result.exit_code == 0, result.output


def test_check_outside_a_project_is_a_usage_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(None, "check")
    assert result.exit_code == 2
    assert "no mkdocs.yml" in result.output and "--root" in result.output


@pytest.mark.parametrize("args", [["--format", "xml"], ["--review-age", "-1"], ["--review-age", "soon"], ["--nope"]])
def test_check_bad_usage_exits_2(project, args):
    result = run(project, "check", *args)
    assert result.exit_code == 2
    assert "Error:" in result.output


def test_check_reports_every_problem_at_once_at_its_line(project):
    lesson = project / "modules/alpha/first.md"
    project.append(
        lesson,
        "\n"  # line 28 is empty
        "See [the second lesson](secnd.md) and [the other module](../beta/first.md).\n"  # 29
        "![](../../assets/missing.png)\n"  # 30
        "TODO: finish this paragraph.\n"  # 31
        '{{ termm("churn") }} and {{ term("chrun") }} and {{ catalogue(levle="introductory") }}\n'  # 32
        '{{ module_overview("alpah") }} {{ objectives("alpha/frist") }}\n'  # 33
        "[out of the site](../../../../README.md)\n",  # 34
    )
    project.replace("modules/alpha/module.yml", "level: introductory", "level: beginner")  # a schema problem
    result = run(project, "check")
    assert result.exit_code == 1
    f = "modules/alpha/first.md"
    assert lines(result) == [
        f"{f}:29: link: '../beta/first.md' does not exist — did you mean 'first.md'?",
        f"{f}:29: link: 'secnd.md' does not exist — did you mean 'second.md'?",
        f"{f}:30: image: '../../assets/missing.png' does not exist — add the file, or correct the path (it is read as "
        f"docs/assets/missing.png)",
        f"{f}:30: image: the image has no alt text — describe what it shows between the brackets, as in ![A customer at the counter](...)",
        f'{f}:31: a placeholder is left in: "TODO: finish this paragraph." — replace it with the real text',
        f"{f}:32: macro: catalogue(): got an unexpected keyword argument 'levle' — call it as catalogue(level=None, tag=None)",
        f"{f}:32: macro: unknown glossary term 'chrun' — did you mean 'churn'?",
        f"{f}:32: macro: unknown macro 'termm' — did you mean 'term'?",
        f"{f}:33: macro: module_overview(): unknown module 'alpah' — did you mean 'alpha'?",
        f"{f}:33: macro: objectives(): unknown lesson 'alpha/frist' — did you mean 'alpha/first'?",
        f"{f}:34: link: '../../../../README.md' points outside the site — link to a page or file under docs/ or modules/",
        'modules/alpha/module.yml:5: level: "beginner" is not allowed here — use one of introductory, intermediate, advanced',
        "12 problems (12 errors, 0 warnings)",
    ]


def test_code_and_comments_are_not_checked(project):
    project.append(
        "modules/alpha/first.md",
        "\nWrite `{{ nothing() }}` or `TODO` in code.\n\n```markdown\nTODO {{ termm('x') }} [a](missing.md) ![](x.png)\n```\n",
    )
    project.replace("modules/alpha/module.yml", "tags: [testing]", "tags: [testing]  # TODO: more tags later")
    result = run(project, "check")
    assert result.exit_code == 0, result.output


def test_render_macros_false_pages_are_not_checked_for_macros(project):
    project.write("docs/raw.md", "---\nrender_macros: false\n---\n\n{{ anything(1) }}\n")
    assert run(project, "check").exit_code == 0


def test_links_resolve_as_the_site_mounts_modules(project):
    project.module("beta", order=2)
    project.article("on-testing")
    project.append(
        "modules/alpha/first.md",
        "\n[next module](../beta/index.md), [its lesson](../beta/second.md#top), [article](../../blog/posts/on-testing.md),"
        " [home](../../index.md), [site](https://example.org/x.md), [anchor](#top) [ref]\n\n[ref]: ../../curriculum/index.md\n",
    )
    project.append("docs/blog/posts/on-testing.md", "\n[a lesson](../../modules/alpha/second.md) [a module](../../modules/beta/index.md)\n")
    result = run(project, "check")
    assert result.exit_code == 0, result.output


def test_the_modules_folder_named_in_mkdocs_yml_is_used(project):
    (project / "modules").rename(project / "content")
    project.replace("mkdocs.yml", "modules_dir: modules", "modules_dir: content")
    project.append("content/alpha/first.md", "\n[next](second.md) [overview](../alpha/index.md) [home](../../index.md)\n")
    assert read_layout(project)[0].modules_dir == "content"
    assert run(project, "check").exit_code == 0
    assert run(project, "new", "lesson", "alpha", "third").exit_code == 0
    assert (project / "content/alpha/third.md").is_file()


def test_images_must_be_published_and_described(project):
    project.write("docs/assets/photo.png", "png")
    project.write("modules/alpha/local.png", "png")
    project.append(
        "modules/alpha/first.md", "\n![A photo](../../assets/photo.png)\n![A local photo](local.png)\n![ ](../../assets/photo.png)\n"
    )
    result = run(project, "check")
    assert result.exit_code == 1
    assert lines(result)[:-1] == [
        "modules/alpha/first.md:30: image: 'local.png' is in modules/, which the site does not publish — move it to docs/assets/ "
        "and link it from there",
        "modules/alpha/first.md:31: image: the image has no alt text — describe what it shows between the brackets, as in ![A "
        "customer at the counter](...)",
    ]


def test_drafts_and_old_reviews_are_warnings_and_exit_0(project):
    project.article("on-testing", extra="draft: true\n")
    project.replace("modules/alpha/module.yml", f"reviewed: {today()}", "reviewed: 2020-01-02")
    result = run(project, "check")
    assert result.exit_code == 0
    days = (date.today() - date(2020, 1, 2)).days
    assert lines(result) == [
        "docs/blog/posts/on-testing.md:8: warning: draft: this article is a draft: the built site leaves it out — remove draft: "
        "true when it is ready to publish",
        f"modules/alpha/module.yml:13: warning: reviewed: last reviewed {days} days ago, on 2020-01-02 (reviews are due every 365 "
        f"days) — review the module's content, then write reviewed: {today()}",
        "2 problems (0 errors, 2 warnings)",
    ]


def test_a_link_to_a_draft_is_an_error(project):
    project.article("on-testing", extra="draft: true\n")
    project.append("modules/alpha/first.md", "\nRead [the article](../../blog/posts/on-testing.md).\n")
    result = run(project, "check")
    assert result.exit_code == 1
    assert (
        "modules/alpha/first.md:29: link: '../../blog/posts/on-testing.md' links to an article the site leaves out (a draft) — "
        "publish that article first, or remove the link" in lines(result)
    )


def test_review_age_from_the_option_and_from_mkdocs_yml(project):
    project.replace("modules/alpha/module.yml", f"reviewed: {today()}", "reviewed: 2026-01-01")
    age = (date.today() - date(2026, 1, 1)).days
    assert "warning: reviewed" in run(project, "check", "--review-age", str(age - 1)).stdout
    assert "warning: reviewed" not in run(project, "check", "--review-age", str(age)).stdout
    project.replace("mkdocs.yml", "nav_section: Curriculum", f"nav_section: Curriculum\n      review_age: {age - 1}")
    assert read_layout(project)[0].review_age == age - 1
    assert "warning: reviewed" in run(project, "check").stdout
    assert "warning: reviewed" not in run(project, "check", "--review-age", str(age)).stdout  # the option wins


def test_unknown_categories_and_broken_mkdocs_yml(project):
    project.article("on-testing")
    project.replace("docs/blog/posts/on-testing.md", "categories: [News]", "categories: [Newss]")
    result = run(project, "check")
    assert lines(result)[0] == "docs/blog/posts/on-testing.md:4: categories: unknown category 'Newss' — did you mean 'News'?"
    project.write("mkdocs.yml", "site_name: [unclosed\n")
    result = run(project, "check")
    assert result.exit_code == 1 and result.stdout.startswith("mkdocs.yml:2: this is not valid YAML")


def test_brand_problems_are_reported(project):
    project.replace("brand.yml", '"#2f5d3a"', '"#9fd3d9"')
    result = run(project, "check")
    assert result.exit_code == 1
    assert lines(result)[0].startswith("brand.yml:6: extra.brand.colors.primary: #9fd3d9 on white is")


def test_github_format_prints_annotations(project):
    project.article("on-testing", extra="draft: true\n")
    project.replace("modules/alpha/first.md", "Some text.", "Some TODO text.")
    result = run(project, "check", "--format", "github")
    assert result.exit_code == 1
    assert lines(result) == [
        "::warning file=docs/blog/posts/on-testing.md,line=8::draft: this article is a draft: the built site leaves it out — "
        "remove draft: true when it is ready to publish",
        '::error file=modules/alpha/first.md,line=24::a placeholder is left in: "TODO text." — replace it with the real text',
        "2 problems (1 error, 1 warning)",
    ]


def test_a_curriculum_that_does_not_load_is_reported_not_raised(project):
    (project / "modules/alpha/second.md").write_text("---\ntitle: [unclosed\n---\n")
    for command in (["check"], ["list"], ["stats"]):
        result = run(project, *command)
        assert result.exit_code == 1
        assert "modules/alpha/second.md:2: a list opened with '[' is not closed" in result.output


def test_the_real_repository_checks_clean():
    """Other people edit content at the same time: a failure here must still be a clean report."""
    result = run(ROOT, "check")
    assert re.search(r"^(No problems found in \d+ modules|\d+ problems? \()", lines(result)[-1]), result.output
    assert result.exit_code == 0, result.output


# -- new lesson -------------------------------------------------------------------------------------


def test_new_lesson_is_listed_in_module_yml_and_loads(project):
    meta = project / "modules/alpha/module.yml"
    project.replace(meta, "lessons:\n", "lessons:\n  # in teaching order\n")
    project.append(meta, "# end of the module\n")
    result = run(project, "new", "lesson", "alpha", "third", "--title", 'The "third" lesson: more')
    assert result.exit_code == 0, result.output
    assert "Created modules/alpha/third.md" in result.output and "Updated modules/alpha/module.yml" in result.output
    assert meta.read_text().endswith("lessons:\n  # in teaching order\n  - first\n  - second\n  - third\n# end of the module\n")
    curriculum = load_curriculum(project)  # valid apart from the placeholders
    lesson = curriculum.module("alpha").lessons[-1]
    assert (lesson.slug, lesson.title) == ("third", 'The "third" lesson: more')
    result = run(project, "check")
    assert result.exit_code == 1 and only_placeholders(result), result.output
    assert all(line.startswith("modules/alpha/third.md:") for line in lines(result)[:-1])


def test_new_lesson_without_title_has_a_todo_title(project):
    assert run(project, "new", "lesson", "alpha", "third").exit_code == 0
    text = (project / "modules/alpha/third.md").read_text()
    assert 'title: "TODO: the lesson\'s title"' in text
    assert "serves: []  # ids of the module's objectives this lesson teaches: do-it" in text
    assert load_curriculum(project).module("alpha").lessons[-1].title == "TODO: the lesson's title"


def test_new_lesson_in_a_flow_style_list(project):
    meta = project / "modules/alpha/module.yml"
    project.replace(meta, "lessons:\n  - first\n  - second\n", "lessons: [first, second]  # the order\n")
    assert run(project, "new", "lesson", "alpha", "third").exit_code == 0
    assert "lessons: [first, second, third]  # the order\n" in meta.read_text()


def test_new_lesson_never_overwrites(project):
    first = project / "modules/alpha/first.md"
    before = first.read_text()
    result = run(project, "new", "lesson", "alpha", "first")
    assert result.exit_code == 1
    assert result.output.strip() == "modules/alpha/first.md: already exists — choose another name"
    assert first.read_text() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["alpah", "third"], "unknown module 'alpah' — did you mean 'alpha'?"),
        (
            ["alpha", "Third_Lesson"],
            "'Third_Lesson' is not a valid lesson id: use lowercase words joined by hyphens — did you mean 'third-lesson'?",
        ),
        (["alpha", "capstone"], "'capstone' is reserved"),
        (["alpha"], "Missing argument 'SLUG'"),
    ],
)
def test_new_lesson_bad_names_exit_2(project, args, message):
    before = (project / "modules/alpha/module.yml").read_text()
    result = run(project, "new", "lesson", *args)
    assert result.exit_code == 2
    assert message in result.output
    assert (project / "modules/alpha/module.yml").read_text() == before


# -- new module -------------------------------------------------------------------------------------


def test_new_module_loads_and_only_its_placeholders_are_reported(project):
    result = run(project, "new", "module", "beta-skills", "--title", "Beta skills")
    assert result.exit_code == 0, result.output
    folder = project / "modules/beta-skills"
    assert sorted(p.name for p in folder.iterdir()) == ["capstone.md", "introduction.md", "module.yml"]
    module = load_curriculum(project).module("beta-skills")
    assert (module.title, module.order, module.authors, module.reviewed) == ("Beta skills", 2, ("ann",), date.today())
    assert [lesson.slug for lesson in module.lessons] == ["introduction"] and module.capstone is not None
    result = run(project, "check")
    assert result.exit_code == 1 and only_placeholders(result), result.output
    assert {line.split(":")[0] for line in lines(result)[:-1]} == {
        "modules/beta-skills/module.yml",
        "modules/beta-skills/introduction.md",
        "modules/beta-skills/capstone.md",
    }


def test_new_module_options_and_refusals(project):
    assert run(project, "new", "module", "gamma", "--lesson", "getting-started").exit_code == 0
    assert (project / "modules/gamma/getting-started.md").is_file()
    result = run(project, "new", "module", "gamma")
    assert result.exit_code == 1 and result.output.strip() == "modules/gamma: already exists — choose another name"
    result = run(project, "new", "module", "Delta Module")
    assert result.exit_code == 2 and "did you mean 'delta-module'?" in result.output
    result = run(project, "new", "module", "delta", "--author", "anne")
    assert result.exit_code == 2 and "unknown author 'anne' — did you mean 'ann'?" in result.output
    assert not (project / "modules/delta").exists()


# -- new article ------------------------------------------------------------------------------------


def test_new_article_is_a_draft_dated_today(project):
    result = run(project, "new", "article", "Why Feedback Matters — and How to Ask!")
    assert result.exit_code == 0, result.output
    path = project / "docs/blog/posts/why-feedback-matters-and-how-to-ask.md"
    text = path.read_text()
    assert f"date: {today()}" in text and "\ndraft: true" in text and "<!-- more -->" in text
    assert "# Why Feedback Matters — and How to Ask!\n" in text
    assert "TODO: one of News, Skills" in text
    article = load_curriculum(project).articles[0]
    assert (article.title, article.draft, article.authors) == ("Why Feedback Matters — and How to Ask!", True, ("ann",))
    result = run(project, "check")
    assert result.exit_code == 1 and only_placeholders(result), result.output
    assert "warning: draft" in result.stdout
    again = run(project, "new", "article", "Why feedback matters, and how to ask")
    assert again.exit_code == 1
    assert again.output.strip() == "docs/blog/posts/why-feedback-matters-and-how-to-ask.md: already exists — choose another name"
    assert path.read_text() == text


def test_new_article_refuses_titles_without_words_and_unknown_authors(project):
    assert run(project, "new", "article", "!!!").exit_code == 2
    result = run(project, "new", "article", "Fine title", "--author", "bob")
    assert result.exit_code == 2 and "unknown author 'bob' — use one of ann" in result.output
    assert not (project / "docs/blog/posts").exists()


# -- list and stats ---------------------------------------------------------------------------------


def test_list_shows_modules_lessons_and_status(project):
    project.module("beta", order=2)
    project.replace("modules/beta/module.yml", "reviewed: 2026-11-01", "reviewed: 2020-01-01")
    project.article("on-testing", title="On testing")
    project.article("later", title="Later", extra="draft: true\n")
    assert run(project, "new", "lesson", "alpha", "third").exit_code == 0
    result = run(project, "list", "--articles")
    assert result.exit_code == 0, result.output
    rows = [line.split() for line in lines(result)]
    assert rows[0] == ["ID", "TITLE", "MIN", "LESSONS", "REVIEWED", "STATUS"]
    assert rows[1] == ["alpha", "Alpha", "60", "3", today(), "draft"]
    assert rows[2] == ["first", "First", "lesson", "20"]
    assert rows[4][0] == "third" and rows[4][-1] == "draft"
    assert rows[5] == ["beta", "Beta", "40", "2", "2020-01-01", "review", "due"]
    assert "2 modules, 5 lessons, 1 h 40 min in all." in result.stdout
    assert lines(result)[-3:] == [
        "ARTICLE     TITLE       DATE        STATUS",
        "on-testing  On testing  2026-01-15  published",
        "later       Later       2026-01-15  draft",
    ]


def test_list_without_articles_and_with_review_age(project):
    result = run(project, "list", "--review-age", "0")
    assert "ARTICLE" not in result.stdout
    assert lines(result)[1].split()[-1] == "ok"  # reviewed today


def test_stats(project):
    project.article("on-testing")
    project.article("later", extra="draft: true\n")
    result = run(project, "stats")
    assert result.exit_code == 0
    stats = dict(re.split(r"\s{2,}", line, maxsplit=1) for line in lines(result))
    assert stats["Modules"] == "1" and stats["Lessons"] == "2" and stats["Capstones"] == "0"
    assert stats["Articles"] == "2 (1 published, 1 draft)"
    assert stats["Glossary terms"] == "1"
    assert stats["Words"] == "32 (lessons 20, capstones 0, articles 12)"
    assert stats["Learning time"] == "40 min (0.7 hours)"

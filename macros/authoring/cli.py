"""The `course` command: wiring only.

    course check [--format text|github] [--review-age DAYS]
    course new module SLUG | new lesson MODULE SLUG | new article "TITLE"
    course list [--articles]
    course stats
    course pdf [--site site] [--out pdf] [--chromium PATH] [MODULE...]
    course export scorm [--out dist/scorm] [MODULE...]

The work is done in checks/ (finding problems), scaffold.py (writing new files), stats.py and
the curriculum model; this file turns options into calls and results into lines and exit codes:
0 all is well (warnings allowed), 1 problems or a file that already exists, 2 bad usage.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import click

from macros import checks
from macros.authoring import scaffold
from macros.authoring.console import Project, count_problems, short, table
from macros.authoring.stats import article_words, word_count
from macros.checks.placeholders import placeholders
from macros.checks.review import module_status
from macros.curriculum.blocks import learner_markdown
from macros.curriculum.problems import did_you_mean
from macros.curriculum.project import CONFIG_FILE, REVIEW_AGE, Layout
from macros.render.fragments import minutes, plural

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _with_review_age(layout: Layout, review_age: int | None) -> Layout:
    """The layout with --review-age, when given, in place of the course plugin's setting."""
    return layout if review_age is None else replace(layout, review_age=review_age)


def _project(ctx: click.Context) -> Project:
    project = ctx.find_object(Project)
    assert project is not None  # the `course` group makes it before any command runs
    return project


@click.group(context_settings=CONTEXT)
@click.option(
    "--root",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="The project folder (default: the nearest folder with mkdocs.yml, from here upward).",
)
@click.pass_context
def course(ctx: click.Context, root: Path | None) -> None:
    """Write and check the course: modules, lessons and articles, without building the site.

    \b
    Example:
      course check
    """
    ctx.obj = Project(root.resolve() if root else None)


# -- check ----------------------------------------------------------------------------------------


@course.command(context_settings=CONTEXT, short_help="Report every problem, without building the site.")
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "github"]),
    default="text",
    show_default=True,
    help="text: file:line: field: what is wrong — how to fix it. github: GitHub Actions annotations.",
)
@click.option(
    "--review-age",
    type=click.IntRange(min=0),
    metavar="DAYS",
    help=f"Warn about modules reviewed more than DAYS ago (default: review_age in the course plugin's settings, else {REVIEW_AGE}).",
)
@click.pass_context
def check(ctx: click.Context, output: str, review_age: int | None) -> None:
    """Check every module, lesson, article and page, and report every problem at once.

    Exit status: 0 no errors (warnings allowed), 1 errors found, 2 bad usage.

    \b
    Example:
      course check --format github --review-age 180
    """
    project = _project(ctx)
    layout = _with_review_age(project.layout, review_age)
    report = checks.check_project(layout, project.tree)
    problems = sorted(set(project.config_problems + report.problems))
    for problem in problems:
        click.echo(problem.github() if output == "github" else str(problem))
    if problems:
        click.echo(count_problems(problems))
    elif (curriculum := report.curriculum) is not None:  # no errors: it loaded
        click.echo(
            f"No problems found in {plural(len(curriculum.modules), 'module')}, {plural(curriculum.lesson_count, 'lesson')}, "
            f"{plural(len(curriculum.articles), 'article')}."
        )
    ctx.exit(1 if any(p.severity == "error" for p in problems) else 0)


# -- new ------------------------------------------------------------------------------------------


@course.group(context_settings=CONTEXT, short_help="Start a module, lesson or article from a template.")
def new() -> None:
    """Start a module, a lesson or an article from a template (never overwrites a file).

    \b
    Example:
      course new lesson questioning-skills asking-follow-ups
    """


def _scaffold(ctx: click.Context, make) -> None:
    try:
        result = make()
    except scaffold.ScaffoldError as error:
        if error.usage:
            raise click.BadParameter(error.message, ctx=ctx, param_hint=f"'{error.param}'" if error.param else None) from None
        click.echo(error.message, err=True)
        ctx.exit(1)
    for path in result.created:
        click.echo(f"Created {path}")
    for path in result.updated:
        click.echo(f"Updated {path}")
    for note in result.notes:
        click.echo(f"Note: {note}")
    click.echo("Next: replace every placeholder that starts with TODO, then run `course check`.")


@new.command("module", context_settings=CONTEXT, short_help="Create modules/SLUG/: module.yml, a lesson, a capstone.")
@click.argument("slug")
@click.option("--title", help="The module's title (default: a TODO placeholder).")
@click.option("--author", metavar="ID", help="An author id from docs/blog/.authors.yml (default: the first one).")
@click.option("--lesson", metavar="SLUG", default=scaffold.FIRST_LESSON, show_default=True, help="The id of the first lesson.")
@click.pass_context
def new_module(ctx: click.Context, slug: str, title: str | None, author: str | None, lesson: str) -> None:
    """Create modules/SLUG/ with module.yml, a first lesson and a capstone.

    \b
    Example:
      course new module handling-feedback --title "Handling feedback"
    """
    layout = _project(ctx).layout
    _scaffold(ctx, lambda: scaffold.new_module(layout, slug, title=title, author=author, lesson=lesson))


@new.command("lesson", context_settings=CONTEXT, short_help="Create a lesson and list it in module.yml.")
@click.argument("module")
@click.argument("slug")
@click.option("--title", help="The lesson's title (default: a TODO placeholder).")
@click.pass_context
def new_lesson(ctx: click.Context, module: str, slug: str, title: str | None) -> None:
    """Create modules/MODULE/SLUG.md and add SLUG to the end of lessons: in its module.yml.

    \b
    Example:
      course new lesson questioning-skills asking-follow-ups --title "Asking good follow-up questions"
    """
    layout = _project(ctx).layout
    _scaffold(ctx, lambda: scaffold.new_lesson(layout, module, slug, title=title))


@new.command("article", context_settings=CONTEXT, short_help="Create a draft article dated today.")
@click.argument("title")
@click.option("--author", metavar="ID", help="An author id from docs/blog/.authors.yml (default: the first one).")
@click.pass_context
def new_article(ctx: click.Context, title: str, author: str | None) -> None:
    """Create a draft article, docs/blog/posts/<title-as-a-file-name>.md, dated today.

    \b
    Example:
      course new article "Why feedback matters"
    """
    layout = _project(ctx).layout
    _scaffold(ctx, lambda: scaffold.new_article(layout, title, author=author))


# -- list and stats -------------------------------------------------------------------------------


@course.command("list", context_settings=CONTEXT, short_help="Modules and lessons: time, review date, status.")
@click.option("--articles", is_flag=True, help="List the articles too.")
@click.option("--review-age", type=click.IntRange(min=0), metavar="DAYS", help="When a review is due (as for course check).")
@click.pass_context
def list_(ctx: click.Context, articles: bool, review_age: int | None) -> None:
    """A table of the modules and their lessons: id, title, minutes, reviewed date and status.

    Status: ok, review due (reviewed more than DAYS ago) or draft (placeholders left in).

    \b
    Example:
      course list --articles
    """
    project = _project(ctx)
    layout = _with_review_age(project.layout, review_age)
    curriculum = project.curriculum()
    today = date.today()
    rows: list[tuple] = [("ID", "TITLE", "MIN", "LESSONS", "REVIEWED", "STATUS")]
    for module in curriculum.modules:
        status = module_status(layout, project.tree, module.id, today)
        rows.append((module.id, short(module.title), module.duration, len(module.lessons), module.reviewed.isoformat(), status))
        for page in module.pages:
            draft = placeholders(layout, project.tree, layout.root / page.source)
            rows.append((f"  {page.slug}", short(page.title), page.duration, "", "", "draft" if draft else ""))
    for line in table(rows, right={2, 3}):
        click.echo(line)
    click.echo(
        f"{plural(len(curriculum.modules), 'module')}, {plural(curriculum.lesson_count, 'lesson')}, {minutes(curriculum.duration)} in all."
    )
    if articles:
        click.echo()
        rows = [("ARTICLE", "TITLE", "DATE", "STATUS")]
        for article in curriculum.articles:
            status = "draft" if article.draft else "scheduled" if layout.future_drafts and article.date > today else "published"
            rows.append((article.slug, short(article.title), article.date.isoformat(), status))
        if len(rows) > 1:
            for line in table(rows):
                click.echo(line)
        else:
            click.echo("No articles.")


@course.command(context_settings=CONTEXT, short_help="Counts, words and total learning time.")
@click.pass_context
def stats(ctx: click.Context) -> None:
    """Counts and sizes: modules, lessons, capstones, articles, glossary terms, words, learning time.

    \b
    Example:
      course stats
    """
    project = _project(ctx)
    layout = project.layout
    curriculum = project.curriculum()
    capstones = [m.capstone for m in curriculum.modules if m.capstone]
    drafts = len(curriculum.articles) - len(curriculum.published_articles())
    # What learners read: facilitator notes are counted apart.
    lesson_words = sum(word_count(learner_markdown(lesson.body)) for _, lesson in curriculum.lessons())
    capstone_words = sum(word_count(learner_markdown(c.body)) for c in capstones)
    words_in_articles = article_words(layout, project.tree, curriculum)
    rows = [
        ("Modules", f"{len(curriculum.modules)}"),
        ("Lessons", f"{curriculum.lesson_count}"),
        ("Capstones", f"{len(capstones)}"),
        ("Articles", f"{len(curriculum.articles)} ({len(curriculum.published_articles())} published, {plural(drafts, 'draft')})"),
        ("Glossary terms", f"{len(curriculum.glossary)}"),
        (
            "Words",
            f"{lesson_words + capstone_words + words_in_articles:,} "
            f"(lessons {lesson_words:,}, capstones {capstone_words:,}, articles {words_in_articles:,})",
        ),
        ("Learning time", f"{minutes(curriculum.duration)} ({curriculum.duration / 60:.1f} hours)"),
    ]
    for line in table(rows):
        click.echo(line)


@course.command(context_settings=CONTEXT, short_help="Print workbooks and guides to PDF.")
@click.argument("modules", nargs=-1, metavar="[MODULE]...")
@click.option(
    "--site",
    "site_dir",
    default="site",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The built site to print from.",
)
@click.option(
    "--out",
    default="pdf",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to write the PDF files (the course plugin's pdf_dir: the next build links them).",
)
@click.option(
    "--chromium", envvar="CHROMIUM", default="/usr/bin/chromium", show_default=True, help="The Chromium to print with (or set CHROMIUM)."
)
@click.pass_context
def pdf(ctx: click.Context, modules: tuple[str, ...], site_dir: Path, out: Path, chromium: str) -> None:
    """Print each module's learner workbook, facilitator guide and manager's guide from the built site to PDF.

    \b
    Example:
      course pdf                        # every module: pdf/<module>-workbook.pdf, -facilitator.pdf, -manager.pdf
      course pdf questioning-skills
    """
    from macros.outputs.pdf import PdfError, print_pdfs

    project = _project(ctx)
    known = [module.id for module in project.curriculum().modules]
    _check_module_ids(modules, known)
    root = project.layout.root
    try:
        written = print_pdfs(root / site_dir, root / out, list(modules) or known, chromium)
    except PdfError as error:
        click.echo(f"course pdf: {error}", err=True)
        raise SystemExit(1) from None
    _say_written(root, written)


# -- export ---------------------------------------------------------------------------------------


@course.group(context_settings=CONTEXT, short_help="Package modules for another system, such as an LMS.")
def export() -> None:
    """Package modules for another system: SCORM 1.2 for a learning management system (LMS).

    \b
    Example:
      course export scorm questioning-skills
    """


@export.command("scorm", context_settings=CONTEXT, short_help="A SCORM 1.2 package (zip) per module, for an LMS.")
@click.argument("modules", nargs=-1, metavar="[MODULE]...")
@click.option(
    "--out",
    default="dist/scorm",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to write the packages (relative to the project).",
)
@click.pass_context
def export_scorm(ctx: click.Context, modules: tuple[str, ...], out: Path) -> None:
    """Build the site and write one SCORM 1.2 package per module (every module when none is named).

    Upload a package to Moodle, Cornerstone, Docebo, TalentLMS or any SCORM 1.2 LMS: it records
    where the learner is, the lessons done, the knowledge-check score and passed/failed.

    \b
    Example:
      course export scorm questioning-skills      # dist/scorm/questioning-skills-scorm12.zip
    """
    from macros.outputs.scorm import PackageError, export_packages

    project = _project(ctx)
    curriculum = project.curriculum()
    known = [module.id for module in curriculum.modules]
    _check_module_ids(modules, known)
    root = project.layout.root
    chosen = [curriculum.module(module_id) for module_id in dict.fromkeys(modules)] or list(curriculum.modules)
    try:
        written = export_packages(root / CONFIG_FILE, chosen, root / out)
    except PackageError as error:
        click.echo(f"course: {error}", err=True)
        raise SystemExit(1) from None
    _say_written(root, written)


def _check_module_ids(modules: tuple[str, ...], known: list[str]) -> None:
    for module_id in modules:
        if module_id not in known:
            hint = did_you_mean(module_id, known) or "use one of " + ", ".join(known)
            raise click.BadParameter(f"unknown module '{module_id}' — {hint}", param_hint="MODULE")


def _say_written(root: Path, written: list[Path]) -> None:
    for path in written:
        click.echo(f"Wrote {path.relative_to(root) if path.is_relative_to(root) else path} ({path.stat().st_size // 1024} KB)")


def main() -> None:
    course(prog_name="course")


if __name__ == "__main__":
    main()

"""Every problem an author can fix, found on the files before anything is built.

One pipeline serves `course check` and the build: the course plugin calls `check_project` in
MkDocs' on_config and stops on its errors, so the check is the build without writing.

    report = check_project(layout, tree)   # Report(problems, curriculum): every problem, each once

load_curriculum (curriculum/load.py) checks the metadata: schema, ids, prerequisites, coverage,
authors, capstones, glossary.  The modules here check the Markdown and the rest:

    pages.py         the pages and the index the checks look things up in
    links.py         relative links, #anchors and images (missing, unpublished, no alt text)
    placeholders.py  "TODO" left in front matter, text, module.yml and glossary.yml
    macro_calls.py   unknown macros, arguments that do not fit, unknown ids, Jinja syntax
    offsite.py       images, media, scripts and styles from other sites (outside the brand's allow-list)
    articles.py      drafts and future dates (notices), categories outside categories_allowed
    review.py        modules whose `reviewed` date is too old (notices)
    timings.py       minute plans in facilitator notes against exercises and durations, self-study
                     time against reading time (notices), half-day claims against module lengths
    rotation.py      capstones' "Who plays what" tables: everyone holds every role, one role a
                     round, no round without a role; talk of rotating with no table (notices)
    rules.py         the course's content rules (words, fields to fill in: rules: in mkdocs.yml)
    questions.py     knowledge checks a learner could pass by picking the longest option, or one
                     position (notices)
    style.py         house style in the prose and front-matter text: quotation marks, times of day
                     (rules: style: in mkdocs.yml; warnings unless it says severity: error)
    published.py     the PDFs under pdf/ (regular files in the project, never links), and docs/
                     pages at an address the course writes
    samples.py       after a rebrand: files that still name the sample organisation (notices),
                     and the files the site leaves out (the authors' guide, unused images)

Every file is read once, through the SourceTree the loader shares.  Nothing here imports MkDocs
or click.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from macros.checks.articles import article_problems
from macros.checks.links import link_problems
from macros.checks.macro_calls import macro_call_problems, template_syntax_problems
from macros.checks.offsite import offsite_problems
from macros.checks.pages import Index
from macros.checks.placeholders import placeholders_in_page, placeholders_in_yaml
from macros.checks.published import published_file_problems, taken_address_problems
from macros.checks.questions import question_problems
from macros.checks.review import review_problems
from macros.checks.rotation import rotation_problems
from macros.checks.rules import rule_problems
from macros.checks.samples import sample_problems
from macros.checks.style import style_problems
from macros.checks.timings import claim_pages, timing_problems
from macros.curriculum import brand
from macros.curriculum.load import load_curriculum
from macros.curriculum.model import Curriculum
from macros.curriculum.problems import CurriculumError, Problem
from macros.curriculum.project import CONFIG_FILE, GLOSSARY_FILE, MODULE_FILE, Layout, load_config
from macros.curriculum.tree import SourceTree


@dataclass
class Report:
    metadata: list[Problem]  # the curriculum's and the brand's: the site cannot be built with errors here
    content: list[Problem]  # the pages' (links, placeholders, macro calls) and the notices
    curriculum: Curriculum | None  # None when it did not load

    @property
    def problems(self) -> list[Problem]:
        """Every problem, sorted, each once."""
        return sorted(set(self.metadata) | set(self.content))

    @property
    def errors(self) -> int:
        return sum(p.severity == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity == "warning" for p in self.problems)


def check_project(layout: Layout, tree: SourceTree | None = None, today: date | None = None) -> Report:
    """load_curriculum's problems and every check of this package, sorted, each once."""
    tree = tree or SourceTree()
    metadata: list[Problem] = []
    curriculum = None
    try:
        curriculum = load_curriculum(
            layout.root, modules_dir=layout.modules_dir, docs_dir=layout.docs_dir, blog_dir=layout.blog_dir, tree=tree
        )
    except CurriculumError as error:
        metadata.extend(error.problems)
    if layout.has_config:
        metadata.extend(brand_problems(layout, tree))
    metadata.extend(published_file_problems(layout))
    if curriculum is not None:
        metadata.extend(taken_address_problems(layout, curriculum))
    content = content_problems(layout, tree, today or date.today())
    if curriculum is not None:  # knowledge checks that give their answer away (notices)
        content.extend(question_problems(curriculum))
        content.extend(timing_problems(curriculum, claim_pages(layout, tree)))  # minutes that do not add up
        content.extend(rotation_problems(curriculum))  # capstones in which someone never takes a turn
    return Report(metadata, content, curriculum)


def content_problems(layout: Layout, tree: SourceTree, today: date) -> list[Problem]:
    """What the checks find beyond the metadata: pages, YAML placeholders, articles, reviews."""
    index = Index.build(layout, tree, today)
    problems: list[Problem] = list(index.problems)
    for page in index.pages:
        problems.extend(link_problems(layout, index, page))
        problems.extend(placeholders_in_page(page))
        problems.extend(macro_call_problems(index, page))
        problems.extend(template_syntax_problems(page))
    for path in (*(folder / MODULE_FILE for folder in layout.module_folders()), layout.modules / GLOSSARY_FILE):
        problems.extend(placeholders_in_yaml(layout, tree, path))
    problems.extend(offsite_problems(layout, tree, index))
    problems.extend(article_problems(layout, index, today))
    problems.extend(review_problems(layout, tree, today))
    problems.extend(rule_problems(layout, index))
    problems.extend(style_problems(layout, index))
    problems.extend(sample_problems(layout, tree))
    return problems


def brand_problems(layout: Layout, tree: SourceTree) -> list[Problem]:
    """The brand block, where a fork writes it: brand.yml, else mkdocs.yml's extra.brand."""
    if (layout.root / brand.BRAND_FILE).is_file():
        return brand.check_project(layout.root, tree=tree, docs_dir=layout.docs_dir)
    data, problems = load_config(layout.root / CONFIG_FILE)
    if problems:
        return []  # read_layout reports them
    extra = data.get("extra") if isinstance(data, dict) else None
    return brand.check_project(layout.root, extra.get("brand") if isinstance(extra, dict) else None)


__all__ = ["Report", "check_project", "content_problems"]

"""Checks across files, made once the schema has passed: ids, references, coverage.

    cross_check(curriculum, root) -> list[Problem]

The schema (schema.py) checks each file on its own; these checks need the whole curriculum.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from macros.curriculum.blocks import EXERCISE, find_blocks
from macros.curriculum.model import Article, Curriculum, Lesson, Module
from macros.curriculum.problems import Problem, did_you_mean


def cross_check(curriculum: Curriculum, root: Path, uncertain: frozenset[str] = frozenset()) -> list[Problem]:
    """Problems between files. `uncertain`: ids of modules that failed to load or lost a lesson,
    already reported: naming them is not an unknown module, and their coverage is not checked."""
    return [
        *_module_ids(curriculum),
        *_prerequisites(curriculum, uncertain),
        *_authors(curriculum),
        *_article_modules(curriculum, uncertain),
        *_article_slugs(curriculum),
        *(p for module in curriculum.modules for p in _module_coverage(module, uncertain)),
        *(p for module in curriculum.modules for p in _workshop_days(module)),
        *(p for _, lesson in curriculum.lessons() for p in _lesson(lesson)),
    ]


def _module_ids(curriculum: Curriculum) -> Iterator[Problem]:
    seen: dict[str, Module] = {}
    for module in curriculum.modules:
        folder = Path(module.source).parent.name
        if module.id != folder:
            yield Problem(
                module.source,
                module.line("id"),
                "id",
                f"'{module.id}' differs from the folder name '{folder}'",
                f"write id: {folder}, or rename the folder",
            )
        if module.id in seen:
            yield Problem(
                module.source,
                module.line("id"),
                "id",
                f"'{module.id}' is already the id of {seen[module.id].source}",
                "give each module its own id",
            )
        seen.setdefault(module.id, module)


def _prerequisites(curriculum: Curriculum, uncertain: frozenset[str]) -> Iterator[Problem]:
    ids = [m.id for m in curriculum.modules]
    for module in curriculum.modules:
        for index, pid in enumerate(module.prerequisites):
            line = module.line(f"prerequisites.{index}")
            if pid == module.id:
                yield Problem(module.source, line, "prerequisites", "a module cannot be its own prerequisite", f"remove '{pid}'")
            elif pid not in ids and pid not in uncertain:
                hint = did_you_mean(pid, ids) or "use one of " + ", ".join(ids)
                yield Problem(module.source, line, "prerequisites", f"unknown module '{pid}'", hint)
    yield from _cycles(curriculum)


def _cycles(curriculum: Curriculum) -> Iterator[Problem]:
    """Each prerequisite cycle once, reported on the module where it was found."""
    graph = {m.id: [p for p in m.prerequisites if p != m.id] for m in curriculum.modules}
    reported: set[frozenset] = set()
    for start in graph:
        stack = [(start, [start])]
        while stack:
            node, trail = stack.pop()
            for nxt in graph.get(node, ()):
                if nxt == start:
                    cycle = [*trail, start]
                    if frozenset(cycle) not in reported:
                        reported.add(frozenset(cycle))
                        module = curriculum.module(start)
                        yield Problem(
                            module.source,
                            module.line("prerequisites"),
                            "prerequisites",
                            "prerequisites go round in a circle: " + " → ".join(cycle),
                            "remove one of these prerequisites",
                        )
                elif nxt not in trail and nxt in graph:
                    stack.append((nxt, [*trail, nxt]))


def _authors(curriculum: Curriculum) -> Iterator[Problem]:
    known = list(curriculum.authors)
    hint_all = "add them to docs/blog/.authors.yml, or use one of " + ", ".join(known) if known else "add them to docs/blog/.authors.yml"
    items: list[Module | Article] = [*curriculum.modules, *curriculum.articles]
    for item in items:
        for index, author in enumerate(item.authors):
            if author not in curriculum.authors:
                yield Problem(
                    item.source,
                    item.line(f"authors.{index}"),
                    "authors",
                    f"unknown author '{author}'",
                    did_you_mean(author, known) or hint_all,
                )


def _module_coverage(module: Module, uncertain: frozenset[str] = frozenset()) -> Iterator[Problem]:
    complete = module.id not in uncertain
    ids = [o.id for o in module.objectives]
    served = {sid for page in module.pages for sid in page.serves}
    for objective in module.objectives if complete else ():  # a lesson that did not load may serve it
        if objective.id not in served:
            yield Problem(
                module.source,
                module.line(f"objectives.{objective.id}"),
                f"objectives.{objective.id}",
                "no lesson serves this objective",
                f"add serves: [{objective.id}] to the lesson that teaches it",
            )
    for page in module.pages:
        for index, sid in enumerate(page.serves):
            if sid not in ids:
                yield Problem(
                    page.source,
                    page.line(f"serves.{index}"),
                    "serves",
                    f"'{sid}' is not an objective of module '{module.id}'",
                    did_you_mean(sid, ids) or "use one of " + ", ".join(ids),
                )
    if module.capstone:
        slugs = [lesson.slug for lesson in module.lessons]
        for index, slug in enumerate(module.capstone.draws_on):
            # A lesson that did not load is not unknown: its own problem says why.
            if slug not in slugs and f"{module.id}/{slug}" not in uncertain:
                hint = did_you_mean(slug, slugs) or "use one of " + ", ".join(slugs)
                yield Problem(
                    module.capstone.source,
                    module.capstone.line(f"draws_on.{index}"),
                    "draws_on",
                    f"'{slug}' is not a lesson of module '{module.id}'",
                    hint,
                )


def _workshop_days(module: Module) -> Iterator[Problem]:
    slugs = [lesson.slug for lesson in module.lessons]
    for index, slug in enumerate(module.workshop.new_day_after):
        if slug not in slugs:
            hint = did_you_mean(slug, slugs) or "use one of " + ", ".join(slugs)
            yield Problem(
                module.source,
                module.line(f"workshop.new_day_after.{index}"),
                "workshop.new_day_after",
                f"'{slug}' is not a lesson of module '{module.id}'",
                hint,
            )


def _article_modules(curriculum: Curriculum, uncertain: frozenset[str]) -> Iterator[Problem]:
    ids = [m.id for m in curriculum.modules]
    for article in curriculum.articles:
        for index, mid in enumerate(article.modules):
            if mid not in ids and mid not in uncertain:
                yield Problem(
                    article.source,
                    article.line(f"modules.{index}"),
                    "modules",
                    f"unknown module '{mid}'",
                    did_you_mean(mid, ids) or "use one of " + ", ".join(ids),
                )


def _article_slugs(curriculum: Curriculum) -> Iterator[Problem]:
    """An article's address is its file name (blog/<name>/): two files with one name would collide."""
    first: dict[str, Article] = {}
    for article in sorted(curriculum.articles, key=lambda a: a.source):
        if article.slug in first:
            other = first[article.slug].source
            yield Problem(
                article.source,
                0,
                "",
                f"{other} has the same file name: both would be published at blog/{article.slug}/",
                "rename one of the two files",
            )
        first.setdefault(article.slug, article)


def _lesson(lesson: Lesson) -> Iterator[Problem]:
    ids = [o.id for o in lesson.objectives]
    assessed: set[str] = set()

    for q_index, question in enumerate(lesson.knowledge_check):
        where = f"knowledge_check.{q_index}"
        correct = sum(option.correct for option in question.options)
        if correct != 1:
            yield Problem(
                lesson.source,
                lesson.line(where),
                f"knowledge_check[{q_index + 1}]",
                f"{correct} options are marked correct: exactly one must be",
                "put correct: true on the one right option only",
            )
        for a_index, oid in enumerate(question.assesses):
            if oid not in ids:
                yield Problem(
                    lesson.source,
                    lesson.line(f"{where}.assesses.{a_index}"),
                    f"knowledge_check[{q_index + 1}].assesses",
                    f"'{oid}' is not an objective of this lesson",
                    did_you_mean(oid, ids) or "use one of " + ", ".join(ids),
                )
        assessed.update(question.assesses)

    titles_in_body = [block.title for block in find_blocks(lesson.body, EXERCISE)]
    for e_index, exercise in enumerate(lesson.exercises):
        where = f"exercises.{e_index}"
        if exercise.title not in titles_in_body:
            hint = did_you_mean(exercise.title, titles_in_body) or f'add a block !!! exercise "{exercise.title}" to the text'
            yield Problem(
                lesson.source,
                lesson.line(f"{where}.title"),
                f"exercises[{e_index + 1}].title",
                f'no exercise titled "{exercise.title}" in the lesson\'s text',
                hint,
            )
        for a_index, oid in enumerate(exercise.assesses):
            if oid not in ids:
                yield Problem(
                    lesson.source,
                    lesson.line(f"{where}.assesses.{a_index}"),
                    f"exercises[{e_index + 1}].assesses",
                    f"'{oid}' is not an objective of this lesson",
                    did_you_mean(oid, ids) or "use one of " + ", ".join(ids),
                )
        assessed.update(exercise.assesses)

    for objective in lesson.objectives:
        if objective.id not in assessed:
            yield Problem(
                lesson.source,
                lesson.line(f"objectives.{objective.id}"),
                f"objectives.{objective.id}",
                "no question or exercise assesses this objective",
                f"add assesses: [{objective.id}] to a knowledge-check question or an exercise",
            )

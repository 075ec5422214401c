"""Checks beyond the schema: within a module's folder as it is read, then across files.

    lesson_problems(lesson, broken)          a lesson's questions and exercises, against its objectives and text
    serves_problems(page, module_id, ids)    a page's `serves`, against its module's objectives
    draws_on_problems(capstone, ...)         a capstone's `draws_on`, against the module's lessons
    behaviour_problems(objectives, ...)      module objectives with too few or too many behaviours at work
    cross_check(curriculum, root) -> list[Problem]   ids, references, coverage: the whole curriculum

The schema (schema.py) checks each file on its own.  A file with a schema problem is still checked
here on the fields the problem leaves alone (`Broken`), so one run shows everything: a typo in
`title` does not hide a wrong `assesses` id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from macros.curriculum.blocks import EXERCISE, find_blocks
from macros.curriculum.model import Article, Capstone, Curriculum, Lesson, Module, Objective
from macros.curriculum.problems import Problem, did_you_mean
from macros.curriculum.schema_fields import FEWEST_BEHAVIOURS, MOST_BEHAVIOURS

_FIELD = re.compile(r"[^.\[]+(?:\[\d+\])?")  # 'knowledge_check[2].options[1].why' -> 'knowledge_check[2]'


@dataclass(frozen=True)
class Broken:
    """The fields of one file with a schema problem (already reported), down to the item of a list
    ('knowledge_check[2]'): a check that needs one of them waits until it is right, as a problem
    that only follows from another is not a problem of its own."""

    fields: frozenset[str] = frozenset()

    @classmethod
    def of(cls, problems: Iterable[Problem]) -> Broken:
        return cls(frozenset(match.group(0) for p in problems if (match := _FIELD.match(p.field))))

    def ok(self, name: str) -> bool:
        """The field, every item in it included, passed the schema (or is not there)."""
        return not any(f == name or f.startswith(name + "[") for f in self.fields)

    def item_ok(self, name: str, index: int) -> bool:
        """Item `index` (from 0) of a list passed the schema."""
        return name not in self.fields and f"{name}[{index + 1}]" not in self.fields


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
        *(p for module in curriculum.modules for p in behaviour_problems(module.objectives, module.source, module.lines)),
        *(p for _, lesson in curriculum.lessons() for p in lesson_problems(lesson)),
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
        yield from serves_problems(page, module.id, ids)
    if module.capstone:
        # A lesson that did not load is not unknown: its own problem says why.
        unsure = {slug for slug in module.capstone.draws_on if f"{module.id}/{slug}" in uncertain}
        yield from draws_on_problems(module.capstone, module.id, [lesson.slug for lesson in module.lessons], unsure)


def serves_problems(page: Lesson | Capstone, module_id: str, ids: list[str]) -> Iterator[Problem]:
    """`serves` ids that are not objectives of the module (`ids`)."""
    for index, sid in enumerate(page.serves):
        if sid not in ids:
            yield Problem(
                page.source,
                page.line(f"serves.{index}"),
                "serves",
                f"'{sid}' is not an objective of module '{module_id}'",
                did_you_mean(sid, ids) or "use one of " + ", ".join(ids),
            )


def draws_on_problems(capstone: Capstone, module_id: str, slugs: list[str], unsure: set[str] | None = None) -> Iterator[Problem]:
    """`draws_on` slugs that are not lessons of the module (`slugs`; `unsure`: lessons that did
    not load, whose own problems are reported)."""
    for index, slug in enumerate(capstone.draws_on):
        if slug not in slugs and slug not in (unsure or ()):
            yield Problem(
                capstone.source,
                capstone.line(f"draws_on.{index}"),
                "draws_on",
                f"'{slug}' is not a lesson of module '{module_id}'",
                did_you_mean(slug, slugs) or "use one of " + ", ".join(slugs),
            )


SEEN_AT_WORK = "a manager would see or hear at work when the objective is met"


def behaviour_problems(objectives: Iterable[Objective], source: str, lines: Mapping[str, int]) -> Iterator[Problem]:
    """Module objectives without 2 to 4 behaviours at work (`on_the_job`): the manager's guide and
    the action plan are made of them. `lines`: module.yml's, as flatten_lines gives them."""
    for objective in objectives:
        field = f"objectives.{objective.id}"
        count = len(objective.on_the_job)
        if count > MOST_BEHAVIOURS:  # at the first one too many
            line = lines.get(f"{field}.on_the_job.{MOST_BEHAVIOURS}") or lines.get(field, 1)
            message = f"{count} behaviours at work (on_the_job); at most {MOST_BEHAVIOURS} are allowed"
            hint = f"keep the {MOST_BEHAVIOURS} a manager can see or hear most clearly, and remove {count - MOST_BEHAVIOURS}"
        elif count >= FEWEST_BEHAVIOURS:
            continue
        elif f"{field}.text" not in lines:  # written as text alone, as objectives were before
            line, message = lines.get(field, 1), "written as text alone, with no behaviours at work (on_the_job)"
            hint = f"write it as a mapping with text: and on_the_job: {FEWEST_BEHAVIOURS} to {MOST_BEHAVIOURS} things {SEEN_AT_WORK}"
        else:
            line = lines.get(f"{field}.on_the_job") or lines.get(field, 1)
            message, hint = _too_few(count)
        yield Problem(source, line, field, message, hint)


def _too_few(count: int) -> tuple[str, str]:
    if not count:
        return "no behaviours at work (on_the_job)", f"add on_the_job: {FEWEST_BEHAVIOURS} to {MOST_BEHAVIOURS} things {SEEN_AT_WORK}"
    more = FEWEST_BEHAVIOURS - count
    return (
        f"{count} behaviour{'' if count == 1 else 's'} at work (on_the_job); at least {FEWEST_BEHAVIOURS} are needed",
        f"add {more} more under on_the_job: {'something' if more == 1 else 'things'} else {SEEN_AT_WORK}",
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


def lesson_problems(lesson: Lesson, broken: Broken = Broken()) -> Iterator[Problem]:
    """A lesson's questions and exercises against its objectives and its text; what `broken`
    names waits until its schema problem is fixed."""
    ids = [o.id for o in lesson.objectives] if broken.ok("objectives") else None
    for index in range(len(lesson.knowledge_check)):
        if broken.item_ok("knowledge_check", index):
            yield from _question(lesson, index, ids)
    titles_in_body = [block.title for block in find_blocks(lesson.body, EXERCISE)]
    for index in range(len(lesson.exercises)):
        if broken.item_ok("exercises", index):
            yield from _exercise(lesson, index, titles_in_body, ids)
    # An objective may be assessed by a question or exercise that is itself broken.
    if ids is not None and broken.ok("knowledge_check") and broken.ok("exercises"):
        yield from _unassessed(lesson)


def _question(lesson: Lesson, index: int, ids: list[str] | None) -> Iterator[Problem]:
    question = lesson.knowledge_check[index]
    where = f"knowledge_check.{index}"
    correct = sum(option.correct for option in question.options)
    if correct != 1:
        yield Problem(
            lesson.source,
            lesson.line(where),
            f"knowledge_check[{index + 1}]",
            f"{correct} options are marked correct: exactly one must be",
            "put correct: true on the one right option only",
        )
    yield from _assesses(lesson, question.assesses, where, f"knowledge_check[{index + 1}].assesses", ids)


def _exercise(lesson: Lesson, index: int, titles_in_body: list[str], ids: list[str] | None) -> Iterator[Problem]:
    exercise = lesson.exercises[index]
    where = f"exercises.{index}"
    if exercise.title not in titles_in_body:
        hint = did_you_mean(exercise.title, titles_in_body) or f'add a block !!! exercise "{exercise.title}" to the text'
        yield Problem(
            lesson.source,
            lesson.line(f"{where}.title"),
            f"exercises[{index + 1}].title",
            f'no exercise titled "{exercise.title}" in the lesson\'s text',
            hint,
        )
    yield from _assesses(lesson, exercise.assesses, where, f"exercises[{index + 1}].assesses", ids)


def _assesses(lesson: Lesson, assesses: tuple[str, ...], where: str, field: str, ids: list[str] | None) -> Iterator[Problem]:
    """Ids that are not objectives of the lesson (unchecked while the objectives are broken)."""
    if ids is None:
        return
    for index, oid in enumerate(assesses):
        if oid not in ids:
            yield Problem(
                lesson.source,
                lesson.line(f"{where}.assesses.{index}"),
                field,
                f"'{oid}' is not an objective of this lesson",
                did_you_mean(oid, ids) or "use one of " + ", ".join(ids),
            )


def _unassessed(lesson: Lesson) -> Iterator[Problem]:
    assessed = {oid for question in lesson.knowledge_check for oid in question.assesses}
    assessed.update(oid for exercise in lesson.exercises for oid in exercise.assesses)
    for objective in lesson.objectives:
        if objective.id not in assessed:
            yield Problem(
                lesson.source,
                lesson.line(f"objectives.{objective.id}"),
                f"objectives.{objective.id}",
                "no question or exercise assesses this objective",
                f"add assesses: [{objective.id}] to a knowledge-check question or an exercise",
            )

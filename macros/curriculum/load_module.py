"""A module folder read into a `Module`: module.yml, its lessons in the listed order, the optional
introduction (index.md) and capstone (capstone.md), and its scenarios (load_scenario.py).

Every file is read and checked even when another one, or one of its own fields, has a problem: a
page is built from the fields that passed the schema (`Broken` names the others) and checked on
them, so one run shows everything. Only a module whose files all passed goes into the curriculum.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from macros.curriculum.load_scenario import ScenarioModule, load_scenarios
from macros.curriculum.model import Capstone, Exercise, Lesson, Module, Objective, Option, Question, Workshop
from macros.curriculum.option_order import displayed_lessons
from macros.curriculum.problems import Problem
from macros.curriculum.project import CAPSTONE_FILE, GENERATED_PAGES, INTRO_FILE, MODULE_FILE
from macros.curriculum.reader import Reader
from macros.curriculum.schema import SLUG
from macros.curriculum.source import LineList, MarkdownSource, flatten_lines, is_file
from macros.curriculum.sources import sources_of
from macros.curriculum.validate import Broken, behaviour_problems, draws_on_problems, lesson_problems, serves_problems


@dataclass(frozen=True)
class ModuleFacts:
    """What the pages need of their module, from module.yml's fields that passed the schema."""

    id: str
    objectives: dict[str, str] | None  # id -> text; None while module.yml's objectives have a problem
    summary: str
    # module.yml passed: its pages that pass too join the curriculum, and cross_check checks them
    # there; any other page is checked as it is read.
    ok: bool


def load_module(reader: Reader, folder: Path) -> Module | None:
    meta_path = folder / MODULE_FILE
    if not meta_path.is_file():
        reader.problem(folder, 0, "", f"this module has no {MODULE_FILE}", f"create {reader.rel(meta_path)} (see the author guide)")
        return None
    data = reader.yaml(meta_path)
    if data is None:
        return None
    problems = reader.schema_problems("module", data, meta_path)
    broken = Broken.of(problems)
    listing = data.get("lessons") if isinstance(data, dict) else None
    if not isinstance(listing, LineList) or not all(isinstance(slug, str) for slug in listing):
        return None
    # Lessons are read even when module.yml has problems, so one run reports everything.
    module_id = data["id"] if broken.ok("id") and isinstance(data.get("id"), str) else folder.name
    objectives = data.get("objectives") if broken.ok("objectives") else None

    texts = {str(key): objective_text(value) for key, value in objectives.items()} if isinstance(objectives, dict) else None
    module = ModuleFacts(module_id, texts, _usable(data, broken, "summary", ""), ok=not problems)
    lessons, slugs = _lessons(reader, folder, meta_path, listing, module)

    capstone = None
    if (folder / CAPSTONE_FILE).is_file():
        capstone = load_capstone(reader, folder / CAPSTONE_FILE, module, slugs, lessons)
    objective_ids = list(module.objectives) if module.objectives is not None else None
    scenarios = load_scenarios(reader, folder, ScenarioModule(module_id, objective_ids, slugs))
    if problems:  # it stays out of the curriculum that cross_check checks: check its objectives here
        sound = _sound_objectives(data.get("objectives"), problems)
        reader.problems.extend(behaviour_problems(sound, reader.rel(meta_path), flatten_lines(data)))
        return None
    intro = ""
    intro_path = folder / INTRO_FILE
    if intro_path.is_file():
        source = reader.markdown(intro_path)
        intro = source.body if source else ""

    return Module(
        id=data["id"],
        title=data["title"],
        summary=data["summary"],
        audience=tuple(data["audience"]),
        level=data["level"],
        order=data["order"],
        objectives=_objectives(data["objectives"]),
        prerequisites=tuple(data.get("prerequisites", ())),
        tags=tuple(data["tags"]),
        authors=tuple(data["authors"]),
        version=data["version"],
        reviewed=date.fromisoformat(data["reviewed"]),
        lessons=displayed_lessons(lessons),  # each knowledge check in the order every output shows
        capstone=capstone,
        workshop=_workshop(data.get("workshop") or {}),
        intro=intro,
        mastery_score=data.get("mastery_score"),
        scenarios=tuple(scenarios),
        scenarios_in_score=data.get("scenarios_in_score", False),
        source=reader.rel(meta_path),
        lines=flatten_lines(data),
    )


def _lessons(reader: Reader, folder: Path, meta_path: Path, listing: LineList, module: ModuleFacts) -> tuple[list[Lesson], list[str]]:
    """The lessons `lessons:` lists that loaded, in order, and the slugs of all it lists as lessons;
    each problem with the list or a file reported."""
    lessons, slugs = [], []
    listed = set()
    for index, slug in enumerate(listing):
        listed.add(slug)
        if not re.fullmatch(SLUG, slug):
            continue  # the schema reports it; a path is never made of it
        if f"{slug}.md" in (CAPSTONE_FILE, INTRO_FILE):
            role = "capstone, which always comes last" if f"{slug}.md" == CAPSTONE_FILE else "introduction, shown on its overview page"
            reader.problem(
                meta_path,
                listing.lines[index],
                "lessons",
                f"{slug}.md is the module's {role}, not a lesson",
                f"remove '{slug}' from the list",
            )
            continue
        if slug in GENERATED_PAGES:
            reader.problem(
                meta_path,
                listing.lines[index],
                "lessons",
                f"'{slug}' is the address of the module's {GENERATED_PAGES[slug]}, which the site generates",
                f"rename {slug}.md and its entry here",
            )
            continue
        slugs.append(slug)
        lesson_path = folder / f"{slug}.md"
        if not is_file(lesson_path):
            hint = f"create {reader.rel(lesson_path)}, or remove '{slug}' from the list"
            reader.problem(
                meta_path, listing.lines[index], "lessons", f"lesson '{slug}' is listed but {reader.rel(lesson_path)} does not exist", hint
            )
            continue
        lesson = load_lesson(reader, lesson_path, module)
        if lesson is not None:
            lessons.append(lesson)
        else:  # its problems are reported: the module's coverage and the capstone's draws_on are not
            reader.uncertain.update((module.id, f"{module.id}/{slug}"))
    for stray in sorted(folder.glob("*.md")):
        if stray.stem not in listed and stray.name not in (INTRO_FILE, CAPSTONE_FILE):
            reader.problem(
                stray,
                0,
                "",
                f"this lesson is not listed in {reader.rel(meta_path)}",
                f"add '- {stray.stem}' under lessons: there, or delete the file",
            )
    return lessons, slugs


def _workshop(data: dict) -> Workshop:
    return Workshop(start=data.get("start"), new_day_after=tuple(data.get("new_day_after", ())), materials=tuple(data.get("materials", ())))


def objective_text(value) -> str:
    """A module objective is its text, or a mapping of its text, behaviours at work and measures."""
    return str(value.get("text", "")) if isinstance(value, dict) else str(value)


def _sound_objectives(data: Any, problems: list[Problem]) -> tuple[Objective, ...]:
    """The objectives that passed the schema, when the module as a whole did not."""
    if not isinstance(data, dict) or any(p.field == "objectives" for p in problems):
        return ()
    fields = [p.field for p in problems]
    return _objectives({key: value for key, value in data.items() if not _any_under(fields, f"objectives.{key}")})


def _any_under(fields: list[str], name: str) -> bool:
    return any(f == name or f.startswith((name + ".", name + "[")) for f in fields)


def _objectives(data: dict) -> tuple[Objective, ...]:
    return tuple(_objective(str(key), value) for key, value in data.items())


def _objective(objective_id: str, value) -> Objective:
    if not isinstance(value, dict):
        return Objective(objective_id, str(value))
    measures = value.get("measures") or {}
    return Objective(
        objective_id,
        objective_text(value),
        on_the_job=tuple(value.get("on_the_job") or ()),
        watch=tuple(measures.get("watch") or ()),
        avoid=tuple(measures.get("avoid") or ()),
    )


def load_lesson(reader: Reader, path: Path, module: ModuleFacts) -> Lesson | None:
    """The lesson, or None when it has a problem (every problem reported, those of the fields
    that passed the schema too)."""
    source = reader.markdown(path)
    if source is None:
        return None
    if not source.meta:
        reader.problem(
            path,
            1,
            "",
            "the lesson has no front matter",
            "start the file with --- lines holding title, duration, objectives, key_takeaways and tags",
        )
        return None
    problems = reader.schema_problems("lesson", source.meta, path)
    if not isinstance(source.meta, dict):
        return None
    broken = Broken.of(problems)
    lesson = _lesson(reader, path, module.id, source, broken)
    if problems or not module.ok:  # it stays out of the curriculum that cross_check checks: check it here
        reader.problems.extend(lesson_problems(lesson, broken))
        if module.objectives is not None and broken.ok("serves"):
            reader.problems.extend(serves_problems(lesson, module.id, list(module.objectives)))
    return None if problems else lesson


def _lesson(reader: Reader, path: Path, module_id: str, source: MarkdownSource, broken: Broken) -> Lesson:
    """The lesson from the fields that passed the schema; the others, and broken items of a list,
    are left empty (the checks skip them: `Broken`)."""
    meta = source.meta
    objectives = _objectives(_usable(meta, broken, "objectives", {}))
    return Lesson(
        slug=path.stem,
        module_id=module_id,
        title=_usable(meta, broken, "title", ""),
        duration=_usable(meta, broken, "duration", 0),
        objectives=objectives,
        key_takeaways=tuple(_usable(meta, broken, "key_takeaways", ())),
        tags=tuple(_usable(meta, broken, "tags", ())),
        serves=tuple(_usable(meta, broken, "serves", ())),
        exercises=tuple(_exercise(e) if ok else Exercise("") for ok, e in _items(meta, broken, "exercises")),
        knowledge_check=tuple(_question(q) if ok else Question("", ()) for ok, q in _items(meta, broken, "knowledge_check")),
        description=_usable(meta, broken, "description", "") or (objectives[0].text if objectives else ""),
        materials=tuple(_usable(meta, broken, "materials", ())),
        sources=sources_of(meta) if broken.ok("sources") else (),
        source=reader.rel(path),
        body_line=source.body_line,
        body=source.body,
        lines=flatten_lines(meta),
    )


def _exercise(data: dict) -> Exercise:
    return Exercise(data["title"], tuple(data.get("assesses", ())), data["minutes"])


def _question(data: dict) -> Question:
    options = tuple(Option(o["answer"], bool(o.get("correct", False)), o["why"]) for o in data["options"])
    return Question(question=data["question"], assesses=tuple(data.get("assesses", ())), options=options, shuffle=data.get("shuffle", True))


def _usable(meta: dict, broken: Broken, name: str, default: Any) -> Any:
    """A field's value when it passed the schema, else `default`."""
    return meta.get(name, default) if broken.ok(name) else default


def _items(meta: dict, broken: Broken, name: str) -> list[tuple[bool, Any]]:
    """A list's items, each with whether it passed the schema ([] when the list itself did not)."""
    value = meta.get(name)
    if name in broken.fields or not isinstance(value, list):
        return []
    return [(broken.item_ok(name, index), item) for index, item in enumerate(value)]


def load_capstone(reader: Reader, path: Path, module: ModuleFacts, slugs: list[str], lessons: list[Lesson]) -> Capstone | None:
    """The capstone, or None when it has a problem (every problem reported). `slugs`: the lessons
    module.yml lists, for `draws_on`; `lessons`: those that loaded, its default."""
    source = reader.markdown(path)
    if source is None:
        return None
    meta = source.meta
    problems = reader.schema_problems("capstone", meta, path)
    if not isinstance(meta, dict):
        return None
    broken = Broken.of(problems)
    serves = tuple(_usable(meta, broken, "serves", ()))
    objectives = module.objectives or {}
    capstone = Capstone(
        module_id=module.id,
        title=_usable(meta, broken, "title", ""),
        duration=_usable(meta, broken, "duration", 0),
        serves=serves,
        # Unknown ids are reported below; the page shows the known ones.
        objectives=tuple(Objective(oid, objectives[oid]) for oid in serves if oid in objectives),
        draws_on=tuple(_usable(meta, broken, "draws_on", ()) or (lesson.slug for lesson in lessons)),
        description=_usable(meta, broken, "description", "") or module.summary,
        materials=tuple(_usable(meta, broken, "materials", ())),
        sources=sources_of(meta) if broken.ok("sources") else (),
        source=reader.rel(path),
        body_line=source.body_line,
        body=source.body,
        lines=flatten_lines(meta),
    )
    if problems or not module.ok:  # it stays out of the curriculum that cross_check checks: check it here
        if module.objectives is not None and broken.ok("serves"):
            reader.problems.extend(serves_problems(capstone, module.id, list(module.objectives)))
        if broken.ok("draws_on"):
            reader.problems.extend(draws_on_problems(capstone, module.id, slugs))
    return None if problems else capstone

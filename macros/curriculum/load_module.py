"""A module folder read into a `Module`: module.yml, its lessons in the listed order, the optional
introduction (index.md) and capstone (capstone.md)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from macros.curriculum.model import Capstone, Exercise, Lesson, Module, Objective, Option, Question, Workshop
from macros.curriculum.project import CAPSTONE_FILE, GENERATED_PAGES, INTRO_FILE, MODULE_FILE
from macros.curriculum.reader import Reader
from macros.curriculum.schema import SLUG
from macros.curriculum.source import LineList, flatten_lines, is_file


def load_module(reader: Reader, folder: Path) -> Module | None:
    meta_path = folder / MODULE_FILE
    if not meta_path.is_file():
        reader.problem(folder, 0, "", f"this module has no {MODULE_FILE}", f"create {reader.rel(meta_path)} (see the author guide)")
        return None
    data = reader.yaml(meta_path)
    if data is None:
        return None
    valid = reader.checked("module", data, meta_path)
    listing = data.get("lessons") if isinstance(data, dict) else None
    if not isinstance(listing, LineList) or not all(isinstance(slug, str) for slug in listing):
        return None
    # Lessons are read even when module.yml has problems, so one run reports everything.
    module_id = data.get("id") if isinstance(data.get("id"), str) else folder.name

    lessons = _lessons(reader, folder, meta_path, listing, module_id)

    capstone = None
    if (folder / CAPSTONE_FILE).is_file() and valid:
        capstone = load_capstone(reader, folder / CAPSTONE_FILE, data, lessons)
    if not valid:
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
        lessons=tuple(lessons),
        capstone=capstone,
        workshop=_workshop(data.get("workshop") or {}),
        intro=intro,
        mastery_score=data.get("mastery_score"),
        source=reader.rel(meta_path),
        lines=flatten_lines(data),
    )


def _lessons(reader: Reader, folder: Path, meta_path: Path, listing: LineList, module_id: str) -> list[Lesson]:
    """The lessons `lessons:` lists, in order; each problem with the list or a file reported."""
    lessons = []
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
        lesson_path = folder / f"{slug}.md"
        if not is_file(lesson_path):
            hint = f"create {reader.rel(lesson_path)}, or remove '{slug}' from the list"
            reader.problem(
                meta_path, listing.lines[index], "lessons", f"lesson '{slug}' is listed but {reader.rel(lesson_path)} does not exist", hint
            )
            continue
        lesson = load_lesson(reader, lesson_path, module_id)
        if lesson is not None:
            lessons.append(lesson)
        else:  # its problems are reported: the module's coverage and the capstone's draws_on are not
            reader.uncertain.update((module_id, f"{module_id}/{slug}"))
    for stray in sorted(folder.glob("*.md")):
        if stray.stem not in listed and stray.name not in (INTRO_FILE, CAPSTONE_FILE):
            reader.problem(
                stray,
                0,
                "",
                f"this lesson is not listed in {reader.rel(meta_path)}",
                f"add '- {stray.stem}' under lessons: there, or delete the file",
            )
    return lessons


def _workshop(data: dict) -> Workshop:
    return Workshop(start=data.get("start"), new_day_after=tuple(data.get("new_day_after", ())), materials=tuple(data.get("materials", ())))


def _objectives(data: dict) -> tuple[Objective, ...]:
    return tuple(Objective(str(key), str(text)) for key, text in data.items())


def load_lesson(reader: Reader, path: Path, module_id: str) -> Lesson | None:
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
    meta = source.meta
    if not reader.checked("lesson", meta, path):
        return None
    objectives = _objectives(meta["objectives"])
    return Lesson(
        slug=path.stem,
        module_id=module_id,
        title=meta["title"],
        duration=meta["duration"],
        objectives=objectives,
        key_takeaways=tuple(meta["key_takeaways"]),
        tags=tuple(meta["tags"]),
        serves=tuple(meta.get("serves", ())),
        exercises=tuple(Exercise(e["title"], tuple(e.get("assesses", ()))) for e in meta.get("exercises", ())),
        knowledge_check=tuple(
            Question(
                question=q["question"],
                assesses=tuple(q.get("assesses", ())),
                options=tuple(Option(o["answer"], bool(o.get("correct", False)), o["why"]) for o in q["options"]),
            )
            for q in meta.get("knowledge_check", ())
        ),
        description=meta.get("description") or objectives[0].text,
        materials=tuple(meta.get("materials", ())),
        source=reader.rel(path),
        body_line=source.body_line,
        body=source.body,
        lines=flatten_lines(meta),
    )


def load_capstone(reader: Reader, path: Path, module: dict, lessons: list[Lesson]) -> Capstone | None:
    source = reader.markdown(path)
    if source is None:
        return None
    meta = source.meta
    if not reader.checked("capstone", meta, path):
        return None
    objectives = dict(module["objectives"])
    return Capstone(
        module_id=module["id"],
        title=meta["title"],
        duration=meta["duration"],
        serves=tuple(meta["serves"]),
        # Unknown ids are reported by validate.py; the page shows the known ones.
        objectives=tuple(Objective(oid, objectives[oid]) for oid in meta["serves"] if oid in objectives),
        draws_on=tuple(meta.get("draws_on") or (lesson.slug for lesson in lessons)),
        description=meta.get("description") or module["summary"],
        materials=tuple(meta.get("materials", ())),
        source=reader.rel(path),
        body_line=source.body_line,
        body=source.body,
        lines=flatten_lines(meta),
    )

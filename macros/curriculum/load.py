"""Read modules/ and the blog's metadata into a validated `Curriculum`.

    load_curriculum(root) -> Curriculum      # or raises CurriculumError with every problem

Layout read (see docs/authoring/index.md):

    modules/<slug>/module.yml      module metadata, including the ordered list of lessons
    modules/<slug>/index.md        optional introduction shown on the module's overview page
    modules/<slug>/<lesson>.md     one lesson: YAML front matter, then Markdown
    modules/<slug>/capstone.md     optional capstone activity that ends the module
    modules/glossary.yml           optional glossary: terms by id
    docs/blog/posts/<slug>.md      articles (Material's blog)
    docs/blog/.authors.yml         authors, shared by modules and articles
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path
from typing import Any

from macros.curriculum.model import Article, Author, Capstone, Curriculum, Exercise, Lesson, Module, Objective, Option, Question, Term, Workshop
from macros.curriculum.project import GLOSSARY_FILE, MODULE_FILE
from macros.curriculum.schema import SLUG
from macros.curriculum.schema_check import validate
from macros.curriculum.problems import CurriculumError, Problem, did_you_mean, inside, relative
from macros.curriculum.source import SourceError, flatten_lines, is_file, line_of
from macros.curriculum.tree import SourceTree
from macros.curriculum.validate import cross_check

INTRO_FILE = "index.md"
CAPSTONE_FILE = "capstone.md"
# Pages the site generates in every module's folder (workshop.py): no lesson may take their names.
GENERATED_PAGES = {"workbook": "learner workbook", "facilitator": "facilitator guide"}
URL = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*:|/)")  # a web address or an absolute path, not a file in docs/
MAX_FILE_BYTES = 1_000_000  # a lesson is prose; a larger file is a mistake (a pasted export)


class _Reader:
    """Collects problems while reading, so one run reports them all."""

    def __init__(self, root: Path, tree: SourceTree):
        self.root = root
        self.tree = tree
        self.problems: list[Problem] = []
        # Modules that did not load or lost a lesson: not 'unknown' elsewhere, coverage unknown.
        self.uncertain: set[str] = set()

    def rel(self, path: Path) -> str:
        return relative(path, self.root)

    def problem(self, path: Path, line: int, field: str, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.rel(path), line, field, message, hint))

    def _unreadable(self, path: Path) -> bool:
        """A link out of the project (reported by _links_out), or a file too big: never read."""
        return not inside(path, self.root) or self._too_big(path)

    def _too_big(self, path: Path) -> bool:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            self.problem(path, 0, "", f"the file is {size // 1000:,} KB, over the {MAX_FILE_BYTES // 1000:,} KB limit", "split it into several lessons, or move data out of it")
            return True
        return False

    def yaml(self, path: Path) -> Any:
        if self._unreadable(path):
            return None
        try:
            data = self.tree.yaml(path)
        except SourceError as error:
            self.problem(path, error.line, "", error.message, error.hint)
            return None
        if data is None:
            self.problem(path, 1, "", "the file is empty", "fill in the fields (see the author guide's metadata reference)")
        return data

    def markdown(self, path: Path):
        if self._unreadable(path):
            return None
        try:
            source = self.tree.markdown(path)
        except SourceError as error:
            self.problem(path, error.line, "", error.message, error.hint)
            return None
        if not source.meta and not source.body.strip():
            self.problem(path, 1, "", "the file is empty", "start it with front matter between --- lines, then the text")
            return None
        return source

    def checked(self, kind: str, data: Any, path: Path) -> bool:
        found = validate(kind, data, self.rel(path))
        self.problems.extend(found)
        return not found


def load_curriculum(
    root: Path, modules_dir: str = "modules", docs_dir: str = "docs", blog_dir: str = "blog", tree: SourceTree | None = None
) -> Curriculum:
    """Load and validate everything; raise CurriculumError listing every problem.

    `tree`: the files already read for this build or check (the checks then read none again)."""
    root = Path(root)
    reader = _Reader(root, tree or SourceTree())
    authors = _load_authors(reader, root / docs_dir / blog_dir / ".authors.yml", root / docs_dir)
    modules = []
    modules_root = root / modules_dir
    if not modules_root.is_dir():
        reader.problem(modules_root, 0, "", "the modules folder is missing", f"create {modules_dir}/ with one folder per module")
    else:
        for folder in sorted(p for p in modules_root.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
            before = len(reader.problems)
            module = _load_module(reader, folder)
            if module is not None:
                modules.append(module)
            if module is None or len(reader.problems) > before:
                reader.uncertain.add(module.id if module else folder.name)
    articles = _load_articles(reader, root / docs_dir / blog_dir / "posts")
    _links_out(reader, [root / docs_dir, modules_root])
    glossary = _load_glossary(reader, modules_root / GLOSSARY_FILE)
    curriculum = Curriculum(
        modules=tuple(sorted(modules, key=lambda m: (m.order, m.id))),
        articles=tuple(sorted(articles, key=lambda a: (a.date, a.slug), reverse=True)),
        authors=authors,
        glossary=glossary,
    )
    reader.problems.extend(cross_check(curriculum, root, uncertain=frozenset(reader.uncertain)))
    errors = [p for p in reader.problems if p.severity == "error"]
    if errors:
        raise CurriculumError(reader.problems)
    return curriculum


def _links_out(reader: _Reader, folders: list[Path]) -> None:
    """Symbolic links that lead out of the project: the site would publish whatever they point at."""
    for base in folders:
        found = [base] if base.is_symlink() else []
        for folder, dirs, files in os.walk(base):  # a linked folder is listed, never entered
            found += [Path(folder) / name for name in dirs + files if (Path(folder) / name).is_symlink()]
        for link in found:
            if not inside(link, reader.root):
                target = os.readlink(link)
                reader.problem(link, 0, "", f"this is a link to {target}, outside the project", "put the file itself in the project instead of a link to it")


def _load_authors(reader: _Reader, path: Path, docs: Path) -> dict[str, Author]:
    if not path.is_file():
        return {}
    data = reader.yaml(path)
    if data is None:
        return {}
    reader.checked("authors", data, path)
    entries = data.get("authors") if isinstance(data, dict) else None
    result = {}
    # Authors with a name are kept even when another field is wrong: modules naming them are fine.
    for author_id, info in (entries.items() if isinstance(entries, dict) else ()):
        if not isinstance(info, dict) or not isinstance(info.get("name"), str):
            continue
        avatar = info.get("avatar")
        if isinstance(avatar, str) and avatar and not URL.match(avatar) and not is_file(docs / avatar):
            line = line_of(data, ("authors", author_id, "avatar")) or 1
            reader.problem(path, line, f"authors.{author_id}.avatar", f"'{avatar}' does not exist", f"add the picture as {reader.rel(docs / avatar)}, or correct the path (it is relative to {reader.rel(docs)}/)")
        result[str(author_id)] = Author(str(author_id), info["name"], str(info.get("description", "")))
    return result


def _objectives(data: dict) -> tuple[Objective, ...]:
    return tuple(Objective(str(key), str(text)) for key, text in data.items())


def _load_module(reader: _Reader, folder: Path) -> Module | None:
    meta_path = folder / MODULE_FILE
    if not meta_path.is_file():
        reader.problem(folder, 0, "", f"this module has no {MODULE_FILE}", f"create {reader.rel(meta_path)} (see the author guide)")
        return None
    data = reader.yaml(meta_path)
    if data is None:
        return None
    valid = reader.checked("module", data, meta_path)
    listing = data.get("lessons") if isinstance(data, dict) else None
    if not isinstance(listing, list) or not all(isinstance(slug, str) for slug in listing):
        return None
    # Lessons are read even when module.yml has problems, so one run reports everything.
    module_id = data.get("id") if isinstance(data.get("id"), str) else folder.name

    lessons = []
    listed = set()
    for index, slug in enumerate(listing):
        listed.add(slug)
        if not re.fullmatch(SLUG, slug):
            continue  # the schema reports it; a path is never made of it
        if f"{slug}.md" in (CAPSTONE_FILE, INTRO_FILE):
            role = "capstone, which always comes last" if f"{slug}.md" == CAPSTONE_FILE else "introduction, shown on its overview page"
            reader.problem(meta_path, listing.lines[index], "lessons", f"{slug}.md is the module's {role}, not a lesson", f"remove '{slug}' from the list")
            continue
        if slug in GENERATED_PAGES:
            reader.problem(meta_path, listing.lines[index], "lessons", f"'{slug}' is the address of the module's {GENERATED_PAGES[slug]}, which the site generates", f"rename {slug}.md and its entry here")
            continue
        lesson_path = folder / f"{slug}.md"
        if not is_file(lesson_path):
            hint = f"create {reader.rel(lesson_path)}, or remove '{slug}' from the list"
            reader.problem(meta_path, listing.lines[index], "lessons", f"lesson '{slug}' is listed but {reader.rel(lesson_path)} does not exist", hint)
            continue
        lesson = _load_lesson(reader, lesson_path, module_id)
        if lesson is not None:
            lessons.append(lesson)
        else:
            reader.uncertain.add(module_id)
    for stray in sorted(folder.glob("*.md")):
        if stray.stem not in listed and stray.name not in (INTRO_FILE, CAPSTONE_FILE):
            reader.problem(stray, 0, "", f"this lesson is not listed in {reader.rel(meta_path)}", f"add '- {stray.stem}' under lessons: there, or delete the file")

    capstone = None
    if (folder / CAPSTONE_FILE).is_file() and valid:
        capstone = _load_capstone(reader, folder / CAPSTONE_FILE, data, lessons)
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
        source=reader.rel(meta_path),
        lines=flatten_lines(data),
    )


def _workshop(data: dict) -> Workshop:
    return Workshop(start=data.get("start"), new_day_after=tuple(data.get("new_day_after", ())), materials=tuple(data.get("materials", ())))


def _load_lesson(reader: _Reader, path: Path, module_id: str) -> Lesson | None:
    source = reader.markdown(path)
    if source is None:
        return None
    if not source.meta:
        reader.problem(path, 1, "", "the lesson has no front matter", "start the file with --- lines holding title, duration, objectives, key_takeaways and tags")
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


def _load_capstone(reader: _Reader, path: Path, module: dict, lessons: list[Lesson]) -> Capstone | None:
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


def _load_glossary(reader: _Reader, path: Path) -> dict[str, Term]:
    if not path.is_file():
        return {}
    data = reader.yaml(path)
    if data is None or not reader.checked("glossary", data, path):
        return {}
    terms = data["terms"]
    glossary = {
        str(tid): Term(str(tid), entry["term"], entry["definition"], tuple(entry.get("see_also", ())), reader.rel(path), flatten_lines(data))
        for tid, entry in terms.items()
    }
    for tid, entry in glossary.items():
        for index, other in enumerate(entry.see_also):
            if other not in glossary:
                line = line_of(data, ("terms", tid, "see_also", index)) or 1
                reader.problem(path, line, f"terms.{tid}.see_also", f"unknown term '{other}'", did_you_mean(other, list(glossary)) or "use the id of another term in this file")
    return glossary


def _load_articles(reader: _Reader, posts: Path) -> list[Article]:
    articles = []
    if not posts.is_dir():
        return articles
    for path in sorted(posts.rglob("*.md")):
        source = reader.markdown(path)
        if source is None:
            continue
        if not reader.checked("article", source.meta, path):
            continue
        meta = source.meta
        title = meta.get("title") or _first_heading(source.body)
        if not title:
            reader.problem(path, source.body_line, "title", "the article has no title", "start the text with '# Title', or add title: to the front matter")
            continue
        created = meta["date"]["created"] if isinstance(meta["date"], dict) else meta["date"]
        articles.append(
            Article(
                slug=path.stem,
                title=title,
                date=date.fromisoformat(created),
                authors=tuple(meta["authors"]),
                categories=tuple(meta["categories"]),
                tags=tuple(meta["tags"]),
                description=meta["description"],
                modules=tuple(meta.get("modules", ())),
                draft=bool(meta.get("draft", False)),
                source=reader.rel(path),
                lines=flatten_lines(meta),
            )
        )
    return articles


def _first_heading(body: str) -> str:
    for line in body.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return ""

"""Read modules/ and the blog's metadata into a validated `Curriculum`.

    load_curriculum(root) -> Curriculum      # or raises CurriculumError with every problem

Layout read (see docs/authoring/index.md):

    modules/<slug>/module.yml      module metadata, including the ordered list of lessons
    modules/<slug>/index.md        optional introduction shown on the module's overview page
    modules/<slug>/<lesson>.md     one lesson: YAML front matter, then Markdown
    modules/<slug>/capstone.md     optional capstone activity that ends the module
    modules/<slug>/scenarios/<id>.yml   practice conversations, in file-name order (load_scenario.py)
    modules/glossary.yml           optional glossary: terms by id
    docs/blog/posts/<slug>.md      articles (Material's blog)
    docs/blog/.authors.yml         authors, shared by modules and articles
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from macros.curriculum.load_module import load_module
from macros.curriculum.model import Article, Author, Curriculum, Term
from macros.curriculum.problems import CurriculumError, did_you_mean
from macros.curriculum.project import CAPSTONE_FILE, GENERATED_PAGES, GLOSSARY_FILE, INTRO_FILE, MODULE_FILE
from macros.curriculum.reader import Reader, links_out
from macros.curriculum.source import flatten_lines, is_file, line_of
from macros.curriculum.sources import sources_of
from macros.curriculum.tree import SourceTree
from macros.curriculum.validate import cross_check

__all__ = ["CAPSTONE_FILE", "GENERATED_PAGES", "GLOSSARY_FILE", "INTRO_FILE", "MODULE_FILE", "load_curriculum"]

URL = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*:|/)")  # a web address or an absolute path, not a file in docs/


def load_curriculum(
    root: Path, modules_dir: str = "modules", docs_dir: str = "docs", blog_dir: str = "blog", tree: SourceTree | None = None
) -> Curriculum:
    """Load and validate everything; raise CurriculumError listing every problem.

    `tree`: the files already read for this build or check (the checks then read none again)."""
    root = Path(root)
    reader = Reader(root, tree or SourceTree())
    authors = _load_authors(reader, root / docs_dir / blog_dir / ".authors.yml", root / docs_dir)
    modules = []
    modules_root = root / modules_dir
    if not modules_root.is_dir():
        reader.problem(modules_root, 0, "", "the modules folder is missing", f"create {modules_dir}/ with one folder per module")
    else:
        for folder in sorted(p for p in modules_root.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
            before = len(reader.problems)
            module = load_module(reader, folder)
            if module is not None:
                modules.append(module)
            if module is None or len(reader.problems) > before:
                reader.uncertain.add(module.id if module else folder.name)
    articles = _load_articles(reader, root / docs_dir / blog_dir / "posts")
    links_out(reader, [root / docs_dir, modules_root])
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


def _load_authors(reader: Reader, path: Path, docs: Path) -> dict[str, Author]:
    if not path.is_file():
        return {}
    data = reader.yaml(path)
    if data is None:
        return {}
    reader.checked("authors", data, path)
    entries = data.get("authors") if isinstance(data, dict) else None
    result = {}
    # Authors with a name are kept even when another field is wrong: modules naming them are fine.
    for author_id, info in entries.items() if isinstance(entries, dict) else ():
        if not isinstance(info, dict) or not isinstance(info.get("name"), str):
            continue
        avatar = info.get("avatar")
        if isinstance(avatar, str) and avatar and not URL.match(avatar) and not is_file(docs / avatar):
            line = line_of(data, ("authors", author_id, "avatar")) or 1
            reader.problem(
                path,
                line,
                f"authors.{author_id}.avatar",
                f"'{avatar}' does not exist",
                f"add the picture as {reader.rel(docs / avatar)}, or correct the path (it is relative to {reader.rel(docs)}/)",
            )
        result[str(author_id)] = Author(str(author_id), info["name"], str(info.get("description", "")))
    return result


def _load_glossary(reader: Reader, path: Path) -> dict[str, Term]:
    if not path.is_file():
        return {}
    data = reader.yaml(path)
    if data is None or not reader.checked("glossary", data, path):
        return {}
    terms = data["terms"]
    glossary = {
        str(tid): Term(
            str(tid), entry["term"], entry["definition"], tuple(entry.get("see_also", ())), reader.rel(path), flatten_lines(data)
        )
        for tid, entry in terms.items()
    }
    for tid, entry in glossary.items():
        for index, other in enumerate(entry.see_also):
            if other not in glossary:
                line = line_of(data, ("terms", tid, "see_also", index)) or 1
                reader.problem(
                    path,
                    line,
                    f"terms.{tid}.see_also",
                    f"unknown term '{other}'",
                    did_you_mean(other, list(glossary)) or "use the id of another term in this file",
                )
    return glossary


def _load_articles(reader: Reader, posts: Path) -> list[Article]:
    articles: list[Article] = []
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
            reader.problem(
                path,
                source.body_line,
                "title",
                "the article has no title",
                "start the text with '# Title', or add title: to the front matter",
            )
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
                sources=sources_of(meta),
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

"""Realistic curricula for the benchmark: the repository's own lessons, copied (never committed).

    make_project(dest, lessons)   the site (mkdocs.yml, brand.yml, docs/, overrides/, macros/ ...)
                                  with modules/ copied until there are `lessons` lessons, the
                                  articles copied at one per ten lessons, and one git commit
    make_plain(project, dest)     the same Markdown in a docs/ tree for plain Material

Each copy of a module is a module of its own: `customer-service-07`, "Customer service (7)", with
the real module.yml, lessons (their prose and front matter unchanged) and capstone. Copies are
made in the modules' order, so the last copy may stop part-way through a module: it keeps its
first lessons, and its capstone draws on those only. Links are pointed at the copy they belong
to: a lesson's link to its own module stays in its copy, a link to another module goes to that
module's copy with the same number (or copy 1), and a link to a lesson that was cut becomes plain
text. The site's own pages (about, the authors' guide ...) name copy 1. Copy 1 is always whole,
so the smallest curriculum is one copy of modules/.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
LESSONS_PER_ARTICLE = 10
# Top-level entries of the repository a build does not read (a new config file is copied as it
# appears, so the bench follows the build without being told).
NOT_COPIED = {"tests", "modules", "site", "dist", "pdf", "build", "node_modules", "bench-results.md"}
LINK = re.compile(r"(?<!!)\[(?P<text>[^\]\n]*)\]\((?P<target>[^)\s]+)(?P<title>\s+\"[^\"]*\")?\)")


@dataclass(frozen=True)
class RealModule:
    id: str
    order: int
    title: str
    lessons: tuple[str, ...]


def real_modules() -> list[RealModule]:
    modules = []
    for meta_file in (ROOT / "modules").glob("*/module.yml"):
        meta = yaml.safe_load(meta_file.read_text(encoding="utf-8"))
        modules.append(RealModule(meta["id"], meta["order"], meta["title"], tuple(meta["lessons"])))
    return sorted(modules, key=lambda module: module.order)


@functools.cache
def real_articles() -> list[str]:
    return sorted(path.stem for path in (ROOT / "docs" / "blog" / "posts").glob("*.md"))


# -- what is copied -------------------------------------------------------------------------------


@dataclass
class Plan:
    """Which copies exist: (real module id, copy) -> the lessons it keeps, and the article copies."""

    modules: dict[tuple[str, int], tuple[str, ...]] = field(default_factory=dict)
    articles: list[tuple[str, int]] = field(default_factory=list)
    width: int = 2

    @classmethod
    def for_size(cls, lessons: int) -> Plan:
        real = real_modules()
        per_copy = sum(len(module.lessons) for module in real)
        if lessons < per_copy:
            raise SystemExit(f"the smallest benchmark curriculum is one copy of modules/: {per_copy} lessons")
        plan = cls(width=max(2, len(str(-(-lessons // per_copy)))))
        made, copy = 0, 0
        while made < lessons:
            copy += 1
            for module in real:
                kept = module.lessons[: lessons - made]
                if kept:
                    plan.modules[module.id, copy] = kept
                    made += len(kept)
        stems = real_articles()
        count = max(1, round(lessons / LESSONS_PER_ARTICLE))
        plan.articles = [(stems[n % len(stems)], n // len(stems) + 1) for n in range(count)]
        return plan

    @property
    def lessons(self) -> int:
        return sum(len(kept) for kept in self.modules.values())

    @property
    def real_ids(self) -> set[str]:
        return {real for real, _ in self.modules}

    def name(self, real: str, copy: int) -> str:
        return f"{real}-{copy:0{self.width}d}"

    def module_copy(self, real: str, page: str | None, preferred: int) -> int | None:
        """The copy of `real` nearest `preferred` (itself, else copy 1) that has `page`."""
        for copy in (preferred, 1):
            kept = self.modules.get((real, copy))
            if kept is not None and (page in (None, "index", "capstone") or page in kept):
                return copy
        return None

    def article_copy(self, stem: str, preferred: int) -> int | None:
        return next((copy for copy in (preferred, 1) if (stem, copy) in self.articles), None)


# -- links ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Here:
    """Where a copied file is: its copy number, and the real module it belongs to (lessons)."""

    plan: Plan
    copy: int
    module: str | None = None


def retarget(target: str, here: Here) -> str | None:
    """A link target pointed into the copies; None when what it names was not copied."""
    if "://" in target or target.startswith(("#", "mailto:")):
        return target
    path, hash_, fragment = target.partition("#")
    parts = path.split("/")
    for index, part in enumerate(parts[:-1]):
        if part in here.plan.real_ids:
            copy = here.plan.module_copy(part, parts[index + 1].removesuffix(".md") or "index", here.copy)
            if copy is None:
                return None
            parts[index] = here.plan.name(part, copy)
            return "/".join(parts) + hash_ + fragment
    stem = parts[-1].removesuffix(".md")
    if len(parts) == 1 and path.endswith(".md") and here.module:  # a page of the lesson's own module
        return target if here.plan.module_copy(here.module, stem, here.copy) == here.copy else None
    if (len(parts) == 1 and stem in real_articles()) or "posts" in parts[:-1]:  # an article, from an article or a page
        copy = here.plan.article_copy(stem, here.copy)
        if copy is None:
            return None
        parts[-1] = f"{stem}-{copy:0{here.plan.width}d}.md"
        return "/".join(parts) + hash_ + fragment
    return target


def relink(markdown: str, here: Here) -> str:
    """Every link pointed into the copies; a link to something not copied keeps only its text."""

    def one(match: re.Match) -> str:
        target = retarget(match["target"], here)
        if target is None:
            return match["text"]
        return f"[{match['text']}]({target}{match['title'] or ''})"

    return LINK.sub(one, markdown)


def rename_macro_arguments(markdown: str, here: Here) -> str:
    """Macro arguments naming a real module ("questioning-skills/things-and-people") name copy 1."""
    ids = "|".join(re.escape(real) for real, copy in here.plan.modules if copy == 1)
    return re.sub(rf"([\"'])({ids})(/[a-z0-9-]+)?\1", lambda m: f"{m[1]}{here.plan.name(m[2], 1)}{m[3] or ''}{m[1]}", markdown)


def _flow_list(text: str, key: str, change: Callable[[list[str]], list[str]]) -> str:
    """`key: [a, b]` on one line, its items changed (the files write these lists on one line)."""
    pattern = re.compile(rf"^{key}: \[(.*)\]", re.MULTILINE)
    if not pattern.search(text):
        return text
    return pattern.sub(lambda m: f"{key}: [{', '.join(change([i.strip() for i in m[1].split(',') if i.strip()]))}]", text)


def _scalar(text: str, key: str, value: str) -> str:
    return re.sub(rf"^{key}: .*$", lambda _: f"{key}: {value}", text, count=1, flags=re.MULTILINE)


# -- the copies -----------------------------------------------------------------------------------


def module_yaml(text: str, real: RealModule, copy: int, kept: tuple[str, ...], order: int, plan: Plan) -> str:
    text = _scalar(text, "id", plan.name(real.id, copy))
    text = _scalar(text, "title", json.dumps(f"{real.title} ({copy})"))  # a JSON string is YAML
    text = _scalar(text, "order", str(order))
    text = _flow_list(text, "prerequisites", lambda ids: [plan.name(i, plan.module_copy(i, None, copy) or 1) for i in ids])
    text = _flow_list(text, "lessons", lambda slugs: [s for s in slugs if s in kept])
    cut = set(real.lessons) - set(kept)
    return "".join(line for line in text.splitlines(keepends=True) if line.strip().removeprefix("- ") not in cut)


def copy_module(dest: Path, real: RealModule, copy: int, order: int, plan: Plan) -> None:
    source, kept = ROOT / "modules" / real.id, plan.modules[real.id, copy]
    folder = dest / "modules" / plan.name(real.id, copy)
    folder.mkdir(parents=True)
    here = Here(plan, copy, real.id)
    meta = (source / "module.yml").read_text(encoding="utf-8")
    (folder / "module.yml").write_text(module_yaml(meta, real, copy, kept, order, plan), encoding="utf-8")
    for slug in kept:
        text = (source / f"{slug}.md").read_text(encoding="utf-8")
        (folder / f"{slug}.md").write_text(relink(text, here), encoding="utf-8")
    capstone = _flow_list((source / "capstone.md").read_text(encoding="utf-8"), "draws_on", lambda slugs: [s for s in slugs if s in kept])
    (folder / "capstone.md").write_text(relink(capstone, here), encoding="utf-8")
    for extra in source.iterdir():  # anything else in the folder (images, a PDF), as it is
        if extra.suffix != ".md" and extra.name != "module.yml":
            (shutil.copytree if extra.is_dir() else shutil.copy2)(extra, folder / extra.name)


def copy_article(dest: Path, stem: str, copy: int, plan: Plan) -> None:
    text = (ROOT / "docs" / "blog" / "posts" / f"{stem}.md").read_text(encoding="utf-8")
    here = Here(plan, copy)
    text = _flow_list(text, "modules", lambda ids: [plan.name(i, plan.module_copy(i, None, copy) or 1) for i in ids])
    front, _, body = text.partition("\n---\n")  # the h1 is in the body; a comment in the front matter is not
    body = re.sub(r"^# (.+)$", lambda m: f"# {m[1]} ({copy})", body, count=1, flags=re.MULTILINE)
    text = f"{front}\n---\n{body}"
    target = dest / "docs" / "blog" / "posts" / f"{stem}-{copy:0{plan.width}d}.md"
    target.write_text(relink(text, here), encoding="utf-8")


def copy_site(dest: Path, plan: Plan) -> None:
    """What a build reads, except the curriculum and the articles; the site's pages name copy 1.

    macros/ is copied, not linked: `python -m mkdocs` in the project imports it from there, so the
    run measures one version of the code even while someone edits the repository's copy (and
    `mkdocs serve`, which watches macros/, does not rebuild on those edits).
    """
    dest.mkdir(parents=True)
    for entry in ROOT.iterdir():
        if entry.name.startswith(".") or entry.name in NOT_COPIED:
            continue
        if entry.is_dir():
            skipped = ["__pycache__", "posts"] if entry.name == "docs" else ["__pycache__"]  # docs/blog/posts: copied below
            shutil.copytree(entry, dest / entry.name, ignore=shutil.ignore_patterns(*skipped))
        else:
            shutil.copy2(entry, dest / entry.name)
    (dest / "docs" / "blog" / "posts").mkdir(parents=True)
    (dest / "modules").mkdir()
    shutil.copy2(ROOT / "modules" / "glossary.yml", dest / "modules" / "glossary.yml")
    here = Here(plan, 1)
    for page in (dest / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        changed = rename_macro_arguments(relink(text, here), here)
        if changed != text:
            page.write_text(changed, encoding="utf-8")


def drop_features(config: Path, features: list[str]) -> None:
    """Take theme features out of a copied mkdocs.yml (to measure a change before making it)."""
    dropped = {f"- {feature}" for feature in features}
    lines = config.read_text(encoding="utf-8").split("\n")
    config.write_text("\n".join(line for line in lines if line.strip() not in dropped), encoding="utf-8")


@dataclass
class Project:
    root: Path
    lessons: int
    modules: int
    articles: int
    features: list[str]  # the theme features of the repository's mkdocs.yml when it was copied
    plugins: list[str]  # the plugins it names
    lesson_url: str  # the first lesson's page, relative to the site root (the browser's first visit)
    edit_target: str  # a lesson's source path, relative to root, for the preview measurement
    edit_url: str  # its page, relative to the site root


def make_project(dest: Path, lessons: int, without_features: list[str] | tuple[str, ...] = ()) -> Project:
    plan = Plan.for_size(lessons)
    copy_site(dest, plan)
    # Read from the copy: another engineer may change the repository's mkdocs.yml during the run.
    config = yaml.safe_load((dest / "mkdocs.yml").read_text(encoding="utf-8"))
    drop_features(dest / "mkdocs.yml", list(without_features))
    real = {module.id: module for module in real_modules()}
    for order, (real_id, copy) in enumerate(plan.modules, 1):
        copy_module(dest, real[real_id], copy, order, plan)
    for stem, copy in plan.articles:
        copy_article(dest, stem, copy, plan)
    _commit(dest)
    names = [(plan.name(real_id, copy), kept) for (real_id, copy), kept in plan.modules.items()]
    middle, kept = names[len(names) // 2]
    return Project(
        root=dest,
        lessons=plan.lessons,
        modules=len(plan.modules),
        articles=len(plan.articles),
        features=list(config["theme"]["features"]),
        plugins=[next(iter(plugin)) if isinstance(plugin, dict) else plugin for plugin in config.get("plugins", [])],
        lesson_url=f"modules/{names[0][0]}/{names[0][1][0]}/",
        edit_target=f"modules/{middle}/{kept[0]}.md",
        edit_url=f"modules/{middle}/{kept[0]}/",
    )


def _commit(dest: Path) -> None:
    """One commit, so "last update" comes from real git history as it does in the repository."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Bench",
        "GIT_AUTHOR_EMAIL": "bench@example.org",
        "GIT_COMMITTER_NAME": "Bench",
        "GIT_COMMITTER_EMAIL": "bench@example.org",
    }
    for command in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-q", "-m", "Benchmark curriculum"]):
        subprocess.run(command, cwd=dest, env=env, check=True, capture_output=True)


# -- the same Markdown for plain Material ---------------------------------------------------------


def plain_features(project: Project) -> list[str]:
    """The repository's theme features without navigation.prune (--without-feature changes ours only)."""
    return [feature for feature in project.features if feature != "navigation.prune"]


def markdown_extensions() -> list:
    return yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["markdown_extensions"]


def link_stubs(docs: Path) -> None:
    """A one-line page for each page the copied Markdown links to that plain Material has not got
    (the course's own pages, such as about.md, or pages it writes, such as practice.md), so that
    its strict build passes whatever the lessons and articles link to."""
    for page in list(docs.rglob("*.md")):
        for match in LINK.finditer(page.read_text(encoding="utf-8")):
            target = match.group("target").split("#")[0]
            if not target.endswith(".md") or "://" in target:
                continue
            path = (page.parent / target).resolve()
            if path.is_relative_to(docs.resolve()) and not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(f"# {path.stem}\n", encoding="utf-8")


def make_plain(project: Project, dest: Path) -> int:
    """docs/ with the lessons, capstones, a page per module and the articles; returns the page count."""
    docs = dest / "docs"
    nav_modules = []
    for folder in sorted((project.root / "modules").iterdir()):
        if not folder.is_dir():
            continue
        meta = yaml.safe_load((folder / "module.yml").read_text(encoding="utf-8"))
        target = docs / "modules" / folder.name
        target.mkdir(parents=True)
        (target / "index.md").write_text(f"# {meta['title']}\n\n{meta['summary']}\n", encoding="utf-8")
        pages = [f"modules/{folder.name}/index.md"]
        for slug in [*meta["lessons"], "capstone"]:
            shutil.copy2(folder / f"{slug}.md", target / f"{slug}.md")
            pages.append(f"modules/{folder.name}/{slug}.md")
        nav_modules.append({meta["title"]: pages})
    shutil.copytree(project.root / "docs" / "blog" / "posts", docs / "blog" / "posts")
    (docs / "index.md").write_text("# Home\n\nThe same lessons, built by plain Material for MkDocs.\n", encoding="utf-8")
    link_stubs(docs)
    config = {
        "site_name": "Plain Material",
        "docs_dir": "docs",
        "theme": {"name": "material", "font": False, "features": plain_features(project)},
        "nav": [{"Home": "index.md"}, {"Curriculum": nav_modules}],
        "not_in_nav": "/blog/posts/**",
        "plugins": ["search"],
        "markdown_extensions": markdown_extensions(),
    }
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return sum(1 for _ in docs.rglob("*.md"))

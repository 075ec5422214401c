"""Synthetic curricula for the benchmark, written from templates at run time (never committed).

    make_project(dest, lessons)   a copy of the site (mkdocs.yml, brand.yml, docs/, overrides/)
                                  with `lessons` generated lessons in modules of ten, a capstone
                                  per module, one article per ten lessons, and one git commit
    make_plain(project, dest)     the same Markdown in a docs/ tree for plain Material

Lessons look like the real ones: about 1,300 words, five sections, a table, a worked example, an
exercise, two or three glossary links, a link to the next lesson, and front matter that passes
validation (every module objective served, every lesson objective assessed). The prose is made
of shuffled stock phrases: it reads like nothing, but it has the length and vocabulary of a page.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
LESSONS_PER_MODULE = 10
LESSONS_PER_ARTICLE = 10
CATEGORIES = ["Training design", "Service leadership", "Skills"]
TAGS = ["questioning", "listening", "complaints", "tone", "handoffs", "coaching", "feedback", "follow-up", "empathy", "planning"]

# -- prose ----------------------------------------------------------------------------------------

OPENERS = [
    "",
    "",
    "",
    "In practice,",
    "On a busy shift,",
    "Most of the time,",
    "When the queue is long,",
    "Before the call ends,",
    "With a new starter,",
    "After a complaint,",
]
SUBJECTS = [
    "the agent",
    "a new starter",
    "the team lead",
    "your colleague",
    "the customer",
    "the caller",
    "the trainer",
    "the learner",
    "the supervisor",
    "the person on the desk",
    "the manager",
    "a tenant",
]
VERBS = [
    "notices",
    "writes down",
    "repeats back",
    "asks about",
    "checks",
    "explains",
    "summarises",
    "follows up",
    "records",
    "overlooks",
    "confirms",
    "puts into words",
]
OBJECTS = [
    "the deadline the customer mentioned",
    "the reference number",
    "what happened the last time",
    "the promised call back",
    "the reason for the delay",
    "the next step and who owns it",
    "the words the customer used",
    "how the problem affects the family",
    "the choice between two visits",
    "the cost of waiting another week",
    "what the colleague upstream needs",
    "the one fact that changes the answer",
]
TAILS = [
    "before offering a fix.",
    "without being asked.",
    "in plain words.",
    "at the end of the conversation.",
    "while the customer is still talking.",
    "so nobody has to ask twice.",
    "and the rest of the call goes better.",
    "because the form does not ask for it.",
    "and writes it where the next shift will see it.",
    "rather than guessing.",
    "even when the answer seems obvious.",
    "and the customer hears that they were understood.",
]
HEADINGS = [
    "Why it matters",
    "What good looks like",
    "Common traps",
    "A simple routine",
    "Practising it",
    "When it goes wrong",
    "Making it a habit",
    "Working with colleagues",
]
TITLE_WORDS = [
    "Listening",
    "Asking",
    "Confirming",
    "Explaining",
    "Recovering",
    "Planning",
    "Noticing",
    "Following up",
    "Handing over",
    "Opening",
    "Closing",
    "Checking",
]
TITLE_ENDS = [
    "the real need",
    "a difficult call",
    "the next step",
    "what was promised",
    "the customer's words",
    "a handover",
    "a complaint",
    "the first minute",
    "bad news",
    "a long wait",
]


def _sentence(rng: random.Random) -> str:
    opener = rng.choice(OPENERS)
    text = f"{opener} {rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}".strip()
    return text[0].upper() + text[1:]


def _paragraph(rng: random.Random, sentences: int = 5, terms: list[str] | None = None) -> str:
    parts = [_sentence(rng) for _ in range(sentences)]
    if terms:
        parts.insert(1, f'This is where {{{{ term("{terms.pop()}") }}}} comes in.')
    return " ".join(parts)


def _table(rng: random.Random) -> str:
    rows = [
        f"| {rng.choice(OBJECTS).capitalize()} | {rng.choice(TAILS).capitalize()} | {rng.choice(SUBJECTS).capitalize()} |" for _ in range(5)
    ]
    return "\n".join(["| Instead of | Try | Who |", "| --- | --- | --- |", *rows])


def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")


def _quote(text: str) -> str:
    return '"' + text.replace('"', "'") + '"'


# -- pages ----------------------------------------------------------------------------------------


@dataclass
class Lesson:
    slug: str
    title: str


def lesson_markdown(rng: random.Random, lesson: Lesson, serves: list[str], terms: list[str], next_lesson: Lesson | None) -> str:
    exercise = f"Practise {lesson.title.lower()}"
    questions = []
    for number, objective in enumerate(["notice", "respond", "notice"], 1):
        options = "\n".join(
            f"      - answer: {_quote(rng.choice(OBJECTS).capitalize())}\n"
            + ("        correct: true\n" if index == 0 else "")
            + f"        why: {_quote(_sentence(rng) + ' ' + _sentence(rng))}"
            for index in range(3)
        )
        questions.append(
            f"  - question: {_quote(f'Question {number}: ' + _sentence(rng))}\n    assesses: [{objective}]\n    options:\n{options}"
        )
    front = f"""---
title: {_quote(lesson.title)}
duration: {rng.choice([20, 25, 30, 35])}
serves: [{", ".join(serves)}]
objectives:
  notice: {_quote(_sentence(rng))}
  respond: {_quote(_sentence(rng))}
key_takeaways:
  - {_quote(_sentence(rng))}
  - {_quote(_sentence(rng))}
  - {_quote(_sentence(rng))}
tags: [{", ".join(rng.sample(TAGS, 2))}]
exercises:
  - title: {_quote(exercise)}
    assesses: [notice, respond]
knowledge_check:
{chr(10).join(questions)}
---
"""
    terms = list(terms)
    sections = []
    for number, heading in enumerate(rng.sample(HEADINGS, 5)):
        blocks = [f"## {heading}", _paragraph(rng, 6, terms if number < 3 else None), _paragraph(rng, 5)]
        if number in (1, 3):
            blocks.append(_table(rng))
        if number == 2:
            blocks.append(f'!!! example "Scenario: {rng.choice(TITLE_ENDS)}"\n    ' + _paragraph(rng, 5))
        if number == 4:
            blocks.append(
                f'!!! exercise "{exercise}"\n    ' + _paragraph(rng, 4) + "\n\n    - " + "\n    - ".join(_sentence(rng) for _ in range(3))
            )
        sections.append("\n\n".join(blocks))
    ending = (
        f"Next: [{next_lesson.title}]({next_lesson.slug}.md)."
        if next_lesson
        else "Next: the module's capstone, [Put it together](capstone.md)."
    )
    body = "\n\n".join([_paragraph(rng, 6), _paragraph(rng, 5), *sections, ending])
    return front + "\n" + body + "\n"


def capstone_markdown(rng: random.Random, lessons: list[Lesson], objectives: list[str]) -> str:
    links = ", ".join(f"[{lesson.title}]({lesson.slug}.md)" for lesson in lessons[:4])
    checklist = "\n".join(f"- [ ] {_sentence(rng)}" for _ in range(6))
    return f"""---
title: "Capstone: Put it together"
duration: 45
serves: [{", ".join(objectives)}]
description: {_quote(_sentence(rng))}
---

{_paragraph(rng, 6)}

## The situation

{_paragraph(rng, 6)}

{_paragraph(rng, 5)}

## The task

{_paragraph(rng, 6)}

Need a reminder? See {links}.

## Checklist

{checklist}
"""


def module_yaml(
    module_id: str, title: str, order: int, objectives: dict[str, str], lessons: list[Lesson], prerequisite: str | None, reviewed: date
) -> str:
    lines = "\n".join(f"  {key}: {_quote(text)}" for key, text in objectives.items())
    return f"""id: {module_id}
title: {_quote(title)}
summary: {_quote("A synthetic module for the benchmark: " + title.lower() + ".")}
audience: [Frontline service staff]
level: {["introductory", "intermediate", "advanced"][order % 3]}
order: {order}
objectives:
{lines}
prerequisites: [{prerequisite or ""}]
tags: [{TAGS[order % len(TAGS)]}]
authors: [amara-osei]
version: "1.0"
reviewed: {reviewed.isoformat()}
lessons:
{chr(10).join(f"  - {lesson.slug}" for lesson in lessons)}
"""


def article_markdown(rng: random.Random, title: str, published: date, modules: list[tuple[str, list[Lesson]]], terms: list[str]) -> str:
    links = " ".join(
        f"The [{lessons[0].title}](../../modules/{module_id}/{lessons[0].slug}.md) lesson in [this "
        f"module](../../modules/{module_id}/index.md) covers it."
        for module_id, lessons in modules
    )
    paragraphs = [_paragraph(rng, 6, list(terms[:1])), "<!-- more -->"]
    for heading in rng.sample(HEADINGS, 4):
        paragraphs += [f"## {heading}", _paragraph(rng, 6), _paragraph(rng, 5)]
    paragraphs.append(links)
    return (
        f"""---
date: {published.isoformat()}
authors: [{rng.choice(["amara-osei", "daniel-reyes", "priya-nair"])}]
categories: [{rng.choice(CATEGORIES)}]
tags: [{", ".join(rng.sample(TAGS, 3))}]
modules: [{", ".join(module_id for module_id, _ in modules)}]
description: {_quote(_sentence(rng))}
---

# {title}

"""
        + "\n\n".join(paragraphs)
        + "\n"
    )


# -- projects -------------------------------------------------------------------------------------


@dataclass
class Project:
    root: Path
    lessons: int
    modules: int
    articles: int
    edit_target: str  # a lesson's source path, relative to root, for the rebuild measurement
    edit_url: str  # its page, relative to the site root


def _glossary_ids() -> list[str]:
    data = yaml.safe_load((ROOT / "modules" / "glossary.yml").read_text(encoding="utf-8"))
    return sorted(data["terms"])


def _copy_site(dest: Path) -> None:
    """What a build reads, except the curriculum and the articles.

    macros/ is copied, not linked: `python -m mkdocs` in the project imports it from there, so the
    run measures one version of the code even while someone edits the repository's copy (and
    `mkdocs serve`, which watches macros/, does not rebuild on those edits).
    """
    dest.mkdir(parents=True)
    for name in ["mkdocs.yml", "brand.yml"]:
        shutil.copy2(ROOT / name, dest / name)
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    shutil.copytree(ROOT / "docs", dest / "docs", ignore=shutil.ignore_patterns("posts"))
    (dest / "docs" / "blog" / "posts").mkdir()
    shutil.copytree(ROOT / "macros", dest / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    (dest / "modules").mkdir()
    shutil.copy2(ROOT / "modules" / "glossary.yml", dest / "modules" / "glossary.yml")


def _repoint_links(dest: Path, module_id: str, lesson: str, article: str) -> None:
    """The copied pages name real modules, lessons and articles: point them at synthetic ones."""
    real_modules = "|".join(p.name for p in (ROOT / "modules").iterdir() if p.is_dir())
    real_articles = "|".join(p.stem for p in (ROOT / "docs" / "blog" / "posts").glob("*.md"))
    replacements = [
        (rf"modules/({real_modules})/index\.md", f"modules/{module_id}/index.md"),
        (rf"modules/({real_modules})/[a-z0-9-]+\.md", f"modules/{module_id}/{lesson}.md"),
        (rf'"({real_modules})/[a-z0-9-]+"', f'"{module_id}/{lesson}"'),  # macro calls: objectives("module/lesson")
        (rf'"({real_modules})"', f'"{module_id}"'),
        (rf"blog/posts/({real_articles})\.md", f"blog/posts/{article}.md"),
    ]
    for page in (dest / "docs").rglob("*.md"):
        if "posts" in page.parts:
            continue
        text = original = page.read_text(encoding="utf-8")
        for pattern, replacement in replacements:
            text = re.sub(pattern, replacement, text)
        if text != original:
            page.write_text(text, encoding="utf-8")


def drop_features(config: Path, features: list[str]) -> None:
    """Take theme features out of a copied mkdocs.yml (to measure a change before making it)."""
    dropped = {f"- {feature}" for feature in features}
    lines = config.read_text(encoding="utf-8").split("\n")
    config.write_text("\n".join(line for line in lines if line.strip() not in dropped), encoding="utf-8")


def make_project(dest: Path, lessons: int, seed: int = 1, without_features: list[str] = ()) -> Project:
    rng = random.Random(seed)
    terms = _glossary_ids()
    today = date.today()
    _copy_site(dest)
    drop_features(dest / "mkdocs.yml", list(without_features))
    module_count = max(1, round(lessons / LESSONS_PER_MODULE))
    all_modules: list[tuple[str, list[Lesson]]] = []
    made = 0
    for order in range(1, module_count + 1):
        size = LESSONS_PER_MODULE if order < module_count else lessons - made
        module_id = f"{_slugify(rng.choice(TITLE_WORDS) + ' ' + rng.choice(TITLE_ENDS))}-{order}"
        title = f"{module_id.rsplit('-', 1)[0].replace('-', ' ').capitalize()} ({order})"
        module_lessons = [
            Lesson(f"{_slugify(t)}-{i}", t)
            for i, t in enumerate((f"{rng.choice(TITLE_WORDS)} {rng.choice(TITLE_ENDS)}" for _ in range(size)), 1)
        ]
        objectives = {f"objective-{k}": _sentence(rng) for k in range(1, 4)}
        folder = dest / "modules" / module_id
        folder.mkdir()
        prerequisite = all_modules[-1][0] if all_modules and order % 4 else None
        (folder / "module.yml").write_text(
            module_yaml(module_id, title, order, objectives, module_lessons, prerequisite, today - timedelta(days=7)), encoding="utf-8"
        )
        for index, lesson in enumerate(module_lessons):
            serves = [f"objective-{index % 3 + 1}"]
            following = module_lessons[index + 1] if index + 1 < len(module_lessons) else None
            text = lesson_markdown(rng, lesson, serves, rng.sample(terms, rng.choice([2, 3])), following)
            (folder / f"{lesson.slug}.md").write_text(text, encoding="utf-8")
        (folder / "capstone.md").write_text(capstone_markdown(rng, module_lessons, list(objectives)), encoding="utf-8")
        all_modules.append((module_id, module_lessons))
        made += size
    article_count = max(1, round(lessons / LESSONS_PER_ARTICLE))
    article_slugs = []
    for number in range(1, article_count + 1):
        title = f"{rng.choice(TITLE_WORDS)} {rng.choice(TITLE_ENDS)}, part {number}"
        supported = rng.sample(all_modules, min(2, len(all_modules)))
        text = article_markdown(rng, title, today - timedelta(days=number * 3), supported, rng.sample(terms, 1))
        article_slugs.append(_slugify(title))
        (dest / "docs" / "blog" / "posts" / f"{article_slugs[-1]}.md").write_text(text, encoding="utf-8")
    first_module, first_lessons = all_modules[0]
    _repoint_links(dest, first_module, first_lessons[0].slug, article_slugs[0])
    _commit(dest)
    edit = all_modules[len(all_modules) // 2]
    return Project(
        root=dest,
        lessons=lessons,
        modules=module_count,
        articles=article_count,
        edit_target=f"modules/{edit[0]}/{edit[1][0].slug}.md",
        edit_url=f"modules/{edit[0]}/{edit[1][0].slug}/",
    )


def _commit(dest: Path) -> None:
    """One commit, so the git-date plugin reads real history as it does in the repository."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Bench",
        "GIT_AUTHOR_EMAIL": "bench@example.org",
        "GIT_COMMITTER_NAME": "Bench",
        "GIT_COMMITTER_EMAIL": "bench@example.org",
    }
    for command in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-q", "-m", "Synthetic curriculum"]):
        subprocess.run(command, cwd=dest, env=env, check=True, capture_output=True)


# -- the same Markdown for plain Material ---------------------------------------------------------


def plain_features(project: Path) -> list[str]:
    """The theme features of `project` without navigation.prune."""
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    return [f for f in config["theme"]["features"] if f != "navigation.prune"]


def markdown_extensions() -> list:
    return yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["markdown_extensions"]


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
    config = {
        "site_name": "Plain Material",
        "docs_dir": "docs",
        "theme": {"name": "material", "font": False, "features": plain_features(ROOT)},
        "nav": [{"Home": "index.md"}, {"Curriculum": nav_modules}],
        "not_in_nav": "/blog/posts/**",
        "plugins": ["search"],
        "markdown_extensions": markdown_extensions(),
    }
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return sum(1 for _ in docs.rglob("*.md"))

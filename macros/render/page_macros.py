"""The macros authors call in Markdown: short functions over the curriculum and the fragments.

Each takes a `PageContext` first (supplied by the adapter, invisible to authors) and returns
HTML.  A wrong value raises MacroError with the fix; a wrong argument is caught before the call
(templating.check_call).  The author guide's macro reference is written from these docstrings.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from macros.curriculum.addresses import GLOSSARY_PAGE
from macros.curriculum.model import Capstone, Curriculum, Lesson, Module
from macros.curriculum.problems import did_you_mean
from macros.curriculum.schema import LEVELS
from macros.render.fragments import Fragments
from macros.render.inline_markdown import to_text
from macros.render.learning_path import BOX_HEIGHT, BOX_WIDTH, layout
from macros.render.templating import MacroError


@dataclass
class PageContext:
    curriculum: Curriculum
    page_path: str  # the current page's source path, relative to the docs root
    url: Callable[[str], str]  # source path -> URL relative to the current page
    fragments: Fragments

    def render(self, name: str, **context) -> Markup:
        return Markup(self.fragments.render(name, self.url, **context))

    def here(self) -> tuple[Module, Lesson | Capstone | None] | None:
        return self.curriculum.find_page(self.page_path)

    def module(self, module_id: str | None) -> Module:
        if module_id is None:
            here = self.here()
            if here is None:
                raise MacroError("this page is not part of a module", "name the module, as in ('questioning-skills')")
            return here[0]
        try:
            return self.curriculum.module(module_id)
        except KeyError:
            ids = [m.id for m in self.curriculum.modules]
            raise MacroError(f"unknown module '{module_id}'", did_you_mean(module_id, ids) or "use one of " + ", ".join(ids)) from None

    def lesson(self, ref: str | None) -> tuple[Module, Lesson]:
        if ref is None:
            here = self.here()
            if here is None or not isinstance(here[1], Lesson):  # a module overview or a capstone is no lesson
                raise MacroError("this page is not a lesson", "name the lesson, as in ('questioning-skills/open-closed-and-probing')")
            return here[0], here[1]
        module_id, _, slug = str(ref).partition("/")
        module = self.module(module_id)
        for lesson in module.lessons:
            if lesson.slug == slug:
                return module, lesson
        refs = [f"{module.id}/{lesson.slug}" for lesson in module.lessons]
        raise MacroError(f"unknown lesson '{ref}'", did_you_mean(ref, refs) or "use one of " + ", ".join(refs))


# Length bands for the catalogue's filter: (value in the URL, label, longest module in minutes).
DURATION_BANDS = (("up-to-2h", "Up to 2 hours", 120), ("2-to-4h", "2 to 4 hours", 240), ("over-4h", "Over 4 hours", None))


def duration_band(total: int) -> str:
    """The length band a module of `total` minutes falls in: 190 -> '2-to-4h'."""
    return next(value for value, _, longest in DURATION_BANDS if longest is None or total <= longest)


def catalogue(ctx: PageContext, level: str | None = None, tag: str | None = None) -> Markup:
    """A card per module (title, summary, audience, level, total time, lesson count, link), in catalogue order.

    `level` or `tag` keep only the modules that match: `catalogue(level="introductory")`.
    The full catalogue (no arguments) also gets filters for learners: level, audience, length and topic.
    """
    modules = [m for m in ctx.curriculum.modules if (level is None or m.level == level) and (tag is None or tag in m.tags)]
    if not modules:
        raise MacroError(f"no module matches level={level!r} tag={tag!r}", "check the value against the modules' metadata")
    filters = None
    if level is None and tag is None and len(modules) > 1:
        bands = {duration_band(m.duration) for m in modules}
        filters = {
            "levels": [(name, name.capitalize()) for name in LEVELS if any(m.level == name for m in modules)],
            "audiences": [(a, a) for a in sorted({a for m in modules for a in m.audience}, key=str.lower)],
            "durations": [(value, label) for value, label, _ in DURATION_BANDS if value in bands],
            "tags": [(t, t[:1].upper() + t[1:]) for t in sorted({t for m in modules for t in m.tags}, key=str.lower)],
        }
    return ctx.render("catalogue.html", modules=modules, filters=filters, duration_band=duration_band)


def module_overview(ctx: PageContext, module: str | None = None) -> Markup:
    """A module's summary, audience, level, total time, objectives, prerequisites, lessons and related articles.

    Without an argument, the module of the current page: `module_overview("questioning-skills")`.
    """
    found = ctx.module(module)
    return ctx.render(
        "module-overview.html",
        module=found,
        intro=Markup(""),
        prerequisites=ctx.curriculum.prerequisites_of(found),
        related=ctx.curriculum.related_articles(found),
    )


def objectives(ctx: PageContext, lesson: str | None = None) -> Markup:
    """A lesson's objectives as a list: `objectives("questioning-skills/things-and-people")`.

    Without an argument, the current lesson's.
    """
    _, found = ctx.lesson(lesson)
    return ctx.render("objectives.html", objectives=found.objectives, heading="Objectives", heading_id=f"objectives-{found.slug}")


def key_takeaways(ctx: PageContext, lesson: str | None = None) -> Markup:
    """A lesson's key takeaways: `key_takeaways("questioning-skills/things-and-people")`."""
    _, found = ctx.lesson(lesson)
    return ctx.render("key-takeaways.html", lesson=found)


def knowledge_check(ctx: PageContext, lesson: str | None = None) -> Markup:
    """A lesson's knowledge check (questions, options, the right answer and why, for each option).

    Every lesson page shows its own check at the end; use this to show one elsewhere, as in a
    review page: `knowledge_check("questioning-skills/open-closed-and-probing")`.
    """
    _, found = ctx.lesson(lesson)
    if not found.knowledge_check:
        raise MacroError(f"lesson '{found.module_id}/{found.slug}' has no knowledge_check", "add questions to its front matter")
    return ctx.render("knowledge-check.html", lesson=found)


def related_articles(ctx: PageContext, module: str | None = None) -> Markup:
    """Published articles that name the module in their `modules:`, newest first: `related_articles("questioning-skills")`."""
    found = ctx.module(module)
    return ctx.render("article-list.html", articles=ctx.curriculum.related_articles(found), heading="Related articles")


def latest_articles(ctx: PageContext, count: int = 3) -> Markup:
    """The newest published articles with their dates and summaries: `latest_articles(3)`."""
    if not isinstance(count, int) or count < 1:
        raise MacroError(f"count must be a whole number above 0, got {count!r}", "write latest_articles(3)")
    return ctx.render("article-list.html", articles=ctx.curriculum.published_articles()[:count], heading="")


def curriculum_stats(ctx: PageContext) -> Markup:
    """The number of modules and lessons, and the total learning time: `curriculum_stats()`."""
    return ctx.render("curriculum-stats.html", curriculum=ctx.curriculum)


def learning_path(ctx: PageContext) -> Markup:
    """The modules and their prerequisites as a drawing, with the same order in words: `learning_path()`."""
    return ctx.render(
        "learning-path.html",
        path=layout(ctx.curriculum),
        box={"width": BOX_WIDTH, "height": BOX_HEIGHT},
        prerequisites=ctx.curriculum.prerequisites_of,
    )


def metadata_reference(ctx: PageContext, kind: str) -> Markup:
    """Every field of one kind of metadata, from the schema the build validates against, so the
    guide cannot drift from it: `metadata_reference("lesson")`.

    Kinds: module, lesson, capstone, article, glossary.
    """
    from macros.curriculum import schema  # the schema is only needed on the guide's page

    if kind not in schema.SCHEMAS:
        kinds = list(schema.SCHEMAS)
        raise MacroError(f"no metadata called '{kind}'", did_you_mean(kind, kinds) or "use one of " + ", ".join(kinds))
    rules: dict[str, Any] = schema.TERM if kind == "glossary" else schema.SCHEMAS[kind]
    return ctx.render("metadata-reference.html", fields=_reference_rows(rules))


def _reference_rows(rules: dict, prefix: str = "") -> list[dict]:
    """A row per field; a field the schema marks NESTED_ROWS is followed by a row per field inside
    it, named by its path (`objectives.<id>.on_the_job`), down to the last level."""
    from macros.curriculum.kinds import kind_of
    from macros.curriculum.schema_check import example_yaml
    from macros.curriculum.schema_fields import NESTED_ROWS, REQUIRED_BY_CHECK

    required = {*rules.get("required", ()), *rules.get(REQUIRED_BY_CHECK, ())}
    rows = []
    for name, rule in rules["properties"].items():
        inner = _inner_fields(rule) if prefix or rule.get(NESTED_ROWS) else None
        rows.append(
            {
                "name": prefix + name,
                "required": name in required,
                "kind": kind_of(rule) or "",
                "description": rule.get("description", ""),
                "example": "" if inner else example_yaml(name, rule),  # the rows below show them
                "nested": bool(prefix),
            }
        )
        if inner:
            block, step = inner
            rows += _reference_rows(block, f"{prefix}{name}{step}.")
    return rows


def _inner_fields(rule: dict) -> tuple[dict, str] | None:
    """The block of fields inside a field, and the step to it: '' (a block), '.<id>' (blocks by id)
    or '[]' (a list of blocks); None when it holds none."""
    for step, inner in (("", rule), (".<id>", rule.get("additionalProperties")), ("[]", rule.get("items"))):
        if isinstance(inner, dict) and isinstance(inner.get("properties"), dict):
            return inner, step
    return None


def term(ctx: PageContext, term_id: str, text: str | None = None) -> Markup:
    """A link to a glossary term, its definition as a tooltip: `term("churn")`.

    The link shows the term as the glossary writes it; give your own words as a second argument
    when the sentence needs another form: `term("open-question", "open questions")`.
    """
    glossary = ctx.curriculum.glossary
    entry = glossary.get(term_id)
    if entry is None:
        hint = did_you_mean(term_id, list(glossary)) or "add it to modules/glossary.yml, or use one of its ids"
        raise MacroError(f"unknown glossary term '{term_id}'", hint)
    if text is not None and (not isinstance(text, str) or not text.strip()):
        raise MacroError(f"the link text must be words in quotes, got {text!r}", f'write term("{term_id}", "your words")')
    href = ctx.url(GLOSSARY_PAGE) + "#" + entry.id
    # The tooltip is the definition as a reader sees it on the glossary page, without its markup.
    definition = to_text(entry.definition)
    return Markup(f'<a class="course-term" href="{escape(href)}" title="{_inert(definition)}">{_inert(text or entry.term)}</a>')


# Every ASCII punctuation character as a numeric character reference (& < > " ' among them).
_REFERENCES = {ord(char): f"&#{ord(char)};" for char in string.punctuation}


def _inert(text: str) -> Markup:
    """Text for HTML that a macro puts back into a page's Markdown: escaped, and with no
    punctuation left for Markdown to act on.

    Python-Markdown runs code spans, links and backslash escapes (and its extensions their own
    syntax) over the text before it sets inline HTML aside, so a backtick in an attribute would
    open a <code> inside it. A browser reads a character reference as the character itself:
    _inert("`x` & [y]") shows as `x` & [y].
    """
    return Markup(str(text).translate(_REFERENCES))


def glossary(ctx: PageContext) -> Markup:
    """Every glossary term from modules/glossary.yml, alphabetically, with its definition: `glossary()`."""
    if not ctx.curriculum.glossary:
        raise MacroError("the glossary is empty", "add terms to modules/glossary.yml")
    terms = sorted(ctx.curriculum.glossary.values(), key=lambda t: t.term.lower())
    return ctx.render("glossary.html", terms=terms, glossary=ctx.curriculum.glossary)


MACROS = {
    func.__name__: func
    for func in (
        catalogue,
        module_overview,
        objectives,
        key_takeaways,
        knowledge_check,
        related_articles,
        latest_articles,
        curriculum_stats,
        learning_path,
        term,
        glossary,
        metadata_reference,
    )
}

"""The curriculum as plain, immutable data: no files, no MkDocs, no Jinja.

`load.py` builds a `Curriculum` from the repository; everything else (the MkDocs plugin, the
macros, the CLI) only reads it.  Addresses are source paths relative to the docs root, e.g.
``modules/questioning-skills/index.md``: each builder turns them into its own URLs.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from macros.curriculum.addresses import CAPSTONE_SLUG, article_page, capstone_page, lesson_page, module_page, scenario_page


class PageKind(StrEnum):
    """What a step of a module is; code tells them apart with isinstance, this names them in data."""

    LESSON = "lesson"
    CAPSTONE = "capstone"


class Located:
    """Mixin for things read from a file: `line("field.0")` finds where a value was written."""

    source: str
    lines: Mapping[str, int]

    def line(self, field_path: str) -> int:
        while field_path:
            if field_path in self.lines:
                return self.lines[field_path]
            field_path = field_path.rpartition(".")[0]
        return 1


@dataclass(frozen=True)
class Objective:
    """What a learner can do after a lesson or module. A module's objectives also say how the
    behaviour shows at work (module.yml's `on_the_job`), and what a manager watches and avoids
    making a target (`measures`): the manager's guide and the action plan are made from them."""

    id: str
    text: str
    on_the_job: tuple[str, ...] = ()  # what a manager would see or hear when the objective is met
    watch: tuple[str, ...] = ()  # leading indicators worth watching
    avoid: tuple[str, ...] = ()  # numbers not to make a target, and why


@dataclass(frozen=True)
class Option:
    answer: str
    correct: bool
    why: str


@dataclass(frozen=True)
class Question:
    question: str
    options: tuple[Option, ...]  # in the order learners see them (option_order.py), once loaded
    assesses: tuple[str, ...] = ()
    shuffle: bool = True  # False: shown in the order written (options with a natural order)


@dataclass(frozen=True)
class Exercise:
    title: str
    assesses: tuple[str, ...] = ()
    minutes: int = 0  # the time the exercise takes in the lesson (0 only where its metadata is broken)


@dataclass(frozen=True)
class Source:
    """A publication a page's claims rest on (front matter `sources:`), shown at the page's end."""

    author: str
    title: str
    year: int
    url: str = ""  # http(s): a link only, never fetched
    publisher: str = ""  # at least one of url and publisher is given


@dataclass(frozen=True)
class Lesson(Located):
    slug: str
    module_id: str
    title: str
    duration: int  # minutes
    objectives: tuple[Objective, ...]
    key_takeaways: tuple[str, ...]
    tags: tuple[str, ...]
    serves: tuple[str, ...] = ()
    exercises: tuple[Exercise, ...] = ()
    knowledge_check: tuple[Question, ...] = ()
    description: str = ""
    materials: tuple[str, ...] = ()  # for the facilitator
    sources: tuple[Source, ...] = ()  # what its claims rest on
    source: str = ""  # the file, relative to the project root
    body_line: int = 1  # the file line where the Markdown body starts
    body: str = field(default="", repr=False, compare=False)  # the Markdown, for checks
    lines: Mapping[str, int] = field(default_factory=dict, repr=False, compare=False)

    kind = PageKind.LESSON

    @property
    def path(self) -> str:
        """Where the page lives, relative to the docs root (addresses.py)."""
        return lesson_page(self.module_id, self.slug)


@dataclass(frozen=True)
class Capstone(Located):
    """The activity that ends a module and ties its lessons together (modules/<slug>/capstone.md)."""

    module_id: str
    title: str
    duration: int  # minutes
    serves: tuple[str, ...]  # ids of module objectives
    objectives: tuple[Objective, ...]  # the module objectives it serves, as text
    draws_on: tuple[str, ...]  # lesson slugs
    description: str = ""
    materials: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    source: str = ""
    body_line: int = 1
    body: str = field(default="", repr=False, compare=False)
    lines: Mapping[str, int] = field(default_factory=dict, repr=False, compare=False)

    kind = PageKind.CAPSTONE
    slug = CAPSTONE_SLUG

    @property
    def path(self) -> str:
        return capstone_page(self.module_id)


@dataclass(frozen=True)
class Workshop:
    """How a module runs face to face (module.yml `workshop:`); the clock itself is schedule.py's."""

    start: str | None = None  # "HH:MM"; None: the site's day start
    new_day_after: tuple[str, ...] = ()  # lesson slugs
    materials: tuple[str, ...] = ()


class Outcome(StrEnum):
    """How a scenario's conversation ended."""

    GOOD = "good"
    RECOVERABLE = "recoverable"
    POOR = "poor"


@dataclass(frozen=True)
class ScenarioChoice:
    say: str  # what the learner says
    reaction: str  # the customer's reaction
    feedback: str  # why it helps or hurts
    next: str  # a node id or an ending id
    shows: tuple[str, ...] = ()  # module objective ids the choice demonstrates
    misses: tuple[str, ...] = ()  # ... and misses


@dataclass(frozen=True)
class ScenarioNode:
    id: str
    customer: str  # the customer's line
    choices: tuple[ScenarioChoice, ...]
    context: str = ""  # tone, what is on the screen


@dataclass(frozen=True)
class ScenarioEnding:
    id: str
    outcome: Outcome
    title: str
    debrief: str


@dataclass(frozen=True)
class ScenarioCustomer:
    name: str
    who: str
    wants: str  # what they ask for first
    not_said_yet: str  # for the role-play card: what they have not said yet


@dataclass(frozen=True)
class ScenarioAgent:
    role: str
    knows: str


@dataclass(frozen=True)
class Scenario(Located):
    """A branching conversation to practise (modules/<module>/scenarios/<id>.yml)."""

    id: str
    module_id: str
    title: str
    summary: str
    practises: tuple[str, ...]  # module objective ids
    customer: ScenarioCustomer
    agent: ScenarioAgent
    start: str
    nodes: tuple[ScenarioNode, ...]
    endings: tuple[ScenarioEnding, ...]
    lesson: str = ""  # the slug of the lesson it goes with, if any
    source: str = ""
    lines: Mapping[str, int] = field(default_factory=dict, repr=False, compare=False)

    @property
    def path(self) -> str:
        return scenario_page(self.module_id, self.id)

    def node(self, node_id: str) -> ScenarioNode | None:
        return next((node for node in self.nodes if node.id == node_id), None)

    def ending(self, ending_id: str) -> ScenarioEnding | None:
        return next((ending for ending in self.endings if ending.id == ending_id), None)

    def step(self, step_id: str) -> ScenarioNode | ScenarioEnding | None:
        """What a choice's `next` leads to."""
        return self.node(step_id) or self.ending(step_id)


@dataclass(frozen=True)
class Module(Located):
    id: str
    title: str
    summary: str
    audience: tuple[str, ...]
    level: str
    order: int
    objectives: tuple[Objective, ...]
    prerequisites: tuple[str, ...]
    tags: tuple[str, ...]
    authors: tuple[str, ...]
    version: str
    reviewed: date
    lessons: tuple[Lesson, ...]
    capstone: Capstone | None = None
    workshop: Workshop = Workshop()
    intro: str = ""  # Markdown from the module's optional index.md
    mastery_score: int | None = None  # the SCORM pass mark out of 100, when module.yml sets one
    scenarios: tuple[Scenario, ...] = ()
    scenarios_in_score: bool = False  # the SCORM score counts each scenario's ending (module.yml)
    source: str = ""
    lines: Mapping[str, int] = field(default_factory=dict, repr=False, compare=False)

    @property
    def path(self) -> str:
        return module_page(self.id)

    @property
    def pages(self) -> tuple[Lesson | Capstone, ...]:
        """The lessons in order, then the capstone: the path a learner walks."""
        return self.lessons + ((self.capstone,) if self.capstone else ())

    @property
    def materials(self) -> tuple[str, ...]:
        """Everything a facilitator prepares: the module's list, then each page's, without repeats."""
        return tuple(dict.fromkeys(self.workshop.materials + tuple(m for page in self.pages for m in page.materials)))

    @property
    def duration(self) -> int:
        """Total minutes: computed from the lessons and the capstone, never written by hand."""
        return sum(page.duration for page in self.pages)

    def position(self, lesson: Lesson) -> int:
        """1-based position of a lesson in the module."""
        return self.lessons.index(lesson) + 1

    def neighbours(self, page: Lesson | Capstone) -> tuple[Lesson | Capstone | None, Lesson | Capstone | None]:
        pages = self.pages
        index = pages.index(page)
        previous = pages[index - 1] if index > 0 else None
        following = pages[index + 1] if index + 1 < len(pages) else None
        return previous, following


@dataclass(frozen=True)
class Author:
    id: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class Article(Located):
    slug: str  # the file name without .md: the article lives at blog/<slug>/
    title: str
    date: date
    authors: tuple[str, ...]
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    description: str
    modules: tuple[str, ...] = ()  # ids of the modules the article supports
    draft: bool = False
    sources: tuple[Source, ...] = ()
    source: str = ""
    lines: Mapping[str, int] = field(default_factory=dict, repr=False, compare=False)

    @property
    def path(self) -> str:
        return article_page(self.slug)


@dataclass(frozen=True)
class Term(Located):
    """A glossary entry (modules/glossary.yml); pages link to it with term("id")."""

    id: str
    term: str
    definition: str
    see_also: tuple[str, ...] = ()
    source: str = ""
    lines: Mapping[str, int] = field(default_factory=dict, repr=False, compare=False)


@dataclass(frozen=True)
class Curriculum:
    modules: tuple[Module, ...]  # in catalogue order
    articles: tuple[Article, ...] = ()  # newest first, drafts included
    authors: dict[str, Author] = field(default_factory=dict)
    glossary: dict[str, Term] = field(default_factory=dict)  # by id, in file order
    _pages: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self):
        # One index of every page, so looking a page up costs the same for 5 lessons or 5,000.
        for module in self.modules:
            self._pages[module.path] = (module, None)
            for page in module.pages:
                self._pages[page.path] = (module, page)
        for article in self.articles:
            self._pages[article.path] = article

    def module(self, module_id: str) -> Module:
        for module in self.modules:
            if module.id == module_id:
                return module
        raise KeyError(module_id)

    def lessons(self) -> Iterator[tuple[Module, Lesson]]:
        for module in self.modules:
            for lesson in module.lessons:
                yield module, lesson

    def find_page(self, path: str) -> tuple[Module, Lesson | Capstone | None] | None:
        """The module (and lesson or capstone) a docs-relative path belongs to, if any."""
        found = self._pages.get(path)
        return found if isinstance(found, tuple) else None

    def find_article(self, path: str) -> Article | None:
        found = self._pages.get(path)
        return found if isinstance(found, Article) else None

    def published_articles(self) -> tuple[Article, ...]:
        return tuple(article for article in self.articles if not article.draft)

    def related_articles(self, module: Module) -> tuple[Article, ...]:
        """Published articles that name the module in their `modules:`, newest first."""
        return tuple(a for a in self.published_articles() if module.id in a.modules)

    def supported_modules(self, article: Article) -> tuple[Module, ...]:
        return tuple(m for m in self.modules if m.id in article.modules)

    def prerequisites_of(self, module: Module) -> tuple[Module, ...]:
        return tuple(self.module(pid) for pid in module.prerequisites)

    @property
    def duration(self) -> int:
        return sum(module.duration for module in self.modules)

    @property
    def lesson_count(self) -> int:
        return sum(len(module.lessons) for module in self.modules)

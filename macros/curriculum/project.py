"""Where a project keeps things, and the defaults: the one place both are written down.

    layout, problems = read_layout(root)   # for `course check`: mkdocs.yml read as plain YAML
    Layout(root, modules_dir=...)          # for the build: the course plugin fills it from MkDocs' config

The build reads mkdocs.yml through MkDocs (site/config.py declares the course plugin's options,
with the defaults below); the command line reads it here, safely, without MkDocs.  Either way the
checks and the loader get a `Layout`, so they see the same folders and settings, and the same
content `Rules` (read by `read_rules` from either).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from macros.curriculum.problems import Problem, did_you_mean, relative
from macros.curriculum.schema import SCHEMAS

CONFIG_FILE = "mkdocs.yml"
MODULE_FILE = "module.yml"
GLOSSARY_FILE = "glossary.yml"
INTRO_FILE = "index.md"  # a module's optional introduction, shown on its overview page
CAPSTONE_FILE = "capstone.md"
# Pages the site generates in every module's folder (render/workshop.py): no lesson may take their names.
GENERATED_PAGES = {"workbook": "learner workbook", "facilitator": "facilitator guide"}

# The course plugin's defaults (site/config.py uses these too).
DOCS_DIR = "docs"
MODULES_DIR = "modules"
BLOG_DIR = "blog"
PDF_DIR = "pdf"
NAV_SECTION = "Curriculum"
REVIEW_AGE = 365  # days after a module's `reviewed` date when `course check` asks for a review

RULED_KINDS = ("lesson", "capstone", "article")  # the pages content rules apply to
SEVERITIES = ("error", "warning")
RULES_FIELD = "plugins.course.rules"
QUOTE_STYLES = ("single", "double", "off")  # rules.style.quotes: the marks speech and quoted words take
TIME_STYLES = ("5 pm", "17:00", "off")  # rules.style.times: how the prose writes a time of day


@dataclass(frozen=True)
class Style:
    """House style the prose is held to (the `style:` block of `rules:`; checks/style.py).
    Off unless a course sets it, and a warning unless it says `severity: error`."""

    quotes: str = "off"  # single: speech in '...'; double: in "..."; off: not checked
    times: str = "off"  # 5 pm: 5 pm, 9.30 am; 17:00: the 24-hour clock; off: not checked
    severity: str = "warning"


@dataclass(frozen=True)
class Rules:
    """Content rules: what this course asks of its pages beyond the schema (the course plugin's
    `rules:` in mkdocs.yml). checks/rules.py holds every page to them.

    The defaults ask for nothing: a course sets its own bar, and a rule it writes is a warning
    unless it says `severity: error`, so a new course is never stopped by a bar it did not set."""

    lesson_words: int = 0  # fewest words in a lesson's text (0: no minimum)
    capstone_words: int = 0
    article_words: int = 0
    required: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (kind, optional fields each page of it must fill in)
    severity: str = "warning"
    style: Style = Style()  # quotes and times in the prose (checks/style.py)
    # What was wrong with the settings, reported with the rules' other problems (checks/rules.py),
    # so `course check` and the build say it the same way.
    problems: tuple[Problem, ...] = field(default=(), compare=False)

    def words(self, kind: str) -> int:
        return int(getattr(self, f"{kind}_words", 0))

    def fields(self, kind: str) -> tuple[str, ...]:
        return next((fields for name, fields in self.required if name == kind), ())


@dataclass(frozen=True)
class Layout:
    """The project's folders and the few settings the checks need."""

    root: Path
    docs_dir: str = DOCS_DIR
    modules_dir: str = MODULES_DIR
    blog_dir: str = BLOG_DIR
    pdf_dir: str = PDF_DIR  # where `make pdf` writes the handouts the site links to
    review_age: int = REVIEW_AGE
    categories: tuple[str, ...] = ()  # the blog's categories_allowed (empty: any)
    future_drafts: bool = False  # the blog's draft_if_future_date
    has_config: bool = False  # mkdocs.yml was found
    rules: Rules = Rules()  # the course plugin's `rules:`

    @property
    def docs(self) -> Path:
        return self.root / self.docs_dir

    @property
    def modules(self) -> Path:
        return self.root / self.modules_dir

    @property
    def posts(self) -> Path:
        return self.docs / self.blog_dir / "posts"

    @property
    def authors_file(self) -> Path:
        return self.docs / self.blog_dir / ".authors.yml"

    def rel(self, path: Path) -> str:
        return relative(path, self.root)

    def module_folders(self) -> list[Path]:
        """Folders that hold a module (as the loader reads them)."""
        if not self.modules.is_dir():
            return []
        return sorted(p for p in self.modules.iterdir() if p.is_dir() and not p.name.startswith((".", "_")) and (p / MODULE_FILE).is_file())


def find_root(start: Path) -> Path | None:
    """The nearest folder, from `start` upward, that holds mkdocs.yml."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
    return None


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml may hold !ENV and !!python/name: tags; their values do not matter here."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def load_config(path: Path) -> tuple[Any, list[Problem]]:
    """mkdocs.yml as plain data (tags read as nothing), or the problem reading it."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader), []
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or "invalid YAML"
        line = mark.line + 1 if mark else 1
        return None, [Problem(path.name, line, "", f"this is not valid YAML ({problem})", "check the indentation and the quotes")]


def plugin_options(config: dict) -> dict[str, dict]:
    """plugins: as {name: options}, from either form MkDocs accepts (a list, or a mapping)."""
    plugins = config.get("plugins") or []
    entries = list(plugins.items()) if isinstance(plugins, dict) else []
    for entry in plugins if isinstance(plugins, list) else []:
        if isinstance(entry, str):
            entries.append((entry, {}))
        elif isinstance(entry, dict):
            entries.extend(entry.items())
    return {name: options if isinstance(options, dict) else {} for name, options in entries if isinstance(name, str)}


def read_layout(root: Path) -> tuple[Layout, list[Problem]]:
    """The layout from root/mkdocs.yml (defaults without one), and any problem reading it."""
    root = Path(root)
    path = root / CONFIG_FILE
    if not path.is_file():
        return Layout(root), []
    config, problems = load_config(path)
    if not isinstance(config, dict):
        return Layout(root, has_config=True), problems
    plugins = plugin_options(config)
    course, blog = plugins.get("course", {}), plugins.get("blog", {})
    review_age = course.get("review_age", REVIEW_AGE)
    if not isinstance(review_age, int) or isinstance(review_age, bool) or review_age < 0:
        field = "plugins.course.review_age"
        problems.append(Problem(CONFIG_FILE, 1, field, f"expected a whole number of days, got {review_age!r}", "write review_age: 365"))
        review_age = REVIEW_AGE
    categories = blog.get("categories_allowed") or ()
    layout = Layout(
        root=root,
        docs_dir=_text(config, "docs_dir", DOCS_DIR),
        modules_dir=_text(course, "modules_dir", MODULES_DIR),
        blog_dir=_text(blog, "blog_dir", BLOG_DIR),
        pdf_dir=_text(course, "pdf_dir", PDF_DIR),
        review_age=review_age,
        categories=tuple(str(c) for c in categories) if isinstance(categories, list) else (),
        future_drafts=blog.get("draft_if_future_date") is True,
        has_config=True,
        rules=read_rules(course.get("rules"), path),
    )
    return layout, problems


def _text(options: dict, key: str, default: str) -> str:
    value = options.get(key, default)
    return value if isinstance(value, str) and value else default


# -- content rules ------------------------------------------------------------------------------


def read_rules(options: Any, config_file: Path | None = None) -> Rules:
    """The course plugin's `rules:` as `Rules`, from mkdocs.yml as plain YAML or as MkDocs read it.

    A setting that is wrong keeps its default and is reported (Rules.problems), at its line in
    `config_file` when it can be found there."""
    if options is None:
        return Rules()
    if not isinstance(options, dict):
        hint = "write rules: followed by settings such as lesson_words: 700, indented under it"
        return Rules(problems=(_rule_problem(config_file, "", f"expected a block of settings, got {_shown(options)}", hint),))
    problems: list[Problem] = []
    word_keys = [f"{kind}_words" for kind in RULED_KINDS]
    known = [*word_keys, "required", "severity", "style"]
    for key in options:
        if key not in known:
            hint = did_you_mean(str(key), known) or "the rules are " + ", ".join(known)
            problems.append(_rule_problem(config_file, str(key), "unknown rule", hint))
    words = {key: _words(options, key, config_file, problems) for key in word_keys}
    required = tuple(_required(options.get("required"), config_file, problems))
    severity = options.get("severity", Rules.severity)
    if severity not in SEVERITIES:
        hint = "write severity: error (the build stops) or severity: warning (course check mentions it)"
        problems.append(_rule_problem(config_file, "severity", f"{_shown(severity)} is not a severity", hint))
        severity = Rules.severity
    style = _style(options.get("style"), config_file, problems)
    return Rules(**words, required=required, severity=severity, style=style, problems=tuple(problems))


def _style(options: Any, config_file: Path | None, problems: list[Problem]) -> Style:
    """`style: {quotes: single, times: 5 pm}`: each setting one of its choices, else its default."""
    if options is None:
        return Style()
    if not isinstance(options, dict):
        hint = "write style: followed by settings such as quotes: single, indented under it"
        problems.append(_rule_problem(config_file, "style", f"expected a block of settings, got {_shown(options)}", hint))
        return Style()
    choices = {"quotes": QUOTE_STYLES, "times": TIME_STYLES, "severity": SEVERITIES}
    for key in options:
        if key not in choices:
            hint = did_you_mean(str(key), choices) or "the style settings are " + ", ".join(choices)
            problems.append(_rule_problem(config_file, f"style.{key}", "unknown style setting", hint))
    settings = {}
    for key, allowed in choices.items():
        value = options.get(key, getattr(Style, key))
        value = "off" if value is False and "off" in allowed else value  # YAML reads a bare off as false
        if value in allowed:
            settings[key] = value
        else:
            shown = [f"'{choice}'" if not choice.isalpha() else choice for choice in allowed]  # 17:00 needs its quotes
            hint = f"write {key}: " + ", ".join(shown[:-1]) + " or " + shown[-1]
            problems.append(_rule_problem(config_file, f"style.{key}", f"{_shown(value)} is not a choice for {key}", hint))
    return Style(**settings)


def _words(options: dict, key: str, config_file: Path | None, problems: list[Problem]) -> int:
    value = options.get(key, 0)
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    hint = f"write {key}: 500, or 0 for no minimum"
    problems.append(_rule_problem(config_file, key, f"expected a whole number of words, got {_shown(value)}", hint))
    return 0


def _required(options: Any, config_file: Path | None, problems: list[Problem]) -> Iterator[tuple[str, tuple[str, ...]]]:
    """`required: {lesson: [materials]}`: each kind, with the fields its schema knows."""
    if options is None:
        return
    if not isinstance(options, dict):
        hint = "write the kind of page, then its fields, as in required: {lesson: [materials]}"
        problems.append(_rule_problem(config_file, "required", f"expected a block of settings, got {_shown(options)}", hint))
        return
    for kind, fields in options.items():
        key = f"required.{kind}"
        if kind not in RULED_KINDS:
            hint = did_you_mean(str(kind), RULED_KINDS) or "use " + ", ".join(RULED_KINDS)
            problems.append(_rule_problem(config_file, key, f"'{kind}' is not a kind of page the rules know", hint))
            continue
        if not isinstance(fields, list) or not all(isinstance(name, str) for name in fields):
            hint = f"write the field names as a list, as in {kind}: [materials]"
            problems.append(_rule_problem(config_file, key, f"expected a list of field names, got {_shown(fields)}", hint))
            continue
        allowed = list(page_fields(kind))
        for name in fields:
            if name not in allowed:
                hint = did_you_mean(name, allowed) or "use one of " + ", ".join(allowed)
                problems.append(_rule_problem(config_file, key, f"'{name}' is not a field of a {kind}", hint))
        yield kind, tuple(name for name in fields if name in allowed)


def page_fields(kind: str) -> dict[str, dict]:
    """The front-matter fields of a kind of page, each with its schema (schema.py)."""
    properties = SCHEMAS[kind].get("properties")
    return properties if isinstance(properties, dict) else {}


def _rule_problem(config_file: Path | None, key: str, message: str, hint: str) -> Problem:
    field_name = f"{RULES_FIELD}.{key}" if key else RULES_FIELD
    return Problem(CONFIG_FILE, _rule_line(config_file, key), field_name, message, hint)


def _rule_line(config_file: Path | None, key: str) -> int:
    """The line of `key` (such as 'required.lesson') under `rules:` in mkdocs.yml; 1 when not found."""
    try:
        lines = config_file.read_text(encoding="utf-8").splitlines() if config_file else []
    except (OSError, UnicodeDecodeError):
        return 1
    found = 0
    for name in ["rules", *filter(None, key.split("."))]:
        pattern = re.compile(rf"\s*-?\s*{re.escape(name)}\s*:")
        after = next((index for index in range(found, len(lines)) if pattern.match(lines[index])), None)
        if after is None:
            break
        found = after + 1  # the next name is looked for below this one
    return found or 1


def _shown(value: Any) -> str:
    """A setting as the message shows it (as schema_check says values)."""
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nothing"
    if isinstance(value, (list, dict)):
        return "a list" if isinstance(value, list) else "a block of settings"
    return str(value)

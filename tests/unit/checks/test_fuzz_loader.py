"""Property-based fuzzing: whatever an author writes, the loader answers with problems, never a crash.

Random YAML structures, random values put into valid metadata, random text (control characters,
unusual Unicode, stray `---` and braces) and random bytes go into one file of the minimal course
(tests/fixtures/minimal) at a time. `load_curriculum` and `course check`'s checks must then either
succeed or raise `CurriculumError`, whose every problem has a file, a line >= 0 and a message;
source.py's parsers may raise only `SourceError`. Bounded (about 200 examples a test) so the file
runs in seconds.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros import checks
from macros.checks.review import review_due
from macros.curriculum.load import load_curriculum
from macros.curriculum.problems import CurriculumError, Problem
from macros.curriculum.project import read_layout
from macros.curriculum.source import SourceError, parse_yaml, split_front_matter
from tests.factory import MINIMAL, Project

# No example database: nothing is written into the repository.
SETTINGS = settings(
    max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)

YAML_FILES = ["modules/map-reading/module.yml", "modules/glossary.yml", "docs/blog/.authors.yml"]
MARKDOWN_FILES = [
    "modules/map-reading/symbols.md",
    "modules/route-planning/legs.md",
    "modules/route-planning/capstone.md",
    "modules/map-reading/index.md",
    "docs/blog/posts/fold-the-map-first.md",
]

# Text that has broken parsers before: delimiters, escapes, paths out, impossible dates, huge ids.
TRICKY = [
    "",
    " ",
    "\t",
    "\x00",
    "\x1b[31m",
    "\ufeff",
    "\u2028",
    "\r\n",
    "---",
    "...",
    "- ",
    ": ",
    "? ",
    "!!python/object:os.system",
    "&a",
    "*a",
    "{{ x }}",
    "{% if %}",
    "{#",
    "}}",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "/etc/passwd",
    "2026-02-30",
    "2026-13-01",
    "9999-12-31",
    "0000-00-00",
    "1.0",
    "0x10",
    "1e400",
    ".nan",
    "~",
    "null",
    "yes",
    "no",
    "map-reading",
    "map-reading\n",
    "MAP-READING",
    "a" * 5000,
    "é" * 300,
    "TODO",
    "[x](y.md)",
    "![](../../x.png)",
    "a" * 300,
]
# Markdown that course check reads closely: links, anchors, images, macro calls, headings.
BODY_TRICKY = [
    "[x](" + "a" * 300 + ".md)",
    "![a map](" + "b/" * 200 + "c.png)",
    "[x](#" + "b" * 300 + ")",
    "[x](symbols.md#nowhere)",
    "[x](../map-reading/contours.md#reading-the-shape)",
    "[x](<a b.md>)",
    "[x](%00.md)",
    "[x](../../../../x.md)",
    "![](x.png)",
    "{{ term(" + "[" * 400 + " }}",
    "{{ " + "-" * 20000 + "1 }}",
    "{{ a" + ".b" * 20000 + " }}",
    "{{ term(churn) }}",
    '{{ term("contour", 3) }}',
    "{{ catalogue(level=1) }}",
    "{{ glossary() }}",
    "{% raw %}",
    "{% endraw %}",
    "{{",
    "}}",
    "{#",
    "## Heading {#id}",
    "## Heading { #id }",
    "Setext\n---",
    "```",
    "`{{ x }}`",
    "<!-- {{ x }} -->",
    '<a id="x">',
    '!!! exercise "',
]


def _texts() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(TRICKY), st.text(max_size=40), st.text(st.characters(codec="utf-8"), max_size=20))


def _scalars() -> st.SearchStrategy:
    return st.one_of(st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70), st.floats(allow_nan=True), _texts())


def _values() -> st.SearchStrategy:
    """Anything YAML can hold: scalars, lists, mappings (keys of several types), nested."""
    keys = st.one_of(_texts(), st.integers(), st.booleans())
    return st.recursive(_scalars(), lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4), max_leaves=12)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return Project.minimal(tmp_path_factory.mktemp("fuzz") / "project", engine=False).root


class _Swap:
    """Put `content` in one file of the project for the length of a `with`, then restore it."""

    def __init__(self, root: Path, path: str, content: str | bytes):
        self.file, self.content = root / path, content

    def __enter__(self):
        self.original = self.file.read_bytes()
        self.file.write_bytes(self.content if isinstance(self.content, bytes) else self.content.encode("utf-8"))

    def __exit__(self, *exc):
        self.file.write_bytes(self.original)


def _front_matter(meta_text: str, body: str = "Some text.\n") -> str:
    return f"---\n{meta_text}---\n\n{body}"


def _dump(value) -> str:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False)


def assert_only_problems(root: Path) -> None:
    """load_curriculum and course check's checks: a result, or well-formed problems, never a crash."""
    try:
        load_curriculum(root)
    except CurriculumError as error:
        assert error.problems
        for problem in error.problems:
            _well_formed(problem)
    report = checks.check_project(_layout(root))
    for problem in report.problems:
        _well_formed(problem)


_LAYOUTS: dict[Path, checks.Layout] = {}


def _layout(root: Path) -> checks.Layout:
    """mkdocs.yml is never fuzzed: read it once."""
    if root not in _LAYOUTS:
        _LAYOUTS[root] = read_layout(root)[0]
    return _LAYOUTS[root]


def _well_formed(problem: Problem) -> None:
    assert isinstance(problem.file, str) and problem.file, problem
    assert not Path(problem.file).is_absolute(), problem  # files are named as authors see them
    assert isinstance(problem.line, int) and problem.line >= 0, problem
    assert isinstance(problem.message, str) and problem.message.strip(), problem
    assert "Traceback" not in str(problem)


def _mutated(data, draw_value, path_choices):
    """A copy of `data` with the value at one random path replaced, removed, or a key added."""
    if not path_choices:
        return draw_value
    step, rest = path_choices[0], path_choices[1:]
    if isinstance(data, dict) and data:
        keys = list(data)
        key = keys[step % len(keys)]
        copy = dict(data)
        if not rest and step % 5 == 4:
            del copy[key]
        elif not rest and step % 7 == 6:
            copy[f"{key}x"] = draw_value  # a typo'd extra field
        else:
            copy[key] = _mutated(data[key], draw_value, rest)
        return copy
    if isinstance(data, list) and data:
        copy = list(data)
        index = step % len(copy)
        copy[index] = _mutated(data[index], draw_value, rest)
        return copy
    return draw_value


def _valid(path: str):
    text = (MINIMAL / path).read_text(encoding="utf-8")
    if path.endswith(".md"):
        if not text.startswith("---\n"):
            return {}, text  # a module introduction: no front matter
        return yaml.safe_load(text.split("---\n")[1]), text.split("---\n", 2)[2]
    return yaml.safe_load(text), ""


# -- the parsers in source.py ---------------------------------------------------------------------


@SETTINGS
@given(text=st.one_of(_texts(), st.text(max_size=200), st.builds(_dump, _values())))
def test_parse_yaml_raises_only_source_errors(text):
    try:
        parse_yaml(text)
    except SourceError as error:
        assert error.line >= 0 and error.message and error.hint


@SETTINGS
@given(
    meta=st.one_of(st.text(max_size=120), st.builds(_dump, _values()), st.sampled_from(TRICKY)),
    body=_texts(),
    opener=st.sampled_from(["---\n", "---\r\n", "\ufeff---\n", "--- \n", ""]),
    closer=st.sampled_from(["---\n", "...\n", "", "----\n"]),
)
def test_front_matter_splits_or_raises_a_source_error(meta, body, opener, closer):
    try:
        source = split_front_matter(f"{opener}{meta}\n{closer}{body}")
    except SourceError as error:
        assert error.line >= 0 and error.message and error.hint
    else:
        assert isinstance(source.meta, dict) and source.body_line >= 1


# -- the loader and course check on a real project ------------------------------------------------


@st.composite
def _metadata_files(draw) -> tuple[str, str]:
    """(file, content): a random YAML structure, or valid metadata with random values put in."""
    path = draw(st.sampled_from(YAML_FILES + MARKDOWN_FILES))
    valid, body = _valid(path)
    if draw(st.booleans()):
        changed = draw(_values())
    else:
        steps = draw(st.lists(st.integers(min_value=0, max_value=50), min_size=1, max_size=4))
        changed = _mutated(valid, draw(_values()), steps)
    return path, _front_matter(_dump(changed), body) if path.endswith(".md") else _dump(changed)


@st.composite
def _text_files(draw) -> tuple[str, str | bytes]:
    """(file, content): random text, random front matter and body, or random bytes."""
    path = draw(st.sampled_from(YAML_FILES + MARKDOWN_FILES))
    lines = st.lists(st.one_of(_texts(), st.sampled_from(TRICKY)), max_size=10).map("\n".join)
    kind = draw(st.sampled_from(["text", "front matter", "bytes", "body"]))
    if kind == "body" and path.endswith(".md"):  # valid metadata, so the page is read and checked
        meta, _ = _valid(path)
        body = draw(st.lists(st.one_of(st.sampled_from(BODY_TRICKY), _texts()), min_size=1, max_size=8).map("\n\n".join))
        return path, _front_matter(_dump(meta), body) if meta else body
    if kind == "text":
        return path, draw(st.one_of(st.text(max_size=300), lines))
    if kind == "front matter":
        return path, _front_matter(draw(st.one_of(st.text(max_size=200), lines)) + "\n", draw(lines))
    return path, draw(st.binary(max_size=200))


@SETTINGS
@given(change=_metadata_files())
def test_random_metadata(project, change):
    with _Swap(project, *change):
        assert_only_problems(project)


@SETTINGS
@given(change=_text_files())
def test_random_text_and_bytes(project, change):
    with _Swap(project, *change):
        assert_only_problems(project)


# -- what fuzzing and reading found, kept as plain examples ---------------------------------------


@pytest.mark.parametrize(
    "path, content",
    [
        ("modules/map-reading/module.yml", "id: map-reading\x00\n"),  # a control character: PyYAML raised ReaderError
        ("modules/map-reading/symbols.md", "[x](" + "a" * 300 + ".md)\n"),  # a name too long: is_file raised OSError
        ("modules/map-reading/symbols.md", "{{ " + "-" * 100_000 + "1 }}\n"),  # ast.parse raised MemoryError
        ("modules/map-reading/symbols.md", "{{ a" + ".b" * 100_000 + " }}\n"),  # ast.parse raised RecursionError
        ("docs/blog/.authors.yml", "authors:\n  rowan-hale:\n    name: R\n    description: D\n    avatar: " + "a" * 300 + ".svg\n"),
    ],
    ids=["control-character", "long-link", "deep-expression", "long-attribute-chain", "long-avatar"],
)
def test_inputs_that_once_crashed(project, path, content):
    with _Swap(project, path, content):
        assert_only_problems(project)


def test_a_review_age_beyond_the_calendar_is_not_a_crash(project):
    assert not review_due(date(2026, 1, 1), 10**9, date(2026, 11, 1))

"""No test writes this repository's brand out. Tests expect the name, colours, addresses and files
that brand.yml gives (tests/brand.py reads them), so a fork that changes only brand.yml passes
every test; a value written into a test fails this one, at its file and line.

The values searched for are brand.yml's own, read as the test runs:
- names and addresses (site_name, tagline, footer, copyright, contact email, site_url, its host,
  repo_url, in any case; short_name as a word of its own, as written): in no test file;
- colours (#rrggbb and rgb()), logo and favicon paths and site_url's path: in no file that builds
  or reads this repository's site (unit tests give the brand checks colours as input).
Left out: tests marked `curriculum`, the files in SKIPPED (each says why), and values a fixture's own
brand shares (the minimal course is published under the same path).
"""

from __future__ import annotations

import ast
import re

from tests.brand import REPOSITORY, Brand
from tests.factory import MINIMAL, ROOT

TESTS = ROOT / "tests"
SKIPPED = {
    TESTS / "brand.py": "a fork's rebrand is written there",
    TESTS / "unit/checks/test_samples.py": "course check names the sample's names wherever a fork keeps them: they are its input",
}
FIXTURE_VALUES = {value.lower() for value in [*Brand.of(MINIMAL).names(), *Brand.of(MINIMAL).looks()]}
READS_THE_REPOSITORY = re.compile(r"\b(?:ROOT|REPOSITORY|built_site|any_site|site_url|copy_of_repo)\b|Project\.repo\(")
CURRICULUM_MARK = re.compile(r"\bmark\.curriculum\b")
SHORTEST = 4  # shorter values are ordinary words and numbers, not a brand


def curriculum_lines(source: str) -> set[int]:
    """The lines of tests marked `curriculum`: every line when the module's pytestmark names it."""
    lines: set[int] = set()
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(isinstance(target, ast.Name) and target.id == "pytestmark" for target in node.targets):
            if CURRICULUM_MARK.search(ast.unparse(node.value)):
                return set(range(1, source.count("\n") + 2))
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)) and any(CURRICULUM_MARK.search(ast.unparse(d)) for d in node.decorator_list):
            lines.update(range(min(d.lineno for d in node.decorator_list), (node.end_lineno or node.lineno) + 1))
    return lines


def values_to_find(source: str) -> dict[str, re.Pattern]:
    """brand.yml's values that this source may not write out, each with the pattern that finds it."""
    values = REPOSITORY.names() + (REPOSITORY.looks() if READS_THE_REPOSITORY.search(source) else [])
    patterns = {value: re.compile(re.escape(value), re.IGNORECASE) for value in values}
    # A short name is often an ordinary word too (an example organisation, part of an address).
    patterns[REPOSITORY.short_name] = re.compile(rf"(?<![\w/.-]){re.escape(REPOSITORY.short_name)}(?![\w/.-])")
    return {value: pattern for value, pattern in patterns.items() if len(value) >= SHORTEST and value.lower() not in FIXTURE_VALUES}


def brand_values_in(relative: str, source: str) -> list[str]:
    """`file:line: 'value'` for each brand value written in `source`, outside curriculum tests."""
    patterns, skipped = values_to_find(source), curriculum_lines(source)
    found = []
    for number, line in enumerate(source.splitlines(), 1):
        if number not in skipped:
            found += [f"{relative}:{number}: {value!r}" for value, pattern in patterns.items() if pattern.search(line)]
    return found


def test_no_test_writes_a_brand_value_out():
    found = []
    for path in sorted(TESTS.rglob("*.py")):
        if path not in SKIPPED and "fixtures" not in path.relative_to(TESTS).parts:
            found += brand_values_in(path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8"))
    assert found == [], (
        "these would fail once an organisation changes brand.yml — expect the value from tests/brand.py instead "
        "(REPOSITORY, Brand.of(project), or any_site.brand):\n" + "\n".join(found)
    )


def test_a_written_out_value_is_found_and_a_curriculum_test_is_left_out():
    colour = REPOSITORY.rgb(REPOSITORY.primary)
    written = f'def test_home(built_site):\n    assert "{REPOSITORY.site_name}" in page\n    assert header == "{colour}"\n'
    marked = "\n\n@pytest.mark.curriculum\n" + written.replace("test_home", "test_this_brands_look")
    found = brand_values_in("tests/build/test_x.py", written + marked)
    assert f"tests/build/test_x.py:2: {REPOSITORY.site_name!r}" in found and f"tests/build/test_x.py:3: {colour!r}" in found
    assert {line.split(":")[1] for line in found} == {"2", "3"}  # nothing in the marked copy


def test_a_colour_is_only_looked_for_where_the_repository_is_read():
    unit_test = f'BRAND = {{"colors": {{"primary": "{REPOSITORY.primary}"}}}}\n'
    assert brand_values_in("tests/unit/curriculum/test_x.py", unit_test) == []
    assert brand_values_in("tests/build/test_x.py", "from tests.factory import ROOT\n" + unit_test) != []

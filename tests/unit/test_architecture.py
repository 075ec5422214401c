"""The layout holds: macros/ is layers that import one way, MkDocs, Jinja and click stay where they
belong, and the tests mirror the code and import no other test module.

Every file is read with `ast`, never imported, so a violation is reported even where importing
would fail. Imports inside functions count (a lazy import is still a dependency).
"""

from __future__ import annotations

import ast
import fnmatch
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.factory import ROOT

MACROS = ROOT / "macros"
TESTS = ROOT / "tests"
# In order: a layer imports only from itself and the layers before it (macros/__init__.py says why).
LAYERS = ["curriculum", "render", "checks", "site", "outputs", "authoring"]
ENTRY = "macros/__init__.py"  # mkdocs-macros loads the package by name: its hooks may import site/
MAX_FILE_LINES = 400
MAX_FUNCTION_LINES = 60


@dataclass(frozen=True)
class Import:
    file: str  # relative to the repository, as an author sees it
    line: int
    statement: str  # as written (normalised by ast.unparse)
    module: str  # the absolute module imported: macros.site.pages, mkdocs.plugins, jinja2
    lazy: bool  # inside a function

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.statement}"


def module_name(relative: str) -> str:
    """macros/render/fragments.py -> macros.render.fragments; a package's __init__.py -> the package."""
    parts = list(Path(relative).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(relative: str, source: str) -> list[Import]:
    """Every import in `source` (the file at `relative`), relative ones resolved to absolute names.

    `from macros import checks` and `from . import x` name modules in their list: each counts."""
    name = module_name(relative)
    package = name if relative.endswith("__init__.py") else name.rpartition(".")[0]
    tree = ast.parse(source, filename=relative)
    lazy_nodes = {
        id(inner) for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) for inner in ast.walk(node)
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)] if node.level - 1 < len(base) else ["<beyond the top package>"]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            is_package = not node.module or target.count(".") == 0 or target == package
            modules = [f"{target}.{alias.name}" for alias in node.names] if is_package else [target]
        else:
            continue
        for module in modules:
            found.append(Import(relative, node.lineno, ast.unparse(node), module, id(node) in lazy_nodes))
    return found


def layer_of(module: str) -> str | None:
    """The layer of a module of ours (macros.render.x -> render; macros -> 'macros'), None for others."""
    parts = module.split(".")
    if parts[0] != "macros":
        return None
    return parts[1] if len(parts) > 1 else "macros"


def layer_of_file(relative: str) -> str:
    parts = Path(relative).parts
    return parts[1] if len(parts) > 2 else "macros"


def python_files(folder: Path) -> list[str]:
    return sorted(p.relative_to(ROOT).as_posix() for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def all_imports(folder: Path) -> list[Import]:
    return [found for relative in python_files(folder) for found in imports_of(relative, (ROOT / relative).read_text(encoding="utf-8"))]


# -- the rules, each a list of violations -----------------------------------------------------------


def layer_violations(found: list[Import]) -> list[str]:
    """(a) each layer imports only from itself and the layers before it; (e) the package's entry
    imports site/ only, and only inside its hooks (so `import macros.curriculum` stays light)."""
    problems = []
    for imported in found:
        target = layer_of(imported.module)
        if target is None:
            continue
        if imported.file == ENTRY:
            if target != "site" or not imported.lazy:
                problems.append(f"{imported} — {ENTRY} may import macros.site only, inside the mkdocs-macros hooks")
            continue
        layer = layer_of_file(imported.file)
        allowed = LAYERS[: LAYERS.index(layer) + 1] if layer in LAYERS else []
        if target not in allowed:
            problems.append(f"{imported} — {layer} may import only from {', '.join(allowed) or 'nothing of ours'}: {target} comes after it")
    return problems


def is_mkdocs(module: str) -> bool:
    top = module.split(".")[0]
    return top in ("mkdocs", "properdocs", "material") or top.startswith("mkdocs_")


def third_party_violations(found: list[Import]) -> list[str]:
    """(b) MkDocs (and properdocs, Material, mkdocs-* plugins) only in site/; (c) no Jinja or
    MarkupSafe in curriculum/; (d) click only in authoring/."""
    problems = []
    for imported in found:
        layer, top = layer_of_file(imported.file), imported.module.split(".")[0]
        if is_mkdocs(imported.module) and layer != "site":
            problems.append(f"{imported} — MkDocs is imported only under macros/site/")
        if top in ("jinja2", "markupsafe") and layer == "curriculum":
            problems.append(f"{imported} — curriculum/ has no Jinja or MarkupSafe: render/ turns the model into markup")
        if top == "click" and layer != "authoring":
            problems.append(f"{imported} — click is imported only under macros/authoring/")
    return problems


def test_every_module_of_macros_is_in_a_layer():
    outside = [relative for relative in python_files(MACROS) if relative != ENTRY and layer_of_file(relative) not in LAYERS]
    assert outside == [], f"not in one of the layers {LAYERS}: {outside}"


def test_layers_import_only_from_themselves_and_the_layers_before_them():
    problems = layer_violations(all_imports(MACROS))
    assert not problems, "imports against the layers:\n" + "\n".join(problems)


def test_mkdocs_jinja_and_click_stay_in_their_layers():
    problems = third_party_violations(all_imports(MACROS))
    assert not problems, "third-party imports out of place:\n" + "\n".join(problems)


ENTRY_ONLY = "macros/__init__.py may import macros.site only, inside the mkdocs-macros hooks"


@pytest.mark.parametrize(
    "relative, source, reason",
    [
        ("macros/render/x.py", "from ..site import pages", "render may import only from curriculum, render: site comes after it"),
        (
            "macros/render/x.py",
            "def f():\n    from macros import checks",
            "render may import only from curriculum, render: checks comes after it",
        ),
        (
            "macros/outputs/scorm/x.py",
            "import macros.authoring.cli",
            "outputs may import only from curriculum, render, checks, site, outputs: authoring comes after it",
        ),
        ("macros/__init__.py", "from macros.curriculum import load", ENTRY_ONLY),
        ("macros/__init__.py", "from macros.site import plugin", ENTRY_ONLY),
        ("macros/checks/x.py", "from mkdocs.plugins import BasePlugin", "MkDocs is imported only under macros/site/"),
        (
            "macros/curriculum/x.py",
            "def f():\n    import markupsafe",
            "curriculum/ has no Jinja or MarkupSafe: render/ turns the model into markup",
        ),
        ("macros/site/x.py", "import click", "click is imported only under macros/authoring/"),
    ],
    ids=[
        "relative-up",
        "lazy-from-macros",
        "absolute-from-subpackage",
        "entry-imports-curriculum",
        "entry-imports-eagerly",
        "mkdocs",
        "markupsafe",
        "click",
    ],
)
def test_the_checks_catch_a_violation(relative, source, reason):
    """Negative controls: a checker that found nothing would pass every test above."""
    found = imports_of(relative, source + "\n")
    line = source.count("\n") + 1
    statement = source.splitlines()[-1].strip()
    assert layer_violations(found) + third_party_violations(found) == [f"{relative}:{line}: {statement} — {reason}"]


def test_allowed_imports_are_not_reported():
    found = imports_of(
        "macros/site/x.py",
        "from . import config\nfrom ..curriculum.load import load_curriculum\nfrom macros import render\nimport mkdocs.plugins\n",
    )
    found += imports_of("macros/__init__.py", "def define_env(env):\n    from macros.site.macros_env import define_env\n")
    found += imports_of("macros/authoring/cli.py", "import click\nimport jinja2\n")
    assert layer_violations(found) + third_party_violations(found) == []


# -- size: modules and functions small enough to read -----------------------------------------------


def test_no_module_is_over_400_lines():
    long = {
        relative: n
        for relative in python_files(MACROS)
        if (n := len((ROOT / relative).read_text(encoding="utf-8").splitlines())) > MAX_FILE_LINES
    }
    assert not long, f"over {MAX_FILE_LINES} lines: {long}"


def test_no_function_is_over_60_lines():
    long = []
    for relative in python_files(MACROS):
        for node in ast.walk(ast.parse((ROOT / relative).read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and (n := node.end_lineno - node.lineno + 1) > MAX_FUNCTION_LINES:
                long.append(f"{relative}:{node.lineno}: {node.name}() is {n} lines")
    assert not long, f"functions over {MAX_FUNCTION_LINES} lines:\n" + "\n".join(long)


# -- the tests ----------------------------------------------------------------------------------------


def is_test_module(module: str) -> bool:
    parts = module.split(".")
    return parts[0] == "tests" and any(part.startswith("test_") or part == "conftest" for part in parts)


def test_no_test_imports_another_test_module():
    """Shared helpers live in support modules (tests/factory.py, tests/html.py, tests/browser/helpers.py)
    or in fixtures: a test module (or conftest.py) imported elsewhere runs its tests twice, or not at all."""
    found = [imported for imported in all_imports(TESTS) if is_test_module(imported.module)]
    assert not found, "imports of test modules (move what they share to a support module):\n" + "\n".join(map(str, found))


def test_a_test_module_import_is_caught():
    found = imports_of(
        "tests/build/test_a.py",
        "from tests.build.test_site import html\nfrom .test_b import x\nfrom . import conftest\n"
        "from tests.conftest import ROOT\nfrom tests.html import html\n",
    )
    assert [imported.line for imported in found if is_test_module(imported.module)] == [1, 2, 3, 4]


def test_unit_tests_mirror_the_layers():
    """tests/unit/<layer>/test_<module>.py for each layer of macros/; only this file sits above them."""
    misplaced = [
        relative
        for relative in python_files(TESTS / "unit")
        if Path(relative).name != "__init__.py" and relative != "tests/unit/test_architecture.py" and Path(relative).parts[2] not in LAYERS
    ]
    assert misplaced == [], f"unit tests go in tests/unit/<layer>/ for one of {LAYERS}: {misplaced}"


def test_unit_tests_import_no_layer_after_their_own():
    """A unit test of render/ needs at most curriculum/ and render/: it tests that layer, not the ones above."""
    problems = []
    for imported in all_imports(TESTS / "unit"):
        folder = Path(imported.file).parts[2]
        target = layer_of(imported.module)
        if folder in LAYERS and target is not None and target not in LAYERS[: LAYERS.index(folder) + 1]:
            problems.append(f"{imported} — a test in tests/unit/{folder}/ imports {target}: move the test to tests/unit/{target}/")
    assert not problems, "\n".join(problems)


def test_every_folder_of_tests_is_a_package_that_pytest_collects():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    skipped = [pattern for pattern in config["norecursedirs"] if "/" not in pattern]
    folders = sorted({(ROOT / relative).parent for relative in python_files(TESTS)} - {TESTS / "bench"})
    not_packages = [folder.relative_to(ROOT).as_posix() for folder in folders if not (folder / "__init__.py").is_file()]
    assert not_packages == [], f"add an __init__.py (the tests import each other's support modules as packages): {not_packages}"
    not_collected = [
        f"{folder.relative_to(ROOT).as_posix()} (norecursedirs: {pattern!r})"
        for folder in folders
        for part in folder.relative_to(TESTS).parts
        for pattern in skipped
        if fnmatch.fnmatch(part, pattern)
    ]
    assert not_collected == [], f"pytest never looks in: {not_collected}"

"""One pipeline, one read: `course check` and the build share check_project, and every file of the
project is read and parsed once however many checks look at it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from macros import checks
from macros.curriculum import source, tree
from macros.curriculum.project import read_layout

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def reads(monkeypatch) -> Counter:
    """Every file read from disk by the loader and the checks, counted by path."""
    counted: Counter = Counter()
    real = source.read_text

    def counting(path: Path) -> str:
        counted[Path(path).resolve()] += 1
        return real(path)

    monkeypatch.setattr(tree, "read_text", counting)
    monkeypatch.setattr(source, "read_text", counting)
    return counted


def test_a_whole_check_reads_each_file_once(reads):
    layout, problems = read_layout(ROOT)
    report = checks.check_project(layout)
    assert not problems and report.errors == 0, report.problems
    read_twice = {str(path): count for path, count in reads.items() if count > 1}
    assert not read_twice
    lessons = [ROOT / page.source for module in report.curriculum.modules for page in module.pages]
    module_files = [ROOT / module.source for module in report.curriculum.modules]
    assert {path.resolve() for path in lessons + module_files} <= set(reads)


def test_the_check_and_the_loader_share_the_tree(reads):
    shared = tree.SourceTree()
    layout, _ = read_layout(ROOT)
    checks.check_project(layout, shared)
    assert shared.files_read == len(reads)
    before = sum(reads.values())
    checks.check_project(layout, shared)  # a second run on the same tree reads nothing again
    assert sum(reads.values()) == before


def test_a_file_that_does_not_parse_fails_the_same_way_each_time(tmp_path):
    broken = tmp_path / "module.yml"
    broken.write_text("title: [not closed\n", encoding="utf-8")
    shared = tree.SourceTree()
    with pytest.raises(source.SourceError) as first:
        shared.yaml(broken)
    broken.write_text("title: fine\n", encoding="utf-8")  # what was read is what every check sees
    with pytest.raises(source.SourceError) as second:
        shared.yaml(broken)
    assert (first.value.line, first.value.message) == (second.value.line, second.value.message)

"""Issue 13's test of a first day: a copy that changes only brand.yml (another name, colours, logo
and favicon, a site_url under another path) publishes a site and LMS packages with no trace of the
organisation it was forked from, and a pale accent is refused with a colour that would do.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
import yaml

from tests.factory import ROOT, Project

NEW_LOGO = "<svg xmlns='http://www.w3.org/2000/svg' width='96' height='96'><rect width='96' height='96' fill='#1f2a44'/></svg>"


def old_brand() -> list[str]:
    """What names or colours the organisation this repository ships as (read from its brand.yml)."""
    data = yaml.safe_load((ROOT / "brand.yml").read_text(encoding="utf-8"))
    brand = data["extra"]["brand"]
    host = re.sub(r"^https?://", "", data["site_url"]).split("/")[0]
    repo = data["repo_url"].rstrip("/").split("/")[-2]
    logo, favicon = (Path(data["theme"][key]).name for key in ("logo", "favicon"))
    return [data["site_name"], brand["short_name"], host, repo, brand["colors"]["primary"], brand["colors"]["accent"], logo, favicon]


def rebranded(root: Path, accent: str) -> Project:
    project = Project.copy_of_repo(root)
    text = project.read("brand.yml")
    data = yaml.safe_load(text)
    for old, new in [
        (data["site_name"], "Northwind Utilities"),
        (data["extra"]["brand"]["short_name"], "Northwind"),
        (data["site_url"], "https://northwind.example.com/learning/"),
        (data["repo_url"], "https://github.com/northwind-utilities/learning"),
        (data["repo_name"], "northwind-utilities/learning"),
        (re.sub(r"^https?://", "", data["site_url"]).split("/")[0], "northwind.example.com"),
        (data["extra"]["brand"]["colors"]["primary"], "#1f2a44"),
        (data["extra"]["brand"]["colors"]["accent"], accent),
        (data["theme"]["logo"], "assets/brand/northwind.svg"),
        (data["theme"]["favicon"], "assets/brand/northwind-icon.svg"),
    ]:
        text = text.replace(old, new)
    project.write("brand.yml", text)
    project.write("docs/assets/brand/northwind.svg", NEW_LOGO)
    project.write("docs/assets/brand/northwind-icon.svg", NEW_LOGO)
    return project


def test_a_pale_accent_is_refused_with_a_colour_that_would_do(tmp_path):
    project = rebranded(tmp_path / "project", "#ffb300")
    result = project.check()
    assert result.returncode == 1, result.stdout
    [problem] = [line for line in result.stdout.splitlines() if "colors.accent" in line]
    assert re.fullmatch(
        r"brand\.yml:\d+: extra\.brand\.colors\.accent: #ffb300 on white is 1\.8:1 for .*; WCAG AA needs 4\.5:1 — "
        r"choose a darker accent, such as #[0-9a-f]{6}",
        problem,
    ), problem


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("northwind")
    project = rebranded(root / "project", "#b3541e")
    checked = project.check()
    assert checked.returncode == 0, checked.stdout
    built = project.build(root / "site")
    assert built.returncode == 0, built.stdout + built.stderr
    exported = project.course("export", "scorm", "--out", str(root / "scorm"), timeout=900)
    assert exported.returncode == 0, exported.stdout + exported.stderr
    return root


def traces(name: str, data: bytes) -> list[str]:
    text = data.decode("utf-8", errors="replace").lower()
    # A file of the old brand, or its words in a file; a file name in prose is only an example.
    words = [word for word in old_brand() if not word.endswith(".svg")]
    return [f"{name}: {word}" for word in words if word.lower() in text] + [
        f"{name}: published" for word in old_brand() if Path(name).name == word
    ]


def test_the_site_carries_no_trace_of_the_old_brand(published):
    site = published / "site"
    files = [p for p in site.rglob("*") if p.is_file()]
    assert len(files) > 100
    found = [hit for p in files for hit in traces(p.relative_to(site).as_posix(), p.read_bytes())]
    assert found == []
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Northwind Utilities" in home and "#1f2a44" in home


def test_no_lms_package_carries_a_trace_of_the_old_brand(published):
    packages = sorted((published / "scorm").glob("*.zip"))
    assert len(packages) == 3
    found = []
    for package in packages:
        with zipfile.ZipFile(package) as archive:
            found += [hit for name in archive.namelist() for hit in traces(f"{package.name}:{name}", archive.read(name))]
    assert found == []

"""`course export scorm`: one SCORM 1.2 package per module, checked as an LMS would unpack it.

The manifest's structure (namespaces, unique identifiers, references, every file listed and
present), its metadata from module.yml, and the content: relative links that all resolve inside
the zip, nothing loaded from elsewhere, the bridge on every page. Browser tests of the package in a
SCORM runtime are in tests/browser/test_scorm.py.
"""

from __future__ import annotations

import json
import posixpath
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from macros.curriculum.load import load_curriculum
from tests.factory import ROOT, Project

CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
MD = "{http://www.imsglobal.org/xsd/imsmd_rootv1p2p1}"
CURRICULUM = load_curriculum(ROOT)
MODULES = [module.id for module in CURRICULUM.modules]
BRAND = yaml.safe_load((ROOT / "brand.yml").read_text(encoding="utf-8"))
OWN_HOSTS = {urlsplit(BRAND["site_url"]).hostname, urlsplit(BRAND["repo_url"]).hostname}


def export(*args: str, root: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "macros.authoring.cli", "--root", str(root), "export", "scorm", *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def packages(tmp_path_factory) -> Path:
    """Every module exported, as `make scorm` does (no module named: all of them)."""
    out = tmp_path_factory.mktemp("scorm")
    result = export("--out", str(out))
    assert result.returncode == 0, f"course export scorm failed:\n{result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.stdout + result.stderr
    return out


def open_package(packages: Path, module_id: str) -> zipfile.ZipFile:
    return zipfile.ZipFile(packages / f"{module_id}-scorm12.zip")


def test_one_package_per_module(packages):
    assert sorted(path.name for path in packages.iterdir()) == sorted(f"{module_id}-scorm12.zip" for module_id in MODULES)
    for module_id in MODULES:
        with open_package(packages, module_id) as archive:
            assert archive.testzip() is None
            assert "imsmanifest.xml" in archive.namelist(), "the manifest must be at the zip's root"


@pytest.mark.parametrize("module_id", MODULES)
def test_the_manifest_is_well_formed_and_lists_every_file(packages, module_id):
    with open_package(packages, module_id) as archive:
        names = set(archive.namelist())
        root = ET.fromstring(archive.read("imsmanifest.xml"))
    assert root.tag == f"{CP}manifest"
    assert root.findtext(f"{CP}metadata/{CP}schema") == "ADL SCORM"
    assert root.findtext(f"{CP}metadata/{CP}schemaversion") == "1.2"

    identifiers = [element.get("identifier") for element in root.iter() if element.get("identifier") is not None]
    assert len(identifiers) == len(set(identifiers)), f"identifiers repeat: {identifiers}"
    assert all(re.fullmatch(r"[A-Za-z_][\w.-]*", identifier) for identifier in identifiers), identifiers  # xs:ID

    organizations = root.find(f"{CP}organizations")
    organization_ids = {element.get("identifier") for element in organizations.findall(f"{CP}organization")}
    assert organizations.get("default") in organization_ids
    resources = {element.get("identifier"): element for element in root.iter(f"{CP}resource")}
    items = list(root.iter(f"{CP}item"))
    assert len(items) == 1 and items[0].get("identifierref") in resources
    sco = resources[items[0].get("identifierref")]
    assert sco.get(f"{ADLCP}scormtype") == "sco" and sco.get("type") == "webcontent"
    assert sco.get("href") == "launch.html" and "launch.html" in names

    listed = [file.get("href") for resource in resources.values() for file in resource.findall(f"{CP}file")]
    assert len(listed) == len(set(listed))
    assert sorted(set(listed) - names) == [], "listed in the manifest but not in the zip"
    assert sorted(names - set(listed) - {"imsmanifest.xml"}) == [], "in the zip but not in the manifest"


@pytest.mark.parametrize("module_id", MODULES)
def test_the_manifest_carries_the_module_metadata(packages, module_id):
    module = CURRICULUM.module(module_id)
    with open_package(packages, module_id) as archive:
        root = ET.fromstring(archive.read("imsmanifest.xml"))
    lom = root.find(f"{CP}metadata/{MD}lom")
    assert root.find(f"{CP}organizations/{CP}organization/{CP}title").text == module.title
    assert root.find(f".//{CP}item/{CP}title").text == module.title
    assert lom.findtext(f"{MD}general/{MD}title/{MD}langstring") == module.title
    assert lom.findtext(f"{MD}general/{MD}description/{MD}langstring") == module.summary
    assert lom.findtext(f"{MD}lifecycle/{MD}version/{MD}langstring") == module.version
    hours, minutes = divmod(module.duration, 60)
    assert lom.findtext(f"{MD}educational/{MD}typicallearningtime/{MD}datetime") == (f"PT{hours}H{minutes}M" if minutes else f"PT{hours}H")
    declared = yaml.safe_load((ROOT / module.source).read_text(encoding="utf-8")).get("mastery_score", 80)
    assert root.find(f".//{CP}item/{ADLCP}masteryscore").text == str(declared)
    assert root.get("version") == module.version


class _Links(HTMLParser):
    """Every URL an HTML page links to or loads: (tag, attribute, url)."""

    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "action", "poster", "data") and value:
                self.found.append((tag, name, value))
            elif name == "srcset" and value:
                self.found.extend((tag, name, part.split()[0]) for part in value.split(",") if part.strip())


def test_links_are_relative_and_resolve_inside_the_package(packages):
    with open_package(packages, MODULES[0]) as archive:
        names = set(archive.namelist())
        pages = {name: archive.read(name).decode("utf-8") for name in names if name.endswith(".html")}
    broken, outward = [], []
    for name, html in pages.items():
        parser = _Links()
        parser.feed(html)
        for tag, attribute, url in parser.found:
            parts = urlsplit(url)
            if parts.scheme in ("mailto", "data") or url.startswith("#"):
                continue
            if parts.scheme or url.startswith("/"):
                # Loading anything from elsewhere, or linking the published site, fails; a link to
                # someone else's page in the text is the author's to make.
                if tag != "a" or parts.hostname in OWN_HOSTS or url.startswith("/"):
                    outward.append(f"{name}: <{tag} {attribute}={url}>")
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), unquote(parts.path))) if parts.path else name
            if target not in names and posixpath.join(target, "index.html") not in names:
                broken.append(f"{name}: <{tag} {attribute}={url}>")
    assert outward == [], "\n".join(outward[:20])
    assert broken == [], "\n".join(broken[:20])


def test_every_page_runs_the_bridge_and_search_finds_html_pages(packages):
    with open_package(packages, MODULES[0]) as archive:
        names = set(archive.namelist())
        pages = [name for name in names if name.endswith(".html") and name != "launch.html"]
        without = [name for name in pages if "scorm-bridge.js" not in archive.read(name).decode("utf-8")]
        index = json.loads(archive.read("search/search_index.json"))
    assert len(pages) > 50
    assert without == []
    assert "assets/javascripts/scorm-bridge.js" in names and "scorm-runtime.js" in names
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert f"modules/{MODULES[0]}/index.html" in locations
    assert sorted(location for location in locations if location and location not in names) == []
    assert not {"sitemap.xml", "robots.txt", "feed_rss_created.xml"} & names


def test_an_unknown_module_is_a_usage_error():
    result = export("questioning-skill", "--out", "/nonexistent/never-written")
    assert result.returncode == 2
    assert "unknown module 'questioning-skill' — did you mean 'questioning-skills'?" in result.stderr
    assert "Traceback" not in result.stderr


def test_mastery_score_comes_from_module_yml_and_a_broken_site_exports_nothing(tmp_path):
    project = Project.copy_of_repo(tmp_path / "project")
    module_yml = project / "modules/questioning-skills/module.yml"
    text = module_yml.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^mastery_score: .*\n", "", text)
    module_yml.write_text(text.replace("\nlessons:", "\nmastery_score: 65\nlessons:", 1), encoding="utf-8")
    result = export("questioning-skills", "--out", "dist", root=project)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(project / "dist/questioning-skills-scorm12.zip") as archive:
        assert b"<adlcp:masteryscore>65</adlcp:masteryscore>" in archive.read("imsmanifest.xml")

    lesson = project / "modules/questioning-skills/things-and-people.md"
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\n[A broken link](no-such-lesson.md)\n", encoding="utf-8")
    (project / "dist/questioning-skills-scorm12.zip").unlink()
    result = export("questioning-skills", "--out", "dist", root=project)
    assert result.returncode == 1
    assert "no-such-lesson.md" in result.stderr, result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("course: the site did not build, so nothing was exported")
    assert "Traceback" not in result.stderr
    assert list((project / "dist").iterdir()) == []

"""`course export scorm`: one SCORM 1.2 package per module, checked as an LMS would unpack it.

The manifest's structure (namespaces, unique identifiers, references, every file listed and
present), its validity against the schemas it names (which the zip carries), its metadata from
module.yml, and the content: the module's own pages and nothing else (no facilitator guide, other
module, article or authors' guide), relative links that all resolve inside the zip, nothing loaded
from elsewhere, the bridge on every page, no source maps. Browser tests of the package in a SCORM
runtime are in tests/browser/test_scorm.py.
"""

from __future__ import annotations

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
from tests.search import indexed_in_zip

XSI = "{http://www.w3.org/2001/XMLSchema-instance}"
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
    # The schemas at the root belong to the manifest, not to the SCO: they are not listed.
    root_schemas = {name for name in names if name.endswith(".xsd") and "/" not in name}
    assert set(schemas(root)) <= root_schemas and not root_schemas & set(listed)
    assert sorted(names - set(listed) - {"imsmanifest.xml", *root_schemas}) == [], "in the zip but not in the manifest"


def schemas(manifest: ET.Element) -> list[str]:
    """The schema files the manifest names in xsi:schemaLocation (namespace, file, namespace, file...)."""
    return (manifest.get(f"{XSI}schemaLocation") or "").split()[1::2]


# Validates each file named on the command line against the schemas its xsi:schemaLocation names,
# read from beside it (javax.xml.validation: Xerces, in every JRE). Two defects of ADL's 2001 files,
# found by today's strict parsers in the schemas themselves and not in any manifest, are let pass:
# ims_xml.xsd binds the XML namespace as its default namespace (Namespaces in XML forbids it since
# 2006; the binding is unused, so it is taken out as the file is read), and imsmd_rootv1p2p1.xsd's
# content models break Unique Particle Attribution (a check of the schema alone: full schema
# checking is off). Every problem is printed; the exit status is 1 when there is any.
VALIDATOR = r"""
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.ls.DOMImplementationLS;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

public class Validate {
    static final String XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";
    static int problems = 0;

    public static void main(String[] args) throws Exception {
        var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setFeature("http://apache.org/xml/features/validation/schema-full-checking", false);
        var validator = factory.newSchema().newValidator();
        var ls = (DOMImplementationLS) DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation();
        validator.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
            if (!XML_NAMESPACE.equals(namespace) || systemId == null) return null;
            try {
                var location = URI.create(baseUri).resolve(systemId);
                var input = ls.createLSInput();
                input.setStringData(Files.readString(Path.of(location)).replace("xmlns=\"" + XML_NAMESPACE + "\"", ""));
                input.setSystemId(location.toString());
                return input;
            } catch (Exception missing) {
                return null;
            }
        });
        validator.setErrorHandler(new ErrorHandler() {
            public void warning(SAXParseException e) { report("warning", e); }
            public void error(SAXParseException e) { report("error", e); }
            public void fatalError(SAXParseException e) { report("fatal", e); }
        });
        for (String path : args) {
            try {
                validator.validate(new StreamSource(new File(path)));
            } catch (SAXParseException stopped) { /* reported */ }
        }
        System.exit(problems == 0 ? 0 : 1);
    }

    static void report(String kind, SAXParseException e) {
        problems++;
        System.out.println(e.getSystemId() + ":" + e.getLineNumber() + ": " + kind + ": " + e.getMessage());
    }
}
"""


def validate(tmp_path: Path, manifests: list[Path]) -> subprocess.CompletedProcess:
    source = tmp_path / "Validate.java"
    source.write_text(VALIDATOR, encoding="utf-8")
    return subprocess.run(["java", str(source), *map(str, manifests)], capture_output=True, text=True, timeout=120)


def test_each_manifest_is_valid_against_the_schemas_it_names(packages, tmp_path):
    manifests = []
    for module_id in MODULES:
        with open_package(packages, module_id) as archive:
            named = schemas(ET.fromstring(archive.read("imsmanifest.xml")))
            assert sorted(named) == ["adlcp_rootv1p2.xsd", "imscp_rootv1p1p2.xsd", "imsmd_rootv1p2p1.xsd"]
            assert {*named, "ims_xml.xsd"} <= set(archive.namelist()), "every schema named (and imported) is in the zip"
            archive.extractall(tmp_path / module_id)
        manifests.append(tmp_path / module_id / "imsmanifest.xml")
    result = validate(tmp_path, manifests)
    assert result.returncode == 0, result.stdout + result.stderr

    # The validator finds a broken manifest (a required element renamed), and one whose schema is missing.
    broken = tmp_path / MODULES[0] / "broken.xml"
    broken.write_text(manifests[0].read_text(encoding="utf-8").replace("resources>", "resourcez>"), encoding="utf-8")
    assert "resourcez" in validate(tmp_path, [broken]).stdout
    (tmp_path / MODULES[1] / "adlcp_rootv1p2.xsd").unlink()
    assert validate(tmp_path, [manifests[1]]).returncode == 1


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
    expected = "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes or not hours else "")  # PT45M, PT2H, PT1H30M
    assert lom.findtext(f"{MD}educational/{MD}typicallearningtime/{MD}datetime") == expected
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


def learner_pages(module_id: str) -> set[str]:
    """The module's own pages, as the package names them: overview, lessons, capstone, workbook,
    action plan, and its practice conversations."""
    module = CURRICULUM.module(module_id)
    names = ["index", *(page.slug for page in module.pages), "workbook", "action-plan", *(f"scenarios/{s.id}" for s in module.scenarios)]
    return {f"modules/{module_id}/{name}.html" for name in names}


@pytest.mark.parametrize("module_id", MODULES)
def test_each_package_holds_its_own_module_and_nothing_else(packages, module_id):
    with open_package(packages, module_id) as archive:
        names = set(archive.namelist())
        pages = {name: archive.read(name).decode("utf-8") for name in names if name.endswith(".html") and name != "launch.html"}
        searched = {page.url for page in indexed_in_zip(archive)}
    linked_glossary = any(re.search(r'<a [^>]*href="(\.\./)*glossary\.html[#"]', html) for html in pages.values())
    assert set(pages) == learner_pages(module_id) | ({"glossary.html"} if linked_glossary else set())
    # Not the facilitator guide, another module, the articles, the authors' guide or the home page.
    assert [name for name in names if name.startswith("modules/") and not name.startswith(f"modules/{module_id}/")] == []
    assert [name for name in names if re.search(r"facilitator|^blog/|^authoring/|^index\.html$|^about|^tags", name)] == []
    assert {name.split("/")[0] for name in names} <= {
        "imsmanifest.xml",
        "launch.html",
        "scorm-runtime.js",
        "assets",
        "modules",
        "pagefind",
        "glossary.html",
    } | {name for name in names if name.endswith(".xsd") and "/" not in name}
    # Search finds the module's pages only (and the glossary when it is there), never the workbook,
    # the action plan nor a practice conversation (generated pages are not searched: site/search_pages.py).
    generated = ("/workbook.html", "/action-plan.html")
    assert searched == {page for page in pages if not page.endswith(generated) and "/scenarios/" not in page}


@pytest.mark.parametrize("module_id", MODULES)
def test_no_page_of_the_package_leads_to_the_facilitator_guide(packages, module_id):
    """The guide holds every answer key: the module page names it (as text) but links nothing to it."""
    with open_package(packages, module_id) as archive:
        pages = {name: archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".html")}
    overview = pages[f"modules/{module_id}/index.html"]
    assert "<li>Facilitator guide: session plan" in overview
    assert [name for name, html in pages.items() if "facilitator.html" in html or "course-facilitator" in html] == []
    assert "Learner workbook</a>" in overview  # the workbook is the module's own: still linked


@pytest.mark.parametrize("module_id", MODULES)
def test_no_source_maps(packages, module_id):
    with open_package(packages, module_id) as archive:
        names = archive.namelist()
        code = {name: archive.read(name) for name in names if name.endswith((".js", ".css"))}
    assert [name for name in names if name.endswith(".map")] == []
    assert [name for name, text in code.items() if b"sourceMappingURL" in text] == []
    assert any(name.startswith("assets/javascripts/bundle.") for name in code), "Material's script is still there"


@pytest.mark.parametrize("module_id", MODULES)
def test_links_are_relative_and_resolve_inside_the_package(packages, module_id):
    with open_package(packages, module_id) as archive:
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
        locations = {page.url for page in indexed_in_zip(archive)}
    assert set(pages) - {"glossary.html"} == learner_pages(MODULES[0])
    assert without == []
    assert "assets/javascripts/scorm-bridge.js" in names and "scorm-runtime.js" in names
    # Results link to the .html files, the module overview to its index.html: no web server needed.
    assert f"modules/{MODULES[0]}/index.html" in locations
    assert sorted(location for location in locations if location not in names) == []
    assert {"pagefind/pagefind.js", "pagefind/pagefind-entry.json"} <= names
    # Neither Material's search (its worker and lunr) nor Pagefind's ready-made interfaces.
    assert [name for name in names if "workers/search" in name or "/lunr/" in name or "pagefind-ui" in name] == []
    assert not {"sitemap.xml", "robots.txt", "feed_rss_created.xml"} & names


SVG = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 8 8'><rect width='8' height='8'/></svg>"


def test_a_package_carries_the_images_and_glossary_its_own_pages_use(tmp_path):
    """Two modules, each with an image of its own; only one links the glossary. Each zip has its
    own image, the glossary only where a page links it, and a link to the other module as text."""
    project = Project.minimal(tmp_path / "project")
    project.write("docs/assets/images/symbols-key.svg", SVG)
    project.write("docs/assets/images/four-legs.svg", SVG)
    project.write("docs/assets/images/unused.svg", SVG)
    project.append("modules/map-reading/symbols.md", "\n![The key of a walking map](../../assets/images/symbols-key.svg)\n")
    project.append("modules/map-reading/symbols.md", "\nA [contour line](../../glossary.md#contour) joins points of equal height.\n")
    project.append("modules/route-planning/legs.md", "\n![A route split into four legs](../../assets/images/four-legs.svg)\n")
    project.replace("modules/route-planning/bearings.md", '{{ term("bearing") }}', "bearing")  # its only glossary link
    result = export("--out", "dist", root=project)
    assert result.returncode == 0, result.stdout + result.stderr

    with zipfile.ZipFile(project / "dist/map-reading-scorm12.zip") as archive:
        reading = set(archive.namelist())
    with zipfile.ZipFile(project / "dist/route-planning-scorm12.zip") as archive:
        planning = set(archive.namelist())
        legs = archive.read("modules/route-planning/legs.html").decode("utf-8")
    assert "assets/images/symbols-key.svg" in reading and "assets/images/four-legs.svg" not in reading
    assert "assets/images/four-legs.svg" in planning and "assets/images/symbols-key.svg" not in planning
    assert not {"assets/images/unused.svg", "assets/authors/rowan-hale.svg"} & (reading | planning)
    assert "glossary.html" in reading and "glossary.html" not in planning
    # legs.md's "Revise [contour lines](../map-reading/contours.md#...)": the words stay, the link goes.
    assert "Revise contour lines first." in legs and "map-reading" not in legs


@pytest.mark.curriculum
def test_an_unknown_module_is_a_usage_error():
    result = export("questioning-skill", "--out", "/nonexistent/never-written")
    assert result.returncode == 2
    assert "unknown module 'questioning-skill' — did you mean 'questioning-skills'?" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.curriculum
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

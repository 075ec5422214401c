"""One SCORM 1.2 package (a zip) per module, each from a build of that module alone.

    dist/scorm/questioning-skills-scorm12.zip
        imsmanifest.xml      the module's metadata and every file (manifest.py)
        *.xsd                the schemas the manifest names (xsd/, ADL's SCORM 1.2 files)
        launch.html          the SCO: the module's pages in a frame (launch.html, runtime.js)
        scorm-runtime.js
        modules/<module>/...   its overview, lessons, capstone, practice conversations, workbook
                             and action plan (site/build.py)
        glossary.html, search/, assets/...   the glossary when its pages link it, search over
                             the module, and only the files those pages load (contents.py)

Only the module: the LMS records nothing in another module, and a learner must not reach the
facilitator guide (it holds the answer keys), the articles or the authors' guide. Links to pages
that are not in the package are taken out, leaving their text.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from pathlib import Path
from string import Template

from markupsafe import escape

from macros.curriculum.addresses import GLOSSARY_PAGE, Generated, action_plan_page, module_page, page_file, pdf_download, workbook_page
from macros.curriculum.model import Module
from macros.outputs.scorm.contents import keep_only
from macros.outputs.scorm.manifest import SCHEMAS, ManifestInfo, manifest_xml, xml_id
from macros.site.build import BuildError, BuiltSite, Part, SiteBuilder
from macros.site.search_index import SearchIndexError

HERE = Path(__file__).parent
BRIDGE = "assets/javascripts/scorm-bridge.js"  # in every page: tells launch.html what is shown
LAUNCH = "launch.html"
RUNTIME = "scorm-runtime.js"
MANIFEST = "imsmanifest.xml"
DEFAULT_MASTERY_SCORE = 80
SUSPEND_DATA_LIMIT = 4096  # characters of cmi.suspend_data in SCORM 1.2
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed: the same content makes the same zip


class PackageError(Exception):
    """Something the author can fix; the message says what (one line)."""


def package_name(module: Module) -> str:
    return f"{module.id}-scorm12.zip"


def export_packages(config_file: Path, modules: list[Module], out: Path) -> list[Path]:
    """Build each module on its own and write its package into `out`; the paths written.

    Nothing is written unless every module built."""
    for module in modules:
        _check_suspend_data_fits(module)
    with tempfile.TemporaryDirectory(prefix="course-scorm-") as temp, SiteBuilder(config_file, {BRIDGE: HERE / "bridge.js"}) as builder:
        made = [_make_package(builder, module, Path(temp) / module.id) for module in modules]
        out.mkdir(parents=True, exist_ok=True)
        return [_put(package, out / package.name) for package in made]


def _put(package: Path, target: Path) -> Path:
    """Copy a finished package to `target`, never leaving a half-copied zip under its name."""
    partial = target.with_name(target.name + ".part")
    shutil.copyfile(package, partial)
    partial.replace(target)
    return target


def module_part(module: Module) -> Part:
    """What a module's package is built from: its overview, lessons, capstone, practice
    conversations, workbook (and its printed workbook, when `make pdf` made one), the learner's
    action plan, and the glossary, kept if its pages link it."""
    pages = [
        module.path,
        *(page.path for page in module.pages),
        *(s.path for s in module.scenarios),
        workbook_page(module.id),
        action_plan_page(module.id),
        GLOSSARY_PAGE,
    ]
    return Part(home=module.path, pages=frozenset(pages), downloads=frozenset([pdf_download(module.id, Generated.WORKBOOK)]))


def _make_package(builder: SiteBuilder, module: Module, work: Path) -> Path:
    part = module_part(module)
    try:
        site = builder.build(work / "site", part)
    except BuildError as error:
        raise PackageError(f"the site did not build, so nothing was exported: {error}") from None
    learner_pages = sorted(part.pages - {GLOSSARY_PAGE})
    try:
        keep_only(
            site.folder, [page_file(page, directory_urls=False) for page in learner_pages], [page_file(GLOSSARY_PAGE, directory_urls=False)]
        )
    except SearchIndexError as error:  # Pagefind missing or failing: said in words, not a traceback
        raise PackageError(f"the package's search could not be made: {error}") from None
    return _write_package(site, module, _mastery_score(module), work / package_name(module))


def _write_package(site: BuiltSite, module: Module, mastery: int | None, target: Path) -> Path:
    content = sorted(path.relative_to(site.folder).as_posix() for path in site.folder.rglob("*") if path.is_file())
    extra = {LAUNCH: _launch_html(site, module, mastery).encode("utf-8"), RUNTIME: (HERE / "runtime.js").read_bytes()}
    info = ManifestInfo(
        identifier=xml_id(_slug(site.site_name), module.id),
        version=module.version,
        title=module.title,
        description=module.summary,
        keywords=module.tags,
        language=site.language,
        minutes=module.duration,
        mastery_score=mastery,
        launch=LAUNCH,
        files=tuple(sorted([*extra, *content])),
    )
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        _add(archive, MANIFEST, manifest_xml(info))
        for name, data in extra.items():
            _add(archive, name, data)
        for schema in SCHEMAS:  # the manifest's, at the root beside it; not files of the SCO
            _add(archive, schema, (HERE / "xsd" / schema).read_bytes())
        for name in content:
            _add(archive, name, (site.folder / name).read_bytes())
    return target


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    entry = zipfile.ZipInfo(name, ZIP_TIME)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.external_attr = 0o644 << 16
    archive.writestr(entry, data)


def runtime_config(module: Module, mastery: int | None) -> dict:
    """What runtime.js needs to know about the module: its pages, questions, practice conversations
    (and whether they count in the score), objectives (the learner rates them) and pass mark."""
    questions = {lesson.slug: len(lesson.knowledge_check) for lesson in module.lessons if lesson.knowledge_check}
    return {
        "module": module.id,
        "start": page_file(module_page(module.id), directory_urls=False),
        "pages": [page.slug for page in module.pages],
        "questions": questions,
        "scenarios": [scenario.id for scenario in module.scenarios],
        "scenarios_in_score": _scenarios_scored(module),
        "objectives": [objective.id for objective in module.objectives],  # rated for confidence
        "mastery": mastery,
    }


def _launch_html(site: BuiltSite, module: Module, mastery: int | None) -> str:
    config = runtime_config(module, mastery)
    template = Template((HERE / "launch.html").read_text(encoding="utf-8"))
    return template.substitute(
        language=escape(site.language),
        title=escape(module.title),
        favicon=escape(site.favicon),
        config=json.dumps(config, ensure_ascii=False).replace("</", "<\\/"),  # safe inside <script>
        start=escape(config["start"]),
    )


def _mastery_score(module: Module) -> int | None:
    """module.yml's mastery_score, else 80; None when nothing is scored."""
    if not any(lesson.knowledge_check for lesson in module.lessons) and not _scenarios_scored(module):
        return None
    return DEFAULT_MASTERY_SCORE if module.mastery_score is None else module.mastery_score


def _scenarios_scored(module: Module) -> bool:
    return module.scenarios_in_score and bool(module.scenarios)


def _check_suspend_data_fits(module: Module) -> None:
    """The longest suspend_data the module can need (everything done, answered and played) fits SCORM 1.2's."""
    longest = json.dumps(
        {
            "v": 1,
            "done": [page.slug for page in module.pages],
            "first": {lesson.slug: "1" * len(lesson.knowledge_check) for lesson in module.lessons if lesson.knowledge_check},
            "ends": {scenario.id: "g" for scenario in module.scenarios},
        },
        separators=(",", ":"),
    )
    if len(longest) > SUSPEND_DATA_LIMIT:
        raise PackageError(
            f"{module.source}: lessons: module '{module.id}' is too large for SCORM 1.2: a learner's progress would take "
            f"{len(longest)} characters, and an LMS keeps {SUSPEND_DATA_LIMIT} — split it into two modules, or shorten its lesson ids"
        )


def _slug(text: str) -> str:
    return "-".join("".join(ch.lower() if ch.isalnum() else " " for ch in text).split()) or "course"

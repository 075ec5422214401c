"""One SCORM 1.2 package (a zip) per module, from one build of the whole site.

    dist/scorm/questioning-skills-scorm12.zip
        imsmanifest.xml      the module's metadata and every file (manifest.py)
        launch.html          the SCO: the module's pages in a frame (launch.html, runtime.js)
        scorm-runtime.js
        index.html, modules/..., search/, assets/...   the site, built for packaging (site/build.py)

The whole site goes in, not just the module: its pages link the glossary, articles, other modules
and search, and a link that leads nowhere inside an LMS is a dead end with no address bar.
"""

from __future__ import annotations

import json
import tempfile
import zipfile
from pathlib import Path
from string import Template

from markupsafe import escape

from macros.curriculum.addresses import module_page, page_file
from macros.curriculum.model import Module
from macros.outputs.scorm.manifest import ManifestInfo, manifest_xml, xml_id
from macros.site.build import BuildError, BuiltSite, build_site

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
    """Build the site once, then write one package per module into `out`; the paths written."""
    for module in modules:
        _check_suspend_data_fits(module)
    with tempfile.TemporaryDirectory(prefix="course-scorm-") as temp:
        try:
            site = build_site(config_file, Path(temp) / "site", {BRIDGE: HERE / "bridge.js"})
        except BuildError as error:
            raise PackageError(f"the site did not build, so nothing was exported: {error}") from None
        out.mkdir(parents=True, exist_ok=True)
        return [_write_package(site, module, _mastery_score(module), out / package_name(module)) for module in modules]


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
    partial = target.with_name(target.name + ".part")  # never a half-written zip under the real name
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        _add(archive, MANIFEST, manifest_xml(info))
        for name, data in extra.items():
            _add(archive, name, data)
        for name in content:
            _add(archive, name, (site.folder / name).read_bytes())
    partial.replace(target)
    return target


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    entry = zipfile.ZipInfo(name, ZIP_TIME)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.external_attr = 0o644 << 16
    archive.writestr(entry, data)


def runtime_config(module: Module, mastery: int | None) -> dict:
    """What runtime.js needs to know about the module: its pages, questions and pass mark."""
    questions = {lesson.slug: len(lesson.knowledge_check) for lesson in module.lessons if lesson.knowledge_check}
    return {
        "module": module.id,
        "start": page_file(module_page(module.id), directory_urls=False),
        "pages": [page.slug for page in module.pages],
        "questions": questions,
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
    if not any(lesson.knowledge_check for lesson in module.lessons):
        return None
    return DEFAULT_MASTERY_SCORE if module.mastery_score is None else module.mastery_score


def _check_suspend_data_fits(module: Module) -> None:
    """The longest suspend_data the module can need (everything done and answered) fits SCORM 1.2's."""
    longest = json.dumps(
        {
            "v": 1,
            "done": [page.slug for page in module.pages],
            "first": {lesson.slug: "1" * len(lesson.knowledge_check) for lesson in module.lessons if lesson.knowledge_check},
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

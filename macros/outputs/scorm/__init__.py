"""SCORM 1.2 packages of the course's modules, for an LMS (`course export scorm`, `make scorm`).

(site/build.py builds one module's pages with real MkDocs for a package: pages as .html files,
no links or requests out, the nav of the module alone, the content bridge script on every page)
manifest.py  imsmanifest.xml from a module's metadata
package.py   one zip per module: its built pages, launch.html, the runtime, the manifest, xsd/
contents.py  what a package keeps: its pages, the files they load, no link to anything else
launch.html  the SCO the LMS launches: it shows the module's pages in a full-size frame
runtime.js   in launch.html: finds the LMS's API, resumes, records location, score and status
bridge.js    in every content page: tells launch.html which page is shown, each answer, and
             each answer shown before a first try
xsd/         the SCORM 1.2 schemas the manifest names (ADL's files, unchanged; README.md there)

written = export_packages(Path("mkdocs.yml"), [curriculum.module("questioning-skills")], Path("dist/scorm"))
"""

from macros.outputs.scorm.package import PackageError, export_packages

__all__ = ["PackageError", "export_packages"]

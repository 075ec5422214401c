"""SCORM 1.2 packages of the course's modules, for an LMS (`course export scorm`, `make scorm`).

(site/build.py builds the whole site with real MkDocs for a package: pages as .html files,
no links or requests out, the content bridge script on every page)
manifest.py  imsmanifest.xml from a module's metadata
package.py   one zip per module: the built site, launch.html, the runtime, the manifest
launch.html  the SCO the LMS launches: it shows the module's pages in a full-size frame
runtime.js   in launch.html: finds the LMS's API, resumes, records location, score and status
bridge.js    in every content page: tells launch.html which page is shown and each answer

written = export_packages(Path("."), ["questioning-skills"], Path("dist/scorm"))
"""

from macros.outputs.scorm.package import PackageError, export_packages

__all__ = ["PackageError", "export_packages"]

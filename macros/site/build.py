"""One module of the site, built by real MkDocs for a package an LMS unzips (outputs/scorm/).

The project's own mkdocs.yml, with what an LMS needs changed, and nothing else:

- `use_directory_urls: false`: pages are `.html` files, so every link works from a zip unpacked
  anywhere, without a web server turning `lesson/` into `lesson/index.html`;
- no `site_url`, `repo_url` or `edit_uri`: no canonical, social or "edit this page" links out;
- no RSS plugin (feeds need the public site_url), the blog and tags plugins switched off (their
  pages are left out), and no instant navigation (it reads the sitemap, which needs site_url; a
  full page load per page also runs the bridge afresh on each page);
- only a part of the site (`Part`): its pages and downloads are built, every other page is left
  out (MkDocs' exclusion, so a link to it is only logged, and the package removes it), the nav is
  the part's own section and the logo leads to its first page;
- strict: a broken link fails the export, as it fails `make site`;
- the package's scripts (the SCORM bridge) on every page, as `extra_javascript`, so the course
  plugin needs no SCORM mode.
"""

from __future__ import annotations

import logging
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.plugins import BasePlugin, PluginCollection, event_priority
from mkdocs.structure.files import Files, InclusionLevel

from macros.curriculum.addresses import DOWNLOADS, page_file

LEFT_OUT_PLUGINS = {"rss"}
SWITCHED_OFF_PLUGINS = {"blog", "material/blog", "tags", "material/tags"}  # kept loaded: the course plugin reads the blog's options
LEFT_OUT_FEATURES = {"navigation.instant"}
NOT_PACKAGED = ("sitemap.xml", "sitemap.xml.gz", "robots.txt", "404.html")  # for web servers and crawlers only


class BuildError(Exception):
    """The site did not build; MkDocs and the course plugin have printed why."""


@dataclass(frozen=True)
class BuiltSite:
    folder: Path
    site_name: str
    language: str
    favicon: str  # path in the site


@dataclass(frozen=True)
class Part:
    """The part of the site a package holds, by address (curriculum/addresses.py)."""

    home: str  # its first page: the nav is the section it opens, and the logo leads to it
    pages: frozenset[str]  # every page built; all others are left out
    downloads: frozenset[str]  # the files under downloads/ it keeps (a module's printed workbook)


class SiteBuilder:
    """Builds of one project, one after another, ready to package: `with SiteBuilder(...) as builder:`.

    As `mkdocs serve` rebuilds: MkDocs keeps one instance of each plugin that has start-up or
    shut-down work (the blog's, the course plugin) across builds, so they start once, before the
    first build, and shut down once, at the end."""

    def __init__(self, config_file: Path, scripts: dict[str, Path]):
        self.config_file = config_file
        self.scripts = scripts  # a path in the site -> the file to put there, loaded by every page
        self._started: PluginCollection | None = None

    def __enter__(self) -> SiteBuilder:
        return self

    def __exit__(self, *exc) -> None:
        if self._started is not None:
            self._started.on_shutdown()

    def build(self, site_dir: Path, part: Part | None = None) -> BuiltSite:
        """Build into `site_dir`: only `part` of the site (None: all of it)."""
        config = _package_config(self.config_file, site_dir, list(self.scripts))
        if part is not None:
            config.plugins["course-part"] = _PartOfSite(part)  # registers its events after the course plugin's
        if self._started is None:
            config.plugins.on_startup(command="build", dirty=False)
            self._started = config.plugins
        with _warnings_to_stderr():
            try:
                build(config)
            except (MkDocsException, SystemExit) as error:  # Abort, PluginError, ConfigurationError
                raise BuildError(str(error) or "the site did not build") from None
        for name in NOT_PACKAGED:
            (site_dir / name).unlink(missing_ok=True)
        for path, source in self.scripts.items():
            (site_dir / path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, site_dir / path)
        favicon = config.theme["favicon"] or "assets/images/favicon.png"
        return BuiltSite(site_dir, config.site_name, config.theme["language"] or "en", favicon)


def _package_config(config_file: Path, site_dir: Path, scripts: list[str]) -> MkDocsConfig:
    """mkdocs.yml as mkdocs.config.load_config reads it, changed before validation (see above)."""
    config = MkDocsConfig(config_file_path=str(config_file))
    with open(config_file, "rb") as file:
        config.load_file(file)  # follows INHERIT: brand.yml
    config.load_dict(
        {"use_directory_urls": False, "site_dir": str(site_dir), "strict": True, "site_url": "", "repo_url": "", "edit_uri": ""}
    )
    plugins = [entry for entry in config["plugins"] or [] if _plugin_name(entry) not in LEFT_OUT_PLUGINS]
    config["plugins"] = [_switched_off(entry) if _plugin_name(entry) in SWITCHED_OFF_PLUGINS else entry for entry in plugins]
    theme = config["theme"]
    if isinstance(theme, dict) and isinstance(theme.get("features"), list):
        theme["features"] = [feature for feature in theme["features"] if feature not in LEFT_OUT_FEATURES]
    config["extra_javascript"] = [*(config["extra_javascript"] or []), *scripts]
    errors, warnings = config.validate()
    problems = [f"mkdocs.yml: {name}: {error}" for name, error in errors + warnings]
    if problems:
        raise BuildError("; ".join(problems))
    return config


def _plugin_name(entry) -> str:
    return next(iter(entry)) if isinstance(entry, dict) else str(entry)


def _switched_off(entry) -> dict:
    """A plugin entry of mkdocs.yml with `enabled: false` (Material's plugins then do nothing)."""
    name = _plugin_name(entry)
    options = entry[name] if isinstance(entry, dict) and isinstance(entry[name], dict) else {}
    return {name: {**options, "enabled": False}}


class _PartOfSite(BasePlugin):
    """Builds only `part`: runs after the course plugin has added the modules (nav, pages, downloads)."""

    def __init__(self, part: Part):
        super().__init__()
        self.part = part

    @event_priority(-100)
    def on_config(self, config):
        config.nav = [_section_opened_by(config.nav or [], self.part.home) or self.part.home]
        config.extra["homepage"] = page_file(self.part.home, directory_urls=False)  # the header's logo link
        return config

    @event_priority(-100)
    def on_files(self, files: Files, *, config) -> Files:
        for file in files:
            if self._left_out(file.src_uri, file.is_documentation_page()):
                file.inclusion = InclusionLevel.EXCLUDED
        return files

    def _left_out(self, address: str, is_page: bool) -> bool:
        if is_page:
            return address not in self.part.pages
        return address.startswith(f"{DOWNLOADS}/") and address not in self.part.downloads


def _section_opened_by(nav: list, home: str) -> dict | None:
    """The nav entry (a section: {title: [home, ...]}) whose first page is `home`, however deep."""
    for entry in nav:
        children = next(iter(entry.values())) if isinstance(entry, dict) and len(entry) == 1 else None
        if isinstance(children, list) and children:
            if children[0] == home:
                return entry
            found = _section_opened_by(children, home)
            if found is not None:
                return found
    return None


class _warnings_to_stderr:
    """Show MkDocs' and the course plugin's warnings and errors (each already says where and why)."""

    def __enter__(self):
        self.handler = logging.StreamHandler(sys.stderr)
        self.handler.setLevel(logging.WARNING)
        self.handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        self.logger = logging.getLogger("mkdocs")
        self.logger.addHandler(self.handler)
        self.propagate, self.logger.propagate = self.logger.propagate, False

    def __exit__(self, *exc):
        self.logger.removeHandler(self.handler)
        self.logger.propagate = self.propagate

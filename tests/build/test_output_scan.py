"""Metadata is text (curriculum/kinds.py): a hostile value in every metadata field of every kind
(module, lesson, capstone, glossary, article, author, page, brand) comes out as text in every
output the site writes — the HTML, the search index, the feeds, the sitemap, the JSON-LD and
the SCORM manifest.

The scan fails on any `<script>` that runs an author's value, any `on…=` attribute carrying one,
and any javascript: URL: none of them was written in a page body here, so none may appear.
"""

from __future__ import annotations

import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import markupsafe
import pytest
import yaml

from tests.factory import Project
from tests.scenario_sample import SAMPLE_PATH, SAMPLE_YAML
from tests.search import indexed

# Text fields: each payload must come out as the characters written.
TEXT = 'Say "no" <script>alert(1)</script><img src=x onerror=alert(2)> javascript:alert(3) & Q&A'
SHORT = '"no" <script>alert(1)</script><i onclick=alert(2)> Q&A'  # for fields of 80 characters or fewer
TINY = "<b onclick=alert(4)>W</b>"  # the brand's short name (30 characters)
# Inline-Markdown fields: HTML is refused there (the corpus), but code, emphasis and links are not.
MARKDOWN = "`<script>alert(1)</script>` & *Q&A* [more](https://example.org/?a=1&b=2)"
URL = "https://example.org/?a=1&b='2'#x"  # quotes and < > are refused in a URL (the corpus); & and ' are not

AVATAR = "assets/authors/rowan&'hale.svg"
LOGO = "assets/brand/logo&'1.svg"
EMAIL = '"<b>x</b>"@example.org'  # what the e-mail pattern lets through

M, R, P = "modules/map-reading", "modules/route-planning", "docs/blog/posts/fold-the-map-first.md"

SOURCE_FIELDS = {"sources[].author", "sources[].title", "sources[].url", "sources[].publisher"}
# Every field of every schema that holds a value, by kind (curriculum/kinds.py): each is given a
# hostile value below, or is a token its pattern keeps to letters, digits and hyphens (ids, dates,
# colours...), or is exempt for the reason given. A new field fails this test until it is here.
HOSTILE_FIELDS = {
    "module": {"title", "summary", "audience[]", "objectives.<id>", "tags[]", "workshop.materials[]"}
    | {"objectives.<id>.text", "objectives.<id>.on_the_job[]", "objectives.<id>.measures.watch[]", "objectives.<id>.measures.avoid[]"},
    "lesson": {"title", "objectives.<id>", "tags[]", "knowledge_check[].question", "knowledge_check[].options[].answer"}
    | {"description", "materials[]", "key_takeaways[]", "knowledge_check[].options[].why"}
    | SOURCE_FIELDS,
    "capstone": {"title", "description", "materials[]"} | SOURCE_FIELDS,
    "article": {"title", "tags[]", "description"} | SOURCE_FIELDS,
    "glossary": {"terms.<id>.term", "terms.<id>.definition"},
    "scenario": {"title", "summary", "customer.name", "customer.who", "customer.wants", "customer.not_said_yet", "agent.role"}
    | {"agent.knows", "nodes.<id>.customer", "nodes.<id>.context", "endings.<id>.title", "endings.<id>.debrief"}
    | {"nodes.<id>.choices[].say", "nodes.<id>.choices[].reaction", "nodes.<id>.choices[].feedback"},
    "authors": {"authors.<id>.name", "authors.<id>.description", "authors.<id>.url", "authors.<id>.avatar"},
    "brand": {"short_name", "tagline", "footer", "contact.email", "contact.url", "social_image"},
    "brand.yml": {"site_name", "site_description", "site_author", "copyright", "repo_name", "repo_url"}
    | {"theme.logo", "theme.favicon", "extra.social[].name", "extra.social[].link"},
}
TOKENS = {
    "module": {"id", "prerequisites[]", "authors[]", "version", "reviewed", "lessons[]", "workshop.start", "workshop.new_day_after[]"},
    "lesson": {"serves[]", "exercises[].assesses[]", "knowledge_check[].assesses[]"},
    "capstone": {"serves[]", "draws_on[]"},
    "article": {"authors[]", "modules[]", "slug"},
    "glossary": {"terms.<id>.see_also[]"},
    "scenario": {"lesson", "start", "practises[]", "nodes.<id>.choices[].next", "nodes.<id>.choices[].shows[]"}
    | {"nodes.<id>.choices[].misses[]"},
    "authors": {"authors.<id>.slug"},
    "brand": {"colors.primary", "colors.accent", "fonts.text", "fonts.code", "allowed_hosts[]"},
    "brand.yml": set(),
}
EXEMPT = {
    ("lesson", "exercises[].title"): "the title of an `!!! exercise` block in the page body, which an author writes as HTML may be",
    ("article", "categories[]"): "one of mkdocs.yml's categories_allowed, which the organisation writes",
    ("brand.yml", "site_url"): "the address the site is published at: every canonical URL is joined to it",
}


def quoted(value: str) -> str:
    return json.dumps(value)  # a YAML double-quoted scalar


def hostile_sources() -> str:
    """A `sources:` field (lessons, capstones, articles): every text field hostile, the year a number."""
    q = quoted(TEXT)
    return f"sources:\n  - {{author: {q}, title: {q}, year: 2003, url: {quoted(URL)}, publisher: {q}}}"


def hostile_project(root: Path) -> Project:
    project = Project.minimal(root)
    q, s = quoted(TEXT), quoted(SHORT)
    edits = {
        f"{M}/module.yml": [
            ("title: Map reading", f"title: {s}"),
            ("summary: Read the symbols and the shape of the ground on a paper map.", f"summary: {q}"),
            ("audience: [New walkers]", f"audience: [{q}]"),
            ("tags: [maps]", f"tags: [{s}]"),
            # A module objective is a block (objectives.<id>, written as text alone, fails `course check`).
            ("text: Name the common symbols on a walking map.", f"text: {q}"),
            ('"Names the symbols along the day\'s route without opening the key."', q),
            (
                '"Points out a stile or a footbridge on the map before the group reaches it."]',
                f"{s}], measures: {{watch: [{q}], avoid: [{s}]}}",
            ),
        ],
        f"{M}/symbols.md": [
            ("title: Map symbols", f"title: {s}\ndescription: {q}\nmaterials: [{q}]\n{hostile_sources()}"),
            ("name-symbols: Name five symbols from the key.", f"name-symbols: {q}"),
            ("  - The key explains every symbol on the sheet.", f"  - {quoted(MARKDOWN)}"),
            ("tags: [maps]", f"tags: [{s}]"),
            ("question: Where do you look up a symbol you do not know?", f"question: {q}"),
            ("answer: On the compass", f"answer: {q}"),
            ("why: A compass shows direction, not symbols.", f"why: {quoted(MARKDOWN)}"),
        ],
        f"{R}/capstone.md": [('title: "Capstone: plan a short walk"', f"title: {s}\ndescription: {q}\n{hostile_sources()}")],
        "modules/glossary.yml": [
            ("term: contour line", f"term: {s}"),
            ("definition: A line joining points of equal height above sea level.", f"definition: {quoted(MARKDOWN)}"),
        ],
        P: [
            ("# Fold the map first\n", ""),
            ("date: 2026-03-02", f"date: 2026-03-02\ntitle: {s}"),
            ("tags: [maps]", f"tags: [{s}, Q&A]"),
            ("description: Why we teach folding the map before anything else.", f"description: {q}\n{hostile_sources()}"),
        ],
        "docs/blog/.authors.yml": [
            ("name: Rowan Hale", f"name: {s}"),
            ("description: Hill-walking instructor", f"description: {q}\n    url: {quoted(URL)}"),
        ],
        "brand.yml": [
            ("site_name: Waymark Outdoor School", f"site_name: {s}"),
            ("site_description: Two short modules on finding your way with a paper map.", f"site_description: {q}"),
            ("site_author: Waymark Outdoor School", f"site_author: {q}"),
            ("copyright: © 2026 Waymark Outdoor School", f"copyright: {q}"),
            ("short_name: Waymark", f"short_name: {quoted(TINY)}"),
            ("tagline: Map skills for people who walk in the hills.", f"tagline: {q}"),
            ("footer: Waymark Outdoor School is a made-up school for tests.", f"footer: {q}"),
            ("extra:\n", f"extra:\n  social:\n    - icon: fontawesome/solid/envelope\n      link: {quoted(URL)}\n      name: {q}\n"),
        ],
    }
    for path, changes in edits.items():
        for old, new in changes:
            project.replace(path, old, new)
    # Fields the minimal course leaves out, and files whose paths carry ' and & (URL fields).
    picture = project.read("docs/assets/authors/rowan-hale.svg")
    for path in (AVATAR, LOGO):
        project.write(f"docs/{path}", picture)
    project.append(f"{M}/module.yml", f"workshop:\n  materials: [{q}]\n")
    project.replace(f"{R}/capstone.md", f"description: {q}", f"description: {q}\nmaterials: [{q}]")
    project.replace("docs/blog/.authors.yml", "avatar: assets/authors/rowan-hale.svg", f"avatar: {quoted(AVATAR)}")
    project.append(
        "brand.yml",
        f"repo_url: {quoted(URL)}\nrepo_name: {q}\ntheme:\n  logo: {quoted(LOGO)}\n  favicon: {quoted(LOGO)}\n",
    )
    project.replace(
        "brand.yml",
        "    footer: ",
        f"    social_image: {quoted(LOGO)}\n    contact:\n      email: {quoted(EMAIL)}\n      url: {quoted(URL)}\n    footer: ",
    )
    project.write(SAMPLE_PATH, hostile_scenario())
    page = project.read("docs/curriculum/index.md")
    project.write("docs/curriculum/index.md", f"---\ntitle: {s}\ndescription: {q}\n---\n\n{page.split('---', 2)[-1]}")
    return project


def hostile_scenario() -> str:
    """The sample practice conversation with a hostile value in every text field (each choice's
    own: two choices of one moment may not say the same)."""
    data = yaml.safe_load(SAMPLE_YAML)
    data["title"] = SHORT
    data["customer"].update(dict.fromkeys(("who", "wants", "not_said_yet"), TEXT), name=SHORT)
    data["agent"].update(role=SHORT, knows=TEXT)
    data["summary"] = TEXT
    for node in data["nodes"].values():
        node.update(customer=TEXT, context=TEXT)
        for number, choice in enumerate(node["choices"], start=1):
            choice.update(say=f"{TEXT} {number}", reaction=TEXT, feedback=TEXT)
    for ending in data["endings"].values():
        ending.update(title=SHORT, debrief=TEXT)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


class Scanner(HTMLParser):
    """What would run in a browser: scripts, event-handler attributes and javascript: URLs."""

    def __init__(self, where: str):
        super().__init__(convert_charrefs=True)
        self.where, self.found = where, []
        self._script: str | None = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and "alert(" in value:
                self.found.append(f"{self.where}: <{tag} {name}={value!r}>")
            if name in ("href", "src", "action", "formaction", "data", "xlink:href") and "javascript:" in value.replace(" ", "").lower():
                self.found.append(f"{self.where}: <{tag} {name}={value!r}>")
        if tag == "script":
            self._script = dict(attrs).get("type") or "text/javascript"

    def handle_data(self, data):
        if self._script and "alert(" in data:
            if self._script == "application/ld+json":
                json.loads(data)  # text inside a JSON string: harmless as long as it parses
            else:
                self.found.append(f"{self.where}: <script> runs {data[:80]!r}")

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None


def scan_html(text: str, where: str) -> list[str]:
    scanner = Scanner(where)
    scanner.feed(text)
    scanner.close()
    return scanner.found


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    project = hostile_project(root / "project")
    checked = project.check()
    assert checked.returncode == 0, checked.stdout + checked.stderr
    site = root / "site"
    result = project.build(site)
    assert result.returncode == 0, result.stdout + result.stderr
    scorm = project.course("export", "scorm", "--out", str(root / "scorm"))
    assert scorm.returncode == 0, scorm.stdout + scorm.stderr
    return site, root / "scorm"


def test_no_html_page_runs_a_value(built):
    site, _ = built
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 15
    found = [hit for page in pages for hit in scan_html(page.read_text(encoding="utf-8"), page.relative_to(site).as_posix())]
    assert found == []


def test_the_search_index_holds_values_as_text(built):
    site, _ = built
    pages = indexed(site)
    values = [
        (page.url, value)
        for page in pages
        for value in (page.title, *page.meta.values(), *(value for listed in page.filters.values() for value in listed))
    ]
    # search.js shows titles, kinds and modules as text (and Pagefind escapes excerpts): a value
    # escaped in the index would show its entities to the learner.
    assert [(url, value) for url, value in values if re.search(r"&(lt|gt|amp|quot|#\d+);", value)] == []
    assert any("<script>alert(1)</script>" in value for _, value in values)


def test_every_feed_and_the_sitemap_are_valid_xml_and_hold_values_as_text(built):
    site, _ = built
    documents = [site / "sitemap.xml", site / "feed_rss_created.xml", site / "feed_rss_updated.xml"]
    found = []
    for document in documents:
        tree = ElementTree.parse(document)  # raises on invalid XML (a raw Q&A tag did)
        # RSS 2.0: a <description> is HTML, which feed readers render; the other elements are text.
        found += [hit for element in tree.iter("description") for hit in scan_html(element.text or "", document.name)]
    assert found == []
    feed = ElementTree.parse(site / "feed_rss_created.xml")
    assert {"Q&A", SHORT} <= {c.text for c in feed.iter("category")}
    assert SHORT in [t.text for t in feed.iter("title")]  # the article's title, as written


def test_the_scorm_manifest_is_valid_xml_and_holds_values_as_text(built):
    _, scorm = built
    [package] = [p for p in scorm.glob("*.zip") if p.name.startswith("map-reading")]
    with zipfile.ZipFile(package) as archive:
        manifest = ElementTree.fromstring(archive.read("imsmanifest.xml"))
        pages = [name for name in archive.namelist() if name.endswith(".html")]
        found = [hit for name in pages for hit in scan_html(archive.read(name).decode("utf-8"), f"scorm:{name}")]
    titles = [element.text for element in manifest.iter() if element.tag.endswith("title")]
    assert SHORT in titles
    assert found == []


def test_values_read_as_written(built):
    """Escaped once: a learner reads the characters the author typed, not &amp;lt;."""
    site, _ = built
    lesson = (site / "modules/map-reading/symbols/index.html").read_text(encoding="utf-8")
    assert "&amp;lt;" not in lesson and "&amp;amp;" not in lesson
    assert "<code>&lt;script&gt;alert(1)&lt;/script&gt;</code> &amp; <em>Q&amp;A</em>" in lesson  # the takeaway, rendered once
    assert 'href="https://example.org/?a=1&amp;b=2"' in lesson
    # A source, at the end of the lesson and of the article: every field as typed.
    text = str(markupsafe.escape(TEXT))
    source = f'<li>{text} (2003). <a href="{markupsafe.escape(URL)}"><cite>{text}</cite></a>. {text}.</li>'
    assert source in lesson
    assert source in (site / "blog/fold-the-map-first/index.html").read_text(encoding="utf-8")
    # A behaviour at work, in the manager's checklist and the facilitator guide (written from module.yml).
    behaviour = str(markupsafe.escape(TEXT))
    manager = (site / "modules/map-reading/manager/index.html").read_text(encoding="utf-8")
    assert f'<th scope="row">{behaviour}</th>' in manager and "&amp;lt;" not in manager
    assert f"<li>{behaviour}</li>" in (site / "modules/map-reading/facilitator/index.html").read_text(encoding="utf-8")


def test_every_field_of_every_schema_gets_a_hostile_value():
    from macros.curriculum.brand import FILE_SCHEMA
    from macros.curriculum.brand import SCHEMA as BRAND
    from macros.curriculum.kinds import Kind, fields_of_kind
    from macros.curriculum.schema import AUTHORS, SCHEMAS

    schemas = {**SCHEMAS, "authors": AUTHORS, "brand": BRAND, "brand.yml": FILE_SCHEMA}
    for name, schema in schemas.items():
        fields = {field for kind in Kind for field in fields_of_kind(schema, kind)}
        exempt = {field for (where, field) in EXEMPT if where == name}
        assert fields == HOSTILE_FIELDS[name] | TOKENS[name] | exempt, name

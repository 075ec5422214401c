"""Off-site resources (checks/offsite.py): a file from another site fails the check at its line,
unless its host is on the brand's allow-list; links, data: URIs, relative files and code samples pass.

Most tests run the check in-process on the minimal course (fast); one builds the real site and
reads the HTML, to show that what passes the check reaches the page as written.
"""

from __future__ import annotations

import pytest

from macros import checks
from macros.checks.offsite import css_urls, offsite_host, srcset_urls
from macros.curriculum.project import read_layout
from tests.factory import Project
from tests.html import html

LESSON = "modules/map-reading/symbols.md"
BODY = "Every walking map has a key. Learn a few symbols and the sheet starts to read like a page."
BODY_LINE = 24
FOOTER = "    footer: Waymark Outdoor School is a made-up school for tests.\n"


def problems(project: Project) -> list[str]:
    layout, _ = read_layout(project.root)
    return [str(problem) for problem in checks.check_project(layout).problems]


def with_body(project: Project, markdown: str) -> Project:
    """The lesson's body replaced by `markdown`, which starts on line 24."""
    project.replace(LESSON, BODY, markdown)
    return project


def allow(project: Project, *hosts: str) -> Project:
    project.replace("brand.yml", FOOTER, FOOTER + "    allowed_hosts:\n" + "".join(f"      - {h}\n" for h in hosts))
    return project


@pytest.fixture
def project(tmp_path) -> Project:
    return Project.minimal(tmp_path / "project", engine=False)


def fix(host: str, way_in: str = "put the file in the repository and link it relatively") -> str:
    return f" — {way_in}, or add {host} to extra.brand.allowed_hosts in brand.yml"


# -- what counts as a resource ----------------------------------------------------------------------

RESOURCES = [
    ("![Key](https://t.example.com/p.png)", 0, "image", "https://t.example.com/p.png"),
    ('![Key](<https://t.example.com/a b.png> "The key")', 0, "image", "https://t.example.com/a b.png"),
    ("![Key][key]\n\n[key]: https://t.example.com/r.png", 0, "image", "https://t.example.com/r.png"),
    ("![key]\n\n[key]: https://t.example.com/s.png", 0, "image", "https://t.example.com/s.png"),
    ("[![Key](https://t.example.com/in-link.png)](https://example.org)", 0, "image", "https://t.example.com/in-link.png"),
    ('<img alt="Key" src="//t.example.com/p.png">', 0, "image", "//t.example.com/p.png"),
    ('<img alt="Key" src="key.png" srcset="key.png 1x, https://t.example.com/2x.png 2x">', 0, "image", "https://t.example.com/2x.png"),
    (
        '<picture>\n<source srcset="https://t.example.com/k.webp">\n<img alt="" src="k.png">\n</picture>',
        1,
        "source",
        "https://t.example.com/k.webp",
    ),
    ('<video controls poster="https://t.example.com/p.jpg"></video>', 0, "video", "https://t.example.com/p.jpg"),
    ('<audio controls src="https://t.example.com/a.mp3"></audio>', 0, "audio", "https://t.example.com/a.mp3"),
    ('<video controls>\n  <track kind="captions" src="https://t.example.com/c.vtt">\n</video>', 1, "track", "https://t.example.com/c.vtt"),
    ('<iframe title="Walk" src="https://t.example.com/embed"></iframe>', 0, "iframe", "https://t.example.com/embed"),
    ('<embed src="https://t.example.com/e.svg">', 0, "embed", "https://t.example.com/e.svg"),
    ('<object data="https://t.example.com/o.pdf"></object>', 0, "object", "https://t.example.com/o.pdf"),
    ('<script src="https://t.example.com/s.js"></script>', 0, "script", "https://t.example.com/s.js"),
    ('<link rel="preload stylesheet" href="https://t.example.com/s.css">', 0, "preload", "https://t.example.com/s.css"),
    ("<div style=\"background: url('https://t.example.com/bg.png')\">A key</div>", 0, "style", "https://t.example.com/bg.png"),
    ('<style>\n.key { color: red; }\n@import "https://t.example.com/i.css";\n</style>', 2, "style", "https://t.example.com/i.css"),
    ('<img alt="Key" src="&#104;ttps://t.example.com/entity.png">', 0, "image", "https://t.example.com/entity.png"),
    ("!!! note\n    ![Key](https://t.example.com/admonition.png)", 1, "image", "https://t.example.com/admonition.png"),
    ("- A list\n\n    ![Key](https://t.example.com/item.png)", 2, "image", "https://t.example.com/item.png"),
    # Python-Markdown keeps a raw HTML block whole, indented lines included: no code there.
    ('<div>\n\n    <img alt="Key" src="https://t.example.com/in-html.png">\n</div>', 2, "image", "https://t.example.com/in-html.png"),
]


@pytest.mark.parametrize(
    ("markdown", "offset", "field", "url"),
    RESOURCES,
    ids=[resource[3].rsplit("/", 1)[1] for resource in RESOURCES],
)
def test_a_file_from_another_site_is_a_problem_at_its_line(project, markdown, offset, field, url):
    found = problems(with_body(project, markdown))
    message = f"'{url}' is on another site: every learner's browser would request it from t.example.com"
    assert found == [f"{LESSON}:{BODY_LINE + offset}: {field}: {message}{fix('t.example.com')}"]


def test_the_settings_and_the_avatars_are_checked_at_their_lines(project):
    project.replace("docs/blog/.authors.yml", "avatar: assets/authors/rowan-hale.svg", "avatar: https://t.example.com/rowan.png")
    project.replace(
        "mkdocs.yml",
        "theme:\n",
        "extra_javascript:\n  - path: https://t.example.com/module.js\n    type: module\ntheme:\n  favicon: //t.example.com/f.ico\n",
    )
    mkdocs = project.read("mkdocs.yml").splitlines()
    script_line, favicon_line = (
        mkdocs.index("  - path: https://t.example.com/module.js") + 1,
        mkdocs.index("  favicon: //t.example.com/f.ico") + 1,
    )
    way_in = "put the file in docs/ and write its path from there"
    message = "is on another site: every learner's browser would request it from t.example.com"
    assert problems(project) == [
        f"docs/blog/.authors.yml:5: authors.rowan-hale.avatar: 'https://t.example.com/rowan.png' {message}{fix('t.example.com', way_in)}",
        f"mkdocs.yml:{script_line}: extra_javascript: 'https://t.example.com/module.js' {message}{fix('t.example.com', way_in)}",
        f"mkdocs.yml:{favicon_line}: theme.favicon: '//t.example.com/f.ico' {message}{fix('t.example.com', way_in)}",
    ]


# -- what passes ----------------------------------------------------------------------------------------

PASSING = {
    "links": '[OS maps](https://www.example.org/maps) and <a href="https://www.example.org/">the shop</a>, <https://example.org>',
    "link tags that fetch nothing": '<link rel="canonical" href="https://www.example.org/maps">',
    "data URIs": '![Dot](data:image/png;base64,iVBORw0KGgo=) <img alt="Dot" src="data:image/svg+xml,%3Csvg%3E">',
    "relative files": '![Rowan](../../assets/authors/rowan-hale.svg) <img alt="Rowan" src="/assets/authors/rowan-hale.svg">',
    "fenced code": '```html\n<script src="https://t.example.com/s.js"></script>\n![Key](https://t.example.com/p.png)\n```',
    "inline code": 'Write `![Key](https://t.example.com/p.png)` or `<iframe src="https://t.example.com/">`.',
    "indented code": 'Like this:\n\n    <img src="https://t.example.com/p.png">\n\n        ![Key](https://t.example.com/p.png)',
    "code in an admonition": '!!! note\n    Like this:\n\n        <img src="https://t.example.com/p.png">',
    "HTML comments": '<!-- <img src="https://t.example.com/p.png"> -->',
    "escaped images": r"\![Key](https://t.example.com/p.png) is a link",
    "references used by links": "[the key][key]\n\n[key]: https://t.example.com/p.png",
}


@pytest.mark.parametrize("markdown", PASSING.values(), ids=PASSING.keys())
def test_links_data_uris_relative_files_and_code_pass(project, markdown):
    assert problems(with_body(project, markdown)) == []


def test_a_host_on_the_allow_list_passes_and_matches_exactly(project):
    with_body(
        project, '<iframe title="Walk" src="https://videos.example.org/e/1"></iframe>\n\n![Key](https://www.videos.example.org/k.png)'
    )
    allow(project, "Videos.Example.org")
    message = "is on another site: every learner's browser would request it from www.videos.example.org"
    assert problems(project) == [f"{LESSON}:26: image: 'https://www.videos.example.org/k.png' {message}{fix('www.videos.example.org')}"]


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (
            "https://videos.example.org/embed",
            "'https://videos.example.org/embed' is an address, not a host name — write the host alone: videos.example.org",
        ),
        (
            '"*.example.org"',
            "'*.example.org' is a wildcard; hosts are matched exactly — list each host by its full name, such as videos.example.org",
        ),
        ("videos example", "'videos example' is not a host name — write a name such as videos.example.org"),
    ],
)
def test_an_allow_list_entry_that_is_not_a_host_name_is_a_problem(project, entry, expected):
    assert problems(allow(project, "maps.example.org", entry)) == [f"brand.yml:21: extra.brand.allowed_hosts: {expected}"]


def test_the_allow_list_may_live_in_mkdocs_yml(project):
    brand_block = project.read("brand.yml")
    project.delete("brand.yml")
    project.replace("mkdocs.yml", "INHERIT: brand.yml\n", brand_block.replace(FOOTER, FOOTER + "    allowed_hosts: [videos.example.org]\n"))
    with_body(
        project, '<iframe title="Walk" src="https://videos.example.org/e/1"></iframe>\n\n<script src="https://t.example.com/s.js"></script>'
    )
    message = "'https://t.example.com/s.js' is on another site: every learner's browser would request it from t.example.com"
    way_out = "put the file in the repository and link it relatively, or add t.example.com to extra.brand.allowed_hosts in mkdocs.yml"
    assert problems(project) == [f"{LESSON}:26: script: {message} — {way_out}"]


def test_what_passes_the_check_is_built_as_written(tmp_path):
    project = Project.minimal(tmp_path / "project")
    body = "\n\n".join([PASSING["links"], PASSING["data URIs"], PASSING["relative files"], PASSING["indented code"]])
    with_body(project, body + '\n\n<iframe title="A walk" src="https://videos.example.org/e/1"></iframe>')
    allow(project, "videos.example.org")
    checked = project.check()
    assert checked.returncode == 0, checked.stdout + checked.stderr
    built = project.build(tmp_path / "site")
    assert built.returncode == 0, built.stdout + built.stderr
    page = html(tmp_path / "site", "modules/map-reading/symbols")
    assert '<iframe title="A walk" src="https://videos.example.org/e/1"></iframe>' in page
    assert 'href="https://www.example.org/maps"' in page and 'src="data:image/png;base64,iVBORw0KGgo="' in page
    assert 'src="../../../assets/authors/rowan-hale.svg"' in page
    assert '<code>&lt;img src="https://t.example.com/p.png"&gt;' in page and '<img src="https://t.example.com' not in page  # code: text


# -- the parts ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://T.example.com/p.png", "t.example.com"),
        ("//t.example.com/p.png", "t.example.com"),
        (" \thttps://t.example.com:8080/p.png", "t.example.com"),
        ("\\\\t.example.com/p.png", "t.example.com"),
        ("https:t.example.com/p.png", "t.example.com"),
        ("http://user@t.example.com/", "t.example.com"),
        ("https://[::1/", "[::1"),
        ("data:image/png;base64,AAAA", None),
        ("../img/p.png", None),
        ("/assets/p.png", None),
        ("#top", None),
        ("", None),
    ],
)
def test_offsite_host(url, host):
    assert offsite_host(url) == host


def test_srcset_and_css_urls():
    assert srcset_urls("a.png 1x,b.png 2x, https://t.example.com/c,d.png 480w") == ["a.png", "b.png", "https://t.example.com/c,d.png"]
    css = (
        '/* url(https://t.example.com/c.png) */ a { background: url( "x.png" ) } @import \'y.css\'; b { background: image-set("z.png" 1x) }'
    )
    assert [url for _, url in css_urls(css)] == ["x.png", "y.css", "z.png"]

"""Broken inputs of issue 12 (offsite): cases in the format of broken_inputs.py, run by test_broken_inputs.py.

Each case puts a file from another site where every learner's browser would fetch it; the check and
the build name the line and both ways out (the file in the repository, or the host on the allow-list).
"""

from __future__ import annotations

from tests.build.broken_inputs import ARTICLE, Case, M, replace, write

SYMBOLS_LINE = "Every walking map has a key. Learn a few symbols and the sheet starts to read like a page."
CURRICULUM_LINE = "Start with the map itself, then plan a route."
ALLOW_LIST = "    footer: Waymark Outdoor School is a made-up school for tests.\n"

CASES: list[Case] = [
    Case(
        "offsite-markdown-image-in-lesson",
        [replace(f"{M}/symbols.md", SYMBOLS_LINE, f"{SYMBOLS_LINE} ![The key](https://tracker.example.com/p.png)")],
        (
            f"{M}/symbols.md:24: image: 'https://tracker.example.com/p.png' is on another site: every learner's browser would request it from tracker.example.com — put the file in the repository and link it relatively, or add tracker.example.com to extra.brand.allowed_hosts in brand.yml",  # noqa: E501
        ),
    ),
    Case(
        "offsite-iframe-in-docs-page",
        [
            replace(
                "docs/curriculum/index.md",
                CURRICULUM_LINE,
                f'{CURRICULUM_LINE}\n\n<iframe src="https://www.youtube.com/embed/x1" title="A walk on the hill"></iframe>',
            )
        ],
        (
            "docs/curriculum/index.md:10: iframe: 'https://www.youtube.com/embed/x1' is on another site: every learner's browser would request it from www.youtube.com — put the file in the repository and link it relatively, or add www.youtube.com to extra.brand.allowed_hosts in brand.yml",  # noqa: E501
        ),
    ),
    Case(
        "offsite-author-avatar",
        [replace("docs/blog/.authors.yml", "avatar: assets/authors/rowan-hale.svg", "avatar: https://avatars.example.com/rowan.png")],
        (
            "docs/blog/.authors.yml:5: authors.rowan-hale.avatar: 'https://avatars.example.com/rowan.png' is on another site: every learner's browser would request it from avatars.example.com — put the file in docs/ and write its path from there, or add avatars.example.com to extra.brand.allowed_hosts in brand.yml",  # noqa: E501
        ),
    ),
    Case(
        "offsite-script-in-article",
        [
            write(
                "docs/blog/posts/widget.md",
                ARTICLE.format(date="2026-03-05", extra="", title="A widget")
                + '\n<script src="//cdn.example.net/widget.js" async></script>\n',
            )
        ],
        (
            "docs/blog/posts/widget.md:13: script: '//cdn.example.net/widget.js' is on another site: every learner's browser would request it from cdn.example.net — put the file in the repository and link it relatively, or add cdn.example.net to extra.brand.allowed_hosts in brand.yml",  # noqa: E501
        ),
    ),
    Case(
        "offsite-stylesheet-in-brand",
        [replace("brand.yml", "copyright:", "extra_css:\n  - https://fonts.example.net/css?family=Hill\ncopyright:")],
        (
            "brand.yml:7: extra_css: 'https://fonts.example.net/css?family=Hill' is on another site: every learner's browser would request it from fonts.example.net — put the file in docs/ and write its path from there, or add fonts.example.net to extra.brand.allowed_hosts in brand.yml",  # noqa: E501
        ),
    ),
    Case(
        "offsite-allowed-host-written-as-address",
        [
            replace("brand.yml", ALLOW_LIST, ALLOW_LIST + "    allowed_hosts:\n      - https://videos.example.org/embed\n"),
            replace(
                f"{M}/symbols.md", SYMBOLS_LINE, f'{SYMBOLS_LINE}\n\n<video src="https://videos.example.org/key.mp4" controls></video>'
            ),
        ],
        (
            "brand.yml:20: extra.brand.allowed_hosts: 'https://videos.example.org/embed' is an address, not a host name — write the host alone: videos.example.org",  # noqa: E501
        ),
    ),
]

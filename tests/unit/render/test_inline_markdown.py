"""Inline-Markdown fields (curriculum/kinds.py) are rendered once, with no HTML and safe links only."""

from __future__ import annotations

from macros.render.inline_markdown import to_html, to_text


def test_inline_markdown_is_rendered_once_and_reads_as_text_elsewhere():
    value = 'Ask *why* & write `<b>` or [more](https://example.org) "now"'
    assert to_html(value) == 'Ask <em>why</em> &amp; write <code>&lt;b&gt;</code> or <a href="https://example.org">more</a> "now"'
    assert to_text(value) == 'Ask why & write <b> or more "now"'


def test_the_renderer_holds_even_without_the_schema():
    """The preview goes on past schema problems: the renderer itself writes no tag, image or bad link."""
    html = to_html("<script>alert(1)</script> ![x](https://t.example/p.png) [a](javascript:alert(1))\n# not a heading")
    assert "<script" not in html and "<img" not in html and "javascript:" not in html.split("<a>")[0] + html.split("</a>")[-1]
    assert "<a>a</a>" in html and "<h1" not in html

"""Addresses: a file name never breaks the page it names, and no page is dropped unsaid."""

from __future__ import annotations

from html.parser import HTMLParser

from tests.factory import Project


class EditLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str | None] = []

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "a" and "md-content__button" in (found.get("class") or ""):
            self.hrefs.append(found.get("href"))


def test_a_quote_in_a_file_name_stays_inside_the_edit_link(tmp_path):
    project = Project.minimal(tmp_path / "project")
    project.append("brand.yml", "repo_url: https://example.org/waymark/course\nedit_uri: edit/main/docs/\n")
    project.write('docs/say-"hi" <b>.md', "# Say hi\n\nA page with an awkward name.\n")
    site = tmp_path / "site"
    result = project.build(site)
    assert result.returncode == 0, result.stdout + result.stderr
    [page] = [p for p in site.rglob("index.html") if "say-" in p.parent.name]
    links = EditLinks()
    links.feed(page.read_text(encoding="utf-8"))
    assert links.hrefs == ["https://example.org/waymark/course/edit/main/docs/say-%22hi%22%20%3Cb%3E.md"]

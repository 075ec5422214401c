"""The discovery files the site writes beside its pages (the built files are checked in
tests/build/test_discovery.py)."""

from __future__ import annotations

from macros.site.discovery import robots_txt


def test_robots_txt_without_a_site_url_has_no_sitemap_line():
    assert robots_txt("") == "User-agent: *\nAllow: /\n"
    assert robots_txt("https://learn.example.com/courses").endswith("Sitemap: https://learn.example.com/courses/sitemap.xml\n")

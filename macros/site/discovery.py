"""Sharing and discovery files that depend on where the site is published (site_url).

    robots_txt(site_url) -> str     the text of robots.txt, pointing at the sitemap when it can

Pure functions: the MkDocs plugin writes their results; nothing here knows about files.
"""

from __future__ import annotations

from urllib.parse import urljoin

SITEMAP = "sitemap.xml"  # written by MkDocs next to index.html


def robots_txt(site_url: str | None) -> str:
    """Allow everything; name the sitemap by its absolute URL (robots.txt needs one).

    Without a site_url MkDocs writes no usable sitemap URLs, so the Sitemap line is left out.
    """
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        base = site_url if site_url.endswith("/") else site_url + "/"
        lines += ["", f"Sitemap: {urljoin(base, SITEMAP)}"]
    return "\n".join(lines) + "\n"

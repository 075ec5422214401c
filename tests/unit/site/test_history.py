"""The "last update" line under each page: from git, in the site's language."""

from __future__ import annotations

from datetime import UTC, datetime

from macros.site.history import updated_html


def test_the_last_update_line_is_in_the_site_language():
    moment = int(datetime(2026, 12, 4, 9, 30, tzinfo=UTC).timestamp())
    assert ">December 4, 2026</span>" in updated_html(moment)
    french = updated_html(moment, "fr")
    assert ">4 décembre 2026</span>" in french and 'title="4 décembre 2026 09:30:00 UTC"' in french

"""The staged site (site/publish.py): site/ is replaced only by a build that succeeded, and a build
killed at any point never costs the last good site."""

from __future__ import annotations

from pathlib import Path

from macros.site.publish import StagedSite


def good_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("good", encoding="utf-8")
    return site


def test_a_published_build_replaces_the_site(tmp_path):
    site = good_site(tmp_path)
    staged = StagedSite(str(site))
    (Path(staged.begin()) / "index.html").write_text("new", encoding="utf-8")
    staged.publish()
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_discarded_build_leaves_the_site_as_it_was(tmp_path):
    site = good_site(tmp_path)
    staged = StagedSite(str(site))
    (Path(staged.begin()) / "index.html").write_text("half", encoding="utf-8")
    staged.discard()
    assert (site / "index.html").read_text(encoding="utf-8") == "good"


def test_a_build_killed_between_the_two_renames_keeps_the_last_good_site(tmp_path):
    site = good_site(tmp_path)
    killed = StagedSite(str(site))
    killed.begin()
    site.rename(killed.previous)  # publish's first rename, then the process died
    assert not site.exists()

    following = StagedSite(str(site))
    following.begin()
    following.discard()  # the next build fails
    assert (site / "index.html").read_text(encoding="utf-8") == "good"


def test_a_build_killed_after_both_renames_keeps_the_new_site(tmp_path):
    site = good_site(tmp_path)
    killed = StagedSite(str(site))
    (Path(killed.begin()) / "index.html").write_text("new", encoding="utf-8")
    site.rename(killed.previous)
    killed.staging.rename(site)  # both renames done; the old copy was never removed

    StagedSite(str(site)).begin()
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert not killed.previous.exists()

"""All or nothing: the site folder is replaced only by a build that succeeded.

MkDocs cleans `site_dir` first and writes page by page, so a build that fails half-way (a macro
error at page 30, a broken link in strict mode) would leave half a site where the last good one
was. The course plugin builds into a staging folder beside it instead, and swaps it in last.

    staged = StagedSite(config.site_dir)
    config.site_dir = staged.begin()    # build here
    staged.publish()                    # success: the staging folder becomes site_dir
    staged.discard()                    # failure: site_dir is left exactly as it was
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path


class StagedSite:
    def __init__(self, site_dir: str):
        self.target = Path(site_dir)
        # A sibling, so the final rename stays on one file system (and is near-atomic).
        self.staging = self.target.with_name(f".{self.target.name}.building")
        self.previous = self.target.with_name(f".{self.target.name}.previous")

    def begin(self) -> str:
        self.recover()
        for leftover in (self.staging, self.previous):  # from a build that was killed
            shutil.rmtree(leftover, ignore_errors=True)
        self.staging.mkdir(parents=True)
        return str(self.staging)

    def recover(self) -> None:
        """A build killed between publish's two renames left the last good site as `previous`,
        and no site: put it back before anything is deleted."""
        if self.previous.is_dir() and not self.target.exists():
            self.previous.rename(self.target)

    def publish(self) -> str:
        if self.target.exists():
            self.target.rename(self.previous)
        self.staging.rename(self.target)
        shutil.rmtree(self.previous, ignore_errors=True)
        return str(self.target)

    def discard(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)


class WarningCounter(logging.Handler):
    """Counts MkDocs warnings, as `--strict` does: such a build aborts after on_post_build."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1

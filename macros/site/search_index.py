"""Search over a built site: Pagefind's index of the pages learners search, written into the site.

    index_site(site_dir, keep_index_url=False) -> Indexed      the index in site_dir/pagefind/
    BackgroundIndex().refresh(site_dir)                       the preview's: in a thread, one run at a time

Material's own search fetches one index of the whole site on every first visit. Pagefind splits
it into small files, and a browser fetches only the few a query needs, once a learner starts to
search (docs/assets/javascripts/search.js). Only pages that carry `data-pagefind-body` are indexed:
partials/content.html puts it on the pages search_pages.py names (lessons, capstones, module
overviews, articles, the glossary, the site's own guides), so a facilitator guide, a workbook or a
listing never is. A site with no such page gets no index at all: Pagefind would index every page.

Pagefind's binary comes in the `pagefind_bin` wheel (requirements.lock): nothing is downloaded.
It runs as its command line does (`pagefind --site`), not through the Python package's service
mode: that mode ends the binary while its last files may still be being written, which left an
empty pagefind-entry.json about one run in twenty, and a search that finds nothing.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError
from pagefind.service import get_executable

log = logging.getLogger("mkdocs.plugins.course")
BUNDLE = "pagefind"  # the folder in the site, and the script search.js loads: pagefind/pagefind.js
MARKER = b"data-pagefind-body"
# Inside an indexed page, what is about the page rather than its subject. Material's own search
# marker (data-search-exclude) keeps working for authors who use it in Markdown.
IGNORED = (
    "[data-search-exclude]",
    ".course-coverage",  # "Practised in: exercise 'x'. Checked by: question 1"
    ".course-check__assesses",  # "Checks objective: <the objective again>"
    ".course-meta",  # "Module title · Lesson 2 of 5 · Time: 30 min"
    ".course-scenario-links",  # "Practise a conversation": another page's title and summary, not this page's subject
    ".headerlink",
    ".md-source-file",  # "Last update: <date>"
)
# What the browser loads. Pagefind also writes its ready-made interfaces and a web worker, which
# search.js does not use (it searches on the page: noWorker).
USED_FILES = ("pagefind.js", "pagefind-entry.json", "*.pf_meta", "wasm.*.pagefind")
USED_FOLDERS = ("fragment", "index", "filter")
# Word positions per index file (Pagefind's default is 20,000). A query fetches the file holding
# each of its words: at 20,000 a three-word query on this repository's site fetched three files of
# 30 KB, over the 150 KB a first query may weigh; at 2,000 it fetches a few KB (and 1,000 lessons
# make about 1,500 small files). Pagefind 1.5 reads it from this variable, which it calls unstable:
# tests/browser/test_search.py measures a first query, so a release that drops it is noticed.
CHUNK_ENV = "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE"
CHUNK_LOCATIONS = 2000
TIMEOUT = 600  # seconds; Pagefind takes about ten at 1,000 lessons
INSTALL = "run `make site`, which installs requirements.lock (pagefind_bin carries the binary)"


class SearchIndexError(PluginError):
    """Pagefind is missing or failed; the message says what to do (MkDocs prints it, with no traceback)."""


@dataclass(frozen=True)
class Indexed:
    pages: int  # pages in the index (0: the site has none to search, and no index)
    seconds: float


def index_site(site_dir: Path, *, keep_index_url: bool = False, background: bool = False) -> Indexed:
    """Index the built site in `site_dir` into site_dir/pagefind/, replacing any index there.

    The new index is written beside the old one and swapped in when complete, so a site being
    served (the preview) answers searches with the old index until then.
    `keep_index_url`: results link to modules/m/index.html rather than modules/m/, for a site
    opened without a web server that turns a folder into its index.html (a SCORM package).
    `background`: Pagefind runs at a low priority (the preview's, while an author edits)."""
    start = time.perf_counter()
    bundle, fresh = site_dir / BUNDLE, site_dir / f".{BUNDLE}.building"
    shutil.rmtree(fresh, ignore_errors=True)
    if not _has_searchable_page(site_dir):
        shutil.rmtree(bundle, ignore_errors=True)
        return Indexed(0, time.perf_counter() - start)
    try:
        _run_pagefind(site_dir, fresh, keep_index_url, background)
        _remove_unused(fresh)
        pages = _page_count(fresh)
        shutil.rmtree(bundle, ignore_errors=True)
        fresh.rename(bundle)
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
    return Indexed(pages, time.perf_counter() - start)


class BackgroundIndex:
    """The live preview's index, made again after each build in a thread of its own: the pages
    show at once, and search catches up (about ten seconds at 1,000 lessons). A build that ends
    while a run is under way asks for one more run after it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._again = False

    def refresh(self, site_dir: Path) -> None:
        with self._lock:
            if self._thread is not None:
                self._again = True
                return
            self._thread = threading.Thread(target=self._run, args=(site_dir,), name="search-index", daemon=True)
            self._thread.start()

    def _run(self, site_dir: Path) -> None:
        while True:
            try:
                index_site(site_dir, background=True)
            except (SearchIndexError, OSError) as error:  # a rebuild emptied the folder meanwhile, or no Pagefind
                log.warning(f"The preview's search was not updated: {error}")
            with self._lock:
                if not self._again:
                    self._thread = None
                    return
                self._again = False


def _has_searchable_page(site_dir: Path) -> bool:
    return any(MARKER in page.read_bytes() for page in site_dir.rglob("*.html"))


def _run_pagefind(site_dir: Path, output: Path, keep_index_url: bool, background: bool = False) -> None:
    binary = get_executable()
    if binary is None:
        raise SearchIndexError(f"Pagefind is not installed, so the site has no search — {INSTALL}")
    command = [
        str(binary),
        "--site",
        str(site_dir),
        "--output-path",
        str(output.resolve()),
        "--exclude-selectors",
        ", ".join(IGNORED),
        "--quiet",
    ]
    if keep_index_url:
        command.append("--keep-index-url")
    try:
        environment = {**os.environ, CHUNK_ENV: str(CHUNK_LOCATIONS)}
        priority = (lambda: os.nice(10)) if background else None
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False, env=environment, preexec_fn=priority)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SearchIndexError(f"Pagefind did not run ({error}), so the site has no search — {INSTALL}") from None
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip().splitlines()[-5:]
        raise SearchIndexError("Pagefind could not index the site: " + " / ".join(said or [f"exit status {done.returncode}"]))


def _remove_unused(bundle: Path) -> None:
    for path in bundle.iterdir():
        used = path.name in USED_FOLDERS if path.is_dir() else any(path.match(pattern) for pattern in USED_FILES)
        if used:
            continue
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()


def _page_count(bundle: Path) -> int:
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(language.get("page_count", 0) for language in entry.get("languages", {}).values())

"""Lighthouse (mobile) on the built site's home page, a lesson and an article (`make lighthouse`).

    python -m tests.bench.lighthouse [--site site] [--runs 5] [--lighthouse PATH] [--minimum 95]

The site is served on 127.0.0.1 under site_url's path, gzip-compressed as static hosts (GitHub
Pages, Netlify, nginx) send HTML, CSS, JavaScript, JSON, SVG and XML; Lighthouse 12 (Node 20)
drives Debian's Chromium with its default mobile emulation (a mid-range phone, slow 4G, 4× slower
CPU). Each page runs --runs times and the median of each category counts, since performance moves
with the machine's load. Prints the four scores per page and Lighthouse's CPU benchmark of the
machine (lower than usual: it was busy, run again); exits 1 if any score is below --minimum.

Not part of `make test`: it takes minutes and its performance score depends on the machine.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from macros.curriculum.load import load_curriculum
from tests.brand import REPOSITORY
from tests.factory import ROOT

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# Lighthouse's measure of the machine's speed during a run (higher is faster): a busy machine
# gives a low one, and a lower performance score with it.
BENCHMARK = "cpu-benchmark"
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu"
COMPRESSED_TYPES = ("text/", "javascript", "json", "xml", "svg")
DEFAULT_LIGHTHOUSE = ROOT / ".cache" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"


def key_pages() -> dict[str, str]:
    """The home page, the first lesson and the first published article, under the site's root."""
    curriculum = load_curriculum(ROOT)
    module, article = curriculum.modules[0], curriculum.published_articles()[0]
    return {"home": "", "lesson": f"modules/{module.id}/{module.lessons[0].slug}/", "article": f"blog/{article.slug}/"}


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the browser accepts it and the type is text."""

    def do_GET(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?")[0].endswith("/"):
                return super().do_GET()  # the redirect to the folder's address
            path = os.path.join(path, "index.html")
        kind = self.guess_type(path)
        if (
            not os.path.isfile(path)
            or "gzip" not in self.headers.get("Accept-Encoding", "")
            or not any(t in kind for t in COMPRESSED_TYPES)
        ):
            return super().do_GET()
        with open(path, "rb") as file:
            body = gzip.compress(file.read(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None

    def guess_type(self, path):
        kind = super().guess_type(path)
        return kind + "; charset=utf-8" if kind.startswith("text/") else kind

    def log_message(self, *args):
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    """The site on 127.0.0.1 under site_url's path while the block runs: yields its URL."""
    with tempfile.TemporaryDirectory() as web_root:
        shutil.copytree(site, Path(web_root) / REPOSITORY.base_path.strip("/"), dirs_exist_ok=True)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_GzipHandler, directory=web_root))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{server.server_port}{REPOSITORY.base_path}"
        finally:
            server.shutdown()
            server.server_close()


def scores(lighthouse: Path, url: str, chromium: str, keep: Path | None = None) -> dict[str, int]:
    """One Lighthouse run: each category's score, 0 to 100 (the whole report written to `keep`)."""
    with tempfile.TemporaryDirectory() as folder:
        report = keep or Path(folder) / "report.json"
        command = [
            str(lighthouse),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ]
        run = subprocess.run(command, env={**os.environ, "CHROME_PATH": chromium}, capture_output=True, text=True, timeout=300)
        if run.returncode or not report.is_file():
            raise SystemExit(f"lighthouse failed on {url}:\n{run.stderr[-2000:]}")
        found = json.loads(report.read_text(encoding="utf-8"))
    scored = {name: round((found["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}
    return {**scored, BENCHMARK: round(found["environment"]["benchmarkIndex"])}


def report_path(folder: Path | None, page: str, run: int) -> Path | None:
    if folder is None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{page}-{run + 1}.json"


def median_scores(runs: list[dict[str, int]]) -> dict[str, int]:
    return {name: round(statistics.median(run[name] for run in runs)) for name in [*CATEGORIES, BENCHMARK]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (make site)")
    parser.add_argument("--runs", type=int, default=5, help="runs per page; the median counts")
    parser.add_argument("--lighthouse", type=Path, default=DEFAULT_LIGHTHOUSE, help="the lighthouse command (Lighthouse 12)")
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    parser.add_argument("--minimum", type=int, default=95, help="the lowest score that passes")
    parser.add_argument("--reports", type=Path, help="keep each run's JSON report in this folder (to see why a score is low)")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        parser.error(f"no built site in {args.site}: run make site first")
    if not args.lighthouse.exists():
        parser.error(f"no lighthouse at {args.lighthouse}: npm install --prefix .cache/lighthouse lighthouse@12 (make lighthouse does)")
    low = []
    columns = [*CATEGORIES, BENCHMARK]
    print(f"{'page':10} " + " ".join(f"{name:>15}" for name in columns))
    with served(args.site) as base:
        for name, path in key_pages().items():
            runs = [scores(args.lighthouse, base + path, args.chromium, report_path(args.reports, name, run)) for run in range(args.runs)]
            result = median_scores(runs)
            print(f"{name:10} " + " ".join(f"{result[column]:>15}" for column in columns), flush=True)
            low += [f"{name} ({path or '/'}): {category} {result[category]}" for category in CATEGORIES if result[category] < args.minimum]
    if low:
        print(f"below {args.minimum}:\n  " + "\n  ".join(low))
        return 1
    print(f"every score is {args.minimum} or more")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The build benchmark (`make bench`; not part of `make test`).

    python -m tests.bench.run [--sizes 50 200 1000] [--profile] [--no-serve] [--no-browser]
                              [--query "angry customer"] [--keep] [--generate-only]
                              [--without-feature navigation.sections] [--out bench-results.md]

For each size, the repository's own modules and articles copied into a temporary folder
(curricula.py) and committed to a new git repository, `course check` on it, then, each in its own
process:

  ours      mkdocs build --strict with our mkdocs.yml: everything the build does, search indexing
            included
  plain     the same Markdown with plain Material for MkDocs: our theme features but
            navigation.prune, plugins: search only
  markdown  Python-Markdown alone, with our extensions, on the same files
  browser   Chromium on our built site: a lesson's first visit, then a first search (browser.py)
  preview   mkdocs serve; a lesson's body, then its title, edited: seconds until the page shows it

The results are printed as Markdown tables and written to --out (git-ignored). --profile runs
cProfile on our build at the largest size. --without-feature takes a theme feature out of our
build only, to measure a change before making it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from importlib import metadata
from pathlib import Path

from tests.bench import hotspots
from tests.bench.browser import transfer
from tests.bench.builds import Run, build_command, check_command, measure, run_logged
from tests.bench.curricula import ROOT, Project, make_plain, make_project, plain_features, real_modules
from tests.bench.preview import preview_times
from tests.bench.report import SizeResult, report
from tests.brand import path_of, read_config

DEFAULT_OUT = ROOT / "bench-results.md"


def load() -> str:
    return "/".join(f"{value:.2f}" for value in os.getloadavg())


def say(text: str) -> None:
    print(text, flush=True)


def generate(size: int, folder: Path, without: list[str]) -> tuple[Project, float, float]:
    start = time.perf_counter()
    project = make_project(folder / "project", size, without_features=without)
    generated = time.perf_counter() - start
    checked, _ = run_logged(check_command(), project.root, folder / "logs" / "check.log")
    say(
        f"{project.modules} modules, {project.lessons} lessons, {project.articles} articles: "
        f"written and committed in {generated:.1f} s; course check passed in {checked:.1f} s"
    )
    return project, generated, checked


def builds(project: Project, folder: Path, size: int) -> dict[str, Run]:
    logs = folder / "logs"
    plain = folder / "plain"
    plain.mkdir()
    make_plain(project, plain)
    runs = {
        "ours": measure(
            "ours", size, build_command(project.root, folder / "site-ours"), project.root, folder / "site-ours", logs / "ours.log"
        ),
        "plain": measure("plain", size, build_command(plain, folder / "site-plain"), plain, folder / "site-plain", logs / "plain.log"),
    }
    command = [sys.executable, "-m", "tests.bench.markdown_only", str(plain / "docs"), str(folder / "site-markdown")]
    runs["markdown"] = measure("markdown", size, command, ROOT, folder / "site-markdown", logs / "markdown.log")
    for run in runs.values():
        say(f"  {run.name:9} {run.wall:7.1f} s  {run.pages:5d} pages  {run.ms_per_page:5.0f} ms a page  {run.peak_kb / 1024:6.0f} MB peak")
    return runs


def bench_size(size: int, work: Path, args: argparse.Namespace, profile: bool) -> SizeResult | None:
    folder = work / str(size)
    (folder / "logs").mkdir(parents=True)
    say(f"\n## {size} lessons (load average before: {load()})")
    project, generated, checked = generate(size, folder, args.without)
    if args.generate_only:
        return None
    result = SizeResult(project, generated, checked, builds(project, folder, size), query=args.query)
    if args.browser:
        base_path = path_of(read_config(project.root).get("site_url", ""))
        result.transfer = transfer(folder / "site-ours", base_path, project.lesson_url, args.query)
        found = f"{result.transfer.results or 'no'} results shown; {result.transfer.problem}"
        say(
            f"  browser   first visit {result.transfer.first_visit.gzip / 1000:.0f} KB gzip; "
            f'first query "{args.query}" {result.transfer.first_query.gzip / 1000:.0f} KB gzip ({found})'
        )
    if args.serve:
        result.preview = preview_times(project, folder / "logs" / "serve.log")
        say(
            f"  preview   first page after {result.preview.first_page:.1f} s; body edit shown after {result.preview.body_edit:.1f} s, "
            f"title edit after {result.preview.title_edit:.1f} s"
        )
    if profile:
        stats, site = folder / "ours.prof", folder / "site-profile"
        measure("profile", size, build_command(project.root, site, stats), project.root, site, folder / "logs" / "profile.log")
        hotspots.print_profile(stats)
    return result


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def chromium_version() -> str:
    from tests.browser.helpers import CHROMIUM

    try:
        return subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=60).stdout.strip() or "unknown"
    except OSError:
        return f"not found at {CHROMIUM}"


def lesson_words() -> int:
    """The real lessons' average length in words, after the front matter."""
    counts = []
    for module in real_modules():
        for slug in module.lessons:
            text = (ROOT / "modules" / module.id / f"{slug}.md").read_text(encoding="utf-8")
            counts.append(len(text.split("\n---\n", 1)[-1].split()))
    return round(sum(counts) / len(counts) / 10) * 10


def machine(started_load: str, args: argparse.Namespace, project: Project) -> str:
    lines = [
        f"Measured on {date.today():%-d %B %Y}: {os.cpu_count()} processor cores, Python {sys.version.split()[0]}, "
        f"MkDocs {_version('mkdocs')}, Material {_version('mkdocs-material')}, Pagefind {_version('pagefind')}, {chromium_version()}. "
        f"Load average {started_load} at the start, {load()} at the end.",
        "",
        f"Lessons copied from modules/ (their real prose, about {lesson_words():,.0f} words each) and the articles at one per ten "
        f"lessons. Our plugins: {', '.join(project.plugins)}. Plain Material: {', '.join(plain_features(project))}; search plugin only.",
    ]
    if args.without:
        lines.append(f"Our build without: {', '.join(args.without)}.")
    return "\n".join(lines)


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 1000], help="numbers of lessons (default: 50 200 1000)")
    parser.add_argument("--profile", action="store_true", help="also profile our build at the largest size (cProfile)")
    parser.add_argument("--no-serve", dest="serve", action="store_false", help="skip the preview measurement")
    parser.add_argument("--no-browser", dest="browser", action="store_false", help="skip the Chromium measurement")
    parser.add_argument("--query", default="angry customer", help='the first search (default: "angry customer")')
    parser.add_argument("--keep", action="store_true", help="keep the curricula and builds (the folder is printed)")
    parser.add_argument("--generate-only", action="store_true", help="only write each curriculum and run course check on it")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the tables (default: bench-results.md)")
    parser.add_argument(
        "--without-feature", dest="without", action="append", default=[], metavar="FEATURE", help="take a theme feature out of our build"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    work = Path(tempfile.mkdtemp(prefix="course-bench-"))
    started_load, started = load(), time.perf_counter()
    say(f"# Build benchmark, {date.today()}: working in {work}")
    try:
        sizes = sorted(args.sizes)
        results = [bench_size(size, work, args, args.profile and size == sizes[-1]) for size in sizes]
        done = [result for result in results if result]
        if done:
            text = report(done, machine(started_load, args, done[0].project))
            args.out.write_text(text, encoding="utf-8")
            say(f"\n## Results (also in {args.out})\n\n{text}")
        say(f"The benchmark took {time.perf_counter() - started:.0f} s; load average at the end {load()}.")
    finally:
        if args.keep:
            say(f"Kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

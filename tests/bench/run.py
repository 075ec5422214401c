"""The build benchmark (`make bench`; not part of `make test`).

    python -m tests.bench.run [--sizes 50 200 1000] [--profile] [--no-serve] [--keep]
                              [--without-feature navigation.sections]

For each size, a synthetic curriculum (synthetic.py) in a temporary folder, then, each in its own
subprocess:

  ours      mkdocs build --strict with our mkdocs.yml (course plugin, macros, blog, git dates...)
  plain     the same Markdown with plain Material for MkDocs: our features but navigation.prune,
            plugins: search only
  markdown  Python-Markdown alone, with our extensions, on the same files
  rebuild   mkdocs serve; after the first build, edit one lesson and time until the page changes

Wall seconds, pages (HTML files written) per second, peak memory of the child (ru_maxrss from
os.wait4), bytes written and HTML bytes per page. --profile runs cProfile on our build at the
largest size and lists the hotspots in macros/ and the plugins' event handlers.
--without-feature takes a theme feature out of our build only, to measure a change before making
it; the plain build keeps the repository's features (less navigation.prune) as the baseline.
"""

from __future__ import annotations

import argparse
import os
import pstats
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tests.bench.synthetic import ROOT, Project, make_plain, make_project, plain_features
from tests.brand import path_of, read_config

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
SERVE_TIMEOUT = 900  # seconds for the first build of the largest size on a busy machine


@dataclass
class Run:
    name: str
    size: int
    wall: float
    peak_kb: int
    pages: int
    written: int  # bytes of every file in the output
    html: int  # bytes of the .html files

    @property
    def per_second(self) -> float:
        return self.pages / self.wall

    @property
    def html_per_page(self) -> float:
        return self.html / self.pages


def measure(name: str, size: int, command: list[str], cwd: Path, out: Path, log: Path) -> Run:
    """Run `command` in its own process; wall time, and its peak memory from the kernel."""
    with log.open("w") as output:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, stdout=output, stderr=subprocess.STDOUT, env=ENV)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    if child.returncode != 0:
        sys.exit(f"{name} at {size} lessons failed (exit {child.returncode}); its output:\n{log.read_text()[-4000:]}")
    files = [p for p in out.rglob("*") if p.is_file()]
    html = [p for p in files if p.suffix == ".html"]
    return Run(name, size, wall, usage.ru_maxrss, len(html), sum(p.stat().st_size for p in files), sum(p.stat().st_size for p in html))


def build_command(project: Path, site: Path, profile: Path | None = None) -> list[str]:
    runner = ["-m", "cProfile", "-o", str(profile)] if profile else []
    return [
        sys.executable,
        *runner,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--site-dir",
        str(site),
        "--config-file",
        str(project / "mkdocs.yml"),
    ]


# -- rebuild while serving ------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, test, server: subprocess.Popen, log: Path) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < SERVE_TIMEOUT:
        if server.poll() is not None:
            sys.exit(f"mkdocs serve stopped (exit {server.returncode}); its output:\n{log.read_text()[-4000:]}")
        text = fetch(url)
        if text is not None and test(text):
            return time.perf_counter() - start
        time.sleep(0.1)
    raise TimeoutError(f"{url} did not show the change in {SERVE_TIMEOUT} s")


def rebuild_time(project: Project, log: Path) -> tuple[float, float]:
    """Seconds to the first served page, then from editing one lesson to the page showing it."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "--dev-addr",
        f"127.0.0.1:{port}",
        "--config-file",
        str(project.root / "mkdocs.yml"),
    ]
    with log.open("w") as output:
        server = subprocess.Popen(command, cwd=project.root, stdout=output, stderr=subprocess.STDOUT, env=ENV)
        try:
            # mkdocs serve serves under site_url's path.
            url = f"http://127.0.0.1:{port}{path_of(read_config(project.root).get('site_url', ''))}{project.edit_url}"
            first = wait_for(url, lambda text: True, server, log)
            marker = f"bench-edit-{time.time_ns()}"
            lesson = project.root / project.edit_target
            start = time.perf_counter()
            lesson.write_text(lesson.read_text(encoding="utf-8") + f"\nEdited: {marker}\n", encoding="utf-8")
            wait_for(url, lambda text: marker in text, server, log)
            return first, time.perf_counter() - start
        finally:
            server.terminate()
            server.wait(timeout=30)


# -- profile --------------------------------------------------------------------------------------


def _where(key: tuple[str, int, str]) -> str:
    file, line, func = key
    for marker, prefix in (("site-packages/", ""), ("/macros/", "macros/"), ("/overrides/", "overrides/")):
        if marker in file:
            file = prefix + file.split(marker, 1)[1]
    return f"{file}:{line}({func})"


def print_profile(stats_file: Path, top: int = 12) -> None:
    stats = pstats.Stats(str(stats_file))
    total = max(ct for _, _, _, ct, _ in stats.stats.values())
    rows = stats.stats.items()

    def table(title: str, chosen, column: int):
        print(f"\n{title}\n\n| s | % of build | calls | where |\n| ---: | ---: | ---: | --- |")
        for key, (_, calls, tt, ct, _) in sorted(chosen, key=lambda kv: -kv[1][column])[:top]:
            seconds = tt if column == 2 else ct
            print(f"| {seconds:.2f} | {100 * seconds / total:.0f} % | {calls} | `{_where(key)}` |")

    ours = [(k, v) for k, v in rows if "/macros/" in k[0]]
    hooks = [(k, v) for k, v in rows if k[2].startswith("on_") and ("plugin" in k[0] or "/macros/" in k[0])]
    print(f"\nProfile of our build ({total:.1f} s under cProfile, which slows it down)")
    table("Our code (macros/), by cumulative time", ours, 3)
    table("Plugin event handlers, by cumulative time", hooks, 3)
    table("Everything, by own time", rows, 2)


# -- the run --------------------------------------------------------------------------------------


def load() -> str:
    return "/".join(f"{value:.2f}" for value in os.getloadavg())


def bench_size(size: int, work: Path, serve: bool, profile: bool, without: list[str]) -> tuple[list[Run], tuple[float, float] | None]:
    folder = work / str(size)
    print(f"\n## {size} lessons (load average before: {load()})", flush=True)
    start = time.perf_counter()
    project = make_project(folder / "project", size, without_features=without)
    plain = folder / "plain"
    plain.mkdir()
    sources = make_plain(project, plain)
    print(
        f"{project.modules} modules, {project.lessons} lessons, {project.articles} articles; {sources} Markdown files in the plain build "
        f"(written and committed in {time.perf_counter() - start:.1f} s)",
        flush=True,
    )
    logs = folder / "logs"
    logs.mkdir()
    runs = []
    site = folder / "site-ours"
    runs.append(measure("ours", size, build_command(project.root, site), project.root, site, logs / "ours.log"))
    site = folder / "site-plain"
    runs.append(measure("plain", size, build_command(plain, site), plain, site, logs / "plain.log"))
    site = folder / "site-markdown"
    command = [sys.executable, "-m", "tests.bench.markdown_only", str(plain / "docs"), str(site)]
    runs.append(measure("markdown", size, command, ROOT, site, logs / "markdown.log"))
    for run in runs:
        print(
            f"  {run.name:9} {run.wall:7.1f} s  {run.pages:5d} pages  {run.per_second:6.1f} pages/s  {run.peak_kb / 1024:6.0f} MB peak",
            flush=True,
        )
    rebuild = None
    if serve:
        rebuild = rebuild_time(project, logs / "serve.log")
        print(f"  serve: first page after {rebuild[0]:.1f} s; one lesson edited, page updated after {rebuild[1]:.1f} s", flush=True)
    if profile:
        stats = folder / "ours.prof"
        site = folder / "site-profile"
        measure("profile", size, build_command(project.root, site, stats), project.root, site, logs / "profile.log")
        print_profile(stats)
    return runs, rebuild


def print_results(runs: list[Run], rebuilds: dict[int, tuple[float, float]]) -> None:
    print("\n## Results\n")
    print("| Lessons | Build | Pages | Wall s | Pages/s | ms/page | Peak MB | MB written | HTML KB/page |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for run in runs:
        print(
            f"| {run.size} | {run.name} | {run.pages} | {run.wall:.1f} | {run.per_second:.1f} | {1000 * run.wall / run.pages:.0f} "
            f"| {run.peak_kb / 1024:.0f} | {run.written / 1e6:.1f} | {run.html_per_page / 1024:.1f} |"
        )
    print("\n| Lessons | ours/plain (wall) | ours/markdown (wall) | ours/plain (HTML per page) | Rebuild after an edit, s |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for size in sorted({run.size for run in runs}):
        by = {run.name: run for run in runs if run.size == size}
        rebuild = f"{rebuilds[size][1]:.1f}" if size in rebuilds else "–"
        print(
            f"| {size} | {by['ours'].wall / by['plain'].wall:.2f} | {by['ours'].wall / by['markdown'].wall:.2f} "
            f"| {by['ours'].html_per_page / by['plain'].html_per_page:.2f} | {rebuild} |"
        )
    ours = [run for run in runs if run.name == "ours"]
    if len(ours) > 1:
        smallest, largest = ours[0], ours[-1]
        change = (largest.wall / largest.pages) / (smallest.wall / smallest.pages) - 1
        print(f"\nOur time per page from {smallest.size} to {largest.size} lessons: {change:+.0%} (target: within ±20 %).")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 1000], help="numbers of lessons (default: 50 200 1000)")
    parser.add_argument("--profile", action="store_true", help="also profile our build at the largest size (cProfile)")
    parser.add_argument("--no-serve", dest="serve", action="store_false", help="skip the rebuild-while-serving measurement")
    parser.add_argument("--keep", action="store_true", help="keep the synthetic projects and builds (the folder is printed)")
    parser.add_argument(
        "--without-feature",
        dest="without",
        action="append",
        default=[],
        metavar="FEATURE",
        help="take a theme feature out of our build (repeatable)",
    )
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="course-bench-"))
    print(f"# Build benchmark, {date.today()}: Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {load()}")
    print(f"Working in {work}")
    print(f"Plain Material's features: {', '.join(plain_features(ROOT))}")
    if args.without:
        print(f"Our build without: {', '.join(args.without)}")
    runs, rebuilds = [], {}
    started = time.perf_counter()
    try:
        sizes = sorted(args.sizes)
        for size in sizes:
            size_runs, rebuild = bench_size(size, work, args.serve, args.profile and size == sizes[-1], args.without)
            runs += size_runs
            if rebuild:
                rebuilds[size] = rebuild
        print_results(runs, rebuilds)
        print(f"\nThe benchmark took {time.perf_counter() - started:.0f} s; load average at the end {load()}.")
    finally:
        if args.keep:
            print(f"Kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""One build in its own process: wall time, peak memory, and what it wrote.

measure(name, size, command, cwd, out, log) -> Run
build_command(project, site, profile=None)    mkdocs build --strict for a project's mkdocs.yml
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


@dataclass
class Run:
    name: str
    size: int
    wall: float
    peak_kb: int
    written: int  # bytes of every file in the output
    html_sizes: dict[str, int] = field(default_factory=dict)  # page (relative path) -> bytes

    @property
    def pages(self) -> int:
        return len(self.html_sizes)

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.wall / self.pages

    @property
    def median_html(self) -> float:
        return statistics.median(self.html_sizes.values())

    @property
    def largest_html(self) -> tuple[str, int]:
        return max(self.html_sizes.items(), key=lambda item: item[1])


def run_logged(command: list[str], cwd: Path, log: Path) -> tuple[float, int]:
    """Run `command` in its own process, output to `log`: (wall seconds, peak memory in KB, from
    the kernel). Stops the benchmark with the end of the log when it fails."""
    with log.open("w") as output:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, stdout=output, stderr=subprocess.STDOUT, env=ENV)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    if child.returncode != 0:
        sys.exit(f"{' '.join(command[:4])}... in {cwd} failed (exit {child.returncode}); its output:\n{log.read_text()[-4000:]}")
    return wall, usage.ru_maxrss


def measure(name: str, size: int, command: list[str], cwd: Path, out: Path, log: Path) -> Run:
    wall, peak_kb = run_logged(command, cwd, log)
    files = [p for p in out.rglob("*") if p.is_file()]
    html = {p.relative_to(out).as_posix(): p.stat().st_size for p in files if p.suffix == ".html"}
    return Run(name, size, wall, peak_kb, sum(p.stat().st_size for p in files), html)


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


def check_command() -> list[str]:
    """`course check` of the project in the working folder (the installed command, this Python's)."""
    return [str(Path(sys.executable).with_name("course")), "check"]

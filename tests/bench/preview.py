"""The preview's edit-to-visible time: `mkdocs serve` on a project, two edits to one lesson.

    preview_times(project, log) -> Preview

After the first build is served, one lesson is edited twice, as an author would: a sentence added
to its body, then its title (front matter) changed. Each time is measured from saving the file to
the lesson's page, fetched again and again over HTTP, holding the new text.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.bench.builds import ENV
from tests.bench.curricula import Project
from tests.brand import path_of, read_config

SERVE_TIMEOUT = 900  # seconds for the first build of the largest size on a busy machine
SETTLE = 2.0  # seconds between edits, so the second is not folded into the first's rebuild


@dataclass
class Preview:
    first_page: float  # seconds from starting the server to the first page served
    body_edit: float
    title_edit: float


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


def wait_for(url: str, test: Callable[[str], bool], server: subprocess.Popen, log: Path) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < SERVE_TIMEOUT:
        if server.poll() is not None:
            sys.exit(f"mkdocs serve stopped (exit {server.returncode}); its output:\n{log.read_text()[-4000:]}")
        text = fetch(url)
        if text is not None and test(text):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not show the change in {SERVE_TIMEOUT} s")


def edit_body(text: str, marker: str) -> str:
    return text.rstrip("\n") + f"\n\nA sentence added while previewing: {marker}.\n"


def edit_title(text: str, marker: str) -> str:
    """The front matter's `title:` with the marker added (as a quoted YAML string)."""
    return re.sub(r"^title: (.*)$", lambda m: f'title: "{m[1].strip(chr(34))} {marker}"', text, count=1, flags=re.MULTILINE)


def timed_edit(lesson: Path, edit: Callable[[str, str], str], url: str, server: subprocess.Popen, log: Path) -> float:
    marker = f"bench{time.time_ns()}"
    text = lesson.read_text(encoding="utf-8")
    time.sleep(SETTLE)
    start = time.perf_counter()
    lesson.write_text(edit(text, marker), encoding="utf-8")
    wait_for(url, lambda page: marker in page, server, log)
    return time.perf_counter() - start


def preview_times(project: Project, log: Path) -> Preview:
    port = free_port()
    lesson = project.root / project.edit_target
    original = lesson.read_text(encoding="utf-8")
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
            body = timed_edit(lesson, edit_body, url, server, log)
            title = timed_edit(lesson, edit_title, url, server, log)
            return Preview(first, body, title)
        finally:
            server.terminate()
            server.wait(timeout=30)
            lesson.write_text(original, encoding="utf-8")  # later runs build the committed lesson

"""A real `mkdocs serve` of a project, for the preview's tests (tests/build/test_preview*.py)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.brand import path_of, read_config
from tests.factory import BUILD_ENV, Project

# How long a test waits for the preview to answer after a file is saved. The promise is 10 s, and
# an idle machine answers in 2 to 3; a test machine running other tests alongside can take several
# times longer, and the test is about never hanging, not speed (speed belongs in make bench).
WITHIN = 60


class Preview:
    """A running `mkdocs serve` of `project`, its output in a file."""

    def __init__(self, project: Project, log: Path):
        self.project, self.log = project, log
        with socket.socket() as probe:  # a free port, handed to MkDocs
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}{path_of(read_config(project.root)['site_url'])}"  # served under site_url's path
        command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{self.port}"]
        with log.open("w") as out:
            self.process = subprocess.Popen(
                command, cwd=project.root, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, **BUILD_ENV}
            )

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.base + path, timeout=WITHIN) as answer:
                return answer.status, answer.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")

    def wait_until_serving(self) -> None:
        deadline = time.monotonic() + 120
        while "Serving on" not in self.output():
            assert self.process.poll() is None, f"the preview stopped:\n{self.output()}"
            assert time.monotonic() < deadline, f"the preview did not start:\n{self.output()}"
            time.sleep(0.2)
        time.sleep(1)  # the file watcher's first look at the folders

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@contextmanager
def serving(project: Project, log: Path) -> Iterator[Preview]:
    preview = Preview(project, log)
    try:
        preview.wait_until_serving()
        yield preview
    finally:
        preview.stop()


def within(seconds: float, what: str, condition: Callable[[], bool], output: Callable[[], str]) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"not within {seconds} s: {what}\n{output()}"
        time.sleep(0.2)

"""The live preview always answers, and a build says only what an author needs.

MkDocs 1.6's preview (`mkdocs serve`) holds every request until a rebuild succeeds: after a rebuild
that failed (a wrong field stops the build in the course plugin's on_config) each page spins with
no word in the browser. `Preview.keep_answering` wraps the preview's builder. When a rebuild
fails, it writes a page naming the problems over every page of the last good site, and over
404.html, which the preview serves for any other address. Then it returns as if the build had
worked, so the server answers again and the open pages reload, to the problems now and to the
real page after the next rebuild that succeeds. `mkdocs build` never goes through this: it stays
strict and all or nothing (publish.py).

`quiet_macros` keeps mkdocs-macros' start-up notes (its module, variables, macros and filters, six
INFO lines on every build) out of the output unless MkDocs runs with --verbose. Material's
end-of-life notice is printed before any plugin is loaded: only NO_MKDOCS_2_WARNING=1 silences it
(`make serve` sets it).
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from mkdocs.exceptions import MkDocsException

from macros.curriculum.problems import Problem

log = logging.getLogger("mkdocs.plugins.course")
MACROS_LOG = "mkdocs.plugins.mkdocs_macros.util"  # the one logger mkdocs-macros writes to
_ANSI = re.compile(r"\x1b\[[0-9;]*m")  # terminal colours, in some plugins' messages


class _QuietUnlessVerbose(logging.Filter):
    """Warnings and errors always pass; notes only with --verbose (the mkdocs logger at DEBUG)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING or logging.getLogger("mkdocs").isEnabledFor(logging.DEBUG)


QUIET_MACROS = _QuietUnlessVerbose()


def quiet_macros() -> None:
    # Left in place after the build: it asks for --verbose on each note, and is added only once.
    logging.getLogger(MACROS_LOG).addFilter(QUIET_MACROS)


class _Errors(logging.Handler):
    """The errors logged during one build: what the page shows when no course problem was named
    (a broken mkdocs.yml, a theme template that does not compile)."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(_ANSI.sub("", record.getMessage()))


class Preview:
    """The preview's site folder, and what stopped its last rebuild."""

    def __init__(self, site_dir: str):
        self.site = Path(site_dir)
        self.problems: list[Problem] = []  # the course plugin puts here the problems that stop a build
        self.pages: set[Path] = _html_pages(self.site)  # the last good build's pages

    def keep_answering(self, builder: Callable[..., None], quick: Callable[[], bool] = lambda: False) -> Callable[..., None]:
        """The preview's builder: the quick path when it can (live_update.py), else a full rebuild
        that, when it fails, puts its problems on every page."""

        def build(*args, **kwargs) -> None:
            if not args and not kwargs and self._quickly(quick):
                return
            self.problems = []
            errors = _Errors()
            mkdocs_log = logging.getLogger("mkdocs")
            mkdocs_log.addHandler(errors)
            try:
                builder(*args, **kwargs)
            except Exception as error:  # MkDocs' Abort too: whatever stopped it, the pages say so
                self._show(self.problems or errors.messages or [_unlogged(error)])
                if not isinstance(error, MkDocsException):  # a template or a bug, not a checked problem
                    log.info("`mkdocs serve --verbose` shows where the rebuild stopped.")
                    log.debug("The rebuild stopped here:", exc_info=error)
            else:
                self.pages = _html_pages(self.site)
            finally:
                mkdocs_log.removeHandler(errors)

        return build

    def _quickly(self, quick: Callable[[], bool]) -> bool:
        try:
            return quick()
        except Exception as error:  # never worse than MkDocs' own rebuild: take that
            log.info("The quick rebuild did not work out; rebuilding the whole site.")
            log.debug("The quick rebuild stopped here:", exc_info=error)
            return False

    def _show(self, problems: Sequence[Problem | str]) -> None:
        page = problem_page(problems)
        # The failed build may have emptied the folder already: the last good pages come back too.
        for relative in self.pages | _html_pages(self.site) | {Path("404.html")}:
            path = self.site / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(page, encoding="utf-8")
        log.info("The preview shows these problems on every page; it reloads by itself once they are fixed.")


def ask_for_rebuild(server) -> None:
    """Have MkDocs' preview server rebuild, as when a watched file changes (its builder loop)."""
    with server._rebuild_cond:  # MkDocs 1.6's LiveReloadServer: no public way to ask
        server._want_rebuild = True
        server._rebuild_cond.notify_all()


def _html_pages(site: Path) -> set[Path]:
    return {path.relative_to(site) for path in site.rglob("*.html")}


def _unlogged(error: Exception) -> str:
    """An error nobody logged (MkDocs logs its own and the course plugin's): the terminal names it too."""
    text = str(error) if isinstance(error, MkDocsException) else f"{type(error).__name__}: {error}"
    log.error(text)
    return text


# -- the page -----------------------------------------------------------------------------------

# The preview adds its own reload script to the pages it serves from the folder, but not to the
# 404 page it answers other addresses with: that one asks the same endpoint for the next build.
_RELOAD = """
addEventListener("load", function () {
  if (typeof livereload === "function") return;
  var wait = function (seen) {
    fetch("/livereload/" + seen + "/" + Date.now())
      .then(function (answer) { return answer.text(); })
      .then(function (text) { var built = parseInt(text, 10); if (seen && built > seen) location.reload(); else wait(built); },
            function () { setTimeout(function () { wait(seen); }, 3000); });
  };
  wait(0);
});
"""

_STYLE = """
body { font: 1.05rem/1.6 system-ui, sans-serif; color: #1a1a1a; background: #fff; margin: 0; }
main { max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
li { margin: 0 0 1rem; padding: 0.5rem 0.75rem; border-left: 4px solid #1a1a1a; white-space: pre-wrap; }
code { font: 0.95em ui-monospace, monospace; overflow-wrap: anywhere; }
"""


def problem_page(problems: Sequence[Problem | str]) -> str:
    """A plain page (no theme: the theme may be what broke) that names each problem in words."""
    count = len(problems)
    noun = "problem" if count == 1 else "problems"
    items = "\n".join(f"<li>{_item(problem)}</li>" for problem in problems)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Preview: {count} {noun} to fix</title>
<style>{_STYLE}</style>
</head>
<body>
<main>
<h1>The preview cannot show the site: {count} {noun} to fix</h1>
<p>The last change could not be built. The terminal running the preview lists the same {noun}.</p>
<p>Fix {"it" if count == 1 else "them"} and save: this page reloads by itself when the preview has rebuilt.</p>
<h2>{noun.capitalize()}</h2>
<ul>
{items}
</ul>
</main>
<script>{_RELOAD}</script>
</body>
</html>
"""


def _item(problem: Problem | str) -> str:
    if isinstance(problem, str):
        return html.escape(problem)
    where = f"{problem.file}:{problem.line}" if problem.line else problem.file
    field = f", field <code>{html.escape(problem.field)}</code>" if problem.field else ""
    hint = f"\n<strong>How to fix:</strong> {html.escape(problem.hint)}" if problem.hint else ""
    return f"<code>{html.escape(where)}</code>{field}: {html.escape(problem.message)}{hint}"

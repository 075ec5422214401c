"""The benchmark's results as Markdown, ready for docs/authoring/performance.md.

report(results, machine) -> str
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from tests.bench.browser import Fetched, Transfer
from tests.bench.builds import Run
from tests.bench.curricula import Project
from tests.bench.preview import Preview

KB = 1000
LEVEL = 0.20  # the time a page "stays level" within this fraction from the smallest size to the largest


@dataclass
class SizeResult:
    project: Project
    generated: float  # seconds to write and commit the curriculum
    checked: float  # seconds of `course check` on it
    runs: dict[str, Run]  # ours, plain, markdown
    transfer: Transfer | None = None
    preview: Preview | None = None
    query: str = ""


def _kb(size: float) -> str:
    return f"{size / KB:,.0f} KB"


def _seconds(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f} s"


def build_table(results: list[SizeResult]) -> list[str]:
    lines = [
        "| Lessons | Build | Pages | Seconds | Time a page | Peak memory | Written | Median page | Largest page |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for result in results:
        for run in result.runs.values():
            lines.append(
                f"| {result.project.lessons:,} | {run.name} | {run.pages:,} | {run.wall:.1f} | {run.ms_per_page:.0f} ms "
                f"| {run.peak_kb / 1024:.0f} MB | {run.written / 1e6:.0f} MB | {_kb(run.median_html)} | {_kb(run.largest_html[1])} |"
            )
    return lines


def summary_table(results: list[SizeResult]) -> list[str]:
    lines = [
        "| Lessons | Modules | Ours ÷ plain | Ours | Plain | Markdown alone | Median page HTML | Largest page HTML |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for result in results:
        ours, plain, markdown = (result.runs[name] for name in ("ours", "plain", "markdown"))
        lines.append(
            f"| {result.project.lessons:,} | {result.project.modules} | **{ours.wall / plain.wall:.2f}** | {ours.wall:.1f} s "
            f"| {plain.wall:.1f} s | {markdown.wall:.1f} s | {_kb(ours.median_html)} | {_kb(ours.largest_html[1])} |"
        )
    return lines


def _results_cell(transfer: Transfer) -> str:
    if not transfer.results:
        return f"**none**: {transfer.problem}"
    return f"{transfer.results} shown after {transfer.results_after:.1f} s"


def learner_table(results: list[SizeResult]) -> list[str]:
    query = results[0].query
    lines = [
        f'| Lessons | First visit to a lesson (gzip) | First query, "{query}" (gzip) | Results '
        "| Preview: body edit shown | Preview: title edit shown |",
        "| ---: | ---: | ---: | --- | ---: | ---: |",
    ]
    for result in results:
        transfer, preview = result.transfer, result.preview
        visit = _kb(transfer.first_visit.gzip) if transfer else "–"
        first_query = _kb(transfer.first_query.gzip) if transfer else "–"
        found = _results_cell(transfer) if transfer else "–"
        body = _seconds(preview.body_edit if preview else None)
        title = _seconds(preview.title_edit if preview else None)
        lines.append(f"| {result.project.lessons:,} | {visit} | {first_query} | {found} | {body} | {title} |")
    return lines


def level_line(results: list[SizeResult]) -> str:
    ours = [result.runs["ours"] for result in results]
    if len(ours) < 2:
        return f"Our time a page: {ours[0].ms_per_page:.0f} ms (one size: run two or more to see whether it stays level)."
    change = ours[-1].ms_per_page / ours[0].ms_per_page - 1
    verdict = "it stays level" if abs(change) <= LEVEL else "it does not stay level"
    steps = ", ".join(f"{run.ms_per_page:.0f} ms at {run.size:,}" for run in ours)
    span = f"{change:+.0%} from {ours[0].size:,} to {ours[-1].size:,}"
    return f"Our time a page: {steps} lessons; {span}: {verdict} (the aim: within ±{LEVEL:.0%})."


def _short(url: str) -> str:
    """The last two parts of a URL's path: enough to tell the files apart."""
    return "/".join([part for part in urlsplit(url).path.split("/") if part][-2:])


def _fetched(fetched: Fetched) -> str:
    if not fetched.sizes:
        return "nothing fetched"
    heaviest = ", ".join(f"`{_short(url)}` {_kb(sent)}" for url, sent in fetched.largest(3))
    return f"{len(fetched.sizes)} responses, {_kb(fetched.raw)} uncompressed; the largest {heaviest}"


def notes(results: list[SizeResult]) -> list[str]:
    lines = []
    for result in results:
        project, ours, transfer = result.project, result.runs["ours"], result.transfer
        page, size = ours.largest_html
        lines.append(
            f"- {project.lessons:,} lessons: {project.modules} modules, {project.articles} articles; written in {result.generated:.1f} s, "
            f"`course check` {result.checked:.1f} s; largest page `{page}` ({_kb(size)})."
        )
        if transfer:
            lines.append(
                f"  First visit: {_fetched(transfer.first_visit)}. First query: {_fetched(transfer.first_query)}; {transfer.problem}."
            )
    return lines


def report(results: list[SizeResult], machine: str) -> str:
    sections = [
        machine,
        "",
        "### Builds",
        "",
        *build_table(results),
        "",
        *summary_table(results),
        "",
        level_line(results),
        "",
        "### What a learner downloads, and what an author waits for",
        "",
        "Chromium, phone-sized window, cold cache; every response counted at gzip level 1. The preview: `mkdocs serve`,",
        "from saving a lesson to its page serving the new text.",
        "",
        *learner_table(results),
        "",
        *notes(results),
    ]
    return "\n".join(sections) + "\n"

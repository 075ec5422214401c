"""Where our build spends its time: cProfile's statistics as Markdown tables (make bench PROFILE=1).

print_profile(stats_file)   our code (macros/), the plugins' event handlers, and everything by own time
"""

from __future__ import annotations

import pstats
from pathlib import Path


def _where(key: tuple[str, int, str]) -> str:
    file, line, func = key
    for marker, prefix in (("site-packages/", ""), ("/macros/", "macros/"), ("/overrides/", "overrides/")):
        if marker in file:
            file = prefix + file.split(marker, 1)[1]
    return f"{file}:{line}({func})"


def print_profile(stats_file: Path, top: int = 12) -> None:
    stats = pstats.Stats(str(stats_file))
    entries = stats.stats  # type: ignore[attr-defined]  # pstats keeps its table here, untyped
    total = max(ct for _, _, _, ct, _ in entries.values())
    rows = entries.items()

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

"""The minimal course made ready for tests of "after the course": the action plan, the confidence
ratings and their SCORM records (tests/build/test_action_plan_page.py, tests/browser/test_action_plan.py).

    plan_project(dest)     Project.minimal with behaviours at work for module 'route-planning' (it
                           has a capstone), one of them HOSTILE, and the repository's scripts
                           and stylesheets as mkdocs.yml loads them

HOSTILE is what a behaviour's text may hold and must come out of every output as the same text:
markup, template syntax, the characters iCalendar escapes (comma, semicolon, backslash), a line
break, and letters of two and three bytes in UTF-8 long enough to be folded.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.factory import ROOT, Project

MODULE = "route-planning"
TITLE = "Route planning"
OBJECTIVES = ("choose-legs", "take-bearing")
HOSTILE = (
    'Splits the route at a stile, a gate; or a "bend" \\ then checks <script>alert(1)</script> {{ config.site_name }} '
    "at the café in Zürich, 日本の地図で確かめる.\nEvery time."
)
BEHAVIOURS = {
    "choose-legs": [HOSTILE, "Names the feature at the end of each leg before setting off."],
    "take-bearing": [
        "Takes a bearing from the map for each leg before walking it.",
        "Checks the bearing against the ground at each feature.",
    ],
}
TEXTS = {
    "choose-legs": "Split a route into short legs between features you can find.",
    "take-bearing": "Take a bearing from the map for each leg.",
}


def objectives_yaml() -> str:
    lines = ["objectives:"]
    for objective, behaviours in BEHAVIOURS.items():
        lines += [f"  {objective}:", f"    text: {TEXTS[objective]}", "    on_the_job:"]
        lines += [f"      - {json.dumps(text, ensure_ascii=False)}" for text in behaviours]  # JSON strings are YAML strings
    return "\n".join(lines) + "\n"


def _block(text: str, key: str) -> str:
    """The block of mkdocs.yml (or module.yml) that starts at the top-level `key:`."""
    found = re.search(rf"^{key}:\n(?:[ #].*\n|\n)*", text, flags=re.MULTILINE)
    assert found, f"no {key}: block"
    return found.group(0)


def plan_project(dest: Path) -> Project:
    project = Project.minimal(dest)
    meta = f"modules/{MODULE}/module.yml"
    project.replace(meta, _block(project.read(meta), "objectives"), objectives_yaml())
    repo = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for key in ("extra_css", "extra_javascript"):  # every script, in the site's order (store.js first)
        project.replace("mkdocs.yml", _block(project.read("mkdocs.yml"), key), _block(repo, key))
    return project

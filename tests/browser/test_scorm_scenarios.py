"""Practice conversations in an LMS: a scenario's choices and ending, as the scenario page reports
them ("course:scenario-choice", "course:scenario-end": outputs/scorm/bridge.js), reach the test
LMS (scorm-again's SCORM 1.2 API, as in tests/browser/test_scorm.py) through the package's bridge
and runtime. The package is the minimal course's module with one scenario (tests/scenario_sample.py)
and `scenarios_in_score: true`. The events are dispatched here, on a page of the package, as the
scenario page's script dispatches them.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile

import pytest
from playwright.sync_api import expect

from macros.outputs.browser import serve_folder
from tests.factory import ROOT, Project
from tests.scenario_sample import MODULE, SAMPLE_PATH, SAMPLE_YAML, SCENARIO

from .helpers import DESKTOP, content_h1

pytestmark = pytest.mark.browser

RUNTIME = ROOT / "tests/fixtures/scorm-again/scorm12.min.js"  # scorm-again 3.4.3
QUESTIONS = 2  # one knowledge-check question in each of the module's two lessons

HOST = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Test LMS</title>
<link rel="icon" href="data:,">
<script src="scorm12.min.js"></script>
<script>
// scorm-again's SCORM 1.2 API as window.API, its record kept in sessionStorage (as an LMS keeps it).
(function () {
  var saved = JSON.parse(sessionStorage.getItem("lms.cmi") || "null");
  var api = new Scorm12API({ autocommit: false, logLevel: 5 });
  if (saved) api.loadFromJSON(saved);
  api.cmi.core.lesson_mode = sessionStorage.getItem("lms.mode") || "normal";
  api.on("LMSCommit", function () { sessionStorage.setItem("lms.cmi", JSON.stringify(api.cmi.toJSON())); });
  window.API = api;
})();
</script>
</head>
<body>
<iframe id="sco" src="content/launch.html" title="The course" style="width:100%;height:800px;border:0"></iframe>
</body>
</html>
"""


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    """The module's package, made by `course export scorm` in the project, and what it holds."""
    root = tmp_path_factory.mktemp("scorm-scenarios")
    project = Project.minimal(root / "project")
    project.write(SAMPLE_PATH, SAMPLE_YAML)
    project.append(f"modules/{MODULE}/module.yml", "scenarios_in_score: true\n")
    # The scenario page's script, as the repository's mkdocs.yml loads it (the fixture predates it).
    project.replace(
        "mkdocs.yml", "  - assets/javascripts/course.js\n", "  - assets/javascripts/course.js\n  - assets/javascripts/scenario.js\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "macros.authoring.cli", "export", "scorm", MODULE, "--out", str(root / "out")],
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, f"course export scorm failed:\n{result.stdout}\n{result.stderr}"
    return root / "out" / f"{MODULE}-scorm12.zip"


@pytest.fixture(scope="module")
def lms_url(package, tmp_path_factory):
    web = tmp_path_factory.mktemp("web")
    with zipfile.ZipFile(package) as archive:
        archive.extractall(web / "lms/content")
    (web / "lms/host.html").write_text(HOST, encoding="utf-8")
    (web / "lms/blank.html").write_text(
        '<!doctype html><html lang="en"><title>Blank</title><link rel="icon" href="data:,">', encoding="utf-8"
    )
    shutil.copyfile(RUNTIME, web / "lms/scorm12.min.js")
    with serve_folder(web) as base:
        yield base + "lms/"


@pytest.fixture
def lms(browser, lms_url):
    context = browser.new_context(**DESKTOP)
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.on("console", lambda message: tab.errors.append(message.text) if message.type == "error" else None)
    tab.base = lms_url
    yield tab
    context.close()


def cmi(page) -> dict:
    return page.evaluate("() => JSON.parse(JSON.stringify(API.cmi))")


def dispatch(page, events: list[tuple[str, dict]]) -> None:
    """Each event on the document of the page the package shows, as the scenario page sends them."""
    frame = page.frame_locator("#sco").frame_locator("#course-content")
    expect(content_h1(frame)).to_have_text("Map reading")
    body = frame.locator("body")
    for name, detail in events:
        body.evaluate("(body, [name, detail]) => body.ownerDocument.dispatchEvent(new CustomEvent(name, {detail}))", [name, detail])


def choice(node: str, number: int, shows=(), misses=(), scenario: str = SCENARIO) -> tuple[str, dict]:
    return "course:scenario-choice", {"scenario": scenario, "node": node, "choice": number, "shows": list(shows), "misses": list(misses)}


def end(outcome: str, scenario: str = SCENARIO) -> tuple[str, dict]:
    return "course:scenario-end", {"scenario": scenario, "outcome": outcome}


def test_each_choice_is_an_interaction_and_the_first_ending_counts_in_the_score(lms):
    page = lms
    page.goto(page.base + "blank.html")
    page.evaluate("() => sessionStorage.clear()")
    page.goto(page.base + "host.html")
    # A recovering path to the good ending: a poor first reply, then the way back.
    dispatch(
        page,
        [
            choice("opening", 3, misses=["read-symbols"]),
            choice("defensive", 1, shows=["read-symbols"]),
            choice("which-map", 1, shows=["read-relief", "read-symbols"]),
            choice("contours", 1, shows=["read-relief"]),
            end("good"),
        ],
    )
    page.wait_for_function("() => API.cmi.suspend_data && JSON.parse(API.cmi.suspend_data).ends")
    record = cmi(page)
    interactions = [record["interactions"][key] for key in sorted(record["interactions"], key=int)]
    assert [(i["id"], i["type"], i["student_response"], i["result"]) for i in interactions] == [
        (f"{SCENARIO}-opening", "choice", "3", "wrong"),
        (f"{SCENARIO}-defensive", "choice", "1", "correct"),
        (f"{SCENARIO}-which-map", "choice", "1", "correct"),
        (f"{SCENARIO}-contours", "choice", "1", "correct"),
    ]
    assert [[o["id"] for o in i["objectives"].values()] for i in interactions] == [
        ["read-symbols"],
        ["read-symbols"],
        ["read-relief", "read-symbols"],
        ["read-relief"],
    ]
    assert json.loads(record["suspend_data"])["ends"] == {SCENARIO: "g"}
    assert record["core"]["score"]["raw"] == str(round(100 * 1 / (QUESTIONS + 1))), "the scenario is one more question, right"

    # Played again, to a poor ending: recorded as choices, but the first ending is the one that counts.
    # Events of another module's scenario, or with a choice that is not a number, are not recorded.
    dispatch(
        page,
        [choice("opening", 2, misses=["read-relief"]), end("poor"), choice("opening", 1, scenario="elsewhere"), end("good", "elsewhere")],
    )
    dispatch(page, [("course:scenario-choice", {"scenario": SCENARIO, "node": "opening", "choice": "1", "shows": [], "misses": []})])
    page.wait_for_function("() => API.cmi.interactions.childArray.length === 5")
    page.reload()  # the learner leaves and comes back: the LMS's record is where the runtime starts from
    dispatch(page, [end("poor")])
    page.wait_for_function("() => API.cmi.core.score.raw !== ''")
    record = cmi(page)
    assert [(i["id"], i["student_response"], i["result"]) for i in record["interactions"].values()][-1] == (
        f"{SCENARIO}-opening",
        "2",
        "wrong",
    )
    assert json.loads(record["suspend_data"])["ends"] == {SCENARIO: "g"}
    assert record["core"]["score"]["raw"] == "33"
    assert page.errors == []


def test_a_learner_plays_the_scenario_page_in_the_lms_keyboard_only(lms):
    """The real page and its script (docs/assets/javascripts/scenario.js), reached from the overview."""
    page = lms
    page.goto(page.base + "blank.html")
    page.evaluate("() => sessionStorage.clear()")
    page.goto(page.base + "host.html")
    frame = page.frame_locator("#sco").frame_locator("#course-content")
    expect(content_h1(frame)).to_have_text("Map reading")
    frame.locator(f'.md-content a[href$="scenarios/{SCENARIO}.html"]').first.press("Enter")
    player = frame.locator(f'[data-scenario="{SCENARIO}"] [data-scenario-player]')
    for reply in ("Happy to. Which map will you carry?", "Those are contours. Close together means steep.", "Yes, that's the scramble."):
        player.get_by_role("button", name=re.compile(re.escape(reply))).press("Enter")
        player.get_by_role("button", name="Continue").press("Enter")
    expect(player.locator(".course-scenario__ending-title")).to_contain_text("She walks the ridge and takes the easy way down")
    page.wait_for_function("() => API.cmi.suspend_data && JSON.parse(API.cmi.suspend_data).ends")
    record = cmi(page)
    assert [(i["id"], i["student_response"], i["result"]) for i in record["interactions"].values()] == [
        (f"{SCENARIO}-opening", "1", "correct"),
        (f"{SCENARIO}-which-map", "1", "correct"),
        (f"{SCENARIO}-contours", "1", "correct"),
    ]
    assert json.loads(record["suspend_data"])["ends"] == {SCENARIO: "g"}
    assert record["core"]["lesson_location"] == f"modules/{MODULE}/scenarios/{SCENARIO}.html"
    assert page.errors == []


def test_a_review_launch_records_no_choice(lms):
    page = lms
    page.goto(page.base + "blank.html")
    page.evaluate("() => { sessionStorage.clear(); sessionStorage.setItem('lms.mode', 'review'); }")
    page.goto(page.base + "host.html")
    dispatch(page, [choice("opening", 1, shows=["read-symbols"]), end("good")])
    page.wait_for_function("() => API.cmi.suspend_data && JSON.parse(API.cmi.suspend_data).ends")
    record = cmi(page)
    assert record["interactions"] == {} and record["core"]["score"]["raw"] == ""
    assert page.errors == []


def test_the_package_holds_the_scenario_page_with_the_bridge(package):
    with zipfile.ZipFile(package) as archive:
        page = archive.read(f"modules/{MODULE}/scenarios/{SCENARIO}.html").decode("utf-8")
    assert "scorm-bridge.js" in page and f'data-scenario="{SCENARIO}"' in page

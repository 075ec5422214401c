"""The SCORM 1.2 package in a real SCORM runtime: a learner walks a module inside a test LMS.

The test LMS is a page (HOST) running scorm-again's Scorm12API (tests/fixtures/scorm-again/) as
`window.API`, with the unpacked package in a frame, as an LMS shows it. What the API records is
kept in the page's sessionStorage, as an LMS keeps it on its server, so reloading the page is the
learner coming back. The tests assert on that record: status, score, location, suspend data.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from macros.outputs.browser import serve_folder
from tests.brand import REPOSITORY
from tests.factory import ROOT

from .helpers import DESKTOP, blocking_violations, content_h1, describe_violations

pytestmark = [pytest.mark.browser, pytest.mark.curriculum]  # on this repository's sample modules

MODULE = "questioning-skills"
PACKAGE = f"{MODULE}-scorm12.zip"
START = f"modules/{MODULE}/index.html"
LESSONS = [
    "why-questions-matter",
    "open-closed-and-probing",
    "things-and-people",
    "listening-and-summarising",
    "answering-in-their-interest",
]
PAGES = [*LESSONS, "capstone"]
QUESTIONS = 21  # knowledge-check questions in the module
# The questions answered wrong before right, by lesson: 3 of 21 wrong first, so 18 right: 86 %.
WRONG_FIRST = {"why-questions-matter": {1}, "open-closed-and-probing": {2, 5}}
RUNTIME = ROOT / "tests/fixtures/scorm-again/scorm12.min.js"  # scorm-again 3.4.3

HOST = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Test LMS</title>
<link rel="icon" href="data:,">
<script src="scorm12.min.js"></script>
<script>
// The LMS side: scorm-again's SCORM 1.2 API. Every call and the data model are kept in
// sessionStorage; on a reload the learner resumes (entry "resume") if the course exited "suspend".
(function () {
  var saved = JSON.parse(sessionStorage.getItem("lms.cmi") || "null");
  var log = JSON.parse(sessionStorage.getItem("lms.log") || "[]");
  var api = new Scorm12API({ autocommit: false, logLevel: 5 });
  if (saved) {
    api.loadFromJSON(saved);
    api.cmi.core.entry = saved.core.exit === "suspend" ? "resume" : "";
  } else {
    api.cmi.core.entry = "ab-initio";
  }
  api.cmi.student_data.mastery_score = sessionStorage.getItem("lms.mastery") || "MASTERY";
  api.cmi.core.lesson_mode = sessionStorage.getItem("lms.mode") || "normal";
  function keep(entry) {
    log.push(entry);
    sessionStorage.setItem("lms.log", JSON.stringify(log));
    sessionStorage.setItem("lms.cmi", JSON.stringify(api.cmi.toJSON()));
  }
  ["LMSInitialize", "LMSCommit", "LMSFinish"].forEach(function (name) {
    api.on(name, function () { keep([name]); });
  });
  api.on("LMSSetValue.cmi.*", function (element, value) { keep(["LMSSetValue", element, value]); });
  window.API = api;
})();
</script>
</head>
<body>
<iframe id="sco" src="content/launch.html" title="The course" style="width:100%;height:860px;border:0"></iframe>
</body>
</html>
"""


@pytest.fixture(scope="module")
def lms_url(tmp_path_factory):
    """The test LMS at http://127.0.0.1:<port>/lms/host.html, the package unpacked in lms/content/."""
    out = tmp_path_factory.mktemp("scorm")
    result = subprocess.run(
        [sys.executable, "-m", "macros.authoring.cli", "export", "scorm", MODULE, "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, f"course export scorm failed:\n{result.stdout}\n{result.stderr}"
    web = tmp_path_factory.mktemp("web")
    with zipfile.ZipFile(out / PACKAGE) as archive:
        archive.extractall(web / "lms/content")
        manifest = archive.read("imsmanifest.xml").decode("utf-8")
    mastery = re.search(r"<adlcp:masteryscore>(\d+)</adlcp:masteryscore>", manifest).group(1)  # an LMS reads it from there
    (web / "lms/host.html").write_text(HOST.replace("MASTERY", mastery), encoding="utf-8")
    shutil.copyfile(RUNTIME, web / "lms/scorm12.min.js")
    (web / "lms/blank.html").write_text(
        '<!doctype html><html lang="en"><title>Blank</title><link rel="icon" href="data:,">', encoding="utf-8"
    )
    with serve_folder(web) as base:
        yield base + "lms/"


@pytest.fixture
def lms(browser, lms_url):
    """A fresh desktop tab; every request and every error of the page and its frames recorded."""
    context = browser.new_context(**DESKTOP)
    tab = context.new_page()
    tab.requests, tab.errors = [], []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.on("console", lambda message: tab.errors.append(message.text) if message.type == "error" else None)
    tab.base = lms_url
    yield tab
    context.close()


def content(page):
    """The module's pages: the frame inside launch.html, inside the LMS's frame."""
    return page.frame_locator("#sco").frame_locator("#course-content")


def cmi(page) -> dict:
    return page.evaluate("() => JSON.parse(JSON.stringify(API.cmi))")


def wait_for(page, element: str, value: str) -> None:
    """Until the LMS holds `value` for `element` (such as core.lesson_status)."""
    page.wait_for_function("([path, value]) => path.split('.').reduce((node, key) => node[key], API.cmi) === value", arg=[element, value])


def suspend_data(page) -> dict:
    return json.loads(cmi(page)["suspend_data"])


def lesson_check(frame, lesson: str):
    """The lesson's own knowledge check, once course.js has set it up. Waiting for it is how a test
    knows the page changed: after a click on "next" or "previous" the page before can still be on
    screen for a moment, with a check of its own."""
    check = frame.locator(f'.course-check[data-lesson$="/{lesson}"][data-course-ready]')
    expect(check).to_be_visible()
    return check


def first_wrong_and_right(lesson: str) -> tuple[str, str]:
    """The letters SCORM records for the lesson's first question: its first wrong option (what
    answer_check picks) and its correct one, in the order the site shows them (option_order.py)."""
    from macros.curriculum.load import load_curriculum

    module = load_curriculum(ROOT).module(MODULE)
    question = next(page for page in module.lessons if page.slug == lesson).knowledge_check[0]
    correct = [option.correct for option in question.options]
    return "abcdef"[correct.index(False)], "abcdef"[correct.index(True)]


def answer_check(frame, lesson: str) -> None:
    """Answer every question of the lesson's check: wrong first where WRONG_FIRST says, then right."""
    check = lesson_check(frame, lesson)
    questions = check.locator(".course-check__question")
    for number in range(1, questions.count() + 1):
        question = questions.nth(number - 1)
        if number in WRONG_FIRST.get(lesson, ()):
            question.locator("input[type=radio]:not([data-correct])").first.check()
            question.get_by_role("button", name="Check answer").click()
            expect(question.locator(".course-check__feedback--wrong")).to_be_visible()
        question.locator("input[data-correct]").check()
        question.get_by_role("button", name="Check answer").click()
        expect(question.locator(".course-check__feedback--right")).to_be_visible()
    expect(frame.locator(".course-complete__status")).to_contain_text("You've completed this lesson.")


def first_try_marks(lesson: str, count: int) -> str:
    return "".join("0" if number in WRONG_FIRST.get(lesson, ()) else "1" for number in range(1, count + 1))


def offsite(requests: list[str], base: str) -> list[str]:
    root = urlsplit(base)
    return [
        url
        for url in dict.fromkeys(requests)
        if not url.startswith(("data:", "about:", "blob:"))
        and (urlsplit(url).netloc != root.netloc or not urlsplit(url).path.startswith(root.path))
    ]


def test_a_learner_walks_the_module_leaves_and_resumes(lms):
    page = lms
    page.goto(page.base + "host.html")
    frame = content(page)
    expect(content_h1(frame)).to_have_text("Questioning skills")
    wait_for(page, "core.lesson_location", START)
    assert cmi(page)["core"]["lesson_status"] == "incomplete"
    assert cmi(page)["core"]["entry"] == "ab-initio"

    # Two lessons, from the overview's list and then the "next" link, as on the site.
    frame.locator(".course-lessons__list a").first.click()
    answer_check(frame, LESSONS[0])
    frame.locator(".course-pager__next").click()
    answer_check(frame, LESSONS[1])
    page.wait_for_function("() => JSON.parse(API.cmi.suspend_data).done.length === 2")
    record = cmi(page)
    assert record["core"]["lesson_location"] == f"modules/{MODULE}/{LESSONS[1]}.html"
    assert record["core"]["lesson_status"] == "incomplete"
    assert suspend_data(page)["done"] == LESSONS[:2]
    first_half = record

    # The learner leaves (the LMS page goes), then comes back.
    page.reload()
    log = page.evaluate("() => JSON.parse(sessionStorage.getItem('lms.log'))")
    assert log.count(["LMSInitialize"]) == 2 and log.count(["LMSFinish"]) == 1, "one finish for the first session, then a second start"
    assert ["LMSSetValue", "cmi.core.exit", "suspend"] in log
    expect(content_h1(frame)).to_have_text("Open, closed and probing questions")  # where they were
    assert cmi(page)["core"]["entry"] == "resume"
    assert suspend_data(page)["done"] == LESSONS[:2]
    expect(frame.locator(".course-complete__status")).to_contain_text("You've completed this lesson.")
    frame.locator(".course-pager__prev").click()
    lesson_check(frame, LESSONS[0])
    frame.locator(".course-pager__prev").click()  # the overview: the first two lessons ticked
    expect(frame.locator(".course-lessons__list .course-done")).to_have_count(2)
    expect(frame.locator(".course-progress__text")).to_have_text("2 of 5 lessons done")

    # The rest of the module, then the capstone.
    frame.locator(".course-lessons__list a").nth(2).click()
    for lesson in LESSONS[2:]:
        answer_check(frame, lesson)
        frame.locator(".course-pager__next").click()
    expect(content_h1(frame)).to_contain_text("Capstone")
    wait_for(page, "core.lesson_status", "incomplete")
    frame.get_by_role("button", name="Mark this activity as complete").click()
    page.wait_for_function(f"() => JSON.parse(API.cmi.suspend_data).done.length === {len(PAGES)}")
    assert suspend_data(page)["done"] == PAGES
    assert cmi(page)["core"]["lesson_location"] == f"modules/{MODULE}/capstone.html"
    assert offsite(page.requests, page.base) == []
    assert page.errors == []

    # The score: course.js's "course:answer" events, through bridge.js.
    assert first_half["core"]["score"] == {
        "raw": str(round(100 * 6 / QUESTIONS)),
        "min": "0",
        "max": "100",
    }  # 4 + 5 answered, 3 wrong first
    assert json.loads(first_half["suspend_data"])["first"] == {LESSONS[0]: "0111", LESSONS[1]: "10110"}
    wait_for(page, "core.lesson_status", "passed")
    record = cmi(page)
    print("\nRuntime data after the walk:", json.dumps(record, indent=1))

    # Each answer checked is one of the LMS's per-question records (cmi.interactions), in order:
    # every question once right, after the three wrong first answers.
    interactions = record["interactions"]
    assert sorted(interactions, key=int) == [str(n) for n in range(QUESTIONS + 3)], interactions.keys()
    assert len(first_half["interactions"]) == 4 + 5 + 3
    wrong_then_right = [interactions["0"], interactions["1"]]
    wrong, right = first_wrong_and_right(LESSONS[0])
    assert [(i["id"], i["type"], i["student_response"], i["correct_responses"]["0"]["pattern"], i["result"]) for i in wrong_then_right] == [
        (f"{LESSONS[0]}-q1", "choice", wrong, right, "wrong"),
        (f"{LESSONS[0]}-q1", "choice", right, right, "correct"),
    ]
    assert [i["result"] for i in interactions.values()].count("wrong") == 3
    assert all(re.fullmatch(r"\d\d:\d\d:\d\d", i["time"]) for i in interactions.values())

    assert record["core"]["score"] == {"raw": str(round(100 * 18 / QUESTIONS)), "min": "0", "max": "100"}
    data = suspend_data(page)
    counts = {
        "why-questions-matter": 4,
        "open-closed-and-probing": 5,
        "things-and-people": 4,
        "listening-and-summarising": 4,
        "answering-in-their-interest": 4,
    }
    assert data["first"] == {lesson: first_try_marks(lesson, count) for lesson, count in counts.items()}
    assert len(record["suspend_data"]) < 4096

    # Finished: leaving ends the session cleanly; coming back keeps "passed".
    page.reload()
    log = page.evaluate("() => JSON.parse(sessionStorage.getItem('lms.log'))")
    assert log.count(["LMSFinish"]) == 2
    assert ["LMSSetValue", "cmi.core.exit", ""] in log
    expect(content_h1(frame)).to_contain_text("Capstone")
    wait_for(page, "core.lesson_status", "passed")
    assert offsite(page.requests, page.base) == []
    assert page.errors == []


def test_below_the_lms_mastery_score_the_learner_fails(lms):
    """The LMS's mastery score wins over the manifest's: 86 % passes at 80 (above) but not at 90."""
    page = lms
    page.goto(page.base + "blank.html")  # the LMS's origin, before any course runs: the record to start from
    finished = {
        "v": 1,
        "done": PAGES,
        "first": {
            "why-questions-matter": "0111",
            "open-closed-and-probing": "10110",
            "things-and-people": "1111",
            "listening-and-summarising": "1111",
            "answering-in-their-interest": "1111",
        },
    }
    page.evaluate(
        "data => { sessionStorage.clear(); sessionStorage.setItem('lms.mastery', '90');"
        " sessionStorage.setItem('lms.cmi', JSON.stringify({suspend_data: data, core: {exit: 'suspend', lesson_status: 'incomplete'}})); }",
        json.dumps(finished),
    )
    page.goto(page.base + "host.html")
    wait_for(page, "core.lesson_status", "failed")
    assert cmi(page)["core"]["score"]["raw"] == "86"
    # The ticks come from the LMS's record, not from this browser's memory.
    expect(content(page).locator(".course-lessons__list .course-done")).to_have_count(5)
    assert page.errors == []


def test_a_review_launch_records_no_answers_score_or_status(lms):
    """An LMS's review launch: the learner can look again and answer, but their result stays as it was."""
    page = lms
    page.goto(page.base + "blank.html")
    page.evaluate("() => { sessionStorage.clear(); sessionStorage.setItem('lms.mode', 'review'); }")
    page.goto(page.base + "host.html")
    frame = content(page)
    frame.locator(".course-lessons__list a").first.click()
    answer_check(frame, LESSONS[0])
    frame.locator("body").evaluate(
        "body => body.ownerDocument.dispatchEvent(new CustomEvent('course:confidence', "
        f"{{detail: {{module: '{MODULE}', objective: 'diagnose', stage: 'after', rating: 4}}}}))"
    )
    page.wait_for_function("() => API.cmi.suspend_data && JSON.parse(API.cmi.suspend_data).done.length === 1")
    record = cmi(page)
    assert record["core"]["lesson_mode"] == "review"
    assert record["interactions"] == {}
    assert record["core"]["score"]["raw"] == ""
    assert record["core"]["lesson_status"] not in ("incomplete", "completed", "passed", "failed")
    assert page.errors == []


def test_an_answer_shown_before_a_first_try_counts_as_not_right_first_time(lms):
    """ "Show the answer" opened first, then the right option: the LMS records that question as not
    right first time, even when the learner leaves in between and comes back to answer it."""
    page = lms
    page.goto(page.base + "host.html")
    frame = content(page)
    frame.locator(".course-lessons__list a").first.click()
    question = lesson_check(frame, LESSONS[0]).locator(".course-check__question").first
    question.get_by_text("Show the answer").click()
    page.wait_for_function(f"() => JSON.parse(API.cmi.suspend_data).first['{LESSONS[0]}'] === '0---'")
    assert cmi(page)["core"]["score"]["raw"] == "0"

    page.reload()  # the learner leaves and comes back: the page starts afresh, the LMS remembers
    check = lesson_check(frame, LESSONS[0])
    questions = check.locator(".course-check__question")
    for number in range(questions.count()):
        questions.nth(number).locator("input[data-correct]").check()
        questions.nth(number).get_by_role("button", name="Check answer").click()
        expect(questions.nth(number).locator(".course-check__feedback--right")).to_be_visible()
    page.wait_for_function(f"() => JSON.parse(API.cmi.suspend_data).first['{LESSONS[0]}'] === '0111'")
    record = cmi(page)
    assert record["core"]["score"]["raw"] == str(round(100 * 3 / QUESTIONS))
    # Showing an answer is not an answer: the LMS's per-question records are the four checked.
    assert [(i["id"], i["result"]) for i in record["interactions"].values()] == [(f"{LESSONS[0]}-q{n}", "correct") for n in range(1, 5)]
    assert page.errors == []


def test_course_events_reach_the_lms(lms):
    """bridge.js forwards course.js's events: the first answer to a question is the one that counts,
    and an answer shown before any try counts as a wrong one."""
    page = lms
    page.goto(page.base + "host.html")
    frame = content(page)
    frame.locator(".course-lessons__list a").nth(2).click()
    wait_for(page, "core.lesson_location", f"modules/{MODULE}/things-and-people.html")
    send = "(body, [name, detail]) => body.ownerDocument.dispatchEvent(new CustomEvent(name, {detail}))"
    inner = page.frame_locator("#sco").frame_locator("#course-content").locator("body")
    for name, detail in [
        ("course:answer", {"lesson": f"{MODULE}/things-and-people", "question": "things-and-people-q2", "right": False, "firstTry": True}),
        ("course:answer", {"lesson": f"{MODULE}/things-and-people", "question": "things-and-people-q2", "right": True, "firstTry": False}),
        (
            "course:answer",
            {"lesson": "customer-service/positive-language", "question": "positive-language-q1", "right": True, "firstTry": True},
        ),
        ("course:reveal", {"lesson": f"{MODULE}/things-and-people", "question": "things-and-people-q3"}),
        ("course:reveal", {"lesson": f"{MODULE}/things-and-people", "question": "things-and-people-q2"}),  # answered already
        ("course:progress", {"done": [f"{MODULE}/why-questions-matter", "customer-service/positive-language"]}),
    ]:
        inner.evaluate(send, [name, detail])
    page.wait_for_function("() => JSON.parse(API.cmi.suspend_data).done.length === 1")
    assert suspend_data(page) == {"v": 1, "done": ["why-questions-matter"], "first": {"things-and-people": "-00-"}}
    assert cmi(page)["core"]["score"]["raw"] == "0"


def interactions_of(page) -> list[dict]:
    record = cmi(page)["interactions"]
    return [record[key] for key in sorted(record, key=int)]


def test_confidence_and_the_action_plan_are_recorded_as_interactions(lms):
    """after.js's "course:confidence" and "course:action-plan", through bridge.js: a likert record
    for each rating saved on the overview, fill-in records for the plan made on its page."""
    page = lms
    page.goto(page.base + "host.html")
    frame = content(page)
    ratings = frame.locator(".course-confidence")
    expect(ratings).to_be_visible()
    for objective, rating in (("diagnose", 2), ("confirm", 4)):
        ratings.locator(f'fieldset[data-objective="{objective}"]').get_by_role("radio", name=re.compile(rf"^{rating} ")).check()
    ratings.get_by_role("button", name="Save my ratings").click()
    page.wait_for_function("() => API.cmi.interactions.childArray.length === 2")

    frame.get_by_role("link", name="Make your action plan").click()
    expect(content_h1(frame)).to_have_text("Questioning skills: action plan")
    wait_for(page, "core.lesson_location", f"modules/{MODULE}/action-plan.html")
    choice = frame.locator('input[name="behaviour"]').first
    choice.check()
    behaviour = " ".join(frame.locator(".course-plan__behaviour").first.text_content().split())
    frame.get_by_label("When I will practise").fill("Tuesday late shifts, from 6; all month")
    frame.get_by_label("Who will observe me").fill("My team lead")
    frame.get_by_role("button", name="Save my plan").click()
    page.wait_for_function("() => API.cmi.interactions.childArray.length === 5")

    records = interactions_of(page)
    assert [(i["id"], i["type"], i["student_response"], i["result"]) for i in records] == [
        ("confidence-before-diagnose", "likert", "2", "neutral"),
        ("confidence-before-confirm", "likert", "4", "neutral"),
        ("action-plan-behaviour-1", "fill-in", behaviour, "neutral"),
        ("action-plan-when", "fill-in", "Tuesday late shifts, from 6; all month", "neutral"),
        ("action-plan-observer", "fill-in", "My team lead", "neutral"),  # no "where": none recorded
    ]
    assert [[o["id"] for o in i["objectives"].values()] for i in records[:2]] == [["diagnose"], ["confirm"]]
    assert all(re.fullmatch(r"\d\d:\d\d:\d\d", i["time"]) for i in records)

    # Sent as after.js sends them: a long answer is cut to SCORM 1.2's 255 characters, on one line;
    # another module's, an unknown objective's and a rating off the scale are not recorded.
    send = "(body, [name, detail]) => body.ownerDocument.dispatchEvent(new CustomEvent(name, {detail}))"
    inner = content(page).locator("body")
    long = "Asks, then waits;\nthen sums up. " * 20
    for name, detail in [
        ("course:confidence", {"module": MODULE, "objective": "frame", "stage": "after", "rating": 5}),
        ("course:confidence", {"module": MODULE, "objective": "frame", "stage": "after", "rating": 6}),
        ("course:confidence", {"module": MODULE, "objective": "nowhere", "stage": "after", "rating": 3}),
        ("course:confidence", {"module": "customer-service", "objective": "frame", "stage": "after", "rating": 3}),
        ("course:action-plan", {"module": "customer-service", "behaviours": ["Elsewhere"], "when": "", "where": "", "observer": ""}),
        ("course:action-plan", {"module": MODULE, "behaviours": [long], "when": "", "where": "Zürich desk", "observer": ""}),
    ]:
        inner.evaluate(send, [name, detail])
    page.wait_for_function("() => API.cmi.interactions.childArray.length === 8")
    last = [(i["id"], i["type"], i["student_response"]) for i in interactions_of(page)[5:]]
    cut = " ".join(long.split())[:254].strip() + "…"
    assert last == [
        ("confidence-after-frame", "likert", "5"),
        ("action-plan-behaviour-1", "fill-in", cut),
        ("action-plan-where", "fill-in", "Zürich desk"),
    ]
    assert len(cut) == 255
    assert page.errors == []


def test_search_and_styles_work_inside_the_lms_frame(lms):
    page = lms
    page.goto(page.base + "host.html")
    frame = content(page)
    expect(content_h1(frame)).to_have_text("Questioning skills")
    expect(frame.locator(".md-header")).to_have_css("background-color", REPOSITORY.rgb(REPOSITORY.primary))
    frame.locator(".md-search__input").click()
    frame.locator(".md-search__input").fill("probing")  # the package's own Pagefind index, over HTTP as an LMS serves it
    result = frame.locator(f'.md-search-result__item a[href*="modules/{MODULE}/open-closed-and-probing.html"]').first
    expect(result).to_be_visible()
    expect(result.locator(".course-search__where")).to_have_text("Lesson · Questioning skills")
    result.click()
    expect(content_h1(frame)).to_have_text("Open, closed and probing questions")
    wait_for(page, "core.lesson_location", f"modules/{MODULE}/open-closed-and-probing.html")
    assert offsite(page.requests, page.base) == []
    assert page.errors == []


def test_without_an_lms_the_package_works_as_plain_pages(lms):
    page = lms
    page.goto(page.base + "content/launch.html")  # no API anywhere above
    frame = page.frame_locator("#course-content")
    expect(content_h1(frame)).to_have_text("Questioning skills")
    frame.locator(".course-lessons__list a").first.click()
    question = frame.locator(".course-check__question").first
    question.locator("input[data-correct]").check()
    question.get_by_role("button", name="Check answer").click()
    expect(question.locator(".course-check__feedback--right")).to_be_visible()
    frame.locator(".course-pager__next").click()
    expect(content_h1(frame)).to_have_text("Open, closed and probing questions")
    assert offsite(page.requests, page.base) == []
    assert page.errors == []


def test_the_launch_page_passes_axe(lms):
    page = lms
    page.goto(page.base + "content/launch.html")
    expect(content_h1(page.frame_locator("#course-content"))).to_have_text("Questioning skills")
    violations = blocking_violations(page)
    assert violations == [], describe_violations(violations)

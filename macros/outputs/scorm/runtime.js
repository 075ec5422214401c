// The SCORM 1.2 side of a module package, run by launch.html (the SCO the LMS launches).
// Finds the LMS's API (window.API in a parent frame or the opener), initialises once, resumes from
// cmi.suspend_data, then shows the module's pages in a full-size frame. Each page tells this window
// (bridge.js, postMessage) which page is shown, each knowledge-check answer, each answer shown
// before a first try, each change of progress, each choice and ending in a practice
// conversation (a scenario), and after the course each confidence rating and action plan; this
// records lesson_location, suspend_data, score, status, each answer, each choice, each rating and
// each plan (cmi.interactions), and commits each change.
// Without an LMS the pages work as on the site, and nothing is recorded.
//
// suspend_data: {"v":1,"done":["<lesson>",...],"first":{"<lesson>":"10-"},"ends":{"<scenario>":"g"}}:
// the lessons (and the capstone) done; per lesson the first answer ever checked to each question:
// 1 right, 0 wrong (or the answer shown before any try), - not answered yet; per scenario the first
// ending reached: g good, r recoverable, p poor ("ends" only once there is one). Score: the share
// of the module's questions right at the first try, 0-100; when module.yml says
// scenarios_in_score, each scenario counts as one more question, right when its first ending was good.
// Status: incomplete until every lesson and the capstone is done; then passed or failed against
// the mastery score (the LMS's, else the manifest's), or completed when the module is not scored.

(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("course-scorm").textContent);
  var frame = document.getElementById("course-content");
  // course.js keeps progress under "<base path>.course.progress"; the base is this folder.
  var KEY = location.pathname.replace(/[^\/]*$/, "") + ".course.progress";
  var FINAL = ["completed", "passed", "failed"];
  var SAFE_PAGE = /^(?!.*\.\.)[A-Za-z0-9][A-Za-z0-9._~\/-]*\.html(#[A-Za-z0-9._-]*)?$/;
  var started = new Date();

  function findAPI(win) {
    for (var hops = 0; win && hops < 10; hops++) {
      try {
        if (win.API) return win.API;
      } catch (error) { /* another origin: keep looking */ }
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  }

  // -- The LMS: every call checked, and nothing at all when there is none ---------------------------

  var lms = {
    api: null,
    active: false,
    written: {},
    start: function () {
      lms.api = findAPI(window) || (window.opener ? findAPI(window.opener) : null);
      lms.active = !!lms.api && String(lms.api.LMSInitialize("")) === "true";
      return lms.active;
    },
    get: function (name) {
      var value = lms.api.LMSGetValue(name);
      return value === null || value === undefined ? "" : String(value);
    },
    set: function (name, value) {
      value = String(value);
      if (lms.written[name] === value) return false;
      if (String(lms.api.LMSSetValue(name, value)) !== "true") {
        if (window.console) console.warn("SCORM: " + name + " was not accepted (error " + lms.api.LMSGetLastError() + ")");
        return false;
      }
      lms.written[name] = value;
      return true;
    },
    commit: function () { lms.api.LMSCommit(""); },
    finish: function () {
      if (!lms.active) return;
      var exit = status() === "incomplete" ? "suspend" : "";  // suspend: the next launch resumes
      lms.active = false;
      lms.api.LMSSetValue("cmi.core.exit", exit);
      lms.api.LMSSetValue("cmi.core.session_time", timespan(new Date() - started));
      lms.api.LMSCommit("");
      lms.api.LMSFinish("");
    },
  };

  function own(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  // SCORM 1.2's CMITime, a time of day: HH:MM:SS
  function clock(date) { return pad(date.getHours()) + ":" + pad(date.getMinutes()) + ":" + pad(date.getSeconds()); }

  // SCORM 1.2's CMITimeSpan: HHHH:MM:SS.SS
  function timespan(ms) {
    var seconds = Math.floor(ms / 1000);
    return pad(Math.min(Math.floor(seconds / 3600), 9999)) + ":" + pad(Math.floor(seconds / 60) % 60) + ":" + pad(seconds % 60);
  }

  // -- The learner's state in this module ------------------------------------------------------------

  var state = { done: [], first: {}, ends: {}, location: "" };
  var ENDS = { good: "g", recoverable: "r", poor: "p" };
  var scenarios = config.scenarios || [];

  function readSuspendData(text) {
    try {
      var data = JSON.parse(text);
      if (data && Array.isArray(data.done)) state.done = data.done.filter(function (slug) { return config.pages.indexOf(slug) >= 0; });
      if (data && data.first && typeof data.first === "object") {
        Object.keys(config.questions).forEach(function (slug) {
          if (typeof data.first[slug] === "string") state.first[slug] = data.first[slug];
        });
      }
      if (data && data.ends && typeof data.ends === "object") {
        scenarios.forEach(function (id) {
          if (["g", "r", "p"].indexOf(data.ends[id]) >= 0) state.ends[id] = data.ends[id];
        });
      }
    } catch (error) { /* empty or unreadable: start afresh */ }
  }

  function suspendData() {
    var data = { v: 1, done: state.done, first: state.first };
    if (Object.keys(state.ends).length) data.ends = state.ends;
    return JSON.stringify(data);
  }

  function scoredScenarios() { return config.scenarios_in_score ? scenarios : []; }

  function rightFirstTime() {
    var questions = Object.keys(state.first).reduce(function (sum, slug) {
      return sum + state.first[slug].split("").filter(function (mark) { return mark === "1"; }).length;
    }, 0);
    return questions + scoredScenarios().filter(function (id) { return state.ends[id] === "g"; }).length;
  }

  function total() {
    var questions = Object.keys(config.questions).reduce(function (sum, slug) { return sum + config.questions[slug]; }, 0);
    return questions + scoredScenarios().length;
  }

  // Something the score counts has happened (before that, the LMS is sent no score).
  function scoredAnything() {
    return Object.keys(state.first).length > 0 || scoredScenarios().some(function (id) { return own(state.ends, id); });
  }

  function score() {
    return total() ? Math.round(100 * rightFirstTime() / total()) : null;
  }

  function masteryScore() {
    var fromLms = lms.active ? parseFloat(lms.get("cmi.student_data.mastery_score")) : NaN;
    return isNaN(fromLms) ? config.mastery : fromLms;
  }

  function status() {
    var complete = config.pages.every(function (slug) { return state.done.indexOf(slug) >= 0; });
    if (!complete) return "incomplete";
    var mastery = masteryScore();
    if (score() === null || mastery === null) return "completed";
    return score() >= mastery ? "passed" : "failed";
  }

  // -- Progress shared with the pages (course.js reads it from localStorage) ------------------------

  function ownId(id) { return typeof id === "string" && id.split("/")[0] === config.module; }

  function readProgress() {
    try {
      var data = JSON.parse(localStorage.getItem(KEY));
      return data && Array.isArray(data.done) ? data : { done: [], last: null };
    } catch (error) {
      return { done: [], last: null };
    }
  }

  // The LMS's record wins for this module: a shared computer keeps no other learner's ticks.
  function seedProgress() {
    var data = readProgress();
    data.done = data.done.filter(function (id) { return !ownId(id); }).concat(state.done.map(function (slug) { return config.module + "/" + slug; }));
    try { localStorage.setItem(KEY, JSON.stringify(data)); } catch (error) { /* the pages keep no progress */ }
  }

  function takeProgress(done) {
    if (!Array.isArray(done)) done = readProgress().done;
    state.done = config.pages.filter(function (slug) { return done.indexOf(config.module + "/" + slug) >= 0; });
  }

  // The question's first mark, unless it has one: only the first answer ever counts. An answer
  // shown before any try (a "reveal") is that first try, and not a right one.
  function markFirst(detail, right) {
    var match = /-q(\d+)$/.exec(String(detail.question || ""));
    var slug = ownId(detail.lesson) ? detail.lesson.split("/")[1] : "";
    var count = config.questions[slug];
    if (!match || !count) return;
    var index = parseInt(match[1], 10) - 1;
    var marks = (state.first[slug] || new Array(count + 1).join("-")).split("");
    if (index >= count || marks[index] !== "-") return;
    marks[index] = right ? "1" : "0";
    state.first[slug] = marks.join("");
  }

  // -- Recording ---------------------------------------------------------------------------------------

  // Each answer checked, as one of the LMS's per-question records (cmi.interactions, which SCORM 1.2
  // lets a course append to but never read back): question, option chosen, right option, result.
  // True when one was written (record() then commits it).
  function recordInteraction(detail) {
    var id = String(detail.question || "");
    var letter = function (index) { return typeof index === "number" && index >= 0 && index < 26 ? "abcdefghijklmnopqrstuvwxyz".charAt(index) : ""; };
    if (!lms.active || reviewing() || !ownId(detail.lesson) || !/^[A-Za-z0-9_-]{1,255}$/.test(id) || !letter(detail.chosen)) return false;
    var at = "cmi.interactions." + (parseInt(lms.get("cmi.interactions._count"), 10) || 0) + ".";
    lms.set(at + "id", id);  // first, as SCORM asks of a new record
    lms.set(at + "type", "choice");
    lms.set(at + "time", clock(new Date()));
    lms.set(at + "student_response", letter(detail.chosen));
    if (letter(detail.correct)) lms.set(at + "correct_responses.0.pattern", letter(detail.correct));
    lms.set(at + "result", detail.right ? "correct" : "wrong");
    return true;
  }

  // Each choice in a practice conversation, as a record of its own: id <scenario>-<node>, the
  // choice's number (from 1), correct when the choice misses no objective, and the objectives it
  // shows or misses. True when one was written.
  function recordChoice(detail) {
    var scenario = String(detail.scenario || ""), id = scenario + "-" + String(detail.node || "");
    var number = detail.choice;
    var named = [].concat(Array.isArray(detail.shows) ? detail.shows : [], Array.isArray(detail.misses) ? detail.misses : []);
    if (!lms.active || reviewing() || scenarios.indexOf(scenario) < 0 || !/^[A-Za-z0-9_-]{1,255}$/.test(id)) return false;
    if (typeof number !== "number" || number % 1 !== 0 || number < 1 || number > 9) return false;  // SCORM 1.2: one character
    var at = "cmi.interactions." + (parseInt(lms.get("cmi.interactions._count"), 10) || 0) + ".";
    lms.set(at + "id", id);
    lms.set(at + "type", "choice");
    lms.set(at + "time", clock(new Date()));
    named.filter(function (objective, index) { return /^[A-Za-z0-9_-]{1,255}$/.test(String(objective)) && named.indexOf(objective) === index; })
      .forEach(function (objective, index) { lms.set(at + "objectives." + index + ".id", objective); });
    lms.set(at + "student_response", String(number));
    lms.set(at + "result", Array.isArray(detail.misses) && detail.misses.length ? "wrong" : "correct");
    return true;
  }

  // The first ending reached in each scenario is the one that counts, as a question's first answer.
  function markEnd(detail) {
    var scenario = String(detail.scenario || ""), outcome = String(detail.outcome || "");
    if (scenarios.indexOf(scenario) >= 0 && own(ENDS, outcome) && !own(state.ends, scenario)) state.ends[scenario] = ENDS[outcome];
  }

  // After the course (after.js): answers that are neither right nor wrong, each a record of its own.
  function recordAnswer(id, type, response, objective) {
    var at = "cmi.interactions." + (parseInt(lms.get("cmi.interactions._count"), 10) || 0) + ".";
    lms.set(at + "id", id);
    lms.set(at + "type", type);
    lms.set(at + "time", clock(new Date()));
    if (objective) lms.set(at + "objectives.0.id", objective);
    lms.set(at + "student_response", response);
    lms.set(at + "result", "neutral");
  }

  // A confidence rating, 1-5, of one of the module's objectives, before or after the module.
  function recordConfidence(detail) {
    var objective = String(detail.objective || ""), stage = detail.stage, rating = detail.rating;
    if (!lms.active || reviewing() || detail.module !== config.module || (config.objectives || []).indexOf(objective) < 0) return false;
    if (["before", "after"].indexOf(stage) < 0 || [1, 2, 3, 4, 5].indexOf(rating) < 0) return false;
    var id = "confidence-" + stage + "-" + objective;
    if (!/^[A-Za-z0-9_-]{1,255}$/.test(id)) return false;
    recordAnswer(id, "likert", String(rating), objective);
    return true;
  }

  // SCORM 1.2 keeps a response of one line, up to 255 characters: longer ones end in an ellipsis.
  function oneLine(text) {
    var characters = Array.from(typeof text === "string" ? text.replace(/\s+/g, " ").trim() : "");
    return characters.length > 255 ? characters.slice(0, 254).join("").trim() + "…" : characters.join("");
  }

  // An action plan: each behaviour chosen (at most three), then when, where and who observes.
  function recordPlan(detail) {
    if (!lms.active || reviewing() || detail.module !== config.module) return false;
    var answers = (Array.isArray(detail.behaviours) ? detail.behaviours : []).slice(0, 3).map(function (text, index) {
      return ["action-plan-behaviour-" + (index + 1), oneLine(text)];
    }).concat([["action-plan-when", oneLine(detail.when)], ["action-plan-where", oneLine(detail.where)], ["action-plan-observer", oneLine(detail.observer)]]);
    answers = answers.filter(function (answer) { return answer[1]; });
    answers.forEach(function (answer) { recordAnswer(answer[0], "fill-in", answer[1]); });
    return answers.length > 0;
  }

  function reviewing() { return ["browse", "review"].indexOf(lms.get("cmi.core.lesson_mode")) >= 0; }

  function record(unsaved) {
    if (!lms.active) return;
    var changed = !!unsaved;
    if (state.location && state.location.length <= 255) changed = lms.set("cmi.core.lesson_location", state.location) || changed;
    changed = lms.set("cmi.suspend_data", suspendData()) || changed;
    if (!reviewing()) {
      var now = status(), before = lms.written["cmi.core.lesson_status"];
      // A score once there is one: from the first answer, or 0 at the end with none answered.
      if (score() !== null && (scoredAnything() || now !== "incomplete")) {
        changed = lms.set("cmi.core.score.min", 0) || changed;
        changed = lms.set("cmi.core.score.max", 100) || changed;
        changed = lms.set("cmi.core.score.raw", score()) || changed;
      }
      if (!(now === "incomplete" && FINAL.indexOf(before) >= 0)) changed = lms.set("cmi.core.lesson_status", now) || changed;
    }
    if (changed) lms.commit();
  }

  window.addEventListener("message", function (event) {
    var message = event.data;
    if (event.source !== frame.contentWindow || !message || message.course !== "scorm") return;
    var detail = message.detail || {};
    var answered = false;
    if (message.kind === "page" && SAFE_PAGE.test(String(detail.path || ""))) {
      state.location = detail.path;
      takeProgress();
    } else if (message.kind === "answer") {
      markFirst(detail, !!detail.right);
      answered = recordInteraction(detail);
    } else if (message.kind === "reveal") {
      markFirst(detail, false);
    } else if (message.kind === "progress") {
      takeProgress(detail.done);
    } else if (message.kind === "scenario-choice") {
      answered = recordChoice(detail);
    } else if (message.kind === "scenario-end") {
      markEnd(detail);
    } else if (message.kind === "confidence") {
      answered = recordConfidence(detail);
    } else if (message.kind === "action-plan") {
      answered = recordPlan(detail);
    }
    record(answered);
  });

  // A page that changes progress without an event (or before course.js sent one) still counts.
  window.addEventListener("storage", function (event) {
    if (event.key === KEY) {
      takeProgress();
      record();
    }
  });

  window.addEventListener("pagehide", lms.finish);
  window.addEventListener("unload", lms.finish);

  // -- Start -------------------------------------------------------------------------------------------

  var first = config.start;
  if (lms.start()) {
    readSuspendData(lms.get("cmi.suspend_data"));
    var location_ = lms.get("cmi.core.lesson_location");
    if (SAFE_PAGE.test(location_)) first = state.location = location_;
    var before = lms.get("cmi.core.lesson_status");
    if (FINAL.indexOf(before) >= 0) lms.written["cmi.core.lesson_status"] = before;
    seedProgress();
    record();
  }
  frame.src = first;
})();

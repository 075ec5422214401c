// In every page of a SCORM package (added by `course export scorm`, never on the published site).
// Tells launch.html, the window around the page, which page is shown and what the learner does:
// each knowledge-check answer (course.js's "course:answer" event), each answer shown before a first
// try ("course:reveal"), each change of progress ("course:progress"), each choice and ending in
// a practice conversation, and the learner's confidence ratings and action plan. launch.html
// records it in the LMS (runtime.js). Opened on its own, the page does nothing.
//
// The practice conversations' events, dispatched on `document` by a scenario's page
// (docs/assets/javascripts/scenario.js); every id is the one in the scenario's YAML:
//
//   "course:scenario-choice"  after each choice the learner makes
//       detail: {scenario: "<scenario id>", node: "<node id>", choice: <its number, from 1>,
//                shows: ["<objective id>", ...], misses: ["<objective id>", ...]}
//       -> a cmi.interactions record: id "<scenario>-<node>", type choice, student_response the
//          number, result correct when `misses` is empty, else wrong
//   "course:scenario-end"     when the conversation reaches an ending
//       detail: {scenario: "<scenario id>", outcome: "good" | "recoverable" | "poor"}
//       -> the first one per scenario is kept, and counts in the score when module.yml says
//          scenarios_in_score: true (a good ending is 1 of 1)
//
// After the course (docs/assets/javascripts/after.js), so the organisation sees them too:
//
//   "course:confidence"       each rating saved on the module's overview
//       detail: {module: "<module id>", objective: "<objective id>", stage: "before" | "after", rating: 1-5}
//       -> a cmi.interactions record: id "confidence-<stage>-<objective>", type likert,
//          student_response the rating, result neutral
//   "course:action-plan"      each action plan saved
//       detail: {module: "<module id>", behaviours: ["<text>", ...], when, where, observer}
//       -> cmi.interactions records of type fill-in, result neutral: "action-plan-behaviour-<n>"
//          for each behaviour, then "action-plan-when", "-where" and "-observer" when given; each
//          answer on one line and cut to SCORM 1.2's 255 characters

(function () {
  "use strict";

  var host = window.parent !== window ? window.parent : null;
  if (!host) return;
  // Same origin only where there is one (a file:// page has none).
  var target = location.origin && location.origin !== "null" ? location.origin : "*";

  function send(kind, detail) {
    try {
      host.postMessage({ course: "scorm", kind: kind, detail: detail }, target);
    } catch (error) { /* a host of another origin: nothing to tell */ }
  }

  function plain(detail) { return JSON.parse(JSON.stringify(detail || {})); }

  // The page's path inside the package (Material's __md_scope is the package's root).
  var root = typeof __md_scope !== "undefined" ? __md_scope.pathname : "/";
  var path = location.pathname.indexOf(root) === 0 ? location.pathname.slice(root.length) : "";
  send("page", { path: path });

  document.addEventListener("course:answer", function (event) { send("answer", plain(event.detail)); });
  document.addEventListener("course:reveal", function (event) { send("reveal", plain(event.detail)); });
  document.addEventListener("course:progress", function (event) { send("progress", plain(event.detail)); });
  document.addEventListener("course:scenario-choice", function (event) { send("scenario-choice", plain(event.detail)); });
  document.addEventListener("course:scenario-end", function (event) { send("scenario-end", plain(event.detail)); });
  document.addEventListener("course:confidence", function (event) { send("confidence", plain(event.detail)); });
  document.addEventListener("course:action-plan", function (event) { send("action-plan", plain(event.detail)); });
})();

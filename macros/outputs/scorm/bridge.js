// In every page of a SCORM package (added by `course export scorm`, never on the published site).
// Tells launch.html, the window around the page, which page is shown and what the learner does:
// each knowledge-check answer (course.js's "course:answer" event), each answer shown before a first
// try ("course:reveal") and each change of progress ("course:progress"). launch.html records it in
// the LMS. Opened on its own, the page does nothing.

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
})();

// After the course: confidence before and after on a module's overview, and the action plan page
// (macros/render/action_plan.py). Both read what they need from the page; both keep it in this
// browser's store (store.js) only:
//   "confidence"  {"<module>": {"before": {"ratings": {"<objective>": 1-5}, "date": "YYYY-MM-DD"}, "after": {...}}}
//   "plans"       {"<module>": {"behaviours": [values], "texts": [...], "when", "where", "observer",
//                               "start": "YYYY-MM-DD", "made": "YYYY-MM-DD"}}
// For whoever records results (the SCORM bridge, macros/outputs/scorm/bridge.js):
//   "course:confidence"   {module, objective, stage: "before" | "after", rating: 1-5}, each rating saved
//   "course:action-plan"  {module, behaviours: [text], when, where, observer}, each plan saved
// Runs on every page, including those reached by Material's instant navigation (document$).

(function () {
  "use strict";

  var store = window.courseStore;

  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }

  function once(node) {
    if (node.dataset.courseReady) return false;
    node.dataset.courseReady = "yes";
    return true;
  }

  // A live region says the same words again when asked twice.
  function say(region, text) {
    region.textContent = "";
    setTimeout(function () { region.textContent = text; }, 100);
  }

  function send(name, detail) { document.dispatchEvent(new CustomEvent(name, { detail: detail })); }

  function part(name) {
    var data = store.read(name, {});
    return data && typeof data === "object" && !Array.isArray(data) ? data : {};
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  // Dates are "YYYY-MM-DD" days of the learner's calendar; sums are done in UTC, so no clock change shifts a day.
  function today() {
    var now = new Date();
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  function isDay(text) { return /^\d{4}-\d\d-\d\d$/.test(text || "") && !isNaN(Date.parse(text)); }

  // `months` are calendar months, kept to the month's last day: 31 December + 2 months is 28 February.
  function later(day, days, months) {
    var y = +day.slice(0, 4), m = +day.slice(5, 7) - 1 + months, d = +day.slice(8, 10);
    var last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    return new Date(Date.UTC(y, m, Math.min(d, last) + days)).toISOString().slice(0, 10);
  }

  function longDate(day) {
    return new Date(day + "T00:00:00Z").toLocaleDateString(document.documentElement.lang || undefined,
      { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  }

  // -- Confidence, before and after -----------------------------------------------------------------

  function setUpConfidence(box) {
    if (!store.available) return;
    var module = box.dataset.module, finish = JSON.parse(box.dataset.finish);
    var form = box.querySelector(".course-confidence__form");
    var status = box.querySelector(".course-confidence__status");
    var table = box.querySelector("table");
    var stage = "before";
    status.tabIndex = -1;
    box.hidden = false;

    function saved() {
      var data = part("confidence")[module];
      return data && typeof data === "object" ? data : {};
    }
    function rating(given, objective) {  // given: a stage's {ratings, date}
      var value = given && given.ratings && given.ratings[objective];
      return [1, 2, 3, 4, 5].indexOf(value) >= 0 ? value : null;
    }

    function show() {
      var data = saved(), progress = store.read("progress", {}), done = Array.isArray(progress.done) ? progress.done : [];
      var started = done.some(function (id) { return id.indexOf(module + "/") === 0; });
      var finished = finish.every(function (id) { return done.indexOf(id) >= 0; });
      var moment = finished ? "after" : started ? "late" : "before";
      stage = finished ? "after" : "before";
      form.hidden = moment === "late" && !!data.before;
      all(box, "[data-stage]").forEach(function (words) { words.hidden = form.hidden || words.dataset.stage !== moment; });
      all(form, "fieldset").forEach(function (group) {
        var value = rating(data[stage], group.dataset.objective);
        all(group, "input").forEach(function (input) { input.checked = +input.value === value; });
      });
      showChange(data);
    }

    function showChange(data) {
      table.hidden = !data.before && !data.after;
      all(table, "tbody tr").forEach(function (row) {
        var before = rating(data.before, row.dataset.objective), after = rating(data.after, row.dataset.objective);
        var change = before === null || after === null ? "Not known yet"
          : after > before ? "Up " + (after - before) : after < before ? "Down " + (before - after) : "No change";
        var cells = row.querySelectorAll("td");
        cells[0].textContent = before === null ? "Not rated" : before;
        cells[1].textContent = after === null ? "Not rated" : after;
        cells[2].textContent = change;
      });
    }

    box.querySelector(".course-confidence__save").addEventListener("click", function () {
      var every = part("confidence"), data = saved(), before = data[stage], ratings = {}, changed = [];
      all(form, "input:checked").forEach(function (input) {
        var objective = input.closest("fieldset").dataset.objective;
        ratings[objective] = +input.value;
        if (rating(before, objective) !== +input.value) changed.push(objective);
      });
      if (!Object.keys(ratings).length) {
        say(status, "Choose a rating for at least one objective, then save.");
        return;
      }
      data[stage] = { ratings: ratings, date: today() };
      every[module] = data;
      store.write("confidence", every);
      changed.forEach(function (objective) {
        send("course:confidence", { module: module, objective: objective, stage: stage, rating: ratings[objective] });
      });
      show();
      var words = "Saved: your ratings " + (stage === "after" ? "now you have finished" : "from before you started") +
        ". They are in the table below.";
      if (!form.hidden) return say(status, words);
      status.textContent = words;  // the button pressed is gone: focus goes to the news
      status.focus();
    });
    show();
  }

  // -- The action plan --------------------------------------------------------------------------------

  // iCalendar TEXT (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped.
  function icsText(text) {
    return String(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
  }

  // Lines of at most 75 octets of UTF-8 (RFC 5545 3.1), never splitting a character.
  function fold(line) {
    var out = "", octets = 0;
    Array.from(line).forEach(function (character) {
      var code = character.codePointAt(0), size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      if (octets + size > 75) {
        out += "\r\n ";
        octets = 1;
      }
      out += character;
      octets += size;
    });
    return out;
  }

  function oneLine(text) { return String(text || "").replace(/\s+/g, " ").trim(); }

  function setUpPlan(box) {
    var module = box.dataset.module, title = box.dataset.moduleTitle, limit = +box.dataset.limit;
    var choices = all(box, "input[name=behaviour]");
    var count = box.querySelector(".course-plan__count"), status = box.querySelector(".course-plan__status");
    var reminders = all(box, "[data-reminder]");
    var practice = new URL("practice/?module=" + encodeURIComponent(module), store.scope).href;
    function field(name) { return box.querySelector("input[name=" + name + "]"); }
    function chosen() { return choices.filter(function (input) { return input.checked; }); }
    function start() { return isDay(field("start").value) ? field("start").value : today(); }

    var saved = part("plans")[module];
    field("start").value = today();
    if (saved && typeof saved === "object") {
      choices.forEach(function (input) { input.checked = (saved.behaviours || []).indexOf(input.value) >= 0; });
      ["when", "where", "observer"].forEach(function (name) { field(name).value = oneLine(saved[name]); });
      if (isDay(saved.start)) field("start").value = saved.start;
    }

    function showDates() {
      reminders.forEach(function (item) {
        item.querySelector(".course-plan__date").textContent = longDate(later(start(), +item.dataset.days, +item.dataset.months));
      });
    }
    function showCount() {
      count.textContent = chosen().length + " of " + limit + " chosen.";
    }

    function plan() {
      var picked = chosen();
      if (!picked.length) {
        say(status, "Choose at least one thing to practise first (up to " + limit + ").");
        choices[0].focus();
        return null;
      }
      return {
        behaviours: picked.map(function (input) { return input.value; }),
        texts: picked.map(function (input) { return oneLine(input.parentElement.querySelector(".course-plan__behaviour").textContent); }),
        when: oneLine(field("when").value), where: oneLine(field("where").value), observer: oneLine(field("observer").value),
        start: start(), made: saved && isDay(saved.made) ? saved.made : today(),
      };
    }

    function dates(p) {
      return reminders.map(function (item) {
        return { key: item.dataset.reminder, label: item.dataset.label, day: later(p.start, +item.dataset.days, +item.dataset.months) };
      });
    }

    function markdown(p) {
      var lines = ["# Action plan: " + title, "", "Made on " + longDate(p.made) + ". I start on " + longDate(p.start) + ".", "",
        "## What I will practise", ""];
      p.texts.forEach(function (text) { lines.push("- [ ] " + text); });
      lines.push("", "## When, where and who", "", "- When: " + (p.when || "…"), "- Where: " + (p.where || "…"),
        "- Who will observe me: " + (p.observer || "…"), "", "## Check-ins", "");
      dates(p).forEach(function (at) { lines.push("- " + longDate(at.day) + " (" + at.day + "): " + at.label + " after I start"); });
      lines.push("", "Practise this module's questions: <" + practice + ">", "");
      return lines.join("\n");
    }

    function calendar(p) {
      var stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
      var host = (location.hostname || "localhost") + store.scope.pathname.replace(/\/$/, "");
      var about = ["You chose to practise:"].concat(p.texts.map(function (text) { return "- " + text; }));
      if (p.when) about.push("When: " + p.when);
      if (p.where) about.push("Where: " + p.where);
      if (p.observer) about.push("Who observes you: " + p.observer);
      about.push("", "Practise this module's questions: " + practice);
      var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//" + host + "//Action plan//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
      dates(p).forEach(function (at) {
        var summary = "Check in on your action plan (" + at.label + "): " + title;
        lines.push("BEGIN:VEVENT", "UID:" + icsText(module + "-" + p.start.replace(/-/g, "") + "-" + at.key + "@" + host),
          "DTSTAMP:" + stamp, "DTSTART;VALUE=DATE:" + at.day.replace(/-/g, ""),
          "DTEND;VALUE=DATE:" + later(at.day, 1, 0).replace(/-/g, ""), "SUMMARY:" + icsText(summary),
          "DESCRIPTION:" + icsText(about.join("\n")), "URL:" + practice, "TRANSP:TRANSPARENT",
          "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:PT9H", "DESCRIPTION:" + icsText(summary), "END:VALARM", "END:VEVENT");
      });
      lines.push("END:VCALENDAR");
      return lines.map(fold).join("\r\n") + "\r\n";
    }

    function download(name, type, text) {
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([text], { type: type }));
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
    }

    var actions = {
      save: function (p) {
        var plans = part("plans");
        plans[module] = p;
        store.write("plans", plans);
        saved = p;
        send("course:action-plan", { module: module, behaviours: p.texts, when: p.when, where: p.where, observer: p.observer });
        say(status, store.available ? "Your plan is saved in this browser." : "This browser keeps nothing, so your plan is not saved: print it or download it.");
      },
      text: function (p) {
        download(module + "-action-plan.md", "text/markdown;charset=utf-8", markdown(p));
        say(status, "Your plan is downloading as a text file.");
      },
      calendar: function (p) {
        download(module + "-action-plan.ics", "text/calendar;charset=utf-8", calendar(p));
        say(status, "Your reminders are downloading as a calendar file: open it to add them to your calendar.");
      },
    };

    choices.forEach(function (input) {
      input.addEventListener("change", function () {
        if (input.checked && chosen().length > limit) {
          input.checked = false;
          say(count, "You have chosen " + limit + " already, the most for one plan. Untick one to choose this instead.");
          return;
        }
        showCount();
      });
    });
    field("start").addEventListener("input", showDates);
    all(box, "[data-plan-action]").forEach(function (button) {
      button.addEventListener("click", function () {
        if (button.dataset.planAction === "print") return window.print();
        var p = plan();
        if (p) actions[button.dataset.planAction](p);
      });
    });
    box.classList.add("course-plan--ready");
    box.querySelector(".course-plan__actions").hidden = false;
    showDates();
    showCount();
  }

  document$.subscribe(function () {
    all(document, "[data-course-confidence]").filter(once).forEach(setUpConfidence);
    all(document, "[data-course-plan]").filter(once).forEach(setUpPlan);
  });
})();

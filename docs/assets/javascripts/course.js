// The learner's side of the course: knowledge checks with feedback, progress kept in this browser,
// catalogue filters, "Continue where you left off". No framework, no build step.
// Runs on every page, including pages reached through Material's instant navigation (document$):
// each run sets up the elements of the page just shown (marked data-course-ready, so never twice).

(function () {
  "use strict";

  // -- Progress: this browser only (store.js) -----------------------------------------------------
  // Part "progress": {"done": ["<module>/<lesson>", ...], "last": {"id", "title", "module", "path"}}
  // (path relative to the base); scenario.js keeps its conversations in it too, under "scenarios".

  var store = window.courseStore;
  var scope = store.scope;

  var progress = {
    available: store.available,
    read: function () {
      var data = store.read("progress", null);
      if (!data || typeof data !== "object" || !Array.isArray(data.done)) data = { done: [], last: null };
      return data;
    },
    write: function (data) { store.write("progress", data); },
    isDone: function (id) { return progress.read().done.indexOf(id) >= 0; },
    setDone: function (id, done) {
      var data = progress.read();
      data.done = data.done.filter(function (other) { return other !== id; });
      if (done) data.done.push(id);
      progress.write(data);
      // For whoever follows progress (the SCORM bridge, macros/outputs/scorm/bridge.js).
      document.dispatchEvent(new CustomEvent("course:progress", { detail: { done: data.done.slice() } }));
    },
    visit: function (last) {
      var data = progress.read();
      data.last = last;
      progress.write(data);
    },
  };

  var justReset = false;  // keeps the "deleted" message on screen until the next page

  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function once(node) {
    if (node.dataset.courseReady) return false;
    node.dataset.courseReady = "yes";
    return true;
  }

  // Writes a message into a live region; the same message twice is still announced.
  function say(region, parts) {
    var fill = function () {
      region.textContent = "";
      parts.forEach(function (part) {
        region.appendChild(typeof part === "string" ? document.createTextNode(part) : part);
      });
    };
    if (region.textContent) {
      region.textContent = "";
      setTimeout(fill, 100);
    } else {
      fill();
    }
  }

  function plural(count, word) { return count + " " + word + (count === 1 ? "" : "s"); }

  // -- Knowledge checks -----------------------------------------------------------------------------
  // Each question gets a "Check answer" button (choosing with the arrow keys is not answering) and a
  // polite live region for the feedback. "Right first time": the first answer checked was right,
  // and "Show the answer" was not opened before it.
  // Passed: every question answered right, however many tries it took; the lesson is then complete.

  function explanation(input) {
    var source = document.getElementById(input.dataset.why);
    if (!source) return "";
    var copy = source.cloneNode(true);
    all(copy, "strong").forEach(function (strong) { strong.remove(); });
    return copy.textContent.trim();
  }

  function markOption(input, right) {
    var label = input.parentElement.querySelector("label");
    if (label.querySelector(".course-check__mark")) return;
    var mark = element("span", "course-check__mark course-check__mark--" + (right ? "right" : "wrong"));
    var icon = element("span", "", right ? "✓ " : "✗ ");
    icon.setAttribute("aria-hidden", "true");
    mark.append(icon, right ? "Right answer" : "Not this one");
    label.append(" ", mark);
  }

  function setUpCheck(check) {
    var questions = all(check, ".course-check__question");
    var firstTry = {};  // question id -> whether the first answer checked was right
    var solved = {};    // question id -> true once answered right
    var intro = check.querySelector(".course-check__intro");
    var score = element("p", "course-check__score");
    check.appendChild(score);
    intro.textContent = plural(questions.length, "question") + ". Choose an answer, then select ‘Check answer’. " +
      "If it isn't right, have another go. ‘Show the answer’ explains every option; " +
      "a question whose answer you open before you try it doesn't count as right first time.";

    function count(table, wanted) {
      return questions.filter(function (q) { return table[q.id] === wanted; }).length;
    }

    // Opening "Show the answer" before a first try uses up that try: the question is not right
    // first time, here and in an LMS (the "course:reveal" event, for the SCORM runtime). Only the
    // learner's own click counts, not the browser opening it to print or to show a linked anchor.
    function revealCounts(question) {
      var summary = question.querySelector(".course-check__answer > summary");
      if (!summary) return;
      summary.addEventListener("click", function () {
        if (summary.parentElement.open || question.id in firstTry) return;
        firstTry[question.id] = false;
        document.dispatchEvent(new CustomEvent("course:reveal", { detail: { lesson: check.dataset.lesson, question: question.id } }));
        showScore();
      });
    }

    function showScore() {
      var right = count(solved, true), first = count(firstTry, true);
      if (right === questions.length) {
        score.textContent = "Check complete: " + first + " of " + questions.length + " right first time.";
      } else if (Object.keys(firstTry).length) {
        score.textContent = right + " of " + plural(questions.length, "question") + " answered correctly so far, " + first + " right first time.";
      } else {
        score.textContent = "Answer every question to finish the check.";
      }
    }

    questions.forEach(function (question) {
      var actions = element("div", "course-check__actions");
      var button = element("button", "course-button course-check__submit", "Check answer");
      button.type = "button";
      var feedback = element("p", "course-check__feedback");
      feedback.setAttribute("role", "status");
      feedback.setAttribute("aria-live", "polite");
      actions.append(button, feedback);
      question.querySelector("fieldset").appendChild(actions);
      revealCounts(question);

      button.addEventListener("click", function () {
        var chosen = question.querySelector("input[type=radio]:checked");
        if (!chosen) {
          feedback.className = "course-check__feedback";
          say(feedback, ["Choose an answer first, then select ‘Check answer’."]);
          return;
        }
        var right = chosen.hasAttribute("data-correct");
        var wasSolved = count(solved, true) === questions.length;
        var first = !(question.id in firstTry);
        if (first) firstTry[question.id] = right;
        if (right) solved[question.id] = true;
        // For whoever records results (the SCORM runtime in an LMS package, macros/scorm/).
        var options = all(question, "input[type=radio]");
        document.dispatchEvent(new CustomEvent("course:answer", {
          detail: {
            lesson: check.dataset.lesson, question: question.id, right: right, firstTry: first,
            chosen: options.indexOf(chosen), correct: options.indexOf(question.querySelector("input[data-correct]")),
          },
        }));
        markOption(chosen, right);
        showScore();

        var verdict = element("strong", "", right ? "Right. " : "Not quite. ");
        var parts = [verdict, explanation(chosen)];
        if (!right) parts.push(" Have another go: choose a different answer and check it.");
        if (right && !wasSolved && count(solved, true) === questions.length) {
          parts.push(" That's every question: " + count(firstTry, true) + " of " + questions.length + " right first time.");
          if (progress.available && check.dataset.lesson) {
            progress.setDone(check.dataset.lesson, true);
            parts.push(" This lesson is now marked as complete.");
            renderProgress(document);
          }
        }
        feedback.className = "course-check__feedback course-check__feedback--" + (right ? "right" : "wrong");
        say(feedback, parts);
      });
    });
    showScore();
  }

  // -- "Mark as complete" (lesson and capstone footers) --------------------------------------------

  function setUpCompleteControl(box) {
    if (!progress.available) return;
    box.hidden = false;
    var kind = box.dataset.kind;
    var status = box.querySelector(".course-complete__status");
    box.querySelector("button").addEventListener("click", function () {
      var done = !progress.isDone(box.dataset.page);
      progress.setDone(box.dataset.page, done);
      renderProgress(document);
      if (!done) status.textContent = "This " + kind + " is no longer marked as complete.";
    });
    var module = document.querySelector(".course-lesson-header .course-meta a");
    progress.visit({
      id: box.dataset.page,
      title: box.dataset.title,
      module: module ? module.textContent.trim() : "",
      path: location.pathname.indexOf(scope.pathname) === 0 ? location.pathname.slice(scope.pathname.length) : location.pathname,
    });
  }

  function renderCompleteControl(box) {
    var done = progress.isDone(box.dataset.page);
    var status = box.querySelector(".course-complete__status");
    box.classList.toggle("course-complete--done", done);
    box.querySelector("button").textContent = done ? "Mark as not complete" : "Mark this " + box.dataset.kind + " as complete";
    if (done) {
      var icon = element("span", "", "✓ ");
      icon.setAttribute("aria-hidden", "true");
      status.replaceChildren(icon, "You've completed this " + box.dataset.kind + ".");
    } else if (status.querySelector("span")) {
      status.textContent = "";
    }
  }

  // -- Progress bars, ticks, "Continue where you left off" ------------------------------------------

  function renderProgressBar(box) {
    var ids = JSON.parse(box.dataset.courseProgress).map(function (slug) { return box.dataset.module + "/" + slug; });
    var done = ids.filter(progress.isDone).length;
    var text = done + " of " + plural(ids.length, "lesson") + " done";
    var bar = box.querySelector("progress");
    bar.value = done;
    bar.setAttribute("aria-valuetext", text);
    box.querySelector(".course-progress__text").textContent = text;
    // On a catalogue card the bar appears once the module is started; on the overview, always.
    box.hidden = !progress.available || (done === 0 && box.closest(".course-card") !== null);
    var card = box.closest(".course-card");
    if (card) card.classList.toggle("course-card--done", done === ids.length);
  }

  function renderTick(item) {
    var done = progress.isDone(item.dataset.page);
    var tick = item.querySelector(".course-done");
    if (done && !tick) {
      tick = element("span", "course-done");
      var icon = element("span", "", "✓ ");
      icon.setAttribute("aria-hidden", "true");
      tick.append(icon, "Done");
      item.querySelector("a").after(" ", tick);
    } else if (!done && tick) {
      tick.remove();
    }
  }

  function catalogueSteps() {
    var steps = [];
    all(document, ".course-card[data-pages]").forEach(function (card) {
      var module = card.querySelector(".course-card__title").textContent.trim();
      JSON.parse(card.dataset.pages).forEach(function (step) {
        steps.push({ id: step.id, title: step.title, url: step.url, module: module });
      });
    });
    return steps;
  }

  // The last lesson visited if it is not complete. Once it is, the learner has moved on from there:
  // the first lesson (or capstone) not yet done after it in the catalogue's order, then from the
  // start, so lessons skipped earlier come last, not first. Without a visit, the same after the
  // lesson completed last. Null when everything is complete.
  function nextStep(data) {
    var steps = catalogueSteps();
    var open = function (step) { return data.done.indexOf(step.id) < 0; };
    var last = data.last;
    if (last && open(last)) {
      var known = steps.filter(function (step) { return step.id === last.id; })[0];
      return known || { title: last.title, url: scope.pathname + last.path, module: last.module };
    }
    var from = last ? last.id : data.done[data.done.length - 1];
    var at = steps.map(function (step) { return step.id; }).indexOf(from);  // -1: from the start
    var onwards = steps.slice(at + 1).concat(steps.slice(0, at + 1));
    return onwards.filter(open)[0] || null;
  }

  function renderContinue(panel) {
    var data = progress.read();
    var started = progress.available && (data.done.length > 0 || data.last !== null);
    panel.hidden = !(started || justReset);
    all(panel, ".course-continue__heading, .course-continue__next, .course-continue__summary").forEach(function (part) {
      part.hidden = !started;
    });
    if (!started) return;
    var step = nextStep(data);
    var link = panel.querySelector(".course-continue__link");
    panel.querySelector(".course-continue__next").hidden = !step;
    if (step) {
      link.href = step.url;
      link.textContent = step.title;
      panel.querySelector(".course-continue__module").textContent = step.module ? "in " + step.module : "";
    }
    var lessons = all(document, ".course-card [data-course-progress]").reduce(function (ids, box) {
      return ids.concat(JSON.parse(box.dataset.courseProgress).map(function (slug) { return box.dataset.module + "/" + slug; }));
    }, []);
    var done = lessons.filter(progress.isDone).length;
    panel.querySelector(".course-continue__summary").textContent = step
      ? (lessons.length ? "You've completed " + done + " of " + plural(lessons.length, "lesson") + "." : "")
      : "You've completed every lesson and activity. Well done!";
  }

  function renderProgress(root) {
    all(root, "[data-course-complete]").forEach(function (box) { if (progress.available) renderCompleteControl(box); });
    all(root, "[data-course-progress]").forEach(renderProgressBar);
    all(root, ".course-lessons [data-page]").forEach(renderTick);
    all(root, "[data-course-continue]").forEach(renderContinue);
  }

  // -- "Delete my data", with a confirmation step: everything this site keeps in this browser --------

  function setUpReset(box) {
    box.hidden = false;
    if (!progress.available) {
      box.appendChild(element("p", "course-reset__status", "This browser isn't letting the site keep anything, so there is nothing to delete."));
      return;
    }
    var start = element("button", "course-button course-button--quiet course-reset__start", "Delete my data");
    var confirm = element("div", "course-reset__confirm");
    var question = element("p", "course-reset__question",
      "Delete everything this site keeps in this browser: lessons completed, where you left off, practice conversations, " +
      "spaced practice, confidence ratings and action plans? This can't be undone.");
    var yes = element("button", "course-button course-reset__yes", "Yes, delete my data");
    var no = element("button", "course-button course-button--quiet course-reset__no", "No, keep it");
    var status = element("p", "course-reset__status");
    [start, yes, no].forEach(function (button) { button.type = "button"; });
    start.setAttribute("aria-expanded", "false");
    question.tabIndex = -1;
    status.tabIndex = -1;
    status.setAttribute("role", "status");
    confirm.hidden = true;
    confirm.append(question, yes, " ", no);
    box.append(start, confirm, status);

    function close(focus) {
      confirm.hidden = true;
      start.setAttribute("aria-expanded", "false");
      focus.focus();
    }
    start.addEventListener("click", function () {
      status.textContent = "";
      confirm.hidden = false;
      start.setAttribute("aria-expanded", "true");
      question.focus();
    });
    no.addEventListener("click", function () { close(start); });
    yes.addEventListener("click", function () {
      store.clearAll();
      justReset = true;
      status.textContent = "Your data has been deleted: this site keeps nothing in this browser now.";
      close(status);
      renderProgress(document);
    });
  }

  // -- Catalogue filters (kept in the URL, so a filtered view can be shared) --------------------------

  var FILTERS = {
    level: function (card, value) { return card.dataset.level === value; },
    audience: function (card, value) { return JSON.parse(card.dataset.audience).indexOf(value) >= 0; },
    duration: function (card, value) { return card.dataset.duration === value; },
    tag: function (card, value) { return JSON.parse(card.dataset.tags).indexOf(value) >= 0; },
  };

  function setUpFilters(form) {
    var cards = all(form.nextElementSibling, ".course-card");
    var selects = all(form, "select");
    var count = form.querySelector(".course-filters__count");
    var params = new URLSearchParams(location.search);
    selects.forEach(function (select) {
      var wanted = params.get(select.name);
      var known = all(select, "option").some(function (option) { return option.value === wanted; });
      select.value = wanted && known ? wanted : "";
    });

    function apply(remember) {
      var shown = cards.filter(function (card) {
        var matches = selects.every(function (select) { return !select.value || FILTERS[select.name](card, select.value); });
        card.hidden = !matches;
        return matches;
      }).length;
      count.textContent = "Showing " + shown + " of " + plural(cards.length, "module") +
        (shown ? "." : ". None matches all of these: try clearing a filter.");
      if (!remember) return;
      var query = new URLSearchParams(location.search);
      selects.forEach(function (select) {
        if (select.value) query.set(select.name, select.value); else query.delete(select.name);
      });
      var search = query.toString();
      history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
    }

    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.querySelector(".course-filters__clear").addEventListener("click", function () {
      selects.forEach(function (select) { select.value = ""; });
      apply(true);
    });
    form.hidden = false;
    apply(false);
  }

  // -- Exercises: "Practised in" names them; link each name to its block, giving the block an id -------

  function linkExercises(root) {
    var normalise = function (text) { return text.replace(/\s+/g, " ").trim(); };
    var titles = all(root, ".admonition.exercise > .admonition-title, details.exercise > summary");
    all(root, "[data-exercise-anchor]").filter(once).forEach(function (name) {
      var id = name.dataset.exerciseAnchor;
      var block = document.getElementById(id);
      titles.some(function (title) {
        if (block || title.parentElement.id || normalise(title.textContent) !== normalise(name.dataset.exerciseTitle)) return false;
        block = title.parentElement;
        block.id = id;
        return true;
      });
      if (!block) return;
      var link = element("a", "", name.textContent);
      link.href = "#" + id;
      name.replaceChildren(link);
    });
  }

  // A table's caption, or else the heading it sits under (or the page's title).
  function tableName(wrap) {
    var caption = wrap.querySelector("caption");
    if (caption) return caption.textContent.trim();
    var node = wrap.previousElementSibling;
    while (node && !/^H[1-6]$/.test(node.tagName)) node = node.previousElementSibling;
    return node ? node.textContent.replace(/¶$/, "").trim() : document.title;
  }

  // -- Scripts only some pages use ---------------------------------------------------------------
  // after.js (confidence ratings, the action plan) and scenario.js (practice conversations) load the
  // first time a page shows what they set up, rather than with every page: instant navigation keeps
  // the first page's scripts for the whole visit, so they cannot simply be left off other pages.
  // Each subscribes to document$, which replays the page already shown to a late subscriber.
  // A fork whose mkdocs.yml still lists them in extra_javascript gets them once, as before.
  var ON_DEMAND = [
    { needs: "[data-course-confidence], [data-course-plan]", script: "after.js" },
    { needs: "[data-scenario]", script: "scenario.js" }
  ];
  var scripts = document.currentScript ? document.currentScript.src : "";

  function loadOnDemand() {
    ON_DEMAND.forEach(function (entry) {
      if (entry.loaded || !document.querySelector(entry.needs)) return;
      entry.loaded = true;
      var src = new URL(entry.script, scripts || document.baseURI).href;
      var listed = all(document, "script[src]").some(function (script) { return script.src.split("?")[0] === src; });
      if (listed) return;
      var script = document.createElement("script");
      script.src = src;
      document.head.appendChild(script);
    });
  }

  document$.subscribe(function () {
    loadOnDemand();
    // Wide tables scroll sideways on phones: make the scrolling area reachable by keyboard (axe:
    // scrollable-region-focusable), as a region named for its table, so a page's regions can be told apart.
    all(document, ".md-typeset__scrollwrap").forEach(function (wrap, index) {
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "Table " + (index + 1) + ": " + tableName(wrap) + " (scrolls sideways)");
    });

    justReset = false;
    linkExercises(document);
    all(document, ".course-check").filter(once).forEach(setUpCheck);
    all(document, "[data-course-complete]").filter(once).forEach(setUpCompleteControl);
    all(document, "[data-course-reset]").filter(once).forEach(setUpReset);
    all(document, "[data-course-filters]").filter(once).forEach(setUpFilters);
    renderProgress(document);
  });
})();

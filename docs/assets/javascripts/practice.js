// Spaced practice: the questions of the lessons a learner has completed come back on the practice
// page (practice/, render/practice.py), at longer and longer gaps. Runs on every page: on a lesson
// it files the lesson's questions once the lesson is complete; on the home page and module
// overviews it says how many are due (from the store alone, no page fetched).
//
// Schedule: Leitner boxes (Sebastian Leitner, "So lernt man lernen", 1972; the time-based form in
// https://en.wikipedia.org/wiki/Leitner_system). A question starts in box 1. A right answer moves it
// up one box, a wrong one sends it back to box 1. It comes back the box's number of days after the
// answer: the page's data-box-days (1, 3, 7, 16, 35). A question answered wrong is also asked once
// more at the end of the session; that second answer teaches, it doesn't move the question again.
// Dates are calendar days in the learner's local time, "YYYY-MM-DD", which compare as strings.
//
// Store part "practice" (store.js): {cards: {"<module>/<lesson>/<question id>": {box, due, module, lesson}}}.
// The question id is the one on the lesson page (knowledge-check.html): practice.js reads a due
// question's text, options and feedback from its lesson's page, and writes them as text only.

(function () {
  "use strict";

  var store = window.courseStore;
  var FIRST_WAIT = 1;  // days before a new question comes back: box 1's (render/practice.py BOX_DAYS)

  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function sentence(text) { return /[.?!'"’”]$/.test(text) ? text : text + "."; }

  function plural(count, word) { return count + " " + word + (count === 1 ? "" : "s"); }

  function day(offset) {
    var now = new Date();
    var date = new Date(now.getFullYear(), now.getMonth(), now.getDate() + (offset || 0));
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    return date.getFullYear() + "-" + two(date.getMonth() + 1) + "-" + two(date.getDate());
  }

  function when(due) {
    if (due <= day()) return "today";
    if (due === day(1)) return "tomorrow";
    var parts = due.split("-").map(Number);
    return "on " + new Date(parts[0], parts[1] - 1, parts[2]).toLocaleDateString(document.documentElement.lang || undefined,
      { weekday: "long", day: "numeric", month: "long" });
  }

  function read() {
    var data = store.read("practice", null);
    return data && data.cards && typeof data.cards === "object" ? data : { cards: {} };
  }

  function completed() {
    var progress = store.read("progress", null);
    return progress && Array.isArray(progress.done) ? progress.done : [];
  }

  function cardsOf(data, module) {
    return Object.keys(data.cards).map(function (key) { return { key: key, card: data.cards[key] }; })
      .filter(function (item) { return !module || item.card.module === module; });
  }

  // Files each question of `lesson` not filed yet; true when any was.
  function file(data, lesson, ids, due) {
    return ids.reduce(function (added, id) {
      var key = lesson + "/" + id;
      if (data.cards[key]) return added;
      data.cards[key] = { box: 1, due: due, module: lesson.split("/")[0], lesson: lesson };
      return true;
    }, false);
  }

  // The next date anything of `module` is due after today, and how many are due then.
  function nextDue(data, module) {
    var dates = cardsOf(data, module).map(function (item) { return item.card.due; }).filter(function (due) { return due > day(); }).sort();
    return dates.length ? { date: dates[0], count: dates.filter(function (due) { return due === dates[0]; }).length } : null;
  }

  function nextWords(next) {
    return next ? "the next " + (next.count === 1 ? "question is" : plural(next.count, "question") + " are") + " due " + when(next.date) + "." : "";
  }

  // -- A lesson completed: its questions come back the next day; due counts -----------------------

  function fileCompletedLessons() {
    if (!store.available) return;
    var data = read(), done = completed(), added = false;
    all(document, ".course-check[data-lesson]").forEach(function (check) {
      if (done.indexOf(check.dataset.lesson) < 0) return;
      var ids = all(check, ".course-check__question").map(function (question) { return question.id; });
      added = file(data, check.dataset.lesson, ids, day(FIRST_WAIT)) || added;
    });
    if (added) store.write("practice", data);
  }

  function renderDue(box) {
    var module = box.dataset.module, data = read(), today = day();
    var cards = cardsOf(data, module);
    var started = cards.length > 0 || completed().some(function (id) { return !module || id.indexOf(module + "/") === 0; });
    // No link: a package for an LMS leaves the practice page out (and its link as text).
    box.hidden = !store.available || !started || !box.querySelector("a");
    if (box.hidden) return;
    var due = cards.filter(function (item) { return item.card.due <= today; }).length;
    var words = due ? plural(due, "question") + (module ? " from this module" : "") + (due === 1 ? " is" : " are") + " due today."
      : cards.length ? "nothing is due today; " + nextWords(nextDue(data, module))
      : "questions from the lessons you have completed come back there to help you remember them.";
    box.querySelector(".course-due__text").textContent = words;
  }

  function refresh() {
    fileCompletedLessons();
    all(document, "[data-course-due]").forEach(renderDue);
  }

  // course.js marks a lesson complete on these buttons; its own listeners run before this one.
  // "Delete my data" empties the store: the counts go too.
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest(".course-check__submit, [data-course-complete] button, .course-reset__yes")) refresh();
  });

  // -- The practice page ---------------------------------------------------------------------------

  function lessonsOf(root) {
    var lessons = {};
    all(root, "[data-practice-lessons] li").forEach(function (item, index) {
      var link = item.querySelector("a");
      lessons[item.dataset.lesson] = {
        module: item.dataset.module, moduleTitle: item.dataset.moduleTitle, title: link.textContent, url: link.href,
        questions: item.dataset.questions.split(" ").filter(Boolean), order: index,
      };
    });
    return lessons;
  }

  // Questions of lessons completed before spaced practice existed (or elsewhere) are filed, due
  // today; questions no longer in the course are dropped.
  function bringUpToDate(data, lessons) {
    var changed = false;
    Object.keys(data.cards).forEach(function (key) {
      var lesson = lessons[data.cards[key].lesson];
      if (!lesson || lesson.questions.indexOf(key.slice(data.cards[key].lesson.length + 1)) < 0) {
        delete data.cards[key];
        changed = true;
      }
    });
    completed().forEach(function (id) {
      if (lessons[id]) changed = file(data, id, lessons[id].questions, day()) || changed;
    });
    if (changed) store.write("practice", data);
  }

  // Oldest due first, then the lower box (the less known), then course order.
  function dueQueue(data, lessons, module) {
    var rank = function (item) {
      var lesson = lessons[item.card.lesson];
      return [item.card.due, item.card.box, lesson.order, lesson.questions.indexOf(item.key.slice(item.card.lesson.length + 1))];
    };
    return cardsOf(data, module).filter(function (item) { return item.card.due <= day(); }).sort(function (a, b) {
      var x = rank(a), y = rank(b);
      for (var i = 0; i < x.length; i += 1) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
      return 0;
    }).map(function (item) { return { key: item.key, lesson: lessons[item.card.lesson] }; });
  }

  // A question as its lesson page has it: the question, each option (text, right or not, and why).
  var pages = {};
  function loadQuestion(item) {
    var url = item.lesson.url;
    pages[url] = pages[url] || fetch(url).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.text();
    }).then(function (html) { return new DOMParser().parseFromString(html, "text/html"); });
    pages[url].catch(function () { delete pages[url]; });  // try again next time
    return pages[url].then(function (page) {
      var question = page.getElementById(item.key.split("/").pop());
      if (!question) throw new Error("no question");
      var text = function (node) { return node ? node.textContent.replace(/\s+/g, " ").trim() : ""; };
      return {
        text: text(question.querySelector("legend")),
        options: all(question, "input[type=radio]").map(function (input) {
          var why = page.getElementById(input.dataset.why);
          why = why ? why.cloneNode(true) : null;
          if (why) all(why, "strong").forEach(function (strong) { strong.remove(); });  // "B is right.": said here in words
          return { text: text(input.parentElement.querySelector("label")), right: input.hasAttribute("data-correct"), why: text(why) };
        }),
      };
    });
  }

  function setUpPractice(root) {
    var status = root.querySelector("[data-practice-status]");
    if (!store.available) {
      status.textContent = "This browser isn't letting the site keep anything on this device (a private window or strict " +
        "settings can do that), so it can't remember which questions are due. Open this page in a browser that keeps site " +
        "data, or go back over the “Check your understanding” questions at the end of each lesson you have completed.";
      return;
    }
    var lessons = lessonsOf(root), data = read();
    bringUpToDate(data, lessons);
    var module = new URLSearchParams(location.search).get("module"), title = "";
    Object.keys(lessons).forEach(function (id) { if (lessons[id].module === module) title = lessons[id].moduleTitle; });
    if (module) showFilter(root.querySelector("[data-practice-filter]"), title, module);
    if (!title) module = null;
    var queue = dueQueue(data, lessons, module);
    if (queue.length) {
      status.hidden = true;
      runSession(root.querySelector("[data-practice-session]"), queue, module);
    } else if (cardsOf(data, module).length) {
      status.textContent = "Nothing to practise today: " + nextWords(nextDue(data, module));
    } else {
      status.textContent = "You haven't completed a lesson" + (module ? " of this module" : "") + " in this browser yet. " +
        "Once you have answered every question of a lesson's “Check your understanding”, its questions come back here the next day.";
    }
  }

  function showFilter(box, title, module) {
    var every = element("a", "", "Practise every module");
    every.href = location.pathname;
    if (title) box.append("Questions from " + title + " only. ", every);
    else box.textContent = "There is no module “" + module + "” in this course, so here are the questions from every module.";
    box.hidden = false;
  }

  function runSession(session, queue, module) {
    var firstCount = queue.length, rightFirst = 0, position = 0;
    var heading = element("h2", "course-practice__heading");
    var source = element("p", "course-practice__source");
    var body = element("div", "course-practice__question");
    var check = element("button", "course-button", "Check answer");
    var feedback = element("p", "course-check__feedback");
    var next = element("button", "course-button", "Next question");
    var question = null;
    heading.tabIndex = -1;
    check.type = next.type = "button";
    feedback.setAttribute("role", "status");
    feedback.setAttribute("aria-live", "polite");
    session.append(heading, source, body, check, feedback, next);
    session.hidden = false;

    function show(focus) {
      var item = queue[position];
      question = null;
      heading.textContent = "Question " + (position + 1) + " of " + queue.length;
      var link = element("a", "", item.lesson.title);
      link.href = item.lesson.url;
      source.replaceChildren("From the lesson ", link, " (" + item.lesson.moduleTitle + ")");
      body.replaceChildren(element("p", "", "Loading the question…"));
      feedback.textContent = "";
      feedback.className = "course-check__feedback";
      check.hidden = true;
      next.hidden = true;
      if (focus) heading.focus();
      loadQuestion(item).then(function (loaded) {
        question = loaded;
        var fieldset = element("fieldset");
        fieldset.appendChild(element("legend", "", loaded.text));
        loaded.options.forEach(function (option, index) {
          var row = element("div", "course-check__option");
          var input = element("input");
          var label = element("label", "", option.text);
          input.type = "radio";
          input.name = "course-practice-answer";
          input.id = "course-practice-option-" + index;
          input.value = index;
          label.htmlFor = input.id;
          row.append(input, label);
          fieldset.appendChild(row);
        });
        body.replaceChildren(fieldset);
        check.hidden = false;
      }, function () {
        body.replaceChildren(element("p", "", "This question couldn't be loaded: are you offline? It stays due, for next time."));
        showNext();
      });
    }

    function showNext() {
      next.textContent = position + 1 < queue.length ? "Next question" : "Finish";
      next.hidden = false;
    }

    function mark(index, right) {
      var label = body.querySelectorAll("label")[index];
      var badge = element("span", "course-check__mark", right ? "Right answer" : "Not this one");
      var icon = element("span", "", right ? "✓ " : "✗ ");
      icon.setAttribute("aria-hidden", "true");
      badge.prepend(icon);
      label.append(" ", badge);
    }

    check.addEventListener("click", function () {
      var chosen = body.querySelector("input:checked");
      if (!question) return;
      if (!chosen) {
        feedback.textContent = "Choose an answer first, then select ‘Check answer’.";
        return;
      }
      var item = queue[position], option = question.options[Number(chosen.value)];
      var rightIndex = question.options.map(function (o) { return o.right; }).indexOf(true);
      all(body, "input").forEach(function (input) { input.disabled = true; });
      mark(Number(chosen.value), option.right);
      if (!option.right) mark(rightIndex, true);
      var card = item.again ? read().cards[item.key] : answer(item.key, option.right);  // asked again: already due tomorrow
      if (!item.again && option.right) rightFirst += 1;
      if (!item.again && !option.right) queue.push({ key: item.key, lesson: item.lesson, again: true });
      var words = [option.why];
      if (!option.right) words.push("The right answer is " + sentence(question.options[rightIndex].text), question.options[rightIndex].why);
      if (!item.again && !option.right) words.push("This question comes back at the end of this session, and again tomorrow.");
      else if (card) words.push("This question comes back " + when(card.due) + ".");
      feedback.className = "course-check__feedback course-check__feedback--" + (option.right ? "right" : "wrong");
      feedback.replaceChildren(element("strong", "", option.right ? "Right." : "Not quite."), " " + words.filter(Boolean).join(" "));
      check.hidden = true;
      showNext();
      next.focus();
    });

    next.addEventListener("click", function () {
      position += 1;
      if (position < queue.length) show(true);
      else finish();
    });

    function finish() {
      var done = element("h2", "course-practice__heading", "Done for today");
      var upcoming = nextWords(nextDue(read(), module));
      done.tabIndex = -1;
      session.replaceChildren(done, element("p", "", "You answered " + rightFirst + " of " + plural(firstCount, "question") + " right first time."));
      if (upcoming) session.appendChild(element("p", "", upcoming.charAt(0).toUpperCase() + upcoming.slice(1)));
      done.focus();
    }

    show(false);
  }

  // Moves the question between boxes (see the top of this file); returns its card.
  function answer(key, right) {
    var data = read(), card = data.cards[key];
    var days = (document.querySelector("[data-box-days]").dataset.boxDays || "1").split(" ").map(Number);
    if (!card) return null;
    card.box = right ? Math.min((card.box || 1) + 1, days.length) : 1;
    card.due = day(days[card.box - 1]);
    store.write("practice", data);
    return card;
  }

  document$.subscribe(function () {
    refresh();
    all(document, "[data-course-practice]").forEach(function (root) {
      if (root.dataset.courseReady) return;
      root.dataset.courseReady = "yes";
      setUpPractice(root);
    });
  });
})();

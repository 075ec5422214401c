// Practice conversations: a scenario's page (macros/render/scenario.py) played one moment at a time.
// Without this script the page is a branching table; with it, the table is read once (data-node,
// data-choice, data-ending, and data-text for each value as written) and hidden, and the player
// shows the customer's line, the learner's replies as buttons, then the customer's reaction and the
// feedback with "Continue"; "Back" takes the last reply back, "Restart" starts again. At an ending:
// the debrief, each objective practised (shown or missed on this path) and the whole conversation.
// Focus moves to each new line the customer says, which a polite live region also announces.
// Everything is written as text (textContent), never as HTML.
//
// Progress: in the same entry of this browser's store (store.js) as course.js's lesson progress
// (part "progress"), under "scenarios": {"<module>/<scenario>": {"path": [choice numbers
// from 1], "pending": true while a reaction waits for Continue, "endings": [ending ids reached]}}.
// course.js's "Reset my progress" removes the entry, and with it this.
//
// For whoever records results (the SCORM bridge, macros/outputs/scorm/bridge.js), after each reply:
//   "course:scenario-choice" {scenario, node, choice (from 1), shows: [objective ids], misses: [...]}
// and when an ending is reached: "course:scenario-end" {scenario, outcome: good | recoverable | poor}.
//
// Runs on every page, including pages reached through Material's instant navigation (document$).

(function () {
  "use strict";

  // -- Progress: read and written whole, so course.js's "done" and "last" stay as they are ---------

  var store = {
    read: function () {
      var data = window.courseStore.read("progress", null);
      return data && typeof data === "object" && Array.isArray(data.done) ? data : { done: [], last: null };
    },
    load: function (key) {
      var saved = (store.read().scenarios || {})[key];
      return saved && Array.isArray(saved.path) ? saved : null;
    },
    save: function (key, state) {
      var data = store.read();
      data.scenarios = data.scenarios && typeof data.scenarios === "object" ? data.scenarios : {};
      data.scenarios[key] = state;
      window.courseStore.write("progress", data);
    },
  };

  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function button(text, className) {
    var node = element("button", "course-button " + (className || ""), text);
    node.type = "button";
    return node;
  }

  // A value as the page wrote it (data-text), or "" when there is none.
  function part(root, name) {
    var node = root.querySelector('[data-text="' + name + '"]');
    return node ? node.textContent.trim() : "";
  }

  function ids(text) { return (text || "").split(/\s+/).filter(Boolean); }

  // -- The scenario, read from the branching table ----------------------------------------------

  function readScenario(root) {
    var scenario = {
      id: root.dataset.scenario, module: root.dataset.module, start: root.dataset.start,
      customer: part(root, "customer") || "The customer", nodes: {}, endings: {}, objectives: [],
    };
    all(root, "[data-node]").forEach(function (section) {
      scenario.nodes[section.dataset.node] = {
        id: section.dataset.node, line: part(section, "line"), context: part(section, "context"),
        choices: all(section, "[data-choice]").map(function (item) {
          return {
            number: Number(item.dataset.choice), say: part(item, "say"), reaction: part(item, "reaction"),
            feedback: part(item, "feedback"), next: item.dataset.next, shows: ids(item.dataset.shows), misses: ids(item.dataset.misses),
          };
        }),
      };
    });
    all(root, "[data-ending]").forEach(function (section) {
      scenario.endings[section.dataset.ending] = {
        id: section.dataset.ending, outcome: section.dataset.outcome, label: part(section, "outcome"),
        title: part(section, "title"), debrief: part(section, "debrief"),
      };
    });
    all(root, "[data-objective]").forEach(function (item) {
      scenario.objectives.push({ id: item.dataset.objective, text: item.textContent.trim() });
    });
    return scenario;
  }

  // The path (choice numbers) followed from the start: each step's node and choice, and where it
  // has got to. A path that no longer fits the scenario (it changed since) stops where it stops fitting.
  function walk(scenario, path) {
    var steps = [];
    var at = scenario.start;
    for (var i = 0; i < path.length; i++) {
      var node = scenario.nodes[at];
      var choice = node && node.choices[path[i] - 1];
      if (!choice) break;
      steps.push({ node: node, choice: choice });
      at = choice.next;
    }
    return { steps: steps, at: at, node: scenario.nodes[at] || null, ending: scenario.endings[at] || null };
  }

  function objectiveText(scenario, id) {
    var known = scenario.objectives.filter(function (objective) { return objective.id === id; })[0];
    return known ? known.text : id;
  }

  // Shown, missed, both or neither on this walk, for each objective the scenario practises.
  function results(scenario, steps) {
    return scenario.objectives.map(function (objective) {
      var shown = steps.some(function (step) { return step.choice.shows.indexOf(objective.id) >= 0; });
      var missed = steps.some(function (step) { return step.choice.misses.indexOf(objective.id) >= 0; });
      var verdict = shown && missed ? ["both", "±", "Shown at one moment, missed at another"]
        : shown ? ["shown", "✓", "Shown"] : missed ? ["missed", "✗", "Missed"] : ["untried", "–", "Not practised on this path"];
      return { objective: objective, kind: verdict[0], mark: verdict[1], words: verdict[2] };
    });
  }

  // -- Pieces of the player -----------------------------------------------------------------------

  function speech(className, speaker, words, quoted) {
    var line = element("p", "course-scenario__said " + className);
    line.append(element("span", "course-scenario__speaker", speaker + ": "), quoted ? "“" + words + "”" : words);
    return line;
  }

  function marked(tag, className, mark, words) {
    var node = element(tag, className);
    var symbol = element("span", "course-scenario__mark", mark + " ");
    symbol.setAttribute("aria-hidden", "true");
    node.append(symbol, words);
    return node;
  }

  // "This reply shows: …" / "It misses: …", from the choice's objective ids.
  function objectiveNotes(scenario, choice) {
    var notes = [];
    if (choice.shows.length) {
      notes.push(marked("p", "course-scenario__note course-scenario__note--shown", "✓",
        "Shows: " + choice.shows.map(function (id) { return objectiveText(scenario, id); }).join("; ")));
    }
    if (choice.misses.length) {
      notes.push(marked("p", "course-scenario__note course-scenario__note--missed", "✗",
        "Misses: " + choice.misses.map(function (id) { return objectiveText(scenario, id); }).join("; ")));
    }
    return notes;
  }

  function feedbackBox(scenario, choice) {
    var box = element("div", "course-scenario__feedback-box");
    var feedback = element("p", "course-scenario__feedback");
    feedback.append(element("strong", "", "Feedback: "), choice.feedback);
    box.append(feedback);
    objectiveNotes(scenario, choice).forEach(function (note) { box.append(note); });
    return box;
  }

  function transcript(scenario, steps) {
    var list = element("ol", "course-scenario__transcript");
    steps.forEach(function (step) {
      var item = element("li", "course-scenario__exchange");
      item.append(
        speech("course-scenario__said--customer", scenario.customer, step.node.line, true),
        speech("course-scenario__said--you", "You", step.choice.say, true),
        element("p", "course-scenario__reaction", step.choice.reaction),
        feedbackBox(scenario, step.choice)
      );
      list.append(item);
    });
    return list;
  }

  function resultList(scenario, steps) {
    var list = element("ul", "course-scenario__results");
    results(scenario, steps).forEach(function (result) {
      var item = marked("li", "course-scenario__result course-scenario__result--" + result.kind, result.mark, "");
      item.append(element("strong", "", result.words + ": "), result.objective.text);
      list.append(item);
    });
    return list;
  }

  // -- The player -----------------------------------------------------------------------------------

  function setUpScenario(root) {
    var scenario = readScenario(root);
    var player = root.querySelector("[data-scenario-player]");
    var table = root.querySelector("[data-scenario-map]");
    if (!player || !scenario.nodes[scenario.start]) return;  // nothing to play: the table stays
    var key = scenario.module + "/" + scenario.id;
    var saved = store.load(key) || {};
    var state = { path: (saved.path || []).filter(Number.isInteger), pending: saved.pending === true, endings: saved.endings || [] };

    var heading = element("h2", "course-scenario__heading", "The conversation");
    var screen = element("div", "course-scenario__screen");
    var controls = element("div", "course-scenario__controls");
    var back = button("Back", "course-button--quiet course-scenario__back");
    var restart = button("Restart", "course-button--quiet course-scenario__restart");
    var live = element("p", "course-sr-only course-scenario__live");
    live.setAttribute("role", "status");
    live.setAttribute("aria-live", "polite");
    back.setAttribute("aria-label", "Back: take back your last reply");
    controls.append(back, restart);
    player.replaceChildren(heading, screen, controls, live);
    table.hidden = true;
    player.hidden = false;

    function save() { store.save(key, state); }

    function announce(text) {
      live.textContent = "";
      setTimeout(function () { live.textContent = text; }, 50);  // a repeat of the same words is announced too
    }

    function dispatch(name, detail) { document.dispatchEvent(new CustomEvent(name, { detail: detail })); }

    // Shows where the walk has got to; with `move`, focus goes to the new line and it is announced.
    function show(move) {
      var now = walk(scenario, state.path);
      if (now.steps.length < state.path.length) state.path = state.path.slice(0, now.steps.length);
      if (!now.steps.length) state.pending = false;
      var target = state.pending ? reactionScreen(now) : now.ending ? endingScreen(now) : momentScreen(now);
      controls.hidden = state.path.length === 0;  // nothing to take back at the first moment
      if (move) {
        target.focus();
        announce(target.dataset.announce || target.textContent);
      }
    }

    function momentHeader(number) {
      screen.replaceChildren(element("p", "course-scenario__step", "Moment " + number));
    }

    function momentScreen(now) {
      var node = now.node;
      momentHeader(now.steps.length + 1);
      var line = speech("course-scenario__said--customer course-scenario__new-line", scenario.customer, node.line, true);
      line.tabIndex = -1;
      screen.append(line);
      if (node.context) {
        var context = element("p", "course-scenario__context");
        context.append(element("span", "course-scenario__label", "Context: "), node.context);
        screen.append(context);
      }
      var prompt = element("p", "course-scenario__prompt", "What do you say?");
      prompt.id = "course-scenario-prompt-" + scenario.id;
      var options = element("ol", "course-scenario__options");
      options.setAttribute("aria-labelledby", prompt.id);
      node.choices.forEach(function (choice) {
        var option = element("button", "course-scenario__option", "“" + choice.say + "”");
        option.type = "button";
        option.addEventListener("click", function () { choose(node, choice); });
        var item = element("li");
        item.append(option);
        options.append(item);
      });
      screen.append(prompt, options);
      return line;
    }

    function reactionScreen(now) {
      var step = now.steps[now.steps.length - 1];
      momentHeader(now.steps.length);
      var reaction = element("p", "course-scenario__reaction course-scenario__new-line", step.choice.reaction);
      reaction.tabIndex = -1;
      var next = button("Continue", "course-scenario__continue");
      next.addEventListener("click", carryOn);
      screen.append(
        speech("course-scenario__said--customer", scenario.customer, step.node.line, true),
        speech("course-scenario__said--you", "You", step.choice.say, true),
        reaction,
        feedbackBox(scenario, step.choice),
        next
      );
      return reaction;
    }

    function endingScreen(now) {
      var ending = now.ending;
      var title = element("h3", "course-scenario__ending-title course-scenario__new-line");
      var outcome = marked("span", "course-scenario__outcome course-scenario__outcome--" + ending.outcome,
        { good: "✓", recoverable: "↺", poor: "✗" }[ending.outcome] || "•", ending.label);
      title.append(outcome, element("span", "course-sr-only", ": "), " ", ending.title);
      title.tabIndex = -1;
      title.dataset.announce = ending.label + ": " + ending.title + ". " + ending.debrief;
      screen.replaceChildren(
        title,
        element("p", "course-scenario__debrief", ending.debrief),
        element("h3", "", "What you practised"),
        resultList(scenario, now.steps),
        element("h3", "", "The whole conversation"),
        transcript(scenario, now.steps)
      );
      return title;
    }

    function choose(node, choice) {
      state.path.push(choice.number);
      state.pending = true;
      save();
      dispatch("course:scenario-choice", {
        scenario: scenario.id, node: node.id, choice: choice.number, shows: choice.shows.slice(), misses: choice.misses.slice(),
      });
      show(true);
    }

    function carryOn() {
      state.pending = false;
      var ending = walk(scenario, state.path).ending;
      if (ending && state.endings.indexOf(ending.id) < 0) state.endings.push(ending.id);
      save();
      if (ending) dispatch("course:scenario-end", { scenario: scenario.id, outcome: ending.outcome });
      show(true);
    }

    back.addEventListener("click", function () {
      state.path.pop();  // the last reply taken back: its moment shows again, to choose afresh
      state.pending = false;
      save();
      show(true);
    });
    restart.addEventListener("click", function () {
      state.path = [];
      state.pending = false;
      save();
      show(true);
    });

    show(false);  // on arrival the page keeps its focus where the browser put it
  }

  document$.subscribe(function () {
    all(document, "[data-scenario]").forEach(function (root) {
      if (root.dataset.scenarioReady) return;
      root.dataset.scenarioReady = "yes";
      setUpScenario(root);
    });
  });
})();

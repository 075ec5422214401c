// The site's search: the header's search box, Material's look, Pagefind's index.
// The index (pagefind/, written after each build by macros/site/search_index.py) is split into
// small files. Nothing of it loads on a visit: pagefind/pagefind.js and the files a query needs
// load when a learner starts to search (first focus of the box, or first key in it). Uses
// Pagefind's JavaScript API (search, data, filters), not its ready-made interface.
// Also marks the searched words (?h=...) on the page a result opens, as Material's search did.
// The header stays in place through Material's instant navigation, so the box is set up once;
// the marking runs on every page shown (document$).

(function () {
  "use strict";

  var box = document.querySelector("[data-course-search]");
  var toggle = document.getElementById("__search");
  if (!box || !toggle) return;

  // Results shown at once (and per "More results"): each fetches its page's text for the excerpt,
  // about 6 KB for a lesson, so a first query stays within its budget (tests/browser/test_search.py).
  var FIRST = 5;
  var DEBOUNCE_MS = 150;
  var SECTIONS = 1;  // sections of a page shown under it (a glossary result shows one term more)
  var EXCERPT_WORDS = 24;
  var KINDS = ["Lesson", "Module", "Capstone", "Article", "Glossary term", "Guide"];  // search_pages.py
  // Ranking, tuned on tests/browser/test_search_relevance.py (run it after any change): a word in a
  // page's title counts five times a word of its text (Pagefind's default), in its description or
  // objectives (content.html) twice; PHRASE weighs words found side by side (withPartialMatches).
  var RANKING = { metaWeights: { title: 5, description: 2, objectives: 2 } };
  var PHRASE = 1;
  var COMMON = 0.9;  // a query word on more than this share of the pages found is not marked

  var input = box.querySelector(".md-search__input");
  var form = input.form;
  var output = box.querySelector(".md-search-result");  // aria-busy while a search runs
  var meta = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var more = box.querySelector("[data-course-search-more]");
  var tools = box.querySelector("[data-course-search-tools]");
  var filterToggle = tools.querySelector("button");
  var filterBar = tools.querySelector("[data-course-search-filters]");
  var selects = Array.prototype.slice.call(filterBar.querySelectorAll("select"));
  var texts = JSON.parse(box.getAttribute("data-course-search"));
  // The site's root, fixed at the first page (instant navigation keeps this script running).
  var scope = typeof __md_scope !== "undefined" ? __md_scope
    : new URL(JSON.parse(document.getElementById("__config").textContent).base, location);

  // -- Pagefind, loaded once, on demand ----------------------------------------------------------

  var engine = null;
  function pagefind() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", scope).href).then(function (api) {
        // No web worker: its script would be one more download, and a search takes milliseconds.
        var options = { baseUrl: scope.pathname, ranking: RANKING, excerptLength: EXCERPT_WORDS, noWorker: true };
        return api.options(options).then(function () {
          api.init();  // the engine and the index's table of contents load while the learner types
          return api;
        });
      });
      engine.catch(function () { engine = null; });  // offline, say: the next key tries again
    }
    return engine;
  }

  // The filters' values come from the index, fetched when the learner first opens the filters.
  var filled = null;
  function showFilters() {
    var open = filterToggle.getAttribute("aria-expanded") !== "true";
    filterToggle.setAttribute("aria-expanded", String(open));
    if (!open) { filterBar.hidden = true; return; }
    if (!filled) {
      filled = pagefind().then(function (api) { return api.filters(); }).then(function (available) {
        fill(selects[0], ordered(Object.keys(available.kind || {}), KINDS));
        fill(selects[1], Object.keys(available.module || {}).sort(function (a, b) { return a.localeCompare(b); }));
      });
      filled.catch(function () { filled = null; });
    }
    filled.then(function () {
      filterBar.hidden = filterToggle.getAttribute("aria-expanded") !== "true";
      if (!filterBar.hidden) selects[0].focus();
    });
  }

  function ordered(values, order) {
    return values.sort(function (a, b) { return rank(a) - rank(b) || a.localeCompare(b); });
    function rank(value) { var at = order.indexOf(value); return at < 0 ? order.length : at; }
  }

  function fill(select, values) {
    values.forEach(function (value) {
      var option = document.createElement("option");
      option.value = option.textContent = value;
      select.appendChild(option);
    });
  }

  function chosenFilters() {
    var filters = {};
    selects.forEach(function (select) { if (select.value) filters[select.name] = select.value; });
    return filters;
  }

  // -- Searching and showing results ---------------------------------------------------------------

  var latest = 0;  // the newest search; an older one that finishes late is dropped
  var found = [];  // the newest search's results, to show more of
  var query = "";
  var marks = "";  // the words a result's page marks (?h=): the query's, less those on nearly every page
  var common = [];  // the query's words on nearly every page ("to", "how"), which excerpts leave unmarked

  function search() {
    var ticket = ++latest;
    query = input.value.trim();
    marks = query;
    common = [];
    if (!query) return clear(texts.placeholder);
    output.setAttribute("aria-busy", "true");
    pagefind().then(function (api) {
      var options = { filters: chosenFilters() };
      return api.debouncedSearch(query, options, DEBOUNCE_MS).then(function (answer) {
        if (answer === null || ticket !== latest) return;
        return withPartialMatches(api, answer.results, options);
      }).then(function (results) {
        if (!results || ticket !== latest) return;
        found = results;
        list.replaceChildren();
        return showNext(ticket).then(function () {
          if (ticket !== latest) return;
          say(count(found.length));
          tools.hidden = false;
          output.removeAttribute("aria-busy");
        });
      });
    }).catch(function () {
      if (ticket === latest) clear(texts.failed);
    });
  }

  // Pagefind finds the pages that hold every word of the query. A learner types a question ("how
  // to say no nicely"), whose words no page may all use, or uses one word the best page lacks
  // ("teams with competing targets"). So each word is also searched on its own, and every page
  // that holds any of them is ranked by the sum of its words' scores (Pagefind's, which weigh a
  // rare word over a common one), plus a bonus where words the learner typed side by side stand
  // together in the page ("say no"); a page that lacks some words says which, as Material's did.
  // Each word's part of the index is loaded already by the first search.
  function withPartialMatches(api, complete, options) {
    var words = query.toLowerCase().split(/\s+/).filter(function (word, at, all) { return all.indexOf(word) === at; });
    if (words.length < 2) return complete;
    return Promise.all(words.map(function (word) { return api.search(word, options); })).then(function (answers) {
      var pages = {};
      answers.forEach(function (answer, index) {
        answer.results.forEach(function (result) {
          var page = pages[result.id] || (pages[result.id] = { id: result.id, data: result.data, best: 0, score: 0, missing: words.slice(), hits: [] });
          page.score += result.score;
          page.hits[index] = result;
          page.missing.splice(page.missing.indexOf(words[index]), 1);
          if (result.score > page.best) { page.best = result.score; page.data = result.data; }
        });
      });
      complete.forEach(function (result) { if (pages[result.id]) pages[result.id].data = result.data; });  // marks every word
      var ranked = Object.keys(pages).map(function (id) { return pages[id]; });
      ranked.forEach(function (page) { page.score += PHRASE * nearness(page.hits); });
      var rare = words.filter(function (word, index) { return answers[index].results.length <= COMMON * ranked.length; });
      if (rare.length) {  // "to" and "how" are on every page: marking them marks nothing
        marks = rare.join(" ");
        common = words.filter(function (word) { return rare.indexOf(word) < 0; });
      }
      return ranked.sort(function (a, b) { return b.score - a.score; });
    });
  }

  // How often words typed next to each other stand within two words of each other on the page.
  function nearness(hits) {
    var bonus = 0;
    for (var i = 0; i + 1 < hits.length; i++) {
      var first = hits[i], second = hits[i + 1];
      if (!first || !second) continue;
      var after = {};
      second.words.forEach(function (at) { after[at] = true; });
      var together = first.words.filter(function (at) { return after[at + 1] || after[at + 2]; }).length;
      bonus += Math.log(1 + together) * Math.min(first.score, second.score);
    }
    return bonus;
  }

  function showNext(ticket) {
    var shown = list.children.length;
    var next = found.slice(shown, shown + FIRST);
    return Promise.all(next.map(function (result) { return result.data(); })).then(function (pages) {
      if (ticket !== latest) return;
      pages.forEach(function (page, index) { list.appendChild(item(page, next[index].missing)); });
      list.hidden = !list.children.length;
      more.hidden = list.children.length >= found.length;
    });
  }

  function clear(message) {
    latest++;
    found = [];
    list.replaceChildren();
    list.hidden = true;
    more.hidden = true;
    output.removeAttribute("aria-busy");
    say(message);
  }

  function say(message) { if (meta.textContent !== message) meta.textContent = message; }

  function count(n) {
    return n === 0 ? texts.none : n === 1 ? texts.one : texts.other.replace("#", n);
  }

  // One result: the page (title, kind and module, an excerpt with the searched words marked),
  // then its best sections; a glossary result is its best terms.
  function item(page, missing) {
    var entry = element("li", "md-search-result__item");
    var parts = page.filters && page.filters.kind && page.filters.kind[0] === "Glossary term" ? glossaryTerms(page) : sections(page);
    parts.forEach(function (part, index) {
      entry.appendChild(link(part, index === 0 ? where(page) : "", index === 0 ? missing : null));
    });
    return entry;
  }

  function sections(page) {
    var own = { url: page.url, title: page.meta.title || page.url, excerpt: page.excerpt };
    var best = (page.sub_results || []).filter(function (section) {
      return section.anchor && section.title !== own.title;
    }).sort(function (a, b) { return b.locations.length - a.locations.length; }).slice(0, SECTIONS);
    // The page's excerpt is often its best section's: then it shows once, under the section.
    if (best.length && best[0].plain_excerpt === page.plain_excerpt) own.excerpt = "";
    return [own].concat(best);
  }

  // The glossary is one page; each term (a <dt id>) becomes a result of its own, best first.
  function glossaryTerms(page) {
    var terms = page.anchors.filter(function (anchor) { return anchor.element === "dt"; })
      .sort(function (a, b) { return a.location - b.location; });
    var words = page.raw_content.split(/[\r\n\s]+/g);
    var hits = [];
    terms.forEach(function (term, index) {
      var end = index + 1 < terms.length ? terms[index + 1].location : words.length;
      var inside = page.locations.filter(function (at) { return at >= term.location && at < end; });
      if (inside.length) hits.push({ term: term, end: end, inside: inside });
    });
    hits.sort(function (a, b) { return b.inside.length - a.inside.length; });
    if (!hits.length) return [{ url: page.url, title: page.meta.title, excerpt: page.excerpt }];
    return hits.slice(0, 2 + SECTIONS).map(function (hit) {
      var from = hit.term.location + hit.term.text.trim().split(/\s+/).length;  // the definition, after the term
      var marked = words.slice(from, Math.min(hit.end, from + EXCERPT_WORDS)).map(function (word, offset) {
        return hit.inside.indexOf(from + offset) >= 0 ? "<mark>" + word + "</mark>" : word;
      });
      return { url: page.url.split("#")[0] + "#" + hit.term.id, title: hit.term.text, excerpt: marked.join(" ") };
    });
  }

  function where(page) {
    var filters = page.filters || {};
    return (filters.kind || []).concat(filters.module || []).join(" · ");
  }

  function link(part, place, missing) {
    var anchor = element("a", "md-search-result__link");
    anchor.href = withQuery(part.url);
    var article = element("article", "md-search-result__article md-typeset");
    if (place) {
      article.appendChild(element("h1", "", part.title));
      article.appendChild(element("p", "course-search__where", place));
    } else {
      article.appendChild(element("h2", "", part.title));
    }
    if (part.excerpt) {
      var excerpt = element("p", "");
      excerpt.innerHTML = quieter(part.excerpt);  // Pagefind's excerpt: the page's text, escaped, with <mark>s
      article.appendChild(excerpt);
    }
    if (missing && missing.length) {
      var terms = element("p", "md-search-result__terms", texts.missing + ": ");
      missing.forEach(function (word, index) {
        if (index) terms.appendChild(document.createTextNode(" "));
        terms.appendChild(element("del", "", word));
      });
      article.appendChild(terms);
    }
    anchor.appendChild(article);
    return anchor;
  }

  // An excerpt without marks on the query's common words.
  function quieter(excerpt) {
    return excerpt.replace(/<mark>([^<]*)<\/mark>/g, function (marked, word) {
      return common.indexOf(word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "")) >= 0 ? word : marked;
    });
  }

  // The result's address, carrying the searched words for the page to mark (?h=).
  function withQuery(url) {
    var target = new URL(url, scope);
    target.searchParams.set("h", marks);
    return target.pathname + target.search + target.hash;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // -- Opening, closing and the keyboard, as Material's search behaves ----------------------------

  function setOpen(open) { if (toggle.checked !== open) toggle.click(); }

  function results() { return Array.prototype.slice.call(list.querySelectorAll("a[href]")); }

  function typing(node) {
    if (!node) return false;
    if (node instanceof HTMLInputElement) return node.type !== "radio";
    return node instanceof HTMLSelectElement || node instanceof HTMLTextAreaElement || node.isContentEditable;
  }

  input.addEventListener("focus", function () { setOpen(true); pagefind(); });
  input.addEventListener("input", search);
  selects.forEach(function (select) { select.addEventListener("change", search); });
  filterToggle.addEventListener("click", showFilters);
  more.addEventListener("click", function () {
    var first = list.children.length;
    showNext(latest).then(function () {
      var link = list.children[first] && list.children[first].querySelector("a");
      if (link) link.focus();
    });
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () {
    setTimeout(function () { clear(texts.placeholder); input.focus(); });
  });
  list.addEventListener("click", function (event) {
    if (event.target.closest("a")) setOpen(false);
  });
  // The header's magnifier (phones): open and focus the box at once, which brings up the keyboard.
  var opener = document.querySelector(".md-header label[for=__search]");
  if (opener) opener.addEventListener("click", function (event) { event.preventDefault(); input.focus(); });
  box.addEventListener("focusout", function (event) {
    if (toggle.checked && event.relatedTarget && !box.contains(event.relatedTarget)) setOpen(false);
  });

  window.addEventListener("keydown", function (event) {
    if (event.metaKey || event.ctrlKey || event.altKey || event.isComposing) return;
    var active = document.activeElement;
    if (!toggle.checked) {
      if ((event.key === "/" || event.key === "s" || event.key === "f") && !typing(active)) {
        event.preventDefault();
        input.focus();
        input.select();
      }
      return;
    }
    var links = results();
    if (event.key === "Escape") {
      setOpen(false);
      input.blur();
    } else if (event.key === "Enter" && active === input) {
      event.preventDefault();
      if (links.length) links[0].click();
    } else if ((event.key === "ArrowDown" || event.key === "ArrowUp") && (active === input || links.indexOf(active) >= 0)) {
      event.preventDefault();
      var stops = [input].concat(links);
      var step = event.key === "ArrowDown" ? 1 : -1;
      stops[(stops.indexOf(active) + step + stops.length) % stops.length].focus();
    }
  });

  // -- Marking the searched words on the page a result opens ----------------------------------------

  function markSearchedWords() {
    var words = (new URL(location.href).searchParams.get("h") || "").trim().split(/\s+/).filter(Boolean);
    var content = document.querySelector("[data-md-component=content]");
    if (!words.length || !content) return;
    var term = "(?:" + words.map(function (word) { return word.replace(/[|\\{}()[\]^$+*?.-]/g, "\\$&"); }).join("|") + ")";
    var pattern = new RegExp(term + "(?:\\s+" + term + ")*", "gi");
    var walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    var nodes = [];
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var parent = node.parentElement;
      if (parent && parent.offsetHeight && !parent.closest("mark, script, style") && pattern.test(node.nodeValue)) nodes.push(node);
      pattern.lastIndex = 0;
    }
    nodes.forEach(function (text) { text.replaceWith(marked(text.nodeValue, pattern)); });
  }

  function marked(text, pattern) {
    var pieces = document.createDocumentFragment();
    var at = 0;
    text.replace(pattern, function (match, offset) {
      pieces.appendChild(document.createTextNode(text.slice(at, offset)));
      var mark = document.createElement("mark");
      mark.setAttribute("data-md-highlight", "");
      mark.textContent = match;
      pieces.appendChild(mark);
      at = offset + match.length;
      return match;
    });
    pieces.appendChild(document.createTextNode(text.slice(at)));
    return pieces;
  }

  if (typeof document$ !== "undefined") document$.subscribe(markSearchedWords);
  else markSearchedWords();
})();

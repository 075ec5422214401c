// What the course keeps in this browser, in one place: localStorage only, never a cookie, never sent
// anywhere. Loaded before every other course script, which reach it as window.courseStore.
//
// Material's __md_scope is the site's base URL, so every key starts with the site's base path: two
// course sites on one github.io origin keep separate data. Each part is one JSON entry:
//   "<base path>.course.progress"    lessons done, the last page visited, practice conversations
//   "<base path>.course.<name>"      any other part (spaced practice, confidence, action plans)
// e.g. "/course-site/.course.progress".
//
//   courseStore.scope                the site's base URL (scope.pathname: its base path)
//   courseStore.available            false when storage is blocked or full: nothing is kept
//   courseStore.read(name, fallback) the part's value, or `fallback` when absent or unreadable
//   courseStore.write(name, value)   keep it (silently unsaved when storage refuses)
//   courseStore.remove(name)
//   courseStore.clearAll()           "Delete my data": every entry of this site, whatever its part
//   courseStore.keys()               this site's entries, for the privacy page

(function () {
  "use strict";

  var scope = typeof __md_scope !== "undefined" ? __md_scope
    : new URL(JSON.parse(document.getElementById("__config").textContent).base, location);
  var PREFIX = scope.pathname + ".course.";

  function key(name) { return PREFIX + name; }

  var available = (function () {
    try {
      localStorage.setItem(key("probe"), "1");
      localStorage.removeItem(key("probe"));
      return true;
    } catch (error) {
      return false;  // blocked or full (private windows, strict settings): no data, no errors
    }
  })();

  function keys() {
    var found = [];
    if (!available) return found;
    for (var index = 0; index < localStorage.length; index += 1) {
      var name = localStorage.key(index);
      if (name && name.indexOf(PREFIX) === 0) found.push(name);
    }
    return found;
  }

  window.courseStore = {
    available: available,
    scope: scope,  // the site's base URL
    prefix: PREFIX,
    read: function (name, fallback) {
      var value = null;
      try { value = available ? JSON.parse(localStorage.getItem(key(name))) : null; } catch (error) { /* unreadable: start afresh */ }
      return value === null || value === undefined ? fallback : value;
    },
    write: function (name, value) {
      try { localStorage.setItem(key(name), JSON.stringify(value)); } catch (error) { /* keep going unsaved */ }
    },
    remove: function (name) {
      try { localStorage.removeItem(key(name)); } catch (error) { /* nothing to remove */ }
    },
    keys: keys,
    clearAll: function () {
      keys().forEach(function (name) {
        try { localStorage.removeItem(name); } catch (error) { /* nothing to remove */ }
      });
    },
  };
})();

// Runs on every page, including pages reached through Material's instant navigation (document$).
document$.subscribe(function () {
  // Wide tables scroll sideways on phones: make the scrolling area reachable by keyboard (axe: scrollable-region-focusable).
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
    wrap.tabIndex = 0;
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", "Table (scrolls sideways)");
  });
});

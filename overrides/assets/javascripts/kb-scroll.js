/*
 * Boxes that scroll sideways (a display formula or a table wider than the column, kb.css) become
 * keyboard stops only while they actually overflow, as the theme does for code blocks: a reader
 * who cannot swipe can still focus the box and scroll it with the arrow keys. Tables get a name.
 */
(function () {
  "use strict";

  var SELECTOR = ".md-typeset .katex-display, .md-typeset .md-typeset__scrollwrap";

  function mark() {
    var boxes = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute("tabindex", "0");
        if (box.classList.contains("md-typeset__scrollwrap")) {
          box.setAttribute("role", "region");
          box.setAttribute("aria-label", "表格 " + (i + 1) + "（可横向滚动）");
        }
      } else if (box.getAttribute("tabindex") === "0") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    }
  }

  var pending = 0;
  function schedule() {
    if (!pending) pending = requestAnimationFrame(function () { pending = 0; mark(); });
  }
  // Material wraps tables after load and swaps page content on instant navigation.
  if (typeof window.document$ !== "undefined") window.document$.subscribe(schedule);
  window.addEventListener("load", schedule);
  window.addEventListener("resize", schedule);
})();

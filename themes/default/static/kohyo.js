// kohyo default theme: a box that scrolls sideways (.table-scroll, a table
// wider than the screen) can be reached with the Tab key, so keyboard users
// can scroll it, but only while it actually scrolls: a box that fits the
// screen is no stop on the way. Without JavaScript no box is a Tab stop.
(function () {
  "use strict";
  var boxes = document.querySelectorAll(".table-scroll");
  function update() {
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute("tabindex", "0");
      } else {
        box.removeAttribute("tabindex");
      }
    }
  }
  update();
  window.addEventListener("resize", update);
})();

// Print buttons: phones have no print button of their own, so a page offers
// one with <button type="button" data-print>. Without JavaScript the button
// does nothing; the browser's own print menu still works.
(function () {
  "use strict";
  if (!window.print) {
    return;
  }
  var buttons = document.querySelectorAll("[data-print]");
  Array.prototype.forEach.call(buttons, function (button) {
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();

/* The story list's filters: folded behind "Filters" on small screens, always
   shown on wide ones. CSS shows them on wide screens where the browser can
   style a <details>' content; this opens them for the other browsers too. */
(function () {
  "use strict";
  var meer = document.querySelector(".filters__meer");
  if (meer && window.matchMedia("(min-width: 50.01rem)").matches) {
    meer.open = true;
  }
})();

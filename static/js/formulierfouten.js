/* A form that came back with errors: the focus goes to the summary of what
   to fix (templates/includes/_form_errors.html), which links to each field.
   Keyboard and screen-reader users start there instead of at the top of the
   page. Without JavaScript the summary is still the first thing in the form. */
(function () {
  "use strict";
  var samenvatting = document.querySelector(".form-errors[tabindex]");
  if (samenvatting) {
    samenvatting.focus();
  }
})();

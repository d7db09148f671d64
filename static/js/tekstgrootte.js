/* Text-size control: without JavaScript each button posts the form and the
   server sets a cookie and sends the reader back. With JavaScript the size
   changes at once, the same server view stores the choice, and the page
   stays where it is. */
(function () {
  "use strict";

  function toepassen(grootte) {
    var root = document.documentElement;
    if (grootte === "normaal") {
      root.removeAttribute("data-tekstgrootte");
    } else {
      root.setAttribute("data-tekstgrootte", grootte);
    }
    document.querySelectorAll(".tekstgrootte button[name='grootte']").forEach(function (knop) {
      knop.setAttribute("aria-pressed", knop.value === grootte ? "true" : "false");
    });
  }

  document.querySelectorAll("form.tekstgrootte").forEach(function (formulier) {
    var melding = formulier.querySelector(".tekstgrootte__melding");
    formulier.addEventListener("submit", function (event) {
      var knop = event.submitter;
      if (!knop || knop.name !== "grootte" || !window.fetch) {
        return;
      }
      event.preventDefault();
      var gegevens = new FormData(formulier);
      gegevens.set("grootte", knop.value);
      toepassen(knop.value);
      fetch(formulier.action, {
        method: "POST",
        body: gegevens,
        credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" },
      }).then(function (antwoord) {
        if (!antwoord.ok) {
          throw new Error("niet opgeslagen");
        }
        if (melding) {
          melding.textContent = "Tekstgrootte: " + knop.textContent.trim() + ".";
        }
      }).catch(function () {
        // Fall back to the ordinary form post, which also works without JS.
        var veld = document.createElement("input");
        veld.type = "hidden";
        veld.name = "grootte";
        veld.value = knop.value;
        formulier.appendChild(veld);
        formulier.submit();
      });
    });
  });
})();

/* Importing files (templates/verhalen/verhaal_importeren.html): instead of
   sending all files in one request, send them one at a time and show each
   file's outcome and the progress as it comes. The server answers such a
   request (header X-Import: bestand) with that file's list item only.
   Without JavaScript the form sends everything at once and the answer lists
   every outcome. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-import]");
  if (!form || !window.fetch || !window.FormData) {
    return;
  }
  var invoer = form.querySelector("input[type=file]");
  var knop = form.querySelector("button[type=submit]");
  var sectie = document.querySelector(".import-uitslag");
  var kop = document.getElementById("import-uitslag-titel");
  var voortgang = sectie.querySelector(".import-voortgang");
  var balk = voortgang.querySelector("progress");
  var status = voortgang.querySelector("[role=status]");
  var lijst = document.getElementById("import-uitslagen");

  function item(tekst, klasse) {
    var li = document.createElement("li");
    li.className = "import-uitslag__bestand " + klasse;
    li.textContent = tekst;
    return li;
  }

  function uitslag(antwoord) {
    if (!antwoord.ok || antwoord.headers.get("X-Import-Uitslag") !== "1") {
      throw new Error("geen uitslag");
    }
    return antwoord.text().then(function (html) {
      var sjabloon = document.createElement("template");
      sjabloon.innerHTML = html.trim();
      return sjabloon.content.firstElementChild;
    });
  }

  form.addEventListener("submit", function (event) {
    var bestanden = Array.prototype.slice.call(invoer.files || []);
    if (!bestanden.length) {
      return; // the server tells what is missing
    }
    event.preventDefault();
    knop.disabled = true;
    lijst.textContent = "";
    sectie.hidden = false;
    voortgang.hidden = false;
    balk.max = bestanden.length;
    balk.value = 0;
    kop.textContent = "Bezig met importeren";
    var ingevoerd = 0;

    function volgende(index) {
      if (index >= bestanden.length) {
        knop.disabled = false;
        kop.textContent = ingevoerd + " van " + bestanden.length +
          (bestanden.length === 1 ? " bestand" : " bestanden") + " ingevoerd";
        status.textContent = "Klaar: " + kop.textContent + ".";
        kop.focus();
        return;
      }
      var bestand = bestanden[index];
      var bezig = item(bestand.name + ": bezig…", "import-uitslag__bestand--bezig");
      lijst.appendChild(bezig);
      status.textContent = "Bestand " + (index + 1) + " van " + bestanden.length + ": " + bestand.name;
      var gegevens = new FormData(form);
      gegevens.delete(invoer.name);
      gegevens.append(invoer.name, bestand);
      fetch(form.action || window.location.href, {
        method: "POST",
        body: gegevens,
        credentials: "same-origin",
        headers: { "X-Import": "bestand" }
      })
        .then(uitslag)
        .then(function (li) {
          if (li.classList.contains("import-uitslag__bestand--ingevoerd")) {
            ingevoerd += 1;
          }
          lijst.replaceChild(li, bezig);
        })
        .catch(function () {
          lijst.replaceChild(
            item(bestand.name + ": niet ingevoerd. De server gaf geen antwoord; probeer dit bestand opnieuw.",
              "import-uitslag__bestand--fout"),
            bezig
          );
        })
        .then(function () {
          balk.value = index + 1;
          volgende(index + 1);
        });
    }
    volgende(0);
  });
})();

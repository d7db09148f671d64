/* Names for controls that Django's admin builds in JavaScript without one
   (loaded by templates/admin/base_site.html):
   - the filter icon of the two-box selector carries an aria-label, which only
     an element with a role may have: it becomes role="img";
   - an autocomplete field (select2) is named only by its chosen value, so an
     empty one has no name: it is also named by the field's label;
   - fields in a table of inline rows have no label: they are named by their
     column header.
   A MutationObserver repeats this for rows and widgets added later. */
(function () {
  "use strict";

  function tekst(element) {
    return element ? element.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function kolomkop(veld) {
    var cel = veld.closest("td");
    var tabel = veld.closest("table");
    if (!cel || !tabel || !tabel.tHead) {
      return "";
    }
    var kop = tabel.tHead.rows[0].cells[cel.cellIndex];
    return tekst(kop).replace(/\*$/, "").trim();
  }

  function naamVan(veld) {
    var label = veld.id && document.querySelector('label[for="' + veld.id + '"]');
    return tekst(label).replace(/:$/, "") || kolomkop(veld);
  }

  function herstel() {
    document.querySelectorAll(".help-tooltip[aria-label]:not([role])").forEach(function (icoon) {
      icoon.setAttribute("role", "img");
    });
    document.querySelectorAll(".tabular td input, .tabular td select, .tabular td textarea")
      .forEach(function (veld) {
        // The hidden template row (.empty-form) is named once it is copied.
        if (veld.type === "hidden" || veld.closest(".empty-form") || veld.labels.length ||
            veld.hasAttribute("aria-label")) {
          return;
        }
        var naam = kolomkop(veld);
        if (naam) {
          veld.setAttribute("aria-label", naam);
        }
      });
    document.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      var widget = select.nextElementSibling;
      var naam = naamVan(select);
      if (!widget || !widget.classList.contains("select2") || !naam) {
        return;
      }
      widget.querySelectorAll('[role="combobox"]:not([aria-label])').forEach(function (veld) {
        veld.removeAttribute("aria-labelledby");
        veld.setAttribute("aria-label", naam);
      });
      widget.querySelectorAll('.select2-selection__rendered[role="textbox"]:not([aria-label])')
        .forEach(function (veld) {
          veld.setAttribute("aria-label", naam);
        });
      widget.querySelectorAll("input.select2-search__field:not([aria-label])")
        .forEach(function (veld) {
          veld.setAttribute("aria-label", naam);
        });
    });
  }

  new MutationObserver(herstel).observe(document.documentElement, {
    childList: true,
    subtree: true,
  });
  document.addEventListener("DOMContentLoaded", herstel);
})();

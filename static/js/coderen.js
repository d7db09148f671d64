/* Coderen: select a stretch of a story's text and put it into the fragment form.
 *
 * Works with the mouse (drag, double click) and with the keyboard: focus the
 * text (Tab), move the cursor with the arrow keys (Ctrl for whole words,
 * Home/End for the line) and hold Shift to select; Enter or the button
 * "Gebruik selectie" fills the form. Offsets are counted in Unicode code
 * points, like Python's str indices, from the data-start of each segment the
 * server rendered; the labels between segments are not part of the text.
 * Without this script the form still works: type the positions or paste the
 * quote.
 */
(function () {
  "use strict";

  var tekst = document.getElementById("verhaaltekst");
  var form = document.getElementById("fragment-form");
  if (!tekst || !form || !window.getSelection) {
    return;
  }

  var veld = {
    start: form.elements.namedItem("start"),
    eind: form.elements.namedItem("eind"),
    citaat: form.elements.namedItem("citaat"),
  };
  var paneel = document.querySelector("[data-selectie]");
  var status = document.querySelector("[data-selectie-status]");
  var knop = document.querySelector("[data-gebruik-selectie]");
  var cursor = document.querySelector("[data-cursor]");
  var segmenten = Array.prototype.slice.call(tekst.querySelectorAll("[data-start]"));
  var lengte = Number(tekst.getAttribute("data-lengte"));

  // The stored text as an array of code points, rebuilt from the segments.
  var tekens = [];
  segmenten.forEach(function (segment) {
    if (segment.hasAttribute("data-cr")) {
      tekens.push("\r");
    } else {
      Array.prototype.push.apply(tekens, Array.from(segment.textContent));
    }
  });
  if (tekens.length !== lengte) {
    // The page and the stored text disagree; typing offsets still works.
    return;
  }

  var laatsteSelectie = null;
  var meldTimer = null;

  function codepunten(tekenreeks) {
    return Array.from(tekenreeks).length;
  }

  // Offset in the stored text of a DOM boundary point (node, offset).
  // A point between segments (in a label, or outside the text) snaps to the
  // start of the next segment.
  function positie(node, offset) {
    var laag = 0;
    var hoog = segmenten.length - 1;
    var bereik = document.createRange();
    while (laag <= hoog) {
      var midden = (laag + hoog) >> 1;
      var segment = segmenten[midden];
      bereik.selectNodeContents(segment);
      var vergelijking = bereik.comparePoint(node, offset);
      if (vergelijking === 0) {
        bereik.setEnd(node, offset);
        return Number(segment.getAttribute("data-start")) + codepunten(bereik.toString());
      }
      if (vergelijking < 0) {
        hoog = midden - 1;
      } else {
        laag = midden + 1;
      }
    }
    return laag < segmenten.length ? Number(segmenten[laag].getAttribute("data-start")) : lengte;
  }

  function leesSelectie() {
    var selectie = window.getSelection();
    if (!selectie.rangeCount || selectie.isCollapsed) {
      return null;
    }
    var bereik = selectie.getRangeAt(0);
    if (!bereik.intersectsNode(tekst)) {
      return null;
    }
    var start = positie(bereik.startContainer, bereik.startOffset);
    var eind = positie(bereik.endContainer, bereik.endOffset);
    while (start < eind && /\s/.test(tekens[start])) {
      start += 1;
    }
    while (eind > start && /\s/.test(tekens[eind - 1])) {
      eind -= 1;
    }
    if (start >= eind) {
      return null;
    }
    return { start: start, eind: eind, citaat: tekens.slice(start, eind).join("") };
  }

  function kort(citaat) {
    var enkel = citaat.replace(/\s+/g, " ");
    return enkel.length > 80 ? enkel.slice(0, 38) + " … " + enkel.slice(-38) : enkel;
  }

  function meld(bericht) {
    if (status) {
      status.textContent = bericht;
    }
  }

  function beschrijf(selectie) {
    return (
      "Geselecteerd: “" + kort(selectie.citaat) + "” (teken " + selectie.start +
      " tot " + selectie.eind + ")."
    );
  }

  function opSelectieWijziging() {
    var selectie = leesSelectie();
    if (selectie) {
      laatsteSelectie = selectie;
    }
    if (document.activeElement === tekst) {
      toonCursor();
    }
    window.clearTimeout(meldTimer);
    meldTimer = window.setTimeout(function () {
      if (selectie) {
        meld(beschrijf(selectie) + " Kies “Gebruik selectie” of druk op Enter.");
      }
    }, 300);
  }

  function gebruikSelectie() {
    var selectie = leesSelectie() || laatsteSelectie;
    if (!selectie) {
      meld("Selecteer eerst een stuk tekst in het verhaal, met de muis of met Shift en de pijltjestoetsen.");
      tekst.focus();
      return;
    }
    veld.start.value = selectie.start;
    veld.eind.value = selectie.eind;
    veld.citaat.value = selectie.citaat;
    meld(beschrijf(selectie) + " Overgenomen in het formulier; kies nu de codes.");
    form.classList.add("is-gevuld");
    var eersteCode = form.querySelector("[data-codes] input[type=checkbox]");
    (eersteCode || veld.citaat).focus();
  }

  // Keyboard selection without caret browsing: Selection.modify moves the
  // cursor (or, with Shift, the end of the selection) by character, word or line.
  var toetsen = {
    ArrowLeft: ["backward", "character"],
    ArrowRight: ["forward", "character"],
    ArrowUp: ["backward", "line"],
    ArrowDown: ["forward", "line"],
    Home: ["backward", "lineboundary"],
    End: ["forward", "lineboundary"],
  };

  function cursorInTekst(selectie) {
    return selectie.rangeCount > 0 && tekst.contains(selectie.focusNode);
  }

  function zetCursorAanBegin(selectie) {
    var eerste = segmenten.find(function (segment) {
      return segment.firstChild;
    });
    if (eerste) {
      selectie.collapse(eerste.firstChild, 0);
    }
  }

  tekst.addEventListener("keydown", function (event) {
    if (event.altKey || event.metaKey) {
      return;
    }
    var selectie = window.getSelection();
    if (event.key === "Enter") {
      event.preventDefault();
      gebruikSelectie();
      return;
    }
    var stap = toetsen[event.key];
    if (!stap || typeof selectie.modify !== "function") {
      return;
    }
    event.preventDefault();
    if (!cursorInTekst(selectie)) {
      zetCursorAanBegin(selectie);
      if (!event.shiftKey) {
        toonCursor();
        return;
      }
    }
    var eenheid = event.ctrlKey && stap[1] === "character" ? "word" : stap[1];
    selectie.modify(event.shiftKey ? "extend" : "move", stap[0], eenheid);
    toonCursor();
  });

  // A visible cursor: browsers draw none in text that is not editable.
  function toonCursor() {
    if (!cursor) {
      return;
    }
    var selectie = window.getSelection();
    if (!cursorInTekst(selectie)) {
      cursor.hidden = true;
      return;
    }
    var punt = document.createRange();
    punt.setStart(selectie.focusNode, selectie.focusOffset);
    punt.collapse(true);
    var vlak = punt.getClientRects()[0] || punt.getBoundingClientRect();
    var kader = cursor.offsetParent ? cursor.offsetParent.getBoundingClientRect() : null;
    if (!kader || (!vlak.height && !vlak.left)) {
      cursor.hidden = true;
      return;
    }
    cursor.style.left = vlak.left - kader.left + "px";
    cursor.style.top = vlak.top - kader.top + "px";
    cursor.style.height = (vlak.height || 20) + "px";
    cursor.hidden = false;
  }

  tekst.addEventListener("focus", toonCursor);
  tekst.addEventListener("blur", function () {
    if (cursor) {
      cursor.hidden = true;
    }
  });
  document.addEventListener("selectionchange", opSelectieWijziging);
  if (knop) {
    knop.addEventListener("click", gebruikSelectie);
  }

  // Typed positions show their text in the quote field straight away.
  function volgPosities() {
    var start = parseInt(veld.start.value, 10);
    var eind = parseInt(veld.eind.value, 10);
    if (start >= 0 && eind > start && eind <= lengte) {
      veld.citaat.value = tekens.slice(start, eind).join("");
    }
  }
  veld.start.addEventListener("change", volgPosities);
  veld.eind.addEventListener("change", volgPosities);

  // Narrow the list of codes while typing part of a name.
  var zoekCode = document.querySelector("[data-zoek-code]");
  if (zoekCode) {
    zoekCode.hidden = false;
    var invoer = zoekCode.querySelector("input");
    invoer.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault(); // searching must not send the form
      }
    });
    invoer.addEventListener("input", function () {
      var woord = invoer.value.trim().toLowerCase();
      form.querySelectorAll("[data-code-naam]").forEach(function (item) {
        item.hidden = woord !== "" && item.getAttribute("data-code-naam").indexOf(woord) === -1;
      });
    });
  }

  if (paneel) {
    paneel.hidden = false;
  }
  tekst.classList.add("is-selecteerbaar");
})();

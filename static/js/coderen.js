/* Coderen: select a stretch of a story's text and put it into the fragment form
 * (the fragment form pages; the story page has the workspace, werkruimte/).
 *
 * Works with the mouse (drag, double click) and with the keyboard: focus the
 * text (Tab), move the caret with the arrow keys (Ctrl for whole words or
 * paragraphs, Home/End for the line) and hold Shift to select; Enter or the
 * button "Gebruik selectie" fills the form. Offsets and the caret come from
 * the workspace's modules (werkruimte/tekst.js, werkruimte/cursor.js).
 * Without this script the form still works: type the positions or paste the
 * quote.
 */
import { Cursor } from "./werkruimte/cursor.js";
import { Tekst } from "./werkruimte/tekst.js";

const tekstElement = document.getElementById("verhaaltekst");
const form = document.getElementById("fragment-form");

if (tekstElement && form && window.getSelection) {
  start();
}

function kort(citaat) {
  const enkel = citaat.replace(/\s+/g, " ");
  return enkel.length > 80 ? enkel.slice(0, 38) + " … " + enkel.slice(-38) : enkel;
}

function beschrijf(selectie) {
  return `Geselecteerd: “${kort(selectie.citaat)}” (teken ${selectie.start} tot ${selectie.eind}).`;
}

function start() {
  const tekst = new Tekst(tekstElement);
  if (!tekst.klopt) {
    return; // the page and the stored text disagree; typing offsets still works
  }
  const veld = {
    start: form.elements.namedItem("start"),
    eind: form.elements.namedItem("eind"),
    citaat: form.elements.namedItem("citaat"),
  };
  const paneel = document.querySelector("[data-selectie]");
  const status = document.querySelector("[data-selectie-status]");
  const knop = document.querySelector("[data-gebruik-selectie]");
  const cursor = new Cursor(tekst, { teken: document.querySelector("[data-cursor]") });
  let laatsteSelectie = null;
  let meldTimer = null;

  function meld(bericht) {
    if (status) {
      status.textContent = bericht;
    }
  }

  function gebruikSelectie() {
    const selectie = tekst.leesSelectie() || laatsteSelectie;
    if (!selectie) {
      meld("Selecteer eerst een stuk tekst in het verhaal, met de muis of met Shift en de pijltjestoetsen.");
      tekstElement.focus();
      return;
    }
    veld.start.value = selectie.start;
    veld.eind.value = selectie.eind;
    veld.citaat.value = selectie.citaat;
    meld(beschrijf(selectie) + " Overgenomen in het formulier; kies nu de codes.");
    form.classList.add("is-gevuld");
    const eersteCode = form.querySelector("[data-codes] input[type=checkbox]");
    (eersteCode || veld.citaat).focus();
  }

  tekstElement.addEventListener("keydown", (event) => {
    if (event.altKey || event.metaKey) {
      return;
    }
    if (event.key === "Enter") {
      event.preventDefault();
      gebruikSelectie();
      return;
    }
    cursor.toets(event);
  });

  document.addEventListener("selectionchange", () => {
    const selectie = tekst.leesSelectie();
    if (selectie) {
      laatsteSelectie = selectie;
    }
    cursor.toon();
    window.clearTimeout(meldTimer);
    meldTimer = window.setTimeout(() => {
      if (selectie) {
        meld(beschrijf(selectie) + " Kies “Gebruik selectie” of druk op Enter.");
      }
    }, 300);
  });
  if (knop) {
    knop.addEventListener("click", gebruikSelectie);
  }

  // Typed positions show their text in the quote field straight away.
  function volgPosities() {
    const start = parseInt(veld.start.value, 10);
    const eind = parseInt(veld.eind.value, 10);
    if (start >= 0 && eind > start && eind <= tekst.lengte) {
      veld.citaat.value = tekst.tekstVan(start, eind);
    }
  }
  veld.start.addEventListener("change", volgPosities);
  veld.eind.addEventListener("change", volgPosities);

  // Narrow the list of codes while typing part of a name.
  const zoekCode = document.querySelector("[data-zoek-code]");
  if (zoekCode) {
    zoekCode.hidden = false;
    const invoer = zoekCode.querySelector("input");
    invoer.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault(); // searching must not send the form
      }
    });
    invoer.addEventListener("input", () => {
      const woord = invoer.value.trim().toLowerCase();
      form.querySelectorAll("[data-code-naam]").forEach((item) => {
        item.hidden = woord !== "" && item.getAttribute("data-code-naam").indexOf(woord) === -1;
      });
    });
  }

  if (paneel) {
    paneel.hidden = false;
  }
  tekstElement.classList.add("is-selecteerbaar");
}

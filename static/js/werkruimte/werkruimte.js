/* The coding workspace on the story page (progressive enhancement).
 *
 * Select text with the mouse, a finger or the keyboard and the code picker
 * opens beside it; saving posts the fragment form's fields to the JSON
 * endpoints (verhalen/views/werkruimte.py) and swaps in the text with its
 * highlights and the fragment list the server sends back: no page reload.
 * Enter or a click on a highlight opens the picker to change or remove that
 * fragment. The side panel shows the fragments on screen and jumps to the
 * next uncoded paragraph or the next fragment of a code. Without this
 * script the fragment form below the list does the same work.
 */
import { Cursor } from "./cursor.js";
import { Kiezer } from "./kiezer.js";
import { Tekst } from "./tekst.js";

performance.mark("werkruimte-start");

const werkruimte = document.querySelector("[data-werkruimte]");
const tekstElement = document.getElementById("verhaaltekst");
const kiezerElement = document.querySelector("[data-kiezer]");
const formulier = document.getElementById("fragment-form");

if (werkruimte && tekstElement && kiezerElement && formulier && window.getSelection) {
  start();
}

function json(id) {
  const element = document.getElementById(id);
  return element ? JSON.parse(element.textContent) : [];
}

function start() {
  const tekst = new Tekst(tekstElement);
  if (!tekst.klopt) {
    return; // the page and the stored text disagree; the form still works
  }
  const lijstVak = werkruimte.querySelector("[data-fragmentlijst]");
  const aankondiging = document.querySelector("[data-aankondiging]");
  const csrf = formulier.querySelector("[name=csrfmiddlewaretoken]").value;
  const codes = json("kiezer-codes");
  const naamVan = new Map(codes.map((code) => [code.id, code.naam]));
  let fragmenten = [];
  let huidig = null; // what the picker is open for: {start, eind, fragment}
  let laatstePositie = null;
  let sprongSelectie = null; // the paragraph N selected last: N again goes on to the next one
  let aanwijzer = "mouse";
  let bezig = false;

  const caretTekst = new Cursor(tekst, {
    teken: werkruimte.querySelector("[data-cursor]"),
    beginOp: () => (laatstePositie === null ? tekst.eersteInBeeld() : laatstePositie),
  });

  const kiezer = new Kiezer(kiezerElement, {
    codes,
    recent: json("kiezer-recent"),
    acties: { opslaan, annuleer, verwijder, verschuif, maakCode },
    naast: tekstElement,
  });

  // What was saved or removed, also in sight for a few seconds (on a phone the
  // list is far below the text); screen readers hear it from the live region.
  const zichtbareMelding = document.querySelector("[data-melding]");
  let meldingTimer = null;
  function bevestig(bericht) {
    meld(bericht);
    if (!zichtbareMelding) return;
    zichtbareMelding.textContent = bericht;
    zichtbareMelding.hidden = false;
    window.clearTimeout(meldingTimer);
    meldingTimer = window.setTimeout(() => {
      zichtbareMelding.hidden = true;
    }, 4000);
  }

  function meld(bericht) {
    // A fresh text node each time, so the same words are announced again.
    aankondiging.textContent = "";
    window.setTimeout(() => {
      aankondiging.textContent = bericht;
    }, 30);
  }

  // --- Fragments as the list on the page tells them -----------------------

  function leesFragmenten() {
    fragmenten = Array.from(lijstVak.querySelectorAll("li[data-fragment]")).map((li) => ({
      pk: li.getAttribute("data-fragment"),
      nummer: Number(li.getAttribute("data-nummer")),
      start: Number(li.getAttribute("data-start")),
      eind: Number(li.getAttribute("data-eind")),
      codes: (li.getAttribute("data-codes") || "").split(",").filter(Boolean).map(Number),
      memo: li.getAttribute("data-memo") || "",
      gewijzigd: li.getAttribute("data-gewijzigd"),
      herzien: li.hasAttribute("data-herzien"),
      bewerkUrl: jsonAdres(li.querySelector("a[data-bewerk]")),
      verwijderUrl: jsonAdres(li.querySelector("a[data-verwijder]")),
      li,
    }));
  }

  // ".../bewerken/" (the form page) -> ".../bewerken.json" (the workspace's endpoint).
  function jsonAdres(link) {
    return link ? link.getAttribute("href").replace(/\/$/, ".json") : null;
  }

  function codenamen(fragment) {
    return fragment.codes.map((id) => naamVan.get(id) || "?").join(", ");
  }

  function fragmentenOp(offset) {
    return fragmenten.filter((f) => f.start <= offset && offset < f.eind);
  }

  function binnenste(lijst) {
    return lijst.slice().sort((a, b) => a.eind - a.start - (b.eind - b.start))[0];
  }

  // --- Opening the picker ---------------------------------------------------

  // `zoek`: what was typed in the text to open the picker (the start of a code's name).
  function openNieuw(selectie, { zoek = "" } = {}) {
    const bereik = tekst.bereik(selectie.start, selectie.eind);
    huidig = { start: selectie.start, eind: selectie.eind, fragment: null };
    markeer(bereik);
    kiezer.openVoor({ bereik, citaat: selectie.citaat, zoek });
  }

  function openWijzig(fragment) {
    if (!fragment.bewerkUrl) {
      meld(`Fragment ${fragment.nummer}: ${codenamen(fragment)}. Je mag het niet wijzigen.`);
      return;
    }
    const bereik = tekst.bereik(fragment.start, fragment.eind);
    huidig = { start: fragment.start, eind: fragment.eind, fragment };
    markeer(bereik);
    kiezer.openVoor({ bereik, citaat: tekst.tekstVan(fragment.start, fragment.eind), fragment });
  }

  function markeer(bereik) {
    if (window.CSS && CSS.highlights && window.Highlight) {
      CSS.highlights.set("kiezer-selectie", new Highlight(bereik));
    }
  }

  function sluitKiezer() {
    kiezer.sluit();
    if (window.CSS && CSS.highlights) {
      CSS.highlights.delete("kiezer-selectie");
    }
  }

  function annuleer() {
    const terug = huidig;
    sluitKiezer();
    huidig = null;
    tekstElement.focus({ preventScroll: true });
    if (terug && !terug.fragment) {
      tekst.selecteer(terug.start, terug.eind); // adjust it with Shift and the arrows
    } else if (terug) {
      tekst.zetCaret(terug.start);
    }
    toonCursor();
  }

  function verschuif(soort, richting) {
    if (!huidig) {
      return;
    }
    const nieuw = tekst.woordstap(huidig[soort], richting, soort);
    const start = soort === "start" ? nieuw : huidig.start;
    const eind = soort === "eind" ? nieuw : huidig.eind;
    if (start >= eind) {
      return;
    }
    huidig.start = start;
    huidig.eind = eind;
    const bereik = tekst.bereik(start, eind);
    markeer(bereik);
    kiezer.bereik = bereik;
    const citaat = tekst.tekstVan(start, eind);
    kiezer.toonCitaat(citaat);
    meld(`${soort === "start" ? "Begin" : "Einde"} verschoven: ${citaat}`);
  }

  // --- Talking to the server ------------------------------------------------

  async function stuur(url, velden) {
    const data = new FormData();
    data.append("csrfmiddlewaretoken", csrf);
    Object.entries(velden).forEach(([naam, waarde]) => {
      [].concat(waarde).forEach((w) => data.append(naam, w));
    });
    let response;
    try {
      response = await fetch(url, {
        method: "POST",
        body: data,
        headers: { "X-CSRFToken": csrf, Accept: "application/json" },
        credentials: "same-origin",
        redirect: "manual",
      });
    } catch (fout) {
      return { fouten: ["Er is geen verbinding met de server. Probeer het opnieuw; je keuze staat er nog."] };
    }
    const soort = response.headers.get("Content-Type") || "";
    if (!soort.includes("application/json")) {
      return {
        fouten: [
          response.status === 403
            ? "De pagina is verlopen. Laad de pagina opnieuw en probeer het nog eens."
            : "Opslaan lukte niet. Laad de pagina opnieuw (je bent misschien uitgelogd).",
        ],
      };
    }
    const antwoord = await response.json();
    antwoord.ok = response.ok;
    return antwoord;
  }

  function werkBij(antwoord) {
    if (antwoord.tekst === undefined) {
      return;
    }
    tekstElement.innerHTML = antwoord.tekst;
    lijstVak.innerHTML = antwoord.lijst;
    werkruimte.querySelector("[data-aantal]").textContent = antwoord.aantal;
    tekst.herlees();
    leesFragmenten();
    vulCodeSprong();
    volgInBeeld();
  }

  async function opslaan() {
    if (!huidig || bezig) {
      return;
    }
    const keuze = kiezer.gegevens();
    if (!keuze.codes.length) {
      kiezer.meldFout("Kies minstens één code.");
      meld("Kies minstens één code.");
      return;
    }
    const fragment = huidig.fragment;
    const velden = {
      start: huidig.start,
      eind: huidig.eind,
      citaat: tekst.tekstVan(huidig.start, huidig.eind),
      codes: keuze.codes,
      memo: keuze.memo,
    };
    if (fragment) {
      velden.gewijzigd_op = fragment.gewijzigd;
      if (keuze.herzien) velden.moet_herzien = "on";
    }
    bezig = true;
    const antwoord = await stuur(
      fragment ? fragment.bewerkUrl : kiezerElement.getAttribute("data-nieuw-url"),
      velden
    );
    bezig = false;
    werkBij(antwoord);
    if (!antwoord.ok) {
      const bericht = (antwoord.fouten || ["Opslaan lukte niet."]).join(" ");
      kiezer.meldFout(bericht);
      return;
    }
    kiezer.onthoud(keuze.codes);
    const eind = huidig.eind;
    sluitKiezer();
    huidig = null;
    laatstePositie = eind;
    tekstElement.focus({ preventScroll: true });
    tekst.zetCaret(eind);
    toonCursor();
    bevestig(antwoord.melding);
    document.dispatchEvent(new CustomEvent("werkruimte:opgeslagen", { detail: antwoord }));
  }

  async function verwijder() {
    if (!huidig || !huidig.fragment || bezig) {
      return;
    }
    bezig = true;
    const antwoord = await stuur(huidig.fragment.verwijderUrl, {});
    bezig = false;
    werkBij(antwoord);
    if (!antwoord.ok) {
      kiezer.meldFout((antwoord.fouten || ["Verwijderen lukte niet."]).join(" "));
      return;
    }
    const start = huidig.start;
    sluitKiezer();
    huidig = null;
    tekstElement.focus({ preventScroll: true });
    tekst.zetCaret(start);
    bevestig(antwoord.melding);
  }

  async function maakCode(naam, ouder) {
    const antwoord = await stuur(kiezerElement.getAttribute("data-code-url"), {
      name: naam,
      parent: ouder,
    });
    if (!antwoord.ok) {
      kiezer.meldFout((antwoord.fouten || ["De code kon niet worden gemaakt."]).join(" "));
      return null;
    }
    naamVan.set(antwoord.code.id, antwoord.code.naam);
    herlaadKleuren();
    kiezer.meldFout("");
    bevestig(antwoord.melding);
    return antwoord.code;
  }

  function herlaadKleuren() {
    const link = document.querySelector('link[href*="kleuren.css"]');
    if (link) {
      const url = new URL(link.href);
      url.searchParams.set("v", Date.now());
      link.href = url.toString();
    }
  }

  // --- Selecting in the text ------------------------------------------------

  document.addEventListener("pointerdown", (event) => {
    aanwijzer = event.pointerType || "mouse";
  });

  // A drag may end outside the text: listen on the whole page.
  document.addEventListener("mouseup", (event) => {
    if (aanwijzer === "touch" || kiezerElement.contains(event.target)) {
      return;
    }
    window.setTimeout(() => {
      const selectie = tekst.leesSelectie();
      if (selectie) {
        openNieuw(selectie);
        return;
      }
      if (!tekstElement.contains(event.target)) {
        return;
      }
      const mark = event.target.closest("mark[data-fragment]");
      if (mark) {
        const fragment = fragmenten.find((f) => f.pk === mark.getAttribute("data-fragment"));
        if (fragment) openWijzig(fragment);
      } else if (kiezer.open) {
        sluitKiezer();
        huidig = null;
      }
    }, 0);
  });

  // Touch: the selection handles settle, then the picker opens.
  let aanraakTimer = null;
  document.addEventListener("selectionchange", () => {
    if (aanwijzer === "touch") {
      window.clearTimeout(aanraakTimer);
      aanraakTimer = window.setTimeout(() => {
        const selectie = tekst.leesSelectie();
        if (selectie && (!huidig || huidig.start !== selectie.start || huidig.eind !== selectie.eind)) {
          openNieuw(selectie);
        }
      }, 700);
    }
    if (document.activeElement === tekstElement) {
      toonCursor();
      kondigFragmentAan();
    }
  });

  tekstElement.addEventListener("keydown", (event) => {
    if (event.altKey || event.metaKey) {
      return;
    }
    aanwijzer = "keyboard";
    const gekozen = tekst.leesSelectie();
    const vanSprong =
      gekozen && sprongSelectie && gekozen.start === sprongSelectie.start && gekozen.eind === sprongSelectie.eind;
    if (event.key === "n" && !event.ctrlKey && (!gekozen || vanSprong)) {
      // Only while the text has the focus (WCAG 2.1.4): the next uncoded paragraph.
      // With a selection of one's own, N is the start of a code's name (below).
      event.preventDefault();
      volgendeOngecodeerd();
      return;
    }
    if (gekozen && !event.ctrlKey && event.key.length === 1 && event.key.trim() && !event.isComposing) {
      // Typing with a selection: the picker opens with what is typed in its
      // search field (select → type a code + Enter → Enter saves).
      event.preventDefault();
      openNieuw(gekozen, { zoek: event.key });
      meld(`Codekeuze geopend voor de selectie, zoeken op “${event.key}”.`);
      return;
    }
    if (event.key === "Enter") {
      event.preventDefault();
      if (gekozen) {
        openNieuw(gekozen);
        return;
      }
      const hier = tekst.caret();
      const fragment = hier === null ? null : binnenste(fragmentenOp(hier));
      if (fragment) {
        openWijzig(fragment);
      } else {
        meld("Selecteer eerst tekst: houd Shift ingedrukt en gebruik de pijltjestoetsen.");
      }
      return;
    }
    caretTekst.toets(event);
  });

  function toonCursor() {
    caretTekst.toon();
  }

  // "Fragment 3: maatwerk, vertrouwen" when the caret enters a fragment.
  let aangekondigd = "";
  let aankondigTimer = null;
  function kondigFragmentAan() {
    window.clearTimeout(aankondigTimer);
    aankondigTimer = window.setTimeout(() => {
      const selectie = window.getSelection();
      if (!selectie.isCollapsed) {
        return;
      }
      const hier = tekst.caret();
      if (hier === null) {
        return;
      }
      laatstePositie = hier;
      const daar = fragmentenOp(hier).sort((a, b) => a.nummer - b.nummer);
      const sleutel = daar.map((f) => f.pk).join(",");
      if (sleutel !== aangekondigd) {
        aangekondigd = sleutel;
        if (daar.length) {
          meld(daar.map((f) => `Fragment ${f.nummer}: ${codenamen(f)}`).join("; "));
        }
      }
    }, 150);
  }

  // --- The side panel -------------------------------------------------------

  const werkbalk = werkruimte.querySelector("[data-werkbalk]");
  const springCode = werkruimte.querySelector("[data-spring-code]");
  const inBeeldKnop = werkruimte.querySelector("[data-in-beeld]");
  const inBeeldTelling = werkruimte.querySelector("[data-in-beeld-telling]");
  const zichtbaar = new Map();
  let waarnemer = null;
  let alleenInBeeld = window.matchMedia("(min-width: 62rem)").matches;

  function vulCodeSprong() {
    const tellingen = new Map();
    fragmenten.forEach((f) => f.codes.forEach((id) => tellingen.set(id, (tellingen.get(id) || 0) + 1)));
    const vorige = springCode.value;
    springCode.textContent = "";
    codes
      .filter((code) => tellingen.has(code.id))
      .forEach((code) => {
        const optie = document.createElement("option");
        optie.value = code.id;
        optie.textContent = `${code.naam} (${tellingen.get(code.id)})`;
        springCode.append(optie);
      });
    if (vorige) springCode.value = vorige;
    springCode.disabled = !springCode.options.length;
    werkruimte.querySelector("[data-spring]").disabled = springCode.disabled;
  }

  function volgInBeeld() {
    if (!("IntersectionObserver" in window)) {
      return;
    }
    if (waarnemer) waarnemer.disconnect();
    zichtbaar.clear();
    waarnemer = new IntersectionObserver((items) => {
      items.forEach((item) => {
        const pk = item.target.getAttribute("data-fragment");
        const aantal = (zichtbaar.get(pk) || 0) + (item.isIntersecting ? 1 : -1);
        zichtbaar.set(pk, Math.max(0, aantal));
      });
      filterLijst();
    });
    tekstElement.querySelectorAll("mark[data-fragment]").forEach((mark) => waarnemer.observe(mark));
    filterLijst();
  }

  function filterLijst() {
    let inBeeld = 0;
    fragmenten.forEach((f) => {
      const hier = (zichtbaar.get(f.pk) || 0) > 0;
      if (hier) inBeeld += 1;
      f.li.classList.toggle("is-in-beeld", hier);
      f.li.hidden = alleenInBeeld && !hier;
    });
    inBeeldKnop.setAttribute("aria-pressed", alleenInBeeld ? "true" : "false");
    inBeeldTelling.textContent = alleenInBeeld
      ? `${inBeeld} van ${fragmenten.length} fragmenten in beeld.`
      : `Alle ${fragmenten.length} fragmenten.`;
  }

  inBeeldKnop.addEventListener("click", () => {
    alleenInBeeld = !alleenInBeeld;
    filterLijst();
  });

  function positieNu() {
    const selectie = tekst.leesSelectie();
    if (selectie) return selectie.eind;
    const hier = tekst.caret();
    if (hier !== null) return hier;
    return laatstePositie === null ? tekst.eersteInBeeld() : laatstePositie;
  }

  function volgendeOngecodeerd() {
    const vanaf = positieNu();
    const vrij = tekst
      .alineas()
      .filter((a) => !fragmenten.some((f) => f.start < a.eind && a.start < f.eind));
    if (!vrij.length) {
      meld("Elke alinea heeft al een fragment.");
      return;
    }
    const alinea = vrij.find((a) => a.start >= vanaf) || vrij[0];
    laatstePositie = alinea.eind;
    sprongSelectie = alinea;
    tekst.selecteer(alinea.start, alinea.eind);
    const bereik = tekst.bereik(alinea.start, alinea.eind);
    const element = bereik.startContainer.parentElement || tekstElement;
    element.scrollIntoView({ block: "center" });
    openNieuw({ start: alinea.start, eind: alinea.eind, citaat: tekst.tekstVan(alinea.start, alinea.eind) });
    meld(`Ongecodeerde alinea ${vrij.indexOf(alinea) + 1} van ${vrij.length} geselecteerd. Kies een code.`);
  }
  werkruimte
    .querySelector("[data-volgende-ongecodeerd]")
    .addEventListener("click", volgendeOngecodeerd);

  werkruimte.querySelector("[data-spring]").addEventListener("click", () => {
    const id = Number(springCode.value);
    const met = fragmenten.filter((f) => f.codes.includes(id)).sort((a, b) => a.start - b.start || a.nummer - b.nummer);
    if (!met.length) return;
    const vanaf = laatstePositie === null ? -1 : laatstePositie;
    const fragment = met.find((f) => f.start > vanaf) || met[0];
    laatstePositie = fragment.start;
    const mark = tekstElement.querySelector(`mark[data-fragment="${fragment.pk}"]`);
    if (mark) mark.scrollIntoView({ block: "center" });
    fragmenten.forEach((f) => f.li.classList.toggle("fragment--actief", f === fragment));
    tekstElement.focus({ preventScroll: true });
    tekst.zetCaret(fragment.start);
    aangekondigd = fragment.pk;
    toonCursor();
    meld(
      `Fragment ${fragment.nummer} (${met.indexOf(fragment) + 1} van ${met.length} met ` +
        `${naamVan.get(id)}): ${codenamen(fragment)}. Enter om het te wijzigen.`
    );
  });

  // "Bewerken" in the list opens the picker at the fragment instead of a page.
  lijstVak.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-bewerk]");
    if (!link) return;
    const li = link.closest("li[data-fragment]");
    const fragment = fragmenten.find((f) => f.li === li);
    if (!fragment || !fragment.bewerkUrl) return;
    event.preventDefault();
    const mark = tekstElement.querySelector(`mark[data-fragment="${fragment.pk}"]`);
    if (mark) mark.scrollIntoView({ block: "center" });
    openWijzig(fragment);
  });

  let plaatsVerzoek = null;
  function herplaats() {
    if (plaatsVerzoek === null && kiezer.open) {
      plaatsVerzoek = window.requestAnimationFrame(() => {
        plaatsVerzoek = null;
        kiezer.plaats();
      });
    }
  }
  window.addEventListener("scroll", herplaats, { passive: true });
  window.addEventListener("resize", herplaats);

  // --- Ready ----------------------------------------------------------------

  leesFragmenten();
  vulCodeSprong();
  volgInBeeld();
  formulier.classList.add("fragment-form--verrijkt");
  const uitklap = werkruimte.querySelector("[data-formulier-uitklap]");
  if (uitklap && !formulier.querySelector(".error")) {
    uitklap.open = false; // the picker is the way to code now; the form stays one click away
  }
  werkbalk.hidden = false;
  werkruimte.querySelector("[data-werkruimte-uitleg]").hidden = false;
  tekstElement.classList.add("is-selecteerbaar");
  werkruimte.classList.add("is-actief");
  performance.mark("werkruimte-klaar");
  performance.measure("werkruimte", "werkruimte-start", "werkruimte-klaar");
}

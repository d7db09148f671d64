/* The code picker: a small dialog next to the selection.
 *
 * Type-ahead over code names, paths and coding rules, recently used codes
 * first; ↑↓ move, Enter toggles a code (or makes the typed name a new code),
 * Enter in an empty search field or Ctrl+Enter saves, Esc cancels. The
 * picker knows nothing of the server: `acties` (werkruimte.js) saves.
 */

const MARGE = 8;

function normaal(tekst) {
  return (tekst || "")
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
}

export class Kiezer {
  constructor(root, { codes, recent, acties, naast = null }) {
    this.root = root;
    this.naast = naast;
    this.codes = codes;
    this.perId = new Map(codes.map((code) => [code.id, code]));
    this.recent = recent.filter((id) => this.perId.has(id));
    this.acties = acties;
    this.magCodeMaken = root.getAttribute("data-mag-code-maken") === "ja";
    this.deel = (naam) => root.querySelector(`[data-kiezer-${naam}]`);
    this.zoek = this.deel("zoek");
    this.lijst = this.deel("lijst");
    this.ouder = this.deel("ouder");
    this.gekozen = new Set();
    this.opties = [];
    this.actief = 0;
    this.bewogen = false;
    this.bereik = null;
    this.vulOuders();
    this.koppel();
  }

  get open() {
    return !this.root.hidden;
  }

  vulOuders() {
    if (!this.ouder) {
      return;
    }
    this.ouder.textContent = "";
    this.codes.forEach((code) => {
      const optie = document.createElement("option");
      optie.value = code.id;
      optie.textContent = "– ".repeat(code.diepte) + code.naam;
      this.ouder.append(optie);
    });
  }

  koppel() {
    if (this.ouder) {
      this.ouder.addEventListener("change", () => {
        this.ouderGekozen = true;
      });
    }
    this.zoek.addEventListener("input", () => {
      this.bewogen = false;
      this.actief = 0;
      this.toon();
    });
    this.zoek.addEventListener("keydown", (event) => this.toetsInZoekveld(event));
    this.root.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.preventDefault();
        this.acties.annuleer();
      } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this.acties.opslaan();
      }
    });
    // Keep the focus in the search field while clicking an option.
    this.lijst.addEventListener("mousedown", (event) => event.preventDefault());
    this.lijst.addEventListener("click", (event) => {
      const optie = event.target.closest("[role=option]");
      if (optie) {
        this.actief = this.opties.findIndex((o) => o.element === optie);
        this.kies(this.opties[this.actief]);
      }
    });
    this.root.querySelectorAll("[data-kiezer-annuleren]").forEach((knop) => {
      knop.addEventListener("click", () => this.acties.annuleer());
    });
    this.deel("opslaan").addEventListener("click", () => this.acties.opslaan());
    this.deel("verwijderen").addEventListener("click", () => this.vraagVerwijderen());
    this.root.querySelectorAll("[data-grens]").forEach((knop) => {
      knop.addEventListener("click", () => {
        const [soort, richting] = knop.getAttribute("data-grens").split(":");
        this.acties.verschuif(soort, Number(richting));
      });
    });
  }

  toetsInZoekveld(event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (this.opties.length) {
        const stap = event.key === "ArrowDown" ? 1 : -1;
        this.actief = (this.actief + stap + this.opties.length) % this.opties.length;
        this.bewogen = true;
        this.markeerActief();
      }
    } else if (event.key === "Enter" && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      const leeg = this.zoek.value.trim() === "";
      if (leeg && !this.bewogen && this.gekozen.size) {
        this.acties.opslaan();
      } else if (this.opties[this.actief]) {
        this.kies(this.opties[this.actief]);
      }
    }
  }

  /** Open for a new fragment or to change one (fragment: {nummer, codes, memo, herzien});
   * `zoek`: what is already typed in the search field. */
  openVoor({ bereik, citaat, fragment = null, zoek = "" }) {
    this.fragment = fragment;
    this.gekozen = new Set(fragment ? fragment.codes.filter((id) => this.perId.has(id)) : []);
    this.deel("titel").textContent = fragment
      ? `Fragment ${fragment.nummer} wijzigen`
      : "Codeer dit fragment";
    this.deel("memo").value = fragment ? fragment.memo : "";
    this.deel("herzien-veld").hidden = !fragment;
    this.deel("herzien").checked = !!(fragment && fragment.herzien);
    this.deel("grenzen").hidden = !fragment;
    const verwijder = this.deel("verwijderen");
    verwijder.hidden = !(fragment && fragment.verwijderUrl);
    verwijder.textContent = "Fragment verwijderen";
    delete verwijder.dataset.zeker;
    this.zoek.value = zoek;
    this.bewogen = false;
    this.actief = 0;
    this.toonCitaat(citaat);
    this.meldFout("");
    this.root.hidden = false;
    this.toon();
    this.plaats(bereik);
    this.zoek.focus({ preventScroll: true });
    this.zoek.setSelectionRange(zoek.length, zoek.length); // go on typing after it
  }

  sluit() {
    this.root.hidden = true;
    this.bereik = null;
  }

  toonCitaat(citaat) {
    const enkel = citaat.replace(/\s+/g, " ");
    this.deel("citaat").textContent =
      "“" + (enkel.length > 140 ? enkel.slice(0, 68) + " … " + enkel.slice(-68) : enkel) + "”";
  }

  meldFout(tekst) {
    const vak = this.deel("fout");
    vak.textContent = "";
    if (tekst) {
      const p = document.createElement("p");
      p.className = "error";
      p.textContent = tekst;
      vak.append(p);
    }
  }

  vraagVerwijderen() {
    const knop = this.deel("verwijderen");
    if (knop.dataset.zeker) {
      this.acties.verwijder();
    } else {
      knop.dataset.zeker = "ja";
      knop.textContent = "Zeker weten? Klik nogmaals om te verwijderen";
    }
  }

  /** The options for what is typed: recent codes first, then the codebook. */
  gevonden(woord) {
    if (!woord) {
      const recent = this.recent.map((id) => this.perId.get(id));
      const rest = this.codes.filter((code) => !this.recent.includes(code.id));
      return recent.concat(rest);
    }
    const score = (code) => {
      const naam = normaal(code.naam);
      if (naam.startsWith(woord)) return 0;
      if (naam.includes(woord)) return 1;
      if (normaal(code.pad).includes(woord)) return 2;
      if (normaal(code.uitleg).includes(woord)) return 3;
      return -1;
    };
    const recentEerst = (code) => (this.recent.includes(code.id) ? 0 : 1);
    return this.codes
      .map((code) => ({ code, score: score(code) }))
      .filter((treffer) => treffer.score >= 0)
      .sort((a, b) => a.score - b.score || recentEerst(a.code) - recentEerst(b.code))
      .map((treffer) => treffer.code);
  }

  toon() {
    const getypt = this.zoek.value.trim();
    const woord = normaal(getypt);
    const codes = this.gevonden(woord);
    this.opties = codes.map((code) => ({ code, element: this.optie(code) }));
    const bestaat = codes.some((code) => normaal(code.naam) === woord);
    if (getypt && !bestaat && this.magCodeMaken) {
      const li = document.createElement("li");
      li.id = "kiezer-optie-nieuw";
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.className = "kiezer__optie kiezer__optie--nieuw";
      li.textContent = `Nieuwe code “${getypt}” maken`;
      this.opties.push({ nieuw: getypt, element: li });
    }
    if (this.ouder) {
      this.deel("ouder-veld").hidden = !this.opties.some((optie) => optie.nieuw);
      if (!this.deel("ouder-veld").hidden && !this.ouderGekozen) {
        const eerste = [...this.gekozen][0] || (codes[0] && codes[0].id);
        if (eerste) this.ouder.value = String(eerste);
      }
    }
    this.lijst.replaceChildren(...this.opties.map((optie) => optie.element));
    this.lijst.hidden = this.opties.length === 0;
    this.actief = Math.min(this.actief, Math.max(0, this.opties.length - 1));
    this.markeerActief();
    this.toonGekozen();
    if (getypt && !this.opties.length) {
      this.deel("gekozen").textContent = `Geen code gevonden voor “${getypt}”.`;
    }
  }

  optie(code) {
    const li = document.createElement("li");
    li.id = `kiezer-optie-${code.id}`;
    li.setAttribute("role", "option");
    li.setAttribute("aria-selected", this.gekozen.has(code.id) ? "true" : "false");
    li.className = `kiezer__optie diepte-${Math.min(code.diepte, 3)}`;
    const stip = document.createElement("span");
    stip.className = `code-stip kleur-${code.id}`;
    const naam = document.createElement("span");
    naam.className = "kiezer__naam";
    naam.textContent = code.naam;
    li.append(stip, naam);
    if (code.diepte > 0) {
      const pad = document.createElement("span");
      pad.className = "kiezer__pad";
      pad.textContent = code.pad;
      li.append(" ", pad);
    }
    if (this.recent.includes(code.id)) {
      const label = document.createElement("span");
      label.className = "kiezer__recent";
      label.textContent = "recent";
      li.append(" ", label);
    }
    return li;
  }

  markeerActief() {
    this.opties.forEach((optie, index) => {
      optie.element.classList.toggle("is-actief", index === this.actief);
    });
    const actief = this.opties[this.actief];
    if (actief) {
      this.zoek.setAttribute("aria-activedescendant", actief.element.id);
      actief.element.scrollIntoView({ block: "nearest" });
    } else {
      this.zoek.removeAttribute("aria-activedescendant");
    }
  }

  toonGekozen() {
    const namen = [...this.gekozen].map((id) => this.perId.get(id).naam);
    this.deel("gekozen").textContent = namen.length
      ? `Gekozen: ${namen.join(", ")}`
      : "Nog geen code gekozen.";
  }

  async kies(optie) {
    if (!optie) {
      return;
    }
    if (optie.nieuw) {
      const code = await this.acties.maakCode(optie.nieuw, this.ouder ? this.ouder.value : "");
      if (!code) {
        return;
      }
      this.codes.push(code);
      this.perId.set(code.id, code);
      this.vulOuders();
      this.gekozen.add(code.id);
    } else if (this.gekozen.has(optie.code.id)) {
      this.gekozen.delete(optie.code.id);
    } else {
      this.gekozen.add(optie.code.id);
    }
    this.zoek.value = "";
    this.bewogen = false;
    const id = optie.nieuw ? null : optie.code.id;
    this.toon();
    if (id !== null) {
      this.actief = Math.max(0, this.opties.findIndex((o) => o.code && o.code.id === id));
      this.markeerActief();
    }
    this.zoek.focus({ preventScroll: true });
  }

  /** Remember codes just used: they come first next time. */
  onthoud(ids) {
    this.recent = ids.concat(this.recent.filter((id) => !ids.includes(id))).slice(0, 8);
  }

  gegevens() {
    return {
      codes: [...this.gekozen],
      memo: this.deel("memo").value,
      herzien: this.deel("herzien").checked,
    };
  }

  /** On a phone the picker is a sheet over the lower part of the screen: scroll
   * the selection into the part above it (its start, if it does not fit). */
  bovenHetBlad() {
    const ruimte = this.root.getBoundingClientRect().top - MARGE;
    const vlak = this.bereik.getBoundingClientRect();
    if (vlak.top >= MARGE && vlak.bottom <= ruimte) {
      return;
    }
    const past = vlak.height <= ruimte - MARGE;
    window.scrollBy(0, past ? vlak.bottom - ruimte : vlak.top - MARGE);
  }

  /** Next to the selection and always inside the viewport; a sheet at the bottom on a phone. */
  plaats(bereik) {
    if (bereik) {
      this.bereik = bereik;
    }
    if (!this.open || !this.bereik) {
      return;
    }
    const smal = window.innerWidth < 640;
    this.root.classList.toggle("kiezer--onder", smal);
    const stijl = this.root.style;
    if (smal) {
      stijl.left = stijl.top = "";
      if (bereik) {
        this.bovenHetBlad();
      }
      return;
    }
    const vlakken = this.bereik.getClientRects();
    const vlak = vlakken.length ? vlakken[vlakken.length - 1] : this.bereik.getBoundingClientRect();
    const geheel = this.bereik.getBoundingClientRect();
    const breedte = this.root.offsetWidth;
    const hoogte = this.root.offsetHeight;
    const maxLinks = window.innerWidth - breedte - MARGE;
    const maxBoven = window.innerHeight - hoogte - MARGE;
    let links;
    let boven;
    // Beside the text column when there is room (the side panel's place), else
    // beside the selection, else below or above it.
    const kolom = this.naast ? this.naast.getBoundingClientRect().right : geheel.right;
    if (kolom + MARGE + breedte <= window.innerWidth - MARGE) {
      links = kolom + MARGE;
      boven = vlak.top - 12;
    } else if (geheel.right + MARGE + breedte <= window.innerWidth - MARGE) {
      links = geheel.right + MARGE;
      boven = vlak.top - 12;
    } else if (vlak.bottom + MARGE + hoogte <= window.innerHeight - MARGE) {
      links = vlak.left;
      boven = vlak.bottom + MARGE;
    } else {
      links = vlak.left;
      boven = geheel.top - MARGE - hoogte;
    }
    stijl.left = Math.round(Math.max(MARGE, Math.min(links, maxLinks))) + "px";
    stijl.top = Math.round(Math.max(MARGE, Math.min(boven, maxBoven))) + "px";
  }
}

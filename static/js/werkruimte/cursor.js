/* The caret in a story text that is not editable, for the workspace
 * (werkruimte.js) and the fragment form page (../coderen.js).
 *
 * Browsers neither move nor draw a caret outside editable text: the arrow
 * keys move it here with Selection.modify (Shift selects, Ctrl goes by whole
 * words, Ctrl+↑↓ by paragraph: a speaker's turn in a transcript), and a
 * blinking <span data-cursor> is drawn where it stands.
 */

const PIJLEN = {
  ArrowLeft: ["backward", "character"],
  ArrowRight: ["forward", "character"],
  ArrowUp: ["backward", "line"],
  ArrowDown: ["forward", "line"],
  Home: ["backward", "lineboundary"],
  End: ["forward", "lineboundary"],
};

export class Cursor {
  /** `tekst`: a Tekst; `beginOp()`: the offset for a caret not yet in the text. */
  constructor(tekst, { teken = null, beginOp = () => 0 } = {}) {
    this.tekst = tekst;
    this.teken = teken;
    this.beginOp = beginOp;
    const element = tekst.element;
    element.addEventListener("focus", () => this.toon());
    element.addEventListener("blur", () => {
      if (this.teken) this.teken.hidden = true;
    });
  }

  /** Move the caret for an arrow key (with Home/End); true when the key was one of them. */
  toets(event) {
    const selectie = window.getSelection();
    if (event.ctrlKey && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      event.preventDefault();
      this.alinea(selectie, event.key === "ArrowDown" ? 1 : -1, event.shiftKey);
      return true;
    }
    const stap = PIJLEN[event.key];
    if (!stap || typeof selectie.modify !== "function") {
      return false;
    }
    event.preventDefault();
    if (!this.inTekst(selectie)) {
      this.tekst.zetCaret(this.beginOp());
      if (!event.shiftKey) {
        this.toon();
        return true;
      }
    }
    const eenheid = event.ctrlKey && stap[1] === "character" ? "word" : stap[1];
    selectie.modify(event.shiftKey ? "extend" : "move", stap[0], eenheid);
    this.toon();
    return true;
  }

  inTekst(selectie) {
    return selectie.rangeCount > 0 && this.tekst.bevat(selectie.focusNode);
  }

  // Ctrl+↓/↑: to the next paragraph's start, or back; with Shift to the end of the paragraph.
  alinea(selectie, richting, uitbreiden) {
    const tekst = this.tekst;
    const inTekst = this.inTekst(selectie);
    const van = inTekst ? tekst.positie(selectie.focusNode, selectie.focusOffset) : this.beginOp();
    const naar = tekst.alineaStap(van, richting, uitbreiden);
    const punt = tekst.punt(naar);
    if (uitbreiden && inTekst) {
      selectie.extend(punt.node, punt.offset);
    } else {
      tekst.zetCaret(naar);
    }
    const vlak = tekst.bereik(naar, naar).getClientRects()[0];
    if (!vlak || vlak.top < 0 || vlak.bottom > window.innerHeight) {
      (punt.node.parentElement || punt.node).scrollIntoView({ block: "nearest" });
    }
    this.toon();
  }

  /** Draw the caret where the selection's focus stands while the text has the focus. */
  toon() {
    const teken = this.teken;
    if (!teken) {
      return;
    }
    const selectie = window.getSelection();
    if (document.activeElement !== this.tekst.element || !this.inTekst(selectie)) {
      teken.hidden = true;
      return;
    }
    const punt = document.createRange();
    punt.setStart(selectie.focusNode, selectie.focusOffset);
    punt.collapse(true);
    const vlak = punt.getClientRects()[0] || punt.getBoundingClientRect();
    const kader = teken.offsetParent ? teken.offsetParent.getBoundingClientRect() : null;
    if (!kader || (!vlak.height && !vlak.left)) {
      teken.hidden = true;
      return;
    }
    teken.style.left = vlak.left - kader.left + "px";
    teken.style.top = vlak.top - kader.top + "px";
    teken.style.height = (vlak.height || 20) + "px";
    teken.hidden = false;
  }
}

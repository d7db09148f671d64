/* The story text as the server rendered it: offsets <-> DOM positions.
 *
 * Offsets are Unicode code points, like Python's str indices into the stored
 * text. Every <span data-start> segment holds exactly the stored text from
 * its offset (a carriage return is an empty span with data-cr); labels and
 * <mark>s around the segments hold no text of their own.
 */

export class Tekst {
  constructor(element) {
    this.element = element;
    this.lengte = Number(element.getAttribute("data-lengte"));
    this.herlees();
    this.tekens = [];
    this.segmenten.forEach((segment) => {
      if (segment.hasAttribute("data-cr")) {
        this.tekens.push("\r");
      } else {
        Array.prototype.push.apply(this.tekens, Array.from(segment.textContent));
      }
    });
    this.klopt = this.tekens.length === this.lengte;
  }

  /** Read the segments again (after the server sent new highlights). */
  herlees() {
    this.segmenten = Array.from(this.element.querySelectorAll("[data-start]"));
    this.starts = this.segmenten.map((segment) => Number(segment.getAttribute("data-start")));
  }

  tekstVan(start, eind) {
    return this.tekens.slice(start, eind).join("");
  }

  /** The offset of a DOM boundary point; a point between segments snaps to the next one. */
  positie(node, offset) {
    let laag = 0;
    let hoog = this.segmenten.length - 1;
    const bereik = document.createRange();
    while (laag <= hoog) {
      const midden = (laag + hoog) >> 1;
      const segment = this.segmenten[midden];
      bereik.selectNodeContents(segment);
      const vergelijking = bereik.comparePoint(node, offset);
      if (vergelijking === 0) {
        bereik.setEnd(node, offset);
        return this.starts[midden] + Array.from(bereik.toString()).length;
      }
      if (vergelijking < 0) {
        hoog = midden - 1;
      } else {
        laag = midden + 1;
      }
    }
    return laag < this.segmenten.length ? this.starts[laag] : this.lengte;
  }

  /** The DOM boundary point of an offset. */
  punt(offset) {
    let laag = 0;
    let hoog = this.starts.length - 1;
    while (laag < hoog) {
      const midden = (laag + hoog + 1) >> 1;
      if (this.starts[midden] <= offset) {
        laag = midden;
      } else {
        hoog = midden - 1;
      }
    }
    // A segment that ends exactly here: prefer the next one (a caret at a
    // fragment's start then lies inside its <mark>).
    while (laag + 1 < this.starts.length && this.starts[laag + 1] <= offset) {
      laag += 1;
    }
    const segment = this.segmenten[laag];
    const knoop = segment.firstChild;
    if (!knoop) {
      return { node: segment, offset: 0 };
    }
    const binnen = Array.from(knoop.data).slice(0, offset - this.starts[laag]).join("").length;
    return { node: knoop, offset: Math.min(binnen, knoop.data.length) };
  }

  bereik(start, eind) {
    const range = document.createRange();
    const begin = this.punt(start);
    const einde = this.punt(eind);
    range.setStart(begin.node, begin.offset);
    range.setEnd(einde.node, einde.offset);
    return range;
  }

  bevat(node) {
    return !!node && this.element.contains(node);
  }

  /** The selected stretch {start, eind, citaat} without surrounding whitespace, or null. */
  leesSelectie() {
    const selectie = window.getSelection();
    if (!selectie.rangeCount || selectie.isCollapsed) {
      return null;
    }
    const range = selectie.getRangeAt(0);
    if (!range.intersectsNode(this.element)) {
      return null;
    }
    let start = this.positie(range.startContainer, range.startOffset);
    let eind = this.positie(range.endContainer, range.endOffset);
    while (start < eind && /\s/.test(this.tekens[start])) {
      start += 1;
    }
    while (eind > start && /\s/.test(this.tekens[eind - 1])) {
      eind -= 1;
    }
    if (start >= eind) {
      return null;
    }
    return { start, eind, citaat: this.tekstVan(start, eind) };
  }

  /** The offset of the caret when it stands (collapsed) in the text, else null. */
  caret() {
    const selectie = window.getSelection();
    if (!selectie.rangeCount || !this.bevat(selectie.focusNode)) {
      return null;
    }
    return this.positie(selectie.focusNode, selectie.focusOffset);
  }

  /** Select start..eind in the page. */
  selecteer(start, eind) {
    const selectie = window.getSelection();
    selectie.removeAllRanges();
    selectie.addRange(this.bereik(start, eind));
  }

  zetCaret(offset) {
    const punt = this.punt(offset);
    window.getSelection().collapse(punt.node, punt.offset);
  }

  /** One word further (richting 1) or back (-1): the next word start for a
   * fragment's start, the next word end for its end. */
  woordstap(offset, richting, soort) {
    const spatie = (i) => i < 0 || i >= this.lengte || /\s/.test(this.tekens[i]);
    let i = offset;
    if (soort === "start") {
      if (richting > 0) {
        while (i < this.lengte && !spatie(i)) i += 1;
        while (i < this.lengte && spatie(i)) i += 1;
      } else {
        i -= 1;
        while (i > 0 && spatie(i)) i -= 1;
        while (i > 0 && !spatie(i - 1)) i -= 1;
      }
    } else if (richting > 0) {
      while (i < this.lengte && spatie(i)) i += 1;
      while (i < this.lengte && !spatie(i)) i += 1;
    } else {
      i -= 1;
      while (i > 0 && !spatie(i - 1)) i -= 1;
      while (i > 0 && spatie(i - 1)) i -= 1;
    }
    return Math.max(0, Math.min(this.lengte, i));
  }

  /** Paragraphs (lines with words) as [start, eind) ranges. */
  alineas() {
    if (!this._alineas) {
      this._alineas = [];
      let start = 0;
      for (let i = 0; i <= this.lengte; i += 1) {
        if (i === this.lengte || this.tekens[i] === "\n" || this.tekens[i] === "\r") {
          let a = start;
          let b = i;
          while (a < b && /\s/.test(this.tekens[a])) a += 1;
          while (b > a && /\s/.test(this.tekens[b - 1])) b -= 1;
          if (a < b) {
            this._alineas.push({ start: a, eind: b });
          }
          start = i + 1;
        }
      }
    }
    return this._alineas;
  }

  /** A paragraph step (Ctrl+↓/↑): forward the next paragraph's start, or with
   * `totEinde` (Shift) the end of the paragraph; backward this or the previous
   * paragraph's start. */
  alineaStap(offset, richting, totEinde = false) {
    const alineas = this.alineas();
    if (richting > 0) {
      const grens = (a) => (totEinde ? a.eind : a.start);
      const volgende = alineas.find((a) => grens(a) > offset);
      return volgende ? grens(volgende) : this.lengte;
    }
    const vorige = alineas.filter((a) => a.start < offset).pop();
    return vorige ? vorige.start : 0;
  }

  /** The offset of the first segment on screen (for jumps without a caret). */
  eersteInBeeld() {
    let laag = 0;
    let hoog = this.segmenten.length - 1;
    while (laag < hoog) {
      const midden = (laag + hoog) >> 1;
      if (this.segmenten[midden].getBoundingClientRect().bottom < 0) {
        laag = midden + 1;
      } else {
        hoog = midden;
      }
    }
    return this.starts[laag] || 0;
  }
}

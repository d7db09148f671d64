"""Selecting story text in the browser tests the way a person does: with the mouse."""

# The viewport rectangle of the character at `offset` (a Python str index) in the text.
TEKEN_RECHTHOEK = """
([offset]) => {
  for (const segment of document.querySelectorAll('#verhaaltekst [data-start]')) {
    const tekens = Array.from(segment.textContent);
    const start = Number(segment.dataset.start);
    if (offset >= start && offset < start + tekens.length) {
      const utf16 = tekens.slice(0, offset - start).join('').length;
      const range = document.createRange();
      range.setStart(segment.firstChild, utf16);
      range.setEnd(segment.firstChild, utf16 + tekens[offset - start].length);
      const r = range.getClientRects()[0];
      return {left: r.left, right: r.right, top: r.top, bottom: r.bottom};
    }
  }
  return null;
}
"""


def sleep(page, start, eind):
    """Drag the mouse over the characters start..eind-1 (one user action), after
    scrolling them to the upper third of the window as a reader would."""
    boven = page.evaluate(TEKEN_RECHTHOEK, [start])["top"]
    page.evaluate("([y]) => window.scrollBy(0, y - window.innerHeight / 3)", [boven])
    begin = page.evaluate(TEKEN_RECHTHOEK, [start])
    einde = page.evaluate(TEKEN_RECHTHOEK, [eind - 1])
    page.mouse.move(begin["left"] + 1, (begin["top"] + begin["bottom"]) / 2)
    page.mouse.down()
    page.mouse.move(einde["right"] - 1, (einde["top"] + einde["bottom"]) / 2, steps=6)
    page.mouse.up()

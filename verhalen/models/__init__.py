"""Models of the verhalen app, one module per area:
verhaal.py (stories, consent, fragments), collectie.py (collections, reflections)."""

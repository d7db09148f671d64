"""Dutch word forms for search: lemmas (simplemma) and stems (Snowball).

PostgreSQL's `dutch` stemmer alone misses irregular plurals ("brieven" stems
to "briev", "brief" to "brief"). A lemmatiser maps both to "brief". The
search indexes the words as written (stemmed by the database) plus the
lemmas that differ from them (`lemmas_van`), and searches for the query as
typed or lemmatised (verhalen/selectors/search.py).

`stam` is the Snowball "dutch_porter" algorithm, the one PostgreSQL 15's
`dutch` configuration uses, so the snippets mark what the database matched.
"""

import functools
import hashlib
import re

import simplemma
import snowballstemmer

WOORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=200_000)
def lemma(woord: str) -> str:
    """The dictionary form of a Dutch word, lower case ("Brieven" -> "brief")."""
    klein = woord.lower()
    return simplemma.lemmatize(klein, lang="nl").lower() or klein


@functools.lru_cache(maxsize=200_000)
def stam(woord: str) -> str:
    """The Snowball stem of a word, as PostgreSQL's `dutch` configuration makes it."""
    return snowballstemmer.stemmer("dutch_porter").stemWord(woord.lower())


def lemmas_van(*teksten: str) -> str:
    """The lemmas of the words in `teksten` that differ from the word itself,
    each once, sorted, separated by spaces: what the search index adds to
    the text as written."""
    lemmas = set()
    for tekst in teksten:
        for woord in WOORD.findall(tekst or ""):
            grondvorm = lemma(woord)
            if grondvorm != woord.lower():
                lemmas.add(grondvorm)
    return " ".join(sorted(lemmas))


def bron_van(titel: str, samenvatting: str, tekst: str) -> str:
    """The fingerprint of the text the lemmas were made from; the database
    trigger computes the same (md5 of the three joined by line breaks) and
    drops lemmas whose text has changed since (migration 0008)."""
    bron = "\n".join((titel or "", samenvatting or "", tekst or ""))
    return hashlib.md5(bron.encode(), usedforsecurity=False).hexdigest()


def gelemmatiseerd(zoekterm: str) -> str:
    """`zoekterm` with each word replaced by its lemma (quotes, "or" and "-" kept)."""
    return WOORD.sub(lambda match: lemma(match.group()), zoekterm)


def stammen_van(zoekwoorden) -> tuple[frozenset[str], frozenset[str]]:
    """The stems of `zoekwoorden` and the stems of their lemmas, for `past_bij`."""
    return (
        frozenset(stam(woord) for woord in zoekwoorden),
        frozenset(stam(lemma(woord)) for woord in zoekwoorden),
    )


@functools.lru_cache(maxsize=100_000)
def past_bij(woord: str, stammen: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Whether `woord` in a text is a form of a search word whose `stammen`
    (`stammen_van`) these are: same stem, or the same stem of their lemmas
    ("brieven" / "brief", "huis" / "huizen"). Remembered: the snippets of a
    page of results look at the same common words in every story."""
    eigen, van_lemmas = stammen
    return stam(woord) in eigen or stam(lemma(woord)) in van_lemmas

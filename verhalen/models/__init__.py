"""Models of the verhalen app, one module per area:
verhaal.py (stories, consent, fragments), collectie.py (collections, reflections),
inzage.py (the access log), telling.py (counts kept as data), memo.py (memos),
kenmerk.py (research attributes and their values), ronde.py (coding rounds),
verteller.py (the teller's own meaning and view of the themes).

`zichtbaar_voor(user)` has one meaning wherever it is defined: the rows whose
story the one consent rule, `Verhaal.objects.zichtbaar_voor(user)`, lets `user`
see (Verhaal itself; Fragment, CollectieItem and Memo through their story; Memo
and CollectieItem narrow it further by permission or audience, never widen it).
Rules of another kind have other names: `Collectie.objects.leesbaar_voor(user)`
and `Reflectie.objects.leesbaar_voor(user)` (the collections and reflections a
role may open), `Kenniscafe.objects.gepubliceerd_of_voorbeeld(user)`.
"""

from verhalen.models.collectie import Collectie, CollectieItem, CollectieThema, Publiek, Reflectie  # noqa: F401
from verhalen.models.inhoudswaarschuwing import Inhoud  # noqa: F401
from verhalen.models.inzage import Handeling, Inzage  # noqa: F401
from verhalen.models.kenmerk import Kenmerk, KenmerkSoort, KenmerkWaarde  # noqa: F401
from verhalen.models.memo import Memo, MemoQuerySet, MemoSoort  # noqa: F401
from verhalen.models.ronde import (  # noqa: F401
    Beslissing,
    Coderingsronde,
    Keuze,
    Rondecodering,
    RondeKlaar,
    Rondestatus,
)
from verhalen.models.telling import Codetelling, Collectietelling, Verhaaltelling  # noqa: F401
from verhalen.models.verhaal import (  # noqa: F401
    Beoordeling,
    Fragment,
    FragmentQuerySet,
    FragmentThema,
    Gemeente,
    Leeftijdscategorie,
    Toestemming,
    Verhaal,
    VerhaalQuerySet,
    VerhaalThema,
    VerhaalTrefwoord,
    VertellerType,
    Verwijderverzoek,
    Verzamelwijze,
)
from verhalen.models.verteller import ONEENS, Betekenis, Oordeel, Themaoordeel  # noqa: F401

"""The wijken of Rotterdam as plain data, for any app that needs them.

Rotterdam and the CBS count differently: what Rotterdam calls a *gebied*
(Delfshaven, Feijenoord, …) is a *wijk* for the CBS, and what Rotterdam calls
a *wijk* (Bospolder, Hillesluis, …) is made of CBS *buurten*. Each entry below
is a Rotterdam wijk with the gebied it lies in and that gebied's CBS wijk
code (WK0599xx, gemeente Rotterdam = 0599), so stories and projects can be put
on a CBS map per gebied later.

    from projecten.wijken import WIJKEN, CBS_WIJKCODES

A data migration creates a `projecten.Wijk` row for every entry; an app that
wants a foreign key can point at that model, one that only needs a choice
list can use `WIJK_CHOICES`.
"""

from typing import NamedTuple


class WijkData(NamedTuple):
    slug: str
    naam: str
    gebied: str
    cbs_wijkcode: str


# CBS wijk code per Rotterdam gebied (CBS Wijk- en Buurtkaart).
CBS_WIJKCODES = {
    "Stadscentrum": "WK059901",
    "Delfshaven": "WK059903",
    "Overschie": "WK059904",
    "Noord": "WK059905",
    "Hillegersberg-Schiebroek": "WK059906",
    "Kralingen-Crooswijk": "WK059908",
    "Feijenoord": "WK059910",
    "IJsselmonde": "WK059912",
    "Pernis": "WK059913",
    "Prins Alexander": "WK059914",
    "Charlois": "WK059915",
    "Hoogvliet": "WK059916",
}

_WIJKEN_PER_GEBIED = {
    "Stadscentrum": [
        ("stadsdriehoek", "Stadsdriehoek"),
        ("cool", "Cool"),
        ("cs-kwartier", "CS-kwartier"),
        ("nieuwe-werk", "Nieuwe Werk"),
        ("dijkzigt", "Dijkzigt"),
        ("oude-westen", "Oude Westen"),
    ],
    "Delfshaven": [
        ("bospolder", "Bospolder"),
        ("tussendijken", "Tussendijken"),
        ("delfshaven", "Delfshaven"),
        ("middelland", "Middelland"),
        ("nieuwe-westen", "Nieuwe Westen"),
        ("oud-mathenesse", "Oud-Mathenesse"),
        ("witte-dorp", "Witte Dorp"),
        ("schiemond", "Schiemond"),
        ("spangen", "Spangen"),
    ],
    "Overschie": [
        ("overschie", "Overschie"),
        ("kleinpolder", "Kleinpolder"),
        ("noord-kethel", "Noord-Kethel"),
    ],
    "Noord": [
        ("agniesebuurt", "Agniesebuurt"),
        ("bergpolder", "Bergpolder"),
        ("blijdorp", "Blijdorp"),
        ("liskwartier", "Liskwartier"),
        ("oude-noorden", "Oude Noorden"),
        ("provenierswijk", "Provenierswijk"),
    ],
    "Hillegersberg-Schiebroek": [
        ("hillegersberg-noord", "Hillegersberg-Noord"),
        ("hillegersberg-zuid", "Hillegersberg-Zuid"),
        ("molenlaankwartier", "Molenlaankwartier"),
        ("schiebroek", "Schiebroek"),
        ("terbregge", "Terbregge"),
    ],
    "Kralingen-Crooswijk": [
        ("rubroek", "Rubroek"),
        ("oud-crooswijk", "Oud Crooswijk"),
        ("nieuw-crooswijk", "Nieuw Crooswijk"),
        ("kralingen-west", "Kralingen-West"),
        ("kralingen-oost", "Kralingen-Oost"),
        ("struisenburg", "Struisenburg"),
        ("de-esch", "De Esch"),
    ],
    "Feijenoord": [
        ("afrikaanderwijk", "Afrikaanderwijk"),
        ("bloemhof", "Bloemhof"),
        ("feijenoord", "Feijenoord"),
        ("hillesluis", "Hillesluis"),
        ("katendrecht", "Katendrecht"),
        ("kop-van-zuid", "Kop van Zuid"),
        ("kop-van-zuid-entrepot", "Kop van Zuid-Entrepot"),
        ("noordereiland", "Noordereiland"),
        ("vreewijk", "Vreewijk"),
    ],
    "IJsselmonde": [
        ("beverwaard", "Beverwaard"),
        ("groot-ijsselmonde", "Groot-IJsselmonde"),
        ("lombardijen", "Lombardijen"),
    ],
    "Pernis": [
        ("pernis", "Pernis"),
    ],
    "Prins Alexander": [
        ("het-lage-land", "Het Lage Land"),
        ("kralingseveer", "Kralingseveer"),
        ("nesselande", "Nesselande"),
        ("ommoord", "Ommoord"),
        ("oosterflank", "Oosterflank"),
        ("prinsenland", "Prinsenland"),
        ("s-gravenland", "’s-Gravenland"),
        ("zevenkamp", "Zevenkamp"),
    ],
    "Charlois": [
        ("carnisse", "Carnisse"),
        ("heijplaat", "Heijplaat"),
        ("oud-charlois", "Oud-Charlois"),
        ("pendrecht", "Pendrecht"),
        ("tarwewijk", "Tarwewijk"),
        ("wielewaal", "Wielewaal"),
        ("zuiderpark", "Zuiderpark"),
        ("zuidplein", "Zuidplein"),
        ("zuidwijk", "Zuidwijk"),
    ],
    "Hoogvliet": [
        ("hoogvliet-noord", "Hoogvliet-Noord"),
        ("hoogvliet-zuid", "Hoogvliet-Zuid"),
    ],
}

WIJKEN = [
    WijkData(slug, naam, gebied, CBS_WIJKCODES[gebied])
    for gebied, wijken in _WIJKEN_PER_GEBIED.items()
    for slug, naam in wijken
]

# (slug, "Naam (gebied)") for a plain choice field, grouped per gebied.
WIJK_CHOICES = [
    (gebied, [(slug, naam) for slug, naam in wijken])
    for gebied, wijken in _WIJKEN_PER_GEBIED.items()
]

WIJK_PER_SLUG = {wijk.slug: wijk for wijk in WIJKEN}

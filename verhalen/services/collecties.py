"""Curating collections and writing reflections (writes), and the reading
version of a collection (reads).

Every write is a keyword-only function in one transaction that validates
with `full_clean()` before saving. History: Collectie and CollectieItem are
recorded by django-simple-history; `door` is stored as the history user.
"""

from dataclasses import dataclass, field
from typing import Literal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.db import transaction
from django.db.models import Max, Prefetch, Q
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from kennisagenda.models import Thema
from toolkit.slugs import vrije_slug
from verhalen.models import Fragment, Verhaal
from verhalen.models.collectie import (
    GERESERVEERDE_SLUGS,
    Collectie,
    CollectieItem,
    Reflectie,
)
from verhalen.services import tellingen

# ---------------------------------------------------------------- collections


def unieke_slug(titel: str, *, behalve: Collectie | None = None) -> str:
    """A free slug for `titel` ("wachten-op-hulp", "wachten-op-hulp-2", …)."""
    bezet = Collectie.objects.all()
    if behalve is not None and behalve.pk:
        bezet = bezet.exclude(pk=behalve.pk)
    return vrije_slug(
        titel, bezet=bezet, standaard="collectie", lengte=190, gereserveerd=GERESERVEERDE_SLUGS
    )


def _vergrendel(collectie: Collectie) -> set[int]:
    """Lock the collection row (its items cannot change meanwhile) and return the
    pks of its stories, whose counts a change to the collection may change."""
    Collectie.objects.select_for_update().filter(pk=collectie.pk).first()
    return tellingen.verhalen_in_collecties(collectie)


def _zet_history_user(obj, door):
    if door is not None:
        obj._history_user = door


@transaction.atomic
def maak_collectie(
    *,
    titel: str,
    publiek: str,
    curator: AbstractBaseUser,
    inleiding: str = "",
    slug: str = "",
    themas: list[Thema] | tuple[Thema, ...] = (),
) -> Collectie:
    """Create a draft collection curated by `curator`.

    Side effects: a history record (created).
    """
    collectie = Collectie(
        titel=titel,
        slug=slug or unieke_slug(titel),
        inleiding=inleiding,
        publiek=publiek,
        curator=curator,
    )
    collectie.full_clean()
    _zet_history_user(collectie, curator)
    collectie.save()
    collectie.themas.set(list(themas))
    return collectie


@transaction.atomic
def wijzig_collectie(
    *,
    collectie: Collectie,
    door: AbstractBaseUser,
    titel: str,
    publiek: str,
    inleiding: str = "",
    slug: str = "",
    themas: list[Thema] | tuple[Thema, ...] = (),
) -> int:
    """Change a collection's details; returns how many of its stories the
    visibility rule now hides (e.g. after switching the audience to openbaar).

    Side effects: a history record (changed). Items are never removed here.
    """
    with tellingen.bijgehouden(_vergrendel(collectie)):
        collectie.titel = titel
        collectie.slug = slug or unieke_slug(titel, behalve=collectie)
        collectie.inleiding = inleiding
        collectie.publiek = publiek
        collectie.full_clean()
        _zet_history_user(collectie, door)
        collectie.save()
        collectie.themas.set(list(themas))
        return collectie.items.count() - collectie.zichtbare_items(door).count()


@transaction.atomic
def publiceer_collectie(*, collectie: Collectie, door: AbstractBaseUser) -> Collectie:
    """Publish: readers of the audience can now open it.

    Refused (ValidationError, code "leeg") while no story in it may be read
    by the audience. Side effects: publication date set to now; history.
    """
    with tellingen.bijgehouden(_vergrendel(collectie)):
        if not collectie.items.filter(
            verhaal__in=Verhaal.objects.met_toestemming_voor(collectie.publiek)
        ).exists():
            raise ValidationError(
                _(
                    "Publiceren kan nog niet: er staat geen verhaal in deze collectie dat "
                    "het publiek mag lezen. Voeg eerst een verhaal toe."
                ),
                code="leeg",
            )
        collectie.gepubliceerd = True
        collectie.gepubliceerd_op = timezone.now()
        collectie.full_clean()
        _zet_history_user(collectie, door)
        collectie.save()
        return collectie


@transaction.atomic
def zet_terug_naar_concept(*, collectie: Collectie, door: AbstractBaseUser) -> Collectie:
    """Unpublish: only curators can open it again. Side effects: history."""
    with tellingen.bijgehouden(_vergrendel(collectie)):
        collectie.gepubliceerd = False
        collectie.gepubliceerd_op = None
        collectie.full_clean()
        _zet_history_user(collectie, door)
        collectie.save()
        return collectie


@transaction.atomic
def verwijder_collectie(*, collectie: Collectie, door: AbstractBaseUser) -> None:
    """Delete a collection with its items and reflections.

    Side effects: history records (deleted) for the collection and its items.
    """
    with tellingen.bijgehouden(_vergrendel(collectie)):
        for item in collectie.items.all():
            _zet_history_user(item, door)
            item.delete()
        _zet_history_user(collectie, door)
        collectie.delete()


# ---------------------------------------------------------------------- items


def _controleer_fragmenten(verhaal: Verhaal, fragmenten) -> list[Fragment]:
    fragmenten = list(fragmenten)
    if any(fragment.verhaal_id != verhaal.pk for fragment in fragmenten):
        raise ValidationError(
            {"fragmenten": _("Kies alleen fragmenten uit dit verhaal.")}, code="ander_verhaal"
        )
    return fragmenten


@transaction.atomic
def voeg_verhaal_toe(
    *,
    collectie: Collectie,
    verhaal: Verhaal,
    door: AbstractBaseUser,
    fragmenten: list[Fragment] | tuple[Fragment, ...] = (),
    notitie: str = "",
) -> CollectieItem:
    """Add `verhaal` at the end of `collectie`.

    Refused with a Dutch ValidationError when its consent does not allow the
    collection's audience (code "toestemming") or when it is already in it.
    Side effects: history record of the new item.
    """
    Collectie.objects.select_for_update().filter(pk=collectie.pk).first()
    with tellingen.bijgehouden([verhaal.pk]):
        laatste = collectie.items.aggregate(laatste=Max("volgorde"))["laatste"] or 0
        item = CollectieItem(
            collectie=collectie, verhaal=verhaal, volgorde=laatste + 1, notitie=notitie
        )
        item.full_clean()
        fragmenten = _controleer_fragmenten(verhaal, fragmenten)
        _zet_history_user(item, door)
        item.save()
        item.fragmenten.set(fragmenten)
        return item


@transaction.atomic
def wijzig_item(
    *,
    item: CollectieItem,
    door: AbstractBaseUser,
    notitie: str,
    fragmenten: list[Fragment] | tuple[Fragment, ...] = (),
    inhoudswaarschuwingen: list[str] | tuple[str, ...] = (),
    inhoudswaarschuwing_anders: str = "",
) -> CollectieItem:
    """Change the curator's note, the chosen excerpt and its content note (which
    folds it in the collection). Side effects: history."""
    fragmenten = _controleer_fragmenten(item.verhaal, fragmenten)
    item.notitie = notitie
    item.inhoudswaarschuwingen = list(inhoudswaarschuwingen)
    item.inhoudswaarschuwing_anders = inhoudswaarschuwing_anders
    item.full_clean()
    _zet_history_user(item, door)
    item.save()
    item.fragmenten.set(fragmenten)
    return item


@transaction.atomic
def verplaats_item(
    *, item: CollectieItem, richting: Literal["omhoog", "omlaag"], door: AbstractBaseUser
) -> bool:
    """Move an item one place up or down; False when it is already at that end.

    Renumbers the collection 1…n. Side effects: history of the moved items.
    """
    if richting not in ("omhoog", "omlaag"):
        raise ValueError(f"Onbekende richting: {richting!r}")
    Collectie.objects.select_for_update().filter(pk=item.collectie_id).first()
    items = list(
        CollectieItem.objects.filter(collectie_id=item.collectie_id).order_by("volgorde", "pk")
    )
    plek = next(index for index, ander in enumerate(items) if ander.pk == item.pk)
    doel = plek - 1 if richting == "omhoog" else plek + 1
    if not 0 <= doel < len(items):
        return False
    items[plek], items[doel] = items[doel], items[plek]
    for nummer, ander in enumerate(items, start=1):
        if ander.volgorde != nummer:
            ander.volgorde = nummer
            _zet_history_user(ander, door)
            ander.save(update_fields=["volgorde", "gewijzigd_op"])
    return True


@transaction.atomic
def verwijder_item(*, item: CollectieItem, door: AbstractBaseUser) -> None:
    """Take a story out of a collection (the story itself stays).

    Side effects: history record (deleted).
    """
    Collectie.objects.select_for_update().filter(pk=item.collectie_id).first()
    with tellingen.bijgehouden([item.verhaal_id]):
        _zet_history_user(item, door)
        item.delete()


# ---------------------------------------------------------------- reflections


@transaction.atomic
def schrijf_reflectie(
    *,
    collectie: Collectie,
    auteur: AbstractBaseUser,
    tekst: str,
    passage: tuple[int, int, int] | None = None,
) -> Reflectie:
    """A new reflection by `auteur` on a collection they may read, or on one
    passage (story pk, start, end) of a story `auteur` may read in it.

    Raises PermissionDenied when `auteur` may not read the collection or the
    story, ValidationError when the passage is not inside the story's text.
    """
    if not Collectie.objects.leesbaar_voor(auteur).filter(pk=collectie.pk).exists():
        raise PermissionDenied("Deze collectie is niet voor jou.")
    verhaal = start = eind = None
    if passage:
        verhaal_id, start, eind = passage
        item = (
            collectie.zichtbare_items(auteur)
            .filter(verhaal_id=verhaal_id)
            .select_related("verhaal")
            .first()
        )
        if item is None:
            raise PermissionDenied("Dit verhaal staat niet (meer) in deze collectie.")
        verhaal = item.verhaal
        if not 0 <= start < eind <= len(verhaal.tekst):
            raise ValidationError("Dit stuk tekst staat niet in het verhaal.", code="buiten")
    reflectie = Reflectie(
        collectie=collectie,
        auteur=auteur,
        tekst=tekst.strip(),
        verhaal=verhaal,
        start=start,
        eind=eind,
    )
    reflectie.full_clean()
    reflectie.save()
    return reflectie


@transaction.atomic
def wijzig_reflectie(*, reflectie: Reflectie, door: AbstractBaseUser, tekst: str) -> Reflectie:
    """Change one's own reflection; PermissionDenied for anyone else's."""
    if not reflectie.is_van(door):
        raise PermissionDenied("Alleen de schrijver kan een reflectie wijzigen.")
    reflectie.tekst = tekst.strip()
    reflectie.full_clean()
    reflectie.save()
    return reflectie


@transaction.atomic
def verwijder_reflectie(*, reflectie: Reflectie, door: AbstractBaseUser) -> None:
    """Remove one's own reflection; PermissionDenied for anyone else's."""
    if not reflectie.is_van(door):
        raise PermissionDenied("Alleen de schrijver kan een reflectie verwijderen.")
    reflectie.delete()


# -------------------------------------------------------------------- reading


@dataclass
class Stuk:
    """A stretch of story text; `themas` is set when it lies in a theme fragment."""

    tekst: str
    themas: tuple[str, ...] = ()


@dataclass
class Alinea:
    """One paragraph as readers see it; `start`/`eind` locate it in the story,
    so a member can reflect on it (the passage keeps only these offsets);
    `sleutel` ("story-start-end") names the passage in a link and the passage
    list; `begin` is its first words as plain text, to name it in a link."""

    start: int
    eind: int
    html: SafeString
    sleutel: str
    begin: str
    reflecties: list = field(default_factory=list)


VERHALEN_PER_PAGINA = 10


@dataclass
class Inhoudsregel:
    """One story in a collection's table of contents: its place (`nummer`,
    1…n over the whole collection), the reading page it is on; seen from the
    page being read, whether it is `hier` (on it) and `link`, the address of
    its anchor."""

    item_id: int
    verhaal_id: int
    nummer: int
    titel: str
    pagina: int
    hier: bool = False
    link: str = ""

    @property
    def anker(self):
        return f"verhaal-{self.nummer}"


@dataclass
class Leesitem:
    item: CollectieItem
    nummer: int
    anker: str
    alinea_blokken: list[list[Alinea]] = field(default_factory=list)
    is_fragmentkeuze: bool = False
    # The content note the text is folded behind (the excerpt's and the story's).
    inhoudsnotities: list[str] = field(default_factory=list)
    themas_getoond: set[str] = field(default_factory=set)
    # The stories before and after this one in the collection, possibly on
    # another reading page (set by `leespagina`).
    vorige: Inhoudsregel | None = None
    volgende: Inhoudsregel | None = None

    @property
    def alineas(self):
        return [alinea for blok in self.alinea_blokken for alinea in blok]


@dataclass
class Leespagina:
    """One reading page of a collection: the table of contents (every story
    `user` may read in it), the page (a Django Page of that list) and its
    stories ready to render."""

    inhoud: list[Inhoudsregel]
    pagina: Page
    leesitems: list[Leesitem]

    def regel_van_verhaal(self, verhaal_id) -> Inhoudsregel | None:
        return _regel_van(self.inhoud, verhaal_id)


def _regel_van(regels: list[Inhoudsregel], verhaal_id) -> Inhoudsregel | None:
    return next((regel for regel in regels if regel.verhaal_id == verhaal_id), None)


def _alineas(tekst: str, begin: int, eind: int):
    """(start, end) of each paragraph in tekst[begin:eind]: every non-empty line
    is a paragraph (stories are typed with one line per paragraph)."""
    positie = begin
    for regel in tekst[begin:eind].split("\n"):
        if regel.strip():
            links = len(regel) - len(regel.lstrip())
            yield positie + links, positie + len(regel.rstrip())
        positie += len(regel) + 1


def _eerste_woorden(tekst: str, aantal: int = 6) -> str:
    """The first `aantal` words, with "…" when there are more (as
    Truncator.words, without its cost: this runs for every paragraph)."""
    woorden = tekst.split(maxsplit=aantal)
    return " ".join(woorden[:aantal]) + ("…" if len(woorden) > aantal else "")


def markeer(tekst: str, markeringen: list[tuple[int, int, str]], begin: int, eind: int):
    """Split tekst[begin:eind] into Stuk's; overlapping markings are merged and
    carry the union of their theme names."""
    grenzen = {begin, eind}
    for start, stop, _naam in markeringen:
        if start < eind and stop > begin:
            grenzen.update({max(start, begin), min(stop, eind)})
    punten = sorted(grenzen)
    stukken: list[Stuk] = []
    for links, rechts in zip(punten, punten[1:], strict=False):
        if links >= rechts:
            continue
        namen = sorted(
            {naam for start, stop, naam in markeringen if start <= links and stop >= rechts}
        )
        if stukken and tuple(namen) == stukken[-1].themas:
            stukken[-1].tekst += tekst[links:rechts]
        else:
            stukken.append(Stuk(tekst[links:rechts], tuple(namen)))
    return stukken


def stukken_als_html(stukken: list[Stuk]) -> SafeString:
    """HTML for one paragraph: marked stretches carry a visible text label and
    a border, so the marking never relies on colour alone."""
    delen = []
    for stuk in stukken:
        if not stuk.themas:
            delen.append(format_html("{}", stuk.tekst))
            continue
        label = ", ".join(stuk.themas)
        delen.append(
            format_html(
                '<mark class="themafragment"><span class="themafragment__label">'
                '<span class="visually-hidden">Begin fragment over </span>{}'
                '<span class="visually-hidden">:</span></span> {}'
                '<span class="visually-hidden"> (einde fragment)</span></mark>',
                label,
                stuk.tekst,
            )
        )
    return mark_safe("".join(delen))  # noqa: S308 — every part is escaped above


def _theme_ids(collectie: Collectie) -> set[int]:
    """The collection's themes and their sub-codes (one level, as in the
    codebook), in one query."""
    themas = collectie.themas.values("pk")
    return set(
        Thema.objects.filter(Q(pk__in=themas) | Q(parent__in=themas)).values_list("pk", flat=True)
    )


def inhoud(collectie: Collectie, user, *, per_pagina=VERHALEN_PER_PAGINA) -> list[Inhoudsregel]:
    """Every story of `collectie` that `user` may read here (the one visibility
    rule), in reading order, with the page it is on. One query."""
    rijen = (
        collectie.zichtbare_items(user)
        .order_by("volgorde", "pk")
        .values_list("pk", "verhaal_id", "verhaal__titel")
    )
    return [
        Inhoudsregel(item_id, verhaal_id, nummer, titel, pagina=(nummer - 1) // per_pagina + 1)
        for nummer, (item_id, verhaal_id, titel) in enumerate(rijen, start=1)
    ]


def leespagina(
    collectie: Collectie, user, nummer=None, *, verhaal_id=None, per_pagina=VERHALEN_PER_PAGINA
) -> Leespagina:
    """Reading page `nummer` (as asked in the address: an invalid number gives
    the first page, a number too high the last; without a number, the page of
    story `verhaal_id`, else the first) of `collectie` for `user`: its table
    of contents and the stories on that page."""
    regels = inhoud(collectie, user, per_pagina=per_pagina)
    if nummer is None and verhaal_id is not None:
        regel = _regel_van(regels, verhaal_id)
        nummer = regel.pagina if regel else None
    pagina = Paginator(regels, per_pagina).get_page(nummer)
    for regel in regels:
        regel.hier = regel.pagina == pagina.number
        regel.link = f"#{regel.anker}" if regel.hier else f"?pagina={regel.pagina}#{regel.anker}"
    leesitems = leesversie(collectie, user, regels=pagina.object_list)
    for leesitem in leesitems:
        plek = leesitem.nummer - 1
        leesitem.vorige = regels[plek - 1] if plek > 0 else None
        leesitem.volgende = regels[plek + 1] if plek + 1 < len(regels) else None
    return Leespagina(inhoud=regels, pagina=pagina, leesitems=leesitems)


def leesversie(collectie: Collectie, user, *, regels=None) -> list[Leesitem]:
    """The stories of `collectie` that `user` may read here, ready to render:
    all of them, or those of `regels` (Inhoudsregel's of one reading page).

    Items pass the one visibility rule (`Collectie.zichtbare_items`); theme
    fragments come from `Fragment.objects.zichtbaar_voor(user)`. A constant
    number of queries, whatever the number of items.
    """
    if regels is not None and not regels:
        return []
    thema_ids = _theme_ids(collectie)
    themafragmenten = (
        Fragment.objects.zichtbaar_voor(user)
        .filter(codes__in=thema_ids)
        .distinct()
        .prefetch_related(Prefetch("codes", to_attr="codes_lijst"))
    )
    items = collectie.zichtbare_items(user)
    if regels is not None:
        items = items.filter(pk__in=[regel.item_id for regel in regels])
    items = list(
        items.select_related("verhaal", "verhaal__wijk")
        .defer("verhaal__zoekvector", "verhaal__zoeklemmas", "verhaal__zoeklemmas_bron")
        .prefetch_related(
            Prefetch(
                "fragmenten",
                queryset=Fragment.objects.zichtbaar_voor(user).order_by("start", "eind"),
            ),
            Prefetch("verhaal__fragmenten", queryset=themafragmenten, to_attr="themafragmenten"),
        )
        .order_by("volgorde", "pk")
    )
    nummers = {regel.item_id: regel.nummer for regel in regels or ()}
    leesitems = []
    for plek, item in enumerate(items, start=1):
        nummer = nummers.get(item.pk, plek)
        verhaal = item.verhaal
        tekst = verhaal.tekst
        markeringen = [
            (fragment.start, fragment.eind, code.name)
            for fragment in verhaal.themafragmenten
            for code in fragment.codes_lijst
            if code.pk in thema_ids and 0 <= fragment.start < fragment.eind <= len(tekst)
        ]
        gekozen = [
            fragment
            for fragment in item.fragmenten.all()
            if 0 <= fragment.start < fragment.eind <= len(tekst)
        ]
        vensters = [(fragment.start, fragment.eind) for fragment in gekozen] or [(0, len(tekst))]
        blokken, getoond = [], set()
        for begin, eind in vensters:
            blok = []
            for links, rechts in _alineas(tekst, begin, eind):
                stukken = markeer(tekst, markeringen, links, rechts)
                getoond.update(naam for stuk in stukken for naam in stuk.themas)
                blok.append(
                    Alinea(
                        links,
                        rechts,
                        stukken_als_html(stukken),
                        sleutel=f"{verhaal.pk}-{links}-{rechts}",
                        begin=_eerste_woorden(tekst[links:rechts]),
                    )
                )
            blokken.append(blok)
        leesitems.append(
            Leesitem(
                item=item,
                nummer=nummer,
                anker=f"verhaal-{nummer}",
                alinea_blokken=blokken,
                is_fragmentkeuze=bool(gekozen),
                inhoudsnotities=item.alle_inhoudsnotities,
                themas_getoond=getoond,
            )
        )
    return leesitems


def beheeroverzicht(collectie: Collectie, user) -> list[dict]:
    """Every item of the collection for its curator, with whether the one
    visibility rule shows it to the audience now, and if not, why."""
    zichtbaar = set(collectie.zichtbare_items(user).values_list("pk", flat=True))
    items = (
        collectie.items.select_related("verhaal")
        .prefetch_related("fragmenten")
        .order_by("volgorde", "pk")
    )
    overzicht = []
    for item in items:
        is_zichtbaar = item.pk in zichtbaar
        overzicht.append(
            {
                "item": item,
                "zichtbaar": is_zichtbaar,
                "reden": "" if is_zichtbaar else item.verborgen_reden(),
                # A withdrawn story is hidden from researchers too: no title.
                "ingetrokken": item.verhaal.is_ingetrokken,
            }
        )
    return overzicht


GESCHIEDENIS_REGELS = 15


def geschiedenis(collectie: Collectie, user, *, aantal: int = GESCHIEDENIS_REGELS) -> list[dict]:
    """The latest changes to the collection and its items, newest first, in
    plain words. Titles of stories `user` may not see (withdrawn) are left out."""
    regels = []
    for versie in collectie.history.select_related("history_user")[:aantal]:
        wat = {
            "+": _("collectie aangemaakt"),
            "-": _("collectie verwijderd"),
        }.get(versie.history_type, _("gegevens gewijzigd"))
        if versie.history_type == "~" and versie.gepubliceerd:
            wat = _("gegevens gewijzigd, gepubliceerd")
        regels.append({"wanneer": versie.history_date, "wie": versie.history_user, "wat": wat})
    itemversies = list(
        CollectieItem.history.filter(collectie_id=collectie.pk)
        .select_related("history_user")
        .order_by("-history_date")[:aantal]
    )
    titels = dict(
        Verhaal.objects.zichtbaar_voor(user)
        .filter(pk__in={versie.verhaal_id for versie in itemversies})
        .values_list("pk", "titel")
    )
    for versie in itemversies:
        titel = titels.get(
            versie.verhaal_id, _("verhaal nr. %(nummer)s") % {"nummer": versie.verhaal_id}
        )
        wat = {
            "+": _("“%(titel)s” toegevoegd"),
            "-": _("“%(titel)s” uit de collectie gehaald"),
        }.get(versie.history_type, _("“%(titel)s” gewijzigd (volgorde, fragmenten of notitie)"))
        regels.append(
            {
                "wanneer": versie.history_date,
                "wie": versie.history_user,
                "wat": wat % {"titel": titel},
            }
        )
    regels.sort(key=lambda regel: regel["wanneer"], reverse=True)
    return regels[:aantal]


def export_gegevens(collectie: Collectie, user) -> dict:
    """The collection, the stories its audience may read, and every reflection —
    as plain data for the JSON and Markdown downloads."""
    leesitems = leesversie(collectie, user)
    reflecties = collectie.reflecties.select_related("auteur", "verhaal").order_by(
        "aangemaakt_op", "pk"
    )
    zichtbaar = {leesitem.item.verhaal_id for leesitem in leesitems}
    return {
        "titel": collectie.titel,
        "adres": collectie.get_absolute_url(),
        "publiek": collectie.get_publiek_display(),
        "gepubliceerd": collectie.gepubliceerd,
        "gepubliceerd_op": collectie.gepubliceerd_op.isoformat()
        if collectie.gepubliceerd_op
        else None,
        "themas": [thema.name for thema in collectie.themas.all()],
        "inleiding": collectie.inleiding,
        "verhalen": [
            {
                "nummer": leesitem.nummer,
                "verhaal_id": leesitem.item.verhaal_id,
                "titel": leesitem.item.verhaal.titel,
                "verteller": leesitem.item.verhaal.get_verteller_type_display(),
                "leeftijd": leesitem.item.verhaal.get_leeftijdscategorie_display()
                if leesitem.item.verhaal.leeftijdscategorie
                else "",
                "wijk": leesitem.item.verhaal.wijk.naam if leesitem.item.verhaal.wijk else "",
                "notitie": leesitem.item.notitie,
                # What readers see: the chosen fragments, or else the whole text.
                "fragmenten": [fragment.citaat for fragment in leesitem.item.fragmenten.all()],
                "tekst": "" if leesitem.is_fragmentkeuze else leesitem.item.verhaal.tekst,
            }
            for leesitem in leesitems
        ],
        "reflecties": [
            {
                "id": reflectie.pk,
                "auteur": _naam(reflectie.auteur),
                "geschreven_op": reflectie.aangemaakt_op.isoformat(),
                "gewijzigd_op": reflectie.gewijzigd_op.isoformat(),
                "tekst": reflectie.tekst,
                **_passage_gegevens(reflectie, zichtbaar),
            }
            for reflectie in reflecties
        ],
    }


def _passage_gegevens(reflectie: Reflectie, zichtbaar: set[int]) -> dict:
    """The passage a reflection is about, only when its story is in `zichtbaar`
    (the stories the one rule shows the reader in that collection)."""
    if not reflectie.is_over_passage:
        return {"passage": None}
    if reflectie.verhaal_id not in zichtbaar:
        return {"passage": {"vervallen": True}}
    return {
        "passage": {
            "verhaal_id": reflectie.verhaal_id,
            "verhaal": reflectie.verhaal.titel,
            "tekst": reflectie.passage_tekst(),
        }
    }


def eigen_reflecties(user) -> dict:
    """Everything `user` wrote as reflections, for their own download; the
    passages only where the one rule still shows the story in that collection."""
    reflecties = list(
        Reflectie.objects.filter(auteur=user)
        .select_related("collectie", "verhaal")
        .order_by("aangemaakt_op", "pk")
    )
    zichtbaar = set(
        CollectieItem.objects.zichtbaar_voor(user)
        .filter(collectie__in={reflectie.collectie_id for reflectie in reflecties})
        .values_list("verhaal_id", flat=True)
    )
    return {
        "auteur": _naam(user),
        "reflecties": [
            {
                "id": reflectie.pk,
                "collectie": reflectie.collectie.titel,
                "adres": reflectie.get_absolute_url(),
                "geschreven_op": reflectie.aangemaakt_op.isoformat(),
                "gewijzigd_op": reflectie.gewijzigd_op.isoformat(),
                "tekst": reflectie.tekst,
                **_passage_gegevens(reflectie, zichtbaar),
            }
            for reflectie in reflecties
        ],
    }


def _passage_markdown(reflectie: dict) -> list[str]:
    passage = reflectie.get("passage")
    if not passage:
        return []
    if passage.get("vervallen"):
        return ["Over een stuk tekst dat je niet meer mag lezen (toestemming aangepast).", ""]
    regels = [f"Over dit stuk uit “{passage['verhaal']}”:", ""]
    regels += [f"> {regel}".rstrip() for regel in passage["tekst"].splitlines()]
    return [*regels, ""]


def eigen_reflecties_markdown(gegevens: dict) -> str:
    regels = [f"# Reflecties van {gegevens['auteur']}", ""]
    for reflectie in gegevens["reflecties"]:
        regels += [f"## {reflectie['collectie']}, {reflectie['geschreven_op']}", ""]
        regels += _passage_markdown(reflectie)
        regels += [reflectie["tekst"], ""]
    if not gegevens["reflecties"]:
        regels += ["(Nog geen reflecties.)", ""]
    return "\n".join(regels)


def _naam(user) -> str:
    if user is None:
        return _("(account verwijderd)")
    return user.get_full_name() or user.get_username()


def export_markdown(gegevens: dict) -> str:
    """The export data as a readable Markdown document."""

    def citeer(tekst):
        return "\n".join(f"> {regel}".rstrip() for regel in tekst.splitlines() or [""])

    regels = [
        f"# {gegevens['titel']}",
        "",
        f"- Voor: {gegevens['publiek']}",
        f"- Gepubliceerd op: {gegevens['gepubliceerd_op']}"
        if gegevens["gepubliceerd"]
        else "- Concept (niet gepubliceerd)",
        f"- Thema's: {', '.join(gegevens['themas']) or 'geen'}",
        "",
        "## Inleiding",
        "",
        gegevens["inleiding"] or "(geen inleiding)",
        "",
        "## Verhalen",
        "",
    ]
    for verhaal in gegevens["verhalen"]:
        wie = ", ".join(
            deel for deel in (verhaal["verteller"], verhaal["leeftijd"], verhaal["wijk"]) if deel
        )
        regels += [f"### {verhaal['nummer']}. {verhaal['titel']}", "", f"Verteld door: {wie}", ""]
        for citaat in verhaal["fragmenten"]:
            regels += [citeer(citaat), ""]
        if verhaal["tekst"]:
            regels += [verhaal["tekst"], ""]
        if verhaal["notitie"]:
            regels += [f"Notitie van de samensteller: {verhaal['notitie']}", ""]
    if not gegevens["verhalen"]:
        regels += ["(Geen verhalen die het publiek mag lezen.)", ""]
    regels += ["## Reflecties", ""]
    for reflectie in gegevens["reflecties"]:
        regels += [
            f"### {reflectie['auteur']}, {reflectie['geschreven_op']}",
            "",
            *_passage_markdown(reflectie),
            reflectie["tekst"],
            "",
        ]
    if not gegevens["reflecties"]:
        regels += ["(Nog geen reflecties.)", ""]
    return "\n".join(regels)

"""Importing a REFI-QDA codebook or project: first the plan (the dry run),
then the import itself in one transaction.

`plan` compares what the file holds (lezen.Inhoud) with the database and
writes nothing. `importeer` carries the plan out through the existing
services (codebook: maak_subcode; attributes: bewaar_kenmerk; stories,
fragments and memos in bulk: maak_verhalen, maak_fragmenten,
schrijf_memos), so stored counts and history are kept as for any other
write, and either everything is imported or nothing. The number of queries
grows with the codes and attributes the file defines, not with its stories
and fragments: 1 000 stories fit in one web request.

Rules (where the standard leaves it to us):
- A code is merged with an existing code of the same name (case ignored)
  under the same parent; otherwise it is created as a sub-code. A code at the
  top of the other tool's tree that matches no main theme is put under the
  code the researcher chooses (`onder`): researchers add sub-codes, the main
  themes are the kennisagenda's.
- A source becomes a story with consent "onderzoek" (only the research team),
  whatever it had before. A source whose title and text are already a story
  is skipped, so importing the same file twice adds nothing.
- A selection becomes a fragment with its codes and its Description as memo;
  the coder is the researcher who imports (the other tool's users have no
  account here; their names are in the history's reason).
- The story's own attributes are read back from their variables
  (uitwisseling/variabelen.py). Any other variable is a research attribute
  (Kenmerk): merged with the attribute of the same name, or defined anew
  (Boolean -> ja/nee, Integer/Float -> getal, Date -> datum, Text -> tekst, or
  a choice when its description lists "Keuze uit: a; b"). A value that does
  not fit its attribute (not a number, not one of the choices) is skipped.
- Notes become memos by the researcher who imports: about the story, the
  fragment or the code they are attached to, or in the research journal.
  A journal or code memo with the same title and text already there is skipped.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction

from kennisagenda.models import Thema
from uitwisseling import lezen
from uitwisseling.export import KOP_KEUZES
from uitwisseling.variabelen import PER_NAAM, importwaarde
from verhalen.models import Kenmerk, KenmerkSoort, Memo, Toestemming, Verhaal
from verhalen.services.codering import maak_fragmenten, maak_subcode
from verhalen.services.kenmerken import bewaar_kenmerk
from verhalen.services.memos import schrijf_memos
from verhalen.services.verhalen import maak_verhalen
from verhalen.tekst import privacy

MAX_TITEL = Verhaal._meta.get_field("titel").max_length


@dataclass
class Codeplan:
    code: lezen.Code
    pad: str  # "vertrouwen › wantrouwen" as it will stand in the codebook
    bestaand: Thema | None = None  # merged with this code
    zonder_plek: bool = False  # a new main code: needs `onder`


@dataclass
class Plan:
    inhoud: lezen.Inhoud
    codes: list[Codeplan] = field(default_factory=list)
    nieuwe_verhalen: list[lezen.Bron] = field(default_factory=list)
    overgeslagen_bronnen: list[tuple[str, str]] = field(default_factory=list)
    overgeslagen_selecties: list[tuple[str, str]] = field(default_factory=list)
    kenmerken: dict[str, Kenmerk | None] = field(default_factory=dict)  # name -> existing or new
    privacy: list[str] = field(default_factory=list)  # stories with possible personal data
    memos: int = 0

    @property
    def nieuwe_kenmerken(self):
        return sorted(naam for naam, kenmerk in self.kenmerken.items() if kenmerk is None)

    @property
    def bestaande_kenmerken(self):
        return sorted(naam for naam, kenmerk in self.kenmerken.items() if kenmerk is not None)

    @property
    def nieuwe_codes(self):
        return [plan for plan in self.codes if plan.bestaand is None]

    @property
    def samengevoegde_codes(self):
        return [plan for plan in self.codes if plan.bestaand is not None]

    @property
    def codes_zonder_plek(self):
        return [plan for plan in self.codes if plan.zonder_plek]

    @property
    def aantal_fragmenten(self):
        return sum(
            1 for bron in self.nieuwe_verhalen for selectie in bron.selecties if not selectie.fout
        )


def _titel(bron: lezen.Bron) -> str:
    return (bron.naam or "Geïmporteerd verhaal").removesuffix(".txt")[:MAX_TITEL]


def _plan_codes(plan: Plan, onder: Thema | None):
    bestaande = {}
    for thema in Thema.objects.all():
        bestaande.setdefault((thema.parent_id, thema.name.casefold()), thema)
    gekozen = {}  # code GUID -> (existing Thema or None, path)
    for code, ouder in plan.inhoud.alle_codes():
        if ouder is None:
            bestaand = bestaande.get((None, code.naam.casefold()))
            zonder_plek = bestaand is None and onder is None
            ouder_thema = None if bestaand or onder is None else onder
            if bestaand is None and onder is not None:
                bestaand = bestaande.get((onder.pk, code.naam.casefold()))
            pad = code.naam if ouder_thema is None else f"{onder.name} › {code.naam}"
        else:
            ouder_thema, ouder_pad = gekozen[ouder.guid]
            bestaand = (
                bestaande.get((ouder_thema.pk, code.naam.casefold())) if ouder_thema else None
            )
            zonder_plek, pad = False, f"{ouder_pad} › {code.naam}"
        gekozen[code.guid] = (bestaand, pad)
        plan.codes.append(Codeplan(code=code, pad=pad, bestaand=bestaand, zonder_plek=zonder_plek))


def plan(inhoud: lezen.Inhoud, *, onder: Thema | None = None) -> Plan:
    """What importing `inhoud` would do; writes nothing."""
    resultaat = Plan(inhoud=inhoud)
    _plan_codes(resultaat, onder)
    titels = {_titel(bron) for bron in inhoud.bronnen}
    bestaand = set(Verhaal.objects.filter(titel__in=titels).values_list("titel", "tekst"))
    onbekend = set()
    notities = inhoud.notities
    for bron in inhoud.bronnen:
        if bron.fout:
            resultaat.overgeslagen_bronnen.append((bron.naam, bron.fout))
            continue
        if (_titel(bron), bron.tekst) in bestaand:
            resultaat.overgeslagen_bronnen.append((bron.naam, "staat al in de Verhalenbank"))
            continue
        bestaand.add((_titel(bron), bron.tekst))
        resultaat.nieuwe_verhalen.append(bron)
        resultaat.overgeslagen_selecties += [
            (bron.naam, selectie.fout) for selectie in bron.selecties if selectie.fout
        ]
        onbekend |= {naam for naam in bron.waarden if naam.casefold() not in PER_NAAM}
        resultaat.memos += sum(guid in notities for guid in bron.notities)
        resultaat.memos += sum(
            guid in notities
            for selectie in bron.selecties
            if not selectie.fout
            for guid in selectie.notities
        )
        if privacy.controleer(_titel(bron)) or privacy.controleer(bron.tekst):
            resultaat.privacy.append(_titel(bron))
    bestaande_kenmerken = {kenmerk.naam.casefold(): kenmerk for kenmerk in Kenmerk.objects.all()}
    resultaat.kenmerken = {naam: bestaande_kenmerken.get(naam.casefold()) for naam in onbekend}
    resultaat.memos += len(_code_en_logboekmemos(resultaat))
    return resultaat


def _bestaat_memo(notitie, **onderwerp):
    return Memo.objects.filter(titel=notitie.titel, tekst=notitie.tekst, **onderwerp).exists()


def _code_en_logboekmemos(plan: Plan):
    """[(Notitie, code GUID or None)] of the memos about codes and the journal
    that are not there yet (a merged code's memo may be)."""
    notities, memos = plan.inhoud.notities, []
    for codeplan in plan.codes:
        for guid in codeplan.code.notities:
            if guid in notities and not (
                codeplan.bestaand and _bestaat_memo(notities[guid], code=codeplan.bestaand)
            ):
                memos.append((notities[guid], codeplan.code.guid))
    for guid in plan.inhoud.projectnotities:
        if guid in notities and not _bestaat_memo(
            notities[guid], verhaal=None, fragment=None, code=None
        ):
            memos.append((notities[guid], None))
    return memos


@dataclass(frozen=True)
class Uitslag:
    codes_nieuw: int
    codes_samengevoegd: int
    verhalen: int
    fragmenten: int
    memos: int = 0
    kenmerken_nieuw: int = 0


def _maak_codes(plan: Plan, onder, door) -> dict[str, Thema]:
    thema_van = {}
    ouders = {kind.guid: ouder for kind, ouder in plan.inhoud.alle_codes()}
    for codeplan in plan.codes:
        code = codeplan.code
        if codeplan.bestaand is not None:
            thema_van[code.guid] = codeplan.bestaand
            continue
        ouder = ouders[code.guid]
        parent = thema_van[ouder.guid] if ouder is not None else onder
        thema_van[code.guid] = maak_subcode(
            naam=code.naam,
            parent=parent,
            beschrijving=code.beschrijving,
            definitie=code.definitie,
            voorbeeld=code.voorbeeld,
            kleur=_zes_cijfers(code.kleur),
            door=door,
        )
    return thema_van


def _zes_cijfers(kleur):
    if kleur and len(kleur) == 4:
        return "#" + "".join(teken * 2 for teken in kleur[1:])
    return kleur


def _soort(variabele: lezen.Variabele | None):
    """(kind, choices) of a new attribute for another tool's variable."""
    soort = variabele.soort if variabele else "Text"
    if soort == "Boolean":
        return KenmerkSoort.JA_NEE, []
    if soort in ("Integer", "Float"):
        return KenmerkSoort.GETAL, []
    if soort in ("Date", "DateTime"):
        return KenmerkSoort.DATUM, []
    omschrijving = variabele.omschrijving if variabele else ""
    if KOP_KEUZES in omschrijving:
        keuzes = omschrijving.split(KOP_KEUZES, 1)[1].split("; ")
        return KenmerkSoort.KEUZE, [keuze.strip() for keuze in keuzes if keuze.strip()]
    return KenmerkSoort.TEKST, []


def _maak_kenmerken(plan: Plan, door) -> dict[str, Kenmerk]:
    per_naam = {variabele.naam: variabele for variabele in plan.inhoud.variabelen.values()}
    kenmerken = {}
    for naam, kenmerk in plan.kenmerken.items():
        if kenmerk is None:
            soort, keuzes = _soort(per_naam.get(naam))
            uitleg = (
                per_naam[naam].omschrijving.split(KOP_KEUZES)[0].strip() if naam in per_naam else ""
            )
            kenmerk = bewaar_kenmerk(
                naam=naam, soort=soort, keuzes=keuzes, uitleg=uitleg[:300], door=door
            )
        kenmerken[naam] = kenmerk
    return kenmerken


def _kenmerkwaarde(kenmerk: Kenmerk, tekst: str):
    """The value to store, or None when `tekst` does not fit `kenmerk`."""
    if kenmerk.soort == KenmerkSoort.JA_NEE:
        return {"true": True, "1": True, "ja": True, "false": False, "0": False, "nee": False}.get(
            tekst.casefold()
        )
    if kenmerk.soort == KenmerkSoort.GETAL:
        try:
            getal = Decimal(tekst.replace(",", "."))
        except InvalidOperation:
            return None
        return getal if getal.is_finite() and abs(getal) < Decimal(10) ** 11 else None
    if kenmerk.soort == KenmerkSoort.DATUM:
        try:
            return date.fromisoformat(tekst[:10])
        except ValueError:
            return None
    if kenmerk.soort == KenmerkSoort.KEUZE:
        return tekst if tekst in kenmerk.keuzes else None
    return tekst[:300]


def _gegevens(bron: lezen.Bron, thema_van, kenmerken, opgezocht) -> dict:
    """maak_verhalen's data of the story `bron` becomes; `opgezocht` remembers
    the values looked up (a wijk, project or werkteam) for the next source."""
    gegevens = {
        "titel": _titel(bron),
        "tekst": bron.tekst,
        "samenvatting": bron.samenvatting,
        "toestemming": Toestemming.ONDERZOEK,
        "themas": list({thema_van[guid].pk: thema_van[guid] for guid in bron.codes}.values()),
        "kenmerken": {},
    }
    for naam, tekst in bron.waarden.items():
        variabele = PER_NAAM.get(naam.casefold())
        if variabele is not None:
            if (naam.casefold(), tekst) not in opgezocht:
                opgezocht[(naam.casefold(), tekst)] = importwaarde(variabele, tekst)
            waarde = opgezocht[(naam.casefold(), tekst)]
            if waarde is not None:
                gegevens[waarde[0]] = waarde[1]
        elif naam in kenmerken:
            waarde = _kenmerkwaarde(kenmerken[naam], tekst)
            if waarde is not None:
                gegevens["kenmerken"][kenmerken[naam]] = waarde
    return gegevens


@transaction.atomic
def importeer(*, plan: Plan, door, onder: Thema | None = None, bestandsnaam: str) -> Uitslag:
    """Carry out `plan` (made with the same `onder`): new codes, stories and fragments.

    Raises ValueError when new main codes have no place (`onder` missing).
    Side effects, all in this one transaction and through the services:
    sub-codes (history by `door`), stories at consent "onderzoek" with their
    themes and attributes (history "Ingevoerd uit REFI-QDA-bestand …"), their
    fragments with codes and memo (coder `door`) and the memos; stored counts
    follow. Stories, fragments and memos are written in bulk: the number of
    queries does not grow with the size of the file.
    """
    if plan.codes_zonder_plek:
        raise ValueError("Nieuwe hoofdcodes hebben een plek in het codeboek nodig.")
    thema_van = _maak_codes(plan, onder, door)
    kenmerken = _maak_kenmerken(plan, door)
    reden = f"Ingevoerd uit REFI-QDA-bestand {bestandsnaam}"[:100]
    opgezocht = {}
    bronnen = plan.nieuwe_verhalen
    verhalen = maak_verhalen(
        gegevens=[_gegevens(bron, thema_van, kenmerken, opgezocht) for bron in bronnen],
        door=door,
        reden=reden,
    )
    selecties = [
        (verhaal, selectie)
        for verhaal, bron in zip(verhalen, bronnen, strict=True)
        for selectie in bron.selecties
        if not selectie.fout
    ]
    fragmenten = maak_fragmenten(
        fragmenten=[
            (
                verhaal,
                selectie.start,
                selectie.eind,
                [thema_van[guid] for guid in selectie.codes],
                selectie.memo,
            )
            for verhaal, selectie in selecties
        ],
        codeur=door,
        reden=reden,
    )
    notities = plan.inhoud.notities

    def memo(guid, **onderwerp):
        return Memo(titel=notities[guid].titel, tekst=notities[guid].tekst, **onderwerp)

    memos = [
        Memo(
            titel=notitie.titel,
            tekst=notitie.tekst,
            code=thema_van[code_guid] if code_guid else None,
        )
        for notitie, code_guid in _code_en_logboekmemos(plan)
    ]
    memos += [
        memo(guid, verhaal=verhaal)
        for verhaal, bron in zip(verhalen, bronnen, strict=True)
        for guid in bron.notities
        if guid in notities
    ]
    memos += [
        memo(guid, fragment=fragment)
        for (_verhaal, selectie), fragment in zip(selecties, fragmenten, strict=True)
        for guid in selectie.notities
        if guid in notities
    ]
    return Uitslag(
        codes_nieuw=len(plan.nieuwe_codes),
        codes_samengevoegd=len(plan.samengevoegde_codes),
        verhalen=len(verhalen),
        fragmenten=len(fragmenten),
        memos=schrijf_memos(memos=memos, auteur=door, reden=reden),
        kenmerken_nieuw=len(plan.nieuwe_kenmerken),
    )

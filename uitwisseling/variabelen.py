"""A story's own attributes as REFI-QDA variables (and back).

Each attribute becomes one Variable of the project; each story's value a
VariableValue on its TextSource. Choices are written as their Dutch label
(what a colleague sees in another tool) and read back from the label or the
stored value. Consent is exported for the reader's information but never
imported: an imported story starts at "onderzoek".
"""

from dataclasses import dataclass
from datetime import date

from projecten.models import Project, Werkteam, Wijk
from verhalen.models import Gemeente, Leeftijdscategorie, Toestemming, VertellerType, Verzamelwijze


@dataclass(frozen=True)
class Variabele:
    veld: str  # the Verhaal field (or "trefwoorden")
    naam: str  # the Variable's name in the export
    soort: str  # typeOfVariable: Text or Date
    beschrijving: str
    keuzes: type | None = None  # a TextChoices class
    importeren: bool = True


VARIABELEN = (
    Variabele(
        "verteller_type",
        "Wie vertelt",
        "Text",
        "In welke rol de verteller vertelt.",
        keuzes=VertellerType,
    ),
    Variabele("pseudoniem", "Schuilnaam", "Text", "Een verzonnen naam, nooit de echte."),
    Variabele(
        "leeftijdscategorie",
        "Leeftijd",
        "Text",
        "Leeftijdsgroep van de verteller.",
        keuzes=Leeftijdscategorie,
    ),
    Variabele("gemeente", "Gemeente", "Text", "Gemeente waar het verhaal speelt.", keuzes=Gemeente),
    Variabele("wijk", "Wijk", "Text", "Rotterdamse wijk waar het verhaal speelt."),
    Variabele(
        "verzamelwijze",
        "Hoe verzameld",
        "Text",
        "Hoe het verhaal is opgetekend.",
        keuzes=Verzamelwijze,
    ),
    Variabele("verzameld_op", "Verzameld op", "Date", "Datum van het gesprek."),
    Variabele("project", "Project", "Text", "Werkplaatsproject van het verhaal."),
    Variabele("werkteam", "Werkteam", "Text", "Werkteam van het verhaal."),
    Variabele("trefwoorden", "Trefwoorden", "Text", "Eigen trefwoorden, gescheiden door '; '."),
    Variabele(
        "toestemming",
        "Toestemming",
        "Text",
        "Waarvoor de verteller toestemming gaf (bij de export; wordt niet ingelezen).",
        keuzes=Toestemming,
        importeren=False,
    ),
)
PER_NAAM = {variabele.naam.casefold(): variabele for variabele in VARIABELEN}


def exportwaarde(variabele: Variabele, waarde) -> str | date | None:
    """The value to write for a story (None: no VariableValue)."""
    if waarde in (None, "", []):
        return None
    if variabele.keuzes is not None:
        return str(variabele.keuzes(waarde).label)
    if isinstance(waarde, list):
        return "; ".join(waarde)
    return waarde


def _keuze(keuzes, tekst):
    for waarde, label in keuzes.choices:
        if tekst.casefold() in (str(waarde).casefold(), str(label).casefold()):
            return waarde
    return None


def importwaarde(variabele: Variabele, tekst: str):
    """(veld, waarde) to store for an imported value, or None when it does not
    fit (an unknown choice or wijk, a malformed date)."""
    tekst = tekst.strip()
    if not variabele.importeren or not tekst:
        return None
    if variabele.keuzes is not None:
        waarde = _keuze(variabele.keuzes, tekst)
    elif variabele.veld == "verzameld_op":
        try:
            waarde = date.fromisoformat(tekst[:10])
        except ValueError:
            waarde = None
    elif variabele.veld == "wijk":
        waarde = Wijk.objects.filter(naam__iexact=tekst).first()
    elif variabele.veld == "project":
        waarde = Project.objects.filter(titel__iexact=tekst).order_by("pk").first()
    elif variabele.veld == "werkteam":
        waarde = Werkteam.objects.filter(naam__iexact=tekst).order_by("pk").first()
    elif variabele.veld == "trefwoorden":
        waarde = [woord.strip() for woord in tekst.split(";") if woord.strip()]
    else:
        waarde = tekst[:60] if variabele.veld == "pseudoniem" else tekst
    return None if waarde in (None, []) else (variabele.veld, waarde)

"""An advice as plain data (JSON) and as Markdown: the same live quotes as its
public page (adviezen/selectors.py), so a fallen-away quote is absent here too."""


def gegevens(advies, aanbevelingen) -> dict:
    return {
        "titel": advies.titel,
        "adres": advies.get_absolute_url(),
        "status": advies.get_status_display(),
        "aangeboden_op": advies.aangeboden_op.isoformat() if advies.aangeboden_op else None,
        "aangeboden_aan": advies.aangeboden_aan,
        "themas": [thema.name for thema in advies.themas.all()],
        "inleiding": advies.inleiding,
        "aanbevelingen": [
            {
                "nummer": onderbouwing.nummer,
                "tekst": onderbouwing.aanbeveling.tekst,
                "basis": {
                    "passages": onderbouwing.basis.passages,
                    "verhalen": onderbouwing.basis.verhalen,
                    "vertellers": onderbouwing.basis.soorten,
                    "dun": onderbouwing.basis.dun,
                },
                "citaten": [
                    {"tekst": passage.tekst, "verteller": passage.verteller}
                    for passage in onderbouwing.passages
                    if not passage.vervallen
                ],
                "antwoord": _antwoord(onderbouwing.antwoord),
            }
            for onderbouwing in aanbevelingen
        ],
    }


def _antwoord(antwoord):
    if antwoord is None:
        return None
    return {
        "oordeel": antwoord.get_oordeel_display(),
        "tekst": antwoord.tekst,
        "datum": antwoord.datum.isoformat(),
    }


def markdown(gegevens: dict) -> str:
    regels = [f"# {gegevens['titel']}", ""]
    if gegevens["aangeboden_op"]:
        wanneer = gegevens["aangeboden_op"]
        regels += [f"Aangeboden op {wanneer} aan {gegevens['aangeboden_aan']}.", ""]
    if gegevens["themas"]:
        regels += [f"Thema's: {', '.join(gegevens['themas'])}", ""]
    regels += [gegevens["inleiding"], "", "## Aanbevelingen", ""]
    for aanbeveling in gegevens["aanbevelingen"]:
        basis = aanbeveling["basis"]
        regels += [f"### Aanbeveling {aanbeveling['nummer']}", "", aanbeveling["tekst"], ""]
        regels += [
            f"Onderbouwing: {basis['passages']} stukken tekst uit {basis['verhalen']} "
            f"verhalen ({', '.join(basis['vertellers']) or 'geen vertellers'})"
            + (" — dunne onderbouwing." if basis["dun"] else "."),
            "",
        ]
        for citaat in aanbeveling["citaten"]:
            regels += [f"> {regel}".rstrip() for regel in citaat["tekst"].splitlines()]
            regels += [f"> — {citaat['verteller']}", ""]
        if aanbeveling["antwoord"]:
            antwoord = aanbeveling["antwoord"]
            regels += [
                f"Antwoord van de gemeente ({antwoord['datum']}): {antwoord['oordeel']}.",
                "",
                antwoord["tekst"],
                "",
            ]
    return "\n".join(regels)

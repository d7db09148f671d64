"""schema.org ResearchProject for a project page, as JSON-LD for search engines."""

import json

from django.utils.safestring import mark_safe

# json.dumps does not escape these; inside <script> they could end the element.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _organisatie(organisatie):
    data = {"@type": "Organization", "name": organisatie.naam}
    if organisatie.website:
        data["url"] = organisatie.website
    return data


def research_project(project, *, url):
    """The schema.org ResearchProject as a dict; use with prefetched partners, wijken, themes."""
    data = {
        "@context": "https://schema.org",
        "@type": "ResearchProject",
        "name": project.titel,
        "description": project.samenvatting,
        "url": url,
        "inLanguage": "nl",
        "parentOrganization": {"@type": "Organization", "name": "CARE lab Rotterdam"},
    }
    if project.financier:
        data["funder"] = _organisatie(project.financier)
    partners = [_organisatie(partner.organisatie) for partner in project.partnerschappen.all()]
    if partners:
        data["member"] = partners
    wijken = [
        {"@type": "Place", "name": f"{wijk.naam}, Rotterdam", "identifier": wijk.cbs_wijkcode}
        for wijk in project.wijken.all()
    ]
    if wijken:
        data["areaServed"] = wijken
    themas = [thema.name for thema in project.themas_lijst]
    if themas:
        data["keywords"] = ", ".join(themas)
    return data


def als_script(data):
    """JSON for inside <script type="application/ld+json">, safe against '</script>'."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES))

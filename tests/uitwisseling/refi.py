"""Helpers for the REFI-QDA tests: the standard's schemas and a .qdpx opened."""

import io
import zipfile
from functools import cache
from pathlib import Path

from lxml import etree

SCHEMAS = Path(__file__).resolve().parents[2] / "uitwisseling" / "schemas"
NS = {"q": "urn:QDA-XML:project:1.0", "c": "urn:QDA-XML:codebook:1.0"}


@cache
def schema(naam):
    return etree.XMLSchema(etree.parse(str(SCHEMAS / naam)))


def valideer(inhoud: bytes, naam: str):
    """The parsed document; fails the test with the schema's messages when invalid."""
    document = etree.fromstring(inhoud)
    xsd = schema(naam)
    assert xsd.validate(document), [str(fout) for fout in xsd.error_log]
    return document


def open_qdpx(inhoud: bytes):
    """(project root, {path in the zip: bytes})"""
    with zipfile.ZipFile(io.BytesIO(inhoud)) as archief:
        bestanden = {naam: archief.read(naam) for naam in archief.namelist()}
    return valideer(bestanden["project.qde"], "Project.xsd"), bestanden


def bron_tekst(bestanden, bron):
    pad = bron.get("plainTextPath").removeprefix("internal://")
    return bestanden[f"sources/{pad}"].decode("utf-8")

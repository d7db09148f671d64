"""Uploads: the check on what comes in (kind, size, content), the download
view that serves it safely, and rules over every file field of every model,
so a new upload field without checks — or any file attached to a story under
a public URL — fails the suite."""

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.urls import reverse

from tests.voorbeeldbestanden import NEPBESTANDEN, inhoud
from toolkit import uploads

ALLES = uploads.BestandsControle(list(uploads.CONTENT_TYPES), max_mb=1)


def upload(naam, data):
    """A new upload as a model's validator sees it (a FieldFile, not yet stored)."""
    veld = models.FileField(upload_to="proef/")
    veld.set_attributes_from_name("bestand")
    bestand = veld.attr_class(None, veld, naam)
    bestand.file = SimpleUploadedFile(naam, data)
    bestand._committed = False
    return bestand


# --- what comes in ------------------------------------------------------------------


@pytest.mark.parametrize("extensie", sorted(uploads.CONTENT_TYPES))
def test_a_genuine_file_of_each_kind_is_accepted(extensie):
    ALLES(upload(f"bestand.{extensie}", inhoud(extensie)))


@pytest.mark.parametrize("extensie", ["PDF", "Png"])
def test_the_extension_may_be_in_capitals(extensie):
    ALLES(upload(f"bestand.{extensie}", inhoud(extensie.lower())))


@pytest.mark.parametrize(("naam", "data"), NEPBESTANDEN, ids=[n for n, _ in NEPBESTANDEN])
def test_a_file_that_lies_about_its_kind_is_refused(naam, data):
    with pytest.raises(ValidationError) as fout:
        ALLES(upload(naam, data))

    extensie = naam.rsplit(".", 1)[1]
    assert fout.value.code == "inhoud"
    assert fout.value.messages == [
        f"De inhoud van dit bestand past niet bij de naam: het is geen echt {extensie}-bestand. "
        f"Sla het opnieuw op als {extensie} en probeer het nog eens."
    ]


@pytest.mark.parametrize(
    "naam", ["pagina.html", "tekening.svg", "script.js", "rapport.pdf.html", "geen-extensie"]
)
def test_a_kind_we_do_not_accept_is_refused_by_its_name(naam):
    controle = uploads.BestandsControle(["pdf", "docx", "odt"], max_mb=1)
    with pytest.raises(ValidationError) as fout:
        controle(upload(naam, inhoud("pdf")))
    assert fout.value.code == "soort"
    assert fout.value.messages == [
        "Dit soort bestand kan hier niet. Kies een bestand van het soort pdf, docx of odt."
    ]


def test_a_file_over_the_limit_is_refused_with_its_size():
    te_groot = inhoud("pdf") + b"0" * (1024 * 1024)
    with pytest.raises(ValidationError) as fout:
        ALLES(upload("rapport.pdf", te_groot))
    assert fout.value.code == "te_groot"
    assert fout.value.messages == [
        "Dit bestand is te groot (1,0 MB). Een bestand mag hoogstens 1 MB zijn."
    ]


def test_a_file_of_exactly_the_limit_is_accepted():
    precies = inhoud("pdf").ljust(1024 * 1024, b"0")
    ALLES(upload("rapport.pdf", precies))


def test_the_check_leaves_the_file_ready_to_be_saved():
    bestand = upload("rapport.pdf", inhoud("pdf"))
    ALLES(bestand)
    assert bestand.file.read() == inhoud("pdf")


def test_a_stored_file_is_not_read_again():
    """Editing a record with a stored file works even when storage is slow or elsewhere."""
    veld = models.FileField(upload_to="proef/")
    opgeslagen = veld.attr_class(None, veld, "proef/bestaat-niet.pdf")
    ALLES(opgeslagen)  # no FileNotFoundError


# --- every file field of every model ------------------------------------------------


def bestandsvelden(app_label=None):
    configs = [apps.get_app_config(app_label)] if app_label else apps.get_app_configs()
    return [
        (model, veld)
        for config in configs
        for model in config.get_models(include_auto_created=True)
        for veld in model._meta.get_fields()
        if isinstance(veld, models.FileField)
    ]


def test_the_project_has_the_upload_fields_we_know_of():
    assert {f"{m._meta.label}.{v.name}" for m, v in bestandsvelden()} == {
        "projecten.Publicatie.bestand",
        "kenniscafes.Bijlage.bestand",
    }


@pytest.mark.parametrize(
    ("model", "veld"), bestandsvelden(), ids=lambda x: getattr(x, "name", str(x))
)
def test_every_upload_field_checks_kind_size_and_content(model, veld):
    controles = [v for v in veld.validators if isinstance(v, uploads.BestandsControle)]
    assert controles, f"{model._meta.label}.{veld.name} heeft geen BestandsControle"
    assert controles[0].max_mb <= 20


@pytest.mark.parametrize(
    ("model", "veld"), bestandsvelden(), ids=lambda x: getattr(x, "name", str(x))
)
def test_every_upload_field_is_served_by_the_checked_download_view(model, veld):
    """Its folder has a source registered, so /bestanden/… decides who may see it."""
    assert isinstance(veld.upload_to, str)
    map_ = veld.upload_to.split("/", 1)[0]
    assert map_ in uploads._BRONNEN, f"{model._meta.label}.{veld.name}: geen bron voor {map_}/"
    assert veld.storage is default_storage


def heeft_openbare_url(veld):
    """Whether files of `veld` would get a URL anyone could open: the default storage
    (MEDIA_URL), or any storage that hands out URLs at all."""
    if veld.storage is default_storage:
        return True
    try:
        veld.storage.url("proef")
    except (NotImplementedError, ValueError):
        return False
    return True


def test_nothing_attached_to_a_story_is_under_a_public_url():
    """Stories, fragments, collections, reflections, their history and tag tables:
    a file field there needs a private storage without URLs (and a download view
    that checks `Verhaal.objects.zichtbaar_voor`). Today there is none."""
    openbaar = [
        f"{model._meta.label}.{veld.name}"
        for model, veld in bestandsvelden("verhalen")
        if heeft_openbare_url(veld)
    ]
    assert openbaar == []


def test_the_story_rule_would_catch_a_careless_file_field():
    onvoorzichtig = models.FileField(upload_to="verhalen/")
    assert heeft_openbare_url(onvoorzichtig)


def test_media_is_only_reachable_through_the_download_view(settings):
    assert settings.MEDIA_URL == "/bestanden/"
    assert reverse("bestand", args=["publicaties/x.pdf"]) == "/bestanden/publicaties/x.pdf"

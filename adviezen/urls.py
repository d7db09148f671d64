"""Advice of the Brede Raad 010: /adviezen/… (namespace "adviezen")."""

from django.urls import path

from . import views

app_name = "adviezen"

urlpatterns = [
    path("adviezen/", views.advies_list, name="list"),
    path("adviezen/nieuw/", views.advies_nieuw, name="nieuw"),
    path("adviezen/<slug:slug>/", views.advies_detail, name="detail"),
    path("adviezen/<slug:slug>/advies.pdf", views.advies_pdf, name="pdf"),
    path("adviezen/<slug:slug>/export.json", views.advies_export, {"formaat": "json"}, name="json"),
    path("adviezen/<slug:slug>/export.md", views.advies_export, {"formaat": "md"}, name="md"),
    path("adviezen/<slug:slug>/werkruimte/", views.werkruimte, name="werkruimte"),
    path("adviezen/<slug:slug>/bewerken/", views.advies_bewerken, name="bewerken"),
    path("adviezen/<slug:slug>/status/", views.status, name="status"),
    path("adviezen/<slug:slug>/opmerkingen/", views.opmerking_nieuw, name="opmerking_nieuw"),
    path("adviezen/<slug:slug>/antwoorden/", views.antwoorden, name="antwoorden"),
    path("adviezen/<slug:slug>/aanbevelingen/", views.aanbeveling_nieuw, name="aanbeveling_nieuw"),
    path("adviezen/<slug:slug>/aanbevelingen/<int:pk>/", views.aanbeveling, name="aanbeveling"),
    path(
        "adviezen/<slug:slug>/aanbevelingen/<int:pk>/verwijderen/",
        views.aanbeveling_verwijderen,
        name="aanbeveling_verwijderen",
    ),
    path(
        "adviezen/<slug:slug>/citaten/<int:pk>/weghalen/",
        views.citaat_weghalen,
        name="citaat_weghalen",
    ),
]

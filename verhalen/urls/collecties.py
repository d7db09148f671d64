"""Themed collections and reflections: /collecties/… (namespace "collecties")."""

from django.urls import path

from verhalen.views import collecties as views

app_name = "collecties"

urlpatterns = [
    path("collecties/", views.collectie_list, name="list"),
    path("collecties/nieuw/", views.collectie_nieuw, name="nieuw"),
    path("collecties/toevoegen/", views.voeg_toe, name="voeg_toe"),
    path("collecties/tekstgrootte/", views.tekstgrootte, name="tekstgrootte"),
    path(
        "collecties/mijn-reflecties.md",
        views.eigen_reflecties_export,
        {"formaat": "md"},
        name="eigen_reflecties_md",
    ),
    path(
        "collecties/mijn-reflecties.json",
        views.eigen_reflecties_export,
        {"formaat": "json"},
        name="eigen_reflecties_json",
    ),
    path("collecties/<slug:slug>/", views.collectie_detail, name="detail"),
    path("collecties/<slug:slug>/bewerken/", views.collectie_bewerken, name="bewerken"),
    path("collecties/<slug:slug>/publiceren/", views.collectie_publiceren, name="publiceren"),
    path("collecties/<slug:slug>/verwijderen/", views.collectie_verwijderen, name="verwijderen"),
    path("collecties/<slug:slug>/toevoegen/", views.voeg_toe_snel, name="voeg_toe_snel"),
    path(
        "collecties/<slug:slug>/export.json",
        views.collectie_export,
        {"formaat": "json"},
        name="export_json",
    ),
    path(
        "collecties/<slug:slug>/export.md",
        views.collectie_export,
        {"formaat": "md"},
        name="export_md",
    ),
    path(
        "collecties/<slug:slug>/verhalen/<int:pk>/",
        views.item_bewerken,
        name="item_bewerken",
    ),
    path(
        "collecties/<slug:slug>/verhalen/<int:pk>/verplaatsen/",
        views.item_verplaatsen,
        name="item_verplaatsen",
    ),
    path(
        "collecties/<slug:slug>/verhalen/<int:pk>/weghalen/",
        views.item_verwijderen,
        name="item_verwijderen",
    ),
    path(
        "collecties/<slug:slug>/reflecties/",
        views.reflectie_nieuw,
        name="reflectie_nieuw",
    ),
    path(
        "collecties/<slug:slug>/reflecties/<int:pk>/bewerken/",
        views.reflectie_bewerken,
        name="reflectie_bewerken",
    ),
    path(
        "collecties/<slug:slug>/reflecties/<int:pk>/verwijderen/",
        views.reflectie_verwijderen,
        name="reflectie_verwijderen",
    ),
]

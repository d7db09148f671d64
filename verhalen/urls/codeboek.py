"""Codebook and coding: /codeboek/… and the fragments of a story (namespace "codeboek")."""

from django.urls import path

from verhalen.views import codering as views
from verhalen.views import rondes, werkruimte

RONDEVERHAAL = "codeboek/rondes/<int:pk>/verhalen/<int:verhaal_pk>/"
RONDECODERING = RONDEVERHAAL + "coderingen/<int:codering_pk>/"

app_name = "codeboek"

urlpatterns = [
    path(
        "verhalen/<int:verhaal_pk>/fragmenten/nieuw/",
        views.fragment_nieuw,
        name="fragment_nieuw",
    ),
    path(
        "verhalen/<int:verhaal_pk>/fragmenten/<int:pk>/bewerken/",
        views.fragment_bewerken,
        name="fragment_bewerken",
    ),
    path(
        "verhalen/<int:verhaal_pk>/fragmenten/<int:pk>/verwijderen/",
        views.fragment_verwijderen,
        name="fragment_verwijderen",
    ),
    path(
        "verhalen/<int:verhaal_pk>/fragmenten/terugzetten/<int:history_id>/",
        views.fragment_terugzetten,
        name="fragment_terugzetten",
    ),
    # The coding workspace's JSON endpoints (no page reload).
    path(
        "verhalen/<int:verhaal_pk>/fragmenten/nieuw.json",
        werkruimte.fragment_nieuw,
        name="fragment_nieuw_json",
    ),
    path(
        "verhalen/<int:verhaal_pk>/fragmenten/<int:pk>/bewerken.json",
        werkruimte.fragment_bewerken,
        name="fragment_bewerken_json",
    ),
    path(
        "verhalen/<int:verhaal_pk>/fragmenten/<int:pk>/verwijderen.json",
        werkruimte.fragment_verwijderen,
        name="fragment_verwijderen_json",
    ),
    path("codeboek/nieuw.json", werkruimte.code_nieuw, name="nieuw_json"),
    # Coding rounds: blind double-coding, agreement, settling (views/rondes.py).
    path("codeboek/rondes/", rondes.lijst, name="rondes"),
    path("codeboek/rondes/nieuw/", rondes.nieuw, name="ronde_nieuw"),
    path("codeboek/rondes/<int:pk>/", rondes.detail, name="ronde"),
    path("codeboek/rondes/<int:pk>/sluiten/", rondes.sluiten, name="ronde_sluiten"),
    path(
        "codeboek/rondes/<int:pk>/betrouwbaarheid.csv",
        rondes.betrouwbaarheid_csv,
        name="ronde_csv",
    ),
    path("codeboek/rondes/<int:pk>/verschillen/", rondes.verschillen, name="ronde_verschillen"),
    path("codeboek/rondes/<int:pk>/afronden/", rondes.afronden, name="ronde_afronden"),
    path(RONDEVERHAAL, rondes.ronde_verhaal, name="ronde_verhaal"),
    path(RONDEVERHAAL + "klaar/", rondes.klaar, name="ronde_klaar"),
    path(
        RONDEVERHAAL + "coderingen/nieuw.json",
        rondes.codering_nieuw_json,
        name="ronde_codering_nieuw_json",
    ),
    path(RONDECODERING + "bewerken/", rondes.codering_bewerken, name="ronde_codering_bewerken"),
    path(
        RONDECODERING + "bewerken.json",
        rondes.codering_bewerken_json,
        name="ronde_codering_bewerken_json",
    ),
    path(
        RONDECODERING + "verwijderen/",
        rondes.codering_verwijderen,
        name="ronde_codering_verwijderen",
    ),
    path(
        RONDECODERING + "verwijderen.json",
        rondes.codering_verwijderen_json,
        name="ronde_codering_verwijderen_json",
    ),
    path("codeboek/mijn-coderingen/", views.mijn_coderingen, name="mijn_coderingen"),
    path("codeboek/", views.index, name="index"),
    path("codeboek/kleuren.css", views.kleuren, name="kleuren"),
    path("codeboek/nieuw/", views.code_nieuw, name="nieuw"),
    path("codeboek/geschiedenis/", views.geschiedenis, name="geschiedenis"),
    path("codeboek/matrix/", views.matrix, name="matrix"),
    path("codeboek/matrix/export.csv", views.matrix, {"als_csv": True}, name="matrix_export"),
    path("codeboek/samenhang/", views.samenhang, name="samenhang"),
    path(
        "codeboek/samenhang/export.csv",
        views.samenhang,
        {"als_csv": True},
        name="samenhang_export",
    ),
    path("codeboek/<str:slug>/", views.code_detail, name="detail"),
    path("codeboek/<str:slug>/export.csv", views.code_export, name="export"),
    path("codeboek/<str:slug>/bewerken/", views.code_bewerken, name="bewerken"),
    path("codeboek/<str:slug>/verplaatsen/", views.code_verplaatsen, name="verplaatsen"),
    path("codeboek/<str:slug>/samenvoegen/", views.code_samenvoegen, name="samenvoegen"),
]

"""Stories: /verhalen/… (namespace "verhalen")."""

from django.urls import path

from verhalen.views import kenmerken, verzamelen, wachtrij
from verhalen.views import verhalen as views
from verhalen.views.importeren import verhaal_importeren
from verhalen.views.selectie import aan_collectie, kenmerk_zetten

app_name = "verhalen"

urlpatterns = [
    path("verhalen/", views.verhaal_list, name="list"),
    path("verhalen/nieuw/", views.verhaal_create, name="create"),
    path("verhalen/importeren/", verhaal_importeren, name="importeren"),
    path("verhalen/aan-collectie/", aan_collectie, name="aan_collectie"),
    path("verhalen/kenmerk-zetten/", kenmerk_zetten, name="kenmerk_zetten"),
    path("verhalen/kenmerken/", kenmerken.kenmerk_list, name="kenmerken"),
    path("verhalen/kenmerken/nieuw/", kenmerken.kenmerk_nieuw, name="kenmerk_nieuw"),
    path(
        "verhalen/kenmerken/<slug:slug>/bewerken/",
        kenmerken.kenmerk_bewerken,
        name="kenmerk_bewerken",
    ),
    path("verhalen/export.csv", views.export_csv, name="export_csv"),
    path("verhalen/export.json", views.export_json, name="export_json"),
    path("verhalen/ingetrokken/", views.ingetrokken_list, name="ingetrokken"),
    # The review queue (researchers) and a collector's own pages.
    path("verhalen/wachtrij/", wachtrij.wachtrij, name="wachtrij"),
    path("verhalen/wachtrij/<int:pk>/", wachtrij.beoordelen, name="beoordelen"),
    path("verhalen/wachtrij/<int:pk>/terugsturen/", wachtrij.terugsturen, name="terugsturen"),
    path("verhalen/wachtrij/<int:pk>/weggooien/", wachtrij.weggooien, name="weggooien"),
    path("verzamelen/", verzamelen.verzamelen, name="verzamelen"),
    path("verzamelen/nieuw/", verzamelen.verzamelen_nieuw, name="verzamelen_nieuw"),
    path("verzamelen/<int:pk>/", verzamelen.verzamelen_detail, name="verzamelen_detail"),
    path(
        "verzamelen/<int:pk>/aanpassen/",
        verzamelen.verzamelen_aanpassen,
        name="verzamelen_aanpassen",
    ),
    path("verhalen/<int:pk>/", views.verhaal_detail, name="detail"),
    path("verhalen/<int:pk>/bewerken/", views.verhaal_update, name="update"),
    path("verhalen/<int:pk>/geschiedenis/", views.verhaal_geschiedenis, name="geschiedenis"),
    path(
        "verhalen/<int:pk>/geschiedenis/<int:history_id>/herstellen/",
        views.verhaal_herstel,
        name="herstel",
    ),
    path("verhalen/<int:pk>/intrekken/", views.verhaal_intrekken, name="intrekken"),
    path("verhalen/<int:pk>/wissen/", views.verhaal_wissen, name="wissen"),
]

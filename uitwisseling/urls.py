"""REFI-QDA exchange: /uitwisseling/… (namespace "uitwisseling")."""

from django.urls import path

from uitwisseling import views

app_name = "uitwisseling"

urlpatterns = [
    path("export.qdpx", views.export_qdpx, name="export_qdpx"),
    path("codeboek.qdc", views.codeboek_qdc, name="codeboek_qdc"),
    path("importeren/", views.importeren, name="importeren"),
    path("importeren/bevestigen/", views.importeren_bevestigen, name="importeren_bevestigen"),
]

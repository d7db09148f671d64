from django.urls import path

from . import views

app_name = "tweestaps"
urlpatterns = [
    path("", views.status, name="status"),
    path("controleren/", views.controleren, name="controleren"),
    path("instellen/", views.instellen, name="instellen"),
    path("reservecodes/", views.reservecodes, name="reservecodes"),
    path("reservecodes/download/", views.reservecodes_download, name="reservecodes_download"),
    path("uitzetten/", views.uitzetten, name="uitzetten"),
]

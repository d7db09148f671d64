"""Memos: /memos/… (namespace "memos")."""

from django.urls import path

from verhalen.views import memos as views

app_name = "memos"

urlpatterns = [
    path("memos/", views.memo_list, name="list"),
    path("memos/nieuw/", views.memo_nieuw, name="nieuw"),
    path("memos/export.csv", views.memo_export, name="export"),
    path("memos/<int:pk>/", views.memo_detail, name="detail"),
    path("memos/<int:pk>/bewerken/", views.memo_bewerken, name="bewerken"),
    path("memos/<int:pk>/verwijderen/", views.memo_verwijderen, name="verwijderen"),
]

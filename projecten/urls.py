"""Public pages of the werkplaats, all in the namespace "projecten":

/projecten/                 projecten:list
/projecten/<slug>/          projecten:detail
/werkteams/                 projecten:werkteam_list
/werkteams/<slug>/          projecten:werkteam_detail
/publicaties/               projecten:publicatie_list
/publicaties/<slug>/        projecten:publicatie_detail
"""

from django.urls import path

from . import views

app_name = "projecten"

urlpatterns = [
    path("projecten/", views.ProjectListView.as_view(), name="list"),
    path("projecten/<slug:slug>/", views.ProjectDetailView.as_view(), name="detail"),
    path("werkteams/", views.WerkteamListView.as_view(), name="werkteam_list"),
    path("werkteams/<slug:slug>/", views.WerkteamDetailView.as_view(), name="werkteam_detail"),
    path("publicaties/", views.PublicatieListView.as_view(), name="publicatie_list"),
    path(
        "publicaties/<slug:slug>/",
        views.PublicatieDetailView.as_view(),
        name="publicatie_detail",
    ),
]

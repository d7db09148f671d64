"""The home page, the start page after login (/voor-jou/) and the theme pages (/themas/)."""

from django.urls import include, path

from . import views

thema_patterns = (
    [
        path("", views.thema_list, name="list"),
        path("<slug:slug>/", views.thema_detail, name="detail"),
    ],
    "themas",
)

urlpatterns = [
    path("", views.home, name="home"),
    path("voor-jou/", views.voor_jou, name="voor_jou"),
    path("themas/", include(thema_patterns)),
]

"""The home page and the theme pages (/themas/)."""

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
    path("themas/", include(thema_patterns)),
]

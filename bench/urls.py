"""The site's URLs plus the benchmark's floor (only with bench.settings)."""

from django.urls import include, path

from . import views

urlpatterns = [
    path("bench/vloer/", views.vloer, name="bench-vloer"),
    path("", include("carelab.urls")),
]

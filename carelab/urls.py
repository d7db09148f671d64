from django.contrib import admin
from django.urls import include, path

from toolkit import uploads, views

admin.site.site_header = "CARE lab Verhalenbank — beheer"
admin.site.site_title = "Verhalenbank beheer"
admin.site.index_title = "Beheer van de Verhalenbank"

# The error pages render without the request's user, session or database
# (toolkit/foutpaginas.py). A database that cannot be reached gives the Dutch
# 503 page, also when the error comes from a middleware; anything else 500.html.
handler400 = "toolkit.foutpaginas.bad_request"
handler403 = "toolkit.foutpaginas.permission_denied"
handler404 = "toolkit.foutpaginas.page_not_found"
handler500 = "toolkit.foutpaginas.server_error"

urlpatterns = [
    path("", include("kennisagenda.urls")),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("accounts/", include("accounts.urls")),
    path("admin/", admin.site.urls),
    path("", include("projecten.urls")),
    path("", include("kenniscafes.urls")),
    path("", include("verhalen.urls.verhalen")),
    path("", include("verhalen.urls.codeboek")),
    path("", include("verhalen.urls.collecties")),
    path("", include("verhalen.urls.memos")),
    path("uitwisseling/", include("uitwisseling.urls")),
    path("", include("vertellers.urls")),
    # A teller sends in their own story (public).
    path("", include("vertellers.urls_inzenden")),
    path("", include("adviezen.urls")),
    # Uploaded files (MEDIA_URL), also in development: always through this view.
    path("bestanden/<path:naam>", uploads.bestand, name="bestand"),
]

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import uploads, views
from .sessie_views import sessie_patterns

admin.site.site_header = "CARE lab Verhalenbank — beheer"
admin.site.site_title = "Verhalenbank beheer"
admin.site.index_title = "Beheer van de Verhalenbank"

thema_patterns = (
    [
        path("", views.thema_list, name="list"),
        path("<slug:slug>/", views.thema_detail, name="detail"),
    ],
    "themas",
)

# The error pages render without the request's user, session or database
# (carelab/foutpaginas.py). A database that cannot be reached gives the Dutch
# 503 page, also when the error comes from a middleware; anything else 500.html.
handler400 = "carelab.foutpaginas.bad_request"
handler403 = "carelab.foutpaginas.permission_denied"
handler404 = "carelab.foutpaginas.page_not_found"
handler500 = "carelab.foutpaginas.server_error"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("themas/", include(thema_patterns)),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/wachtwoord-vergeten/",
        auth_views.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "accounts/wachtwoord-vergeten/verstuurd/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/herstel/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/herstel/klaar/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("accounts/tweestaps/", include("carelab.tweestaps.urls")),
    # Staying logged in; input kept from an ended session (carelab/sessieduur.py).
    path("accounts/sessie/", include(sessie_patterns)),
    path("admin/", admin.site.urls),
    path("", include("projecten.urls")),
    path("", include("kenniscafes.urls")),
    path("", include("verhalen.urls")),
    path("", include("verhalen.urls_codeboek")),
    path("", include("verhalen.urls_collecties")),
    path("", include("verhalen.urls_memos")),
    # Uploaded files (MEDIA_URL), also in development: always through this view.
    path("bestanden/<path:naam>", uploads.bestand, name="bestand"),
]

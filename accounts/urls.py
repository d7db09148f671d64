"""Under /accounts/: logging in and out, a forgotten password, the second
step (tweestaps/) and staying logged in (sessie/)."""

from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import views

sessie_patterns = (
    [
        path("verlengen/", views.verlengen, name="verlengen"),
        path("bewaard/", views.bewaard, name="bewaard"),
    ],
    "sessie",
)

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "wachtwoord-vergeten/",
        auth_views.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "wachtwoord-vergeten/verstuurd/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "herstel/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "herstel/klaar/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("tweestaps/", include("accounts.tweestaps.urls")),
    # Staying logged in; input kept from an ended session (accounts/sessieduur.py).
    path("sessie/", include(sessie_patterns)),
]

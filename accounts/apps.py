from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Logging in: the password, the second step (tweestaps/) and session expiry."""

    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from . import sessieduur

        user_logged_in.connect(sessieduur.start_sessie, dispatch_uid="carelab.sessieduur")

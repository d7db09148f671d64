"""Django's password validators with our own Dutch texts.

Django's Dutch translation addresses the user with "u" ("Uw wachtwoord ...") and
leaves some messages in English. The site speaks to people with "je" in plain
language (B1), so these subclasses keep Django's checks and only replace the
help texts (shown on the "new password" form) and the error messages.
"""

from django.contrib.auth import password_validation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class UserAttributeSimilarityValidator(password_validation.UserAttributeSimilarityValidator):
    def get_error_message(self):
        return _("Je wachtwoord lijkt te veel op je %(verbose_name)s. Kies een ander wachtwoord.")

    def get_help_text(self):
        return _("Je wachtwoord mag niet te veel lijken op je naam of e-mailadres.")


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self):
        return ngettext(
            "Dit wachtwoord is te kort. Gebruik minstens %(min_length)d teken.",
            "Dit wachtwoord is te kort. Gebruik minstens %(min_length)d tekens.",
            self.min_length,
        ) % {"min_length": self.min_length}

    def get_help_text(self):
        return ngettext(
            "Je wachtwoord heeft minstens %(min_length)d teken.",
            "Je wachtwoord heeft minstens %(min_length)d tekens.",
            self.min_length,
        ) % {"min_length": self.min_length}


class CommonPasswordValidator(password_validation.CommonPasswordValidator):
    def get_error_message(self):
        return _("Dit wachtwoord gebruiken veel mensen. Kies een ander wachtwoord.")

    def get_help_text(self):
        return _("Kies geen wachtwoord dat veel mensen gebruiken.")


class NumericPasswordValidator(password_validation.NumericPasswordValidator):
    def get_error_message(self):
        return _("Dit wachtwoord heeft alleen cijfers. Gebruik ook letters.")

    def get_help_text(self):
        return _("Gebruik niet alleen cijfers.")

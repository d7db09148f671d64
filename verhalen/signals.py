"""Signals the verhalen app sends for other apps to hook into.

`verhaal_gewist` is sent by `services.verhalen.wis_verhaal` inside its
transaction, after the story's own content is gone, with `verhaal` (the erased
story). Apps that keep personal data about a story's teller elsewhere (the
contact details in `vertellers`) erase it in a receiver, so verhalen never
imports them; a receiver that fails rolls the whole erasure back.
"""

from django.dispatch import Signal

verhaal_gewist = Signal()

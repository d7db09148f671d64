from django.urls import path, re_path

from vertellers.views import bewijs, verteller

app_name = "vertellers"

urlpatterns = [
    # Researchers: the receipt and the teller's contact details of one story.
    path("verhalen/<int:pk>/toestemmingsbewijs/", bewijs.bewijs, name="bewijs"),
    path("verhalen/<int:pk>/toestemmingsbewijs/pdf/", bewijs.bewijs_pdf, name="bewijs_pdf"),
    path(
        "verhalen/<int:pk>/toestemmingsbewijs/mailen/", bewijs.bewijs_mailen, name="bewijs_mailen"
    ),
    path("verhalen/<int:pk>/contactgegevens/", bewijs.contactgegevens, name="contactgegevens"),
    # The teller's own page (no account; the personal code).
    path("mijn-verhaal/", verteller.start, name="start"),
    path("mijn-verhaal/verhaal/", verteller.verhaal_pagina, name="verhaal"),
    path("mijn-verhaal/betekenis/", verteller.betekenis, name="betekenis"),
    path("mijn-verhaal/toestemming/", verteller.toestemming, name="toestemming"),
    path("mijn-verhaal/toestemming/bewijs/", verteller.wijziging, name="wijziging"),
    path("mijn-verhaal/wissen/", verteller.wissen, name="wissen"),
    path("mijn-verhaal/afsluiten/", verteller.afsluiten, name="afsluiten"),
    re_path(r"^mijn-verhaal/(?P<code>[0-9A-Za-z-]{20,40})/$", verteller.link, name="link"),
]

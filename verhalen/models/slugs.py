"""The paths of the site's own pages under /collecties/ and /codeboek/: no
collection and no code may take one of them as its slug. One set for both
(a code named "toevoegen" simply gets "toevoegen-2")."""

GERESERVEERDE_SLUGS = frozenset(
    {
        # /collecties/<...>/
        "nieuw",
        "toevoegen",
        "tekstgrootte",
        # /codeboek/<...>/
        "matrix",
        "samenhang",
        "geschiedenis",
        "export",
        "rondes",
        "mijn-coderingen",
    }
)

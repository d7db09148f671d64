"""Plain Dutch (B1) for the teller: what each consent level means."""

from verhalen.models import Toestemming

TOESTEMMING_KORT = {
    Toestemming.OPENBAAR: "Iedereen mag mijn verhaal lezen",
    Toestemming.BREDE_RAAD: "De onderzoekers en de Brede Raad 010 mogen mijn verhaal lezen",
    Toestemming.ONDERZOEK: "Alleen de onderzoekers mogen mijn verhaal lezen",
    Toestemming.INGETROKKEN: "Niemand mag mijn verhaal nog gebruiken",
}

TOESTEMMING_UITLEG = {
    Toestemming.OPENBAAR: (
        "Iedereen mag uw verhaal lezen. Het kan op de website van de Verhalenbank staan, "
        "in een verzameling van verhalen over een thema."
    ),
    Toestemming.BREDE_RAAD: (
        "De onderzoekers van CARE lab mogen uw verhaal lezen. De leden van de Brede Raad 010 "
        "mogen het ook lezen. Dat zijn Rotterdammers die meedenken met de gemeente. "
        "Andere mensen zien uw verhaal niet."
    ),
    Toestemming.ONDERZOEK: (
        "Alleen de onderzoekers van CARE lab mogen uw verhaal lezen. Zij gebruiken het voor "
        "hun onderzoek. Niemand anders ziet het."
    ),
    Toestemming.INGETROKKEN: (
        "Niemand mag uw verhaal nog gebruiken. Het verdwijnt meteen overal. Het staat nog wel "
        "bij ons, tot u vraagt om het te wissen."
    ),
}

import io
import logging
import logging.config

from django.conf import settings
from django.test import Client

from carelab import settings as productie
from vertellers.logboek import VerbergCodes


def test_a_code_in_a_logged_path_is_replaced():
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "%s: %s",
        ("Method Not Allowed", "/mijn-verhaal/ABCD-EFGH-JKMN-PQRS-TVWX/"), None,
    )  # fmt: skip

    assert VerbergCodes().filter(record) is True
    assert record.getMessage() == "Method Not Allowed: /mijn-verhaal/[code]/"


def test_production_logging_hides_the_code_of_a_refused_request(db):
    """The production LOGGING (not the test settings') on a real refused request."""
    uitvoer = io.StringIO()
    config = {
        **productie.LOGGING,
        "handlers": {"console": {**productie.LOGGING["handlers"]["console"], "stream": uitvoer}},
    }
    logging.config.dictConfig(config)
    try:
        Client().post("/mijn-verhaal/ABCD-EFGH-JKMN-PQRS-TVWX/", {})
    finally:
        logging.config.dictConfig(settings.LOGGING)

    assert "Method Not Allowed (POST): /mijn-verhaal/[code]/" in uitvoer.getvalue()
    assert "ABCD-EFGH" not in uitvoer.getvalue()

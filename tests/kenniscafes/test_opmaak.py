import datetime

import pytest

from kenniscafes.opmaak import datum_en_tijd

from .factories import amsterdam


@pytest.mark.parametrize(
    ("start", "eind", "tijd_bekend", "verwacht"),
    [
        (
            amsterdam(2019, 5, 23, 15),
            amsterdam(2019, 5, 23, 17),
            True,
            "donderdag 23 mei 2019, 15.00–17.00",
        ),
        (
            amsterdam(2019, 1, 17, 9, 30),
            amsterdam(2019, 1, 17, 12, 5),
            True,
            "donderdag 17 januari 2019, 09.30–12.05",
        ),
        (
            amsterdam(2019, 11, 1, 20),
            amsterdam(2019, 11, 2, 1),
            True,
            "vrijdag 1 november 2019, 20.00 – zaterdag 2 november 2019, 01.00",
        ),
        (amsterdam(2019, 5, 23), amsterdam(2019, 5, 23, 23, 59), False, "donderdag 23 mei 2019"),
        (None, None, True, ""),
    ],
)
def test_datum_en_tijd_in_dutch(start, eind, tijd_bekend, verwacht):
    assert datum_en_tijd(start, eind, tijd_bekend=tijd_bekend) == verwacht


def test_datum_en_tijd_uses_amsterdam_time_for_utc_values():
    start = datetime.datetime(2019, 5, 23, 13, tzinfo=datetime.UTC)  # 15.00 in summer time
    eind = datetime.datetime(2019, 5, 23, 15, tzinfo=datetime.UTC)
    assert datum_en_tijd(start, eind) == "donderdag 23 mei 2019, 15.00–17.00"

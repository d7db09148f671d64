"""What the PostgreSQL concurrency tests share: their marks and a way to run
work in threads that start at the same moment."""

import threading

import pytest
from django.db import connection

# pytestmark of a concurrency test module.
ALLEEN_POSTGRES = [
    pytest.mark.postgres,
    # Decided before the test database is touched, so on SQLite nothing is flushed.
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Rijvergrendeling (SELECT … FOR UPDATE) is er alleen op PostgreSQL.",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def tegelijk(aantal, doe):
    """Run doe(i) in `aantal` threads that start at the same moment; return their results.

    An exception is returned as that thread's result (for the test's
    assertions). Each thread closes its own database connection.
    """
    start = threading.Barrier(aantal)
    resultaten = [None] * aantal

    def werk(i):
        try:
            start.wait()
            resultaten[i] = doe(i)
        except Exception as fout:  # reported in the assertions
            resultaten[i] = fout
        finally:
            connection.close()

    threads = [threading.Thread(target=werk, args=(i,)) for i in range(aantal)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return resultaten

"""Full-text search on PostgreSQL: a trigger keeps Verhaal.zoekvector up to
date on every insert and every update of title, summary or text (also for
bulk_create, queryset.update() and raw SQL), and a GIN index serves the
searches. The `dutch` configuration stems Dutch words.

On other databases (SQLite in development) this migration does nothing; the
search there falls back to icontains (see verhalen/selectors/search.py).
"""

from django.db import migrations

FUNCTIE = """
CREATE OR REPLACE FUNCTION verhalen_verhaal_zoekvector() RETURNS trigger AS $$
BEGIN
    NEW.zoekvector :=
        setweight(to_tsvector('pg_catalog.dutch', coalesce(NEW.titel, '')), 'A') ||
        setweight(to_tsvector('pg_catalog.dutch', coalesce(NEW.samenvatting, '')), 'B') ||
        setweight(to_tsvector('pg_catalog.dutch', coalesce(NEW.tekst, '')), 'C');
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
"""
TRIGGER = """
CREATE TRIGGER verhalen_verhaal_zoekvector_bijwerken
BEFORE INSERT OR UPDATE OF titel, samenvatting, tekst ON verhalen_verhaal
FOR EACH ROW EXECUTE FUNCTION verhalen_verhaal_zoekvector();
"""
INDEX = "CREATE INDEX verhalen_verhaal_zoekvector_gin ON verhalen_verhaal USING gin (zoekvector);"
VULLEN = "UPDATE verhalen_verhaal SET titel = titel;"

TERUG = [
    "DROP INDEX IF EXISTS verhalen_verhaal_zoekvector_gin;",
    "DROP TRIGGER IF EXISTS verhalen_verhaal_zoekvector_bijwerken ON verhalen_verhaal;",
    "DROP FUNCTION IF EXISTS verhalen_verhaal_zoekvector();",
]


def maak_zoekvector(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for sql in (FUNCTIE, TRIGGER, INDEX, VULLEN):
        schema_editor.execute(sql)


def verwijder_zoekvector(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for sql in TERUG:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("verhalen", "0002_collecties"),
    ]

    operations = [
        migrations.RunPython(maak_zoekvector, verwijder_zoekvector, elidable=False),
    ]

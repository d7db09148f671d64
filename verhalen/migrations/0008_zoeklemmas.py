"""Search finds Dutch plurals and inflections: each story keeps the lemmas of
its words that differ from the words as written (`zoeklemmas`, filled by
Verhaal.save(); verhalen/tekst/woordvormen.py), and on PostgreSQL the trigger adds
them to the search vector (weight D) next to the text as written. The
existing stories are re-indexed here.

Bulk writes that change the text without save() (queryset.update, raw SQL)
still get a right vector for the words as written; their lemmas follow at
the next save: the trigger drops lemmas whose text fingerprint
(`zoeklemmas_bron`, see woordvormen.bron_van) no longer matches, so a word
removed that way is not found through its lemma either.
"""

from django.db import migrations, models

from verhalen.tekst.woordvormen import bron_van, lemmas_van

FUNCTIE = """
CREATE OR REPLACE FUNCTION verhalen_verhaal_zoekvector() RETURNS trigger AS $$
BEGIN
    IF NEW.zoeklemmas_bron IS DISTINCT FROM md5(
        coalesce(NEW.titel, '') || E'\\n' || coalesce(NEW.samenvatting, '') || E'\\n' ||
        coalesce(NEW.tekst, '')
    ) THEN
        NEW.zoeklemmas := '';
        NEW.zoeklemmas_bron := '';
    END IF;
    NEW.zoekvector :=
        setweight(to_tsvector('pg_catalog.dutch', coalesce(NEW.titel, '')), 'A') ||
        setweight(to_tsvector('pg_catalog.dutch', coalesce(NEW.samenvatting, '')), 'B') ||
        setweight(to_tsvector('pg_catalog.dutch', coalesce(NEW.tekst, '')), 'C') ||
        setweight(to_tsvector('pg_catalog.dutch', coalesce(NEW.zoeklemmas, '')), 'D');
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
"""
FUNCTIE_OUD = """
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
DROP TRIGGER IF EXISTS verhalen_verhaal_zoekvector_bijwerken ON verhalen_verhaal;
CREATE TRIGGER verhalen_verhaal_zoekvector_bijwerken
BEFORE INSERT OR UPDATE OF {kolommen} ON verhalen_verhaal
FOR EACH ROW EXECUTE FUNCTION verhalen_verhaal_zoekvector();
"""
PER_KEER = 500


def herindexeer(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTIE)
        schema_editor.execute(TRIGGER.format(kolommen="titel, samenvatting, tekst, zoeklemmas, zoeklemmas_bron"))
    Verhaal = apps.get_model("verhalen", "Verhaal")
    verhalen = Verhaal.objects.only("pk", "titel", "samenvatting", "tekst").order_by("pk")
    for begin in range(0, verhalen.count(), PER_KEER):
        reeks = list(verhalen[begin : begin + PER_KEER])
        for verhaal in reeks:
            bron = (verhaal.titel, verhaal.samenvatting, verhaal.tekst)
            verhaal.zoeklemmas = lemmas_van(*bron)
            verhaal.zoeklemmas_bron = bron_van(*bron)
        Verhaal.objects.bulk_update(reeks, ["zoeklemmas", "zoeklemmas_bron"])


def terug(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTIE_OUD)
        schema_editor.execute(TRIGGER.format(kolommen="titel, samenvatting, tekst"))


class Migration(migrations.Migration):
    dependencies = [
        ("verhalen", "0007_index_verhaal_nieuwste_en_titel"),
    ]

    operations = [
        migrations.AddField(
            model_name="verhaal",
            name="zoeklemmas",
            field=models.TextField(
                blank=True, editable=False, verbose_name="grondvormen voor zoeken"
            ),
        ),
        migrations.AddField(
            model_name="verhaal",
            name="zoeklemmas_bron",
            field=models.CharField(
                blank=True,
                editable=False,
                max_length=32,
                verbose_name="vingerafdruk van de tekst van de grondvormen",
            ),
        ),
        migrations.RunPython(herindexeer, terug, elidable=False),
    ]

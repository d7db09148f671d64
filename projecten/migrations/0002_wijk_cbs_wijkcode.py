from django.db import migrations, models


class Migration(migrations.Migration):
    """A Rotterdam wijk carries the CBS code of its gebied, which several wijken share."""

    dependencies = [
        ("projecten", "0001_initial"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="wijk",
            name="projecten_wijk_cbs_code_vorm",
        ),
        migrations.RenameField(model_name="wijk", old_name="cbs_code", new_name="cbs_wijkcode"),
        migrations.AlterField(
            model_name="wijk",
            name="cbs_wijkcode",
            field=models.CharField(
                help_text=(
                    "De code van het CBS voor het gebied, bijvoorbeeld WK059910. "
                    "Voor het CBS is een Rotterdams gebied een wijk."
                ),
                max_length=8,
                verbose_name="CBS-wijkcode",
            ),
        ),
        migrations.AlterField(
            model_name="wijk",
            name="gebied",
            field=models.CharField(
                help_text="Het Rotterdamse gebied, bijvoorbeeld Feijenoord.",
                max_length=100,
                verbose_name="gebied",
            ),
        ),
        migrations.AlterField(
            model_name="publicatie",
            name="soort",
            field=models.CharField(
                choices=[
                    ("rapport", "rapport"),
                    ("artikel", "artikel"),
                    ("handreiking", "handreiking"),
                    ("werkboek", "werkboek"),
                    ("advies", "advies"),
                    ("column", "column"),
                    ("blog", "blog"),
                    ("boek", "boek"),
                    ("boekhoofdstuk", "boekhoofdstuk"),
                    ("bundel", "bundel"),
                    ("magazine", "magazine"),
                    ("kennisclip", "kennisclip"),
                    ("scriptie", "afstudeeronderzoek"),
                    ("anders", "anders"),
                ],
                default="rapport",
                max_length=20,
                verbose_name="soort",
            ),
        ),
        migrations.AddIndex(
            model_name="wijk",
            index=models.Index(fields=["cbs_wijkcode"], name="projecten_w_cbs_wij_635b9f_idx"),
        ),
        migrations.AddConstraint(
            model_name="wijk",
            constraint=models.CheckConstraint(
                condition=models.Q(("cbs_wijkcode__regex", "^WK0599[0-9]{2}$")),
                name="projecten_wijk_cbs_wijkcode_vorm",
                violation_error_message="Een Rotterdamse CBS-wijkcode ziet eruit als WK059910.",
            ),
        ),
    ]

# The single-column indexes that composite indexes already lead, dropped: each costs every insert (issue 18).

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("dsm_data", "0013_catalogue_version"),
    ]

    operations = [
        migrations.AlterField(
            model_name="value",
            name="country",
            field=models.ForeignKey(
                db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="dsm_data.country"
            ),
        ),
        migrations.AlterField(
            model_name="value",
            name="indicator",
            field=models.ForeignKey(
                db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="dsm_data.indicator"
            ),
        ),
        migrations.AlterField(
            model_name="value",
            name="submission",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="values",
                to="dsm_data.submission",
            ),
        ),
        migrations.AlterField(
            model_name="valuerevision",
            name="value",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="revisions",
                to="dsm_data.value",
            ),
        ),
    ]

"""Wagtail's first migration gives "Editors" and "Moderators" rights on the root page, i.e.
on every page, country intranets included. The portal grants rights section by section
instead (library_pages.services), so those are removed.
"""

from django.db import migrations


def remove_root_page_permissions(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(page__depth=1, group__name__in=["Editors", "Moderators"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("library_pages", "0002_library_and_pages"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(remove_root_page_permissions, migrations.RunPython.noop)]

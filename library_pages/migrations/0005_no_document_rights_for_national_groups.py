"""Wagtail's migration wagtaildocs.0011 gave "choose document" on the root collection to every
group with admin access, "Country administrators" included: every file of the library,
other countries' national-only files too, was listed in their document chooser.

The library is the editors' (and the system administrators'); the national groups
hold no document rights, on any collection. The library's files are not kept per
country, so no country's group gets rights on a collection of its own.
"""

from django.db import migrations
from django.db.models import Q

# Copied from dsm_data.roles and dsm_data.services.accounts: migrations must not import code that may change.
NATIONAL_GROUP_NAMES = ["Data users", "Focal points", "Country administrators"]
COUNTRY_GROUP_SUFFIX = " country administrators"


def remove_document_rights(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    groups = Group.objects.filter(Q(name__in=NATIONAL_GROUP_NAMES) | Q(name__endswith=COUNTRY_GROUP_SUFFIX))
    document_permissions = Permission.objects.filter(content_type__app_label="wagtaildocs")
    GroupCollectionPermission.objects.filter(group__in=groups, permission__in=document_permissions).delete()
    for group in groups:
        group.permissions.remove(*document_permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("library_pages", "0004_listing_order_and_pages_version"),
        ("dsm_data", "0003_role_groups"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(remove_document_rights, migrations.RunPython.noop)]

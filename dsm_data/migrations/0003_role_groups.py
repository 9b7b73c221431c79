"""One group per role; a user's role decides which one they are in (services.assign_role).

Wagtail's own migrations already made "Editors"; it is reused as the editors' group.
"""

from django.db import migrations

# Copied from dsm_data.roles: migrations must not import code that may change.
ROLE_GROUP_NAMES = [
    "Data users",
    "Focal points",
    "Country administrators",
    "Editors",
    "System administrators",
]
# Roles that work in the Wagtail admin (intranet pages, library, users).
ADMIN_GROUP_NAMES = ["Country administrators", "Editors", "System administrators"]


def create_role_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    for name in ROLE_GROUP_NAMES:
        group, _created = Group.objects.get_or_create(name=name)
        if name in ADMIN_GROUP_NAMES:
            group.permissions.add(access_admin)


def remove_role_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=[name for name in ROLE_GROUP_NAMES if name != "Editors"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("dsm_data", "0002_country"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(create_role_groups, remove_role_groups)]

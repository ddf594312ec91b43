"""Create the group "Netwerkpartner" (services.selectors.PARTNER_GROUP_NAME).

Members log in at /partners/inloggen/ and see the partner-only contact lines. The group gets no
permissions: partners do not use the Wagtail admin. Editors add partner accounts to it in Wagtail.
"""

from django.db import migrations

# Copied, not imported: a migration must keep working when the code around it changes.
PARTNER_GROUP_NAME = "Netwerkpartner"


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.get_or_create(name=PARTNER_GROUP_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("services", "0002_seed_kernen_and_taxonomies"),
    ]

    # Reversing keeps the group: deleting it would silently take away every partner's access.
    operations = [migrations.RunPython(create_group, migrations.RunPython.noop)]

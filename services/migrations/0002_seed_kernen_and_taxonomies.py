"""Create the 11 kernen, their (unverified) postcode areas and the life situations and target groups.

The data is the project's own copy in services/demo_data/ (a fresh machine has no ../shared). Rows that
already exist are left as editors made them.
"""

import json
from pathlib import Path

from django.db import migrations

DATA_DIR = Path(__file__).resolve().parent.parent / "demo_data"


def load(name):
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def seed(apps, schema_editor):
    Kern = apps.get_model("services", "Kern")
    PostcodeArea = apps.get_model("services", "PostcodeArea")
    LifeSituation = apps.get_model("services", "LifeSituation")
    TargetGroup = apps.get_model("services", "TargetGroup")

    kernen = load("kernen.json")
    by_slug = {}
    for row in kernen:
        kern, _created = Kern.objects.get_or_create(
            slug=row["slug"],
            defaults={
                "name": row["name"],
                "aliases": "\n".join(row.get("aliases", [])),
                "former_municipality": row.get("former_municipality", ""),
                "latitude": row.get("lat"),
                "longitude": row.get("lon"),
            },
        )
        by_slug[kern.slug] = kern
        for postcode in row.get("postcodes", []):
            PostcodeArea.objects.get_or_create(
                pc4=postcode["pc4"], defaults={"kern": kern, "verified": bool(postcode.get("verified"))}
            )
    for row in kernen:
        by_slug[row["slug"]].neighbours.add(*[by_slug[s] for s in row.get("neighbours", []) if s in by_slug])

    taxonomy = load("taxonomy.json")
    for order, row in enumerate(taxonomy["life_situations"], start=1):
        LifeSituation.objects.get_or_create(
            slug=row["slug"],
            defaults={
                "name": row["name"],
                "description": row["description"],
                "pictogram": row["pictogram"],
                "synonyms": "\n".join(row.get("synonyms", [])),
                "sort_order": order,
            },
        )
    for order, row in enumerate(taxonomy["target_groups"], start=1):
        TargetGroup.objects.get_or_create(slug=row["slug"], defaults={"name": row["name"], "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("services", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]

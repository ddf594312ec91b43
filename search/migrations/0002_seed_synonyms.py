"""Seed the editor-managed synonyms from the project's taxonomy (services/demo_data/taxonomy.json).

Two sources: the taxonomy's ``synonym_sets`` (sets of words that mean the same, and English words that
expand to Dutch ones) and each life situation's ``synonyms`` (words residents use for it), which become
one-way rows pointing at that life situation. Rows that already exist are left as editors made them.
"""

import json
from pathlib import Path

from django.db import migrations

TAXONOMY = Path(__file__).resolve().parents[2] / "services" / "demo_data" / "taxonomy.json"
SITUATION_NOTE = "Woorden die inwoners gebruiken voor dit onderwerp (uit de taxonomie)."


def rows(LifeSituation):
    taxonomy = json.loads(TAXONOMY.read_text(encoding="utf-8"))
    for synonym_set in taxonomy.get("synonym_sets", []):
        if synonym_set.get("kind") == "expansion":
            yield {
                "kind": "one_way",
                "terms": synonym_set["term"],
                "expansions": "\n".join(synonym_set["expansion"]),
            }
        else:
            yield {"kind": "equivalent", "terms": "\n".join(synonym_set["terms"]), "expansions": ""}
    situations = {s.slug: s for s in LifeSituation.objects.all()}
    for situation in taxonomy.get("life_situations", []):
        if situation["slug"] in situations and situation.get("synonyms"):
            yield {
                "kind": "one_way",
                "terms": "\n".join(situation["synonyms"]),
                "expansions": "",
                "life_situation": situations[situation["slug"]],
                "note": SITUATION_NOTE,
            }


def seed(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    LifeSituation = apps.get_model("services", "LifeSituation")
    for row in rows(LifeSituation):
        lookup = {"kind": row["kind"], "terms": row["terms"], "life_situation": row.get("life_situation")}
        Synonym.objects.get_or_create(
            **lookup, defaults={"expansions": row["expansions"], "note": row.get("note", "")}
        )


def unseed(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    LifeSituation = apps.get_model("services", "LifeSituation")
    for row in rows(LifeSituation):
        Synonym.objects.filter(
            kind=row["kind"], terms=row["terms"], life_situation=row.get("life_situation")
        ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("services", "0002_seed_kernen_and_taxonomies"),
    ]

    operations = [migrations.RunPython(seed, unseed)]

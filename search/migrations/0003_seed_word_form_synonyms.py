"""Synonyms the search team adds to the taxonomy's: word forms the Dutch stemmer cannot join.

Only general language facts, no mapping of a particular query to a particular service: irregular verb
forms ("slaat", "sloeg", "geslagen" are one verb), "-t" forms of verbs residents type in the present
tense, and old names residents still use for a renamed provision (peuterspeelzaal → peuteropvang, 2018).
Editors can change or delete these rows like any other.
"""

from django.db import migrations

NOTE = "Woordvormen die de zoekmachine zelf niet herkent (toegevoegd door het zoekteam)."

ROWS = [
    (
        "equivalent",
        "slaan\nslaat\nsloeg\ngeslagen\nmishandeld\nmishandeling",
        "veiligheid-en-huiselijk-geweld",
    ),
    ("equivalent", "spijbelen\nspijbelt\nspijbelde\ngespijbeld\nschoolverzuim", "opvoeden-en-opgroeien"),
    ("equivalent", "peuterspeelzaal\npeuterspeelzalen\npeuteropvang", "opvoeden-en-opgroeien"),
    ("equivalent", "drinken\ndrinkt\ndronk\ndronken\nalcohol", None),
    ("equivalent", "vergeet\nvergeten\nvergeetachtig", None),
]


def seed(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    LifeSituation = apps.get_model("services", "LifeSituation")
    for kind, terms, situation_slug in ROWS:
        situation = LifeSituation.objects.filter(slug=situation_slug).first() if situation_slug else None
        Synonym.objects.get_or_create(
            kind=kind, terms=terms, defaults={"life_situation": situation, "note": NOTE}
        )


def unseed(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for kind, terms, _situation in ROWS:
        Synonym.objects.filter(kind=kind, terms=terms, note=NOTE).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0002_seed_synonyms")]

    operations = [migrations.RunPython(seed, unseed)]

"""The demo data command loads the whole catalogue, honestly, and is safe to run twice."""

import json
from pathlib import Path

import pytest

from django.core.management import call_command

from services.models import Kern, LifeSituation, Location, Organisation, PostcodeArea, ServicePage

pytestmark = pytest.mark.django_db
DATA = Path(__file__).resolve().parents[2] / "services" / "demo_data"


def catalogue():
    return json.loads((DATA / "services.json").read_text(encoding="utf-8"))


def test_the_data_migration_creates_the_eleven_kernen_with_neighbours_and_unverified_postcodes():
    assert Kern.objects.count() == 11
    naaldwijk = Kern.objects.get(slug="naaldwijk")
    assert {k.slug for k in naaldwijk.neighbours.all()} >= {"de-lier", "honselersdijk", "s-gravenzande"}
    assert PostcodeArea.objects.exists()
    assert not PostcodeArea.objects.filter(verified=True).exists()
    assert LifeSituation.objects.count() == 16


def test_seed_demo_loads_every_catalogue_service_is_idempotent_and_can_reset(demo_data):
    slugs = {row["slug"] for row in catalogue()}
    assert set(ServicePage.objects.live().values_list("slug", flat=True)) == slugs
    counts = (ServicePage.objects.count(), Organisation.objects.count(), Location.objects.count())
    revisions = sorted(ServicePage.objects.values_list("latest_revision_id", flat=True))

    call_command("seed_demo", "--no-index", verbosity=0)

    assert (ServicePage.objects.count(), Organisation.objects.count(), Location.objects.count()) == counts
    assert sorted(ServicePage.objects.values_list("latest_revision_id", flat=True)) == revisions

    # --reset starts over: a deleted demo service comes back, nothing is doubled.
    ServicePage.objects.get(slug="taalhuis").delete()
    call_command("seed_demo", "--reset", "--no-index", verbosity=0)
    assert ServicePage.objects.filter(slug="taalhuis").exists()
    assert ServicePage.objects.count() == len(catalogue())

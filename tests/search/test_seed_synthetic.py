"""seed_synthetic adds realistic, searchable services in bulk and --clear removes exactly them."""

from io import StringIO

from django.core.management import call_command

from wagtail.models import Page

from search.retrieval import search_services
from services.models import Location, Organisation, ServicePage


def test_generated_services_are_live_searchable_and_removed_exactly(search_demo):
    before = set(ServicePage.objects.values_list("slug", flat=True))
    out = StringIO()
    call_command("seed_synthetic", count=120, seed=3, stdout=out)
    generated = ServicePage.objects.filter(slug__startswith="synth-")
    assert generated.count() == 120
    assert generated.live().count() == 120
    sample = generated.select_related("organisation").first()
    assert sample.summary and sample.next_step and sample.search_text
    assert sample.url.startswith("/hulp/synth-")
    assert sample.life_situations.exists()
    assert set(generated.values_list("pyramid_level", flat=True)) == {
        "sociale_basis",
        "vrij_toegankelijk",
        "maatwerk",
        "specialistisch",
    }
    assert Page.find_problems() == ([], [], [], [], [])
    assert search_services(text="").count == len(before) + 120
    assert any(r.document.slug.startswith("synth-") for r in search_services(text="koffieochtend").results)

    call_command("seed_synthetic", clear=True, stdout=out)
    assert set(ServicePage.objects.values_list("slug", flat=True)) == before
    assert not Organisation.objects.filter(slug__startswith="synth-").exists()
    assert not Location.objects.filter(organisation__slug__startswith="synth-").exists()
    assert Page.find_problems() == ([], [], [], [], [])
    assert search_services(text="").count == len(before)


def test_the_same_seed_gives_the_same_services(search_demo):
    call_command("seed_synthetic", count=20, seed=11, stdout=StringIO())
    first = list(
        ServicePage.objects.filter(slug__startswith="synth-").order_by("slug").values_list("title", flat=True)
    )
    call_command("seed_synthetic", clear=True, count=20, seed=11, stdout=StringIO())
    second = list(
        ServicePage.objects.filter(slug__startswith="synth-").order_by("slug").values_list("title", flat=True)
    )
    assert first == second

"""ServicePage.search_text and the search caches follow the content without a manual reindex."""

import pytest

from search import versions
from search.documents import document_for
from search.retrieval import search_services
from search.search_text import refresh_search_text, search_text_for_page
from search.store import get_store
from search.text import normalise
from search.understanding import get_lexicon
from services.models import Organisation, ServicePage
from tests.factories import ServicePageFactory

from .conftest import slugs


def test_search_text_is_the_normalised_public_text_with_the_title_weighted(search_demo):
    page = ServicePage.objects.get(slug="schuldhulpmaatje")
    text = page.search_text.split()
    title = normalise(page.title, vocabulary=get_lexicon().splitting_vocabulary).split()
    assert text[: 3 * len(title)] == title * 3  # the title three times, then the rest
    assert {"schuld", "hulp", "vrijwilliger"} <= set(text)
    assert page.search_text == search_text_for_page(page)


def test_partner_only_contact_lines_never_reach_the_search_text(search_demo):
    from tests.factories import ServicePartnerInfoFactory

    page = ServicePage.objects.get(slug="schuldhulpmaatje")
    ServicePartnerInfoFactory(page=page, contact_person="Petronella Geheim", referral_notes="alleen dinsdag")
    refresh_search_text(ServicePage.objects.filter(pk=page.pk))
    page.refresh_from_db()
    assert "petronella" not in page.search_text and "geheim" not in page.search_text
    assert search_services(text="Petronella").count == 0


def test_publishing_a_change_updates_search_text_and_results_without_a_reindex(search_demo):
    page = ServicePage.objects.get(slug="plusbus")
    assert "plusbus" not in slugs(search_services(text="fietsenmaker"))
    page.summary = page.summary + " Ook een fietsenmaker rijdt mee."
    page.save_revision().publish()
    page.refresh_from_db()
    assert "fietsenmak" in page.search_text
    assert slugs(search_services(text="fietsenmaker"), 1) == ["plusbus"]


def test_a_draft_does_not_change_what_residents_find(search_demo):
    page = ServicePage.objects.get(slug="plusbus")
    page.summary = "Conceptversie over zeilboten."
    page.save_revision()
    assert search_services(text="zeilboten").count == 0


def test_unpublishing_removes_a_service_from_the_results(search_demo):
    page = ServicePage.objects.get(slug="schuldhulpmaatje")
    assert "schuldhulpmaatje" in slugs(search_services(text="schulden"))
    page.unpublish()
    assert "schuldhulpmaatje" not in slugs(search_services(text="schulden", per_page=100))


def test_a_new_page_from_a_factory_is_found(search_demo):
    page = ServicePageFactory(title="Repair Café Wateringen", summary="Samen kapotte spullen repareren.")
    assert page.search_text
    assert slugs(search_services(text="repareren"), 1) == [page.slug]


def test_renaming_an_organisation_refreshes_the_texts_of_its_services(
    search_demo, django_capture_on_commit_callbacks
):
    organisation = Organisation.objects.get(slug="vitis-welzijn")
    with django_capture_on_commit_callbacks(execute=True):  # the background task runs after the commit
        organisation.name = "Welzijnsorganisatie Tulpenveld"
        organisation.save()
    page = ServicePage.objects.filter(organisation=organisation).first()
    assert "tulpenveld" in page.search_text
    assert (
        search_services(text="tulpenveld").count
        == ServicePage.objects.live().filter(organisation=organisation).exclude(status="ended").count()
    )


def test_content_changes_bump_the_version_and_the_store_follows(search_demo):
    before = versions.tokens().get(versions.CONTENT)
    store = get_store()
    page = ServicePage.objects.get(slug="plusbus")
    page.pyramid_level = "maatwerk"
    page.save_revision().publish()
    assert versions.tokens()[versions.CONTENT] != before
    assert get_store() is not store
    assert get_store().facts[page.pk].pyramid_level == "maatwerk"


def test_the_store_only_knows_public_searchable_services(search_demo):
    ended = ServicePage.objects.get(slug="plusbus")
    ended.status = "ended"
    ended.save_revision().publish()
    store = get_store()
    assert ended.pk not in store.facts
    assert len(store.facts) == ServicePage.objects.live().exclude(status="ended").count()


def test_document_and_store_agree_on_every_service(search_demo):
    store = get_store()
    for page in ServicePage.objects.live().select_related("organisation"):
        document = document_for(page)
        facts = store.facts.get(page.pk)
        assert facts is not None
        assert (facts.pyramid_level, facts.status, facts.cost, facts.regional) == (
            document.pyramid_level,
            document.status,
            document.cost,
            document.regional,
        )
        assert facts.kernen == frozenset(document.kernen)
        assert facts.situations == frozenset(document.situations)
        assert facts.groups == frozenset(document.target_groups)
        assert facts.channels == frozenset(document.channels)


@pytest.mark.parametrize("vendor_safe_text", ["schulden", "jeugdhulp"])
def test_refresh_is_idempotent(search_demo, vendor_safe_text):
    assert refresh_search_text() == 0
    assert search_services(text=vendor_safe_text).count > 0

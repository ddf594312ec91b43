"""The functions other parts call: ranked_ids (HSDS), candidates and load_services (questionnaire)."""

from search.documents import ServiceDocument
from search.ranking import Candidate, Geography, rank
from search.retrieval import candidates, load_services, ranked_ids, search_services
from services.models import ServicePage

from .conftest import slugs


def slug_of(ids):
    names = dict(ServicePage.objects.values_list("pk", "slug"))
    return [names[pk] for pk in ids]


def test_ranked_ids_follow_the_search_order(search_demo):
    ids = ranked_ids(text="schulden")
    assert slug_of(ids)[:10] == slugs(search_services(text="schulden", per_page=10))
    assert len(ids) == search_services(text="schulden").count


def test_ranked_ids_without_text_list_every_searchable_service(search_demo):
    assert len(ranked_ids(text="")) == ServicePage.objects.live().exclude(status="ended").count()


def test_candidates_combine_text_and_chosen_situations(search_demo):
    found = candidates(text="boodschappen", situations=["mantelzorg"])
    by_slug = dict(zip(slug_of([c.id for c in found]), found, strict=True))
    assert "mantelzorgsteunpunt" in by_slug  # from the chosen tile
    assert "mantelzorg" in by_slug["mantelzorgsteunpunt"].facts.situations
    assert all(c.score >= 0 for c in found)
    scores = [c.score for c in found]
    assert scores == sorted(scores, reverse=True)
    assert len({c.id for c in found}) == len(found)


def test_candidates_are_limited_and_carry_the_stores_kern_maps(search_demo):
    found = candidates(situations=["zorg-en-hulp-thuis"], limit=3)
    assert len(found) == 3
    assert "ter-heijde" in found.neighbours["monster"]
    assert found.kern_names["monster"] == "Monster"


def test_candidates_mark_crisis_services_and_whether_the_text_says_crisis(search_demo):
    found = candidates(text="ik denk aan zelfmoord")
    said = set(slug_of([c.id for c in found if c.text_says_crisis]))
    assert "113-zelfmoordpreventie" in said
    assert said <= set(slug_of([c.id for c in found if c.is_crisis_service]))
    calm = candidates(text="eenzaam")
    assert not any(c.text_says_crisis for c in calm)


def test_candidates_rank_through_the_one_candidate_factory(search_demo):
    found = candidates(situations=["psychische-gezondheid"])
    eligibility = {c.id: (2 if slug_of([c.id]) == ["maatjes"] else 0) for c in found}
    built = [c.facts.candidate(c.score, eligibility_rank=eligibility[c.id]) for c in found]
    assert all(isinstance(c, Candidate) for c in built)
    ranked = rank(built, kern="naaldwijk", neighbours=found.neighbours)
    order = slug_of([item.id for item in ranked])
    assert order[0] == "maatjes"  # lightest level still wins over eligibility, as policy says
    ggz = next(item for item in ranked if slug_of([item.id]) == ["ggz-inloop"])
    assert ggz.geography == Geography.IN_KERN


def test_load_services_gives_public_pages_with_documents_and_never_partner_data(search_demo):
    found = candidates(situations=["zorg-en-hulp-thuis"], limit=5)
    loaded = load_services([c.id for c in found])
    assert set(loaded) == {c.id for c in found}
    for pk, shown in loaded.items():
        assert shown.service.pk == pk
        assert isinstance(shown.document, ServiceDocument)
        assert not hasattr(shown.document, "partner_info")


def test_load_services_leaves_out_pages_that_are_no_longer_live(search_demo):
    page = ServicePage.objects.live().get(slug="maatjes")
    page.unpublish()
    assert load_services([page.pk]) == {}

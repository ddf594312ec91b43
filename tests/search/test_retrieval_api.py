"""The functions other parts call: ranked_ids (HSDS), candidates and rank_with_eligibility (questionnaire)."""

from search.ranking import Candidate, Geography
from search.retrieval import candidates, rank_with_eligibility, ranked_ids, search_services
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


def test_candidates_combine_text_and_chosen_situations_with_documents(search_demo):
    found = candidates(text="boodschappen", situations=["mantelzorg"])
    by_slug = {c.document.slug: c for c in found}
    assert "mantelzorgsteunpunt" in by_slug  # from the chosen tile
    assert "mantelzorg" in by_slug["mantelzorgsteunpunt"].matched_situations
    assert all(c.score >= 0 and c.document.is_searchable for c in found)
    scores = [c.score for c in found]
    assert scores == sorted(scores, reverse=True)


def test_candidates_are_limited_and_never_partner_data(search_demo):
    found = candidates(situations=["zorg-en-hulp-thuis"], limit=3)
    assert len(found) == 3
    assert not hasattr(found[0].document, "partner_info")


def test_candidates_mark_crisis_services_for_a_crisis_text(search_demo):
    found = candidates(text="ik denk aan zelfmoord")
    crisis = {c.document.slug for c in found if c.is_crisis}
    assert "113-zelfmoordpreventie" in crisis
    assert not any(c.is_crisis for c in candidates(text="eenzaam"))


def test_rank_with_eligibility_orders_by_level_kern_and_eligibility(search_demo):
    found = candidates(situations=["psychische-gezondheid"])
    eligibility = {c.id: (2 if c.document.slug == "maatjes" else 0) for c in found}
    ranked = rank_with_eligibility(found, eligibility=eligibility, kern="naaldwijk")
    order = slug_of([item.id for item in ranked])
    assert order[0] == "maatjes"  # lightest level still wins over eligibility, as policy says
    ggz = next(item for item in ranked if slug_of([item.id]) == ["ggz-inloop"])
    assert ggz.geography == Geography.IN_KERN
    assert isinstance(found[0].to_candidate(), Candidate)

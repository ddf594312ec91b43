"""The only measurement: an anonymous daily count of searches that found nothing."""

import datetime

import pytest

from django.contrib.auth.models import Permission
from django.urls import reverse

from search.measurement import anonymised_text, record_zero_result, visible_zero_results
from search.models import ZeroResultQuery
from search.retrieval import candidates, ranked_ids
from tests.factories import UserFactory


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Mijn BSN is 123456782 en ik heb een fiets", "bsn fiets"),
        ("bel me op 06-12345678 of mail jan@example.org", "bel mail"),
        ("Dorpsstraat 12, 2671 AB Naaldwijk hond", "dorpsstraat naaldwijk hond"),
        ("zie www.example.org/pad?x=1 voor info", "zie info"),
        ("Café Crème", "cafe creme"),
        ("ik wil een supercalifragilisticexpialidociouswoordje", ""),
        ("a b c d e f g h i j k l m n o p q r s t u", ""),
    ],
)
def test_the_stored_text_keeps_no_numbers_addresses_or_contact_details(typed, stored):
    assert anonymised_text(typed) == stored


def test_a_search_without_results_is_counted_per_day_and_kern_and_nothing_else(search_demo, client):
    for _ in range(3):
        client.get(reverse("search"), {"q": "fietsreparatie 0612345678", "kern": "monster"})
    client.get("/api/v1/search", {"q": "fietsreparatie"})
    rows = list(ZeroResultQuery.objects.values("date", "text", "kern", "count"))
    today = datetime.date.today()
    assert {(r["text"], r["kern"], r["count"]) for r in rows} == {
        ("fietsreparatie", "monster", 3),
        ("fietsreparatie", "", 1),
    }
    assert all(abs((r["date"] - today).days) <= 1 for r in rows)
    field_names = {f.name for f in ZeroResultQuery._meta.get_fields()}
    assert field_names == {"id", "date", "text", "kern", "count"}


def test_questionnaire_and_hsds_lookups_are_never_counted(search_demo):
    candidates(text="fietsreparatie")
    ranked_ids(text="fietsreparatie")
    assert not ZeroResultQuery.objects.exists()


def test_later_pages_and_invalid_searches_are_not_counted(search_demo, client):
    client.get(reverse("search"), {"q": "fietsreparatie", "page": 2})
    client.get(reverse("search"), {"q": "fietsreparatie", "kern": "atlantis"})
    assert not ZeroResultQuery.objects.exists()


def test_counts_below_five_are_hidden_in_the_queryset(search_demo):
    today = datetime.date(2026, 3, 2)
    for _ in range(4):
        record_zero_result(text="zeldzaam", today=today)
    for _ in range(5):
        record_zero_result(text="vaak gezocht", kern="monster", today=today)
    record_zero_result(text="rijbewijs kwijt", today=today)
    for day in range(4):
        record_zero_result(text="rijbewijs kwijt", today=today - datetime.timedelta(days=day + 1))
    visible = {(row["text"], row["kern"]): row["total"] for row in visible_zero_results()}
    assert visible == {("vaak gezocht", "monster"): 5, ("rijbewijs kwijt", ""): 5}
    assert {row["text"] for row in visible_zero_results(since=today)} == {"vaak gezocht"}


def test_editors_see_only_counts_of_five_or_more_in_the_admin(search_demo, admin_client):
    today = datetime.date.today()
    for _ in range(4):
        record_zero_result(text="zeldzaamwoord", today=today)
    for _ in range(6):
        record_zero_result(text="hondenuitlaatservice", today=today)
    response = admin_client.get(reverse("search_zero_results"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "hondenuitlaatservice" in html
    assert "zeldzaamwoord" not in html


def test_the_report_is_only_for_users_with_permission(search_demo, client):
    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    refused = client.get(reverse("search_zero_results"))
    assert refused.status_code == 302  # Wagtail turns a refusal into a redirect to the dashboard
    assert refused.url == reverse("wagtailadmin_home")
    editor.user_permissions.add(Permission.objects.get(codename="view_zeroresultquery"))
    editor = type(editor).objects.get(pk=editor.pk)  # permissions are cached on the instance
    client.force_login(editor)
    assert client.get(reverse("search_zero_results")).status_code == 200

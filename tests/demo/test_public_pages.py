"""Seed the demo data and render every public page."""

import pytest

from services.models import LifeSituation, ServiceIndexPage, ServicePage
from tests import factories

pytestmark = pytest.mark.django_db


def test_every_public_page_of_the_demo_site_renders(client, demo_data):
    index_page = ServiceIndexPage.objects.get()
    urls = ["/", index_page.url, "/crisis/"]
    urls += [index_page.situation_url(situation) for situation in LifeSituation.objects.all()]
    urls += [page.url for page in ServicePage.objects.live()]
    failures = []
    for url in urls:
        response = client.get(url)
        if response.status_code != 200:
            failures.append((url, response.status_code))
    assert not failures
    assert len(urls) > 100


def test_a_situation_list_shows_lighter_help_first(client, demo_data):
    index_page = ServiceIndexPage.objects.get()
    situation = LifeSituation.objects.get(slug="geld-en-schulden")
    html = client.get(index_page.situation_url(situation)).content.decode()
    maatje = html.index(ServicePage.objects.get(slug="schuldhulpmaatje").title)
    schuldhulp = html.index(ServicePage.objects.get(slug="schuldhulpverlening").title)
    assert maatje < schuldhulp


def test_unknown_facts_are_shown_honestly_as_unknown(client, demo_data):
    page = ServicePage.objects.get(slug="taalhuis")
    html = client.get(page.url).content.decode()
    assert "onbekend" in html.lower() or "weten we" in html.lower()


def test_unknown_situation_and_unknown_page_answer_404_in_dutch(client, demo_data):
    index_page = ServiceIndexPage.objects.get()
    response = client.get(index_page.url + "thema/bestaat-niet/")
    assert response.status_code == 404
    response = client.get("/bestaat-echt-niet/")
    assert response.status_code == 404
    assert "niet gevonden" in response.content.decode().lower()


def test_partner_only_lines_are_not_shown_to_the_public_but_are_shown_to_partners(client, django_user_model):
    from django.contrib.auth.models import Group

    info = factories.ServicePartnerInfoFactory(
        contact_person="MARKER-PARTNER-ONLY", direct_line="0174 999999"
    )
    url = info.page.url
    assert "MARKER-PARTNER-ONLY" not in client.get(url).content.decode()

    partner = factories.UserFactory()
    partner.groups.add(Group.objects.get_or_create(name="Netwerkpartner")[0])
    client.force_login(partner)
    assert "MARKER-PARTNER-ONLY" in client.get(url).content.decode()


def test_anonymous_visitors_get_no_cookie_but_csrf(client, demo_data):
    response = client.get("/")
    assert set(response.cookies) <= {"csrftoken"}

"""Smoke tests of the public templates: they render, say the key things in Dutch, and keep partner-only
details away from the public. Browser checks (axe, keyboard, reflow) live in the browser tests."""

import datetime
import re

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.http import HttpResponse
from django.test import override_settings
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone, translation

from home.models import HomePage
from home.views import server_error
from hulpzoeker import urls as root_urls
from services import opening_hours
from services.models import (
    LifeSituation,
    Location,
    OpeningHours,
    Organisation,
    ServiceIndexPage,
    ServicePage,
    ServicePartnerInfo,
)
from services.templatetags import hulpzoeker_tags

DUTCH = {"HTTP_ACCEPT_LANGUAGE": "nl"}


@pytest.fixture(autouse=True)
def _fresh_cache():
    # The human route is cached for a minute; one test's pages must not leak into the next.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def index_page(db):
    home = HomePage.objects.get()
    index = ServiceIndexPage(title="Alle hulp", slug="hulp", intro="Alle hulp in Westland.")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def organisation(db):
    return Organisation.objects.create(slug="vitis", name="Vitis Welzijn", kind="welzijn")


def make_service(index, organisation, *, slug, title, level="vrij_toegankelijk", **fields):
    situation = LifeSituation.objects.get(slug="geld-en-schulden")
    defaults = {
        "summary": "Hulp bij je post en je geld.",
        "next_step": "Loop binnen op dinsdag.",
        "access_channels": ["inloop"],
        "pyramid_level": level,
    }
    defaults.update(fields)
    page = ServicePage(title=title, slug=slug, organisation=organisation, **defaults)
    page.life_situations = [situation]
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def body_of(response):
    return response.content.decode()


def test_home_page_shows_skip_link_crisis_numbers_and_tiles(client, index_page):
    response = client.get("/", **DUTCH)
    html = body_of(response)

    assert response.status_code == 200
    assert '<html lang="nl"' in html
    first_link = re.search(r"<a [^>]*>", html.split("<body", 1)[1]).group(0)
    assert 'href="#inhoud"' in first_link, "the skip link must be the first focusable element"
    assert "Naar de inhoud" in html
    assert 'id="inhoud"' in html
    assert "Direct hulp nodig?" in html
    assert 'href="tel:112"' in html
    assert 'href="tel:08000113"' in html
    assert "Waar gaat het over?" in html
    assert "Geld en schulden" in html
    assert index_page.situation_url(LifeSituation.objects.get(slug="geld-en-schulden")) in html
    assert "0 diensten" in html
    assert "Liever met iemand praten?" in html
    assert "fonts.googleapis" not in html and "cdn" not in html.lower()


def test_home_page_links_the_questionnaire_only_when_it_exists(client, index_page):
    html = body_of(client.get("/", **DUTCH))
    try:
        start_url = reverse("hulpwijzer:start")
    except NoReverseMatch:
        start_url = None
    if start_url:
        assert f'href="{start_url}"' in html
        assert "Stap voor stap hulp vinden" in html
    else:
        assert "Stap voor stap hulp vinden" not in html


def test_crisis_page_lists_the_national_numbers_and_the_night_route(client, db):
    response = client.get(reverse("crisis"), **DUTCH)
    html = body_of(response)

    assert response.status_code == 200
    assert "Direct hulp" in html
    for number in ("tel:112", "tel:08000113", "tel:08002000"):
        assert number in html
    assert "Daklozenloket" in html
    assert "113.nl" in html


def test_unknown_address_gets_a_dutch_404_with_a_way_back(client, db):
    response = client.get("/bestaat-echt-niet/", **DUTCH)
    html = body_of(response)

    assert response.status_code == 404
    assert "We kunnen deze pagina niet vinden" in html
    assert 'href="/"' in html
    assert "Liever met iemand praten?" in html


def test_server_error_page_renders_without_touching_the_database(rf):
    # No db fixture: pytest-django fails the test on any database access.
    request = rf.get("/")
    request.user = AnonymousUser()
    with translation.override("nl"):
        response = server_error(request)
    html = body_of(response)

    assert response.status_code == 500
    assert "Er ging iets mis" in html
    assert 'href="/"' in html
    assert 'href="tel:112"' in html


def test_service_page_shows_the_sections_in_b1_and_hides_partner_details(client, index_page, organisation):
    page = make_service(
        index_page,
        organisation,
        slug="formulierenhulp",
        title="Formulierenhulp",
        phone="0174 123456",
        min_age=12,
        max_age=23,
        what_to_bring="Je post\nJe identiteitsbewijs",
        checked_on=datetime.date(2025, 3, 3),
        is_general_knowledge=True,
    )
    ServicePartnerInfo.objects.create(page=page, contact_person="Jan Geheim", direct_line="0174 999999")

    html = body_of(client.get(page.url, **DUTCH))

    for text in (
        "Wat kun je nu doen?",
        "Loop binnen op dinsdag.",
        "Voor wie is dit?",
        "Van 12 tot en met 23 jaar",
        "Zo kom je in contact",
        "Binnenlopen zonder afspraak",
        'href="tel:0174123456"',
        "Waar en wanneer",
        "Heel Westland",
        "Wat kost het?",
        "Dat weten we niet. Vraag het na bij de organisatie.",
        "Wat neem je mee?",
        "Je identiteitsbewijs",
        "Gecontroleerd op 3 maart 2025",
        "Laatst gewijzigd:",
        "Een deel van deze informatie moet nog worden nagekeken.",
        "Liever met iemand praten?",
    ):
        assert text in html, text
    assert "Alleen voor netwerkpartners" not in html
    assert "Jan Geheim" not in html
    assert "0174 999999" not in html


def test_partner_sees_the_partner_only_block(client, index_page, organisation):
    page = make_service(index_page, organisation, slug="skt", title="Sociaal Kernteam")
    ServicePartnerInfo.objects.create(page=page, contact_person="Jan Geheim", direct_line="0174 999999")
    client.force_login(get_user_model().objects.create_superuser("partner", "p@example.org", "x-secret-1"))

    html = body_of(client.get(page.url, **DUTCH))

    assert "Alleen voor netwerkpartners" in html
    assert "Jan Geheim" in html
    assert 'href="tel:0174999999"' in html


def test_service_without_any_contact_route_says_so_honestly(client, index_page, organisation):
    page = make_service(index_page, organisation, slug="onbekend", title="Onbekende hulp", access_channels=[])

    html = body_of(client.get(page.url, **DUTCH))

    assert "Hoe je hier terechtkomt, weten we nog niet. Vraag het bij het Buurtinformatiepunt." in html


def test_temporarily_closed_service_says_it_in_words(client, index_page, organisation):
    page = make_service(
        index_page,
        organisation,
        slug="dicht",
        title="Dichte hulp",
        status="temporarily_closed",
        status_alert="Dicht tot 1 maart. Ga naar de bibliotheek in Monster.",
    )
    situation = LifeSituation.objects.get(slug="geld-en-schulden")

    detail = body_of(client.get(page.url, **DUTCH))
    listing = body_of(client.get(index_page.situation_url(situation), **DUTCH))

    assert "Tijdelijk gesloten" in detail
    assert "Dicht tot 1 maart. Ga naar de bibliotheek in Monster." in detail
    assert "Tijdelijk gesloten" in listing


def test_location_shows_address_wheelchair_and_weekly_hours(client, index_page, organisation):
    page = make_service(index_page, organisation, slug="bip", title="Buurtinformatiepunt")
    location = Location.objects.create(
        organisation=organisation,
        name="Bibliotheek Naaldwijk",
        street_address="Verdilaan 7",
        wheelchair_access="yes",
        hours_known=True,
        city="Naaldwijk",
    )
    OpeningHours.objects.create(
        location=location, weekday=1, opens=datetime.time(9), closes=datetime.time(12), kind="inloop"
    )
    unknown = Location.objects.create(organisation=organisation, name="Wijkcentrum", hours_known=False)
    page.locations = [location, unknown]
    page.save_revision().publish()

    html = body_of(client.get(page.url, **DUTCH))

    assert "Verdilaan 7" in html
    assert "Je kunt er naar binnen met een rolstoel." in html
    assert "Openingstijden van Bibliotheek Naaldwijk" in html
    assert 'scope="row"' in html
    assert "09:00 – 12:00 (inloop)" in html
    assert "Openingstijden onbekend" in html


def test_situation_list_puts_the_lightest_help_first_and_ends_with_a_person(client, index_page, organisation):
    make_service(index_page, organisation, slug="aanvraag", title="Bijzondere bijstand", level="maatwerk")
    make_service(index_page, organisation, slug="maatje", title="Schuldhulpmaatje", level="sociale_basis")
    situation = LifeSituation.objects.get(slug="geld-en-schulden")

    html = body_of(client.get(index_page.situation_url(situation), **DUTCH))

    assert html.index("Zelf of samen met anderen") < html.index("Hiervoor doe je een aanvraag")
    assert html.index("Schuldhulpmaatje") < html.index("Bijzondere bijstand")
    assert html.rindex("Liever met iemand praten?") > html.index("Bijzondere bijstand")


def test_service_index_groups_services_by_situation(client, index_page, organisation):
    make_service(index_page, organisation, slug="maatje", title="Schuldhulpmaatje", level="sociale_basis")

    html = body_of(client.get(index_page.url, **DUTCH))

    assert "Schuldhulpmaatje" in html
    assert "Bekijk de 1 dienst bij: Geld en schulden" in html


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [(12, 23, "Van 12 tot en met 23 jaar"), (18, None, "Vanaf 18 jaar"), (None, 24, "Tot en met 24 jaar")],
)
def test_age_range_in_words(low, high, expected):
    service = ServicePage(min_age=low, max_age=high)
    with translation.override("nl"):
        assert hulpzoeker_tags.age_range(service) == expected


def test_opening_sentence_names_the_next_day_in_the_active_language():
    tz = timezone.get_default_timezone()
    now = datetime.datetime(2026, 3, 2, 20, 0, tzinfo=tz)  # a Monday evening
    state = opening_hours.OpeningState(
        status=opening_hours.OpeningStatus.CLOSED,
        opens_next_at=datetime.datetime(2026, 3, 4, 9, 0, tzinfo=tz),
        next_kind="inloop",
    )
    with translation.override("nl"):
        dutch = hulpzoeker_tags.opening_sentence(state, now=now)
    with translation.override("en"):
        english = hulpzoeker_tags.opening_sentence(state, now=now)

    assert dutch == "Nu dicht. Binnenlopen kan op woensdag vanaf 09:00"
    assert english == "Closed now. Walk in on Wednesday from 09:00"


def test_pictogram_is_hidden_from_screen_readers_and_rejects_paths():
    svg = hulpzoeker_tags.pictogram("phone")

    assert svg.startswith("<svg")
    assert 'aria-hidden="true"' in svg and 'focusable="false"' in svg
    assert hulpzoeker_tags.pictogram("../templates/base") == ""
    assert hulpzoeker_tags.pictogram("does-not-exist") == ""


def _search_stub(request):
    return HttpResponse("")


# Routes the search and questionnaire apps will provide; stubbed so the home page shows its entry points.
urlpatterns = [
    path("zoeken/", _search_stub, name="search"),
    *root_urls.urlpatterns,
]


@override_settings(ROOT_URLCONF=__name__)
def test_home_page_has_a_labelled_search_form_when_search_exists(client, index_page):
    html = body_of(client.get("/", **DUTCH))

    assert '<form class="hz-search" action="/zoeken/" method="get" role="search">' in html
    assert '<label class="utrecht-form-label" for="hz-home-q">Waar wil je hulp bij?</label>' in html
    assert 'name="q"' in html
    assert 'href="/zoeken/"' in html, "the main menu links to search"
